"""Resumable upload of stored files to the central server (tus 1.0.0).

The server is asked which hashes it lacks; each missing file goes up in
bounded chunks with a per-chunk SHA-256, from the offset the server says it
holds. The station keeps the rules any tus client keeps: ``HEAD`` tells where
to resume, 409 or 460 means "ask again and resend", 404/410 means the upload
is gone and a new one starts, and a whole file that does not match its hash
(422) is sent again from a new upload once the local copy is known intact.

A new upload carries its first chunk (tus creation-with-upload), so a file
that fits in one chunk costs one request. The chunk starts at ``CHUNK`` and
doubles while chunks go fast, so a fast link spends its time on bytes rather
than on round trips, while what a cut loses stays a fraction of a second of
the link. Each byte is hashed once here (the chunk's checksum; a file sent
whole uses its own name) and checked by the server against the file's hash.

The upload address of a file sent in several chunks is saved as soon as the
server creates it, and its offset every few chunks, so a station killed
mid-file resumes where it stopped, not from zero. Finished files are recorded
together every few files: one lost in a crash is found held on the server by
the next round and not sent again.
"""

from __future__ import annotations

import base64
import hashlib
import mmap
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.capture.store import AttachmentStore
from app.infra import clock
from app.sync import protocol as p
from app.sync.transport import SyncError, Transport
from db.engine import Database
from db.models import Attachment, DossierResult, UploadState

CHUNK = 1024 * 1024  # the first chunk of a connection
MAX_CHUNK = 16 * 1024 * 1024
FAST_CHUNK_SECONDS = 0.25  # a full chunk answered sooner doubles the next
SLOW_CHUNK_SECONDS = 2.0  # one answered later halves it (not below CHUNK)
MISSING_BATCH = 500
SAVE_EVERY = 8  # chunks between saved offsets; the server's HEAD is the truth anyway
DONE_EVERY = 32  # finished files recorded together
WORKERS = 4
TUS = {"Tus-Resumable": p.TUS_VERSION}
REFUSED = (409, p.CHECKSUM_MISMATCH, 404, 410, 422)


def _pending_files(db: Database) -> list[tuple[str, int]]:
    with db.read() as session:
        done = select(UploadState.sha256).where(UploadState.uploaded_at.is_not(None))
        rows = session.execute(
            select(Attachment.sha256, func.max(Attachment.size))
            .where(Attachment.sha256.not_in(done))
            .group_by(Attachment.sha256)
            .order_by(func.min(Attachment.id))
        ).all()
        # Digitized results travel the same way, after the components.
        results = session.execute(
            select(DossierResult.sha256, func.max(DossierResult.size))
            .where(DossierResult.sha256.not_in(done))
            .group_by(DossierResult.sha256)
            .order_by(func.min(DossierResult.id))
        ).all()
    files = [(sha, size) for sha, size in rows]
    seen = {sha for sha, _size in files}
    files.extend((sha, size) for sha, size in results if sha not in seen)
    return files


def bytes_left(db: Database) -> int:
    """What still has to travel, for the status bar."""
    files = _pending_files(db)
    if not files:
        return 0
    with db.read() as session:
        offsets = dict(
            session.execute(
                select(UploadState.sha256, UploadState.offset).where(
                    UploadState.sha256.in_([sha for sha, _ in files])
                )
            ).all()
        )
    return sum(size - offsets.get(sha, 0) for sha, size in files)


def _state(db: Database, sha: str, size: int, now: datetime, **changes) -> None:
    _states(db, [(sha, size)], now, **changes)


def _states(
    db: Database, files: list[tuple[str, int]], now: datetime, *, done: bool = False, **changes
) -> None:
    """The same change to the upload state of several files, in one transaction.

    ``done``: the server holds them whole (offset at the size, no address).
    """
    if not files:
        return
    with db.write() as session:
        rows = {
            row.sha256: row
            for row in session.scalars(
                select(UploadState).where(UploadState.sha256.in_([sha for sha, _ in files]))
            )
        }
        for sha, size in files:
            row = rows.get(sha)
            if row is None:
                row = rows[sha] = UploadState(sha256=sha, size=size, offset=0, updated_at=now)
                session.add(row)
            if done:
                row.offset, row.uploaded_at, row.upload_url = size, now, None
            for key, value in changes.items():
                setattr(row, key, value)
            row.updated_at = now


