"""Fixtures shared by the whole suite: each test gets its own station data folder."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.infra.storage import connect_file
from app.office import auth
from app.office.office_setup import SetupRequest, initialise
from db.engine import Database

OFFICE_CODE = "000.00.24.H47"
ADMIN_PASSWORD = "matkhau-quantri"
CLERK_PASSWORD = "matkhau-canbo"

# A made-up person whose ID number is consistent with the rules (Hà Nội, male, 1985).
INTAKE: dict[str, Any] = {
    "procedure": "1.001193",
    "applicant": {
        "id_number": "001085012345",
        "full_name": "Nguyễn Văn Đức",
        "birth_date": "1985-03-12",
        "sex": "Nam",
        "address": "Thôn Đông, xã Tân Lập, huyện Đan Phượng, Hà Nội",
        "phone": "0912 345 678",
        "email": "duc.nguyen@example.vn",
    },
    "components": [
        {"index": 1, "originals": 1, "copies": 0},
        {"index": 2, "originals": 1, "copies": 0},
    ],
    "received_at": "2026-02-13T09:00:00+07:00",
}


@pytest.fixture
def intake() -> dict[str, Any]:
    return copy.deepcopy(INTAKE)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "station"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = initialise(
        data_dir,
        SetupRequest(
            office_code=OFFICE_CODE,
            office_name="Ủy ban nhân dân xã Tân Lập",
            station_number=1,
            admin_user="admin",
            admin_password=ADMIN_PASSWORD,
            admin_full_name="Quản trị hệ thống",
            parent_name="UBND huyện Đan Phượng",
            place_name="Hà Nội",
        ),
    )
    with database.write() as session:
        auth.create_officer(session, "canbo1", "Trần Thị Hoa", "clerk", CLERK_PASSWORD)
    yield database
    database.dispose()


@pytest.fixture
def admin() -> auth.Actor:
    return auth.Actor("admin", "Quản trị hệ thống", "admin")


@pytest.fixture
def clerk() -> auth.Actor:
    return auth.Actor("canbo1", "Trần Thị Hoa", "clerk")


@pytest.fixture
def fixed_now() -> datetime:
    return datetime(2026, 2, 13, 9, 30)


def snapshot(path: Path) -> str:
    """A digest of every row of every table: equal digests mean nothing changed."""
    conn = connect_file(path)
    try:
        digest = hashlib.sha256()
        tables = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
        for name, sql in tables:
            digest.update(f"{name}\n{sql}\n".encode())
            if (sql or "").startswith("CREATE VIRTUAL") or name.startswith("sqlite_"):
                continue
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"')):
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        conn.close()
