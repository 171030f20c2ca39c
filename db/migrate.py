"""Applying the Alembic migrations, with a copy of the file kept first.

Every start compares the database's revision with the newest migration, and
nearly always they are equal. Alembic (with its templating engine and more)
costs a noticeable part of a second to import, so that comparison reads the
``alembic_version`` table and the migration files' ``revision`` lines itself;
Alembic is imported only to upgrade.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from db.revision import MIGRATIONS, alembic_config, head_revision

__all__ = ["MIGRATIONS", "alembic_config", "head_revision"]

KEEP_BACKUPS = 10


def current_revision(engine: Engine) -> str | None:
    """The database's revision, ``None`` for a database no migration has touched."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except OperationalError as exc:
            if "no such table" in str(exc.orig):
                return None
            raise
    if len(rows) > 1:
        raise RuntimeError(f"several schema revisions in one database: {[r[0] for r in rows]}")
    return rows[0][0] if rows else None


def backup_file(engine: Engine, db_path: Path, backup_dir: Path, label: str) -> Path:
    """Copy the database with ``VACUUM INTO``: consistent in WAL mode, and an
    encrypted database gives a copy encrypted with the same key."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{db_path.stem}-{label}-{stamp}.sqlite3"
    target.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))
    finally:
        raw.close()
    backups = sorted(backup_dir.glob(f"{db_path.stem}-*.sqlite3"))
    for old in backups[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


def upgrade(engine: Engine, db_path: Path, backup_dir: Path, revision: str = "head") -> Path | None:
    """Bring the schema to ``revision``; returns the backup made, if any.

    A fresh (empty) database needs no backup; an existing one behind head is
    copied first so a failed or faulty upgrade can be undone by hand.
    """
    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if current is not None and db_path.exists():
        backup = backup_file(engine, db_path, backup_dir, f"before-{target}")
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return backup