def _saved_urls(db: Database, shas: list[str]) -> dict[str, str]:
    with db.read() as session:
        return dict(
            session.execute(
                select(UploadState.sha256, UploadState.upload_url).where(
                    UploadState.sha256.in_(shas), UploadState.upload_url.is_not(None)
                )
            ).all()
        )


class _Finished:
    """Files the server has stored, recorded together (a lost record costs a question)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.lock = threading.Lock()
        self.files: list[tuple[str, int]] = []

    def add(self, sha: str, size: int) -> None:
        with self.lock:
            self.files.append((sha, size))
            due = len(self.files) >= DONE_EVERY
        if due:
            self.flush()

    def flush(self) -> None:
        with self.lock:
            files, self.files = self.files, []
        _states(self.db, files, clock.now(), done=True)


class _Pace:
    """The chunk size of one connection: doubles on fast answers, halves on slow ones."""

    def __init__(self) -> None:
        self.size = CHUNK

    def took(self, sent: int, seconds: float) -> None:
        if sent >= self.size and seconds < FAST_CHUNK_SECONDS:
            self.size = min(self.size * 2, max(MAX_CHUNK, CHUNK))
        elif seconds > SLOW_CHUNK_SECONDS and self.size > CHUNK:
            self.size = max(self.size // 2, CHUNK)


def upload_all(
    db: Database,
    transport: Transport,
    store: AttachmentStore,
    *,
    progress: Callable[[int], None] | None = None,
    workers: int = WORKERS,
) -> int:
    """Upload every stored file the server lacks; returns the bytes sent.

    A few files travel at once: on a link with a long round trip, one file
    at a time would leave the line idle while each request waits for its
    answer, and on a fast one the server's writes to disk overlap.
    """
    files = _pending_files(db)
    sent = 0
    finished = _Finished(db)
    try:
        for start in range(0, len(files), MISSING_BATCH):
            batch = files[start : start + MISSING_BATCH]
            body = transport.call(
                "POST", "/attachments/missing", json={"hashes": [sha for sha, _ in batch]}
            )
            missing = set(body.get("missing", []))
            for sha, size in batch:
                if sha not in missing:
                    finished.files.append((sha, size))
            finished.flush()
            todo = [(sha, size) for sha, size in batch if sha in missing]
            urls = _saved_urls(db, [sha for sha, _ in todo])
            sent += _upload_parallel(db, transport, store, todo, urls, progress, workers, finished)
    finally:
        finished.flush()
    return sent


def _upload_parallel(db, transport, store, todo, urls, progress, workers, finished) -> int:
    if workers <= 1 or len(todo) <= 1:
        pace = _Pace()
        return sum(
            _upload_one(db, transport, store, sha, size, urls.get(sha), progress, pace, finished)
            for sha, size in todo
        )
    queue = iter(todo)
    lock = threading.Lock()
    failed: list[BaseException] = []
    totals: list[int] = []

    def work() -> None:
        own = transport.clone()
        pace = _Pace()
        sent = 0
        try:
            while not failed:
                with lock:
                    item = next(queue, None)
                if item is None:
                    break
                sha, size = item
                sent += _upload_one(
                    db, own, store, sha, size, urls.get(sha), progress, pace, finished
                )
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            failed.append(exc)
        finally:
            totals.append(sent)
            own.close()

    threads = [
        threading.Thread(target=work, name=f"motcua-upload-{i}")
        for i in range(min(workers, len(todo)))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failed:
        raise failed[0]
    return sum(totals)


def _offset(transport: Transport, url: str) -> int | None:
    resp = transport.raw("HEAD", url, headers=TUS, expect=(404, 410))
    if resp.status_code in (404, 410):
        return None  # expired or unknown: start a new upload
    return int(resp.headers["Upload-Offset"])


def _checksum(chunk: bytes, sha: str, size: int) -> str:
    """``Upload-Checksum`` of a chunk: a whole file's is its name, no need to hash it."""
    if len(chunk) == size:
        return "sha256 " + base64.b64encode(bytes.fromhex(sha)).decode("ascii")
    return "sha256 " + base64.b64encode(hashlib.sha256(chunk).digest()).decode("ascii")


