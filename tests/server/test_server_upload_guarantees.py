"""What the upload path promises however it is made fast.

Every byte checked, each chunk against its own checksum and the whole file
against its SHA-256; a file acknowledged only once it is on disk and counted;
offsets exact after a crash; manifests completed and frozen exactly once.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select, text
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
from server import storage, uploads
from server.common import now
from server.config import Settings
from server.db import Database
from server.models import Blob, ManifestItem, Upload
from server.storage import BlobStore, ChunkSink

MiB = 1024 * 1024


def _create(station: Station, data: bytes) -> str:
    response = station.client.post("/api/v1/uploads", headers=upload_headers(data))
    assert response.status_code == 201, response.text
    return response.headers["Location"]


def _offset(station: Station, location: str) -> int:
    response = station.client.head(location, headers={"Tus-Resumable": p.TUS_VERSION})
    assert response.status_code == 200, response.text
    return int(response.headers["Upload-Offset"])


def _manifest_event(ev: dict, files: list[bytes]) -> dict:
    manifest = [
        {
            "component_index": i + 1,
            "sha256": sha(data),
            "size": len(data),
            "pages": 1,
            "mime": "application/pdf",
        }
        for i, data in enumerate(files)
    ]
    return event(
        "dossier.attachments",
        ev["dossier_uuid"],
        {"dossier_uuid": ev["dossier_uuid"], "code": code_of(ev), "manifest": manifest},
    )


@pytest.mark.parametrize("first", [MiB, 100_000])
def test_damaged_first_chunk_is_refused(station: Station, first: int) -> None:
    """The first chunk's checksum shares the file's running hash; it still guards the chunk."""
    data = os.urandom(MiB)
    location = _create(station, data)
    chunk = data[:first]
    damaged = bytearray(chunk)
    damaged[-1] ^= 0x01
    response = station.client.patch(
        location, content=bytes(damaged), headers=patch_headers(0, chunk)
    )
    assert response.status_code == p.CHECKSUM_MISMATCH
    assert response.json()["error"]["code"] == "checksum_mismatch"
    assert _offset(station, location) == 0
    upload(station, data, chunk=first)
    assert station.client.get(f"/api/v1/attachments/{sha(data)}").content == data


def test_bytes_past_the_recorded_offset_are_cut_back(harness: Harness, station: Station) -> None:
    """A crash after the last byte reached the file but before the completion committed."""
    data = os.urandom(200_000)
    location = _create(station, data)
    upload_id = location.rsplit("/", 1)[1]
    part = harness.server.data_dir / "uploads" / f"{upload_id}.part"
    part.write_bytes(data)  # every byte written, nothing recorded
    assert _offset(station, location) == 0  # never "all there" before it is verified
    with harness.db.read() as session:
        row = session.get(Upload, upload_id)
        assert row is not None and row.completed_at is None and row.offset == 0
    response = station.client.patch(location, content=data, headers=patch_headers(0, data))
    assert response.status_code == 204, response.text
    assert response.headers["Upload-Offset"] == str(len(data))
    assert station.client.get(f"/api/v1/attachments/{sha(data)}").content == data


def test_one_file_completes_every_dossier_waiting_for_it(
    harness: Harness, station: Station
) -> None:
    shared, own = os.urandom(40_000), os.urandom(30_000)
    first, second = received(station), received(station)
    results = station.push(
        first,
        _manifest_event(first, [shared]),
        second,
        _manifest_event(second, [shared, own]),
    )
    assert [r["outcome"] for r in results] == ["applied"] * 4
    upload(station, shared)
    upload(station, own)
    progress = [c for c in station.changes() if c["kind"] == "progress"]
    assert sorted(c["payload"]["code"] for c in progress) == sorted(
        [code_of(first), code_of(second)]
    )
    with harness.db.read() as session:
        frozen = session.scalars(
            select(ManifestItem.frozen).where(ManifestItem.sha256.in_([sha(shared), sha(own)]))
        ).all()
        blobs = session.scalars(
            select(Blob.frozen).where(Blob.sha256.in_([sha(shared), sha(own)]))
        ).all()
    assert frozen == [True, True, True]
    assert blobs == [True, True]


def test_a_manifest_frozen_earlier_in_the_same_batch_stays_frozen(station: Station) -> None:
    held, other = os.urandom(20_000), os.urandom(20_000)
    upload(station, held)
    ev = received(station)
    results = station.push(ev, _manifest_event(ev, [held]), _manifest_event(ev, [other]))
    assert [r["outcome"] for r in results] == ["applied", "applied", "rejected"]
    assert "khóa" in results[2]["message"]


def test_durable_and_lossy_writes(harness: Harness) -> None:
    db = harness.db
    if db.is_sqlite:
        probe, durable, lossy = "PRAGMA synchronous", {2}, {1}  # FULL, NORMAL
    else:
        probe, durable, lossy = "SHOW synchronous_commit", {"on"}, {"off"}
    for _ in range(3):  # the same pooled connections, switched back and forth
        with db.write() as session:
            assert session.execute(text(probe)).scalar() in durable
        with db.write(durable=False) as session:
            assert session.execute(text(probe)).scalar() in lossy
    with db.write() as session:
        assert session.execute(text(probe)).scalar() in durable


def test_concurrent_sqlite_writers_queue_instead_of_failing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    db = Database(settings.database_url)
    with db.write() as session:
        session.execute(text("CREATE TABLE counter (n INTEGER)"))
        session.execute(text("INSERT INTO counter VALUES (0)"))
    errors: list[BaseException] = []

    def bump() -> None:
        try:
            for _ in range(25):
                with db.write(durable=False) as session:
                    n = session.execute(text("SELECT n FROM counter")).scalar_one()
                    session.execute(text("UPDATE counter SET n = :n"), {"n": n + 1})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.read() as session:
        assert session.execute(text("SELECT n FROM counter")).scalar_one() == 200
    db.dispose()


def test_installed_file_and_new_directories_are_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path)
    settings.ensure_dirs()
    store = BlobStore(settings)
    synced: list[Path] = []
    monkeypatch.setattr(storage, "_fsync_dir", synced.append)
    data = os.urandom(5000)
    digest = sha(data)
    sink = ChunkSink(
        store.part_path("u1"), 0, chunk_hash="sha256", running=store.running_hash("u1", 0)
    )
    sink.write(data)
    assert sink.chunk_digest() == bytes.fromhex(digest)
    sink.close()
    store.install("u1", digest)
    target = store.path_for(digest)
    assert target.read_bytes() == data
    assert not store.part_path("u1").exists()
    # The file's directory, then the entries of the two directories made for it.
    assert synced == [target.parent, target.parent.parent, settings.attachments_dir]
    synced.clear()
    # A second file in the same directories: only that directory is synced.
    other = next(
        candidate
        for candidate in (n.to_bytes(4, "big") for n in range(1 << 24))
        if sha(candidate)[:4] == digest[:4]
    )
    second = ChunkSink(store.part_path("u2"), 0, chunk_hash=None, running=None)
    second.write(other)
    second.close()
    store.install("u2", sha(other))
    assert store.path_for(sha(other)).parent == target.parent
    assert synced == [target.parent]


def test_completions_that_arrive_together_share_one_commit() -> None:
    """Group commit: while one commit runs, the completions arriving wait and go in the next."""
    group = uploads._Group()
    batches: list[list[str]] = []
    first_running, release = threading.Event(), threading.Event()

    def commit(batch: list[uploads._Completion]) -> None:
        batches.append([item.state.id for item in batch])
        if len(batches) == 1:
            first_running.set()
            assert release.wait(10)
        for item in batch:
            if item.state.id == "gone":
                item.error = ValueError("ended meanwhile")

    def completion(upload_id: str) -> uploads._Completion:
        state = uploads.UploadState(upload_id, "0" * 64, 1, 1, now(), False)
        return uploads._Completion(station=None, state=state)  # type: ignore[arg-type]

    errors: dict[str, BaseException] = {}

    def run(upload_id: str) -> None:
        try:
            group.run(completion(upload_id), commit)
        except ValueError as exc:
            errors[upload_id] = exc

    leader = threading.Thread(target=run, args=("a",))
    leader.start()
    assert first_running.wait(10)
    others = [threading.Thread(target=run, args=(name,)) for name in ("b", "gone", "c")]
    for thread in others:
        thread.start()
    deadline = time.monotonic() + 10
    while len(group._queue) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    release.set()
    for thread in (leader, *others):
        thread.join(10)
    assert batches[0] == ["a"]
    assert sorted(batches[1]) == ["b", "c", "gone"] and len(batches) == 2
    assert list(errors) == ["gone"]  # one failure stays its own


def test_files_completing_at_once_each_complete_their_dossier(
    harness: Harness, station: Station
) -> None:
    files = [os.urandom(300_000 + i) for i in range(8)]
    events = []
    for data in files:
        ev = received(station)
        events += [ev, _manifest_event(ev, [data])]
    assert {r["outcome"] for r in station.push(*events)} == {"applied"}
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda data: upload(station, data, chunk=len(data)), files))
    progress = [c for c in station.changes() if c["kind"] == "progress"]
    assert sorted(c["payload"]["code"] for c in progress) == sorted(
        code_of(ev) for ev in events[::2]
    )
    for data in files:
        assert station.client.get(f"/api/v1/attachments/{sha(data)}").content == data
