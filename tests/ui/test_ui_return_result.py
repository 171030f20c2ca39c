"""Trả kết quả with the result paper digitized: kept with the return, or refused whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.capture import results
from app.domain.status import Status
from app.dossiers import dossier_query, progress
from tests.capture.conftest import A5_PIXELS
from tests.capture.synth import text_page
from tests.ui.conftest import type_text
from tests.ui.test_ui_dossiers import receive


def _resolved(db, clerk) -> str:
    code = receive(db, clerk).code
    progress.change_status(db, clerk, code, Status.PROCESSING)
    progress.change_status(db, clerk, code, Status.RESOLVED)
    return code


def _open(qtbot, win, code: str):
    win.return_dossier(code)
    page = win.pages["return"]
    qtbot.waitUntil(lambda: page.dossier is not None and page.confirm.isEnabled(), timeout=10_000)
    return page


def test_the_result_chosen_on_the_return_screen_is_kept_with_the_return(
    qtbot, clerk_window, db, clerk, tmp_path: Path
):
    code = _resolved(db, clerk)
    page = _open(qtbot, clerk_window, code)
    scan = tmp_path / "trich-luc.png"
    text_page(200, seed=5, lines=10, noise=0, size=A5_PIXELS).save(scan, dpi=(200, 200))
    page.set_result_files([str(scan)])
    assert page.result_label.text() == "trich-luc.png"
    type_text(page.result_number, "15/TLKS")
    type_text(page.result_date, "06/12/2026")
    with qtbot.waitSignal(page.returned, timeout=60_000):
        qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
    assert dossier_query.detail(db, clerk, code).status == Status.RETURNED
    stored = results.read(db, clerk, code)
    assert stored.startswith(b"%PDF")
    with db.read() as session:
        from app.dossiers.views import by_code

        row = results.of_dossier(session, by_code(session, code))
        assert row.number == "15/TLKS" and row.issued_on.isoformat() == "2026-12-06"
    assert page.result_files == [] and page.result_number.text() == ""


def test_a_bad_result_file_leaves_the_dossier_as_it_was_and_says_why(
    qtbot, clerk_window, db, clerk, tmp_path: Path
):
    code = _resolved(db, clerk)
    page = _open(qtbot, clerk_window, code)
    bogus = tmp_path / "ket-qua.pdf"
    bogus.write_bytes(b"not a pdf at all")
    page.set_result_files([str(bogus)])
    qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm.isEnabled(), timeout=30_000)
    shown = page.banner.text() + page.errors.text("result_file")
    assert "ket-qua.pdf" in shown
    assert dossier_query.detail(db, clerk, code).status == Status.RESOLVED


def test_the_result_scanned_in_the_digitizing_dialog_is_kept(
    qtbot, clerk_window, db, clerk, tmp_path: Path
):
    from ui.capture.dialog import RESULT_ITEM

    code = _resolved(db, clerk)
    page = _open(qtbot, clerk_window, code)
    qtbot.mouseClick(page.result_capture, Qt.MouseButton.LeftButton)
    dialog = page.capture_dialog
    qtbot.waitUntil(lambda: dialog.component.count() > 0 and dialog.reuse.loaded)
    assert dialog.component_index() == RESULT_ITEM
    assert dialog.component.currentText().startswith("Kết quả giải quyết")
    scan = tmp_path / "giay-phep.png"
    text_page(200, seed=9, lines=10, noise=0, size=A5_PIXELS).save(scan, dpi=(200, 200))
    dialog.import_paths([str(scan)], "scanner")
    qtbot.waitUntil(lambda: len(dialog.model.tray) == 1 and dialog.model.ready())
    with qtbot.waitSignal(dialog.saved, timeout=60_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert results.read(db, clerk, code).startswith(b"%PDF")
    with db.read() as session:
        from app.dossiers.views import by_code

        assert results.of_dossier(session, by_code(session, code)).source == "scanner"
    assert page.result_label.text() == "Đã lưu bản số hóa kết quả"
    dialog.reject()
    # The dossier is still to hand over; the kept result goes with it.
    with qtbot.waitSignal(page.returned, timeout=30_000):
        qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