def _stuck(sha: str) -> SyncError:
    return SyncError(
        "upload_stuck",
        f"Tải tệp {sha[:12]}… lên máy chủ không tiến triển; sẽ thử lại sau.",
        f"Upload of {sha[:12]}… is not progressing; will retry later.",
        retry=True,
    )


def _upload_one(db, transport, store, sha, size, url, progress, pace, finished) -> int:
    # Unchecked here: the server checks every byte against the hash, and a
    # refusal that could mean a damaged local copy has the copy checked.
    data = store.read(sha, verify=False)
    if len(data) != size:
        store.read(sha)  # raises if the copy is damaged
        size = len(data)
    offset = _offset(transport, url) if url else None
    sent = chunks = refusals = 0
    while offset is None or offset < size:
        at = offset or 0
        chunk = data[at : at + pace.size]
        headers = {
            **TUS,
            "Content-Type": p.UPLOAD_CONTENT_TYPE,
            "Upload-Checksum": _checksum(chunk, sha, size),
        }
        began = time.perf_counter()
        if offset is None:
            headers["Upload-Length"] = str(size)
            headers["Upload-Metadata"] = p.encode_upload_metadata({"sha256": sha})
            resp = transport.raw(
                "POST", f"{p.API_PREFIX}/uploads", data=chunk, headers=headers, expect=(422,)
            )
        else:
            headers["Upload-Offset"] = str(offset)
            resp = transport.raw("PATCH", url, data=chunk, headers=headers, expect=REFUSED)
        pace.took(len(chunk), time.perf_counter() - began)
        if resp.status_code in (201, 204):
            if resp.status_code == 201:
                url = resp.headers["Location"]
            held = int(resp.headers.get("Upload-Offset", at + len(chunk)))
            if held > at:
                sent += held - at
                chunks += 1
                if progress:
                    progress(held - at)
            if held < size and (resp.status_code == 201 or chunks % SAVE_EVERY == 0):
                _state(db, sha, size, clock.now(), upload_url=url, offset=held)
            offset = held
            continue
        refusals += 1
        if resp.status_code in (p.CHECKSUM_MISMATCH, 422):
            store.read(sha)  # a damaged local copy is said so, and never sent again
        if refusals > 5:
            raise _stuck(sha)
        # 422: the whole file failed and the upload was dropped; 404/410: gone.
        gone = resp.status_code in (404, 410, 422)
        offset = None if gone else _offset(transport, url)
    finished.add(sha, size)
    return sent


class _FileSource:
    """A file outside the attachment store (a backup), read as a stored one is.

    Mapped rather than read: a backup may be larger than the memory to spare,
    and the upload only ever slices one chunk of it at a time.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = None
        self._map: mmap.mmap | None = None

    def read(self, sha256: str, *, verify: bool = True):
        if self._map is None:
            self._file = open(self.path, "rb")  # noqa: SIM115 - closed by close()
            self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        if verify:
            digest = hashlib.sha256()
            for at in range(0, len(self._map), 1 << 20):
                digest.update(self._map[at : at + (1 << 20)])
            if digest.hexdigest() != sha256:
                raise SyncError(
                    "file_changed",
                    f"Tệp {self.path.name} đã thay đổi trong khi tải lên; sẽ thử lại sau.",
                    f"{self.path.name} changed while being uploaded; will retry later.",
                    retry=True,
                )
        return self._map

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
        if self._file is not None:
            self._file.close()


def upload_file(
    db: Database,
    transport: Transport,
    path: Path,
    sha256: str,
    size: int,
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Upload one file the server lacks through the same resumable path; returns bytes sent.

    A file the office already holds on the server sends nothing.
    """
    body = transport.call("POST", "/attachments/missing", json={"hashes": [sha256]})
    if sha256 not in set(body.get("missing", [])):
        return 0
    finished = _Finished(db)
    source = _FileSource(path)
    try:
        return _upload_one(
            db,
            transport,
            source,
            sha256,
            size,
            _saved_urls(db, [sha256]).get(sha256),
            progress,
            _Pace(),
            finished,
        )
    finally:
        finished.flush()
        source.close()
