"""tus 1.0.0 as written: an unmodified tus client, and the rules every response keeps."""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from pathlib import Path

import httpx
import pytest
from srvkit import Harness, Station, patch_headers, sha, upload, upload_headers
from tusclient import client as tus_client
from tusclient.storage.filestorage import FileStorage

from app.sync import protocol as p

MiB = 1024 * 1024
TUS = {"Tus-Resumable": p.TUS_VERSION}


def _tus(harness: Harness, station: Station) -> tus_client.TusClient:
    return tus_client.TusClient(
        f"{harness.base_url}/api/v1/uploads",
        headers={"Authorization": f"Bearer {station.token}", p.PROTOCOL_HEADER: "1"},
    )


def _uploader(tus: tus_client.TusClient, data: bytes, **kwargs) -> object:
    # A path, as an application hands tuspy a file (its URL store reopens it).
    path = Path(tempfile.gettempdir()) / f"motcua-tus-{sha(data)}.bin"
    path.write_bytes(data)
    return tus.uploader(
        file_path=str(path),
        chunk_size=MiB,
        metadata={"sha256": sha(data), "filename": "to-khai.pdf"},
        upload_checksum=True,
        **kwargs,
    )


def _held(station: Station, data: bytes) -> bytes:
    response = station.client.get(f"/api/v1/attachments/{sha(data)}")
    assert response.status_code == 200, response.text
    return response.content


def test_tuspy_uploads_a_new_file_in_1_mib_chunks_with_sha1_checksums(
    harness: Harness, station: Station
) -> None:
    data = os.urandom(3 * MiB + 12345)
    uploader = _uploader(_tus(harness, station), data)
    uploader.upload()
    assert uploader.offset == len(data)
    assert uploader.request.response_headers["upload-offset"] == str(len(data))
    assert _held(station, data) == data


def test_tuspy_resumes_by_its_stored_url(harness: Harness, station: Station, tmp_path) -> None:
    data = os.urandom(4 * MiB + 1)
    storage = FileStorage(str(tmp_path / "tus-urls.json"))
    tus = _tus(harness, station)
    first = _uploader(tus, data, store_url=True, url_storage=storage)
    first.upload(stop_at=2 * MiB)  # the program stops here
    assert first.offset == 2 * MiB
    again = _uploader(tus, data, store_url=True, url_storage=storage)
    assert again.url == first.url
    assert again.offset == 2 * MiB  # asked with HEAD, not started over
    again.upload()
    assert _held(station, data) == data


def test_tuspy_uploads_a_file_the_office_already_holds(harness: Harness, station: Station) -> None:
    data = os.urandom(2 * MiB + 7)
    upload(station, data)
    uploader = _uploader(_tus(harness, station), data)
    uploader.upload()
    assert uploader.offset == len(data)
    assert _held(station, data) == data


def test_tuspy_uploads_a_file_whose_upload_another_client_started(
    harness: Harness, station: Station
) -> None:
    data = os.urandom(2 * MiB)
    created = station.client.post("/api/v1/uploads", headers=upload_headers(data))
    piece = data[:MiB]
    started = station.client.patch(
        created.headers["Location"], content=piece, headers=patch_headers(0, piece)
    )
    assert started.status_code == 204
    uploader = _uploader(_tus(harness, station), data)
    uploader.upload()
    assert _held(station, data) == data


def test_creation_always_starts_at_offset_zero(station: Station) -> None:
    data = os.urandom(50_000)
    upload(station, data)
    again = station.client.post("/api/v1/uploads", headers=upload_headers(data))
    assert again.status_code == 201
    assert again.headers["Upload-Offset"] == "0"


def test_discovery_lists_sha1_and_sha256(station: Station) -> None:
    for path in ("/api/v1/uploads", "/api/v1/uploads/abcdefgh12345678"):
        options = station.client.options(path)
        assert options.status_code == 204, (path, options.text)
        assert options.headers["Tus-Version"] == p.TUS_VERSION
        assert options.headers["Tus-Resumable"] == p.TUS_VERSION
        algorithms = options.headers["Tus-Checksum-Algorithm"].split(",")
        assert {"sha1", "sha256"} <= set(algorithms)
        assert set(options.headers["Tus-Extension"].split(",")) == {
            "creation",
            "creation-with-upload",
            "expiration",
            "checksum",
            "termination",
        }


