"""Resumable uploads and the office's view of the attachment store.

A file counts for an office only once that office has uploaded every byte of
it and the server has checked the bytes against the SHA-256 they were
announced with. Offices never learn about each other's files: ``missing``
and download look only at files the asking office has proved it holds.
"""

from __future__ import annotations

import logging
import secrets
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from server.auth import StationContext
from server.common import ApiError, now
from server.config import Settings
from server.db import Database
from server.dossiers import lock_office, refresh_completeness
from server.models import Blob, BlobOffice, Dossier, ManifestItem, Upload
from server.storage import BlobStore, sha256_file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UploadState:
    id: str
    sha256: str
    length: int
    offset: int
    expires_at: datetime
    completed: bool
    # Upload-Metadata as the client sent it, echoed by HEAD.
    metadata: str | None = None
    # False while a creation that carries the whole file has not written the
    # upload's row: the completion writes it (see create_upload).
    recorded: bool = True


def _state(upload: Upload) -> UploadState:
    return UploadState(
        upload.id,
        upload.sha256,
        upload.length,
        upload.offset,
        upload.expires_at,
        upload.completed_at is not None,
        upload.upload_metadata,
    )


# The statements of the upload path, which runs for every file a station
# sends, are built once; each call only binds its values.
_UPLOADS = Upload.__table__
_STATE_COLUMNS = (
    _UPLOADS.c.id,
    _UPLOADS.c.sha256,
    _UPLOADS.c.length,
    _UPLOADS.c.offset,
    _UPLOADS.c.expires_at,
    _UPLOADS.c.completed_at.is_not(None),
    _UPLOADS.c.upload_metadata,
)
_UPLOAD_BY_ID = select(*_STATE_COLUMNS, _UPLOADS.c.office_id).where(
    _UPLOADS.c.id == bindparam("upload_id")
)
_NEW_UPLOAD = insert(_UPLOADS)
_SET_OFFSET = (
    update(_UPLOADS)
    .where(
        _UPLOADS.c.id == bindparam("upload_id"),
        _UPLOADS.c.office_id == bindparam("office"),
        _UPLOADS.c.completed_at.is_(None),
    )
    .values(offset=bindparam("new_offset"))
)
_SET_COMPLETE = (
    update(_UPLOADS)
    .where(_UPLOADS.c.id == bindparam("upload_id"), _UPLOADS.c.office_id == bindparam("office"))
    .values(offset=bindparam("new_offset"), completed_at=bindparam("stamp"))
)
# INSERT unless a row with the same primary key exists, per dialect.
_ADD_BLOB = {
    "postgresql": postgresql.insert(Blob.__table__).on_conflict_do_nothing(),
    "sqlite": sqlite.insert(Blob.__table__).on_conflict_do_nothing(),
}
_ADD_BLOB_OFFICE = {
    "postgresql": postgresql.insert(BlobOffice.__table__).on_conflict_do_nothing(),
    "sqlite": sqlite.insert(BlobOffice.__table__).on_conflict_do_nothing(),
}
# The office's dossiers still waiting for files whose manifest names this one.
_WAITING = select(Dossier).where(
    Dossier.office_id == bindparam("office_id"),
    Dossier.attachments_complete.is_(False),
    Dossier.id.in_(
        select(ManifestItem.dossier_id).where(ManifestItem.sha256 == bindparam("sha256"))
    ),
)


def _gone() -> ApiError:
    return ApiError(
        410,
        "upload_expired",
        "Phiên tải lên đã hết hạn; hãy bắt đầu tải lại từ đầu.",
        "The upload has expired; start it again.",
    )


def _unknown() -> ApiError:
    return ApiError(404, "upload_not_found", "Không tìm thấy phiên tải lên.", "No such upload.")


