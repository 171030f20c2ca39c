"""Attachments: which files the server lacks, tus-style resumable upload, download.

Upload follows tus 1.0.0 core with the creation, expiration, checksum and
termination extensions: ``POST`` creates a new upload at offset 0
(``Upload-Length``, and the file's SHA-256 in ``Upload-Metadata``) and, with
creation-with-upload, takes its first chunk in the same request, ``HEAD``
tells the offset held and echoes the metadata, ``PATCH`` appends at exactly
that offset (anything else is 409), an optional ``Upload-Checksum`` (``sha1``,
which tus requires, or ``sha256``) guards each chunk (460 and the chunk is
discarded on mismatch), ``DELETE`` ends an upload, and an expired upload
answers 410 and starts again. Every answer under ``/uploads`` carries
``Tus-Resumable`` (see :mod:`server.middleware`).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
from dataclasses import replace
from datetime import UTC
from email.utils import format_datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import ClientDisconnect

from app.sync import protocol as p
from server import uploads
from server.auth import (
    StationContext,
    check_protocol,
    database,
    station_context,
    upload_station_context,
)
from server.common import ApiError
from server.middleware import BodyTooLarge
from server.storage import ChunkSink, UploadOverflow


class _Sha256(Convertor):
    """Only a SHA-256 names a file, so ``GET /attachments/missing`` is 405, not a bad hash."""

    regex = "[0-9a-f]{64}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("sha256", _Sha256())
router = APIRouter(prefix=p.API_PREFIX, tags=["attachments"])
Station = Annotated[StationContext, Depends(station_context)]
# Creation, offset and chunks: the requests a station sends file after file.
UploadStation = Annotated[StationContext, Depends(upload_station_context)]
UploadId = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]


def _http_date(state: uploads.UploadState) -> str:
    return format_datetime(state.expires_at.replace(tzinfo=p.VN_TZ).astimezone(UTC), usegmt=True)


def _headers(state: uploads.UploadState | None = None) -> dict[str, str]:
    headers = {"Tus-Resumable": p.TUS_VERSION, "Cache-Control": "no-store"}
    if state is not None:
        headers["Upload-Offset"] = str(state.offset)
        headers["Upload-Length"] = str(state.length)
        headers["Upload-Expires"] = _http_date(state)
    return headers


def _answer(status: int, headers: dict[str, str], said: Response) -> Response:
    """The route's own answer, carrying what the station check said on ``said``.

    A route that returns its own ``Response`` drops the headers dependencies
    set, so the token-rotation request is copied over: a station that only
    uploads for a while must still hear that its token is due.
    """
    rotate = said.headers.get(p.TOKEN_ROTATE_HEADER)
    if rotate is not None:
        headers[p.TOKEN_ROTATE_HEADER] = rotate
    return Response(status_code=status, headers=headers)


def _discovery(request: Request) -> Response:
    headers = _headers()
    headers.update(
        {
            "Tus-Version": p.TUS_VERSION,
            "Tus-Extension": p.TUS_EXTENSIONS,
            "Tus-Max-Size": str(request.app.state.settings.max_upload_bytes),
            "Tus-Checksum-Algorithm": ",".join(p.TUS_CHECKSUM_ALGORITHMS),
        }
    )
    return Response(status_code=204, headers=headers)


def _check_tus(request: Request) -> None:
    """tus: every request but OPTIONS names the version; another one is 412."""
    check_protocol(request)
    version = request.headers.get("tus-resumable")
    if version is None or version.strip() != p.TUS_VERSION:
        raise ApiError(
            412,
            "tus_version",
            f"Máy chủ chỉ hỗ trợ tus {p.TUS_VERSION}.",
            f"Only tus {p.TUS_VERSION} is supported.",
            headers={"Tus-Version": p.TUS_VERSION},
        )


def _int_header(request: Request, name: str) -> int:
    raw = (request.headers.get(name) or "").strip()
    # ASCII only: str.isdigit() also admits "²" and "١٢", which int() refuses or reads.
    if not (raw.isascii() and raw.isdigit()):
        raise ApiError(
            400,
            "bad_header",
            f"Thiếu hoặc sai tiêu đề {name} (cần một số nguyên không âm).",
            f"Missing or malformed {name} header (a non-negative integer).",
        )
    return int(raw)


@router.post("/attachments/missing", response_model=p.MissingResponse)
def missing(body: p.MissingRequest, request: Request, station: Station) -> p.MissingResponse:
    """The hashes among those given that this office has not uploaded yet."""
    return p.MissingResponse(missing=uploads.missing(database(request), station, body.hashes))


@router.options("/uploads", status_code=204)
def upload_options(request: Request) -> Response:
    """tus discovery: versions, extensions, size limit, checksum algorithms."""
    return _discovery(request)


@router.options("/uploads/{upload_id}", status_code=204)
def upload_resource_options(upload_id: UploadId, request: Request) -> Response:
    """tus discovery, asked of an upload's own address."""
    return _discovery(request)