def _checksum(algorithm: str, chunk: bytes) -> str:
    return f"{algorithm} " + base64.b64encode(hashlib.new(algorithm, chunk).digest()).decode()


@pytest.mark.parametrize("algorithm", ["sha1", "sha256"])
def test_chunk_checksums_in_either_algorithm(station: Station, algorithm: str) -> None:
    data = os.urandom(100_000)
    location = station.client.post("/api/v1/uploads", headers=upload_headers(data)).headers[
        "Location"
    ]
    first = data[:60_000]
    headers = {**patch_headers(0), "Upload-Checksum": _checksum(algorithm, first)}
    damaged = b"\0" + first[1:]
    refused = station.client.patch(location, content=damaged, headers=headers)
    assert refused.status_code == p.CHECKSUM_MISMATCH
    assert refused.headers["Tus-Resumable"] == p.TUS_VERSION
    ok = station.client.patch(location, content=first, headers=headers)
    assert ok.status_code == 204, ok.text
    rest = data[60_000:]
    last = {**patch_headers(60_000), "Upload-Checksum": _checksum(algorithm, rest)}
    assert station.client.patch(location, content=rest, headers=last).status_code == 204
    md5 = {**patch_headers(0), "Upload-Checksum": _checksum("md5", first)}
    other = station.client.post("/api/v1/uploads", headers=upload_headers(b"x" + data))
    unsupported = station.client.patch(other.headers["Location"], content=first, headers=md5)
    assert unsupported.status_code == 400


def test_head_echoes_upload_metadata(station: Station) -> None:
    data = os.urandom(1000)
    headers = upload_headers(data)
    headers["Upload-Metadata"] = p.encode_upload_metadata(
        {"sha256": sha(data), "filename": "giấy tờ.pdf"}
    )
    location = station.client.post("/api/v1/uploads", headers=headers).headers["Location"]
    head = station.client.head(location, headers=TUS)
    assert head.status_code == 200
    assert head.headers["Upload-Metadata"] == headers["Upload-Metadata"]
    assert head.headers["Upload-Length"] == "1000"
    assert head.headers["Cache-Control"] == "no-store"


def test_every_upload_answer_carries_tus_resumable(harness: Harness, station: Station) -> None:
    anonymous = httpx.Client(base_url=harness.base_url, headers=TUS)
    data = os.urandom(1000)
    answers = {
        "no credential": anonymous.post("/api/v1/uploads", headers=upload_headers(data)),
        "unknown upload": station.client.head("/api/v1/uploads/nosuchupload1", headers=TUS),
        "bad path": station.client.head("/api/v1/uploads/x", headers=TUS),
        "no length": station.client.post("/api/v1/uploads", headers=TUS),
        "old version": station.client.post(
            "/api/v1/uploads", headers={**upload_headers(data), "Tus-Resumable": "0.2.2"}
        ),
        "no version": station.client.post(
            "/api/v1/uploads",
            headers={k: v for k, v in upload_headers(data).items() if k != "Tus-Resumable"},
        ),
        "method": station.client.put("/api/v1/uploads", headers=TUS),
    }
    expected = {
        "no credential": 401,
        "unknown upload": 404,
        "bad path": 422,
        "no length": 400,
        "old version": 412,
        "no version": 412,
        "method": 405,
    }
    for name, response in answers.items():
        assert response.status_code == expected[name], (name, response.status_code)
        assert response.headers.get("Tus-Resumable") == p.TUS_VERSION, name
    assert answers["old version"].headers["Tus-Version"] == p.TUS_VERSION