def create_upload(
    db: Database,
    store: BlobStore,
    settings: Settings,
    station: StationContext,
    sha256: str,
    length: int,
    metadata: str | None = None,
    *,
    whole: bool = False,
) -> UploadState:
    """A new upload at offset 0, as tus creation defines it.

    Always new, even for a file the office already holds or has started:
    a standard client sends its first PATCH at offset 0 whatever the
    creation answer says, so anything else would wedge it. A client that
    wants to skip held files asks ``/attachments/missing`` first; one that
    lost an upload's address sends the file again.

    ``whole``: the creation request carries every byte of the file. Its row
    is then written by the transaction that completes it, not before: a
    station sends most files this way, and one write per file instead of
    two keeps creations from queueing behind other files' completions. If
    the file does not complete, :func:`record_new` writes the row after all
    (or, when nobody was given the upload's address, its bytes are dropped).
    """
    # No look at the store here: whether some office holds a file with this
    # hash is no business of the caller, and a wrong length fails the hash
    # check when the last byte arrives anyway.
    stamp = now()
    state = UploadState(
        secrets.token_urlsafe(24),
        sha256,
        length,
        0,
        stamp + timedelta(hours=settings.upload_expiry_hours),
        False,
        metadata,
        recorded=not (whole and length > 0),
    )
    if state.recorded:
        record_new(db, station, state, stamp)
    if length == 0:
        store.create_part(state.id)
        complete_upload(db, store, station, state)
        return get_upload(db, store, station, state.id)
    return state


def record_new(
    db: Database, station: StationContext, state: UploadState, stamp: datetime | None = None
) -> UploadState:
    """Write the row of a new, unfinished upload; returns the state as recorded."""
    # Not durable: should a power cut lose the new upload, the station is
    # told "no such upload" and simply creates another.
    with db.write(durable=False) as session:
        session.execute(_NEW_UPLOAD, _row(station, state, stamp or now(), completed_at=None))
    return replace(state, recorded=True)


def _row(
    station: StationContext, state: UploadState, stamp: datetime, *, completed_at: datetime | None
) -> dict[str, object]:
    return {
        "id": state.id,
        "office_id": station.office_id,
        "station_id": station.station_id,
        "sha256": state.sha256,
        "length": state.length,
        "offset": state.length if completed_at is not None else 0,
        "created_at": stamp,
        "expires_at": state.expires_at,
        "completed_at": completed_at,
        "upload_metadata": state.metadata,
    }


def _load(session: Session, station: StationContext, upload_id: str) -> Upload:
    upload = session.get(Upload, upload_id)
    if upload is None or upload.office_id != station.office_id:
        raise _unknown()
    return upload


def get_upload(
    db: Database,
    store: BlobStore,
    station: StationContext,
    upload_id: str,
    *,
    reconcile: bool = True,
) -> UploadState:
    """The upload as it stands: its offset is what its file holds.

    The recorded offset is only a checkpoint, written every few megabytes
    (see :func:`checkpoint`): the file is the truth. Bytes reach the file
    only at the offset a PATCH was allowed to append at, in the order they
    were sent, so whatever the file holds is a prefix of the upload, even
    after a crash mid-chunk; the SHA-256 of the whole file is checked before
    it counts, so a file that a power cut left with garbage past its last
    flush is refused then, never stored.

    Only a caller holding the upload's lock reconciles; anyone else passes
    ``reconcile=False`` and gets the recorded offset (or less), since the
    file may be growing under a PATCH being written.
    """
    with db.read_rows() as conn:
        row = conn.execute(_UPLOAD_BY_ID, {"upload_id": upload_id}).first()
    if row is None or row.office_id != station.office_id:
        raise _unknown()
    state = UploadState(*row[:-1])
    if state.completed:
        return state
    expired = state.expires_at <= now()
    size = store.part_size(upload_id)
    if not expired and not reconcile:
        return replace(state, offset=min(state.offset, size))
    if not expired and size < state.length and size >= state.offset:
        # The usual case: the file has run ahead of the last checkpoint.
        # Nothing to write; the next checkpoint or the completion records it.
        return replace(state, offset=size)
    if not expired and size >= state.length:
        # Every byte there but no completion committed (a crash while it was
        # verified): only a completed upload may stand at its full length,
        # so go back to the checkpoint and let the station send the rest.
        store.truncate_part(upload_id, state.offset)
        return state
    # Expired, or the file holds less than the checkpoint says (a power cut
    # took unflushed bytes): the record follows. Not durable: after another
    # power cut the two are simply reconciled again.
    with db.write(durable=False) as session:
        upload = _load(session, station, upload_id)
        if expired:
            session.delete(upload)
        else:
            upload.offset = size
        state = _state(upload)
    if expired:
        store.forget(upload_id)
        raise _gone()
    return state


