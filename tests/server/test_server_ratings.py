"""Pushed satisfaction ratings: stored exactly once per dossier and stage, office by office."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy import select
from srvkit import PASSWORD, Harness, Station, code_of, event, received

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


def _dossier_id(harness: Harness, code: str) -> int:
    from server.models import Dossier

    with harness.db.read() as session:
        return session.scalar(select(Dossier.id).where(Dossier.code == code))


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


# --- the public page -------------------------------------------------------------


def _page_client(harness: Harness) -> httpx.Client:
    return httpx.Client(base_url=harness.base_url, timeout=30)


def _rate(client: httpx.Client, code: str, secret: str, stage: str, score: str):
    return client.post(
        f"/tra-cuu/{code}/danh-gia", data={"k": secret, "giai-doan": stage, "diem": score}
    )


def test_the_citizen_rates_on_the_status_page_once_per_stage(
    harness: Harness, station: Station
) -> None:
    dossier = received(station, secret="RATE7H2KMN")
    station.push(dossier)
    code = dossier["payload"]["code"]
    client = _page_client(harness)
    shown = client.get(f"/tra-cuu/{code}", params={"k": "RATE7H2KMN"})
    assert 'id="danh-gia"' in shown.text and 'id="diem-intake-3"' in shown.text
    assert 'id="diem-return-3"' not in shown.text, "the hand-over is rated once it happened"
    # Without the secret (code alone) there is nothing to rate.
    assert 'id="danh-gia"' not in client.get(f"/tra-cuu/{code}").text
    sent = _rate(client, code, "RATE7H2KMN", "intake", "3")
    assert sent.status_code == 303
    assert sent.headers["location"] == f"/tra-cuu/{code}?k=RATE7H2KMN#danh-gia"
    after = client.get(f"/tra-cuu/{code}", params={"k": "RATE7H2KMN"})
    assert 'id="da-danh-gia-intake"' in after.text and 'id="diem-intake-3"' not in after.text
    again = _rate(client, code, "RATE7H2KMN", "intake", "1")
    assert again.status_code == 409
    assert "đã được đánh giá ở bước tiếp nhận hồ sơ" in again.text
    early = _rate(client, code, "RATE7H2KMN", "return", "2")
    assert early.status_code == 409 and "chưa trả kết quả" in early.text
    assert _ratings(harness, code) == [("intake", 3)]
    with harness.db.read() as session:
        assert session.scalars(
            select(SatisfactionRating.channel).where(
                SatisfactionRating.dossier_id == _dossier_id(harness, code)
            )
        ).all() == ["web"]
    # The station's own rating of that stage, pushed later, is refused with the reason.
    [late] = station.push(rated(dossier, score=1))
    assert late["outcome"] == "rejected" and "đã được đánh giá" in late["message"]
    assert _ratings(harness, code) == [("intake", 3)]


def test_bad_values_are_refused_escaped_and_wrong_secrets_count(
    harness: Harness, station: Station
) -> None:
    dossier = received(station, secret="RATE9Q7X2M")
    station.push(dossier)
    code = dossier["payload"]["code"]
    client = _page_client(harness)
    script = _rate(client, code, "RATE9Q7X2M", "<script>alert(1)</script>", "3")
    assert script.status_code == 400
    assert "<script>" not in script.text and "&lt;script&gt;" in script.text
    assert _rate(client, code, "RATE9Q7X2M", "intake", "9").status_code == 400
    for _ in range(harness.settings.lookup_miss_limit):
        assert _rate(client, code, "WRONG00000", "intake", "1").status_code == 404
    blocked = _rate(client, code, "RATE9Q7X2M", "intake", "3")
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    assert _ratings(harness, code) == []


def test_back_office_lists_ratings_with_counts_of_its_offices_only(harness: Harness) -> None:
    ours = harness.enrol(harness.new_office())
    theirs = harness.enrol(harness.new_office())
    a, b = received(ours), received(ours)
    a["payload"]["procedure_name"] = "Khai sinh <b>đậm</b>"
    other = received(theirs)
    ours.push(a, b, rated(a, score=3, criteria={"attitude": 3}), rated(b, score=1))
    ours.push(rated(a, stage="return", score=2))
    theirs.push(other, rated(other, score=1))
    resolver = harness.backoffice(ours.office_code)
    period = {"from": "2026-02-01", "to": "2026-02-28"}
    body = resolver.get("/api/v1/backoffice/ratings", params=period).json()
    assert body["counts"] == {
        "intake": {"1": 1, "2": 0, "3": 1},
        "return": {"1": 0, "2": 1, "3": 0},
    }
    assert body["total"] == 3 and body["satisfied_share"] == 1 / 3
    assert {r["code"] for r in body["ratings"]} == {code_of(a), code_of(b)}
    assert not any("officer" in r or "station" in r for r in body["ratings"])
    bad = resolver.get("/api/v1/backoffice/ratings", params={"from": "hôm qua", "to": "x"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_date"
    # The web page: the same counts, every value escaped.
    username = harness.officer(ours.office_code, "backoffice")
    browser = httpx.Client(base_url=harness.base_url, follow_redirects=True)
    login = browser.get("/back-office")
    browser.post(
        "/back-office/dang-nhap",
        data={"username": username, "password": PASSWORD, "csrf": _csrf(login.text)},
    )
    shown = browser.get("/back-office/danh-gia", params={"tu": "2026-02-01", "den": "2026-02-28"})
    assert shown.status_code == 200
    assert 'id="total">3' in shown.text and "33,3 %" in shown.text
    assert "Khai sinh &lt;b&gt;đậm&lt;/b&gt;" in shown.text and "<b>đậm" not in shown.text
    assert "Thái độ phục vụ của cán bộ: Hài lòng" in shown.text
    assert code_of(other) not in shown.text


def _csrf(html: str) -> str:
    import re

    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


def test_office_indicators_carry_the_satisfaction_share(harness: Harness) -> None:
    district = harness.new_office(name="UBND huyện Thử")
    a = harness.enrol(harness.new_office(parent=district, name="UBND xã A"))
    b = harness.enrol(harness.new_office(parent=district, name="UBND xã B"))
    first, second, third = received(a), received(a), received(b)
    a.push(first, second, rated(first, score=3), rated(second, score=2))
    b.push(third)
    march = {"from": "2026-02-01", "to": "2026-02-28"}
    data = harness.backoffice(district).get("/api/v1/backoffice/reports/indicators", params=march)
    assert data.status_code == 200, data.text
    rows = {o["office_code"]: o for o in data.json()["offices"]}
    assert (rows[a.office_code]["ratings"], rows[a.office_code]["ratings_satisfied"]) == (2, 1)
    assert rows[a.office_code]["satisfaction_share"] == 0.5
    assert rows[b.office_code]["ratings"] == 0 and rows[b.office_code]["satisfaction_share"] is None
    total = data.json()["total"]
    assert (total["ratings"], total["satisfaction_share"]) == (2, 0.5)
