"""Fixtures: the real server on a free loopback port, on SQLite and on PostgreSQL.

PostgreSQL comes from ``MOTCUA_TEST_PG_URL`` (a local trust-auth server by
default). Each test session works in a fresh schema, dropped at the end.
Without a reachable server the PostgreSQL half is skipped, except under CI,
where it fails: CI must prove both back-ends.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest
import srvkit

from server.config import Settings
from server.db import Database, normalise_url

PG_ENV = "MOTCUA_TEST_PG_URL"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    import psycopg

    url = normalise_url(os.environ.get(PG_ENV) or DEFAULT_PG_URL)
    try:
        conn = psycopg.connect(_libpq(url), connect_timeout=5, autocommit=True)
    except psycopg.Error as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {url} is required under CI: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {url}: {exc}")
    schema = f"motcua_test_{uuid.uuid4().hex[:12]}"
    with conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    yield f"{url}{separator}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def harness(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp(f"server-{request.param}")
    if request.param == "postgres":
        db_url = request.getfixturevalue("pg_url")
    else:
        db_url = f"sqlite:///{data_dir / 'server.sqlite3'}"
    server = srvkit.ServerProcess(data_dir, db_url)
    settings = Settings(data_dir=data_dir, db_url=db_url)
    db = Database(db_url)
    try:
        yield srvkit.Harness(server, db, settings, request.param)
    finally:
        db.dispose()
        server.stop()


@pytest.fixture
def office(harness: srvkit.Harness) -> str:
    return harness.new_office()


@pytest.fixture
def station(harness: srvkit.Harness, office: str) -> srvkit.Station:
    return harness.enrol(office, 1)
