"""Server down, answering 500, stalling, refusing: the station retries and converges."""

from __future__ import annotations

import copy
import random
import time
from datetime import datetime

import pytest

from app.dossiers import intake as intake_uc
from app.sync import credentials, transport
from app.sync.round import run_round
from app.sync.scheduler import Backoff, SyncScheduler
from tests.integration.conftest import server_count
from tests.integration.netproxy import FaultProxy

NOW = datetime(2026, 2, 13, 9, 30)


@pytest.fixture
def proxied(server, db, data_dir, admin):
    from app.sync import enrolment
    from server import admin as server_admin
    from tests.conftest import OFFICE_CODE

    proc, sdb, settings = server
    number = 100 + proxied.counter if hasattr(proxied, "counter") else 100
    proxied.counter = getattr(proxied, "counter", 0) + 1
    proxy = FaultProxy(proc.port)
    code = server_admin.enroll_station(sdb, settings, OFFICE_CODE, number)
    enrolment.enroll(db, data_dir, admin, proxy.url, code)
    yield proxy, sdb
    proxy.down()


def _receive(db, clerk, intake, n):
    return [intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code for _ in range(n)]


@pytest.mark.parametrize("fault", ["down", "http500", "stall"])
def test_each_fault_keeps_data_queued_then_converges(
    proxied, db, data_dir, clerk, intake, fault, monkeypatch
):
    proxy, sdb = proxied
    monkeypatch.setattr(transport, "TIMEOUT", (1.0, 1.0))
    codes = _receive(db, clerk, intake, 3)
    if fault == "down":
        proxy.down()
    else:
        proxy.mode = fault
    report = run_round(db, data_dir)
    assert not report.ok and report.pending == 3
    expected = {
        "down": "Không kết nối",
        "http500": "Máy chủ đang gặp lỗi",
        "stall": "Không kết nối",
    }[fault]
    assert expected in report.errors[0]
    assert server_count(sdb, codes) == 0
    proxy.mode = "forward"
    proxy.up()
    again = run_round(db, data_dir)
    assert again.ok and again.pending == 0
    assert server_count(sdb, codes) == 3


def test_backoff_grows_with_jitter_and_is_capped():
    rng = random.Random(3)
    b = Backoff(base=5, cap=60, jitter=0.5)
    delays = [b.delay(n, rng) for n in range(1, 9)]
    assert 2.5 <= delays[0] <= 7.5
    assert all(d <= 90 for d in delays)
    assert delays[4] > delays[0]
    assert len({round(d, 6) for d in delays}) == len(delays)


def test_scheduler_converges_on_its_own_when_the_server_returns(
    proxied, db, data_dir, clerk, intake
):
    proxy, sdb = proxied
    proxy.down()
    codes = _receive(db, clerk, intake, 2)
    reports = []
    states = []
    sched = SyncScheduler(
        db,
        data_dir,
        interval=3600,
        probe_interval=0.2,
        backoff=Backoff(base=0.2, cap=0.5),
        on_report=reports.append,
        on_online=states.append,
    )
    sched.start()
    try:
        deadline = time.monotonic() + 20
        while sched.failures < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sched.failures >= 2 and states[0] is False
        proxy.up()  # nobody presses "sync now": the scheduler finds out by itself
        while not (reports and reports[-1].ok) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        sched.stop()
    assert reports[-1].ok and reports[-1].pending == 0
    assert states[-1] is True
    assert server_count(sdb, codes) == 2
    assert credentials.load(data_dir).server_url == proxy.url
