"""Feedback on the server, on SQLite and real PostgreSQL: pushed once, refused when bad,
listed and answered in the back office (JSON and page), escaped, kept to its office."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
from sqlalchemy import func, select
from srvkit import PASSWORD, Harness, Station, event

from server.models import Feedback

SENDER = {"full_name": "Lê Thị Mai", "address": "Xóm 3", "phone": "0987654321", "email": None}


def feedback_event(station: Station, line: int, **changes: Any) -> dict[str, Any]:
    fid = str(uuid.uuid4())
    payload = {
        "feedback_uuid": fid,
        "code": f"{station.office_code}-PA26{station.number:02d}-{line:04d}",
        "office_code": station.office_code,
        "station": station.number,
        "register_year": 2026,
        "register_line": line,
        "sender": SENDER,
        "content": "Chờ lâu <script>alert(1)</script>",
        "channel": "counter",
        "dossier_code": None,
        "kind": "regulation",
        "received_at": "2026-02-13T09:00:00+07:00",
        "due": {
            "reject_by": "2026-02-24",
            "request_info_by": "2026-02-27",
            "resolve_by": "2026-03-13",
        },
        "lookup_secret": "FBSECRET23",
        "officer": "canbo1",
    }
    payload.update(changes)
    return event("feedback.received", payload["feedback_uuid"], payload)


def _count(harness: Harness, code: str) -> int:
    with harness.db.read() as session:
        return session.scalar(select(func.count(Feedback.id)).where(Feedback.code == code))


def test_push_once_and_refusals(harness: Harness, station: Station) -> None:
    ev = feedback_event(station, 1)
    code = ev["payload"]["code"]
    assert station.push(ev)[0]["outcome"] == "applied"
    assert station.push(ev)[0]["outcome"] == "duplicate"
    # The same item in a new event (a station restored from a backup): still one row.
    again = {**ev, "event_uuid": str(uuid.uuid4())}
    assert station.push(again)[0]["outcome"] == "applied"
    assert _count(harness, code) == 1

    nul = feedback_event(station, 2, content="có ký tự \x00 rỗng")
    anonymous = feedback_event(station, 3, sender={**SENDER, "phone": ""})
    other = feedback_event(station, 4, office_code="000.99.99.H99")
    huge = feedback_event(station, 5, content="x" * 20_001)
    results = station.push(nul, anonymous, other, huge)
    assert [r["outcome"] for r in results] == ["rejected"] * 4
    assert "phone" in results[1]["message"]
    for bad in (nul, anonymous, other, huge):
        assert _count(harness, bad["payload"]["code"]) == 0


def test_backoffice_lists_answers_once_and_the_station_hears(
    harness: Harness, station: Station
) -> None:
    ev = feedback_event(station, 11)
    code = ev["payload"]["code"]
    station.push(ev)
    stranger = harness.officer(harness.new_office(), "backoffice")
    username = harness.officer(station.office_code, "backoffice")

    def token(user: str) -> dict[str, str]:
        login = httpx.post(
            f"{harness.base_url}/api/v1/backoffice/login",
            json={"username": user, "password": PASSWORD},
        )
        return {"Authorization": f"Bearer {login.json()['token']}"}

    other = token(stranger)
    listed = httpx.get(f"{harness.base_url}/api/v1/backoffice/feedback", headers=other)
    assert code not in listed.text
    denied = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/feedback/{code}/answer",
        json={"answer": "x"},
        headers=other,
    )
    assert denied.status_code == 404

    browser = httpx.Client(base_url=harness.base_url, follow_redirects=True)
    login_page = browser.get("/back-office")
    csrf = re.search(r'name="csrf" value="([^"]+)"', login_page.text).group(1)
    browser.post(
        "/back-office/dang-nhap", data={"username": username, "password": PASSWORD, "csrf": csrf}
    )
    home = browser.get("/back-office")
    assert 'href="/back-office/phan-anh"' in home.text
    page = browser.get("/back-office/phan-anh")
    assert page.status_code == 200 and code in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>" not in page.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    forged = browser.post(
        f"/back-office/phan-anh/{code}/tra-loi", data={"answer": "x", "csrf": "forged"}
    )
    assert forged.status_code == 403
    cursor = station.changes()[-1]["seq"] if station.changes() else 0
    answered = browser.post(
        f"/back-office/phan-anh/{code}/tra-loi",
        data={"answer": "Đã chấn chỉnh <i>ngay</i>.", "csrf": csrf, "outcome": "answered"},
    )
    assert answered.status_code == 200 and "Đã ghi câu trả lời." in answered.text
    assert "Đã chấn chỉnh &lt;i&gt;ngay&lt;/i&gt;." in answered.text
    twice = browser.post(
        f"/back-office/phan-anh/{code}/tra-loi", data={"answer": "Lần hai", "csrf": csrf}
    )
    assert "đã được trả lời" in twice.text
    [change] = [c for c in station.changes(cursor) if c["kind"] == "feedback"]
    assert change["payload"]["code"] == code
    assert change["payload"]["answer"] == "Đã chấn chỉnh <i>ngay</i>."
    assert change["payload"]["published_at"]
    late = httpx.get(
        f"{harness.base_url}/api/v1/backoffice/feedback",
        params={"overdue": "true"},
        headers=token(username),
    )
    assert code not in late.text  # answered and published: nothing is running late


def test_backoffice_forwards_and_the_outcome_travels(harness: Harness, station: Station) -> None:
    ev = feedback_event(station, 21, kind="outside")
    code = ev["payload"]["code"]
    station.push(ev)
    username = harness.officer(station.office_code, "backoffice")
    login = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/login",
        json={"username": username, "password": PASSWORD},
    )
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    bad = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/feedback/{code}/answer",
        json={"answer": "x", "outcome": "closed"},
        headers=headers,
    )
    assert bad.status_code == 422
    done = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/feedback/{code}/answer",
        json={"answer": "Đã chuyển Sở Xây dựng.", "outcome": "forwarded"},
        headers=headers,
    )
    assert done.status_code == 200 and done.json()["outcome"] == "forwarded"
    [change] = [
        c for c in station.changes() if c["kind"] == "feedback" and c["payload"]["code"] == code
    ]
    assert change["payload"]["outcome"] == "forwarded"


def test_public_form_wants_a_phone_number_to_call_back(harness: Harness, station: Station) -> None:
    from srvkit import code_of, received

    ev = received(station, secret="QR5FBPHONE")
    station.push(ev)
    form = {
        "k": "QR5FBPHONE",
        "ho_ten": "Ngô Văn Tư",
        "dia_chi": "Thôn Nam",
        "dien_thoai": "gọi tôi",
        "noi_dung": "Hỏi về lệ phí.",
    }
    url = f"{harness.base_url}/tra-cuu/{code_of(ev)}/phan-anh"
    refused = httpx.post(url, data=form)
    assert refused.status_code == 400
    assert "Số điện thoại “gọi tôi” không hợp lệ" in refused.text
    with harness.db.read() as session:
        assert (
            session.scalar(
                select(func.count(Feedback.id)).where(Feedback.dossier_code == code_of(ev))
            )
            == 0
        )
    sent = httpx.post(url, data={**form, "dien_thoai": "+84 912 345 678"}, follow_redirects=False)
    assert sent.status_code == 303
