"""The server's Alembic migrations build exactly the schema its models describe."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from server.db import VERSION_TABLE, Database
from server.models import Base


def _differences(url: str) -> list:
    db = Database(url)
    try:
        db.migrate()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_name": lambda name, kind, _p: name != VERSION_TABLE}
            )
            return compare_metadata(context, Base.metadata)
    finally:
        db.dispose()


def test_migrations_match_the_models(tmp_path) -> None:
    assert _differences(f"sqlite:///{tmp_path / 'fresh.sqlite3'}") == []


@pytest.mark.postgres
def test_migrations_match_the_models_on_postgresql(pg_url: str) -> None:
    assert _differences(pg_url) == []
