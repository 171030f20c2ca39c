"""Station tokens rotate: a fresh one at sync, the old one alive for a grace period only."""

from __future__ import annotations

import os
import time
from datetime import timedelta

import httpx
from sqlalchemy import update
from srvkit import Harness, Station, patch_headers, received, upload_headers

from app.sync import protocol as p
from server import admin, auth
from server.common import now
from server.models import Station as StationRow
from server.models import StationToken


def _as(harness: Harness, token: str) -> httpx.Client:
    return harness.client(Authorization=f"Bearer {token}", **{p.PROTOCOL_HEADER: "1"})


def _rotate(harness: Harness, token: str) -> httpx.Response:
    return _as(harness, token).post("/api/v1/station/token")


def _pull_status(harness: Harness, token: str) -> int:
    return _as(harness, token).get("/api/v1/changes").status_code


def _age_token(harness: Harness, station: Station, days: float) -> None:
    with harness.db.write() as session:
        session.execute(
            update(StationRow)
            .where(StationRow.id == station.enrolment["station_id"])
            .values(token_issued_at=now() - timedelta(days=days))
        )


def _end_grace(harness: Harness, station: Station) -> None:
    with harness.db.write() as session:
        session.execute(
            update(StationToken)
            .where(StationToken.station_id == station.enrolment["station_id"])
            .values(expires_at=now() - timedelta(seconds=1))
        )


def test_a_fresh_token_is_not_asked_to_rotate_an_old_one_is(
    harness: Harness, station: Station
) -> None:
    fresh = station.client.get("/api/v1/changes")
    assert p.TOKEN_ROTATE_HEADER not in fresh.headers
    _age_token(harness, station, harness.settings.station_token_max_age_hours / 24 + 1)
    old = station.client.get("/api/v1/changes")
    assert old.headers[p.TOKEN_ROTATE_HEADER] == "1"


def test_rotation_keeps_the_old_token_for_the_grace_period_only(
    harness: Harness, station: Station
) -> None:
    old = station.token
    answer = _rotate(harness, old)
    assert answer.status_code == 200, answer.text
    body = p.TokenRotation.model_validate(answer.json())
    assert body.station_token != old
    assert body.old_token_expires_at > now() + timedelta(hours=1)
    assert _pull_status(harness, body.station_token) == 200
    assert _pull_status(harness, old) == 200  # in its grace period
    # The old token is told to rotate; the new one is not.
    assert _as(harness, old).get("/api/v1/changes").headers[p.TOKEN_ROTATE_HEADER] == "1"
    assert (
        p.TOKEN_ROTATE_HEADER not in _as(harness, body.station_token).get("/api/v1/changes").headers
    )
    _end_grace(harness, station)
    assert _pull_status(harness, old) == 401
    assert _pull_status(harness, body.station_token) == 200
    new_client = _as(harness, body.station_token)
    ev = received(station)
    assert (
        new_client.post("/api/v1/push", json={"events": [ev]}).json()["results"][0]["outcome"]
        == "applied"
    )


def test_a_lost_rotation_answer_is_recovered_with_the_old_token(
    harness: Harness, office: str
) -> None:
    station = harness.enrol(office, 3)
    first = _rotate(harness, station.token).json()["station_token"]  # answer "lost"
    second = _rotate(harness, station.token)
    assert second.status_code == 200
    token = second.json()["station_token"]
    assert len({station.token, first, token}) == 3
    assert _pull_status(harness, token) == 200
    assert _pull_status(harness, station.token) == 200


def test_revocation_and_re_enrolment_end_every_token(harness: Harness, office: str) -> None:
    station = harness.enrol(office, 4)
    new = _rotate(harness, station.token).json()["station_token"]
    again = harness.enrol(office, 4)  # a replaced computer
    assert _pull_status(harness, station.token) == 401
    assert _pull_status(harness, new) == 401
    newer = _rotate(harness, again.token).json()["station_token"]
    admin.revoke_station(harness.db, office, 4)
    for token in (again.token, newer):
        assert _pull_status(harness, token) == 401
        assert _rotate(harness, token).status_code == 401


def _create_upload(harness: Harness, token: str) -> httpx.Response:
    data = os.urandom(1000)
    return _as(harness, token).post("/api/v1/uploads", headers=upload_headers(data))


def test_the_upload_path_s_brief_memory_of_a_token_ends_with_it(
    harness: Harness, office: str
) -> None:
    station = harness.enrol(office, 5)
    assert _create_upload(harness, station.token).status_code == 201  # now remembered
    # Re-enrolment (a replaced computer) forgets it at once: the old token is dead.
    again = harness.enrol(office, 5)
    assert _create_upload(harness, station.token).status_code == 401
    assert _create_upload(harness, again.token).status_code == 201
    # A rotated token keeps its grace period on the upload path too.
    new = _rotate(harness, again.token).json()["station_token"]
    assert _create_upload(harness, again.token).status_code == 201
    assert _create_upload(harness, new).status_code == 201
    # Revoked from outside the server: the upload path stops within its few seconds.
    admin.revoke_station(harness.db, office, 5)
    time.sleep(auth.STATION_CACHE_SECONDS + 0.5)
    assert _create_upload(harness, new).status_code == 401
    assert _pull_status(harness, new) == 401


def test_upload_answers_ask_an_old_token_to_rotate_too(harness: Harness, office: str) -> None:
    """A station that only uploads for a while still hears that its token is due."""
    tus = {"Tus-Resumable": p.TUS_VERSION}
    fresh = harness.enrol(office, 6)
    data = os.urandom(3000)
    created = fresh.client.post("/api/v1/uploads", headers=upload_headers(data))
    assert created.status_code == 201
    assert p.TOKEN_ROTATE_HEADER not in created.headers
    old = harness.enrol(office, 7)
    _age_token(harness, old, harness.settings.station_token_max_age_hours / 24 + 1)
    created = old.client.post("/api/v1/uploads", headers=upload_headers(data))
    assert created.status_code == 201
    assert created.headers[p.TOKEN_ROTATE_HEADER] == "1"
    location = created.headers["Location"]
    head = old.client.head(location, headers=tus)
    assert head.status_code == 200 and head.headers[p.TOKEN_ROTATE_HEADER] == "1"
    chunk = data[:1000]
    patched = old.client.patch(location, content=chunk, headers=patch_headers(0, chunk))
    assert patched.status_code == 204 and patched.headers[p.TOKEN_ROTATE_HEADER] == "1"
    ended = old.client.delete(location, headers=tus)
    assert ended.status_code == 204 and ended.headers[p.TOKEN_ROTATE_HEADER] == "1"
