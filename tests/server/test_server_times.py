"""Every time the server sends carries its offset (+07:00), in the API and on pages."""

from __future__ import annotations

import re
from typing import Any

import httpx
from srvkit import PASSWORD, Harness, Station, code_of, received, status_changed

from server.auth import SESSION_COOKIE
from server.backoffice_pages import BASE

# RFC 3339 date-time with the Vietnam offset spelled out.
WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+07:00$")


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def date_times(spec: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$"):
    """(path, value) of every instance value whose schema says ``format: date-time``."""
    schema = _resolve(spec, schema)
    if value is None:
        return
    if schema.get("format") == "date-time":
        yield where, value
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            option = _resolve(spec, option)
            if option.get("type") == "null":
                continue
            yield from date_times(spec, option, value, where)
    if isinstance(value, dict):
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                yield from date_times(spec, sub, value[name], f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            yield from date_times(spec, schema["items"], item, f"{where}[{i}]")


def _response_schema(spec: dict[str, Any], path: str, method: str, status: int) -> dict[str, Any]:
    response = spec["paths"][path][method]["responses"][str(status)]
    return response["content"]["application/json"]["schema"]


def test_every_date_time_in_real_responses_has_the_offset(
    harness: Harness, station: Station
) -> None:
    spec = httpx.get(f"{harness.base_url}/openapi.json").json()
    ev = received(station)
    assert station.push(ev)[0]["outcome"] == "applied"
    code = code_of(ev)
    # The office hands the dossier over, so the back office can move it.
    assert station.push(status_changed(ev, 2, 4))[0]["outcome"] == "applied"
    username = harness.officer(station.office_code, "backoffice")
    login = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/login",
        json={"username": username, "password": PASSWORD},
    )
    resolver = harness.client(Authorization=f"Bearer {login.json()['token']}")
    moved = resolver.post(
        f"/api/v1/backoffice/dossiers/{code}/progress", json={"note": "Đã chuyển thẩm định"}
    )
    samples = [
        ("/api/v1/enroll", "post", station.enrolment),
        ("/api/v1/backoffice/login", "post", login.json()),
        ("/api/v1/backoffice/dossiers", "get", resolver.get("/api/v1/backoffice/dossiers").json()),
        (
            "/api/v1/backoffice/dossiers/{code}",
            "get",
            resolver.get(f"/api/v1/backoffice/dossiers/{code}").json(),
        ),
        ("/api/v1/backoffice/dossiers/{code}/progress", "post", moved.json()),
        ("/api/v1/station/token", "post", station.client.post("/api/v1/station/token").json()),
    ]
    seen: list[str] = []
    for path, method, body in samples:
        schema = _response_schema(spec, path, method, 200)
        for where, value in date_times(spec, schema, body):
            seen.append(f"{path} {where}")
            assert WITH_OFFSET.match(value), (path, where, value)
    # Not vacuous: the walk met the times the issue names.
    for expected in (
        "server_time",
        "expires_at",
        "received_at",
        "due_at",
        "history[0].at",
        "old_token_expires_at",
    ):
        assert any(expected in place for place in seen), (expected, seen)
    # The change feed's own times (free-form payloads) carry the offset too.
    for change in station.changes():
        for key in ("at", "received_at", "due_at"):
            if change["payload"].get(key):
                assert WITH_OFFSET.match(change["payload"][key]), change


def test_pages_mark_their_times_with_the_offset(harness: Harness, station: Station) -> None:
    ev = received(station, secret="K7Q2M9XH4P")
    station.push(ev)
    public = httpx.get(f"{harness.base_url}/tra-cuu/{code_of(ev)}", params={"k": "K7Q2M9XH4P"})
    username = harness.officer(station.office_code, "backoffice")
    token = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/login",
        json={"username": username, "password": PASSWORD},
    ).json()["token"]
    listing = httpx.get(
        f"{harness.base_url}{BASE}", params={"trang_thai": ""}, cookies={SESSION_COOKIE: token}
    )
    for page, least in ((public, 3), (listing, 2)):  # received, due (and updated)
        assert page.status_code == 200, page.text
        stamps = re.findall(r'<time datetime="([^"]+)"', page.text)
        assert len(stamps) >= least, page.text
        assert all(WITH_OFFSET.match(s) for s in stamps), stamps
        assert "GMT+7" in page.text
