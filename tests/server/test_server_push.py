"""Push: ordered, exactly-once application with a final answer per event."""

from __future__ import annotations

import copy
import uuid
from datetime import datetime

from sqlalchemy import func, select
from srvkit import Harness, Station, code_of, event, received, status_changed

from app.sync import protocol as p
from server.models import ChangeRecord, Dossier, DossierHistory, EventRecord


def _counts(harness: Harness) -> tuple[int, int, int, int]:
    with harness.db.read() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model))
            for model in (Dossier, DossierHistory, ChangeRecord, EventRecord)
        )


def _dossier(harness: Harness, code: str) -> Dossier:
    with harness.db.read() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        return dossier


def test_received_dossier_is_applied_and_fed_to_the_office(station: Station) -> None:
    ev = received(station)
    [result] = station.push(ev)
    assert result == {"event_uuid": ev["event_uuid"], "outcome": "applied", "message": None}
    [change] = station.changes()
    assert change["kind"] == "status"
    assert change["code"] == code_of(ev)
    assert change["payload"]["to_status"] == 2
    assert change["payload"]["applicant_name"] == "Nguyễn Văn An"


def test_same_batch_three_times_changes_nothing_after_the_first(
    harness: Harness, station: Station
) -> None:
    first = received(station)
    batch = [first, status_changed(first, 2, 4), received(station), received(station)]
    results = station.push(*batch)
    assert [r["outcome"] for r in results] == ["applied"] * 4
    after_first = _counts(harness)
    feed = station.changes()
    for _ in range(2):
        again = station.push(*batch)
        assert [r["outcome"] for r in again] == ["duplicate"] * 4
        assert [r["event_uuid"] for r in again] == [e["event_uuid"] for e in batch]
    assert _counts(harness) == after_first
    assert station.changes() == feed
    assert _dossier(harness, code_of(first)).status == 4


def test_same_uuid_with_different_payload_is_a_conflict(harness: Harness, station: Station) -> None:
    ev = received(station)
    station.push(ev)
    altered = copy.deepcopy(ev)
    altered["payload"]["summary"] = "Nội dung khác"
    [result] = station.push(altered)
    assert result["outcome"] == "conflict"
    assert result["message"]
    assert _dossier(harness, code_of(ev)).intake["summary"] == "Đăng ký khai sinh cho con"


def test_a_bad_event_is_rejected_and_does_not_block_the_queue(station: Station) -> None:
    bad = received(station)
    bad["payload"]["applicant"]["full_name"] = ""
    unknown = event("dossier.teleported", str(uuid.uuid4()), {})
    broken_envelope = received(station)
    broken_envelope["client_time"] = "hôm qua"
    good = received(station)
    results = station.push(bad, unknown, broken_envelope, good)
    assert [r["outcome"] for r in results] == ["rejected", "rejected", "rejected", "applied"]
    assert [r["event_uuid"] for r in results] == [
        e["event_uuid"] for e in (bad, unknown, broken_envelope, good)
    ]
    assert "full_name" in results[0]["message"]
    assert "client_time" in results[2]["message"]
    # A rejection is final: replaying it gets the same answer.
    assert station.push(bad)[0]["outcome"] == "rejected"


def test_code_must_belong_to_the_office_and_match_the_day(
    harness: Harness, station: Station
) -> None:
    other = harness.new_office()
    foreign = received(station, code=f"{other}-260213-0001")
    wrong_day = received(station, code=f"{station.office_code}-260214-0002")
    wrong_office = received(station)
    wrong_office["payload"]["office_code"] = other
    results = station.push(foreign, wrong_day, wrong_office)
    assert [r["outcome"] for r in results] == ["rejected"] * 3
    assert "ngày" in results[1]["message"].lower()


def test_same_code_for_a_different_dossier_is_rejected(station: Station) -> None:
    first = received(station)
    clash = received(station, code=code_of(first))
    assert [r["outcome"] for r in station.push(first, clash)] == ["applied", "rejected"]


