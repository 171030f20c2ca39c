"""Where a station keeps its database, backups and attachments."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

DB_NAME = "motcua.sqlite3"
# The station's server credential (app.sync.credentials): its presence means "enrolled".
CREDENTIAL_NAME = "station-credential.json"


def default_data_dir() -> Path:
    override = os.environ.get("MOTCUA_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("MotCuaDesk", appauthor=False))


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def enrolled(data_dir: Path) -> bool:
    return (data_dir / CREDENTIAL_NAME).is_file()


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def attachments_dir(data_dir: Path) -> Path:
    return data_dir / "attachments"


def paper_archive_dir(data_dir: Path) -> Path:
    """Every printed slip as PDF/A, named by its SHA-256."""
    return data_dir / "paper"
