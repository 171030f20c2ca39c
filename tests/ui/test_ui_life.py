"""The dossier pane's life steps: extend, stop, withdraw, cancel, papers supplied, fee paid.

Each button opens a dialog that asks what the law requires; the step goes
through the same use case as the CLI, and a refusal keeps the dialog open
with the reason beside the field at fault.
"""

from __future__ import annotations

import copy
from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QLabel

from app.domain.formatting import format_long_date
from app.dossiers import dossier_query, intake
from app.office import auth
from tests.conftest import INTAKE
from tests.ui.conftest import sign_in, type_text
from tests.ui.test_ui_counter_flow import pdf_text
from ui.widgets.life_dialog import LifeDialog


def receive(db, clerk, **changes) -> intake.ReceiveResult:
    data = copy.deepcopy(INTAKE)
    data.pop("received_at")
    data.update(changes)
    return intake.receive(db, clerk, data)


def open_detail(qtbot, win, code: str):
    win.open_dossier(code)
    detail = win.pages["dossiers"].detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.code == code)
    return detail


def shown_life(detail) -> list[str]:
    return [n for n, b in detail.life_buttons.items() if b.isVisibleTo(detail)]


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_dialog(qtbot, detail, action: str):
    click(qtbot, detail.life_buttons[action])
    qtbot.waitUntil(lambda: detail.life_dialog is not None and detail.life_dialog.isVisible())
    dialog = detail.life_dialog
    # The dialog names the dossier it acts on.
    assert dialog.action == action and detail.view.code in intro(dialog)
    return dialog


def intro(dialog) -> str:
    return dialog.findChild(QLabel, "life_intro").text()


def test_extend_asks_a_date_and_reason_prints_the_letter_and_keeps_the_date(
    qtbot, clerk_window, db, clerk, previews, tmp_path
):
    got = receive(db, clerk)
    detail = open_detail(qtbot, clerk_window, got.code)
    assert shown_life(detail) == ["extend", "stop", "withdraw", "cancel"]
    # Only a supervisor cancels; a clerk sees the button greyed, with the reason.
    assert not detail.life_buttons["cancel"].isEnabled()

    dialog = open_dialog(qtbot, detail, "extend")
    new_due = got.due_at + timedelta(days=1)
    dialog.new_due.setDateTime(QDateTime(new_due.date(), new_due.time()))
    # No reason: refused beside the field, dialog still open, nothing written.
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.errors.text("reason") != "")
    assert "lý do" in dialog.errors.text("reason").lower()
    assert dialog.isVisible() and not previews.jobs
    assert dossier_query.detail(db, clerk, got.code).due_at == got.due_at

    type_text(dialog.reason, "Cần xác minh thêm tại nơi cư trú")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible() and len(previews.jobs) == 1)
    view = dossier_query.detail(db, clerk, got.code)
    assert view.due_at == new_due.replace(second=0, microsecond=0)
    assert view.original_due_at == got.due_at and view.extensions == 1
    text = pdf_text(previews.last_pdf, tmp_path)
    assert "xin lỗi" in text.lower() and "Cần xác minh thêm tại nơi cư trú" in text
    assert format_long_date(new_due.date()) in " ".join(text.split())

    # A second extension needs a supervisor: the clerk is told, nothing changes.
    qtbot.waitUntil(lambda: detail.view.extensions == 1)
    dialog = open_dialog(qtbot, detail, "extend")
    type_text(dialog.reason, "Lần hai")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "lãnh đạo" in dialog.banner.text())
    assert dialog.isVisible() and len(previews.jobs) == 1
    assert dossier_query.detail(db, clerk, got.code).extensions == 1
    dialog.reject()