@router.post("/uploads", status_code=201)
async def create_upload(request: Request, station: UploadStation, said: Response) -> Response:
    """Start the upload of one file, named by its SHA-256; a body is its first chunk.

    tus creation-with-upload: with ``Content-Type:
    application/offset+octet-stream`` the body is appended at offset 0 as a
    ``PATCH`` would append it (``Upload-Checksum`` included), so a file that
    fits in one chunk travels in one request. ``Upload-Offset`` in the
    answer says how much of it was kept: 0 if the chunk failed its checksum.
    """
    _check_tus(request)
    settings = request.app.state.settings
    length = _int_header(request, "Upload-Length")
    if length > settings.max_upload_bytes:
        raise ApiError(
            413,
            "too_large",
            f"Tệp quá lớn (tối đa {settings.max_upload_bytes} byte).",
            f"File too large (at most {settings.max_upload_bytes} bytes).",
            headers={"Tus-Max-Size": str(settings.max_upload_bytes)},
        )
    try:
        metadata = p.decode_upload_metadata(request.headers.get("upload-metadata"))
    except ValueError as exc:
        raise ApiError(
            400, "bad_metadata", "Tiêu đề Upload-Metadata sai định dạng.", str(exc)
        ) from exc
    sha256 = metadata.get("sha256", "").strip().lower()
    if len(sha256) != 64 or any(ch not in "0123456789abcdef" for ch in sha256):
        raise ApiError(
            400,
            "bad_metadata",
            "Upload-Metadata phải có khóa sha256 là mã băm SHA-256 (64 ký tự hex) của tệp.",
            "Upload-Metadata must carry sha256: the file's SHA-256 as 64 hex digits.",
        )
    with_body = _content_type(request) == p.UPLOAD_CONTENT_TYPE
    checksum = _upload_checksum(request) if with_body else None
    whole = with_body and request.headers.get("content-length", "").strip() == str(length)
    state = await run_in_threadpool(
        functools.partial(
            uploads.create_upload,
            database(request),
            request.app.state.store,
            settings,
            station,
            sha256,
            length,
            request.headers.get("upload-metadata"),
            whole=whole,
        )
    )
    if with_body and not state.completed:
        state = await _first_chunk(request, station, state, checksum)
    headers = _headers(state)
    headers["Location"] = f"{p.API_PREFIX}/uploads/{state.id}"
    return _answer(201, headers, said)


