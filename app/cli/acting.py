"""On whose behalf a command acts: ``--user``, else the station's default officer.

Its own module, so that every subcommand module can use it without
importing the others (``commands`` dispatches to several of them).
"""

from __future__ import annotations

from argparse import Namespace

from app.domain.errors import DomainError
from app.office import auth, settings
from db.engine import Database


def actor(db: Database, args: Namespace) -> auth.Actor:
    # Plain reads: a command that needs no ORM (a look-up) then sets none up.
    with db.read_connection() as conn:
        username = args.user or settings.get_plain(conn, "cli_user")
        if not username:
            raise DomainError(
                "no_cli_user", "Chưa chỉ định cán bộ (--user).", "No officer given (--user)."
            )
        return auth.actor_by_name(conn, username)
