"""The feedback register: intake, refusals, the answer, overdue items, the papers."""

from __future__ import annotations

import copy
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.errors import DomainError
from app.feedback import queries, register
from app.office import settings
from app.paper import feedback_slips
from db.models import AuditLog, Feedback, OutboxEvent
from tests.conftest import snapshot

NOW = datetime(2026, 2, 13, 10, 0)

FEEDBACK: dict[str, Any] = {
    "sender": {
        "full_name": "Lê Thị Mai",
        "address": "Xóm 3, xã Tân Lập, Hà Nội",
        "phone": "0987 654 321",
        "email": "mai.le@example.vn",
    },
    "content": "Bộ phận Một cửa yêu cầu nộp bản sao có chứng thực dù thủ tục cho phép bản chụp.",
    "channel": "counter",
    "dossier_code": None,
    "received_at": "2026-02-13T09:00:00+07:00",
}


@pytest.fixture
def data() -> dict[str, Any]:
    return copy.deepcopy(FEEDBACK)


def test_receive_enters_the_register_with_deadlines_event_and_audit(db, clerk, data):
    result = register.receive(db, clerk, data, now=NOW)
    assert result.code == "000.00.24.H47-PA2601-0001"
    assert result.kind == "regulation"
    assert result.due == {
        "reject_by": date(2026, 2, 24),
        "request_info_by": date(2026, 2, 27),
        "resolve_by": date(2026, 3, 13),
    }
    assert f"/phan-anh/{result.code}?k={result.lookup_secret}" in result.status_url
    second = register.receive(db, clerk, data, now=NOW)
    assert second.code.endswith("-0002") and second.register_line == 2
    with db.read() as session:
        events = session.scalars(
            select(OutboxEvent).where(OutboxEvent.type == "feedback.received")
        ).all()
        assert [e.payload["code"] for e in events] == [result.code, second.code]
        assert events[0].payload["sender"]["phone"] == "0987 654 321"
        assert events[0].payload["due"]["resolve_by"] == "2026-03-13"
        assert (
            session.scalar(select(func.count()).where(AuditLog.action == "feedback.receive")) == 2
        )


def test_kind_follows_the_dossier_code(db, clerk, data):
    data["dossier_code"] = "000.00.24.h47-260210-0003"
    own = register.receive(db, clerk, data, now=NOW)
    assert own.kind == "handling"
    data["dossier_code"] = "000.46.24.H44-260210-0003"
    other = register.receive(db, clerk, data, now=NOW)
    assert other.kind == "outside"
    assert set(other.due) == {"reject_by", "forward_by", "resolve_by"}
    assert other.due["forward_by"] == date(2026, 2, 27)
    data["kind"] = "outside"
    data["dossier_code"] = None
    assert register.receive(db, clerk, data, now=NOW).kind == "outside"
    item = queries.get(db, own.code)
    assert item.dossier_code == "000.00.24.H47-260210-0003"


def test_counts_come_from_the_settings(db, clerk, data):
    with db.write() as session:
        settings.put(session, "feedback_resolve_days", "10")
        settings.put(session, "feedback_reject_days", "3")
    due = register.receive(db, clerk, data, now=NOW).due
    assert due["resolve_by"] == date(2026, 3, 6)
    assert due["reject_by"] == date(2026, 2, 25)


@pytest.mark.parametrize(
    ("sender", "missing"),
    [
        ({}, "họ và tên, địa chỉ, số điện thoại"),
        (None, "họ và tên, địa chỉ, số điện thoại"),
        ({"full_name": "Lê Thị Mai", "address": "Xóm 3"}, "số điện thoại"),
        ({"full_name": "  ", "address": "Xóm 3", "phone": "0987654321"}, "họ và tên"),
        ({"full_name": "Lê Thị Mai", "phone": "0987654321", "email": "a@b.vn"}, "địa chỉ"),
    ],
)
def test_anonymous_feedback_is_refused_with_the_reason(db, clerk, data, sender, missing):
    data["sender"] = sender
    before = snapshot(db.path)
    with pytest.raises(DomainError) as caught:
        register.receive(db, clerk, data, now=NOW)
    assert caught.value.code == "anonymous_feedback"
    assert "nặc danh" in caught.value.message_vi
    assert caught.value.message_vi.endswith(f"Còn thiếu: {missing}.")
    assert snapshot(db.path) == before


