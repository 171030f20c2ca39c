"""Asking the sender for more information, and counting the answer again once it arrives."""

from __future__ import annotations

import copy
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.feedback import queries, register
from app.paper import feedback_slips
from db.models import AuditLog
from tests.feedback.test_feedback_register import FEEDBACK

# Monday 2 February 2026: the 15-day answer is due 02/03 (Tết holidays 16–20/02 skipped).
RECEIVED = "2026-02-02T09:00:00+07:00"


@pytest.fixture
def data() -> dict[str, Any]:
    given = copy.deepcopy(FEEDBACK)
    given["received_at"] = RECEIVED
    return given


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_ask_records_the_request_and_judges_it_by_its_own_deadline(db, clerk, data):
    receipt = register.receive(db, clerk, data, now=datetime(2026, 2, 2, 9, 30))
    assert receipt.due["request_info_by"] == date(2026, 2, 9)
    assert receipt.due["resolve_by"] == date(2026, 3, 2)
    asked = register.ask_info(
        db, clerk, receipt.code, "Đề nghị bà cho biết ngày nộp hồ sơ.", datetime(2026, 2, 4, 10)
    )
    assert asked.on_time is True
    assert asked.request_info_by == date(2026, 2, 9)
    item = queries.get(db, receipt.code, today=date(2026, 3, 20))
    # Waiting for the sender: not overdue for the answer, whatever the date.
    assert item.standing == "waiting"
    assert item.state_label == "Chờ người phản ánh bổ sung thông tin"
    assert queries.list_feedback(db, overdue=True, today=date(2026, 3, 20)) == []
    shown = item.to_json()["info_request"]
    assert shown == {
        "text": "Đề nghị bà cho biết ngày nộp hồ sơ.",
        "requested_at": "2026-02-04T10:00:00",
        "requested_by": "Trần Thị Hoa",
        "on_time": True,
        "supplied_at": None,
    }
    with pytest.raises(DomainError) as twice:
        register.ask_info(db, clerk, receipt.code, "Lần nữa", datetime(2026, 2, 5, 10))
    assert twice.value.code == "info_already_requested"
    with db.read() as session:
        audited = session.scalars(
            select(AuditLog.target).where(AuditLog.action == "feedback.ask_info")
        ).all()
    assert audited == [receipt.code]


def test_a_late_request_is_marked_late(db, clerk, data):
    code = register.receive(db, clerk, data, now=datetime(2026, 2, 2, 9, 30)).code
    asked = register.ask_info(db, clerk, code, "Đề nghị bổ sung.", datetime(2026, 2, 10, 8))
    assert asked.on_time is False
    assert queries.get(db, code).to_json()["info_request"]["on_time"] is False


def test_supplied_counts_the_answer_again_across_tet(db, clerk, data):
    code = register.receive(db, clerk, data, now=datetime(2026, 2, 2, 9, 30)).code
    register.ask_info(db, clerk, code, "Đề nghị bổ sung.", datetime(2026, 2, 4, 10))
    # Thursday 12/02: Fri 13, then Tết 16–20/02, then 23/02 … Thursday 12/03 is the 15th day.
    supplied = register.info_supplied(db, clerk, code, datetime(2026, 2, 12, 9))
    assert supplied.resolve_by == date(2026, 3, 12)
    item = queries.get(db, code, today=date(2026, 3, 11))
    assert item.due["resolve_by"] == date(2026, 3, 12)
    assert (item.next_deadline, item.next_due, item.standing) == (
        "resolve_by",
        date(2026, 3, 12),
        "due_soon",
    )
    assert item.to_json()["due"]["resolve_by"] == "2026-03-12"
    assert item.to_json()["info_request"]["supplied_at"] == "2026-02-12T09:00:00"
    assert queries.get(db, code, today=date(2026, 3, 13)).standing == "overdue"
    with pytest.raises(DomainError) as again:
        register.info_supplied(db, clerk, code, datetime(2026, 2, 13, 9))
    assert again.value.code == "info_already_supplied"
    # The answer on the recounted day is on time in the indicators.
    register.answer(db, clerk, code, "Đã trả lời.", datetime(2026, 3, 12, 9))
    kept, handled = queries.on_time(
        db, datetime(2026, 3, 1), datetime(2026, 3, 31, 23, 59), datetime(2026, 4, 1)
    )
    assert (kept, handled) == (1, 1)


def test_refusals_say_why(db, clerk, data):
    code = register.receive(db, clerk, data, now=datetime(2026, 2, 2, 9, 30)).code
    with pytest.raises(DomainError) as not_asked:
        register.info_supplied(db, clerk, code, datetime(2026, 2, 5, 9))
    assert not_asked.value.code == "info_not_requested"
    assert "chưa" in not_asked.value.message_vi
    with pytest.raises(DomainError) as empty:
        register.ask_info(db, clerk, code, "   ", datetime(2026, 2, 4, 9))
    assert empty.value.field == "text"
    with pytest.raises(DomainError) as early:
        register.ask_info(db, clerk, code, "Bổ sung", datetime(2026, 2, 1, 9))
    assert early.value.code == "before_received"
    register.answer(db, clerk, code, "Đã trả lời.", datetime(2026, 2, 6, 9))
    with pytest.raises(DomainError) as closed:
        register.ask_info(db, clerk, code, "Bổ sung", datetime(2026, 2, 6, 10))
    assert closed.value.code == "already_answered"
    data["dossier_code"] = "000.00.99.H99-260101-0001"  # another office's dossier: outside
    outside = register.receive(db, clerk, data, now=datetime(2026, 2, 2, 9, 30)).code
    with pytest.raises(DomainError) as forward:
        register.ask_info(db, clerk, outside, "Bổ sung", datetime(2026, 2, 3, 9))
    assert forward.value.code == "info_request_not_applicable"


def test_the_request_letter_reuses_the_answer_letter_with_its_own_title(db, clerk, data, tmp_path):
    code = register.receive(db, clerk, data, now=datetime(2026, 2, 2, 9, 30)).code
    with pytest.raises(DomainError) as none:
        feedback_slips.info_request_letter(db, clerk, code)
    assert none.value.code == "info_not_requested"
    register.ask_info(
        db, clerk, code, "Đề nghị bà cho biết ngày nộp hồ sơ.", datetime(2026, 2, 4, 10)
    )
    text = _pdf_text(feedback_slips.info_request_letter(db, clerk, code), tmp_path)
    assert "V/v đề nghị bổ sung thông tin phản ánh, kiến nghị" in text
    assert "V/v trả lời phản ánh, kiến nghị" not in text
    assert "Kính gửi: Lê Thị Mai" in text
    assert "Đề nghị bà cho biết ngày nộp hồ sơ." in text
    with db.read() as session:
        printed = session.scalars(
            select(AuditLog.target).where(AuditLog.action == "print.feedback_info_request")
        ).all()
    assert printed == [code]
