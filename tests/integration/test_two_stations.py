"""Two counters of one office, both offline all day, never hand out the same code."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta

from app.dossiers import intake as intake_uc
from app.office import auth
from app.office.office_setup import SetupRequest, initialise
from app.sync import enrolment
from app.sync.round import run_round
from server import admin as server_admin
from tests.conftest import OFFICE_CODE
from tests.integration.conftest import server_count

PER_STATION = 500


def _station(tmp_path, name: str, number: int, server):
    proc, sdb, settings = server
    data_dir = tmp_path / name
    db = initialise(
        data_dir, SetupRequest(OFFICE_CODE, "UBND xã Tân Lập", 1, "admin", "matkhau-quantri")
    )
    admin = auth.Actor("admin", "Quản trị", "admin")
    code = server_admin.enroll_station(sdb, settings, OFFICE_CODE, number)
    enrolment.enroll(db, data_dir, admin, proc.base_url, code)
    return db, data_dir, admin


def test_two_offline_stations_receive_500_each_without_collisions(server, tmp_path, intake):
    _, sdb, _ = server
    a = _station(tmp_path, "quay-a", 11, server)
    b = _station(tmp_path, "quay-b", 12, server)
    day = datetime(2026, 2, 13, 7, 45)
    codes = {"a": [], "b": []}
    # Interleaved through the working day, as two busy counters would.
    for i in range(PER_STATION):
        at = day + timedelta(seconds=30 * i)
        for key, (db, _, actor) in (("a", a), ("b", b)):
            data = copy.deepcopy(intake)
            data["received_at"] = at.isoformat()
            codes[key].append(intake_uc.receive(db, actor, data, now=at).code)
    all_codes = codes["a"] + codes["b"]
    assert len(set(all_codes)) == 2 * PER_STATION
    assert codes["a"][0].endswith("-10001") and codes["b"][0].endswith("-11001")
    for db, data_dir, _ in (a, b):
        report = run_round(db, data_dir)
        assert report.ok and report.rejected == 0 and report.pending == 0, report.errors
        db.dispose()
    assert server_count(sdb, all_codes) == 2 * PER_STATION
