"""The container deployment trusts forwarded client addresses only from the
gateway the host's reverse proxy comes through, never from any address.

Docker Compose itself is not installed here, so the file is read as YAML and
the trusted address checked against the network it declares.
"""

from __future__ import annotations

import ipaddress
import shlex
from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "installer" / "server" / "compose.yaml"


def _server_command(doc: dict) -> list[str]:
    entry = doc["services"]["server"]["entrypoint"]
    return shlex.split(entry[-1])


def test_forwarded_headers_are_trusted_from_the_declared_gateway_only() -> None:
    doc = yaml.safe_load(COMPOSE.read_text())
    argv = _server_command(doc)
    trusted = argv[argv.index("--forwarded-allow-ips") + 1].split(",")
    assert "*" not in trusted
    nets = doc["services"]["server"]["networks"]
    gateways = {
        ipaddress.ip_address(cfg["gateway"])
        for name in nets
        for cfg in doc["networks"][name]["ipam"]["config"]
    }
    subnets = [
        ipaddress.ip_network(cfg["subnet"])
        for name in nets
        for cfg in doc["networks"][name]["ipam"]["config"]
    ]
    for item in trusted:
        addr = ipaddress.ip_address(item.strip())
        assert addr in gateways
        assert any(addr in net for net in subnets)


def test_database_shares_the_server_network() -> None:
    doc = yaml.safe_load(COMPOSE.read_text())
    assert set(doc["services"]["db"]["networks"]) & set(doc["services"]["server"]["networks"])
