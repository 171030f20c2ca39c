"""Attaching a digitized component: one PDF, stored by hash, recorded, announced, verified."""

from __future__ import annotations

import io
import os
import stat
from datetime import datetime
from uuid import UUID

import pikepdf
import pytest
from sqlalchemy import select

from app.capture import attachments
from app.capture.pdf import read_metadata
from app.capture.store import sha256_of
from app.domain.errors import DomainError
from app.office.auth import Actor
from app.sync import protocol
from db.models import Attachment, AuditLog, DossierComponent, OutboxEvent
from tests.capture.conftest import A5_PIXELS
from tests.capture.synth import read_tag
from tests.conftest import snapshot

NOW = datetime(2026, 2, 13, 9, 30)


def _pdf_images(data: bytes):
    """Each page's single image, decoded, and every image filter used."""
    images, filters = [], []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            (image,) = page.get_images().values()
            images.append(pikepdf.PdfImage(image).as_pil_image())
            names = image.Filter if isinstance(image.Filter, pikepdf.Array) else [image.Filter]
            filters.extend(str(f) for f in names)
    return images, filters


def test_twenty_pages_make_one_pdf_in_order_with_metadata_and_hash(
    db, clerk, received, pages_factory
):
    pages = pages_factory(20)
    seen = []
    result = attachments.attach_component(
        db,
        clerk,
        received,
        1,
        pages,
        source="scanner",
        now=NOW,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.pages == 20
    assert result.dpi == 200
    assert result.warnings == ()
    assert seen[-1] == (20, 20)

    data = attachments.read_component(db, clerk, received, 1)
    assert sha256_of(data) == result.sha256
    assert len(data) == result.size
    images, filters = _pdf_images(data)
    assert len(images) == 20
    assert [read_tag(im, A5_PIXELS[0]) for im in images] == list(range(20))
    assert "/JBIG2Decode" not in filters
    assert set(filters) <= {"/DCTDecode", "/CCITTFaxDecode"}

    meta = read_metadata(data)
    assert meta["MotCuaDossierCode"] == received
    assert meta["MotCuaComponent"] == "1"
    assert meta["MotCuaOfficer"] == "canbo1"
    assert meta["MotCuaSource"] == "scanner"
    assert meta["CreationDate"].startswith("D:20260213093000")
    assert received in meta["Title"]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        xmp = pdf.open_metadata()
        assert xmp["dc:identifier"] == f"{received}/1"
        # A5 at 200 dpi is 420 × 595 points.
        box = [float(v) for v in pdf.pages[0].mediabox]
        assert abs(box[2] - 420.9) < 2 and abs(box[3] - 595.4) < 2

    with db.read() as session:
        row = session.scalar(select(Attachment))
        assert (row.sha256, row.pages, row.dpi, row.source, row.officer) == (
            result.sha256,
            20,
            200,
            "scanner",
            "canbo1",
        )
        comp = session.get(DossierComponent, row.dossier_component_id)
        assert comp.digitized and not comp.reused
        event = session.scalar(select(OutboxEvent).where(OutboxEvent.type == "dossier.attachments"))
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "dossier.digitize"))
    assert event.payload["manifest"] == [
        {
            "component_index": 1,
            "sha256": result.sha256,
            "size": result.size,
            "pages": 20,
            "mime": "application/pdf",
        }
    ]
    # The payload is what the server's wire schema accepts.
    parsed = protocol.DossierAttachments.model_validate(event.payload)
    assert parsed.dossier_uuid == UUID(event.dossier_uuid)
    assert audit.target == received and audit.detail["sha256"] == result.sha256
    assert attachments.verify(db, clerk, result.sha256) == result.size


def test_a_corrupted_stored_file_is_reported_never_returned(db, clerk, received, pages_factory):
    result = attachments.attach_component(
        db, clerk, received, 2, pages_factory(2), source="file", now=NOW
    )
    path = attachments.store_for(db).path_for(result.sha256)
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) & 0o222 == 0, "stored read-only"
    os.chmod(path, 0o644)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(DomainError) as err:
        attachments.read_component(db, clerk, received, 2)
    assert err.value.code == "attachment_corrupt"
    assert "bị hỏng" in err.value.message_vi
    with pytest.raises(DomainError) as err:
        attachments.verify(db, clerk, result.sha256)
    assert err.value.code == "attachment_corrupt"
    path.unlink()
    with pytest.raises(DomainError) as err:
        attachments.read_component(db, clerk, received, 2)
    assert err.value.code == "attachment_missing"


