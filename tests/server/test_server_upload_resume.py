"""Resuming an upload after a crash on either side: the right offset, every byte verified.

The server records an upload's offset only now and then (a checkpoint) and
answers from what the upload's file holds. These tests kill the client mid-
chunk and the server (SIGKILL, a real process) between and during chunks,
then resume the way a station does, and check that no byte is lost or sent
twice: the offset the server gives is exactly what it holds, and the stored
file matches its SHA-256.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from srvkit import Harness, ServerProcess, Station, patch_headers, sha, upload_headers

from app.sync import protocol as p
from server.models import Upload

MiB = 1024 * 1024
TUS = {"Tus-Resumable": p.TUS_VERSION}


class Killable:
    """A server of its own on the harness's database, to be killed and started again."""

    def __init__(self, harness: Harness, data_dir: Path, token: str) -> None:
        self.harness = harness
        self.data_dir = data_dir
        self.token = token
        self.server = ServerProcess(data_dir, harness.server.db_url)

    def client(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.server.base_url,
            headers={"Authorization": f"Bearer {self.token}", p.PROTOCOL_HEADER: "1"},
            timeout=30,
        )

    def kill_and_restart(self) -> None:
        """SIGKILL: no shutdown code runs, nothing is flushed by the server."""
        self.server.process.send_signal(signal.SIGKILL)
        self.server.process.wait(30)
        self.server.stop()
        self.server = ServerProcess(self.data_dir, self.harness.server.db_url)

    def part(self, location: str) -> Path:
        return self.data_dir / "uploads" / f"{location.rsplit('/', 1)[1]}.part"


@pytest.fixture
def killable(harness: Harness, station: Station, tmp_path: Path) -> Iterator[Killable]:
    server = Killable(harness, tmp_path / "server", station.token)
    try:
        yield server
    finally:
        server.server.stop()


def _create(client: httpx.Client, data: bytes) -> str:
    response = client.post("/api/v1/uploads", headers=upload_headers(data))
    assert response.status_code == 201, response.text
    return response.headers["Location"]


def _patch(client: httpx.Client, location: str, data: bytes, offset: int, size: int) -> int:
    chunk = data[offset : offset + size]
    response = client.patch(location, content=chunk, headers=patch_headers(offset, chunk))
    assert response.status_code == 204, response.text
    return int(response.headers["Upload-Offset"])


def _head(client: httpx.Client, location: str) -> int:
    response = client.head(location, headers=TUS)
    assert response.status_code == 200, response.text
    return int(response.headers["Upload-Offset"])


def _settled_offset(client: httpx.Client, location: str, at_least: int) -> int:
    """HEAD until the server has dealt with a dropped PATCH (until then it answers less)."""
    deadline = time.monotonic() + 20
    offset = _head(client, location)
    while offset < at_least and time.monotonic() < deadline:
        time.sleep(0.05)
        offset = _head(client, location)
    return offset


def _recorded(harness: Harness, location: str) -> int:
    with harness.db.read() as session:
        row = session.get(Upload, location.rsplit("/", 1)[1])
        assert row is not None
        return row.offset


def _finish(client: httpx.Client, location: str, data: bytes) -> None:
    """Resume as a station does: ask the offset, send the rest, check what is stored."""
    offset = _head(client, location)
    while offset < len(data):
        offset = _patch(client, location, data, offset, MiB)
    stored = client.get(f"/api/v1/attachments/{sha(data)}")
    assert stored.status_code == 200, stored.text
    assert sha(stored.content) == sha(data)


def _cut_off(
    base_url: str, token: str, location: str, chunk: bytes, offset: int, cut: int, checksum: bool
) -> socket.socket:
    """Start a PATCH of ``chunk`` at ``offset`` and deliver only ``cut`` bytes of it."""
    url = urlsplit(base_url)
    head = (
        f"PATCH {location} HTTP/1.1\r\nHost: {url.netloc}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: {p.UPLOAD_CONTENT_TYPE}\r\nTus-Resumable: {p.TUS_VERSION}\r\n"
        + (f"Upload-Checksum: {p.chunk_checksum(chunk)}\r\n" if checksum else "")
        + f"Upload-Offset: {offset}\r\nContent-Length: {len(chunk)}\r\n\r\n"
    ).encode()
    sock = socket.create_connection((url.hostname, url.port))
    sock.sendall(head + chunk[:cut])
    return sock


def test_server_killed_between_chunks_resumes_at_what_it_holds(
    harness: Harness, killable: Killable
) -> None:
    data = os.urandom(5 * MiB + 4321)
    with killable.client() as client:
        location = _create(client, data)
        offset = 0
        for _ in range(3):
            offset = _patch(client, location, data, offset, MiB)
    assert offset == 3 * MiB
    # The record is only a checkpoint, behind what was acknowledged.
    assert _recorded(harness, location) < offset
    killable.kill_and_restart()
    with killable.client() as client:
        assert _head(client, location) == 3 * MiB
        # A PATCH at the stale checkpoint is refused with the true offset.
        stale = data[:MiB]
        refused = client.patch(location, content=stale, headers=patch_headers(0, stale))
        assert refused.status_code == 409
        assert refused.headers["Upload-Offset"] == str(3 * MiB)
        _finish(client, location, data)


