"""The station swaps its token at sync when the server asks, and keeps syncing."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import httpx
from sqlalchemy import update

from app.sync import credentials
from app.sync import protocol as p
from app.sync.round import run_round
from app.sync.transport import Transport
from server.common import now
from server.models import Station as StationRow
from server.models import StationToken


def _status(base_url: str, token: str) -> int:
    return httpx.get(
        f"{base_url}/api/v1/changes",
        headers={"Authorization": f"Bearer {token}", p.PROTOCOL_HEADER: "1"},
    ).status_code


def test_round_swaps_an_old_token_and_the_old_one_dies_after_grace(server, db, data_dir, enrolled):
    proc, sdb, settings = server
    old = credentials.load(data_dir)
    assert old is not None
    report = run_round(db, data_dir)
    assert report.ok, report.to_json()
    assert credentials.load(data_dir).station_token == old.station_token  # not due yet
    with sdb.write() as session:
        session.execute(
            update(StationRow)
            .where(StationRow.id == old.station_id)
            .values(token_issued_at=now() - timedelta(days=30))
        )
    report = run_round(db, data_dir)
    assert report.ok, report.to_json()
    new = credentials.load(data_dir)
    assert new is not None and new.station_token != old.station_token
    assert _status(proc.base_url, old.station_token) == 200  # grace period
    with sdb.write() as session:
        session.execute(
            update(StationToken)
            .where(StationToken.station_id == old.station_id)
            .values(expires_at=now() - timedelta(seconds=1))
        )
    assert _status(proc.base_url, old.station_token) == 401
    report = run_round(db, data_dir)
    assert report.ok, report.to_json()
    assert credentials.load(data_dir).station_token == new.station_token


def test_an_upload_connection_s_answer_tells_the_round_to_swap(
    server, db, data_dir, enrolled
) -> None:
    """Files go up on cloned connections; an answer there asking to rotate counts too."""
    _, sdb, _ = server
    cred = credentials.load(data_dir)
    with sdb.write() as session:
        session.execute(
            update(StationRow)
            .where(StationRow.id == cred.station_id)
            .values(token_issued_at=now() - timedelta(days=30))
        )
    # A request outside the upload path reads the token afresh (the upload
    # path remembers a station for a few seconds).
    assert _status(cred.server_url, cred.station_token) == 200
    transport = Transport(cred.server_url, cred.station_token)
    worker = transport.clone()
    try:
        data = b"to khai " * 1000
        headers = {
            "Tus-Resumable": p.TUS_VERSION,
            "Content-Type": p.UPLOAD_CONTENT_TYPE,
            "Upload-Length": str(len(data)),
            "Upload-Metadata": p.encode_upload_metadata(
                {"sha256": hashlib.sha256(data).hexdigest()}
            ),
        }
        answer = worker.raw("POST", f"{p.API_PREFIX}/uploads", data=data, headers=headers)
        assert answer.status_code == 201
        assert worker.rotate_due and transport.rotate_due
    finally:
        worker.close()
        transport.close()