def test_times_with_offsets_are_stored_as_vietnam_time(harness: Harness, station: Station) -> None:
    ev = received(station)
    ev["payload"]["received_at"] = "2026-02-13T02:30:00Z"
    ev["payload"]["due_at"] = "2026-02-23T16:30:00+07:00"
    assert station.push(ev)[0]["outcome"] == "applied"
    dossier = _dossier(harness, code_of(ev))
    assert dossier.received_at == datetime(2026, 2, 13, 9, 30)
    assert dossier.due_at == datetime(2026, 2, 23, 16, 30)


def test_legal_and_illegal_status_changes(harness: Harness, station: Station) -> None:
    ev = received(station)
    results = station.push(
        ev,
        status_changed(ev, 2, 4),
        status_changed(ev, 4, 9, at="2026-02-14T10:00"),
        status_changed(ev, 9, 2, at="2026-02-14T11:00"),
    )
    assert [r["outcome"] for r in results] == ["applied", "applied", "applied", "rejected"]
    assert "Không thể chuyển" in results[3]["message"]
    returned = event(
        "dossier.returned",
        ev["dossier_uuid"],
        {
            "dossier_uuid": ev["dossier_uuid"],
            "code": code_of(ev),
            "returned_at": "2026-02-15T08:00:00+07:00",
            "officer": "canbo1",
            "collector_name": "Nguyễn Văn An",
            "collector_id_number": "001090012345",
            "note": None,
        },
    )
    assert station.push(returned)[0]["outcome"] == "applied"
    dossier = _dossier(harness, code_of(ev))
    assert (dossier.status, dossier.returned_at) == (10, datetime(2026, 2, 15, 8, 0))
    statuses = [c["payload"]["to_status"] for c in station.changes() if c["code"] == code_of(ev)]
    assert statuses == [2, 4, 9, 10]


def test_status_change_for_unknown_dossier_is_rejected(station: Station) -> None:
    ghost = received(station)
    [result] = station.push(status_changed(ghost, 2, 4))
    assert result["outcome"] == "rejected"


def test_counter_change_older_than_back_office_change_is_a_conflict_kept_in_history(
    harness: Harness, station: Station
) -> None:
    ev = received(station)
    station.push(ev, status_changed(ev, 2, 4))
    resolver = harness.backoffice(station.office_code)
    moved = resolver.post(
        f"/api/v1/backoffice/dossiers/{code_of(ev)}/status",
        json={"to_status": 5, "note": "Thiếu giấy chứng sinh"},
    )
    assert moved.status_code == 200, moved.text
    # The counter, offline, recorded a withdrawal while it still saw status 4.
    [result] = station.push(status_changed(ev, 4, 7, at="2026-02-13T11:00"))
    assert result["outcome"] == "conflict"
    assert "Cơ quan giải quyết" in result["message"]
    detail = resolver.get(f"/api/v1/backoffice/dossiers/{code_of(ev)}").json()
    assert detail["status"] == 5
    conflicts = [h for h in detail["history"] if h["conflict"]]
    assert [(h["from_status"], h["to_status"]) for h in conflicts] == [(4, 7)]
    assert any(h["source"] == "backoffice" and h["to_status"] == 5 for h in detail["history"])


def test_intake_can_be_corrected_until_hand_over(harness: Harness, station: Station) -> None:
    ev = received(station)
    station.push(ev)
    fix = copy.deepcopy(ev)
    fix["event_uuid"] = str(uuid.uuid4())
    fix["payload"]["applicant"]["phone"] = "0987654321"
    assert station.push(fix)[0]["outcome"] == "applied"
    assert _dossier(harness, code_of(ev)).intake["applicant"]["phone"] == "0987654321"
    station.push(status_changed(ev, 2, 4))
    late = copy.deepcopy(fix)
    late["event_uuid"] = str(uuid.uuid4())
    late["payload"]["applicant"]["phone"] = "0900000000"
    [result] = station.push(late)
    assert result["outcome"] == "conflict"
    assert _dossier(harness, code_of(ev)).intake["applicant"]["phone"] == "0987654321"


def test_batch_larger_than_the_limit_is_refused_whole(station: Station) -> None:
    events = [received(station) for _ in range(p.MAX_PUSH_EVENTS + 1)]
    response = station.client.post("/api/v1/push", json={"events": events})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
    assert station.changes() == []
