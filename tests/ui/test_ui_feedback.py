"""The feedback register screen: receive at the counter, refuse without a contact, answer,
print; the day's overview counts late feedback and opens the list."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from app.feedback import queries, register
from tests.ui.conftest import type_text

SENDER = {"full_name": "Lê Thị Mai", "address": "Xóm 3, xã Tân Lập", "phone": "0987654321"}


def test_receive_refuse_answer_and_print_on_the_feedback_screen(qtbot, clerk_window, db, previews):
    page = clerk_window.show_page("feedback")
    assert clerk_window.current_page_name() == "feedback"
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    type_text(page.f_name, "Nguyễn Văn Bình")
    type_text(page.f_address, "Thôn Đông, xã Tân Lập")
    type_text(page.f_content, "Xin hỏi <b>lệ phí</b> trích lục là bao nhiêu?")
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.kind == "error")
    assert "nặc danh" in page.banner.text() and "số điện thoại" in page.banner.text()
    assert queries.list_feedback(db) == []

    type_text(page.f_phone, "0912 345 678")
    page.f_channel.setCurrentIndex(page.f_channel.findData("phone"))
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews.jobs) == 1, timeout=15_000)
    [item] = queries.list_feedback(db)
    assert (item.channel, item.sender_phone, item.kind) == ("phone", "0912 345 678", "regulation")
    assert item.content == "Xin hỏi <b>lệ phí</b> trích lục là bao nhiêu?"
    assert previews.jobs[0].pdf.startswith(b"%PDF")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.current is not None)
    # Plain text: the HTML is shown as typed, never rendered.
    assert "<b>lệ phí</b>" in page.detail_text.text()
    assert page.detail_text.textFormat() == Qt.TextFormat.PlainText

    type_text(page.answer_text, "Lệ phí 8.000 đồng một bản.")
    qtbot.mouseClick(page.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews.jobs) == 2, timeout=15_000)
    assert queries.get(db, item.code).answer == "Lệ phí 8.000 đồng một bản."
    qtbot.waitUntil(lambda: page.current is not None and page.current.answer is not None)
    assert not page.answer_button.isEnabled() and page.print_answer.isEnabled()
    qtbot.mouseClick(page.print_ack, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews.jobs) == 3, timeout=15_000)


def test_late_feedback_counts_on_the_day_and_opens_the_overdue_list(qtbot, clerk_window, db, clerk):
    late = register.receive(
        db,
        clerk,
        {"sender": SENDER, "content": "Chờ lâu.", "received_at": "2026-02-13T09:00"},
        now=datetime(2026, 2, 13, 10),
    ).code
    register.receive(db, clerk, {"sender": SENDER, "content": "Mới nhận."})
    page = clerk_window.show_page("dossiers")
    button = page.day_buttons["feedback_overdue"]
    qtbot.waitUntil(lambda: button.text() == "PAKN quá hạn: 1")
    assert page.day_buttons["feedback_due_soon"].text() == "PAKN sắp đến hạn: 0"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clerk_window.current_page_name() == "feedback"
    screen = clerk_window.pages["feedback"]
    qtbot.waitUntil(lambda: [r.code for r in screen.model.rows] == [late])
    assert screen.filter.currentData() == "overdue"
    assert "QUÁ HẠN" in screen.model.data(screen.model.index(0, 4))


def test_ask_for_more_information_then_record_it_arrived(qtbot, clerk_window, db, clerk, previews):
    data = {"sender": SENDER, "content": "Về thời hạn trả kết quả.", "channel": "counter"}
    code = register.receive(db, clerk, data).code
    page = clerk_window.show_page("feedback")
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.current is not None and page.current.code == code)
    assert page.ask_button.isEnabled() and not page.supplied_button.isEnabled()
    type_text(page.answer_text, "Đề nghị ông cho biết mã hồ sơ.")
    qtbot.mouseClick(page.ask_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews.jobs) == 1, timeout=15_000)
    assert previews.jobs[0].pdf.startswith(b"%PDF")
    item = queries.get(db, code)
    assert item.info_request == "Đề nghị ông cho biết mã hồ sơ." and item.standing == "waiting"
    qtbot.waitUntil(lambda: page.current is not None and page.current.standing == "waiting")
    assert "Chờ người phản ánh bổ sung thông tin" in page.detail_text.text()
    assert not page.ask_button.isEnabled() and page.supplied_button.isEnabled()
    qtbot.mouseClick(page.supplied_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current is not None and page.current.info_supplied_at is not None)
    assert queries.get(db, code).standing != "waiting"
    assert not page.supplied_button.isEnabled() and page.answer_button.isEnabled()
    assert "Đã nhận thông tin bổ sung" in page.detail_text.text()
