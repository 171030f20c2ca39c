"""Feedback from the counter to the real server and back with its answer, exactly once;
the public page shows it, escaped, and takes feedback about a dossier itself."""

from __future__ import annotations

import copy
import re
import uuid
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import httpx
from sqlalchemy import func, select

from app.dossiers import intake as intake_uc
from app.feedback import queries, register
from app.sync.round import run_round
from db.models import OutboxEvent
from server import admin
from server.models import Feedback as ServerFeedback
from tests.conftest import OFFICE_CODE
from tests.server.srvkit import PASSWORD

NOW = datetime(2026, 2, 13, 9, 30)
SENDER = {
    "full_name": "Lê Thị Mai",
    "address": "Xóm 3, xã Tân Lập, Hà Nội",
    "phone": "0987 654 321",
    "email": "mai.le@example.vn",
}
HOSTILE = "<script>alert('pa')</script><b>đậm</b>"


def _server_rows(sdb, code: str) -> list[ServerFeedback]:
    with sdb.read() as session:
        return list(session.scalars(select(ServerFeedback).where(ServerFeedback.code == code)))


def _backoffice(proc) -> dict[str, str]:
    username = f"bo{uuid.uuid4().hex[:8]}"
    admin.create_officer(
        proc_sdb[0], OFFICE_CODE, username, "Phạm Văn Trả Lời", "backoffice", PASSWORD, None
    )
    login = httpx.post(
        f"{proc.base_url}/api/v1/backoffice/login",
        json={"username": username, "password": PASSWORD},
    )
    assert login.status_code == 200, login.text
    return {"Authorization": f"Bearer {login.json()['token']}"}


proc_sdb: list = []


