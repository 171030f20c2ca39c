"""Pushed satisfaction ratings: stored exactly once per dossier and stage, office by office."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from srvkit import Harness, Station, event, received

from server.models import SatisfactionRating


def rated(
    received_event: dict[str, Any],
    stage: str = "intake",
    score: int = 3,
    criteria: dict[str, int] | None = None,
) -> dict[str, Any]:
    payload = received_event["payload"]
    return event(
        "dossier.rated",
        payload["dossier_uuid"],
        {
            "dossier_uuid": payload["dossier_uuid"],
            "code": payload["code"],
            "rating_uuid": str(uuid.uuid4()),
            "stage": stage,
            "score": score,
            "criteria": criteria or {},
            "channel": "screen",
            "rated_at": "2026-02-13T09:40:00+07:00",
        },
    )


def _ratings(harness: Harness, code: str) -> list[tuple[str, int]]:
    from server.models import Dossier

    with harness.db.read() as session:
        return [
            (r.stage, r.score)
            for r in session.scalars(
                select(SatisfactionRating)
                .join(Dossier, Dossier.id == SatisfactionRating.dossier_id)
                .where(Dossier.code == code)
                .order_by(SatisfactionRating.id)
            )
        ]


def test_a_rating_is_stored_once_however_often_it_is_replayed(
    harness: Harness, station: Station
) -> None:
    dossier = received(station)
    rating = rated(dossier, criteria={"attitude": 2})
    results = station.push(dossier, rating)
    assert [r["outcome"] for r in results] == ["applied", "applied"]
    for _ in range(3):
        assert station.push(rating)[0]["outcome"] == "duplicate"
    code = dossier["payload"]["code"]
    assert _ratings(harness, code) == [("intake", 3)]
    # The same rating sent again under a new event UUID (a station that lost
    # its acknowledgement and rebuilt the event) is still not stored twice.
    resent = dict(rating, event_uuid=str(uuid.uuid4()))
    assert station.push(resent)[0]["outcome"] == "applied"
    assert _ratings(harness, code) == [("intake", 3)]


def test_a_second_rating_of_the_same_stage_is_refused_with_a_reason(
    harness: Harness, station: Station
) -> None:
    dossier = received(station)
    station.push(dossier, rated(dossier, score=1))
    [second] = station.push(rated(dossier, score=3))
    assert second["outcome"] == "rejected"
    assert "đã được đánh giá ở bước tiếp nhận hồ sơ" in second["message"]
    assert station.push(rated(dossier, stage="return", score=2))[0]["outcome"] == "applied"
    assert _ratings(harness, dossier["payload"]["code"]) == [("intake", 1), ("return", 2)]


def test_a_rating_for_a_dossier_of_another_office_is_refused(harness: Harness) -> None:
    a = harness.enrol(harness.new_office())
    b = harness.enrol(harness.new_office())
    theirs = received(b)
    b.push(theirs)
    [result] = a.push(rated(theirs))
    assert result["outcome"] == "rejected"
    assert "Không tìm thấy hồ sơ của văn phòng này" in result["message"]
    assert _ratings(harness, theirs["payload"]["code"]) == []


def test_a_malformed_rating_is_rejected_alone(harness: Harness, station: Station) -> None:
    dossier = received(station)
    bad_score = rated(dossier, score=5)
    long_key = rated(dossier)
    long_key["payload"]["criteria"] = {"x" * 40: 3}
    good = rated(dossier, stage="return")
    results = station.push(dossier, bad_score, long_key, good)
    assert [r["outcome"] for r in results] == ["applied", "rejected", "rejected", "applied"]
    assert _ratings(harness, dossier["payload"]["code"]) == [("return", 3)]
