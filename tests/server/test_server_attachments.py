"""Attachments: content addressing, resumable uploads, verification, manifests."""

from __future__ import annotations

import os
import random
import socket
import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import update
from srvkit import (
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
from server.common import now
from server.models import Upload

MiB = 1024 * 1024
TUS = {"Tus-Resumable": p.TUS_VERSION}


def _create(station: Station, data: bytes) -> str:
    response = station.client.post("/api/v1/uploads", headers=upload_headers(data))
    assert response.status_code == 201, response.text
    assert response.headers["Tus-Resumable"] == p.TUS_VERSION
    assert response.headers["Upload-Offset"] == "0"
    assert "Upload-Expires" in response.headers
    return response.headers["Location"]


def _offset(station: Station, location: str) -> int:
    response = station.client.head(location, headers={"Tus-Resumable": p.TUS_VERSION})
    assert response.status_code == 200, response.status_code
    assert response.headers["Cache-Control"] == "no-store"
    return int(response.headers["Upload-Offset"])


def _cut_off_patch(
    harness: Harness, station: Station, location: str, data: bytes, cut: int, checksum: str = ""
) -> None:
    """Send a PATCH declaring every byte, deliver only ``cut`` of them, then hang up."""
    url = urlsplit(harness.base_url)
    head = (
        f"PATCH {location} HTTP/1.1\r\nHost: {url.netloc}\r\n"
        f"Authorization: Bearer {station.token}\r\n"
        f"Content-Type: {p.UPLOAD_CONTENT_TYPE}\r\nTus-Resumable: {p.TUS_VERSION}\r\n"
        + (f"Upload-Checksum: {checksum}\r\n" if checksum else "")
        + f"Upload-Offset: 0\r\nContent-Length: {len(data)}\r\n\r\n"
    ).encode()
    with socket.create_connection((url.hostname, url.port)) as sock:
        sock.sendall(head + data[:cut])
        time.sleep(0.2)


def _resume(station: Station, location: str, data: bytes) -> None:
    """What a station does after a drop: ask for the offset, continue from there."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        offset = _offset(station, location)
        if offset == len(data):
            return
        rest = data[offset:]
        response = station.client.patch(location, content=rest, headers=patch_headers(offset, rest))
        if response.status_code == 204:
            assert int(response.headers["Upload-Offset"]) == len(data)
            return
        assert response.status_code == 409, response.text  # still busy, or offset moved
        time.sleep(0.05)
    pytest.fail("upload did not finish")


def test_missing_lists_only_what_the_office_lacks(station: Station) -> None:
    data = os.urandom(10_000)
    other = sha(b"never uploaded")
    before = station.client.post("/api/v1/attachments/missing", json={"hashes": [sha(data), other]})
    assert before.json() == {"missing": [sha(data), other]}
    upload(station, data)
    after = station.client.post(
        "/api/v1/attachments/missing", json={"hashes": [sha(data).upper(), other]}
    )
    assert after.json() == {"missing": [other]}


def test_chunked_upload_then_verified_download(station: Station) -> None:
    data = os.urandom(3 * MiB + 17)
    location = upload(station, data, chunk=MiB)
    assert _offset(station, location) == len(data)
    response = station.client.get(f"/api/v1/attachments/{sha(data)}")
    assert response.status_code == 200
    assert response.content == data


def test_interrupted_upload_resumes_at_a_random_byte(harness: Harness, station: Station) -> None:
    rng = random.Random()
    for _ in range(3):
        data = os.urandom(rng.randrange(200_000, 2 * MiB))
        cut = rng.randrange(1, len(data))
        location = _create(station, data)
        _cut_off_patch(harness, station, location, data, cut)
        held = _offset(station, location)
        assert 0 <= held <= cut
        _resume(station, location, data)
        downloaded = station.client.get(f"/api/v1/attachments/{sha(data)}")
        assert sha(downloaded.content) == sha(data)


def test_cut_off_chunk_with_a_checksum_leaves_no_trace(harness: Harness, station: Station) -> None:
    data = os.urandom(500_000)
    location = _create(station, data)
    _cut_off_patch(harness, station, location, data, 300_000, p.chunk_checksum(data))
    # Once the server has dealt with the drop, the whole file goes from byte 0.
    for _ in range(200):
        again = station.client.patch(location, content=data, headers=patch_headers(0, data))
        if again.status_code != 409 or again.json()["error"]["code"] != "upload_busy":
            break
        time.sleep(0.05)
    assert again.status_code == 204, again.text
    assert station.client.get(f"/api/v1/attachments/{sha(data)}").content == data


def test_corrupted_chunk_is_refused_and_discarded(station: Station) -> None:
    data = os.urandom(300_000)
    location = _create(station, data)
    first = data[:100_000]
    assert (
        station.client.patch(location, content=first, headers=patch_headers(0, first)).status_code
        == 204
    )
    second = bytearray(data[100_000:200_000])
    headers = patch_headers(100_000, bytes(second))
    second[5] ^= 0xFF  # damaged on the way
    response = station.client.patch(location, content=bytes(second), headers=headers)
    assert response.status_code == p.CHECKSUM_MISMATCH
    assert response.json()["error"]["code"] == "checksum_mismatch"
    assert _offset(station, location) == 100_000
    _resume(station, location, data)
    assert station.client.get(f"/api/v1/attachments/{sha(data)}").content == data


def test_wrong_offset_is_a_conflict_with_the_true_offset(station: Station) -> None:
    data = os.urandom(50_000)
    location = _create(station, data)
    piece = data[10:100]
    response = station.client.patch(location, content=piece, headers=patch_headers(10, piece))
    assert response.status_code == 409
    assert response.headers["Upload-Offset"] == "0"


def test_file_not_matching_its_hash_is_discarded(station: Station) -> None:
    data = os.urandom(40_000)
    headers = upload_headers(data)
    headers["Upload-Metadata"] = p.encode_upload_metadata({"sha256": sha(b"something else")})
    location = station.client.post("/api/v1/uploads", headers=headers).headers["Location"]
    response = station.client.patch(location, content=data, headers=patch_headers(0, data))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "file_hash_mismatch"
    assert station.client.head(location, headers=TUS).status_code == 404
    missing = station.client.post(
        "/api/v1/attachments/missing", json={"hashes": [sha(b"something else")]}
    )
    assert missing.json()["missing"] == [sha(b"something else")]


def test_expired_upload_is_gone_and_starts_again(harness: Harness, station: Station) -> None:
    data = os.urandom(30_000)
    location = _create(station, data)
    upload_id = location.rsplit("/", 1)[1]
    with harness.db.write() as session:
        session.execute(
            update(Upload).where(Upload.id == upload_id).values(expires_at=now() - timedelta(1))
        )
    assert station.client.head(location, headers=TUS).status_code == 410
    assert station.client.head(location, headers=TUS).status_code == 404
    fresh = _create(station, data)
    assert fresh != location
    _resume(station, fresh, data)


def test_tus_discovery_and_bad_headers(station: Station) -> None:
    options = station.client.options("/api/v1/uploads")
    assert options.status_code == 204
    assert "checksum" in options.headers["Tus-Extension"]
    assert options.headers["Tus-Checksum-Algorithm"] == "sha1,sha256"
    data = b"abc"
    for headers in (
        {"Upload-Metadata": p.encode_upload_metadata({"sha256": sha(data)})},
        {"Upload-Length": "3", "Upload-Metadata": "sha256 !!notbase64"},
        {"Upload-Length": "3", "Upload-Metadata": p.encode_upload_metadata({"sha256": "abc"})},
    ):
        response = station.client.post("/api/v1/uploads", headers={**TUS, **headers})
        assert response.status_code == 400, response.text
        assert response.json()["error"]["message"]
    old_tus = station.client.post(
        "/api/v1/uploads", headers={**upload_headers(data), "Tus-Resumable": "0.2.2"}
    )
    assert old_tus.status_code == 412
    location = _create(station, data)
    plain = station.client.patch(
        location, content=data, headers={**TUS, "Upload-Offset": "0", "Content-Type": "text/plain"}
    )
    assert plain.status_code == 415


def test_manifest_keeps_dossier_incomplete_until_every_file_arrives(
    harness: Harness, station: Station
) -> None:
    files = [os.urandom(20_000), os.urandom(30_000)]
    ev = received(station)
    manifest = [
        {
            "component_index": i + 1,
            "sha256": sha(data),
            "size": len(data),
            "pages": 2,
            "mime": "application/pdf",
        }
        for i, data in enumerate(files)
    ]
    attach = event(
        "dossier.attachments",
        ev["dossier_uuid"],
        {"dossier_uuid": ev["dossier_uuid"], "code": code_of(ev), "manifest": manifest},
    )
    assert [r["outcome"] for r in station.push(ev, attach)] == ["applied", "applied"]
    resolver = harness.backoffice(station.office_code)
    detail_url = f"/api/v1/backoffice/dossiers/{code_of(ev)}"
    assert resolver.get(detail_url).json()["attachments_complete"] is False
    upload(station, files[0])
    assert resolver.get(detail_url).json()["attachments_complete"] is False
    upload(station, files[1])
    assert resolver.get(detail_url).json()["attachments_complete"] is True
    progress = [c for c in station.changes() if c["kind"] == "progress"]
    assert [c["payload"]["event"] for c in progress] == ["attachments_complete"]
    # Frozen: a later manifest may add files but never drop or swap one.
    dropped = event(
        "dossier.attachments",
        ev["dossier_uuid"],
        {"dossier_uuid": ev["dossier_uuid"], "code": code_of(ev), "manifest": manifest[:1]},
    )
    [result] = station.push(dropped)
    assert result["outcome"] == "rejected"
    assert "khóa" in result["message"]


def test_damaged_stored_file_is_never_served(harness: Harness, station: Station) -> None:
    data = os.urandom(25_000)
    upload(station, data)
    digest = sha(data)
    path = harness.server.data_dir / "attachments" / digest[:2] / digest[2:4] / digest
    path.chmod(0o644)
    path.write_bytes(b"X" + data[1:])
    response = station.client.get(f"/api/v1/attachments/{digest}")
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "attachment_corrupt"
    missing = station.client.post("/api/v1/attachments/missing", json={"hashes": [digest]})
    assert missing.json()["missing"] == [digest]
    upload(station, data)
    assert station.client.get(f"/api/v1/attachments/{digest}").content == data


def test_empty_file_uploads_at_once(station: Station) -> None:
    response = station.client.post("/api/v1/uploads", headers=upload_headers(b""))
    assert response.status_code == 201
    assert response.headers["Upload-Offset"] == "0"
    assert station.client.get(f"/api/v1/attachments/{sha(b'')}").content == b""
