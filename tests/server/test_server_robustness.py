"""Oversized, malformed and hostile requests: a clear 4xx in JSON, never a 500."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from srvkit import Harness, Station, received

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=15,
)


def _error(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()["error"]
    assert body["code"] and body["message"]
    return body


def test_oversized_body_is_413_before_it_is_read(harness: Harness, station: Station) -> None:
    big = b'{"events": [' + b" " * (harness.settings.max_json_bytes + 10) + b"]}"
    response = station.client.post(
        "/api/v1/push", content=big, headers={"Content-Type": "application/json"}
    )
    assert _error(response, 413)["code"] == "too_large"


def test_oversized_chunked_body_is_413(harness: Harness, station: Station) -> None:
    def chunks():
        yield b'{"events": ['
        for _ in range(harness.settings.max_json_bytes // 65536 + 2):
            yield b" " * 65536
        yield b"]}"

    response = station.client.post(
        "/api/v1/push", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert _error(response, 413)["code"] == "too_large"


def test_malformed_json_is_400(station: Station) -> None:
    response = station.client.post(
        "/api/v1/push", content=b'{"events": [', headers={"Content-Type": "application/json"}
    )
    assert _error(response, 400)["code"] == "malformed_json"


def test_wrong_shapes_are_422_with_details(station: Station) -> None:
    for body in (
        {},
        {"events": "x"},
        [],
        {"events": [1]},
    ):
        error = _error(station.client.post("/api/v1/push", json=body), 422)
        assert error["code"] == "invalid_request" and error["details"]


def test_secrets_are_not_echoed_in_validation_errors(harness: Harness) -> None:
    response = httpx.post(
        f"{harness.base_url}/api/v1/backoffice/login",
        json={"username": "x" * 500, "password": "hunter2-secret"},
    )
    assert "hunter2-secret" not in response.text
    _error(response, 422)


def test_unknown_route_and_method_are_json(harness: Harness, station: Station) -> None:
    assert _error(httpx.get(f"{harness.base_url}/api/v1/nothing"), 404)["code"] == "not_found"
    assert _error(station.client.delete("/api/v1/push"), 405)["code"] == "method_not_allowed"
    # Only a SHA-256 names a file: anything else is no address at all.
    assert _error(station.client.get("/api/v1/attachments/not-a-hash"), 404)


def test_truncated_request_does_not_hurt_the_server(harness: Harness, station: Station) -> None:
    url = urlsplit(harness.base_url)
    with socket.create_connection((url.hostname, url.port)) as sock:
        sock.sendall(
            b"POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {station.token}\r\n".encode()
            + b'Content-Length: 1000\r\n\r\n{"events": ['
        )
    with socket.create_connection((url.hostname, url.port)) as sock:
        sock.sendall(b"GARBAGE\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 400")
    assert station.push(received(station))[0]["outcome"] == "applied"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    payload=_json,
    kind=st.sampled_from(
        ["dossier.received", "dossier.status_changed", "dossier.returned", "dossier.attachments"]
    ),
)
def test_random_payloads_never_cause_a_server_error(
    station: Station, payload: object, kind: str
) -> None:
    event = received(station)
    event["type"] = kind
    event["payload"] = payload
    response = station.client.post(
        "/api/v1/push",
        content=json.dumps({"events": [event]}),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["outcome"] == "rejected"


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_json)
def test_random_bodies_on_every_json_endpoint_are_4xx(station: Station, body: object) -> None:
    for path in ("/api/v1/push", "/api/v1/attachments/missing", "/api/v1/officers/login"):
        response = station.client.post(path, json=body)
        assert 400 <= response.status_code < 500, (path, response.text)
