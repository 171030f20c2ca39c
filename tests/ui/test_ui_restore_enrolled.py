"""A station enrolled with the central server, restored from the window while the server
is out of reach: no new code until a sync round, then codes skipped ahead, and the clerk
at the counter is told each time."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.backup import skip_ahead
from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.sync import transport
from tests.conftest import CLERK_PASSWORD, INTAKE
from tests.integration.conftest import central_server
from tests.integration.netproxy import FaultProxy
from tests.ui.conftest import sign_in
from tests.ui.test_ui_restore import _asked, _backup_tab, _backup_two_then_a_third
from tests.ui.test_ui_sync import enrol, open_window  # noqa: F401 - fixture


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from central_server(tmp_path_factory)


def test_a_restored_enrolled_station_holds_codes_back_then_skips_ahead_offline(
    qtbot,
    server,
    open_window,  # noqa: F811 - the fixture imported above
    db,
    data_dir,
    admin,
    clerk,
    fixed_now,
    monkeypatch,
):
    proc, _sdb, _ = server
    monkeypatch.setattr(transport, "TIMEOUT", (1.0, 2.0))
    proxy = FaultProxy(proc.port)
    try:
        enrol(server, db, data_dir, admin, 9, url=proxy.url)
        _made, before, third = _backup_two_then_a_third(db, data_dir, clerk, fixed_now)
        proxy.down()
        # No round before the restore; the one after it comes on its own, a little later.
        win = open_window(first_delay=3.0)
        win.warn_on_quit = False
        _page, panel = _backup_tab(qtbot, win)
        _asked(qtbot, panel).button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: win.mode == "sign_in", timeout=60_000)
        assert "chưa cấp mã hồ sơ mới" in win.sign_in.banner.text()

        sign_in(qtbot, win, "canbo1", CLERK_PASSWORD)
        notice = win.pages["receive"].restore_notice
        qtbot.waitUntil(lambda: notice.isVisible(), timeout=10_000)
        assert "chưa cấp mã hồ sơ mới" in notice.text()
        with pytest.raises(DomainError) as err:
            intake_uc.receive(win.ctx.db, clerk, dict(INTAKE), now=fixed_now)
        assert err.value.code == "relearning"

        # The worker's round cannot reach the server: codes skip ahead, the clerk sees it.
        qtbot.waitUntil(lambda: f"nhảy trước {skip_ahead.MARGIN}" in notice.text(), timeout=30_000)
        code = intake_uc.receive(win.ctx.db, clerk, dict(INTAKE), now=fixed_now).code
        assert code != third and code not in before
    finally:
        proxy.down()
