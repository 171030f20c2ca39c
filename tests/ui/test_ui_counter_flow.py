"""The counter's main flow, driven through the real window like a clerk would."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.domain.formatting import format_long_datetime
from app.dossiers import dossier_query
from tests.ui.conftest import confirm_click, type_text

# A made-up card consistent with the ID rules (Hà Nội, female, born 1990).
CARD = (
    "001190012345|123456789|Trần Thị Hoa|15071990|Nữ|"
    "Số 5 ngõ 12 phố Huế, phường Hàng Bài, Hà Nội|01022021"
)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def pick_procedure(qtbot, page, typed: str, code: str) -> None:
    qtbot.keyClicks(page.picker.search, typed)
    assert page.picker.list.currentItem().text().startswith(code)
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form is not None and page.form.code == code)
    qtbot.waitUntil(lambda: page.due.text() != "—")


def receive(qtbot, win, page, previews) -> str:
    before = len(previews.jobs)
    qtbot.keyClick(
        QApplication.focusWidget() or page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: len(previews.jobs) > before, timeout=20_000)
    assert page.last_result is not None
    return page.last_result.code


def all_line_edit_text(widget) -> str:
    return "\n".join(e.text() for e in widget.findChildren(QLineEdit))


def test_receive_find_follow_and_return_a_dossier(qtbot, clerk_window, previews, tmp_path):
    win = clerk_window
    assert win.officer_label.text().startswith("Cán bộ: Trần Thị Hoa")
    qtbot.waitUntil(lambda: "Quầy 1" in win.station_label.text())
    page = win.pages["receive"]
    assert win.stack.currentWidget() is page

    # 1. Typed by hand, with the procedure found without diacritics.
    pick_procedure(qtbot, page, "dang ky khai sinh", "1.001193")
    preview = page.due.text()
    a = page.applicant
    assert QApplication.focusWidget() is a.id_number
    qtbot.keyClicks(a.id_number, "001085012345")
    type_text(a.full_name, "Nguyễn Văn Đức")
    qtbot.keyClicks(a.birth_date, "12/03/1985")
    a.sex.setCurrentIndex(a.sex.findData("Nam"))
    type_text(a.address, "Thôn Đông, xã Tân Lập, Hà Nội")
    qtbot.keyClicks(a.phone, "0912345678")
    a.phone.setFocus()
    code = receive(qtbot, win, page, previews)

    stored = dossier_query.detail(win.ctx.db, win.ctx.actor, code)
    due_text = format_long_datetime(stored.due_at)
    assert code in page.result.text() and due_text in page.result.text()
    assert preview == due_text  # the live preview promised what the receipt says
    text = pdf_text(previews.last_pdf, tmp_path)
    assert code in text and "Nguyễn Văn Đức" in text
    assert page.picker.current is None and a.full_name.text() == ""  # ready for the next

    # 2. The ID card's QR typed by the scanner into the focused field.
    pick_procedure(qtbot, page, "tam tru", "1.004194")
    a.id_number.setFocus()
    with qtbot.waitSignal(page.scanner.scanned, timeout=2000):
        type_text(a.id_number, CARD + "\n")
    assert a.id_number.text() == "001190012345"
    assert a.full_name.text() == "Trần Thị Hoa"
    assert a.birth_date.text() == "15/07/1990"
    assert a.sex.currentData() == "Nữ"
    assert a.address.text().startswith("Số 5 ngõ 12 phố Huế")
    assert "|" not in all_line_edit_text(page)
    page.components.setFocus()
    code2 = receive(qtbot, win, page, previews)
    assert code2 != code
    assert "Trần Thị Hoa" in pdf_text(previews.last_pdf, tmp_path)
    qtbot.waitUntil(lambda: win.pending_label.text() != "Chờ đồng bộ: 0")

    # 3. Both dossiers in the table, newest first.
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    dossiers = win.pages["dossiers"]
    assert win.stack.currentWidget() is dossiers
    qtbot.waitUntil(lambda: dossiers.model.rowCount() == 2)
    assert [r.code for r in dossiers.model.rows] == [code2, code]

    # 4. Looked up by the name typed without diacritics (F3 goes to look-up).
    qtbot.keyClick(win, Qt.Key.Key_F3)
    lookup = win.pages["lookup"]
    assert QApplication.focusWidget() is lookup.query
    qtbot.keyClicks(lookup.query, "nguyen van duc")
    with qtbot.waitSignal(lookup.results_shown, timeout=5000):
        qtbot.keyClick(lookup.query, Qt.Key.Key_Return)
    assert [d.code for d in lookup.result.items] == [code]
    qtbot.waitUntil(lambda: lookup.detail.view is not None and lookup.detail.view.code == code)

    # 5. Sent for processing, result ready, then handed over.
    detail = lookup.detail
    assert detail.buttons["processing"].isVisible()
    assert not detail.buttons["return"].isVisible()
    confirm_click(qtbot, detail.buttons["processing"])
    qtbot.waitUntil(lambda: detail.view.status == 4)
    confirm_click(qtbot, detail.buttons["resolved"])
    qtbot.waitUntil(lambda: detail.view.status == 9 and detail.buttons["return"].isVisible())
    qtbot.mouseClick(detail.buttons["return"], Qt.MouseButton.LeftButton)
    ret = win.pages["return"]
    assert win.stack.currentWidget() is ret
    qtbot.waitUntil(lambda: ret.dossier is not None and ret.confirm.isEnabled())
    assert ret.collector.text() == "Nguyễn Văn Đức"
    confirm_click(qtbot, ret.confirm)
    qtbot.waitUntil(lambda: ret.dossier.status == 10)
    assert "Đã trả kết quả" in ret.summary.text()
    assert ret.banner.kind == "success"
    final = dossier_query.detail(win.ctx.db, win.ctx.actor, code)
    assert final.status_label == "Đã trả kết quả" and final.returned_at is not None
    assert "Người nhận: Nguyễn Văn Đức (001085012345)" in final.history[-1].note
