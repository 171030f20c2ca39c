"""Trả kết quả with the result paper digitized: kept with the return, or refused whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.capture import results
from app.domain.status import Status
from app.dossiers import dossier_query, progress
from tests.capture.conftest import A5_PIXELS
from tests.capture.synth import text_page
from tests.ui.conftest import confirm_click, type_text
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
        confirm_click(qtbot, page.confirm)
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
    confirm_click(qtbot, page.confirm)
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
        confirm_click(qtbot, page.confirm)


def test_the_hand_over_asks_first_and_prints_the_sheet_the_collector_signs(
    qtbot, clerk_window, db, clerk, previews, tmp_path: Path
):
    from tests.ui.test_ui_counter_flow import pdf_text

    code = _resolved(db, clerk)
    other = _resolved(db, clerk)
    page = _open(qtbot, clerk_window, code)
    assert page.print_slip.isChecked()  # the office's setting, on unless turned off
    page.same_person.setChecked(False)
    type_text(page.collector, "Trần Văn Nhận")
    # Enter in the collector's name only asks: nothing is recorded yet.
    qtbot.keyClick(page.collector, Qt.Key.Key_Return)
    assert dossier_query.detail(db, clerk, code).status == Status.RESOLVED
    assert code in page.banner.text() and "Trần Văn Nhận" in page.banner.text()
    assert "không hoàn tác" in page.banner.text()
    assert code in page.confirm.text()
    # Changing who collects asks again.
    type_text(page.collector, " Bình")
    assert code not in page.confirm.text() and page.banner.isHidden()
    qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
    assert "Trần Văn Nhận Bình" in page.banner.text()
    # Another dossier picked meanwhile: the question does not carry over to it.
    page.show_dossier(other)
    qtbot.waitUntil(lambda: page.dossier.code == other)
    qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
    assert dossier_query.detail(db, clerk, other).status == Status.RESOLVED
    assert other in page.banner.text()

    page.show_dossier(code)
    qtbot.waitUntil(lambda: page.dossier.code == code and page.confirm.isEnabled())
    page.same_person.setChecked(False)
    type_text(page.collector, "Trần Văn Nhận")
    with qtbot.waitSignal(page.returned, timeout=30_000):
        confirm_click(qtbot, page.confirm)
    assert dossier_query.detail(db, clerk, code).status == Status.RETURNED
    qtbot.waitUntil(lambda: len(previews.jobs) == 1, timeout=30_000)
    job = previews.jobs[0]
    assert job.title == f"Phiếu kiểm soát {code}"
    text = pdf_text(job.pdf, tmp_path)
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text.upper()
    assert "Trần Văn Nhận" in text and "Tổ chức, cá nhân" in text

    # Unticked for one return: no sheet.
    page.show_dossier(other)
    qtbot.waitUntil(lambda: page.dossier.code == other and page.confirm.isEnabled())
    page.print_slip.setChecked(False)
    with qtbot.waitSignal(page.returned, timeout=30_000):
        confirm_click(qtbot, page.confirm)
    qtbot.wait(500)
    assert len(previews.jobs) == 1
