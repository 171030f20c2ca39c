"""Hostile and faulty input that used to answer HTTP 500: each case by name.

Every test runs on SQLite and on PostgreSQL; several cases (a NUL character)
only ever failed on PostgreSQL, whose text cannot hold one.
"""

from __future__ import annotations

import json
import socket
import time
import uuid
from urllib.parse import urlsplit

import httpx
from srvkit import (
    PASSWORD,
    Harness,
    Station,
    code_of,
    event,
    patch_headers,
    received,
    sha,
    upload,
    upload_headers,
)

from app.sync import protocol as p

BIG = 2**63


def _push_raw(station: Station, body: str) -> httpx.Response:
    return station.client.post(
        "/api/v1/push", content=body.encode("utf-8"), headers={"Content-Type": "application/json"}
    )


def _no_server_error(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text


def test_nul_in_a_summary_is_rejected_alone_and_the_queue_goes_on(station: Station) -> None:
    bad, good = received(station), received(station)
    bad["payload"]["summary"] = "Khai sinh\u0000"
    results = station.push(bad, good)
    assert [r["outcome"] for r in results] == ["rejected", "applied"]
    assert "ký tự điều khiển" in results[0]["message"]
    # The station is not wedged: its next push goes through.
    assert station.push(received(station))[0]["outcome"] == "applied"


def test_control_characters_anywhere_in_a_payload_are_rejected(station: Station) -> None:
    for where in ("name", "address", "component", "key"):
        ev = received(station)
        payload = ev["payload"]
        if where == "name":
            payload["applicant"]["full_name"] = "Nguyễn\x1bVăn An"
        elif where == "address":
            payload["applicant"]["address"] = "Số 1\x7f"
        elif where == "component":
            payload["components"][0]["name"] = "Tờ khai\x00"
        else:
            payload["extra\x00"] = "x"
        assert station.push(ev)[0]["outcome"] == "rejected", where


def test_tab_and_newline_are_kept(station: Station) -> None:
    ev = received(station)
    ev["payload"]["summary"] = "Dòng 1\nDòng 2\tcột"
    assert station.push(ev)[0]["outcome"] == "applied"


def test_one_event_with_a_bad_envelope_is_rejected_on_its_own(station: Station) -> None:
    bad = received(station)
    bad["client_time"] = "9999-12-31T23:59:59-12:00"  # overflows once moved to +07:00
    worse = received(station)
    worse["type"] = "dossier.received\u0000"
    good = received(station)
    results = station.push(bad, worse, good)
    assert [r["outcome"] for r in results] == ["rejected", "rejected", "applied"]


def test_lone_surrogate_in_json_is_refused_or_rejected(station: Station) -> None:
    ev = received(station)
    body = json.dumps({"events": [ev, received(station)]}, ensure_ascii=False)
    assert "Đăng ký khai sinh cho con" in body
    body = body.replace("Đăng ký khai sinh cho con", "\\ud800", 1)
    response = _push_raw(station, body)
    assert response.status_code == 200, response.text
    assert [r["outcome"] for r in response.json()["results"]] == ["rejected", "applied"]
    for path in ("/api/v1/officers/login", "/api/v1/attachments/missing"):
        response = station.client.post(
            path,
            content=b'{"username": "\\udc00x", "password": "x", "hashes": ["\\ud800"]}',
            headers={"Content-Type": "application/json"},
        )
        assert response.status_code == 422, response.text


def test_times_that_overflow_with_their_offset_are_rejected(station: Station) -> None:
    for value in ("9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+14:00"):
        ev = received(station)
        ev["payload"]["received_at"] = value
        assert station.push(ev)[0]["outcome"] == "rejected", value
        ev = received(station)
        ev["payload"]["due_at"] = value
        assert station.push(ev)[0]["outcome"] == "rejected", value


def test_huge_station_number_and_component_index_are_rejected(station: Station) -> None:
    ev = received(station)
    ev["payload"]["station"] = BIG
    assert station.push(ev)[0]["outcome"] == "rejected"
    ev = received(station)
    ev["payload"]["station"] = 2**31
    assert station.push(ev)[0]["outcome"] == "rejected"
    ev = received(station)
    ev["payload"]["components"][0]["index"] = BIG
    assert station.push(ev)[0]["outcome"] == "rejected"
    ev = received(station)
    assert station.push(ev)[0]["outcome"] == "applied"
    for entry in (
        {"component_index": BIG, "sha256": "a" * 64, "size": 10},
        {"component_index": 2**31, "sha256": "a" * 64, "size": 10},
        {"component_index": 1, "sha256": "a" * 64, "size": BIG},
        {"component_index": 1, "sha256": "a" * 64, "size": 10, "pages": BIG},
    ):
        manifest = event(
            "dossier.attachments",
            ev["dossier_uuid"],
            {"dossier_uuid": ev["dossier_uuid"], "code": code_of(ev), "manifest": [entry]},
        )
        assert station.push(manifest)[0]["outcome"] == "rejected", entry


def test_pull_cursor_past_a_bigint_is_a_4xx(station: Station) -> None:
    for cursor in (BIG, BIG * 4, 2**63 - 1):
        response = station.client.get("/api/v1/changes", params={"cursor": cursor})
        _no_server_error(response)
    response = station.client.get("/api/v1/changes", params={"cursor": BIG})
    assert response.status_code == 422


def test_upload_headers_that_are_not_ascii_digits_are_400(station: Station) -> None:
    data = b"tep-dinh-kem"
    # Header bytes are read as Latin-1: b"\xb2" arrives as "²", which isdigit() admits.
    for value in (b"\xb2", b"1\xb9", "١٢".encode(), b"1_0", b"+12", b"-1", b"0x10"):
        headers = {**upload_headers(data), "Upload-Length": value}
        response = station.client.post("/api/v1/uploads", headers=headers)
        assert response.status_code == 400, (value, response.text)
    location = station.client.post("/api/v1/uploads", headers=upload_headers(data)).headers[
        "Location"
    ]
    for value in (b"\xb2", b"\xb3", b"1_0", b"-0"):
        headers = {**patch_headers(0, data), "Upload-Offset": value}
        response = station.client.patch(location, content=data, headers=headers)
        assert response.status_code == 400, (value, response.text)
    # A non-digit Content-Length is not for the application to choke on either.
    url = urlsplit(station.client.base_url.__str__())
    with socket.create_connection((url.hostname, url.port)) as sock:
        sock.sendall(
            f"PATCH {location} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {station.token}\r\n"
            f"Content-Type: {p.UPLOAD_CONTENT_TYPE}\r\nUpload-Offset: 0\r\n".encode()
            + "Content-Length: ²\r\n\r\n".encode("latin-1")
        )
        assert sock.recv(100).startswith(b"HTTP/1.1 4")


def test_nul_in_the_public_page_code_is_a_4xx(harness: Harness) -> None:
    client = harness.client()
    for url in ("/tra-cuu/ABC%00DEF?k=0123456789", "/tra-cuu?ma=A%00B&k=0123456789"):
        response = client.get(url, follow_redirects=True)
        assert 400 <= response.status_code < 500, (url, response.text)
    response = client.get("/tra-cuu/ABC?k=01234%0056789")
    assert 400 <= response.status_code < 500, response.text


def test_nul_in_the_back_office_user_name_is_a_4xx(harness: Harness) -> None:
    client = harness.client()
    response = client.post(
        "/api/v1/backoffice/login", json={"username": "admin\u0000", "password": PASSWORD}
    )
    assert response.status_code == 422, response.text
    page = client.get("/back-office")
    csrf = _form_csrf(page.text)
    response = client.post(
        "/back-office/dang-nhap", data={"username": "admin\x00", "password": PASSWORD, "csrf": csrf}
    )
    assert 400 <= response.status_code < 500, response.text
    assert "Traceback" not in response.text


def test_nul_in_back_office_paths_and_forms_is_a_4xx(harness: Harness, office: str) -> None:
    client = harness.backoffice(office)
    _no_server_error(client.get("/api/v1/backoffice/dossiers/AB%00C"))
    assert client.get("/api/v1/backoffice/dossiers/AB%00C").status_code in (400, 404)
    response = client.post(
        "/api/v1/backoffice/dossiers/ABC/progress", json={"note": "Đã xử lý\u0000"}
    )
    assert response.status_code == 422, response.text


def test_nul_in_a_station_name_or_officer_login_is_a_4xx(harness: Harness, office: str) -> None:
    station = harness.enrol(office, 2)
    response = station.client.post(
        "/api/v1/officers/login", json={"username": "cb\u0000", "password": "x"}
    )
    assert response.status_code == 422, response.text
    response = httpx.post(
        f"{harness.base_url}/api/v1/enroll",
        json={"enrolment_code": "ABCD-EFGH", "station_name": "Quầy\u0000"},
        headers={p.PROTOCOL_HEADER: "1"},
    )
    assert response.status_code == 422, response.text


def test_client_hanging_up_mid_chunk_is_no_server_error(harness: Harness, station: Station) -> None:
    data = uuid.uuid4().bytes * 8192  # 128 KiB
    location = station.client.post("/api/v1/uploads", headers=upload_headers(data)).headers[
        "Location"
    ]
    before = harness.server.log()
    url = urlsplit(harness.base_url)
    head = (
        f"PATCH {location} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {station.token}\r\n"
        f"Content-Type: {p.UPLOAD_CONTENT_TYPE}\r\nTus-Resumable: {p.TUS_VERSION}\r\n"
        f"Upload-Offset: 0\r\nContent-Length: {len(data)}\r\n\r\n"
    ).encode()
    with socket.create_connection((url.hostname, url.port)) as sock:
        sock.sendall(head + data[:50_000])
        time.sleep(0.3)
    deadline = time.monotonic() + 10
    offset = -1
    while time.monotonic() < deadline:
        head_answer = station.client.head(location, headers={"Tus-Resumable": p.TUS_VERSION})
        offset = int(head_answer.headers["Upload-Offset"])
        if offset == 50_000:
            break
        time.sleep(0.05)
    assert offset == 50_000  # tus core: the bytes that arrived are kept
    rest = data[offset:]
    response = station.client.patch(location, content=rest, headers=patch_headers(offset, rest))
    assert response.status_code == 204, response.text
    log = harness.server.log()[len(before) :]
    assert "Traceback" not in log and "unhandled error" not in log, log
    assert '"status": 500' not in log, log


def test_upload_create_tells_nothing_about_another_offices_files(harness: Harness) -> None:
    a = harness.enrol(harness.new_office(), 1)
    b = harness.enrol(harness.new_office(), 1)
    secret_file = b"ho-so-cua-van-phong-B-" + uuid.uuid4().bytes
    upload(b, secret_file)
    unknown = b"khong-ai-co-tep-nay-" + uuid.uuid4().bytes

    def create(data_hash: str, length: int) -> httpx.Response:
        headers = {
            "Upload-Length": str(length),
            "Upload-Metadata": p.encode_upload_metadata({"sha256": data_hash}),
            "Tus-Resumable": p.TUS_VERSION,
        }
        return a.client.post("/api/v1/uploads", headers=headers)

    held = create(sha(secret_file), len(secret_file) + 5)
    fresh = create(sha(unknown), len(unknown) + 5)
    assert held.status_code == fresh.status_code == 201, (held.text, fresh.text)
    assert held.headers["Upload-Offset"] == fresh.headers["Upload-Offset"] == "0"
    held = create(sha(secret_file), len(secret_file))
    assert held.status_code == 201 and held.headers["Upload-Offset"] == "0"


def test_manifest_tells_nothing_about_another_offices_files(harness: Harness) -> None:
    a = harness.enrol(harness.new_office(), 1)
    b = harness.enrol(harness.new_office(), 1)
    secret_file = b"ho-so-cua-van-phong-B-" + uuid.uuid4().bytes
    upload(b, secret_file)
    unknown_hash = sha(uuid.uuid4().bytes)
    outcomes = []
    for file_hash in (sha(secret_file), unknown_hash):
        ev = received(a)
        a.push(ev)
        manifest = event(
            "dossier.attachments",
            ev["dossier_uuid"],
            {
                "dossier_uuid": ev["dossier_uuid"],
                "code": code_of(ev),
                "manifest": [{"component_index": 1, "sha256": file_hash, "size": 3}],
            },
        )
        outcomes.append(a.push(manifest)[0])
    assert outcomes[0]["outcome"] == outcomes[1]["outcome"] == "applied", outcomes
    assert outcomes[0]["message"] == outcomes[1]["message"]


def _form_csrf(html: str) -> str:
    marker = 'name="csrf" value="'
    start = html.find(marker)
    assert start >= 0, html
    start += len(marker)
    return html[start : html.index('"', start)]
