"""The real central server for integration tests, one per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.sync import enrolment
from server import admin as server_admin
from server.config import Settings
from server.db import Database as ServerDatabase
from server.models import Dossier as ServerDossier
from tests.conftest import OFFICE_CODE
from tests.server.srvkit import ServerProcess


def central_server(tmp_path_factory) -> Iterator[tuple[ServerProcess, ServerDatabase, Settings]]:
    """A server process with the test office; a module-scoped fixture yields from it."""
    data_dir = tmp_path_factory.mktemp("central")
    url = f"sqlite:///{data_dir / 'server.sqlite3'}"
    proc = ServerProcess(data_dir, url)
    sdb = ServerDatabase(url)
    server_admin.create_office(sdb, OFFICE_CODE, "Ủy ban nhân dân xã Tân Lập")
    yield proc, sdb, Settings(data_dir=data_dir, db_url=url)
    sdb.dispose()
    proc.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from central_server(tmp_path_factory)


@pytest.fixture
def enrolled(server, db, data_dir: Path, admin):
    proc, sdb, settings = server
    # Each test enrols a fresh station number so tests do not see each other's dossiers.
    number = enrolled.counter = getattr(enrolled, "counter", 0) + 1
    code = server_admin.enroll_station(sdb, settings, OFFICE_CODE, number)
    enrolment.enroll(db, data_dir, admin, proc.base_url, code)
    return number


def server_count(sdb, codes: list[str]) -> int:
    with sdb.read() as session:
        return session.scalar(
            select(func.count(ServerDossier.id)).where(ServerDossier.code.in_(codes))
        )
