"""Pull: the change feed in pages, and versioned master data."""

from __future__ import annotations

from datetime import date

from srvkit import Harness, Station, code_of, received, status_changed

from app.office.catalogue_seed import load_seed, parse_catalogue
from app.sync import protocol as p
from server import admin


def test_changes_come_in_pages_with_a_cursor(station: Station) -> None:
    events = [received(station) for _ in range(7)]
    station.push(*events)
    first = station.client.get("/api/v1/changes", params={"cursor": 0, "limit": 3}).json()
    assert len(first["changes"]) == 3 and first["has_more"] is True
    second = station.client.get(
        "/api/v1/changes", params={"cursor": first["next_cursor"], "limit": 3}
    ).json()
    third = station.client.get(
        "/api/v1/changes", params={"cursor": second["next_cursor"], "limit": 3}
    ).json()
    assert third["has_more"] is False
    codes = [c["code"] for page in (first, second, third) for c in page["changes"]]
    assert codes == [code_of(e) for e in events]
    seqs = [c["seq"] for page in (first, second, third) for c in page["changes"]]
    assert seqs == sorted(seqs)
    empty = station.client.get("/api/v1/changes", params={"cursor": third["next_cursor"]}).json()
    assert empty == {"changes": [], "next_cursor": third["next_cursor"], "has_more": False}
    for response in (p.ChangesResponse.model_validate(x) for x in (first, second, third)):
        assert all(c.kind == "status" for c in response.changes)


def test_stations_of_one_office_share_the_feed(harness: Harness, station: Station) -> None:
    sibling = harness.enrol(station.office_code, 2)
    ev = received(station)
    station.push(ev, status_changed(ev, 2, 4))
    assert [c["payload"]["to_status"] for c in sibling.changes()] == [2, 4]
    assert {c["payload"]["station"] for c in sibling.changes()} == {1}


def test_bad_cursor_and_limit_are_4xx(station: Station) -> None:
    for params in ({"cursor": -1}, {"limit": 0}, {"limit": p.MAX_PULL_LIMIT + 1}, {"cursor": "x"}):
        response = station.client.get("/api/v1/changes", params=params)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "invalid_request"


def test_master_data_is_sent_only_when_its_version_changed(
    harness: Harness, station: Station
) -> None:
    full = station.client.get("/api/v1/master")
    assert full.status_code == 200
    body = p.MasterResponse.model_validate(full.json())
    assert body.catalogue and body.calendar and body.officers
    # The catalogue keeps the seed file's shape: the station's own parser reads it.
    parsed = parse_catalogue(body.catalogue.model_dump())
    assert {proc.code for proc in parsed.procedures} == {
        proc.code for proc in load_seed().procedures
    }
    assert body.catalogue.version.split("+")[0] == load_seed().version
    params = {
        "catalogue_version": body.catalogue.version,
        "calendar_version": body.calendar.version,
        "officers_version": body.officers.version,
    }
    same = station.client.get("/api/v1/master", params=params)
    assert same.json() == {"catalogue": None, "calendar": None, "officers": None}
    cached = station.client.get("/api/v1/master", headers={"If-None-Match": full.headers["ETag"]})
    assert cached.status_code == 304
    assert cached.content == b""


def test_calendar_and_officer_changes_bump_versions_and_reach_the_feed(
    harness: Harness, station: Station
) -> None:
    before = p.MasterResponse.model_validate(station.client.get("/api/v1/master").json())
    assert before.calendar is not None and before.officers is not None
    admin.set_calendar(harness.db, station.office_code, date(2026, 4, 27), "off", "Nghỉ bù")
    username = harness.officer(station.office_code, "clerk")
    harness.officer(station.office_code, "backoffice")
    after = p.MasterResponse.model_validate(
        station.client.get(
            "/api/v1/master",
            params={
                "catalogue_version": before.catalogue.version if before.catalogue else "",
                "calendar_version": before.calendar.version,
                "officers_version": before.officers.version,
            },
        ).json()
    )
    assert after.catalogue is None
    assert after.calendar is not None and after.calendar.version > before.calendar.version
    assert [(o.day, o.kind, o.note) for o in after.calendar.overrides] == [
        (date(2026, 4, 27), "off", "Nghỉ bù")
    ]
    assert after.officers is not None
    assert [o.username for o in after.officers.officers] == [username]
    assert all(o.password_hash is None for o in after.officers.officers)
    masters = [c["payload"]["what"] for c in station.changes() if c["kind"] == "master"]
    assert masters == ["calendar", "officers", "officers"]


