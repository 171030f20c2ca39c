"""The optional text layer: used when OCRmyPDF and Vietnamese Tesseract are there."""

from __future__ import annotations

import io
from datetime import datetime

import pikepdf
import pytest
from sqlalchemy import select

from app import attachments
from app.capture import ocr
from app.capture.store import sha256_of
from app.domain.errors import DomainError
from db.models import Attachment, AuditLog, OutboxEvent
from tests.conftest import snapshot

NOW = datetime(2026, 2, 13, 9, 30)


def _marked(pdf: bytes, **_: object) -> bytes:
    """Stands in for OCRmyPDF: a different file with the same pages."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.docinfo["/MotCuaTextLayer"] = "yes"
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def test_the_searchable_version_replaces_the_component_and_is_announced(
    db, clerk, received, pages_factory, monkeypatch
):
    first = attachments.attach_component(db, clerk, received, 1, pages_factory(2),
                                         source="scanner", now=NOW)
    monkeypatch.setattr(ocr, "add_text_layer", _marked)
    result = attachments.add_text_layer(db, clerk, received, 1, now=NOW)
    assert result.sha256 != first.sha256 and result.pages == 2
    data = attachments.read_component(db, clerk, received, 1)
    assert sha256_of(data) == result.sha256
    with db.read() as session:
        row = session.scalar(select(Attachment))
        event = session.scalars(select(OutboxEvent).order_by(OutboxEvent.id.desc())).first()
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "dossier.ocr"))
    assert row.sha256 == result.sha256 and row.source == "scanner"
    assert event.payload["manifest"][0]["sha256"] == result.sha256
    assert audit.detail["replaced"] == first.sha256


def test_without_ocr_installed_nothing_changes(db, clerk, received, pages_factory, monkeypatch):
    attachments.attach_component(db, clerk, received, 1, pages_factory(1), source="file",
                                 now=NOW)
    monkeypatch.setattr(ocr, "missing", lambda: ["tesseract-ocr-vie"])
    assert not ocr.available()
    before = snapshot(db.path)
    with pytest.raises(DomainError) as err:
        attachments.add_text_layer(db, clerk, received, 1)
    assert err.value.code == "ocr_unavailable"
    assert "tesseract-ocr-vie" in err.value.message_vi
    assert snapshot(db.path) == before


@pytest.mark.skipif(not ocr.available(), reason="OCRmyPDF / Tesseract (vie) not installed")
def test_real_ocr_finds_vietnamese_text(db, clerk, received, pages_factory):
    attachments.attach_component(db, clerk, received, 1, pages_factory(1), source="file",
                                 now=NOW)
    attachments.add_text_layer(db, clerk, received, 1, now=NOW)
    data = attachments.read_component(db, clerk, received, 1)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/Font" in pdf.pages[0].Resources
        assert str(pdf.docinfo["/MotCuaDossierCode"]) == received
