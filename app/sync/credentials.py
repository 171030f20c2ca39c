"""The station's long-lived credential.

The token goes to the operating system's keyring (Windows Credential Manager,
macOS Keychain, Secret Service) where one is usable; otherwise, and for the
non-secret parts, to a file created readable by this user only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from app.infra import datadir

FILE_NAME = datadir.CREDENTIAL_NAME
KEYRING_SERVICE = "MotCuaDesk"
IN_KEYRING = "@keyring"

log = logging.getLogger("motcua.sync")


@dataclass(frozen=True)
class Credential:
    server_url: str
    station_token: str
    station_id: int
    office_code: str
    station_number: int


def path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def _keyring_user(data_dir: Path) -> str:
    # One entry per data folder, so two stations on one PC keep their own token.
    return hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:32]


def _keyring():
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None, Exception
    backend = keyring.get_keyring()
    if getattr(backend, "priority", 0) < 1:
        return None, KeyringError
    return keyring, KeyringError


def _to_keyring(data_dir: Path, token: str) -> bool:
    keyring, error = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(data_dir), token)
    except (error, RuntimeError, OSError) as exc:
        log.info("keyring unusable, keeping the token in a private file: %s", exc)
        return False
    return True


def _from_keyring(data_dir: Path) -> str | None:
    keyring, error = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, _keyring_user(data_dir))
    except (error, RuntimeError, OSError):
        return None


def save(data_dir: Path, cred: Credential) -> None:
    data = asdict(cred)
    if _to_keyring(data_dir, cred.station_token):
        data["station_token"] = IN_KEYRING
    target = path(data_dir)
    tmp = target.with_suffix(".tmp")
    # Created 0600 from the start, so the token is never readable by others.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    os.replace(tmp, target)


def load(data_dir: Path) -> Credential | None:
    try:
        data = json.loads(path(data_dir).read_text(encoding="utf-8"))
        if data.get("station_token") == IN_KEYRING:
            token = _from_keyring(data_dir)
            if token is None:
                return None
            data["station_token"] = token
        return Credential(**data)
    except (OSError, ValueError, TypeError):
        return None
