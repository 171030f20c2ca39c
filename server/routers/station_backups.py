"""Stations' encrypted backups: registered after their resumable upload, the newest few kept.

A station sees only its own backups (its office and its number): another
station, of this office or another, can neither list nor fetch them. The
server cannot read them: the station's data key encrypts the file.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import FileResponse
from sqlalchemy import delete, func, select

from app.sync import backup_protocol as bp
from app.sync import protocol as p
from server import uploads
from server.auth import StationContext, database, station_context
from server.common import ApiError, now
from server.dossiers import lock_office
from server.models import Blob, BlobOffice, DossierResult, ManifestItem, StationBackup

router = APIRouter(prefix=p.API_PREFIX, tags=["sync"])
Station = Annotated[StationContext, Depends(station_context)]
Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]


def _own(station: StationContext):
    return (StationBackup.office_id == station.office_id) & (
        StationBackup.station == station.station_number
    )


def _listing(session, station: StationContext, keep: int) -> bp.StationBackupList:
    rows = session.scalars(
        select(StationBackup)
        .where(_own(station))
        .order_by(StationBackup.created_at.desc(), StationBackup.id.desc())
    ).all()
    return bp.StationBackupList(
        station=station.station_number,
        keep=keep,
        backups=[
            bp.StationBackup(
                sha256=row.sha256,
                size=row.size,
                created_at=row.created_at,
                uploaded_at=row.uploaded_at,
                schema_version=row.schema_version,
            )
            for row in rows
        ],
    )


def _not_found() -> ApiError:
    return ApiError(
        404,
        "backup_not_found",
        "Máy chủ không giữ bản sao lưu này của quầy.",
        "The server keeps no such backup of this station.",
    )


@router.get(bp.BACKUPS_PATH, response_model=bp.StationBackupList)
def list_backups(request: Request, station: Station) -> bp.StationBackupList:
    """The calling station's backups on the server, newest first."""
    with database(request).read() as session:
        return _listing(session, station, request.app.state.settings.station_backups_keep)


@router.post(bp.BACKUPS_PATH, response_model=bp.StationBackupList)
def register_backup(
    body: bp.BackupRegistration, request: Request, station: Station
) -> bp.StationBackupList:
    """Keep an uploaded file as one of the station's backups; the oldest beyond the
    limit are let go. Registering the same file again changes nothing."""
    settings = request.app.state.settings
    if body.size > settings.max_backup_bytes:
        raise ApiError(
            413,
            "backup_too_large",
            f"Bản sao lưu {body.size:,} byte vượt giới hạn {settings.max_backup_bytes:,} byte "
            "của máy chủ; bản trên máy trạm vẫn nguyên.",
            "The backup is larger than the server accepts; the station's copy is untouched.",
        )
    with database(request).write() as session:
        lock_office(session, station.office_id)
        held = session.get(BlobOffice, (body.sha256, station.office_id))
        blob = session.get(Blob, body.sha256)
        if held is None or blob is None:
            raise ApiError(
                409,
                "backup_not_uploaded",
                "Tệp sao lưu chưa được tải lên máy chủ đầy đủ; hãy tải lên trước khi đăng ký.",
                "The backup file has not been uploaded whole; upload it first.",
            )
        if blob.size != body.size:
            raise ApiError(
                422,
                "backup_size_mismatch",
                "Kích thước khai báo không khớp tệp đã tải lên.",
                "The declared size does not match the uploaded file.",
            )
        exists = session.scalar(
            select(StationBackup.id).where(_own(station), StationBackup.sha256 == body.sha256)
        )
        if exists is None:
            session.add(
                StationBackup(
                    office_id=station.office_id,
                    station=station.station_number,
                    sha256=body.sha256,
                    size=body.size,
                    created_at=body.created_at,
                    schema_version=body.schema_version,
                    manifest=body.manifest,
                    uploaded_at=now(),
                )
            )
            session.flush()
            _prune(session, station, settings.station_backups_keep, request)
        return _listing(session, station, settings.station_backups_keep)


def _prune(session, station: StationContext, keep: int, request: Request) -> None:
    rows = session.scalars(
        select(StationBackup)
        .where(_own(station))
        .order_by(StationBackup.created_at.desc(), StationBackup.id.desc())
    ).all()
    for row in rows[max(keep, 1) :]:
        session.delete(row)
        session.flush()
        _release(session, row.sha256, station.office_id, request)


def _release(session, sha256: str, office_id: int, request: Request) -> None:
    """Forget a backup's bytes once nothing of the office names them any more."""
    named = (
        session.scalar(select(func.count(StationBackup.id)).where(StationBackup.sha256 == sha256))
        or session.scalar(select(func.count(ManifestItem.id)).where(ManifestItem.sha256 == sha256))
        or session.scalar(
            select(func.count(DossierResult.id)).where(DossierResult.sha256 == sha256)
        )
    )
    if named:
        return
    session.execute(
        delete(BlobOffice).where(BlobOffice.sha256 == sha256, BlobOffice.office_id == office_id)
    )
    others = session.scalar(select(func.count()).where(BlobOffice.sha256 == sha256))
    if not others:
        session.execute(delete(Blob).where(Blob.sha256 == sha256))
        request.app.state.store.path_for(sha256).unlink(missing_ok=True)


def _row(request: Request, station: StationContext, sha256: str) -> StationBackup:
    with database(request).read() as session:
        row = session.scalar(
            select(StationBackup).where(_own(station), StationBackup.sha256 == sha256)
        )
        if row is None:
            raise _not_found()
        session.expunge(row)
        return row


@router.get(f"{bp.BACKUPS_PATH}/{{sha256}}/manifest", response_model=bp.StationBackupManifest)
def backup_manifest(sha256: Sha256, request: Request, station: Station) -> bp.StationBackupManifest:
    """The manifest the station registered with the backup (needed to verify it)."""
    return bp.StationBackupManifest(sha256=sha256, manifest=_row(request, station, sha256).manifest)


@router.get(f"{bp.BACKUPS_PATH}/{{sha256}}")
def download_backup(sha256: Sha256, request: Request, station: Station) -> FileResponse:
    """One of the station's backup files, checked against its hash before it is sent."""
    _row(request, station, sha256)
    path = uploads.open_blob(database(request), request.app.state.store, station, sha256)
    return FileResponse(path, media_type="application/octet-stream")