@router.head("/uploads/{upload_id}")
def upload_offset(
    upload_id: UploadId, request: Request, station: UploadStation, said: Response
) -> Response:
    """How many bytes of the upload the server holds."""
    _check_tus(request)
    store = request.app.state.store
    # The offset is what the upload's file holds (the recorded one is only a
    # checkpoint), which only whoever holds the upload may read: a PATCH
    # being written makes it grow. While one is, the checkpoint answers; a
    # PATCH sent at it is told the true offset (409) once the other is done.
    db = database(request)
    state = uploads.get_upload(db, store, station, upload_id, reconcile=False)
    lock = None if state.completed else store.try_lock(upload_id)
    if lock is not None:
        try:
            state = uploads.get_upload(db, store, station, upload_id)
        finally:
            lock.release()
    headers = _headers(state)
    if state.metadata:
        headers["Upload-Metadata"] = state.metadata
    return _answer(200, headers, said)


@router.delete("/uploads/{upload_id}", status_code=204)
def cancel_upload(
    upload_id: UploadId, request: Request, station: Station, said: Response
) -> Response:
    _check_tus(request)
    uploads.delete_upload(database(request), request.app.state.store, station, upload_id)
    return _answer(204, _headers(), said)


@router.patch("/uploads/{upload_id}", status_code=204)
async def append_chunk(
    upload_id: UploadId, request: Request, station: UploadStation, said: Response
) -> Response:
    """Append one chunk at ``Upload-Offset``; the file is verified when the last byte lands."""
    _check_tus(request)
    if _content_type(request) != p.UPLOAD_CONTENT_TYPE:
        raise ApiError(
            415,
            "bad_content_type",
            f"Dữ liệu tải lên phải có Content-Type {p.UPLOAD_CONTENT_TYPE}.",
            f"Content-Type must be {p.UPLOAD_CONTENT_TYPE}.",
        )
    offset = _int_header(request, "Upload-Offset")
    checksum = _upload_checksum(request)
    # A file lock, not a lock in this process: with several workers the
    # next PATCH for the same upload may reach another process.
    lock = request.app.state.store.try_lock(upload_id)
    if lock is None:
        raise ApiError(
            409,
            "upload_busy",
            "Một yêu cầu khác đang ghi vào phiên tải lên này.",
            "Another request is writing to this upload.",
        )
    try:
        db, store = database(request), request.app.state.store
        state = await run_in_threadpool(uploads.get_upload, db, store, station, upload_id)
        state = await _append(request, station, state, offset, checksum)
    finally:
        lock.release()
    return _answer(204, _headers(state), said)


def _content_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip()


def _upload_checksum(request: Request) -> tuple[str, bytes] | None:
    """The chunk's ``Upload-Checksum`` (algorithm, digest), if one was sent."""
    if "upload-checksum" not in request.headers:
        return None
    try:
        checksum = p.parse_checksum(request.headers["upload-checksum"])
    except ValueError as exc:
        raise ApiError(400, "bad_checksum", "Tiêu đề Upload-Checksum sai.", str(exc)) from exc
    if checksum[0] not in p.TUS_CHECKSUM_ALGORITHMS:
        raise ApiError(
            400,
            "bad_checksum",
            "Chỉ hỗ trợ kiểm tra mã băm sha1 hoặc sha256.",
            "Only the sha1 and sha256 checksum algorithms are supported.",
        )
    if len(checksum[1]) != hashlib.new(checksum[0]).digest_size:
        raise ApiError(
            400,
            "bad_checksum",
            f"Mã kiểm tra {checksum[0]} trong Upload-Checksum có độ dài sai.",
            f"The {checksum[0]} digest in Upload-Checksum has the wrong length.",
        )
    return checksum


async def _first_chunk(
    request: Request,
    station: StationContext,
    state: uploads.UploadState,
    checksum: tuple[str, bytes] | None,
) -> uploads.UploadState:
    """Append a creation request's body; a chunk that fails its checksum leaves offset 0."""
    # Nobody else knows the new upload's address yet, but the lock is what
    # the completion and the running hash expect of their caller.
    lock = request.app.state.store.try_lock(state.id)
    if lock is None:  # pragma: no cover - an id of 24 random bytes is not guessed
        return state
    try:
        return await _append(request, station, state, 0, checksum)
    except BaseException as exc:
        # Only a chunk that failed its checksum leaves an upload to go on
        # with (201 at offset 0); otherwise the answer carries no address.
        kept = isinstance(exc, ApiError) and exc.status == p.CHECKSUM_MISMATCH
        if not state.recorded:
            if kept:
                state = await run_in_threadpool(
                    uploads.record_new, database(request), station, state
                )
            else:
                # Its row was never written and nobody knows its address.
                request.app.state.store.forget(state.id)
        if not kept:
            raise
        return state
    finally:
        lock.release()