def test_counter_feedback_goes_to_the_server_and_its_answer_comes_back_once(
    server, db, data_dir, clerk, intake, enrolled
):
    proc, sdb, _ = server
    proc_sdb[:] = [sdb]
    dossier = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW)
    fb = register.receive(
        db,
        clerk,
        {
            "sender": SENDER,
            "content": f"Chờ lâu ở quầy. {HOSTILE}",
            "channel": "counter",
            "dossier_code": dossier.code,
            "received_at": "2026-02-13T09:00:00+07:00",
        },
        now=NOW,
    )
    assert fb.kind == "handling"

    first = run_round(db, data_dir)
    assert first.ok, first.errors
    assert first.pushed == 2 and first.pending == 0
    [row] = _server_rows(sdb, fb.code)
    assert row.sender_phone == "0987 654 321" and row.due["resolve_by"] == "2026-03-13"
    # The station lost its note of the push: the replay changes nothing on the server.
    with db.write() as session:
        for event in session.scalars(select(OutboxEvent)):
            event.sent_at = None
    replay = run_round(db, data_dir)
    assert replay.ok and replay.duplicates == 2 and replay.pushed == 0
    assert len(_server_rows(sdb, fb.code)) == 1

    headers = _backoffice(proc)
    listed = httpx.get(f"{proc.base_url}/api/v1/backoffice/feedback", headers=headers)
    assert listed.status_code == 200
    mine = [i for i in listed.json()["feedback"] if i["code"] == fb.code]
    assert mine and mine[0]["content"].endswith(HOSTILE) and mine[0]["answer"] is None
    answer = "Bộ phận đã bố trí thêm một quầy.\nCảm ơn bà đã phản ánh."
    answered = httpx.post(
        f"{proc.base_url}/api/v1/backoffice/feedback/{fb.code}/answer",
        json={"answer": answer},
        headers=headers,
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["answered_by"] == "Phạm Văn Trả Lời"
    again = httpx.post(
        f"{proc.base_url}/api/v1/backoffice/feedback/{fb.code}/answer",
        json={"answer": "Lần hai"},
        headers=headers,
    )
    assert again.status_code == 409 and "đã được trả lời" in again.json()["error"]["message"]

    pulled = run_round(db, data_dir)
    assert pulled.ok and pulled.pulled >= 1
    item = queries.get(db, fb.code)
    assert (item.answer, item.answer_source, item.answered_by) == (
        answer,
        "backoffice",
        "Phạm Văn Trả Lời",
    )
    assert item.published_at is not None and "publish_by" in item.due
    assert item.standing == "done"
    # Pulling again (or the page of changes again) does not answer twice.
    with db.write() as session:
        from app.sync import cursors

        cursors.put(session, "changes", "0", NOW)
    assert run_round(db, data_dir).ok
    with db.read() as session:
        from db.models import AuditLog

        assert (
            session.scalar(
                select(func.count(AuditLog.id)).where(
                    AuditLog.action == "feedback.answer_pulled", AuditLog.target == fb.code
                )
            )
            == 1
        )

    # The citizen's pages: the dossier's (with the receipt's secret) and the item's own.
    page = httpx.get(f"{proc.base_url}/tra-cuu/{dossier.code}", params={"k": dossier.lookup_secret})
    assert page.status_code == 200
    assert fb.code in page.text and "Bộ phận đã bố trí thêm một quầy.<br>" in page.text
    assert "Lê T. M" in page.text and "0987 654 321" not in page.text
    own = httpx.get(f"{proc.base_url}/phan-anh/{fb.code}", params={"k": fb.lookup_secret})
    assert own.status_code == 200
    assert "&lt;script&gt;alert(&#x27;pa&#x27;)&lt;/script&gt;" in own.text
    assert "<script>alert" not in own.text and "<b>đậm</b>" not in own.text
    assert "Cảm ơn bà đã phản ánh." in own.text
    wrong = httpx.get(f"{proc.base_url}/phan-anh/{fb.code}", params={"k": "SAIMATRACUU"})
    assert wrong.status_code == 404 and "Cảm ơn" not in wrong.text


def test_station_answer_is_published_and_a_conflicting_one_is_not_applied(
    server, db, data_dir, clerk, enrolled
):
    proc, sdb, _ = server
    data = {"sender": SENDER, "content": "Về lệ phí trích lục.", "received_at": "2026-02-13T09:00"}
    code = register.receive(db, clerk, data, now=NOW).code
    register.answer(db, clerk, code, "Lệ phí theo Nghị quyết của tỉnh.", NOW)
    report = run_round(db, data_dir)
    assert report.ok and report.pushed == 2
    [row] = _server_rows(sdb, code)
    assert row.answer == "Lệ phí theo Nghị quyết của tỉnh." and row.answer_source == "counter"
    # The server's change tells the station when the answer went public.
    assert run_round(db, data_dir).ok
    assert queries.get(db, code).published_at is not None


def test_public_page_feedback_form(server, db, data_dir, clerk, intake, enrolled):
    proc, sdb, _ = server
    dossier = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW)
    assert run_round(db, data_dir).ok
    url = f"{proc.base_url}/tra-cuu/{dossier.code}/phan-anh"
    form = {
        "k": dossier.lookup_secret,
        "ho_ten": "Trần Văn <i>Nam</i>",
        "dia_chi": "Thôn Bắc",
        "dien_thoai": "",
        "noi_dung": "Cán bộ hẹn lại nhiều lần.",
    }
    anonymous = httpx.post(url, data=form)
    assert anonymous.status_code == 400
    assert "Không tiếp nhận phản ánh, kiến nghị nặc danh" in anonymous.text
    assert "Còn thiếu: số điện thoại." in anonymous.text
    assert "Trần Văn &lt;i&gt;Nam&lt;/i&gt;" in anonymous.text  # kept in the form, escaped
    huge = httpx.post(url, data={**form, "dien_thoai": "0912345678", "noi_dung": "x" * 100_000})
    assert huge.status_code == 400 and "quá giới hạn 20.000 ký tự" in huge.text
    wrong = httpx.post(url, data={**form, "k": "SAIMATRACUU", "dien_thoai": "0912345678"})
    assert wrong.status_code == 404
    with sdb.read() as session:
        before = session.scalar(select(func.count(ServerFeedback.id)))
    assert before is not None

    sent = httpx.post(url, data={**form, "dien_thoai": "0912345678"}, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    target = urlsplit(sent.headers["location"])
    web_code = target.path.rsplit("/", 1)[-1]
    assert re.fullmatch(re.escape(OFFICE_CODE) + r"-PA\d{2}00-\d{4}", web_code)
    status = httpx.get(f"{proc.base_url}{sent.headers['location']}")
    assert status.status_code == 200 and "Đã tiếp nhận phản ánh của bạn" in status.text
    assert "Trần V. &lt;" in status.text
    [row] = _server_rows(sdb, web_code)
    assert (row.channel, row.kind, row.dossier_code) == ("web", "handling", dossier.code)
    assert parse_qs(target.query)["k"][0]

    # The station's next pull enters it in the register with the office's deadlines.
    assert run_round(db, data_dir).ok
    item = queries.get(db, web_code)
    assert (item.channel, item.sender_phone, item.dossier_code) == (
        "web",
        "0912345678",
        dossier.code,
    )
    assert "resolve_by" in item.due
    # The station never had the item's secret: its acknowledgement says where to follow it.
    from app.paper import feedback_slips

    ack = feedback_slips.acknowledgement(db, clerk, web_code)
    assert queries.public_link(db, web_code) is None
    path = data_dir / "web-ack.pdf"
    path.write_bytes(ack)
    import subprocess

    shown = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert web_code in " ".join(shown.split())
    assert "bằng đường dẫn đã nhận khi gửi" in " ".join(shown.split())

    # Three sends per dossier in the window, then the page refuses.
    for _ in range(2):
        assert httpx.post(url, data={**form, "dien_thoai": "0912345678"}).status_code in (200, 303)
    refused = httpx.post(url, data={**form, "dien_thoai": "0912345678"})
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    with sdb.read() as session:
        assert session.scalar(select(func.count(ServerFeedback.id))) == before + 3


def test_answers_given_at_both_ends_keep_the_published_one(server, db, data_dir, clerk, enrolled):
    proc, sdb, _ = server
    proc_sdb[:] = [sdb]
    data = {"sender": SENDER, "content": "Về giờ làm việc.", "received_at": "2026-02-13T09:00"}
    code = register.receive(db, clerk, data, now=NOW).code
    assert run_round(db, data_dir).ok
    headers = _backoffice(proc)
    published = httpx.post(
        f"{proc.base_url}/api/v1/backoffice/feedback/{code}/answer",
        json={"answer": "Trả lời của cơ quan giải quyết."},
        headers=headers,
    )
    assert published.status_code == 200
    # Meanwhile, offline, the counter answered too.
    register.answer(db, clerk, code, "Trả lời tại quầy.", NOW)
    report = run_round(db, data_dir)
    assert report.ok and report.conflicts == 1
    item = queries.get(db, code)
    assert item.answer == "Trả lời của cơ quan giải quyết." and item.answer_source == "backoffice"
    assert item.published_at is not None
    [row] = _server_rows(sdb, code)
    assert row.answer == "Trả lời của cơ quan giải quyết."
    with db.read() as session:
        from db.models import AuditLog

        entry = session.scalar(
            select(AuditLog).where(
                AuditLog.action == "feedback.answer_pulled", AuditLog.target == code
            )
        )
    assert entry.detail == {"replaced_counter_answer": "Trả lời tại quầy."}


def test_asking_the_sender_stops_the_servers_clock_and_supply_recounts_it(
    server, db, data_dir, clerk, enrolled
):
    """receive → ask → sync: waiting on the server too; supplied → sync: the server's
    answer deadline is the station's, counted with the office's own term."""
    proc, sdb, _ = server
    proc_sdb[:] = [sdb]
    data = {"sender": SENDER, "content": "Hỏi về giấy tờ.", "received_at": "2026-02-13T09:00"}
    receipt = register.receive(db, clerk, data, now=NOW)
    code, secret = receipt.code, receipt.lookup_secret
    with db.write() as session:
        from app.office import settings

        # The office's own count for the answer: the server must count with it too.
        settings.put(session, "feedback_resolve_days", "10")
    asked = register.ask_info(db, clerk, code, "Đề nghị bổ sung địa chỉ cụ thể.", NOW)
    assert asked.on_time
    report = run_round(db, data_dir)
    assert report.ok and report.pushed == 2, report.errors
    [row] = _server_rows(sdb, code)
    assert row.info_requested_at == NOW and row.info_supplied_at is None
    # The server's today is long after the 15-day deadline: waiting, not overdue.
    headers = _backoffice(proc)
    listed = httpx.get(f"{proc.base_url}/api/v1/backoffice/feedback", headers=headers).json()
    [mine] = [i for i in listed["feedback"] if i["code"] == code]
    assert mine["waiting_for_sender"] and not mine["overdue"]
    late = httpx.get(
        f"{proc.base_url}/api/v1/backoffice/feedback", params={"overdue": 1}, headers=headers
    ).json()
    assert code not in {i["code"] for i in late["feedback"]}
    page = httpx.get(f"{proc.base_url}/phan-anh/{code}", params={"k": secret})
    assert page.status_code == 200 and "Đang chờ người gửi bổ sung thông tin" in page.text

    supplied = register.info_supplied(db, clerk, code, datetime(2026, 2, 24, 14, 0))
    assert run_round(db, data_dir).ok
    [row] = _server_rows(sdb, code)
    station_due = queries.get(db, code).due
    assert supplied.resolve_by == station_due["resolve_by"] == datetime(2026, 3, 10).date()
    assert row.due["resolve_by"] == station_due["resolve_by"].isoformat()
    assert row.due["reject_by"] == station_due["reject_by"].isoformat()
    listed = httpx.get(f"{proc.base_url}/api/v1/backoffice/feedback", headers=headers).json()
    [mine] = [i for i in listed["feedback"] if i["code"] == code]
    assert not mine["waiting_for_sender"] and mine["overdue"]  # running again, and late now
    assert mine["due"]["resolve_by"] == "2026-03-10"
    page = httpx.get(f"{proc.base_url}/phan-anh/{code}", params={"k": secret})
    assert "Đang chờ người gửi" not in page.text and "10/03/2026" in page.text


def test_the_servers_on_time_indicator_agrees_with_the_station_for_asked_items(
    server, db, data_dir, clerk, enrolled
):
    """June: one item supplied and answered after its first deadline but within the
    recount (on time), one still waiting for its sender (not handled yet)."""
    from app.reports import period

    proc, sdb, _ = server
    proc_sdb[:] = [sdb]
    june = period.month(2026, 6)
    at = datetime(2026, 6, 1, 9, 0)
    data = {"sender": SENDER, "content": "Hỏi về lệ phí.", "received_at": "2026-06-01T09:00"}
    answered = register.receive(db, clerk, data, now=at).code
    waiting = register.receive(db, clerk, data, now=at).code
    for code in (answered, waiting):
        register.ask_info(db, clerk, code, "Đề nghị bổ sung số hồ sơ.", datetime(2026, 6, 2, 9))
    # 15 working days from 15/6 end on 6/7, past the first count (22/6).
    assert register.info_supplied(db, clerk, answered, datetime(2026, 6, 15, 9)).resolve_by == (
        datetime(2026, 7, 6).date()
    )
    register.answer(db, clerk, answered, "Lệ phí 10.000 đồng.", datetime(2026, 6, 29, 10))
    assert run_round(db, data_dir).ok
    station = queries.on_time(db, june.begins, june.ends, june.ends)
    assert station == (1, 1)

    report = httpx.get(
        f"{proc.base_url}/api/v1/backoffice/reports/indicators",
        params={"from": "2026-06-01", "to": "2026-06-30"},
        headers=_backoffice(proc),
    )
    assert report.status_code == 200, report.text
    [mine] = [o for o in report.json()["offices"] if o["office_code"] == OFFICE_CODE]
    assert (mine["feedback_on_time"], mine["feedback_handled"]) == station
