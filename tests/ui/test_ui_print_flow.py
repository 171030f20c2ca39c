"""Printing from the window without the mouse: Enter in the preview, "In ngay", the link warning."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_ui_counter_flow import CARD, pick_procedure
from tests.ui.test_ui_receive_inputs import ctrl_enter
from ui.widgets import print_preview


def record_prints(monkeypatch) -> list[tuple]:
    printed: list[tuple] = []
    monkeypatch.setattr(
        print_preview,
        "print_pdf",
        lambda printer, pdf, title="", vector=True: printed.append((printer.docName(), pdf)),
    )
    return printed


def test_enter_in_the_preview_prints_without_another_dialog(qtbot, clerk_window, monkeypatch):
    printed = record_prints(monkeypatch)
    page = clerk_window.pages["receive"]
    job = print_preview.prepare(_a_pdf(), "Giấy tiếp nhận X")
    dialog = print_preview.default_preview(page, job, "", clerk_window.ctx.tasks)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(printed) == 1)
    assert printed[0] == ("Giấy tiếp nhận X", job.pdf)
    # Closed (and deleted: the dialog deletes itself on close).
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def test_print_immediately_sends_the_receipt_without_a_preview(
    qtbot, clerk_window, previews, monkeypatch
):
    printed = record_prints(monkeypatch)
    clerk_window.ctx.settings["print_immediately"] = "1"
    page = clerk_window.pages["receive"]
    pick_procedure(qtbot, page, "tam tru", "1.004194")
    from tests.ui.conftest import type_text

    type_text(page.applicant.id_number, CARD + "\n")
    ctrl_enter(qtbot, page)
    qtbot.waitUntil(lambda: len(printed) == 1, timeout=20_000)
    assert previews.jobs == []
    assert printed[0][0].endswith(page.last_result.code)
    qtbot.waitUntil(lambda: "máy in" in page.banner.text())


def test_a_warning_says_the_qr_will_not_reach_citizens_until_an_address_is_set(qtbot, clerk_window):
    page = clerk_window.pages["receive"]
    assert page.link_warning.isVisible()
    top = page.applicant.mapTo(page, page.applicant.rect().topLeft())
    clerk_window.ctx.settings["public_base_url"] = "http://127.0.0.1:8080"
    page.activated()
    assert page.link_warning.isVisible()
    clerk_window.ctx.settings["public_base_url"] = "https://motcua.hanoi.gov.vn"
    page.activated()
    assert not page.link_warning.isVisible()
    assert page.applicant.mapTo(page, page.applicant.rect().topLeft()) == top


def _a_pdf() -> bytes:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(72, 720, "Giay tiep nhan")
    canvas.save()
    return out.getvalue()


def test_a_message_does_not_move_the_form(qtbot, clerk_window):
    page = clerk_window.pages["receive"]
    where = page.picker.search.mapTo(page, page.picker.search.rect().topLeft())
    page.banner.show_message("Một thông báo\nhai dòng", "error")
    qtbot.wait(10)
    assert page.picker.search.mapTo(page, page.picker.search.rect().topLeft()) == where
    page.banner.clear_message()
    qtbot.wait(10)
    assert page.picker.search.mapTo(page, page.picker.search.rect().topLeft()) == where
