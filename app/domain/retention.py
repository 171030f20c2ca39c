"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (the newest of each).

Shared by the station's backups and the central server's.
"""

from __future__ import annotations

from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def to_keep(stamps: list[datetime]) -> set[datetime]:
    """The newest backup of each of the last 7 days, 4 ISO weeks and 12 months that have one."""
    keep: set[datetime] = set()
    newest = sorted(set(stamps), reverse=True)
    for period, count in (
        (lambda t: t.date(), DAILY),
        (lambda t: t.isocalendar()[:2], WEEKLY),
        (lambda t: (t.year, t.month), MONTHLY),
    ):
        seen: list = []
        for stamp in newest:
            bucket = period(stamp)
            if bucket in seen:
                continue
            if len(seen) == count:
                break
            seen.append(bucket)
            keep.add(stamp)
    return keep
