"""A restore never re-issues a code: the station relearns from the real server what it lost.

A station receives A, is backed up, receives B (with a scanned page) and C,
syncs, and is put back from the backup. It must not hand out B's or C's code
again, must get B and C back whole, and `sync` must not claim all is well
while they are missing.
"""

from __future__ import annotations

import copy
import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.backup import archive, skip_ahead
from app.capture.attachments import attach_component
from app.capture.store import AttachmentStore
from app.domain.codes import parse_code
from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import lookup
from app.infra.storage import open_database
from app.office import relearn_flag, settings
from app.paper import printing
from app.protect import audit_chain
from app.sync import credentials
from app.sync.health import sync_health
from app.sync.round import run_round
from db.models import Attachment, AuditLog, Dossier, StatusHistory, UploadState
from server.models import Dossier as ServerDossier
from tests.conftest import INTAKE
from tests.integration.netproxy import FaultProxy
from tests.integration.test_sync_attachments import _page

NOW = datetime(2026, 2, 13, 9, 30)
RECEIVED = datetime(2026, 2, 13, 9, 0)  # as the intake form says
PEOPLE = ["Lê Thị Bích", "Phạm Văn Cường", "Đỗ Minh Dũng", "Hoàng Thu Hà"]


def _receive(db, clerk, intake, name: str, **changes) -> str:
    data = copy.deepcopy(intake)
    data.update(changes)
    number = f"00108501{2340 + sum(map(ord, name)) % 1000:04d}"  # one person per name
    data["applicant"] = {**data["applicant"], "full_name": name, "id_number": number}
    return intake_uc.receive(db, clerk, data, now=NOW).code


def _actions(db) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditLog.action).order_by(AuditLog.id)))


def _lost_after_backup(db, data_dir: Path, clerk, intake):
    """A, the backup, B (with a page) and C, all synced: returns (backup file, codes, sha)."""
    a = _receive(db, clerk, intake, PEOPLE[0])
    made = archive.make_backup(db, data_dir)
    b = _receive(db, clerk, intake, PEOPLE[1])
    sha = attach_component(db, clerk, b, 1, [_page(41)], source="file", now=NOW, workers=1).sha256
    # A signature certified, its fee paid at intake by transfer.
    paid = dict(procedure="2.000884", fee_paid=True, fee_payment_method="transfer")
    c = _receive(db, clerk, intake, PEOPLE[2], **paid)
    report = run_round(db, data_dir)
    assert report.ok and report.pending == 0, report.errors
    return Path(made.file), (a, b, c), sha


def _server_codes(sdb, number: int) -> list[str]:
    with sdb.read() as session:
        return list(
            session.scalars(
                select(ServerDossier.code)
                .where(ServerDossier.station == number)
                .order_by(ServerDossier.code)
            )
        )


def _assert_back_whole(db, data_dir: Path, clerk, codes, sha: str) -> None:
    _, b, c = codes
    for code, name in ((b, PEOPLE[1]), (c, PEOPLE[2])):
        found = lookup.lookup(db, clerk, code).items
        assert [(d.code, d.applicant_name) for d in found] == [(code, name)]
    with db.read() as session:
        dossier_b = session.scalar(select(Dossier).where(Dossier.code == b))
        assert dossier_b.applicant.full_name == PEOPLE[1]
        assert dossier_b.applicant.address == INTAKE["applicant"]["address"]
        assert [c.index for c in dossier_b.components] == [1, 2]
        assert dossier_b.received_at == RECEIVED and dossier_b.logbook_line is not None
        history = session.scalars(
            select(StatusHistory).where(StatusHistory.dossier_id == dossier_b.id)
        ).all()
        assert history and history[0].status == 2
        attachment = session.scalar(select(Attachment).where(Attachment.sha256 == sha))
        assert attachment is not None
        # Held by the server already: never sent again.
        assert session.get(UploadState, sha).uploaded_at is not None
    stored = AttachmentStore.for_data_dir(data_dir).read(sha)
    assert hashlib.sha256(stored).hexdigest() == sha
    # How C's fee was paid at intake comes back with it.
    with db.read() as session:
        dossier_c = session.scalar(select(Dossier).where(Dossier.code == c))
        assert dossier_c.fee_paid and dossier_c.fee_payment_method == "transfer"
    # A name search finds the dossiers brought back.
    assert [d.code for d in lookup.lookup(db, clerk, PEOPLE[2]).items] == [c]


