"""Server settings: one frozen object built from the command line and environment."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

ENV_DB = "MOTCUA_SERVER_DB"
ENV_DATA_DIR = "MOTCUA_SERVER_DATA_DIR"
# How a multi-worker server hands its settings to the worker processes.
ENV_SETTINGS = "MOTCUA_SERVER_SETTINGS"


def default_data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(user_data_dir("motcua-server", appauthor=False))


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    data_dir: Path = field(default_factory=default_data_dir)
    # None means the embedded SQLite file inside data_dir.
    db_url: str | None = None
    log_level: str = "info"

    # Request size limits. JSON bodies are small; upload chunks are streamed
    # to disk, so their limit only bounds one request, not memory.
    max_json_bytes: int = 8 * 1024 * 1024
    max_chunk_bytes: int = 256 * 1024 * 1024
    max_upload_bytes: int = 2 * 1024 * 1024 * 1024

    upload_expiry_hours: float = 24.0
    # Stations' encrypted backups: how many the server keeps per station, and how big one may be.
    station_backups_keep: int = 3
    max_backup_bytes: int = 2 * 1024 * 1024 * 1024
    # A station token older than this is swapped at the station's next sync;
    # the old one keeps working for the grace period, then dies.
    station_token_max_age_hours: float = 24.0
    station_token_grace_hours: float = 72.0
    enrolment_days: float = 7.0
    # A one-time code letting a station take its data key back is short-lived.
    recovery_code_minutes: float = 30.0
    officer_session_hours: float = 12.0
    sequence_slice_size: int = 1000

    # Public look-up: wrong secrets allowed per dossier code in the window,
    # from whatever addresses, and per client address over all codes. The
    # address limit is high because many citizens share one carrier-NAT
    # address; the per-dossier limit is what stops guessing one secret.
    lookup_miss_limit: int = 10
    lookup_address_limit: int = 100
    lookup_miss_window_seconds: float = 600.0
    # Failed sign-ins and enrolments allowed per address in the same window,
    # and failed sign-ins per account from whatever addresses.
    auth_miss_limit: int = 20
    account_miss_limit: int = 10

    # Seconds uvicorn waits on SIGTERM for in-flight requests (uploads) to end.
    graceful_timeout: float = 120.0
    forwarded_allow_ips: str = "127.0.0.1"
    # Set when the server is only reached through HTTPS (behind a TLS proxy).
    secure_cookies: bool = False

    # Worker processes; more than one needs PostgreSQL (SQLite has one writer).
    workers: int = 1

    def to_env(self) -> None:
        os.environ[ENV_SETTINGS] = json.dumps(asdict(self), default=str)

    @classmethod
    def from_env(cls) -> Settings:
        values = json.loads(os.environ[ENV_SETTINGS])
        values["data_dir"] = Path(values["data_dir"])
        return cls(**values)

    @property
    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{(self.data_dir / 'server.sqlite3').resolve()}"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    def ensure_dirs(self) -> None:
        for path in (self.data_dir, self.attachments_dir, self.uploads_dir, self.quarantine_dir):
            path.mkdir(parents=True, exist_ok=True)
