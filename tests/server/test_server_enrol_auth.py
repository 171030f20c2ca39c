"""Station enrolment, station credentials and officer sign-in."""

from __future__ import annotations

from datetime import timedelta

import httpx
from argon2 import PasswordHasher
from sqlalchemy import update
from srvkit import PASSWORD, Harness, Station

from app.sync import protocol as p
from server import admin
from server.common import now
from server.models import Station as StationRow


def test_enrolment_returns_credential_and_sequence_slice(harness: Harness, office: str) -> None:
    station = harness.enrol(office, 3)
    body = p.EnrollResponse.model_validate(station.enrolment)
    assert body.office_code == office
    assert body.station_number == 3
    assert (body.sequence_start, body.sequence_end) == (2001, 3000)
    assert station.client.get("/api/v1/changes").status_code == 200


def test_enrolment_code_is_single_use(harness: Harness, office: str) -> None:
    code = admin.enroll_station(harness.db, harness.settings, office, 2)
    body = {"enrolment_code": code.lower().replace("-", " "), "station_name": "Quầy 2"}
    first = httpx.post(f"{harness.base_url}/api/v1/enroll", json=body)
    assert first.status_code == 200, first.text
    again = httpx.post(f"{harness.base_url}/api/v1/enroll", json=body)
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "bad_enrolment_code"


def test_expired_enrolment_code_is_refused(harness: Harness, office: str) -> None:
    code = admin.enroll_station(harness.db, harness.settings, office, 4)
    with harness.db.write() as session:
        session.execute(
            update(StationRow)
            .where(StationRow.number == 4, StationRow.enrolment_hash.is_not(None))
            .values(enrolment_expires_at=now() - timedelta(minutes=1))
        )
    response = httpx.post(
        f"{harness.base_url}/api/v1/enroll",
        json={"enrolment_code": code, "station_name": "Quầy 4"},
    )
    assert response.status_code == 401


def test_re_enrolment_replaces_the_old_credential(harness: Harness, office: str) -> None:
    old = harness.enrol(office, 5)
    new = harness.enrol(office, 5)
    assert old.client.get("/api/v1/changes").status_code == 401
    assert new.client.get("/api/v1/changes").status_code == 200


def test_bad_missing_and_revoked_tokens_are_refused(harness: Harness, station: Station) -> None:
    for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic abc"}):
        response = httpx.get(f"{harness.base_url}/api/v1/changes", headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
    admin.revoke_station(harness.db, station.office_code, station.number)
    assert station.client.get("/api/v1/changes").status_code == 401


def test_other_protocol_version_is_refused(station: Station) -> None:
    response = station.client.get("/api/v1/changes", headers={p.PROTOCOL_HEADER: "99"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unsupported_protocol"
    ok = station.client.get("/api/v1/changes")
    assert ok.headers[p.PROTOCOL_HEADER] == str(p.PROTOCOL_VERSION)


def test_officer_login_returns_a_hash_the_station_can_verify(
    harness: Harness, station: Station
) -> None:
    username = harness.officer(station.office_code, "supervisor")
    response = station.client.post(
        "/api/v1/officers/login", json={"username": username.upper(), "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    record = p.OfficerRecord.model_validate(response.json())
    assert (record.username, record.role, record.active) == (username, "supervisor", True)
    assert record.password_hash and record.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(record.password_hash, PASSWORD)


def test_officer_login_refuses_wrong_password_other_office_and_back_office(
    harness: Harness, station: Station
) -> None:
    mine = harness.officer(station.office_code)
    theirs = harness.officer(harness.new_office())
    resolver = harness.officer(station.office_code, "backoffice")
    for username, password in ((mine, "sai-mat-khau"), (theirs, PASSWORD), (resolver, PASSWORD)):
        response = station.client.post(
            "/api/v1/officers/login", json={"username": username, "password": password}
        )
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_credentials"


def test_deactivated_officer_cannot_sign_in(harness: Harness, station: Station) -> None:
    username = harness.officer(station.office_code)
    admin.set_officer_active(harness.db, username, False)
    response = station.client.post(
        "/api/v1/officers/login", json={"username": username, "password": PASSWORD}
    )
    assert response.status_code == 401


def test_repeated_bad_enrolment_codes_are_rate_limited(harness: Harness) -> None:
    address = {"X-Forwarded-For": "198.51.100.77"}
    statuses = [
        httpx.post(
            f"{harness.base_url}/api/v1/enroll",
            json={"enrolment_code": f"WRONG-{i}", "station_name": "x"},
            headers=address,
        ).status_code
        for i in range(harness.settings.auth_miss_limit + 1)
    ]
    assert statuses[:-1] == [401] * harness.settings.auth_miss_limit
    assert statuses[-1] == 429
    other = httpx.post(
        f"{harness.base_url}/api/v1/enroll",
        json={"enrolment_code": "WRONG", "station_name": "x"},
        headers={"X-Forwarded-For": "198.51.100.78"},
    )
    assert other.status_code == 401