def record_offset(db: Database, station: StationContext, upload_id: str, offset: int) -> None:
    """Remember how many bytes of an unfinished upload the server holds.

    Never the last byte: an upload's offset reaches its length only in the
    transaction that completes it, so "every byte held" always means
    "verified and stored".
    """
    # Losing this in a power cut costs nothing: the offset is reconciled
    # with the file, and the station resumes from what the file holds.
    with db.write(durable=False) as session:
        recorded = session.execute(
            _SET_OFFSET,
            {"upload_id": upload_id, "office": station.office_id, "new_offset": offset},
        )
        if recorded.rowcount != 1:
            raise _unknown()


def checkpoint(
    db: Database, store: BlobStore, station: StationContext, upload_id: str, offset: int
) -> None:
    """Flush the first ``offset`` bytes of an unfinished upload and record them.

    Run in the background every few megabytes rather than for every chunk:
    neither is needed for a correct resume (the file is the truth, see
    :func:`get_upload`), and the completion flushes and verifies the whole
    file before it counts. The flush only spreads the writing out, so the
    last one has little left; the record bounds what a HEAD answers while
    a PATCH is being written. An upload that ended meanwhile has nothing to
    record.
    """
    try:
        store.sync_part(upload_id)
        record_offset(db, station, upload_id, offset)
    except ApiError:
        return  # the upload ended meanwhile
    except (OSError, SQLAlchemyError):
        # Nobody waits for this answer; the next checkpoint tries again.
        log.warning("upload checkpoint failed", exc_info=True)


@dataclass
class _Completion:
    station: StationContext
    state: UploadState
    settled: bool = False
    error: BaseException | None = None