def test_restore_relearns_codes_and_pulls_back_lost_dossiers(
    server, db, data_dir, clerk, intake, enrolled
):
    _, sdb, _ = server
    file, codes, sha = _lost_after_backup(db, data_dir, clerk, intake)
    a, b, c = codes
    db.dispose()

    result = archive.restore_backup(data_dir, file)
    assert result["relearning"] is True and result["skipped_ahead"] == []
    db = open_database(data_dir)
    try:
        # No code until the server was asked: C's would be handed out again.
        with pytest.raises(DomainError) as refused:
            _receive(db, clerk, intake, PEOPLE[3])
        assert refused.value.code == "relearning" and "đồng bộ" in refused.value.message_vi
        health = sync_health(db, data_dir, NOW)
        assert health.relearn == relearn_flag.PENDING
        assert any("khôi phục" in w for w in health.warnings)
        with db.read() as session:
            assert session.scalar(select(func.count(Dossier.id))) == 1

        # Restored onto a PC that never held B's page (the restore keeps files it finds).
        AttachmentStore.for_data_dir(data_dir).path_for(sha).unlink()
        report = run_round(db, data_dir)
        assert report.ok, report.errors
        assert report.relearned["recovered"] == 2 and report.relearned["files"] == 1
        assert report.rejected == 0 and report.conflicts == 0
        _assert_back_whole(db, data_dir, clerk, codes, sha)

        d = _receive(db, clerk, intake, PEOPLE[3])
        assert parse_code(d).sequence == parse_code(c).sequence + 1
        # B's secret never reached the server: its reprinted receipt's QR is the code alone.
        with db.write() as session:
            settings.put(session, "public_base_url", "https://dichvucong.example.vn")
            qr = {
                code: printing._qr_text(
                    session, session.scalar(select(Dossier).where(Dossier.code == code))
                )
                for code in (b, d)
            }
        assert qr[b] == b and qr[d].startswith("https://dichvucong.example.vn/tra-cuu/")
        again = run_round(db, data_dir)
        assert again.ok and again.pending == 0 and again.rejected == 0, again.errors
        assert _server_codes(sdb, enrolled) == sorted([a, b, c, d])
        health = sync_health(db, data_dir, NOW)
        assert health.relearn is None
        assert not any("khôi phục" in w for w in health.warnings)
        assert "sequence.relearned" in _actions(db)
        assert "sequence.skip_ahead" not in _actions(db)
        with db.read() as session:
            assert session.scalar(select(func.count(Dossier.id))) == 4
            assert audit_chain.verify(session).ok
    finally:
        db.dispose()


def test_offline_after_restore_skips_ahead_then_relearns_when_back(
    server, db, data_dir, clerk, intake, enrolled
):
    proc, sdb, _ = server
    proxy = FaultProxy(proc.port)
    proxy.up()
    cred = credentials.load(data_dir)
    credentials.save(data_dir, credentials.Credential(**{**cred.__dict__, "server_url": proxy.url}))
    try:
        file, codes, sha = _lost_after_backup(db, data_dir, clerk, intake)
        a, b, c = codes
        db.dispose()
        archive.restore_backup(data_dir, file)
        db = open_database(data_dir)
        proxy.down()

        offline = run_round(db, data_dir)
        assert not offline.ok and offline.unreachable
        assert any(str(skip_ahead.MARGIN) in w for w in offline.warnings)
        d = _receive(db, clerk, intake, PEOPLE[3])
        # Ahead of everything the lost days may have used.
        assert parse_code(d).sequence == parse_code(a).sequence + skip_ahead.MARGIN + 1
        assert d not in codes
        health = sync_health(db, data_dir, NOW)
        assert health.relearn == relearn_flag.OFFLINE
        assert any(f"nhảy trước {skip_ahead.MARGIN}" in w for w in health.warnings)
        assert "sequence.skip_ahead" in _actions(db)

        proxy.up()
        back = run_round(db, data_dir)
        assert back.ok and back.pending == 0 and back.rejected == 0, back.errors
        assert back.relearned["recovered"] == 2
        _assert_back_whole(db, data_dir, clerk, codes, sha)
        assert _server_codes(sdb, enrolled) == sorted([a, b, c, d])
        e = _receive(db, clerk, intake, "Vũ Thị Lan")
        assert parse_code(e).sequence == parse_code(d).sequence + 1
        with db.read() as session:
            assert session.scalar(select(func.count(Dossier.id))) == 5
            assert relearn_flag.get(session) is None
            assert audit_chain.verify(session).ok
    finally:
        db.dispose()
        proxy.down()


def test_a_refused_credential_after_restore_skips_ahead_rather_than_stopping_the_counter(
    server, db, data_dir, clerk, intake, enrolled
):
    file, codes, _ = _lost_after_backup(db, data_dir, clerk, intake)
    db.dispose()
    archive.restore_backup(data_dir, file)
    cred = credentials.load(data_dir)
    credentials.save(
        data_dir, credentials.Credential(**{**cred.__dict__, "station_token": "sai" * 15})
    )
    db = open_database(data_dir)
    try:
        refused = run_round(db, data_dir)
        assert not refused.ok and "credential_rejected" in refused.error_codes
        d = _receive(db, clerk, intake, PEOPLE[3])
        assert parse_code(d).sequence == parse_code(codes[0]).sequence + skip_ahead.MARGIN + 1
        with db.read() as session:
            assert relearn_flag.get(session)["state"] == relearn_flag.OFFLINE
    finally:
        db.dispose()
