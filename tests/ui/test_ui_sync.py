"""Syncing from the window against the real central server on loopback.

The server runs as a real process (``tests.integration.conftest.server``,
one per module); each test enrols its own station number.
"""

from __future__ import annotations

import copy
import time
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app.dossiers import intake as intake_uc
from app.dossiers.views import by_code
from app.infra import clock
from app.sync import enrolment, transport
from app.sync.scheduler import Backoff
from db.models import OutboxEvent
from server import admin as server_admin
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, INTAKE, OFFICE_CODE
from tests.integration.conftest import central_server, server_count
from tests.integration.netproxy import FaultProxy
from tests.ui.conftest import sign_in

# Rounds on the test's cue: none at sign-in unless asked, quick retries when offline.
TUNING = {"first_delay": 3600.0, "probe_interval": 0.2, "backoff": Backoff(base=0.3, cap=0.6)}


def receive_many(db, clerk, n: int, hours_ago: float = 0) -> list[str]:
    now = clock.now() - timedelta(hours=hours_ago)
    data = copy.deepcopy(INTAKE)
    data.pop("received_at")
    return [intake_uc.receive(db, clerk, copy.deepcopy(data), now=now).code for _ in range(n)]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from central_server(tmp_path_factory)


def enrol(central, db, data_dir, admin, number: int, url: str | None = None) -> None:
    proc, sdb, settings = central
    code = server_admin.enroll_station(sdb, settings, OFFICE_CODE, number)
    enrolment.enroll(db, data_dir, admin, url or proc.base_url, code)


@pytest.fixture
def open_window(qtbot, db, data_dir, previews):
    """Opens the window when the test is ready (after seeding), with the sync tuned."""
    from ui.shell.app import create_window

    opened = []

    def make(**tuning):
        win = create_window(data_dir, db=db, preview_factory=previews)
        win.ctx.sync_tuning.update({**TUNING, **tuning})
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        opened.append(win)
        return win

    yield make
    for win in opened:
        win.close()
        win.ctx.tasks.wait_for_done(10_000)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_enrol_in_settings_then_sync_now_sends_what_waits(qtbot, server, open_window, db, clerk):
    proc, sdb, settings = server
    codes = receive_many(db, clerk, 3, hours_ago=30)
    win = open_window()
    sign_in(qtbot, win, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: win.pending_label.text() == "Chờ đồng bộ: 3")
    assert win.online_label.text() == "● Chưa đăng ký máy chủ"
    # An administrator sees what a station offline for a day needs someone to notice.
    assert win.warning_label.isVisible() and "chưa đăng ký" in win.warning_label.text()
    assert "chờ gửi" in win.warning_label.toolTip()
    assert not win.sync.active

    page = win.show_page("settings")
    page.tabs.setCurrentWidget(page.sync_tab)
    box = page.enrolment
    qtbot.waitUntil(lambda: "chưa đăng ký" in box.state.text())
    click(qtbot, box.button)
    qtbot.waitUntil(lambda: box.errors.text("server_url") != "")
    qtbot.keyClicks(box.server_url, proc.base_url)
    qtbot.keyClicks(box.code, "SAI-MA-DANG-KY")
    click(qtbot, box.button)
    qtbot.waitUntil(lambda: box.errors.text("code") != "", timeout=10_000)
    assert "từ chối mã đăng ký" in box.errors.text("code")

    box.code.clear()
    qtbot.keyClicks(box.code, server_admin.enroll_station(sdb, settings, OFFICE_CODE, 5))
    click(qtbot, box.button)
    qtbot.waitUntil(lambda: "Đã đăng ký: quầy số 5" in box.state.text(), timeout=10_000)
    assert "Quầy số 5" in page.station.text()
    qtbot.waitUntil(lambda: win.sync.active)

    sync = win.show_page("sync")
    qtbot.waitUntil(lambda: sync.sync_button.isEnabled())
    assert sync.log.rowCount() == 0 and server_count(sdb, codes) == 0
    click(qtbot, sync.sync_button)
    qtbot.waitUntil(lambda: sync.log.rowCount() == 1, timeout=20_000)
    assert sync.log.item(0, 1).text() == "3"
    assert sync.log.item(0, 4).text().startswith("Thành công")
    qtbot.waitUntil(lambda: win.pending_label.text() == "Chờ đồng bộ: 0")
    assert win.online_label.text() == "● Trực tuyến"
    assert "chưa có" not in win.last_sync_label.text()
    assert sync.values["server"].text() == proc.base_url
    assert server_count(sdb, codes) == 3
    qtbot.waitUntil(lambda: not win.warning_label.isVisible())

    page = win.show_page("settings")
    page.fields["sync_interval_seconds"].setValue(30)
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.banner.kind == "success")
    assert win.sync.scheduler.interval == 30
    sync = win.show_page("sync")

    # Revoked at the server: said plainly; the server is in reach, so not "offline".
    server_admin.revoke_station(sdb, OFFICE_CODE, 5)
    click(qtbot, sync.sync_button)
    qtbot.waitUntil(lambda: sync.log.rowCount() == 2, timeout=20_000)
    assert "cần đăng ký lại quầy" in sync.log.item(0, 4).text()
    assert win.online_label.text() == "● Trực tuyến · đồng bộ lỗi"


