"""Applying the Alembic migrations, with a copy of the file kept first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
KEEP_BACKUPS = 10


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return backup
