"""What a round tells whoever watches: progress, the round log, the clock, local failures."""

from __future__ import annotations

import copy
import sqlite3
from datetime import timedelta

from sqlalchemy.exc import OperationalError

from app.capture.attachments import attach_component
from app.dossiers import intake as intake_uc
from app.infra import clock
from app.sync import round as round_mod
from app.sync import roundlog, upload
from app.sync.health import sync_health
from app.sync.round import run_round
from app.sync.scheduler import CRASHED_VI, SyncScheduler
from tests.integration.test_sync_attachments import _page


def _receive(db, clerk, intake, n: int) -> list[str]:
    data = copy.deepcopy(intake)
    data.pop("received_at")
    return [intake_uc.receive(db, clerk, copy.deepcopy(data)).code for _ in range(n)]


def test_progress_names_each_phase_and_counts_events_and_bytes(
    server, db, data_dir, clerk, intake, enrolled
):
    codes = _receive(db, clerk, intake, 3)
    attach_component(db, clerk, codes[0], 1, [_page(1, noise=4000)], source="file", workers=1)
    size = upload.bytes_left(db)
    assert size > 0
    seen = []
    report = run_round(db, data_dir, progress=seen.append)
    assert report.ok, report.errors
    phases = [p.phase for p in seen]
    assert phases[0] == "start"
    assert phases.index("push") < phases.index("upload") < phases.index("pull")
    pushed = [p for p in seen if p.phase == "push"]
    assert (pushed[0].done, pushed[-1].done, pushed[-1].total) == (0, 4, 4)
    sent = [p for p in seen if p.phase == "upload"]
    assert sent[-1].done == sent[-1].total == size == report.uploaded_bytes
    assert upload.bytes_left(db) == 0


def test_the_round_log_keeps_rounds_newest_first_and_folds_quiet_ones(
    server, db, data_dir, clerk, intake, enrolled
):
    _receive(db, clerk, intake, 2)
    first = run_round(db, data_dir)
    for _ in range(3):
        run_round(db, data_dir)
    entries = roundlog.recent(data_dir)
    assert len(entries) == 2
    quiet, busy = entries
    assert quiet.repeats == 3 and quiet.report.quiet and quiet.report.ok
    assert quiet.first_started_at <= quiet.report.started_at
    assert busy.report.pushed == 2 and busy.report.started_at == first.started_at
    # A damaged log is an empty log, never a failed round.
    roundlog.path(data_dir).write_text("{not json", encoding="utf-8")
    assert roundlog.recent(data_dir) == []
    assert run_round(db, data_dir).ok
    assert len(roundlog.recent(data_dir)) == 1


def test_a_station_clock_far_off_is_a_warning_not_a_failure(
    server, db, data_dir, enrolled, monkeypatch
):
    real = clock.now
    # Half a minute over, so the server's whole-second Date header cannot round it down.
    monkeypatch.setattr(clock, "now", lambda: real() + timedelta(hours=3, minutes=10, seconds=30))
    report = run_round(db, data_dir)
    assert report.ok
    assert report.warnings and "nhanh 3 giờ 10 phút so với máy chủ" in report.warnings[0]
    health = sync_health(db, data_dir, clock.now())
    assert any(w.startswith("Đồng hồ của máy này nhanh") for w in health.warnings)
    monkeypatch.setattr(clock, "now", real)
    again = run_round(db, data_dir)
    assert again.ok and again.warnings == []
    assert not any("Đồng hồ" in w for w in sync_health(db, data_dir, clock.now()).warnings)


def test_a_full_disk_is_said_plainly_and_keeps_the_queue(
    server, db, data_dir, clerk, intake, enrolled, monkeypatch
):
    _receive(db, clerk, intake, 1)

    def full(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(round_mod, "push_all", full)
    report = run_round(db, data_dir)
    assert not report.ok and not report.unreachable
    assert report.error_codes == ["disk_full"]
    assert report.errors[0].startswith("Ổ đĩa của máy này đã đầy")
    assert report.pending == 1


def test_a_crashed_round_still_reaches_whoever_listens(db, data_dir, monkeypatch):
    from app.sync import scheduler as scheduler_mod

    def boom(*_args, **_kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(scheduler_mod, "run_round", boom)
    heard = []
    sched = SyncScheduler(db, data_dir, on_report=heard.append)
    report = sched.run_once()
    assert heard == [report] and report.errors == [CRASHED_VI]
    assert sched.failures == 1 and sched.online is None and not sched.running