def test_a_refused_dossier_is_flagged_on_its_row_with_the_reason(
    qtbot, server, open_window, db, data_dir, admin, clerk
):
    enrol(server, db, data_dir, admin, 2)
    bad = receive_many(db, clerk, 1)[0]
    with db.write() as session:
        event = session.scalars(select(OutboxEvent)).one()
        event.payload = {**event.payload, "office_code": "000.99.99.H99"}
    good = receive_many(db, clerk, 1)[0]
    win = open_window(first_delay=0)
    sign_in(qtbot, win, "canbo1", CLERK_PASSWORD)
    qtbot.waitUntil(lambda: win.sync.last_report is not None, timeout=20_000)
    assert win.sync.last_report.rejected == 1 and win.sync.last_report.pushed == 1
    with db.read() as session:
        reason = by_code(session, bad).sync_error
    assert reason

    page = win.show_page("dossiers")
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    flagged = model.index(model.row_of(bad), 0)
    assert isinstance(model.data(flagged, Qt.ItemDataRole.DecorationRole), QIcon)
    assert (
        model.data(flagged, Qt.ItemDataRole.ToolTipRole) == f"Máy chủ từ chối hồ sơ này: {reason}"
    )
    fine = model.index(model.row_of(good), 0)
    assert model.data(fine, Qt.ItemDataRole.DecorationRole) is None
    assert reason not in (model.data(fine, Qt.ItemDataRole.ToolTipRole) or "")
    page.table.selectRow(model.row_of(bad))
    qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.view.code == bad)
    shown = page.detail.findChild(QLabel, "detail_sync_error")
    assert shown is not None and reason in shown.text()

    sync = win.show_page("sync")
    qtbot.waitUntil(lambda: sync.failures_table.rowCount() == 1)
    assert sync.failures_table.item(0, 0).text() == bad
    assert sync.failures_table.item(0, 3).text() == reason
    assert "1 bị từ chối" in sync.log.item(0, 4).text()
    assert "bị máy chủ từ chối" in sync.warnings.text() and sync.warnings.isVisible()
    assert not win.warning_label.isVisible()  # a clerk's status bar stays quiet
    with qtbot.waitSignal(win.pages["dossiers"].detail.loaded):
        sync.failures_table.cellDoubleClicked.emit(0, 0)
    assert win.current_page_name() == "dossiers"


def test_offline_is_said_plainly_and_the_worker_catches_up_alone(
    qtbot, server, open_window, db, data_dir, admin, clerk, monkeypatch
):
    proc, sdb, _ = server
    monkeypatch.setattr(transport, "TIMEOUT", (1.0, 2.0))
    proxy = FaultProxy(proc.port)
    try:
        enrol(server, db, data_dir, admin, 3, url=proxy.url)
        codes = receive_many(db, clerk, 2)
        proxy.down()
        win = open_window(first_delay=0)
        sign_in(qtbot, win, "admin", ADMIN_PASSWORD)
        sync = win.show_page("sync")
        qtbot.waitUntil(lambda: sync.log.rowCount() >= 1, timeout=15_000)
        assert "Không kết nối được máy chủ" in sync.log.item(0, 4).text()
        qtbot.waitUntil(lambda: win.online_label.text() == "● Ngoại tuyến")
        assert "Không kết nối được máy chủ" in win.online_label.toolTip()
        assert sync.values["link"].text() == "Ngoại tuyến"
        assert win.pending_label.text() == "Chờ đồng bộ: 2"

        proxy.up()  # nobody presses anything: the worker notices by itself
        qtbot.waitUntil(lambda: win.online_label.text() == "● Trực tuyến", timeout=20_000)
        qtbot.waitUntil(lambda: win.pending_label.text() == "Chờ đồng bộ: 0", timeout=10_000)
        qtbot.waitUntil(lambda: sync.log.item(0, 4).text().startswith("Thành công"))
        assert "Không kết nối được máy chủ" in sync.log.item(1, 4).text()
        assert server_count(sdb, codes) == 2
    finally:
        proxy.down()


def test_the_window_stays_responsive_while_1000_dossiers_sync(
    qtbot, server, open_window, db, data_dir, admin, clerk
):
    enrol(server, db, data_dir, admin, 4)
    codes = receive_many(db, clerk, 1000)
    win = open_window()
    sign_in(qtbot, win, "canbo1", CLERK_PASSWORD)
    sync = win.show_page("sync")
    qtbot.waitUntil(lambda: win.pending_label.text() == "Chờ đồng bộ: 1000", timeout=10_000)
    qtbot.waitUntil(lambda: sync.sync_button.isEnabled())

    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    phases: set[str] = set()
    win.sync.progress_changed.connect(
        lambda: win.sync.progress and phases.add(win.sync.progress.phase)
    )
    heartbeat.start()
    qtbot.wait(200)
    started = time.perf_counter()
    with qtbot.waitSignal(win.sync.round_finished, timeout=120_000):
        click(qtbot, sync.sync_button)
    qtbot.waitUntil(lambda: win.pending_label.text() == "Chờ đồng bộ: 0", timeout=10_000)
    heartbeat.stop()
    took = time.perf_counter() - started

    report = win.sync.last_report
    assert report.ok and report.pushed == 1000, report.errors
    assert "push" in phases
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    worst = max(gaps)
    print(
        f"\nheartbeat during a 1,000-dossier round: {took:.2f} s, {len(ticks)} ticks, "
        f"longest gap {worst * 1000:.1f} ms, "
        f"p99 {sorted(gaps)[int(len(gaps) * 0.99)] * 1000:.1f} ms"
    )
    assert worst <= 0.100, f"the GUI stalled for {worst * 1000:.0f} ms"
    assert server_count(server[1], codes[:50]) == 50
