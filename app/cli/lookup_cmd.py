"""``lookup``: find dossiers by code, receipt QR, ID card QR, ID number or name.

Its own module, away from the other commands, so a look-up from a script loads
only the look-up: not the intake, the working-day calendar or the catalogue.

A look-up by dossier code, what scripts run most, is answered by
:func:`quick_lookup` over a plain DB-API connection, without SQLAlchemy (its
import alone costs several times the query). Whatever it is not sure of (not
a code, a missing, plain or half-restored file, a lock, damage, a schema
behind the newest migration, no such officer or no permission) goes the full
way, :func:`cmd_lookup`, which opens and upgrades the database and says what
is wrong in the user's language.
"""

from __future__ import annotations

import sqlite3
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.output import Output
from app.domain.formatting import format_datetime

if TYPE_CHECKING:
    from app.dossiers.summary import DossierView
    from db.engine import Database

# Files a crashed encryption or restore leaves beside the database: the full
# open finishes or undoes that work first (app.protect.atrest).
_UNFINISHED = (".plain-old", ".encrypting", ".restoring")


def emit(kind: str, query: str, items: list[DossierView], out: Output) -> int:
    lines = [
        f"{d.code}  {d.applicant_name}  {d.procedure_name}  [{d.status_label}"
        + (out.t(", quá hạn", ", overdue") if d.overdue else "")
        + f"]  {out.t('hẹn', 'due')} {format_datetime(d.due_at)}"
        for d in items
    ] or [out.t("Không tìm thấy hồ sơ nào.", "No dossier found.")]
    out.emit(
        {"kind": kind, "query": query, "results": [d.to_json() for d in items]},
        lines,
    )
    return 0


def cmd_lookup(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.dossiers import lookup

    result = lookup.lookup(db, actor(db, args), " ".join(args.query))
    return emit(result.kind, result.query, result.items, out)


def quick_lookup(args: Namespace, data_dir: Path, out: Output) -> int | None:
    """Answer a look-up by dossier code without SQLAlchemy, or ``None`` to go the full way."""
    from app.domain import codes
    from app.domain.errors import DomainError
    from app.infra import datadir
    from app.protect import keys

    code = codes.find_code(" ".join(" ".join(args.query).split()))
    if code is None:
        return None  # an ID number or a name: audited, through the full way
    path = datadir.db_path(data_dir)
    if not path.is_file() or any(path.with_name(path.name + s).exists() for s in _UNFINISHED):
        return None
    try:
        key = keys.load_key(data_dir)
    except DomainError:
        return None  # the full way says the same, in its place
    if key is None:
        return None  # a plain file (encrypted first by the full way), or a lost key
    items = _read_by_code(path, key, code, args.user)
    return None if items is None else emit("code", code, items, out)


def _read_by_code(path: Path, key: bytes, code: str, user: str | None) -> list | None:
    from app.dossiers import summary
    from app.infra import clock
    from app.office import roles
    from db import dbapi, revision, sqlite_pragmas

    errors = (sqlite3.Error, dbapi.cipher_module().Error)
    try:
        conn = dbapi.connect(path, key, timeout=dbapi.BUSY_TIMEOUT_MS / 1000)
    except errors:
        return None
    try:
        # The settings every connection of the station gets, and one read transaction.
        conn.isolation_level = None
        sqlite_pragmas.apply(conn, busy_timeout_ms=dbapi.BUSY_TIMEOUT_MS)
        conn.execute("BEGIN")
        versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if versions != [(revision.head_revision(),)]:
            return None  # behind (or ahead of) the files: the full open upgrades or refuses
        username = user
        if not username:
            row = conn.execute("SELECT value FROM setting WHERE key = 'cli_user'").fetchone()
            username = row[0] if row else None
        if not username:
            return None
        officer = conn.execute(
            "SELECT username, full_name, role, title FROM officer"
            " WHERE username = :name AND active",
            {"name": username.strip().lower()},
        ).fetchone()
        if officer is None or not roles.can(roles.Actor(*officer), "dossier.lookup"):
            return None
        cursor = conn.execute(summary.BY_CODE_SQL, {"value": code})
        return summary.views_from_cursor(cursor, clock.now())
    except errors:
        return None
    finally:
        conn.close()