def test_capturing_again_replaces_the_component_and_the_manifest_lists_each_once(
    db, clerk, received, pages_factory
):
    first = attachments.attach_component(
        db, clerk, received, 1, pages_factory(2), source="file", now=NOW
    )
    attachments.attach_component(
        db, clerk, received, 2, pages_factory(1, seed=5), source="camera", now=NOW
    )
    again = attachments.attach_component(
        db, clerk, received, 1, pages_factory(3, seed=9), source="scanner", now=NOW
    )
    assert again.sha256 != first.sha256
    with db.read() as session:
        assert len(session.scalars(select(Attachment)).all()) == 2
        events = session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.type == "dossier.attachments")
            .order_by(OutboxEvent.id)
        ).all()
        audit = session.scalars(
            select(AuditLog).where(AuditLog.action == "dossier.digitize").order_by(AuditLog.id)
        ).all()
    assert len(events) == 3
    last = events[-1].payload["manifest"]
    assert [(m["component_index"], m["sha256"], m["pages"]) for m in last] == [
        (1, again.sha256, 3),
        (2, last[1]["sha256"], 1),
    ]
    assert audit[-1].detail["replaced"] == first.sha256
    # The earlier file stays in the store: content-addressed files are never rewritten.
    assert attachments.store_for(db).has(first.sha256)


def test_unknown_component_or_dossier_writes_nothing(db, clerk, received, pages_factory, data_dir):
    before = snapshot(db.path)
    for code, index in ((received, 9), ("000.00.24.H47-260213-0999", 1)):
        with pytest.raises(DomainError) as err:
            attachments.attach_component(
                db, clerk, code, index, pages_factory(1), source="file", now=NOW
            )
        assert err.value.code in ("unknown_component", "unknown_dossier")
    assert snapshot(db.path) == before
    assert not (data_dir / "attachments").exists()


def test_no_pages_and_bad_source_are_refused(db, clerk, received, pages_factory):
    with pytest.raises(DomainError) as err:
        attachments.attach_component(db, clerk, received, 1, [], source="file", now=NOW)
    assert err.value.code == "no_pages"
    with pytest.raises(DomainError) as err:
        attachments.attach_component(db, clerk, received, 1, pages_factory(1), source="fax")
    assert err.value.code == "bad_source"


def test_an_officer_without_the_right_cannot_attach(db, received, pages_factory):
    stranger = Actor("khach", "Khách", "visitor")
    with pytest.raises(DomainError) as err:
        attachments.attach_component(db, stranger, received, 1, pages_factory(1), source="file")
    assert err.value.code == "forbidden"


def test_cancelling_stops_before_anything_is_stored(db, clerk, received, pages_factory, data_dir):
    with pytest.raises(DomainError) as err:
        attachments.attach_component(
            db, clerk, received, 1, pages_factory(3), source="file", cancel=lambda: True
        )
    assert err.value.code == "cancelled"
    assert not (data_dir / "attachments").exists()


def test_reuse_from_an_earlier_dossier_of_the_same_applicant(
    db, clerk, received, receive_another, pages_factory
):
    first = attachments.attach_component(
        db, clerk, received, 1, pages_factory(2), source="scanner", now=NOW
    )
    later = receive_another()
    offered = attachments.reusable_for(db, clerk, later)
    assert [(o.dossier_code, o.component_index, o.sha256) for o in offered] == [
        (received, 1, first.sha256)
    ]
    reused = attachments.mark_reused(
        db, clerk, later, 1, offered[0].attachment_uuid, now=datetime(2026, 2, 13, 11, 0)
    )
    assert reused.source == "reused"
    assert reused.sha256 == first.sha256
    assert reused.reused_from == f"{received}/1"
    with db.read() as session:
        comps = session.scalars(select(DossierComponent).order_by(DossierComponent.id)).all()
        event = session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.type == "dossier.attachments")
            .order_by(OutboxEvent.id.desc())
        ).first()
    mine = [c for c in comps if c.index == 1][-1]
    assert mine.reused and mine.digitized
    assert event.payload["code"] == later
    assert event.payload["manifest"][0]["sha256"] == first.sha256
    # The reused file reads back verified like any other.
    assert sha256_of(attachments.read_component(db, clerk, later, 1)) == first.sha256
    # Nothing from the dossier itself, nor from later dossiers, is offered.
    assert attachments.reusable_for(db, clerk, received) == []


def test_reuse_refuses_another_applicants_file_and_a_damaged_one(
    db, clerk, received, receive_another, pages_factory
):
    first = attachments.attach_component(
        db, clerk, received, 1, pages_factory(1), source="scanner", now=NOW
    )
    with db.read() as session:
        source_uuid = session.scalar(select(Attachment.uuid))
    other = receive_another(
        id_number="001185012345", full_name="Lê Thị Lan", birth_date="1985-06-01", sex="Nữ"
    )
    with pytest.raises(DomainError) as err:
        attachments.mark_reused(db, clerk, other, 1, source_uuid)
    assert err.value.code == "not_reusable"
    same = receive_another()
    path = attachments.store_for(db).path_for(first.sha256)
    os.chmod(path, 0o644)
    path.write_bytes(b"%PDF-1.4 not the original")
    before = snapshot(db.path)
    with pytest.raises(DomainError) as err:
        attachments.mark_reused(db, clerk, same, 1, source_uuid)
    assert err.value.code == "attachment_corrupt"
    assert snapshot(db.path) == before
