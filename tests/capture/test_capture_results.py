"""Results digitized at hand-over: kept with the dossier, refused when bad, reused later."""

from __future__ import annotations

import hashlib
import io
from datetime import date, datetime
from pathlib import Path

import pikepdf
import pytest
from sqlalchemy import func, select

from app.capture import attachments, results
from app.capture.results import ResultDetails
from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers import progress
from app.office import settings
from db.models import AuditLog, Dossier, DossierResult, OutboxEvent
from tests.capture.conftest import A5_PIXELS, TEST_DPI
from tests.capture.synth import text_page

NOW = datetime(2026, 2, 20, 10, 0)


def resolve(db, clerk, code: str) -> None:
    progress.change_status(db, clerk, code, Status.PROCESSING, now=datetime(2026, 2, 16, 9, 0))
    progress.change_status(db, clerk, code, Status.RESOLVED, now=datetime(2026, 2, 19, 9, 0))


def scan_file(folder: Path, name: str = "trich-luc.png", seed: int = 7) -> Path:
    path = folder / name
    text_page(TEST_DPI, seed=seed, lines=12, noise=0, size=A5_PIXELS).save(path, dpi=(200, 200))
    return path


def signed_pdf(folder: Path) -> Path:
    """A PDF as a resolving body would issue it (one page, its own metadata)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.docinfo["/Producer"] = "Hệ thống một cửa điện tử tỉnh"
    buf = io.BytesIO()
    pdf.save(buf)
    path = folder / "ket-qua.pdf"
    path.write_bytes(buf.getvalue())
    return path


def status_of(db, code: str) -> int:
    with db.read() as session:
        return session.scalar(select(Dossier.status).where(Dossier.code == code))


def counts(db) -> tuple[int, int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(DossierResult)),
            session.scalar(select(func.count()).select_from(OutboxEvent)),
            session.scalar(select(func.count()).select_from(AuditLog)),
        )


def test_a_result_scanned_at_hand_over_is_kept_with_its_details_in_one_transaction(
    db, clerk, received, tmp_path
):
    resolve(db, clerk, received)
    prepared = results.prepare(db, clerk, received, [scan_file(tmp_path)])
    details = ResultDetails("Trích lục khai sinh", "123/TLKS-BS", date(2026, 2, 19), "UBND xã")
    change, kept = results.hand_over(
        db, clerk, received, "Nguyễn Văn An", prepared=prepared, details=details, now=NOW
    )
    assert change.to_status == Status.RETURNED
    assert kept is not None and kept.pages == 1 and kept.source == "file"
    stored = results.read(db, clerk, received)
    assert hashlib.sha256(stored).hexdigest() == kept.sha256
    with pikepdf.open(io.BytesIO(stored)) as pdf:
        assert len(pdf.pages) == 1
    with db.read() as session:
        row = session.scalar(select(DossierResult))
        assert row.number == "123/TLKS-BS" and row.issued_on == date(2026, 2, 19)
        kinds = [e.type for e in session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))]
        returned = session.scalars(
            select(OutboxEvent).where(OutboxEvent.type == "dossier.returned")
        ).one()
    # The result travels before the hand-over that names it.
    assert kinds[-2:] == ["dossier.result", "dossier.returned"]
    assert returned.payload["result_sha256"] == kept.sha256


def test_an_electronic_result_is_kept_byte_for_byte(db, clerk, received, tmp_path):
    resolve(db, clerk, received)
    path = signed_pdf(tmp_path)
    prepared = results.prepare(db, clerk, received, [path], electronic=True)
    kept = results.attach(db, clerk, received, prepared, ResultDetails(number="45/GP"), now=NOW)
    assert kept.source == "electronic"
    assert kept.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert results.read(db, clerk, received) == path.read_bytes()


def test_a_file_that_is_not_a_document_is_refused_and_nothing_changes(
    db, clerk, received, tmp_path
):
    resolve(db, clerk, received)
    bogus = tmp_path / "ket-qua.pdf"
    bogus.write_bytes(b"<html><script>alert(1)</script></html>")
    before = counts(db)
    with pytest.raises(DomainError) as err:
        results.prepare(db, clerk, received, [bogus])
    assert err.value.code == "unsupported_file"
    with pytest.raises(DomainError) as err:
        results.prepare(db, clerk, received, [bogus], electronic=True)
    assert err.value.code == "not_a_pdf"
    truncated = tmp_path / "cat.pdf"
    truncated.write_bytes(signed_pdf(tmp_path).read_bytes()[:200])
    with pytest.raises(DomainError):
        results.prepare(db, clerk, received, [truncated], electronic=True)
    assert counts(db) == before
    assert status_of(db, received) == Status.RESOLVED


def test_no_result_before_the_dossier_is_resolved(db, clerk, received, tmp_path):
    prepared = results.prepare(db, clerk, received, [scan_file(tmp_path)])
    before = counts(db)
    with pytest.raises(DomainError) as err:
        results.attach(db, clerk, received, prepared, now=NOW)
    assert err.value.code == "result_not_ready"
    assert counts(db) == before


def test_an_office_that_requires_the_result_refuses_a_hand_over_without_one(
    db, clerk, admin, received, tmp_path
):
    resolve(db, clerk, received)
    with db.write() as session:
        settings.put(session, "require_result_at_handover", "1")
    before = counts(db)
    with pytest.raises(DomainError) as err:
        progress.record_return(db, clerk, received, "Nguyễn Văn An", now=NOW)
    assert err.value.code == "result_required"
    assert status_of(db, received) == Status.RESOLVED and counts(db) == before
    prepared = results.prepare(db, clerk, received, [scan_file(tmp_path)])
    change, kept = results.hand_over(db, clerk, received, "Nguyễn Văn An", prepared=prepared)
    assert change.to_status == Status.RETURNED and kept is not None


def test_a_later_dossier_of_the_same_applicant_reuses_the_result(
    db, clerk, received, receive_another, tmp_path
):
    resolve(db, clerk, received)
    prepared = results.prepare(db, clerk, received, [scan_file(tmp_path)])
    _change, kept = results.hand_over(db, clerk, received, "Nguyễn Văn An", prepared=prepared)
    later = receive_another()
    offered = attachments.reusable_for(db, clerk, later)
    [mine] = [o for o in offered if o.sha256 == kept.sha256]
    assert mine.dossier_code == received and mine.component_index == 0
    reused = attachments.mark_reused(db, clerk, later, 1, mine.attachment_uuid)
    assert reused.sha256 == kept.sha256 and reused.reused_from == f"{received}/kết quả"
    assert attachments.read_component(db, clerk, later, 1) == results.read(db, clerk, received)