def test_a_100_kb_text_is_refused_clearly_and_nothing_is_written(db, clerk, data):
    data["content"] = "Phản ánh " * 12_000  # about 100 kB of UTF-8
    assert len(data["content"].encode()) > 100_000
    before = snapshot(db.path)
    with pytest.raises(DomainError) as caught:
        register.receive(db, clerk, data, now=NOW)
    assert caught.value.code == "too_long"
    assert "quá giới hạn 20.000 ký tự" in caught.value.message_vi
    assert snapshot(db.path) == before


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("channel", "fax", "bad_channel"),
        ("content", "   ", "empty_text"),
        ("content", "có ký tự \x00 rỗng", "bad_characters"),
        ("dossier_code", "HS-123", "bad_code"),
        ("kind", "complaint", "bad_kind"),
        ("received_at", "2026-02-14T09:00:00+07:00", "future_received_at"),
    ],
)
def test_bad_fields_are_refused(db, clerk, data, field, value, code):
    data[field] = value
    with pytest.raises(DomainError) as caught:
        register.receive(db, clerk, data, now=NOW)
    assert caught.value.code == code


def test_bad_phone_is_refused(db, clerk, data):
    data["sender"]["phone"] = "gọi tôi"
    with pytest.raises(DomainError, match="Số điện thoại"):
        register.receive(db, clerk, data, now=NOW)


def test_answer_is_recorded_once_with_its_publish_deadline(db, clerk, data):
    code = register.receive(db, clerk, data, now=NOW).code
    answered = register.answer(
        db, clerk, code, "Đã chấn chỉnh.\nCảm ơn bà.", datetime(2026, 2, 26, 9)
    )
    assert answered.publish_by == date(2026, 3, 2)
    with pytest.raises(DomainError) as caught:
        register.answer(db, clerk, code, "Sửa lại", datetime(2026, 2, 26, 10))
    assert caught.value.code == "already_answered"
    item = queries.get(db, code, today=date(2026, 2, 26))
    assert item.answer == "Đã chấn chỉnh.\nCảm ơn bà."
    assert item.answered_by == "Trần Thị Hoa"
    assert (item.next_deadline, item.next_due) == ("publish_by", date(2026, 3, 2))
    with db.read() as session:
        event = session.scalar(select(OutboxEvent).where(OutboxEvent.type == "feedback.answered"))
        assert event.payload["answer"] == "Đã chấn chỉnh.\nCảm ơn bà."
    with pytest.raises(DomainError) as unknown:
        register.answer(db, clerk, "000.00.24.H47-PA2601-0099", "x")
    assert unknown.value.code == "feedback_not_found"


def test_overdue_and_due_soon(db, clerk, data):
    late = register.receive(db, clerk, data, now=NOW).code
    data["received_at"] = "2026-03-02T09:00:00+07:00"
    fresh = register.receive(db, clerk, data, now=datetime(2026, 3, 2, 9, 30)).code
    today = date(2026, 3, 16)  # the first is due 13/03, the second 20/03
    assert [i.code for i in queries.list_feedback(db, overdue=True, today=today)] == [late]
    counts = queries.counts(db, today=today)
    assert (counts.open, counts.overdue, counts.due_soon) == (2, 1, 0)
    assert queries.counts(db, today=date(2026, 3, 19)).due_soon == 1
    register.answer(db, clerk, late, "Đã trả lời.", datetime(2026, 3, 16, 9))
    assert queries.list_feedback(db, overdue=True, today=today) == []
    # Answered but never published: late again once the publishing deadline passes.
    assert [i.code for i in queries.list_feedback(db, overdue=True, today=date(2026, 3, 19))] == [
        late
    ]
    assert {i.code for i in queries.list_feedback(db)} == {late, fresh}


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_acknowledgement_has_code_deadlines_and_a_qr_zbar_reads(db, clerk, data, tmp_path):
    data["content"] = "Nội dung có <b>thẻ HTML</b> & ký hiệu"
    result = register.receive(db, clerk, data, now=NOW)
    pdf = feedback_slips.acknowledgement(db, clerk, result.code, now=NOW)
    text = _pdf_text(pdf, tmp_path)
    assert result.code in text
    assert "PHIẾU TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ" in text
    assert "Hạn xử lý, trả lời: 13/03/2026" in text
    assert "<b>thẻ HTML</b> & ký hiệu" in text
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg not installed")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "paper.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True)
    assert out.stdout.split() == [result.status_url]
    with db.read() as session:
        printed = session.scalars(
            select(AuditLog.target).where(AuditLog.action == "print.feedback_ack")
        ).all()
    assert printed == [result.code]