@pytest.mark.parametrize("checksum", [True, False])
def test_server_killed_mid_chunk_resumes_and_the_file_verifies(
    harness: Harness, killable: Killable, checksum: bool
) -> None:
    data = os.urandom(4 * MiB + 99)
    with killable.client() as client:
        location = _create(client, data)
        offset = _patch(client, location, data, 0, MiB)
        offset = _patch(client, location, data, offset, MiB)
    chunk = data[offset : offset + MiB]
    sock = _cut_off(
        killable.server.base_url, killable.token, location, chunk, offset, 300_000, checksum
    )
    try:
        written = _settled_size(killable.part(location), above=offset)
        assert offset < written <= offset + 300_000  # the server is mid-chunk
        killable.kill_and_restart()
    finally:
        sock.close()
    with killable.client() as client:
        # What reached the file before the kill is a prefix of the upload:
        # the server resumes from it, and the whole file is checked at the end.
        assert _head(client, location) == written
        _finish(client, location, data)


def _settled_size(path: Path, above: int) -> int:
    """The file's size once it has grown past ``above`` and stopped growing."""
    deadline = time.monotonic() + 20
    size, steady_since = path.stat().st_size, time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        now = path.stat().st_size
        if now != size:
            size, steady_since = now, time.monotonic()
        elif size > above and time.monotonic() - steady_since > 0.5:
            return size
    pytest.fail(f"{path.name} did not settle above {above} bytes (at {size})")


@pytest.mark.parametrize("checksum", [True, False])
def test_client_killed_mid_chunk_resumes_at_the_right_offset(
    harness: Harness, station: Station, checksum: bool
) -> None:
    data = os.urandom(3 * MiB + 5)
    client = station.client
    location = _create(client, data)
    offset = _patch(client, location, data, 0, MiB)
    offset = _patch(client, location, data, offset, MiB)
    assert _recorded(harness, location) < offset
    chunk = data[offset : offset + MiB]
    sock = _cut_off(harness.base_url, station.token, location, chunk, offset, 200_000, checksum)
    time.sleep(0.2)
    sock.close()  # the station dies mid-chunk
    # With a checksum the cut chunk cannot be trusted and is dropped; without
    # one, tus keeps the bytes that arrived.
    expected = offset if checksum else offset + 200_000
    assert _settled_offset(client, location, expected) == expected
    _finish(client, location, data)


def test_a_crash_after_the_last_byte_goes_back_to_the_checkpoint(
    harness: Harness, killable: Killable
) -> None:
    """Every byte on disk, the completion not committed: never "all there" unverified."""
    data = os.urandom(2 * MiB + 7)
    with killable.client() as client:
        location = _create(client, data)
        _patch(client, location, data, 0, MiB)
    killable.part(location).write_bytes(data)  # the rest written, then the crash
    killable.kill_and_restart()
    with killable.client() as client:
        held = _head(client, location)
        assert held == _recorded(harness, location) < len(data)
        _finish(client, location, data)


def test_a_whole_file_creation_cut_off_leaves_nothing_behind(
    harness: Harness, station: Station
) -> None:
    """Nobody was given its address, so neither its row nor its bytes are kept."""
    data = os.urandom(MiB)
    uploads_dir = harness.server.data_dir / "uploads"
    before = set(uploads_dir.iterdir()) if uploads_dir.exists() else set()
    url = urlsplit(harness.base_url)
    headers = {
        **upload_headers(data),
        "Content-Type": p.UPLOAD_CONTENT_TYPE,
        "Upload-Checksum": p.chunk_checksum(data),
        "Authorization": f"Bearer {station.token}",
        "Content-Length": str(len(data)),
    }
    head = f"POST /api/v1/uploads HTTP/1.1\r\nHost: {url.netloc}\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in headers.items()
    )
    with socket.create_connection((url.hostname, url.port)) as sock:
        sock.sendall(f"{head}\r\n".encode() + data[:400_000])
        time.sleep(0.3)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        left = set(uploads_dir.iterdir()) - before
        if not left:
            break
        time.sleep(0.05)
    assert not left, left
    with harness.db.read() as session:
        rows = session.query(Upload).filter(Upload.sha256 == sha(data)).count()
    assert rows == 0
    # The station sends it again from a new upload, in one request.
    created = station.client.post(
        "/api/v1/uploads",
        content=data,
        headers={
            **upload_headers(data),
            "Content-Type": p.UPLOAD_CONTENT_TYPE,
            "Upload-Checksum": p.chunk_checksum(data),
        },
    )
    assert created.status_code == 201, created.text
    assert created.headers["Upload-Offset"] == str(len(data))
    assert sha(station.client.get(f"/api/v1/attachments/{sha(data)}").content) == sha(data)
