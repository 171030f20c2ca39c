"""A result digitized at hand-over reaches the central server, file and details."""

from __future__ import annotations

import copy
import hashlib
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from app.capture import results
from app.domain.status import Status
from app.dossiers import intake as intake_uc
from app.dossiers import progress
from app.sync import credentials
from app.sync.round import run_round
from app.sync.transport import Transport
from server.models import Dossier as ServerDossier
from server.models import DossierResult as ServerResult
from tests.capture.conftest import A5_PIXELS
from tests.capture.synth import text_page

NOW = datetime(2026, 2, 13, 9, 30)


def test_a_result_captured_at_hand_over_reaches_the_server(
    server, db, data_dir, clerk, intake, enrolled, tmp_path: Path
):
    _, sdb, _ = server
    code = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code
    progress.change_status(db, clerk, code, Status.PROCESSING, now=datetime(2026, 2, 16, 9))
    progress.change_status(db, clerk, code, Status.RESOLVED, now=datetime(2026, 2, 17, 9))
    image = tmp_path / "trich-luc.png"
    text_page(200, seed=11, lines=10, noise=0, size=A5_PIXELS).save(image, dpi=(200, 200))
    prepared = results.prepare(db, clerk, code, [image])
    details = results.ResultDetails("Trích lục khai sinh", "88/TLKS", date(2026, 2, 17), "UBND xã")
    _change, kept = results.hand_over(
        db, clerk, code, "Nguyễn Văn An", prepared=prepared, details=details
    )
    report = run_round(db, data_dir)
    assert report.ok, report.errors
    assert report.uploaded_bytes >= kept.size
    with sdb.read() as session:
        dossier = session.scalar(select(ServerDossier).where(ServerDossier.code == code))
        assert dossier.status == Status.RETURNED
        row = session.scalar(select(ServerResult).where(ServerResult.dossier_id == dossier.id))
        assert (row.number, row.issued_on, row.kind) == ("88/TLKS", date(2026, 2, 17), details.kind)
        assert row.sha256 == kept.sha256 and row.pages == 1
    cred = credentials.load(data_dir)
    transport = Transport(cred.server_url, cred.station_token)
    try:
        body = transport.raw("GET", f"/api/v1/attachments/{kept.sha256}").content
    finally:
        transport.close()
    assert hashlib.sha256(body).hexdigest() == kept.sha256
    again = run_round(db, data_dir)
    assert again.ok and again.uploaded_bytes == 0 and again.pushed == 0