def test_answer_letter_prints_only_once_answered(db, clerk, data, tmp_path):
    code = register.receive(db, clerk, data, now=NOW).code
    with pytest.raises(DomainError) as caught:
        feedback_slips.answer_letter(db, clerk, code)
    assert caught.value.code == "not_answered"
    register.answer(
        db, clerk, code, "Bộ phận đã chấn chỉnh việc yêu cầu bản sao.", datetime(2026, 2, 26, 9)
    )
    text = _pdf_text(feedback_slips.answer_letter(db, clerk, code), tmp_path)
    assert "V/v trả lời phản ánh, kiến nghị" in text
    assert "Kính gửi: Lê Thị Mai" in text
    assert "Bộ phận đã chấn chỉnh việc yêu cầu bản sao." in text


def test_feedback_rows_only_change_through_the_register(db):
    with db.read() as session:
        assert session.scalar(select(func.count(Feedback.id))) == 0


def test_feedback_on_time_share_in_the_indicators(db, clerk, data):
    from app.reports import indicators, period

    march = period.Period(date(2026, 3, 1), date(2026, 3, 31))
    after = datetime(2026, 4, 10, 9)
    empty = indicators.compute(db, march, now=after)
    assert empty.shares["feedback_on_time_share"] is None
    assert "feedback_on_time_share" in empty.unavailable
    # Received 13/02, due 13/03: answered on 12/03 (on time) and on 16/03 (late).
    on_time = register.receive(db, clerk, data, now=NOW).code
    late = register.receive(db, clerk, data, now=NOW).code
    register.answer(db, clerk, on_time, "Đã trả lời.", datetime(2026, 3, 12, 15))
    register.answer(db, clerk, late, "Đã trả lời muộn.", datetime(2026, 3, 16, 9))
    # Due in March and never answered: late. Due in April: not counted yet.
    register.receive(db, clerk, data, now=NOW)
    data["received_at"] = "2026-03-25T09:00:00+07:00"
    register.receive(db, clerk, data, now=datetime(2026, 3, 25, 10))
    report = indicators.compute(db, march, now=after)
    assert report.shares["feedback_on_time_share"] == round(1 / 3, 4)
    assert "feedback_on_time_share" not in report.unavailable
    # Decision 766, satisfaction: 6 points at 100 % of feedback handled on time.
    group = {g["group"]: g for g in report.scores}["satisfaction"]
    [item] = group["indicators"]
    assert item["code"] == "PETITION_PROCESSING_ON_TIME" and item["ratio"] == 0.3333
    assert group["points"] == round(6 * 0.3333, 2) == 2.0 and group["max"] == 6
    assert group["partial"] and group["verified"] is False


def test_refusal_and_forwarding_are_judged_by_their_own_deadlines(db, clerk, data, tmp_path):
    from app.reports import indicators, period

    # Both received Friday 13/02/2026: refuse by 24/02, forward by 27/02.
    refused = register.receive(db, clerk, data, now=NOW).code
    data["dossier_code"] = "000.46.24.H44-260210-0003"
    forwarded = register.receive(db, clerk, data, now=NOW).code
    with pytest.raises(DomainError) as bad:
        register.answer(db, clerk, refused, "x", outcome="closed")
    assert bad.value.code == "bad_outcome"
    # Refused on 25/02: one day late although well within the 15-day answer.
    result = register.answer(
        db,
        clerk,
        refused,
        "Nội dung là khiếu nại, không phải phản ánh.",
        datetime(2026, 2, 25, 9),
        outcome="rejected",
    )
    assert result.outcome == "rejected"
    register.answer(
        db,
        clerk,
        forwarded,
        "Đã chuyển UBND huyện Đan Phượng.",
        datetime(2026, 2, 26, 9),
        outcome="forwarded",
    )
    item = queries.get(db, refused)
    assert item.outcome == "rejected" and item.state_label.startswith("Đã từ chối tiếp nhận")
    february = period.Period(date(2026, 2, 1), date(2026, 2, 28))
    report = indicators.compute(db, february, now=datetime(2026, 3, 2, 9))
    assert report.shares["feedback_on_time_share"] == 0.5
    letter = _pdf_text(feedback_slips.answer_letter(db, clerk, forwarded), tmp_path)
    assert "không thuộc thẩm quyền giải quyết" in letter
    assert "Đã chuyển UBND huyện Đan Phượng." in letter
    letter = _pdf_text(feedback_slips.answer_letter(db, clerk, refused), tmp_path)
    assert "không tiếp nhận xử lý phản ánh, kiến nghị này" in letter
