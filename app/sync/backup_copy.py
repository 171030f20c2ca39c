"""The station's newest verified backup, copied to the central server when online.

The file is already encrypted with the station's data key, so the server
keeps ciphertext only. It travels through the resumable upload like a
scanned page (a file the server holds is never sent again), then is
registered as one of the station's backups with its manifest, less the list
of scanned files (those are on the server already, and a restored station
fetches the ones it lacks). A restore can fetch the newest one back.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

import requests

from app.backup import archive
from app.domain.errors import DomainError
from app.infra import clock, datadir
from app.protect import hygiene
from app.sync import backup_protocol as bp
from app.sync import credentials, cursors
from app.sync import protocol as p
from app.sync.transport import TIMEOUT, SyncError, Transport, http_error, unreachable
from app.sync.upload import upload_file
from db.engine import Database

log = logging.getLogger("motcua.sync")

SENT_CURSOR = "backup_on_server"  # the SHA-256 of the newest backup the server has
FROM_SERVER = "from-server"  # where a backup fetched from the server is put


def newest_local(data_dir: Path) -> dict[str, Any] | None:
    found = archive.list_backups([archive.default_destination(data_dir)])
    return next((item for item in found if item.get("sha256")), None)


def server_backups(transport: Transport) -> list[bp.StationBackup]:
    return bp.StationBackupList.model_validate(transport.call("GET", bp.BACKUPS_PATH)).backups


def _registration(item: dict[str, Any]) -> bp.BackupRegistration:
    manifest = json.loads(archive.manifest_path(Path(item["file"])).read_text(encoding="utf-8"))
    names = manifest.pop("files", None) or []
    manifest["files_on_station"] = len(names)
    return bp.BackupRegistration(
        sha256=item["sha256"],
        size=item["size"],
        created_at=manifest["created_at"],
        schema_version=str(manifest.get("schema") or "") or None,
        manifest=json.dumps(manifest, ensure_ascii=False),
    )


def send_newest(db: Database, data_dir: Path, transport: Transport) -> dict[str, Any] | None:
    """Copy the newest local backup to the server unless it has it; None when there is none."""
    item = newest_local(data_dir)
    if item is None:
        return None
    with db.read() as session:
        if cursors.get(session, SENT_CURSOR) == item["sha256"]:
            return {"sha256": item["sha256"], "uploaded_bytes": 0, "already": True}
    held = {b.sha256 for b in server_backups(transport)}
    sent = 0
    if item["sha256"] not in held:
        sent = upload_file(db, transport, Path(item["file"]), item["sha256"], item["size"])
        transport.call("POST", bp.BACKUPS_PATH, json=_registration(item).model_dump(mode="json"))
    with db.write() as session:
        cursors.put(session, SENT_CURSOR, item["sha256"], clock.now())
    return {"sha256": item["sha256"], "uploaded_bytes": sent, "already": sent == 0}


def transport_for(data_dir: Path) -> Transport | None:
    cred = credentials.load(data_dir)
    return Transport(cred.server_url, cred.station_token) if cred else None


def mark_listed(data_dir: Path, items: list[dict[str, Any]]) -> str | None:
    """Add ``on_server`` to each listed backup: True/False, or None when the server
    cannot be asked (not enrolled, unreachable); returns why not, if so."""
    transport = transport_for(data_dir)
    reason = None
    held: set[str] | None = None
    if transport is None:
        reason = "not_enrolled"
    elif not transport.healthy():
        # A quick probe first: listing must not hang on a dead link for the full timeout.
        reason = "server_unreachable"
        transport.close()
    else:
        try:
            held = {b.sha256 for b in server_backups(transport)}
        except DomainError as exc:
            reason = exc.code
        finally:
            transport.close()
    for item in items:
        item["on_server"] = None if held is None else item.get("sha256") in held
    return reason


def fetch_newest(data_dir: Path) -> Path:
    """Download the newest of this station's backups on the server, with its manifest,
    into the backup folder; returns the file, ready for ``archive.restore_backup``."""
    transport = transport_for(data_dir)
    if transport is None:
        raise DomainError(
            "not_enrolled",
            "Quầy chưa đăng ký với máy chủ nên không có bản sao lưu trên máy chủ.",
            "This station is not enrolled with a server, so it has no backup there.",
        )
    try:
        listed = server_backups(transport)
        if not listed:
            raise DomainError(
                "no_server_backup",
                "Máy chủ chưa giữ bản sao lưu nào của quầy này.",
                "The server keeps no backup of this station yet.",
            )
        newest = listed[0]
        body = transport.call("GET", f"{bp.BACKUPS_PATH}/{newest.sha256}/manifest")
        manifest = json.loads(bp.StationBackupManifest.model_validate(body).manifest)
        folder = hygiene.private_dir(datadir.backup_dir(data_dir) / FROM_SERVER)
        final = folder / f"{newest.created_at:%Y%m%d-%H%M%S}-{newest.sha256[:12]}{archive.SUFFIX}"
        tmp = folder / f"{archive.PARTIAL_PREFIX}{final.name}"
        _download(transport, newest.sha256, tmp)
    finally:
        transport.close()
    # The scanned files are fetched by the first sync after the restore, not from a pool.
    manifest["files"] = []
    manifest["file"] = final.name
    hygiene.write_private(
        archive.manifest_path(final), json.dumps(manifest, indent=2).encode("utf-8"), atomic=True
    )
    os.replace(tmp, final)
    hygiene.fsync_dir(folder)
    return final


def _download(transport: Transport, sha256: str, target: Path) -> None:
    """Stream the file to ``target`` (a backup may not fit in memory), checked by hash."""
    url = f"{transport.base_url}{p.API_PREFIX}{bp.BACKUPS_PATH}/{sha256}"
    digest = hashlib.sha256()
    try:
        with transport.session.get(url, stream=True, timeout=TIMEOUT) as resp:
            if resp.status_code >= 400:
                raise http_error(resp)
            with open(target, "wb") as fh:
                os.chmod(target, 0o600)
                for chunk in resp.iter_content(1 << 20):
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
    except requests.RequestException:
        target.unlink(missing_ok=True)
        raise unreachable("mất kết nối") from None
    if digest.hexdigest() != sha256:
        target.unlink(missing_ok=True)
        raise SyncError(
            "backup_mismatch",
            "Bản sao lưu tải từ máy chủ không đúng nội dung; hãy thử lại.",
            "The backup fetched from the server does not match; try again.",
            retry=True,
        )
