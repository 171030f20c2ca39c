"""A counter's request for more information on a feedback item, and its arrival, on
the server (SQLite and real PostgreSQL): stored once, the clock stopped while
waiting, the answer's deadline counted again from the supply, refused when out
of order, and a conflict once the back office has answered."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from srvkit import PASSWORD, Harness, Station, event
from test_server_feedback import feedback_event

from server.models import Feedback


def _step(received: dict[str, Any], kind: str, **fields: Any) -> dict[str, Any]:
    fid = received["payload"]["feedback_uuid"]
    code = received["payload"]["code"]
    return event(kind, fid, {"feedback_uuid": fid, "code": code, **fields})


def _asked(received: dict[str, Any]) -> dict[str, Any]:
    return _step(
        received,
        "feedback.info_requested",
        request="Đề nghị bổ sung địa chỉ.",
        requested_at="2026-02-16T09:00:00+07:00",
        requested_by="Trần Thị Hoa",
    )


def _supplied(received: dict[str, Any], days: int = 15) -> dict[str, Any]:
    return _step(
        received,
        "feedback.info_supplied",
        supplied_at="2026-03-02T10:00:00+07:00",
        resolve_days=days,
    )


def _row(harness: Harness, code: str) -> Feedback:
    with harness.db.read() as session:
        return session.query(Feedback).filter_by(code=code).one()


def _listed(harness: Harness, station: Station, code: str) -> dict[str, Any]:
    user = harness.officer(station.office_code, "backoffice")
    login = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/login",
        json={"username": user, "password": PASSWORD},
    )
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    listed = httpx.get(f"{harness.base_url}/api/v1/backoffice/feedback", headers=headers)
    [item] = [i for i in listed.json()["feedback"] if i["code"] == code]
    return item


def test_asked_then_supplied_stops_and_recounts_the_clock(
    harness: Harness, station: Station
) -> None:
    received = feedback_event(station, 31)
    code = received["payload"]["code"]
    assert station.push(received)[0]["outcome"] == "applied"
    early = station.push(_supplied(received))[0]
    assert early["outcome"] == "rejected" and "chưa có yêu cầu" in early["message"]
    assert _row(harness, code).info_supplied_at is None

    asked = _asked(received)
    assert station.push(asked)[0]["outcome"] == "applied"
    again = station.push({**asked, "event_uuid": str(uuid.uuid4())})[0]
    assert again["outcome"] == "applied" and "đã có" in again["message"]
    # The server's today is long past 13/3: waiting for the sender, not overdue.
    item = _listed(harness, station, code)
    assert item["waiting_for_sender"] and not item["overdue"]

    assert station.push(_supplied(received, days=10))[0]["outcome"] == "applied"
    row = _row(harness, code)
    assert row.info_supplied_at is not None
    # 10 working days after Monday 2/3 is Monday 16/3; the other deadlines stay.
    assert row.due == {
        "reject_by": "2026-02-24",
        "request_info_by": "2026-02-27",
        "resolve_by": "2026-03-16",
    }
    item = _listed(harness, station, code)
    assert not item["waiting_for_sender"] and item["overdue"]
    # The same supply again (a replay under a new event id) counts nothing again.
    replay = station.push({**_supplied(received, days=30), "event_uuid": str(uuid.uuid4())})[0]
    assert replay["outcome"] == "applied"
    assert _row(harness, code).due["resolve_by"] == "2026-03-16"


def test_after_the_back_office_answered_the_steps_are_a_conflict(
    harness: Harness, station: Station
) -> None:
    received = feedback_event(station, 32)
    code = received["payload"]["code"]
    station.push(received)
    user = harness.officer(station.office_code, "backoffice")
    login = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/login",
        json={"username": user, "password": PASSWORD},
    )
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    answered = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/feedback/{code}/answer",
        json={"answer": "Đã trả lời."},
        headers=headers,
    )
    assert answered.status_code == 200, answered.text
    late = station.push(_asked(received))[0]
    assert late["outcome"] == "conflict" and "đã được trả lời" in late["message"]
    assert _row(harness, code).info_requested_at is None
