"""The per-office change feed: how its numbers are given and how pullers read it.

A station pulls with a cursor, the highest number it has seen, and never
looks below it again. So a puller must never be shown a number while a
smaller one may still commit. Numbers from a plain sequence do not commit in
their order once writers no longer queue on one lock through their commits.

On PostgreSQL a feed row's number is made from its transaction's id
(``pg_current_xact_id()``): ``FEED_BASE + (xid << XID_SHIFT) + n``, ``n``
counting the rows of that transaction. A puller is shown only rows whose
transaction id is below the oldest transaction still in flight
(``pg_snapshot_xmin`` of the reading statement's own snapshot): those
transactions have all ended, so their rows are visible or never will be,
and every transaction not ended yet has an id, hence numbers, at or above
that mark. The cursor stays one growing integer; ``FEED_BASE`` puts the new
numbers above every number a sequence gave before.

The price: a row shows only once every older transaction on the database
cluster has ended, so a long writing transaction (a migration, an idle
session left in a transaction) holds the feed back for as long as it runs.
It never loses a row. A pull that finds committed rows held back waits a
moment for them, so a station usually reads at once what was just pushed.

On SQLite writes are serialised, so the ``INTEGER PRIMARY KEY`` order is
the commit order and the feed is read as it stands.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from sqlalchemy import BigInteger, literal_column, select, text
from sqlalchemy.orm import Session

from server.models import ChangeRecord

# Above every sequence number given before (a feed of 2^40 rows is not near).
FEED_BASE = 1 << 40
# Room for 2^20 feed rows in one transaction; leaves 2^43 transaction ids.
XID_SHIFT = 20
_PER_TX = 1 << XID_SHIFT
_INFO_KEY = "motcua_feed_numbering"
# How long a pull waits for older transactions to end before it answers
# with the rows that are safe (the rest come at the next pull). A push ends
# in milliseconds; seconds cover a large batch on a loaded machine.
HELD_WAIT_S = 5.0
_HELD_POLL_S = 0.02
_HORIZON = literal_column(
    f"({FEED_BASE} + (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << {XID_SHIFT}))",
    BigInteger,
)


def next_number(session: Session) -> int | None:
    """The number of the next feed row this transaction writes (None: SQLite numbers it)."""
    if session.get_bind().dialect.name == "sqlite":
        return None
    root = session.get_transaction()
    numbering = session.info.get(_INFO_KEY)
    if numbering is None or numbering[0] is not root:
        xid = session.scalar(text("SELECT pg_current_xact_id()::text::bigint"))
        assert xid is not None
        numbering = [root, FEED_BASE + (xid << XID_SHIFT), 0]
        session.info[_INFO_KEY] = numbering
    if numbering[2] >= _PER_TX:
        raise RuntimeError("Quá nhiều thay đổi trong một giao dịch.")
    number = numbering[1] + numbering[2]
    numbering[2] += 1
    return number


def read_page(
    session: Session, office_id: int, cursor: int, kinds: Sequence[str], limit: int
) -> tuple[list[ChangeRecord], bool]:
    """Up to ``limit`` changes after ``cursor``, oldest first, and whether more are ready."""
    query = (
        select(ChangeRecord)
        .where(
            ChangeRecord.office_id == office_id,
            ChangeRecord.seq > cursor,
            ChangeRecord.kind.in_(kinds),
        )
        .order_by(ChangeRecord.seq)
        .limit(limit + 1)
    )
    if session.get_bind().dialect.name == "sqlite":
        rows = list(session.scalars(query))
        return rows[:limit], len(rows) > limit
    # The horizon comes from the same statement's snapshot as the rows.
    query = query.add_columns(_HORIZON)
    deadline = time.monotonic() + HELD_WAIT_S
    while True:
        result = session.execute(query).all()
        safe = [row for row, horizon in result if row.seq < horizon]
        held = len(safe) < len(result) and len(safe) <= limit
        if not held or time.monotonic() >= deadline:
            return safe[:limit], len(safe) > limit
        time.sleep(_HELD_POLL_S)
