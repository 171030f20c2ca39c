"""Wire models of the station backups kept on the central server.

The station uploads its verified backup file through the resumable upload
(``/api/v1/uploads``, tus), exactly as it sends a scanned page: the file is
already encrypted with the station's data key, so the server holds ciphertext
only. It then registers the uploaded file as one of its backups
(``POST /station/backups``); the server keeps the newest few per station and
lets only that station (its office and number) list or fetch them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from app.sync.protocol import MAX_INT64, Int32, Sha256Hex, VnDateTime, WireModel

BACKUPS_PATH = "/station/backups"
# How many backups the server keeps per station unless configured otherwise.
DEFAULT_KEEP = 3


class BackupRegistration(WireModel):
    sha256: Sha256Hex
    size: int = Field(ge=1, le=MAX_INT64)
    # When the station made it (from its manifest).
    created_at: VnDateTime
    schema_version: Annotated[str, StringConstraints(max_length=40)] | None = None
    # The manifest beside the backup file (JSON text, no personal data): a
    # station restoring from the server needs it to verify the file.
    manifest: Annotated[str, StringConstraints(max_length=1_000_000)]


class StationBackup(WireModel):
    sha256: Sha256Hex
    size: int
    created_at: datetime
    uploaded_at: datetime
    schema_version: str | None = None


class StationBackupList(WireModel):
    station: Int32
    keep: Int32
    backups: list[StationBackup]


class StationBackupManifest(WireModel):
    sha256: Sha256Hex
    manifest: str


__all__ = [
    "BACKUPS_PATH",
    "DEFAULT_KEEP",
    "BackupRegistration",
    "StationBackup",
    "StationBackupList",
    "StationBackupManifest",
    "VnDateTime",
]