def test_province_fee_changes_the_catalogue_version_for_every_office(
    harness: Harness, station: Station
) -> None:
    other = harness.enrol(harness.new_office())
    version = admin.set_fee(harness.db, "1.001193", 8000, "Mức thu của tỉnh")
    body = p.MasterResponse.model_validate(station.client.get("/api/v1/master").json())
    assert body.catalogue is not None and body.catalogue.version == version
    birth = next(x for x in body.catalogue.procedures if x["code"] == "1.001193")
    assert birth["fee"]["amount"] == 8000 and birth["fee"]["set_by"] == "province"
    for office_station in (station, other):
        notes = [c["payload"] for c in office_station.changes() if c["kind"] == "master"]
        assert {"what": "catalogue", "version": version} in notes


# --- which kinds of change a station is sent -------------------------------------


def _mixed_feed(harness: Harness, station: Station) -> str:
    """A dossier and feedback pushed, the public rating, the answer, then a progress note."""
    from test_server_feedback import feedback_event

    dossier = received(station)
    item = feedback_event(station, 801)
    station.push(dossier, item)
    code = code_of(dossier)
    with harness.client() as page:
        rated = page.post(
            f"/tra-cuu/{code}/danh-gia",
            data={"k": dossier["payload"]["lookup_secret"], "giai-doan": "intake", "diem": "3"},
        )
        assert rated.status_code == 303, rated.text
    with harness.backoffice(station.office_code) as office:
        answered = office.post(
            f"/api/v1/backoffice/feedback/{item['payload']['code']}/answer",
            json={"answer": "Đã xử lý."},
        )
        assert answered.status_code == 200, answered.text
        noted = office.post(
            f"/api/v1/backoffice/dossiers/{code}/progress", json={"note": "Đang thẩm định."}
        )
        assert noted.status_code == 200, noted.text
    return code


def _pages(station: Station, **params: str) -> tuple[list[dict], int]:
    """Every change after cursor 0 sent with ``params``, page by page, and the last cursor."""
    found: list[dict] = []
    cursor = 0
    while True:
        response = station.client.get(
            "/api/v1/changes", params={"cursor": cursor, "limit": 2, **params}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        found += body["changes"]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return found, cursor


def test_a_station_that_names_no_kinds_gets_only_the_first_ones(
    harness: Harness, office: str
) -> None:
    station = harness.enrol(office, 1)
    _mixed_feed(harness, station)
    everything, _ = _pages(station, kinds=",".join(p.CHANGE_KINDS))
    # The back-office officer signing in is new to the office: a master change.
    kinds = [c["kind"] for c in everything]
    assert kinds == ["status", "rating", "master", "feedback", "progress"]
    old, cursor = _pages(station)
    assert old == [c for c in everything if c["kind"] in p.V1_CHANGE_KINDS]
    assert [c["kind"] for c in old] == ["status", "master", "progress"]
    assert cursor == old[-1]["seq"]
    # The cursor stops at the last change sent, never past one of another kind.
    _, status_cursor = _pages(station, kinds="status")
    assert status_cursor == everything[0]["seq"]
    rest, _ = _pages(station, kinds="feedback,rating")
    assert rest == [c for c in everything if c["kind"] in ("feedback", "rating")]


def test_kinds_unknown_to_the_server_are_ignored_and_known_ones_filter(
    harness: Harness, office: str
) -> None:
    station = harness.enrol(office, 1)
    _mixed_feed(harness, station)
    only, _ = _pages(station, kinds=" rating , appointment,,")
    assert [c["kind"] for c in only] == ["rating"]
    none = station.client.get("/api/v1/changes", params={"cursor": 0, "kinds": "appointment"})
    assert none.status_code == 200
    assert none.json() == {"changes": [], "next_cursor": 0, "has_more": False}
    too_long = station.client.get("/api/v1/changes", params={"kinds": "x" * 1001})
    assert too_long.status_code == 422
