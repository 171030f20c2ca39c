"""Resumable upload of stored files to the central server (tus 1.0.0).

The server is asked which hashes it lacks; each missing file goes up in
bounded chunks with a per-chunk SHA-256, from the offset the server says it
holds. The station keeps the rules any tus client keeps: a new upload starts
at offset 0, ``HEAD`` tells where to resume, 409 or 460 means "ask again and
resend", 404/410 means the upload is gone and a new one starts, and a whole
file that does not match its hash (422) is sent again from a new upload. The
upload address is saved as soon as the server creates it, so a station
killed mid-file resumes where it stopped, not from zero.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select

from app.capture.store import AttachmentStore
from app.infra import clock
from app.sync import protocol as p
from app.sync.transport import SyncError, Transport
from db.engine import Database
from db.models import Attachment, DossierResult, UploadState

CHUNK = 1024 * 1024
MISSING_BATCH = 500
SAVE_EVERY = 8  # chunks between saved offsets; the server's HEAD is the truth anyway
WORKERS = 4
TUS = {"Tus-Resumable": p.TUS_VERSION}


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
    with db.write() as session:
        row = session.get(UploadState, sha)
        if row is None:
            row = UploadState(sha256=sha, size=size, offset=0, updated_at=now)
            session.add(row)
        for key, value in changes.items():
            setattr(row, key, value)
        row.updated_at = now


def _saved_url(db: Database, sha: str) -> str | None:
    with db.read() as session:
        row = session.get(UploadState, sha)
        return row.upload_url if row else None


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
    for start in range(0, len(files), MISSING_BATCH):
        batch = files[start : start + MISSING_BATCH]
        body = transport.call(
            "POST", "/attachments/missing", json={"hashes": [sha for sha, _ in batch]}
        )
        missing = set(body.get("missing", []))
        now = clock.now()
        for sha, size in batch:
            if sha not in missing:
                _state(db, sha, size, now, uploaded_at=now, offset=size, upload_url=None)
        todo = [(sha, size) for sha, size in batch if sha in missing]
        sent += _upload_parallel(db, transport, store, todo, progress, workers)
    return sent


def _upload_parallel(db, transport, store, todo, progress, workers: int) -> int:
    if workers <= 1 or len(todo) <= 1:
        return sum(_upload_one(db, transport, store, sha, size, progress) for sha, size in todo)
    queue = iter(todo)
    lock = threading.Lock()
    failed: list[BaseException] = []
    totals: list[int] = []

    def work() -> None:
        own = transport.clone()
        sent = 0
        try:
            while not failed:
                with lock:
                    item = next(queue, None)
                if item is None:
                    break
                sent += _upload_one(db, own, store, item[0], item[1], progress)
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


def _create(transport: Transport, sha: str, size: int) -> tuple[str, int]:
    """A new upload and its offset, which tus creation makes 0."""
    resp = transport.raw(
        "POST",
        f"{p.API_PREFIX}/uploads",
        headers={
            **TUS,
            "Upload-Length": str(size),
            "Upload-Metadata": p.encode_upload_metadata({"sha256": sha}),
        },
    )
    return resp.headers["Location"], 0


def _offset(transport: Transport, url: str) -> int | None:
    resp = transport.raw("HEAD", url, headers=TUS, expect=(404, 410))
    if resp.status_code in (404, 410):
        return None  # expired or unknown: start a new upload
    return int(resp.headers["Upload-Offset"])


def _upload_one(db, transport, store, sha, size, progress) -> int:
    # Read through the store so a damaged local copy is never sent as if fine.
    data = store.read(sha)
    url = _saved_url(db, sha)
    offset = _offset(transport, url) if url else None
    if offset is None:
        url, offset = _create(transport, sha, size)
        _state(db, sha, size, clock.now(), upload_url=url, offset=offset)
    sent = 0
    chunks = 0
    retries = 0
    while offset < size:
        chunk = data[offset : offset + CHUNK]
        resp = transport.raw(
            "PATCH",
            url,
            data=chunk,
            headers={
                **TUS,
                "Upload-Offset": str(offset),
                "Content-Type": p.UPLOAD_CONTENT_TYPE,
                "Upload-Checksum": p.chunk_checksum(chunk),
            },
            expect=(409, p.CHECKSUM_MISMATCH, 404, 410, 422),
        )
        if resp.status_code in (409, p.CHECKSUM_MISMATCH, 404, 410, 422):
            retries += 1
            if retries > 5:
                raise SyncError(
                    "upload_stuck",
                    f"Tải tệp {sha[:12]}… lên máy chủ không tiến triển; sẽ thử lại sau.",
                    f"Upload of {sha[:12]}… is not progressing; will retry later.",
                    retry=True,
                )
            gone = resp.status_code in (404, 422)  # 422: the whole file failed; upload dropped
            current = None if gone else _offset(transport, url)
            if current is None:
                url, current = _create(transport, sha, size)
                _state(db, sha, size, clock.now(), upload_url=url, offset=current)
            offset = current
            continue
        offset = int(resp.headers.get("Upload-Offset", offset + len(chunk)))
        sent += len(chunk)
        chunks += 1
        if progress:
            progress(len(chunk))
        if chunks % SAVE_EVERY == 0:
            _state(db, sha, size, clock.now(), offset=offset)
    _state(db, sha, size, clock.now(), offset=size, uploaded_at=clock.now(), upload_url=None)
    return sent