def test_method_override_is_honoured(station: Station) -> None:
    data = os.urandom(30_000)
    location = station.client.post("/api/v1/uploads", headers=upload_headers(data)).headers[
        "Location"
    ]
    patched = station.client.post(
        location,
        content=data,
        headers={**patch_headers(0, data), "X-HTTP-Method-Override": "PATCH"},
    )
    assert patched.status_code == 204, patched.text
    assert patched.headers["Upload-Offset"] == str(len(data))
    other = os.urandom(10)
    second = station.client.post("/api/v1/uploads", headers=upload_headers(other)).headers[
        "Location"
    ]
    deleted = station.client.post(second, headers={**TUS, "X-HTTP-Method-Override": "DELETE"})
    assert deleted.status_code == 204
    assert station.client.head(second, headers=TUS).status_code in (404, 410)


def test_whole_file_mismatch_is_not_a_chunk_checksum_failure(station: Station) -> None:
    data = os.urandom(40_000)
    headers = upload_headers(data)
    headers["Upload-Metadata"] = p.encode_upload_metadata({"sha256": sha(b"something else")})
    location = station.client.post("/api/v1/uploads", headers=headers).headers["Location"]
    response = station.client.patch(location, content=data, headers=patch_headers(0, data))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "file_hash_mismatch"
    assert response.headers["Tus-Resumable"] == p.TUS_VERSION
    assert station.client.head(location, headers=TUS).status_code == 404


def test_empty_file_with_another_hash_is_refused_at_creation(station: Station) -> None:
    headers = upload_headers(b"")
    headers["Upload-Metadata"] = p.encode_upload_metadata({"sha256": sha(b"not empty")})
    response = station.client.post("/api/v1/uploads", headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "file_hash_mismatch"
    assert response.headers["Tus-Resumable"] == p.TUS_VERSION


def _create_with(station: Station, data: bytes, body: bytes, checksum_of: bytes | None = None):
    headers = {**upload_headers(data), **patch_headers(0, checksum_of or body)}
    del headers["Upload-Offset"]
    return station.client.post("/api/v1/uploads", headers=headers, content=body)


def test_a_file_in_one_chunk_is_created_sent_and_stored_in_one_request(
    station: Station,
) -> None:
    data = os.urandom(MiB)
    created = _create_with(station, data, data)
    assert created.status_code == 201, created.text
    assert created.headers["Upload-Offset"] == str(len(data))
    assert _held(station, data) == data
    head = station.client.head(created.headers["Location"], headers=TUS)
    assert head.headers["Upload-Offset"] == str(len(data))


def test_creation_with_a_first_chunk_then_patches(station: Station) -> None:
    data = os.urandom(MiB + 777)
    created = _create_with(station, data, data[:300_000])
    assert created.status_code == 201, created.text
    assert created.headers["Upload-Offset"] == "300000"
    rest = data[300_000:]
    patched = station.client.patch(
        created.headers["Location"], content=rest, headers=patch_headers(300_000, rest)
    )
    assert patched.status_code == 204, patched.text
    assert _held(station, data) == data


def test_a_damaged_first_chunk_at_creation_is_kept_out(station: Station) -> None:
    """The upload is made, the chunk discarded: offset 0, and PATCH sends it again."""
    data = os.urandom(200_000)
    damaged = bytearray(data)
    damaged[1000] ^= 0x01
    created = _create_with(station, data, bytes(damaged), checksum_of=data)
    assert created.status_code == 201, created.text
    assert created.headers["Upload-Offset"] == "0"
    location = created.headers["Location"]
    assert station.client.head(location, headers=TUS).headers["Upload-Offset"] == "0"
    patched = station.client.patch(location, content=data, headers=patch_headers(0, data))
    assert patched.status_code == 204, patched.text
    assert _held(station, data) == data


def test_a_whole_file_at_creation_that_misses_its_hash_is_422(station: Station) -> None:
    data, other = os.urandom(50_000), os.urandom(50_000)
    created = _create_with(station, data, other)
    assert created.status_code == 422, created.text
    assert created.json()["error"]["code"] == "file_hash_mismatch"
    assert station.client.get(f"/api/v1/attachments/{sha(data)}").status_code == 404


def test_a_first_chunk_longer_than_the_file_is_413(station: Station) -> None:
    data = os.urandom(10_000)
    created = _create_with(station, data, data + b"more")
    assert created.status_code == 413, created.text
