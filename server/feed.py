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

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import BigInteger, literal_column, select, text
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from server.db import Database
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


@dataclass
class Page:
    rows: list[ChangeRecord]
    has_more: bool
    # The number of the first committed change held back, if any.
    held: int | None = None


def read_page(db: Database, office_id: int, cursor: int, kinds: Sequence[str], limit: int) -> Page:
    """Up to ``limit`` changes after ``cursor`` that are safe to send, oldest first."""
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
    with db.read() as session:
        if db.is_sqlite:
            rows = list(session.scalars(query))
            return Page(rows[:limit], len(rows) > limit)
        # The horizon comes from the same statement's snapshot as the rows.
        result = session.execute(query.add_columns(_HORIZON)).all()
    safe = [row for row, horizon in result if row.seq < horizon]
    held = None
    if len(safe) < len(result) and len(safe) <= limit:
        held = result[len(safe)][0].seq
    return Page(safe[:limit], len(safe) > limit, held)


async def read_settled(
    db: Database, office_id: int, cursor: int, kinds: Sequence[str], limit: int
) -> Page:
    """:func:`read_page`, waiting a moment for changes held back by older transactions.

    Waits only for the first change held back at the first look (not for
    every later one: under steady pushes some change is always held), and
    without holding a thread or a connection while it waits.
    """
    deadline = time.monotonic() + HELD_WAIT_S
    page = await run_in_threadpool(read_page, db, office_id, cursor, kinds, limit)
    first_held = page.held
    while (
        page.held is not None
        and first_held is not None
        and page.held <= first_held
        and time.monotonic() < deadline
    ):
        await asyncio.sleep(_HELD_POLL_S)
        page = await run_in_threadpool(read_page, db, office_id, cursor, kinds, limit)
    return page
