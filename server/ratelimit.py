"""Counting misses (bad look-ups, failed sign-ins) in the database.

The counts live in a table, not in a process: they survive a restart and
every worker of a multi-worker server sees the same ones. A key is blocked
once it has ``limit`` misses within the window; old misses are deleted by the
housekeeping pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import bindparam, delete, func, insert, select

from server.common import ApiError, now
from server.db import Database
from server.models import RateMiss

_MISSES = RateMiss.__table__
_COUNT = (
    select(_MISSES.c.key, func.count(), func.min(_MISSES.c.at))
    .where(_MISSES.c.key.in_(bindparam("keys", expanding=True)), _MISSES.c.at > bindparam("since"))
    .group_by(_MISSES.c.key)
)
_ADD = insert(_MISSES)
# Keys are built from client input (a user name, a dossier code): bounded.
MAX_KEY = 200


def _key(key: str) -> str:
    return key[:MAX_KEY]


class MissCounter:
    """Misses per key within ``window`` seconds, kept in the server database."""

    def __init__(self, db: Database, window: float) -> None:
        self.db = db
        self.window = window

    def retry_after(self, limits: Iterable[tuple[str, int]]) -> int:
        """Seconds until every key is under its limit again; 0 when none is blocked."""
        wanted = {_key(key): limit for key, limit in limits}
        stamp = now()
        with self.db.read_rows() as conn:
            rows = conn.execute(
                _COUNT, {"keys": list(wanted), "since": stamp - timedelta(seconds=self.window)}
            ).all()
        wait = 0
        for key, count, oldest in rows:
            if count >= wanted[key]:
                free_at = oldest + timedelta(seconds=self.window)
                wait = max(wait, int((free_at - stamp).total_seconds()) + 1)
        return wait

    def miss(self, *keys: str) -> None:
        stamp = now()
        # Not durable: a miss lost in a power cut only grants one more try.
        with self.db.write(durable=False) as session:
            session.execute(_ADD, [{"key": _key(key), "at": stamp} for key in keys])

    def purge(self) -> int:
        """Forget misses older than the window; returns how many."""
        with self.db.write(durable=False) as session:
            result = session.execute(
                delete(RateMiss).where(RateMiss.at <= now() - timedelta(seconds=self.window))
            )
        return result.rowcount or 0


def too_many(
    counter: MissCounter, limits: Iterable[tuple[str, int]], message: str, message_en: str
) -> None:
    """Raise 429 with ``Retry-After`` when any of the keys is over its limit."""
    wait = counter.retry_after(limits)
    if wait:
        raise ApiError(
            429, "too_many_attempts", message, message_en, headers={"Retry-After": str(wait)}
        )
