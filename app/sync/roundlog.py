"""The last sync rounds, newest first, for the sync page (the window's and the CLI's alike).

Kept as a small JSON file beside the database rather than in it: a round
that failed because the disk is full must not fail again while noting that.
A run of rounds that moved nothing and ended the same way is folded into
one line, so a minute-by-minute timer does not push real events off the
list within the hour.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

FILE_NAME = "sync-rounds.json"
KEEP = 50

log = logging.getLogger("motcua.sync")


UNREACHABLE = "server_unreachable"


@dataclass
class RoundReport:
    started_at: datetime
    finished_at: datetime | None = None
    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    uploaded_bytes: int = 0
    master_updated: list[str] = field(default_factory=list)
    pending: int = 0
    errors: list[str] = field(default_factory=list)
    # Problems that did not stop the round (a station clock far off).
    warnings: list[str] = field(default_factory=list)
    # One code per error (``server_unreachable``, ``credential_rejected``, ``disk_full``, …).
    error_codes: list[str] = field(default_factory=list)
    # What a restored station learnt back from the server this round (app.sync.relearn).
    relearned: dict[str, Any] | None = None
    # The newest backup copied to the server this round (``sha256, uploaded_bytes, already``).
    backup_copied: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def unreachable(self) -> bool:
        """The server did not answer at all (as opposed to answering with a refusal)."""
        return UNREACHABLE in self.error_codes

    def fail(self, code: str, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)
            self.error_codes.append(code)

    @property
    def quiet(self) -> bool:
        """Nothing travelled either way."""
        return not (
            self.pushed
            or self.duplicates
            or self.conflicts
            or self.rejected
            or self.pulled
            or self.uploaded_bytes
            or self.master_updated
            or self.relearned
            or (self.backup_copied or {}).get("uploaded_bytes")
        )

    def to_json(self) -> dict:
        data = asdict(self)
        data["ok"] = self.ok
        return data


@dataclass(frozen=True)
class LoggedRound:
    report: RoundReport
    # How many identical quiet rounds this line stands for, and when the first began.
    repeats: int = 1
    first_started_at: datetime | None = None


def path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def _dump(entry: LoggedRound) -> dict[str, Any]:
    data = {f.name: getattr(entry.report, f.name) for f in fields(entry.report)}
    for key in ("started_at", "finished_at"):
        data[key] = data[key].isoformat() if data[key] else None
    data["repeats"] = entry.repeats
    first = entry.first_started_at
    data["first_started_at"] = first.isoformat() if first else None
    return data


def _load(data: dict[str, Any]) -> LoggedRound | None:

    try:
        known = {f.name for f in fields(RoundReport)}
        values = {k: v for k, v in data.items() if k in known}
        for key in ("started_at", "finished_at"):
            values[key] = datetime.fromisoformat(values[key]) if values.get(key) else None
        first = data.get("first_started_at")
        return LoggedRound(
            RoundReport(**values),
            int(data.get("repeats", 1)),
            datetime.fromisoformat(first) if first else None,
        )
    except (TypeError, ValueError):
        return None


def recent(data_dir: Path, limit: int = KEEP) -> list[LoggedRound]:
    try:
        raw = json.loads(path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = (
        [_load(item) for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []
    )
    return [e for e in entries if e is not None][:limit]


def _same_quiet(a: RoundReport, b: RoundReport) -> bool:
    return a.quiet and b.quiet and a.errors == b.errors and a.warnings == b.warnings


def record(data_dir: Path, report: RoundReport) -> None:
    """Put ``report`` first in the log; never raises (the log is a courtesy)."""
    entries = recent(data_dir)
    if entries and _same_quiet(entries[0].report, report):
        top = entries[0]
        entries[0] = LoggedRound(
            report, top.repeats + 1, top.first_started_at or top.report.started_at
        )
    else:
        entries.insert(0, LoggedRound(report))
    target = path(data_dir)
    tmp = target.with_suffix(".tmp")
    try:
        tmp.write_text(
            json.dumps([_dump(e) for e in entries[:KEEP]], ensure_ascii=False), encoding="utf-8"
        )
        os.replace(tmp, target)
    except OSError as exc:
        log.warning("could not keep the sync round log: %s", exc)
