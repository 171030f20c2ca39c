"""A million dossiers: the table opens and scrolls without reading them all."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from app.infra import datadir
from app.infra.storage import open_database
from app.office.office_setup import SetupRequest, initialise
from tests.conftest import ADMIN_PASSWORD, OFFICE_CODE
from tests.ui.bigdb import fill
from tests.ui.conftest import sign_in

MILLION = 1_000_000


@pytest.fixture(scope="module")
def million_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("scale") / "station"
    db = initialise(
        data_dir,
        SetupRequest(
            OFFICE_CODE, "UBND xã Tân Lập", 1, "admin", ADMIN_PASSWORD, "Quản trị hệ thống"
        ),
    )
    db.dispose()
    fill(datadir.db_path(data_dir), MILLION)
    return data_dir


@pytest.mark.slow
def test_a_million_dossiers_open_and_scroll_a_page_at_a_time(qtbot, million_dir, previews):
    from ui.shell.app import create_window

    db = open_database(million_dir)
    win = create_window(million_dir, db=db, preview_factory=previews)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    try:
        sign_in(qtbot, win, "admin", ADMIN_PASSWORD)
        page = win.show_page("dossiers")
        model, table = page.model, page.table
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
        assert model.rowCount() == model.page_size
        newest = model.rows[0]
        assert newest.id == MILLION  # newest received first

        timings = []
        for _ in range(4):
            loaded = model.rowCount()
            started = time.perf_counter()
            table.scrollToBottom()
            qtbot.waitUntil(lambda n=loaded: model.rowCount() > n, timeout=10_000)
            timings.append(time.perf_counter() - started)
        assert model.rowCount() == 5 * model.page_size
        assert model.rows_fetched == model.rowCount() <= 1_000  # of a million
        assert model.pages_fetched == 5 and not model.exhausted
        assert max(timings) < 1.0, timings
        ids = [r.id for r in model.rows]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)

        # Filters start over from one page; overdue rows are coloured.
        qtbot.mouseClick(page.overdue, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: model.rowCount() > 0 and model.rows[0].overdue, timeout=10_000)
        assert all(r.overdue for r in model.rows)
        brush = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
        assert brush is not None and brush.color().name() == "#fbd5d3"
        assert model.rowCount() <= model.page_size

        # Selecting a row shows its details.
        table.selectRow(0)
        qtbot.waitUntil(lambda: page.detail.view is not None, timeout=10_000)
        assert page.detail.view.code == model.rows[0].code
    finally:
        win.close()
        win.ctx.tasks.wait_for_done()
        db.dispose()