class _Group:
    """Completions that arrive together: one commit for all.

    The first caller commits what is queued; whoever arrives meanwhile waits,
    and the next one free commits everything that gathered. No one waits on
    purpose: a group is what piled up during the previous commit.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._queue: list[_Completion] = []
        self._busy = False

    def run(self, item: _Completion, commit: Callable[[list[_Completion]], None]) -> None:
        with self._cond:
            self._queue.append(item)
            while self._busy and not item.settled:
                self._cond.wait()
            batch: list[_Completion] = []
            if not item.settled:
                self._busy = True
                batch, self._queue = self._queue, []
        if batch:
            try:
                commit(batch)
            except BaseException as exc:  # every completion in the batch failed with it
                for other in batch:
                    other.error = other.error or exc
            finally:
                with self._cond:
                    for other in batch:
                        other.settled = True
                    self._busy = False
                    self._cond.notify_all()
        if item.error is not None:
            raise item.error


_GROUPS: weakref.WeakKeyDictionary[Database, _Group] = weakref.WeakKeyDictionary()
_GROUPS_LOCK = threading.Lock()


def _group(db: Database) -> _Group:
    with _GROUPS_LOCK:
        group = _GROUPS.get(db)
        if group is None:
            group = _GROUPS[db] = _Group()
    return group


def complete_upload(
    db: Database, store: BlobStore, station: StationContext, state: UploadState
) -> None:
    """Verify the whole file, move it into the store and let dossiers count it.

    ``state`` is the upload as the caller holding its lock read it. One
    transaction, committed durably, records the last byte, the verified
    file, the office's claim to it and the dossiers it completes: after a
    crash either all of it holds or the upload is back at its last recorded
    offset (the bytes past it are cut off and sent again). Completions that
    arrive together share that transaction (group commit); each request
    puts its own file on disk first, so those flushes overlap.
    """
    upload_id, sha256 = state.id, state.sha256
    actual = store.final_hash(upload_id, state.length)
    if actual != sha256:
        with db.write() as session:
            session.execute(delete(Upload).where(Upload.id == upload_id))
        store.forget(upload_id)
        # Not 460: a tus client reads that as "this chunk was damaged, send
        # it again", which can never succeed. The upload is gone (HEAD 404),
        # which tells any client to start a new one.
        raise ApiError(
            422,
            "file_hash_mismatch",
            "Tệp nhận được không khớp mã băm SHA-256 đã khai báo; phiên tải lên đã bị hủy, "
            "hãy tải lại từ đầu.",
            "The received file does not match its declared SHA-256; the upload was discarded.",
        )
    store.install(upload_id, sha256)
    _group(db).run(_Completion(station, state), lambda batch: _commit_completions(db, batch))


def _commit_completions(db: Database, batch: list[_Completion]) -> None:
    stamp = now()
    with db.write() as session:
        # Before the manifests are read: a push adding a manifest that names
        # one of these files either committed before the lock was granted,
        # and is seen here, or runs after this commit and sees the file.
        # Several offices are locked in one order, as everywhere.
        for office_id in sorted({item.station.office_id for item in batch}):
            lock_office(session, office_id)
        dialect = session.get_bind().dialect.name
        for item in batch:
            if not _record_completion(session, dialect, item, stamp):
                # Ended meanwhile (cancelled or expired): nothing was written
                # for it, and the others go on.
                item.error = _unknown()


def _record_completion(session: Session, dialect: str, item: _Completion, stamp: datetime) -> bool:
    """Record one verified upload; False, with nothing written, if it no longer exists."""
    office_id, state = item.station.office_id, item.state
    if state.recorded:
        recorded = session.execute(
            _SET_COMPLETE,
            {
                "upload_id": state.id,
                "office": office_id,
                "new_offset": state.length,
                "stamp": stamp,
            },
        )
        if recorded.rowcount != 1:
            return False
    else:
        session.execute(_NEW_UPLOAD, _row(item.station, state, stamp, completed_at=stamp))
    session.execute(
        _ADD_BLOB[dialect],
        {"sha256": state.sha256, "size": state.length, "frozen": False, "created_at": stamp},
    )
    session.execute(
        _ADD_BLOB_OFFICE[dialect],
        {"sha256": state.sha256, "office_id": office_id, "created_at": stamp},
    )
    waiting = session.scalars(_WAITING, {"office_id": office_id, "sha256": state.sha256}).all()
    for dossier in waiting:
        refresh_completeness(session, dossier)
    return True


def delete_upload(db: Database, store: BlobStore, station: StationContext, upload_id: str) -> None:
    with db.write() as session:
        upload = _load(session, station, upload_id)
        if upload.completed_at is None:
            store.forget(upload_id)
        session.delete(upload)


def missing(db: Database, station: StationContext, hashes: list[str]) -> list[str]:
    wanted = list(dict.fromkeys(hashes))
    if not wanted:
        return []
    with db.read() as session:
        held = set(
            session.scalars(
                select(BlobOffice.sha256).where(
                    BlobOffice.office_id == station.office_id, BlobOffice.sha256.in_(wanted)
                )
            )
        )
    return [sha for sha in wanted if sha not in held]


def open_blob(db: Database, store: BlobStore, station: StationContext, sha256: str) -> Path:
    """Path of a file the office holds, checked against its hash before it is served."""
    with db.read() as session:
        held = session.get(BlobOffice, (sha256, station.office_id)) is not None
    path = store.path_for(sha256)
    if not held or not path.is_file():
        raise ApiError(404, "attachment_not_found", "Không tìm thấy tệp.", "No such attachment.")
    if sha256_file(path) == sha256:
        return path
    store.quarantine(sha256)
    with db.write() as session:
        offices = session.scalars(select(BlobOffice.office_id).where(BlobOffice.sha256 == sha256))
        for office_id in sorted(set(offices)):
            lock_office(session, office_id)
        session.execute(delete(BlobOffice).where(BlobOffice.sha256 == sha256))
        session.execute(delete(Blob).where(Blob.sha256 == sha256))
        affected = session.scalars(
            select(Dossier)
            .join(ManifestItem, ManifestItem.dossier_id == Dossier.id)
            .where(ManifestItem.sha256 == sha256)
            .distinct()
        ).all()
        for dossier in affected:
            refresh_completeness(session, dossier)
    raise ApiError(
        410,
        "attachment_corrupt",
        "Bản lưu của tệp trên máy chủ bị hỏng và đã được cách ly; máy trạm sẽ tải lại tệp.",
        "The server's copy was damaged and set aside; stations will upload it again.",
    )


def purge_expired(db: Database, store: BlobStore) -> int:
    """Forget unfinished uploads past their expiry; returns how many."""
    with db.write() as session:
        expired = session.scalars(
            select(Upload.id).where(Upload.completed_at.is_(None), Upload.expires_at <= now())
        ).all()
        if expired:
            session.execute(delete(Upload).where(Upload.id.in_(expired)))
    for upload_id in expired:
        store.forget(upload_id)
    return len(expired)
