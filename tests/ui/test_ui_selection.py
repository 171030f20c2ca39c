"""Tra cứu never shows, prints or acts on a dossier other than the one selected."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from app.dossiers import intake
from tests.conftest import INTAKE
from tests.ui.conftest import confirm_click
from tests.ui.test_ui_counter_flow import pdf_text


def two_dossiers(db, clerk) -> tuple[str, str]:
    first = intake.receive(db, clerk, INTAKE).code
    other = copy.deepcopy(INTAKE)
    other["applicant"].update(
        id_number="001190012345", full_name="Nguyễn Thị Hoa", birth_date="1990-07-15", sex="Nữ"
    )
    second = intake.receive(db, clerk, other).code
    return first, second


def search(qtbot, lookup, text: str) -> None:
    lookup.query.setFocus()
    lookup.query.selectAll()
    qtbot.keyClicks(lookup.query, text)
    with qtbot.waitSignal(lookup.results_shown, timeout=5000):
        qtbot.keyClick(lookup.query, Qt.Key.Key_Return)


def test_a_second_search_shows_prints_and_acts_on_the_new_dossier(
    qtbot, clerk_window, db, clerk, previews, tmp_path
):
    first, second = two_dossiers(db, clerk)
    win = clerk_window
    qtbot.keyClick(win, Qt.Key.Key_F3)
    lookup = win.pages["lookup"]
    detail = lookup.detail

    search(qtbot, lookup, "nguyen van duc")
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.code == first)

    # The sequence from the counter: a second search, then Ctrl+P at once.
    search(qtbot, lookup, "nguyen thi hoa")
    assert [d.code for d in lookup.result.items] == [second]
    qtbot.waitUntil(lambda: detail.view is not None)
    assert detail.view.code == second
    assert second in detail.acting_on.text()
    assert second in detail.reprint_button.text()
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(previews.jobs) == 1, timeout=20_000)
    text = pdf_text(previews.last_pdf, tmp_path)
    assert second in text and first not in text

    # The status buttons act on the dossier shown, too.
    confirm_click(qtbot, detail.buttons["processing"])
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.status == 4)
    assert detail.view.code == second
    from app.dossiers import dossier_query

    assert dossier_query.detail(db, clerk, first).status != 4


def test_several_results_leave_nothing_selected_until_the_clerk_picks(
    qtbot, clerk_window, db, clerk, previews
):
    first, second = two_dossiers(db, clerk)
    win = clerk_window
    qtbot.keyClick(win, Qt.Key.Key_F3)
    lookup = win.pages["lookup"]
    search(qtbot, lookup, "nguyen van duc")
    qtbot.waitUntil(lambda: lookup.detail.view is not None)

    search(qtbot, lookup, "nguyen")
    assert {d.code for d in lookup.result.items} == {first, second}
    assert lookup.detail.view is None
    assert not lookup.table.selectionModel().hasSelection()
    assert not any(b.isVisible() for b in lookup.detail.buttons.values())
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Chọn một hồ sơ" in lookup.banner.text()
    assert previews.jobs == []

    lookup.table.selectRow(1)
    qtbot.waitUntil(lambda: lookup.detail.view is not None)
    assert lookup.detail.view.code == lookup.result.items[1].code


def test_a_status_change_asks_before_it_acts(qtbot, clerk_window, db, clerk):
    first, _second = two_dossiers(db, clerk)
    page = clerk_window.show_page("dossiers")
    page.show_dossier(first)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.code == first)
    qtbot.mouseClick(detail.buttons["processing"], Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert detail.view.status == 2  # one click only asks
    assert "lần nữa" in detail.buttons["processing"].text()
    assert first in detail.banner.text()
    qtbot.mouseClick(detail.buttons["processing"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.view.status == 4)
