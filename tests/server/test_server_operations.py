"""Running the server: the admin CLI, health, logs, graceful shutdown."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from srvkit import REPO, ServerProcess, patch_headers, sha, upload_headers

from app.sync import protocol as p

pytestmark = pytest.mark.slow
# uvicorn re-raises SIGTERM once it has shut down cleanly, so the process ends
# "killed by SIGTERM", which service managers count as a clean stop.
CLEAN_EXIT = (0, -signal.SIGTERM)


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", "--data-dir", str(data_dir), "admin", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _enrol(base_url: str, code: str) -> httpx.Client:
    response = httpx.post(
        f"{base_url}/api/v1/enroll", json={"enrolment_code": code, "station_name": "Quầy 1"}
    )
    assert response.status_code == 200, response.text
    token = response.json()["station_token"]
    return httpx.Client(
        base_url=base_url,
        headers={"Authorization": f"Bearer {token}", p.PROTOCOL_HEADER: "1"},
        timeout=30,
    )


def test_admin_commands_prepare_an_office_for_a_station(tmp_path: Path) -> None:
    data = tmp_path / "data"
    office = "000.00.24.H47"
    made = _cli(data, "create-office", "--code", office.lower(), "--name", "UBND xã Tân Lập")
    assert made.returncode == 0, made.stderr
    assert office in made.stdout
    again = _cli(data, "create-office", "--code", office, "--name", "Trùng")
    assert again.returncode == 2 and "Lỗi:" in again.stderr
    bad = _cli(data, "create-office", "--code", "khong-hop-le", "--name", "X")
    assert bad.returncode == 2 and "Mã cơ quan" in bad.stderr
    enrolled = _cli(data, "enroll-station", "--office", office, "--number", "2")
    assert enrolled.returncode == 0, enrolled.stderr
    code = enrolled.stdout.strip().splitlines()[0]
    officer = _cli(
        data,
        "create-officer",
        "--office",
        office,
        "--username",
        "lan.nt",
        "--full-name",
        "Nguyễn Thị Lan",
        "--role",
        "clerk",
        "--password",
        "mat-khau-lan",
    )
    assert officer.returncode == 0, officer.stderr
    generated = _cli(
        data,
        "create-officer",
        "--office",
        office,
        "--username",
        "xuly",
        "--full-name",
        "Cán bộ xử lý",
        "--role",
        "backoffice",
    )
    assert generated.returncode == 0 and "Mật khẩu tạm:" in generated.stdout
    assert (
        _cli(
            data,
            "set-calendar",
            "--office",
            office,
            "--day",
            "2026-04-27",
            "--kind",
            "off",
            "--note",
            "Nghỉ bù",
        ).returncode
        == 0
    )
    assert _cli(data, "set-fee", "--procedure", "1.001193", "--amount", "8000").returncode == 0

    server = ServerProcess(data, f"sqlite:///{data / 'server.sqlite3'}")
    try:
        station = _enrol(server.base_url, code)
        master = station.get("/api/v1/master").json()
        assert [o["username"] for o in master["officers"]["officers"]] == ["lan.nt"]
        assert master["calendar"]["overrides"][0]["day"] == "2026-04-27"
        login = station.post(
            "/api/v1/officers/login", json={"username": "lan.nt", "password": "mat-khau-lan"}
        )
        assert login.status_code == 200
    finally:
        assert server.stop() in CLEAN_EXIT


def test_health_logs_and_docs(tmp_path: Path) -> None:
    server = ServerProcess(
        tmp_path / "data", f"sqlite:///{tmp_path / 'data' / 's.sqlite3'}", "--log-level", "info"
    )
    try:
        health = httpx.get(f"{server.base_url}/healthz").json()
        assert health == {
            "status": "ok",
            "database": "ok",
            "version": health["version"],
            "protocol": p.PROTOCOL_VERSION,
        }
        assert httpx.get(f"{server.base_url}/docs").status_code == 200
        schema = httpx.get(f"{server.base_url}/openapi.json").json()
        assert "/api/v1/push" in schema["paths"] and "/api/v1/changes" in schema["paths"]
        httpx.get(f"{server.base_url}/tra-cuu/000.00.24.H47-260213-0001", params={"k": "TOPSECRET"})
    finally:
        server.stop()
    lines = [json.loads(line) for line in server.log().splitlines() if line.startswith("{")]
    requests = [entry for entry in lines if entry.get("msg") == "request"]
    assert {"method", "path", "status", "ms", "request_id"} <= set(requests[0])
    assert any(entry["path"].startswith("/tra-cuu/") for entry in requests)
    assert "TOPSECRET" not in server.log()


def test_shutdown_finishes_an_upload_in_flight(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    office = "000.00.25.H47"
    assert _cli(data_dir, "create-office", "--code", office, "--name", "UBND xã A").returncode == 0
    code = _cli(data_dir, "enroll-station", "--office", office, "--number", "1").stdout.split()[0]
    db_url = f"sqlite:///{data_dir / 'server.sqlite3'}"
    server = ServerProcess(data_dir, db_url)
    payload = os.urandom(4 * 1024 * 1024)
    try:
        station = _enrol(server.base_url, code)
        token = station.headers["Authorization"]
        location = station.post("/api/v1/uploads", headers=upload_headers(payload)).headers[
            "Location"
        ]
        url = urlsplit(server.base_url)
        with socket.create_connection((url.hostname, url.port)) as sock:
            headers = patch_headers(0, payload)
            head = f"PATCH {location} HTTP/1.1\r\nHost: {url.netloc}\r\nAuthorization: {token}\r\n"
            head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            head += f"Content-Length: {len(payload)}\r\n\r\n"
            half = len(payload) // 2
            sock.sendall(head.encode() + payload[:half])
            time.sleep(0.3)
            server.terminate()  # SIGTERM while the upload is half way
            time.sleep(0.5)
            sock.sendall(payload[half:])
            sock.settimeout(30)
            answer = sock.recv(4096)
        assert answer.startswith(b"HTTP/1.1 204"), answer
    finally:
        assert server.stop() in CLEAN_EXIT
    again = ServerProcess(data_dir, db_url)
    try:
        station = _enrol_again(again, data_dir, office)
        assert station.get(f"/api/v1/attachments/{sha(payload)}").content == payload
    finally:
        again.stop()


def _enrol_again(server: ServerProcess, data_dir: Path, office: str) -> httpx.Client:
    """A second station of the same office: it may read what the office uploaded."""
    code = _cli(data_dir, "enroll-station", "--office", office, "--number", "2").stdout.split()[0]
    return _enrol(server.base_url, code)
