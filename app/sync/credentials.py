"""The station's long-lived credential, kept in a file only this user can read."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

FILE_NAME = "station-credential.json"


@dataclass(frozen=True)
class Credential:
    server_url: str
    station_token: str
    station_id: int
    office_code: str
    station_number: int


def path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def save(data_dir: Path, cred: Credential) -> None:
    target = path(data_dir)
    tmp = target.with_suffix(".tmp")
    # Created 0600 from the start, so the token is never readable by others.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(cred), fh)
    os.replace(tmp, target)


def load(data_dir: Path) -> Credential | None:
    try:
        data = json.loads(path(data_dir).read_text(encoding="utf-8"))
        return Credential(**data)
    except (OSError, ValueError, TypeError):
        return None
