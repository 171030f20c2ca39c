"""``feedback receive|list|answer|print`` as office IT staff run them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.clikit import init_station, ok_json, run

SENDER = {
    "full_name": "Lê Thị Mai",
    "address": "Xóm 3, xã Tân Lập, Hà Nội",
    "phone": "0987 654 321",
    "email": "mai.le@example.vn",
}


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> Path:
    return init_station(tmp_path_factory.mktemp("fb") / "data", "--place", "Hà Nội", station=2)


def _file(tmp_path: Path, data: dict) -> str:
    path = tmp_path / "feedback.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_receive_prints_code_kind_and_due_dates(station, tmp_path):
    data = {
        "sender": SENDER,
        "content": "Cán bộ yêu cầu giấy tờ không có trong thủ tục.",
        "channel": "letter",
        "dossier_code": "000.00.24.H47-260210-0003",
        "received_at": "2026-02-13T09:00:00+07:00",
    }
    out = ok_json(
        station,
        "feedback",
        "receive",
        "--file",
        _file(tmp_path, data),
        "--out",
        str(tmp_path / "ack.pdf"),
    )
    assert out["code"] == "000.00.24.H47-PA2602-0001"
    assert out["kind"] == "handling"
    assert out["due"] == {
        "reject_by": "2026-02-24",
        "request_info_by": "2026-02-27",
        "resolve_by": "2026-03-13",
    }
    assert (tmp_path / "ack.pdf").read_bytes().startswith(b"%PDF")
    listed = ok_json(station, "feedback", "list", "--overdue")
    assert out["code"] in [i["code"] for i in listed]  # 13/03/2026 is long past
    answered = ok_json(
        station,
        "feedback",
        "answer",
        out["code"],
        "--text",
        "Đã chấn chỉnh.",
        "--out",
        str(tmp_path / "answer.pdf"),
    )
    assert answered["code"] == out["code"] and answered["publish_by"]
    assert (tmp_path / "answer.pdf").read_bytes().startswith(b"%PDF")
    again = run(station, "feedback", "answer", out["code"], "--text", "Lần hai")
    assert again.returncode == 1
    assert "đã được trả lời" in again.stderr
    shown = ok_json(station, "feedback", "show", out["code"])
    assert shown["answer"] == "Đã chấn chỉnh." and shown["channel"] == "letter"


def test_anonymous_and_oversized_feedback_are_refused_in_vietnamese(station, tmp_path):
    anonymous = {"sender": {"full_name": "Một người dân"}, "content": "Phản ánh"}
    proc = run(station, "feedback", "receive", "--file", _file(tmp_path, anonymous))
    assert proc.returncode == 1
    assert "Không tiếp nhận phản ánh, kiến nghị nặc danh" in proc.stderr
    assert "Còn thiếu: địa chỉ, số điện thoại." in proc.stderr
    big = {"sender": SENDER, "content": "x" * 100_000, "channel": "web"}
    proc = run(station, "feedback", "receive", "--file", _file(tmp_path, big))
    assert proc.returncode == 1
    assert "quá giới hạn 20.000 ký tự" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run(
        station,
        "feedback",
        "receive",
        "--file",
        _file(tmp_path, {**big, "content": "a", "channel": "fax"}),
    )
    assert proc.returncode == 1 and "Kênh tiếp nhận “fax” không hợp lệ" in proc.stderr


def test_list_in_plain_text_marks_what_is_late(station, tmp_path):
    data = {"sender": SENDER, "content": "Về quy định lệ phí.", "received_at": "2026-01-05T09:00"}
    code = ok_json(station, "feedback", "receive", "--file", _file(tmp_path, data))["code"]
    proc = run(station, "feedback", "list", "--overdue")
    assert proc.returncode == 0 and code in proc.stdout
    closed = ok_json(
        station,
        "feedback",
        "answer",
        code,
        "--text",
        "Không thuộc thẩm quyền; đã chuyển Sở Tài chính.",
        "--outcome",
        "forwarded",
    )
    assert closed["outcome"] == "forwarded"
    assert ok_json(station, "feedback", "show", code)["outcome"] == "forwarded"
    proc = run(station, "feedback", "list")
    assert proc.returncode == 0
    line = next(line for line in proc.stdout.splitlines() if line.startswith(code))
    assert "Đã chuyển cơ quan có thẩm quyền" in line


def test_ask_then_supplied_recounts_the_answer_from_that_day(station, tmp_path):
    # Received three weeks ago: the 5-day request is late today, and the answer is
    # counted again from today once the sender supplies what was asked.
    received = date.today() - timedelta(days=21)
    data = {
        "sender": SENDER,
        "content": "Về thời hạn trả kết quả.",
        "received_at": f"{received.isoformat()}T09:00:00+07:00",
    }
    code = ok_json(station, "feedback", "receive", "--file", _file(tmp_path, data))["code"]
    first_due = date.fromisoformat(ok_json(station, "feedback", "show", code)["due"]["resolve_by"])
    proc = run(station, "feedback", "supplied", code)
    assert proc.returncode == 1 and "chưa có yêu cầu bổ sung thông tin" in proc.stderr
    asked = ok_json(
        station,
        "feedback",
        "ask",
        code,
        "--text",
        "Đề nghị bà cho biết mã hồ sơ đã nộp.",
        "--out",
        str(tmp_path / "ask.pdf"),
    )
    assert asked["code"] == code and asked["on_time"] is False
    assert asked["requested_at"].startswith(date.today().isoformat())
    assert (tmp_path / "ask.pdf").read_bytes().startswith(b"%PDF")
    shown = ok_json(station, "feedback", "show", code)
    assert shown["standing"] == "waiting" and shown["next_deadline"] is None
    assert shown["info_request"]["text"] == "Đề nghị bà cho biết mã hồ sơ đã nộp."
    assert code not in [i["code"] for i in ok_json(station, "feedback", "list", "--overdue")]
    proc = run(station, "feedback", "list")
    line = next(line for line in proc.stdout.splitlines() if line.startswith(code))
    assert "Chờ người phản ánh bổ sung thông tin" in line
    again = run(station, "feedback", "ask", code, "--text", "Lần hai")
    assert again.returncode == 1 and "đã được yêu cầu bổ sung thông tin" in again.stderr
    supplied = ok_json(station, "feedback", "supplied", code)
    resolve_by = date.fromisoformat(supplied["resolve_by"])
    # 15 working days from today: at least three calendar weeks, later than first counted.
    assert resolve_by >= date.today() + timedelta(days=21) and resolve_by > first_due
    assert resolve_by.weekday() < 5
    shown = ok_json(station, "feedback", "show", code)
    assert shown["due"]["resolve_by"] == supplied["resolve_by"]
    assert shown["next_deadline"] == "resolve_by" and shown["standing"] != "waiting"
    printed = run(
        station, "feedback", "print", code, "--info-request", "--out", str(tmp_path / "again.pdf")
    )
    assert printed.returncode == 0, printed.stderr
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