def test_stop_and_withdraw_need_a_reason_and_change_the_status(
    qtbot, clerk_window, db, clerk, previews, tmp_path
):
    first = receive(db, clerk)
    detail = open_detail(qtbot, clerk_window, first.code)
    dialog = open_dialog(qtbot, detail, "stop")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.errors.text("reason") != "")
    assert dossier_query.detail(db, clerk, first.code).status == 2
    type_text(dialog.reason, "Cơ quan có thẩm quyền yêu cầu dừng")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: detail.view.status == 8 and len(previews.jobs) == 1)
    assert "Cơ quan có thẩm quyền yêu cầu dừng" in pdf_text(previews.last_pdf, tmp_path)
    assert "Dừng xử lý" in detail.status.text()
    assert shown_life(detail) == ["cancel"]

    second = receive(db, clerk)
    detail = open_detail(qtbot, clerk_window, second.code)
    dialog = open_dialog(qtbot, detail, "withdraw")
    type_text(dialog.reason, "Công dân có đơn xin rút")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: detail.view.status == 7)
    assert len(previews.jobs) == 1  # withdrawal hands over no slip
    history = dossier_query.detail(db, clerk, second.code).history
    assert "Công dân có đơn xin rút" in history[-1].note


def test_papers_supplied_restarts_the_clock_from_the_pane(qtbot, clerk_window, db, clerk):
    from app.paper import dossier_slips

    got = receive(db, clerk)
    dossier_slips.request_supplement(db, clerk, got.code, "Thiếu giấy", "2")
    detail = open_detail(qtbot, clerk_window, got.code)
    assert shown_life(detail)[0] == "supplied"
    dialog = open_dialog(qtbot, detail, "supplied")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: detail.view.status == 2)
    assert not dossier_query.detail(db, clerk, got.code).paused


def test_fee_paid_reprints_the_receipt_as_paid(qtbot, clerk_window, db, clerk, previews, tmp_path):
    got = receive(
        db,
        clerk,
        procedure="2.000815",
        components=[
            {"index": 1, "originals": 1, "copies": 0},
            {"index": 2, "originals": 0, "copies": 5, "pages": 2},
        ],
    )
    detail = open_detail(qtbot, clerk_window, got.code)
    assert "pay" in shown_life(detail)
    LifeDialog.last_method = None
    dialog = open_dialog(qtbot, detail, "pay")
    assert "20.000" in intro(dialog)
    # No method chosen: refused beside the choice, nothing recorded.
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "hình thức" in " ".join(label_texts(dialog)))
    assert dialog.isVisible() and not dossier_query.detail(db, clerk, got.code).fee_paid
    # The clerk picks "Chuyển khoản" with the keyboard (second in the list).
    dialog.method.setFocus()
    qtbot.keyClick(dialog.method, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.method, Qt.Key.Key_Down)
    assert dialog.method.currentData() == "transfer"
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: detail.view.fee_paid and len(previews.jobs) == 1)
    assert got.code in pdf_text(previews.last_pdf, tmp_path)
    assert "pay" not in shown_life(detail)
    assert dossier_query.detail(db, clerk, got.code).fee_payment_method == "transfer"
    # The next payment starts from the method last used.
    other = receive(db, clerk, procedure="2.000815", components=got_components())
    detail = open_detail(qtbot, clerk_window, other.code)
    dialog = open_dialog(qtbot, detail, "pay")
    assert dialog.method.currentData() == "transfer"
    dialog.close()


def got_components() -> list[dict]:
    return [
        {"index": 1, "originals": 1, "copies": 0},
        {"index": 2, "originals": 0, "copies": 5, "pages": 2},
    ]


def label_texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]


def test_a_supervisor_cancels_an_entry_made_in_error(qtbot, window, db, clerk):
    with db.write() as session:
        auth.create_officer(session, "lanhdao", "Lê Văn Lãnh", "supervisor", "matkhau-lanhdao")
    got = receive(db, clerk)
    sign_in(qtbot, window, "lanhdao", "matkhau-lanhdao")
    detail = open_detail(qtbot, window, got.code)
    assert detail.life_buttons["cancel"].isEnabled()
    dialog = open_dialog(qtbot, detail, "cancel")
    type_text(dialog.reason, "Nhập trùng hồ sơ")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: detail.view.cancelled)
    # A cancelled dossier takes no further step, status move or life step.
    assert shown_life(detail) == []
    assert not any(b.isVisibleTo(detail) for b in detail.buttons.values())
    assert "HỦY" in detail.status.text().upper()
