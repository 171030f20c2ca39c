"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (the newest of each)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from app.backup import archive
from app.domain.retention import DAILY, MONTHLY, WEEKLY, to_keep

__all__ = ["DAILY", "MONTHLY", "WEEKLY", "prune", "to_keep"]


def prune(folder: Path) -> list[Path]:
    """Delete the backups in ``folder`` that the schedule no longer keeps."""
    by_stamp: dict[datetime, list[Path]] = {}
    for file in folder.glob(f"*{archive.SUFFIX}"):
        if file.name.startswith(archive.PARTIAL_PREFIX):
            continue
        try:
            manifest = json.loads(archive.manifest_path(file).read_text(encoding="utf-8"))
            stamp = datetime.fromisoformat(manifest["created_at"])
        except (OSError, ValueError, KeyError):
            continue  # not ours to judge: never delete what we cannot read
        by_stamp.setdefault(stamp, []).append(file)
    keep = to_keep(list(by_stamp))
    removed = []
    for stamp, files in by_stamp.items():
        if stamp in keep:
            continue
        for file in files:
            file.unlink(missing_ok=True)
            archive.manifest_path(file).unlink(missing_ok=True)
            removed.append(file)
    return removed
