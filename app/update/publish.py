"""Signing update bundles into a TUF repository (the release side).

    python3 -m app.update.publish init --repo REPO --keys KEYS
    python3 -m app.update.publish add --repo REPO --keys KEYS BUNDLE.tar.gz --version 0.2.0
    python3 -m app.update.publish refresh --repo REPO --keys KEYS   # new timestamp, e.g. daily

``REPO`` holds ``metadata/`` and ``targets/``: copy it to the central
server's ``<data dir>/updates/`` (served at ``/updates/``) or onto a USB
stick. ``KEYS`` holds one Ed25519 private key per role; keep it off the
server (the root key offline). ``metadata/1.root.json`` is the trusted root
to build into the bundle (``MOTCUA_UPDATE_ROOT`` for installer/build.sh).

Expiry: the timestamp lasts 21 days, so a station offline for two weeks can
still verify an update carried to it on a stick made a few days before.
"""

from __future__ import annotations

import argparse
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

ROLES = ("root", "targets", "snapshot", "timestamp")
EXPIRY = {
    "root": timedelta(days=365),
    "targets": timedelta(days=180),
    "snapshot": timedelta(days=30),
    "timestamp": timedelta(days=21),
}


def _expires(role: str, now: datetime | None = None) -> datetime:
    return ((now or datetime.now(UTC)) + EXPIRY[role]).replace(microsecond=0)


def _signer(keys: Path, role: str) -> CryptoSigner:
    return CryptoSigner(load_pem_private_key((keys / f"{role}.pem").read_bytes(), None))


def _write(repo: Path, name: str, md: Metadata, keys: Path) -> None:
    md.signatures.clear()
    md.sign(_signer(keys, md.signed.type))
    out = repo / "metadata" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    md.to_file(str(out), JSONSerializer(compact=False))


def _load(repo: Path, role: str) -> Metadata:
    return Metadata.from_file(str(repo / "metadata" / f"{role}.json"))


def init(repo: Path, keys: Path, now: datetime | None = None) -> Path:
    """A new repository with fresh keys; returns the trusted root file."""
    keys.mkdir(parents=True, exist_ok=True)
    root = Root(expires=_expires("root", now), consistent_snapshot=False)
    for role in ROLES:
        signer = CryptoSigner.generate_ed25519()
        key_file = keys / f"{role}.pem"
        key_file.write_bytes(signer.private_bytes)
        key_file.chmod(0o600)
        root.add_key(signer.public_key, role)
    _write(repo, "1.root.json", Metadata(root), keys)
    shutil.copy(repo / "metadata" / "1.root.json", repo / "metadata" / "root.json")
    targets = Metadata(Targets(expires=_expires("targets", now)))
    _write(repo, "targets.json", targets, keys)
    (repo / "targets").mkdir(parents=True, exist_ok=True)
    _resnapshot(repo, keys, now)
    return repo / "metadata" / "1.root.json"


def _resnapshot(repo: Path, keys: Path, now: datetime | None = None) -> None:
    targets = _load(repo, "targets")
    snapshot_path = repo / "metadata" / "snapshot.json"
    if snapshot_path.exists():
        snapshot = _load(repo, "snapshot")
        snapshot.signed.version += 1
    else:
        snapshot = Metadata(Snapshot())
    snapshot.signed.meta["targets.json"] = MetaFile(version=targets.signed.version)
    snapshot.signed.expires = _expires("snapshot", now)
    _write(repo, "snapshot.json", snapshot, keys)
    refresh(repo, keys, now)


def refresh(repo: Path, keys: Path, now: datetime | None = None) -> None:
    """Sign a new timestamp (run daily on the server, and before copying to a stick)."""
    snapshot = _load(repo, "snapshot")
    timestamp_path = repo / "metadata" / "timestamp.json"
    if timestamp_path.exists():
        timestamp = _load(repo, "timestamp")
        timestamp.signed.version += 1
    else:
        timestamp = Metadata(Timestamp())
    timestamp.signed.snapshot_meta = MetaFile(version=snapshot.signed.version)
    timestamp.signed.expires = _expires("timestamp", now)
    _write(repo, "timestamp.json", timestamp, keys)


def bundle_name(version: str, platform: str) -> str:
    return f"motcua-desk-{version}-{platform}.tar.gz"


def add(
    repo: Path,
    keys: Path,
    bundle: Path,
    version: str,
    platform: str,
    now: datetime | None = None,
) -> str:
    """Add a packed bundle as a signed target; returns its target path."""
    name = bundle_name(version, platform)
    target = repo / "targets" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if bundle.resolve() != target.resolve():
        shutil.copyfile(bundle, target)
    info = TargetFile.from_file(name, str(target), ["sha256"])
    info.unrecognized_fields["custom"] = {"version": version, "platform": platform}
    targets = _load(repo, "targets")
    targets.signed.targets[name] = info
    targets.signed.version += 1
    targets.signed.expires = _expires("targets", now)
    _write(repo, "targets.json", targets, keys)
    _resnapshot(repo, keys, now)
    return name


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["init", "add", "refresh"])
    parser.add_argument("bundle", nargs="?", type=Path)
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--keys", type=Path, required=True)
    parser.add_argument("--version")
    parser.add_argument("--platform")
    # Intermixed: the bundle may follow --repo/--keys, as the README writes it.
    args = parser.parse_intermixed_args(argv)
    if args.action == "init":
        print(init(args.repo, args.keys))
    elif args.action == "refresh":
        refresh(args.repo, args.keys)
    else:
        if args.bundle is None or not args.version:
            parser.error("add needs BUNDLE and --version")
        from app.update.layout import platform_tag

        print(add(args.repo, args.keys, args.bundle, args.version, args.platform or platform_tag()))


if __name__ == "__main__":
    main()