async def _append(
    request: Request,
    station: StationContext,
    state: uploads.UploadState,
    offset: int,
    checksum: tuple[str, bytes] | None,
) -> uploads.UploadState:
    """Write one chunk at ``offset`` of the upload the caller holds; returns the new state."""
    db, store = database(request), request.app.state.store
    upload_id = state.id
    if state.completed or offset != state.offset:
        raise ApiError(
            409,
            "offset_mismatch",
            f"Vị trí tải lên {offset} không khớp vị trí máy chủ đang giữ ({state.offset}).",
            f"Upload-Offset {offset} does not match the server's offset {state.offset}.",
            headers=_headers(state),
        )
    sink = ChunkSink(
        store.part_path(upload_id),
        offset,
        chunk_hash=checksum[0] if checksum else None,
        running=store.running_hash(upload_id, offset),
    )
    try:
        try:
            await sink.receive(request.stream(), state.length - offset)
        except UploadOverflow:
            sink.rollback()
            # 413 as tus servers answer it: more than the upload has room for.
            raise ApiError(
                413,
                "upload_overflow",
                "Dữ liệu gửi vượt quá độ dài tệp đã khai báo.",
                "The chunk goes past the declared Upload-Length.",
            ) from None
        except (ClientDisconnect, BodyTooLarge):
            # Without a checksum the bytes that did arrive are kept (tus
            # core); with one they cannot be trusted and are dropped. Only
            # a completed upload may stand at its full length, so a cut-off
            # last chunk keeps nothing either.
            if checksum is not None or offset + sink.written >= state.length:
                sink.rollback()
            elif sink.running is not None:
                store.keep_running_hash(upload_id, offset + sink.written, sink.running)
            # Nothing to record: the next request reads the offset from the file.
            raise
        if checksum is not None and sink.chunk_digest() != checksum[1]:
            sink.rollback()
            raise ApiError(
                p.CHECKSUM_MISMATCH,
                "checksum_mismatch",
                "Mã kiểm tra của đoạn dữ liệu không khớp; đoạn này đã bị loại, hãy gửi lại.",
                "The chunk's checksum does not match; the chunk was discarded.",
                headers=_headers(state),
            )
    finally:
        sink.close()
    new_offset = offset + sink.written
    if sink.running is not None:
        store.keep_running_hash(upload_id, new_offset, sink.running)
    if new_offset == state.length:
        # The offset is recorded with the completion, in one transaction.
        await run_in_threadpool(uploads.complete_upload, db, store, station, state)
    elif store.sync_due(upload_id, sink.written):
        # Not for every chunk: the next request reads the offset from the
        # file (see uploads.get_upload), so a chunk costs no database write.
        asyncio.get_running_loop().run_in_executor(
            None, uploads.checkpoint, db, store, station, upload_id, new_offset
        )
    return replace(state, offset=new_offset, completed=new_offset == state.length)


@router.get("/attachments/{sha256:sha256}")
def download(sha256: Sha256, request: Request, station: Station) -> FileResponse:
    """A file the office uploaded, checked against its hash before it is sent."""
    path = uploads.open_blob(database(request), request.app.state.store, station, sha256)
    return FileResponse(
        path,
        media_type="application/octet-stream",
        headers={"ETag": f'"{sha256}"', "Cache-Control": "private, max-age=31536000, immutable"},
    )
