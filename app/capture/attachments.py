"""Digitized components: attaching captured pages, reusing earlier files, verified reads.

Attaching does the slow part first, outside any transaction: cleaning the
pages, building the PDF and storing it (fsynced) under its SHA-256. Only then
one short transaction records the attachment, marks the component
digitized, queues the ``dossier.attachments`` event with the dossier's whole
manifest and writes the audit entry. A crash before that transaction leaves
at most an unreferenced file in the store, never a row pointing at nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.capture.clean import CleanOptions
from app.capture.pages import SOURCES, CaptureWarning, Page
from app.capture.pdf import MIME, PdfMetadata
from app.capture.store import AttachmentStore, check_sha256
from app.domain.errors import DomainError
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth, station
from app.office.auth import Actor
from db.engine import Database
from db.models import Applicant, Attachment, Dossier, DossierComponent, DossierResult

EVENT_TYPE = "dossier.attachments"
REUSED = "reused"


@dataclass(frozen=True)
class AttachRequest:
    """One component's pages, in order."""

    code: str
    component_index: int
    pages: Sequence[Page]


@dataclass(frozen=True)
class AttachResult:
    code: str
    dossier_uuid: str
    component_index: int
    component_name: str
    sha256: str
    size: int
    pages: int
    dpi: int | None
    mime: str
    source: str
    captured_at: datetime
    reused_from: str | None = None  # "<code>/<component>" of the file reused
    warnings: tuple[CaptureWarning, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "dossier_uuid": self.dossier_uuid,
            "component": self.component_index,
            "component_name": self.component_name,
            "sha256": self.sha256,
            "size": self.size,
            "pages": self.pages,
            "dpi": self.dpi,
            "mime": self.mime,
            "source": self.source,
            "captured_at": self.captured_at.isoformat(),
            "reused_from": self.reused_from,
            "warnings": [w.to_json() for w in self.warnings],
        }


@dataclass(frozen=True)
class ReusableAttachment:
    attachment_uuid: str
    dossier_code: str
    received_at: datetime
    procedure_name: str
    component_index: int
    component_name: str
    pages: int
    size: int
    sha256: str
    captured_at: datetime


def store_for(db: Database) -> AttachmentStore:
    """The store in the database's own data folder: never a path a user typed."""
    return AttachmentStore.for_data_dir(db.path.parent, db.key)


def _component(dossier: Dossier, index: int) -> DossierComponent:
    for comp in dossier.components:
        if comp.index == index:
            return comp
    raise DomainError(
        "unknown_component",
        f"Hồ sơ {dossier.code} không có thành phần số {index}.",
        f"Dossier {dossier.code} has no component {index}.",
        field="component",
    )


def _attachment_of(session: Session, comp: DossierComponent) -> Attachment | None:
    return session.scalar(select(Attachment).where(Attachment.dossier_component_id == comp.id))


def manifest(session: Session, dossier: Dossier) -> list[dict[str, Any]]:
    """Every current attachment of the dossier, as the server's manifest wants it."""
    rows = session.execute(
        select(DossierComponent.index, Attachment)
        .join(Attachment, Attachment.dossier_component_id == DossierComponent.id)
        .where(DossierComponent.dossier_id == dossier.id)
        .order_by(DossierComponent.index)
    ).all()
    return [
        {
            "component_index": index,
            "sha256": a.sha256,
            "size": a.size,
            "pages": a.pages,
            "mime": a.mime,
        }
        for index, a in rows
    ]


def _announce(session: Session, dossier: Dossier, now: datetime) -> None:
    session.flush()
    payload = {
        "dossier_uuid": dossier.uuid,
        "code": dossier.code,
        "manifest": manifest(session, dossier),
    }
    journal.add_event(session, EVENT_TYPE, payload, now, dossier.uuid)


def _check_source(source: str) -> str:
    if source not in SOURCES:
        raise DomainError(
            "bad_source",
            f"Nguồn số hóa “{source}” không hợp lệ.",
            f"Unknown capture source “{source}”.",
            field="source",
        )
    return source


def check_target(db: Database, actor: Actor, code: str, component_index: int) -> str:
    """The component's name, or a refusal; checked before minutes of scanning, not after."""
    auth.require(actor, "dossier.receive")
    with db.read() as session:
        return _component(by_code(session, code.strip()), component_index).name


def attach_component(
    db: Database,
    actor: Actor,
    code: str,
    component_index: int,
    pages: Sequence[Page],
    *,
    source: str,
    now: datetime | None = None,
    options: CleanOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> AttachResult:
    """Build the component's PDF from ``pages`` and attach it (replacing an earlier one)."""
    return attach_many(
        db,
        actor,
        [AttachRequest(code, component_index, pages)],
        source=source,
        now=now,
        options=options,
        progress=progress,
        cancel=cancel,
        workers=workers,
    )[0]


def attach_many(
    db: Database,
    actor: Actor,
    requests: Sequence[AttachRequest],
    *,
    source: str,
    now: datetime | None = None,
    options: CleanOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> list[AttachResult]:
    """Attach several components (a batch) in one transaction: all land, or none."""
    from app.capture.pipeline import build_component

    auth.require(actor, "dossier.receive")
    _check_source(source)
    now = now or clock.now()
    seen: set[tuple[str, int]] = set()
    metas: list[PdfMetadata] = []
    with db.read() as session:
        office_name = station.load(session).office_name
        for req in requests:
            key = (req.code.strip(), req.component_index)
            if key in seen:
                raise DomainError(
                    "duplicate_component",
                    f"Thành phần {key[1]} của hồ sơ {key[0]} xuất hiện hai lần.",
                    f"Component {key[1]} of dossier {key[0]} appears twice.",
                )
            seen.add(key)
            comp = _component(by_code(session, key[0]), req.component_index)
            metas.append(
                PdfMetadata(
                    dossier_code=key[0],
                    component_index=comp.index,
                    component_name=comp.name,
                    officer=actor.username,
                    officer_name=actor.full_name,
                    captured_at=now,
                    source=source,
                    office_name=office_name,
                )
            )
    total = sum(len(r.pages) for r in requests)
    built = []
    offset = 0
    for req, meta in zip(requests, metas, strict=True):

        def step(done: int, _count: int, base: int = offset) -> None:
            if progress is not None:
                progress(base + done, total)

        built.append(
            build_component(req.pages, meta, options, workers=workers, progress=step, cancel=cancel)
        )
        offset += len(req.pages)
    store = store_for(db)
    stored = [store.put(b.pdf) for b in built]
    results: list[AttachResult] = []
    with db.write() as session:
        touched: dict[int, Dossier] = {}
        for meta, comp_built, file in zip(metas, built, stored, strict=True):
            dossier = by_code(session, meta.dossier_code)
            comp = _component(dossier, meta.component_index)
            row = _attachment_of(session, comp)
            previous = row.sha256 if row is not None else None
            if row is None:
                row = Attachment(uuid=str(uuid.uuid4()), dossier_component_id=comp.id)
                session.add(row)
            row.sha256, row.size, row.pages = file.sha256, file.size, comp_built.pages
            row.dpi, row.source, row.mime = comp_built.dpi, source, MIME
            row.officer, row.captured_at, row.reused_from = actor.username, now, None
            comp.digitized, comp.reused = True, False
            touched[dossier.id] = dossier
            journal.audit(
                session,
                actor.username,
                "dossier.digitize",
                dossier.code,
                now,
                {
                    "component": comp.index,
                    "sha256": file.sha256,
                    "pages": comp_built.pages,
                    "dpi": comp_built.dpi,
                    "source": source,
                    "replaced": previous,
                },
            )
            results.append(
                AttachResult(
                    dossier.code,
                    dossier.uuid,
                    comp.index,
                    comp.name,
                    file.sha256,
                    file.size,
                    comp_built.pages,
                    comp_built.dpi,
                    MIME,
                    source,
                    now,
                    warnings=comp_built.warnings,
                )
            )
        for dossier in touched.values():
            _announce(session, dossier, now)
    return results


def mark_reused(
    db: Database,
    actor: Actor,
    code: str,
    component_index: int,
    from_attachment: str,
    now: datetime | None = None,
) -> AttachResult:
    """Record that the component is the applicant's file from an earlier dossier."""
    auth.require(actor, "dossier.receive")
    now = now or clock.now()
    store = store_for(db)
    with db.write() as session:
        dossier = by_code(session, code.strip())
        comp = _component(dossier, component_index)
        source_row = session.scalar(select(Attachment).where(Attachment.uuid == from_attachment))
        # A result the office itself issued earlier is reused like a component.
        result_row = (
            session.scalar(select(DossierResult).where(DossierResult.uuid == from_attachment))
            if source_row is None
            else None
        )
        if source_row is None and result_row is None:
            raise DomainError(
                "unknown_attachment",
                "Không tìm thấy tệp số hóa được chọn để dùng lại.",
                "The file chosen for reuse does not exist.",
                field="from_attachment",
            )
        if result_row is not None:
            earlier = session.get(Dossier, result_row.dossier_id)
            source_label = "kết quả"
        else:
            source_comp = session.get(DossierComponent, source_row.dossier_component_id)
            earlier = session.get(Dossier, source_comp.dossier_id)
            source_label = str(source_comp.index)
        origin_row = source_row if source_row is not None else result_row
        if (
            earlier.id == dossier.id
            or earlier.applicant_id != dossier.applicant_id
            or (earlier.received_at > dossier.received_at)
        ):
            raise DomainError(
                "not_reusable",
                "Chỉ dùng lại được tệp đã số hóa của hồ sơ trước đây của cùng người nộp.",
                "Only a file from an earlier dossier of the same applicant can be reused.",
                field="from_attachment",
            )
        # Never link a file that is no longer what was stored.
        store.verify(origin_row.sha256)
        row = _attachment_of(session, comp)
        if row is None:
            row = Attachment(uuid=str(uuid.uuid4()), dossier_component_id=comp.id)
            session.add(row)
        row.sha256, row.size, row.pages = origin_row.sha256, origin_row.size, origin_row.pages
        row.dpi = source_row.dpi if source_row is not None else None
        row.source, row.mime = REUSED, origin_row.mime
        row.officer, row.captured_at = actor.username, now
        row.reused_from = source_row.id if source_row is not None else None
        comp.digitized, comp.reused = True, True
        origin = f"{earlier.code}/{source_label}"
        journal.audit(
            session,
            actor.username,
            "dossier.reuse",
            dossier.code,
            now,
            {
                "component": comp.index,
                "sha256": row.sha256,
                "from": origin,
            },
        )
        _announce(session, dossier, now)
        return AttachResult(
            dossier.code,
            dossier.uuid,
            comp.index,
            comp.name,
            row.sha256,
            row.size,
            row.pages,
            row.dpi,
            row.mime,
            REUSED,
            now,
            reused_from=origin,
        )


def list_reusable(
    db: Database, actor: Actor, applicant: str, *, before_code: str | None = None
) -> list[ReusableAttachment]:
    """The applicant's digitized components, newest first, one per distinct file.

    ``applicant`` is the applicant's uuid; ``before_code`` limits the list to
    dossiers received before that one (the dossier being digitized).
    """
    auth.require(actor, "dossier.lookup")
    with db.read() as session:
        query = (
            select(Attachment, DossierComponent, Dossier)
            .join(DossierComponent, DossierComponent.id == Attachment.dossier_component_id)
            .join(Dossier, Dossier.id == DossierComponent.dossier_id)
            .join(Applicant, Applicant.id == Dossier.applicant_id)
            .where(Applicant.uuid == applicant)
            .order_by(Dossier.received_at.desc(), DossierComponent.index)
        )
        if before_code:
            current = by_code(session, before_code.strip())
            query = query.where(
                Dossier.id != current.id, Dossier.received_at <= current.received_at
            )
        items: list[ReusableAttachment] = []
        seen: set[str] = set()
        for att, comp, dossier in session.execute(query).all():
            if att.sha256 in seen:
                continue
            seen.add(att.sha256)
            items.append(
                ReusableAttachment(
                    att.uuid,
                    dossier.code,
                    dossier.received_at,
                    dossier.procedure.name,
                    comp.index,
                    comp.name,
                    att.pages,
                    att.size,
                    att.sha256,
                    att.captured_at,
                )
            )
        # Results the office issued to this applicant: papers never to ask for again.
        issued = (
            select(DossierResult, Dossier)
            .join(Dossier, Dossier.id == DossierResult.dossier_id)
            .join(Applicant, Applicant.id == Dossier.applicant_id)
            .where(Applicant.uuid == applicant)
            .order_by(Dossier.received_at.desc())
        )
        if before_code:
            issued = issued.where(
                Dossier.id != current.id, Dossier.received_at <= current.received_at
            )
        for result, dossier in session.execute(issued).all():
            if result.sha256 in seen:
                continue
            seen.add(result.sha256)
            items.append(
                ReusableAttachment(
                    result.uuid,
                    dossier.code,
                    dossier.received_at,
                    dossier.procedure.name,
                    0,
                    f"Kết quả: {result.kind or 'giấy tờ kết quả'}",
                    result.pages,
                    result.size,
                    result.sha256,
                    result.captured_at,
                )
            )
        return items


def reusable_for(db: Database, actor: Actor, code: str) -> list[ReusableAttachment]:
    """What the applicant of dossier ``code`` already has on file from earlier dossiers."""
    auth.require(actor, "dossier.lookup")
    with db.read() as session:
        applicant_uuid = by_code(session, code.strip()).applicant.uuid
    return list_reusable(db, actor, applicant_uuid, before_code=code)


def read_component(db: Database, actor: Actor, code: str, component_index: int) -> bytes:
    """The component's PDF, verified against its recorded hash (raises if damaged)."""
    auth.require(actor, "dossier.lookup")
    with db.read() as session:
        comp = _component(by_code(session, code.strip()), component_index)
        row = _attachment_of(session, comp)
        if row is None:
            raise DomainError(
                "not_digitized",
                f"Thành phần {component_index} của hồ sơ {code} chưa được số hóa.",
                f"Component {component_index} of dossier {code} is not digitized.",
                field="component",
            )
        sha = row.sha256
    return store_for(db).read(sha)


def verify(db: Database, actor: Actor, sha256: str) -> int:
    """Size of the stored file if it is recorded, present and intact; raises otherwise."""
    auth.require(actor, "dossier.lookup")
    sha = check_sha256(sha256)
    with db.read() as session:
        known = session.scalar(select(Attachment.id).where(Attachment.sha256 == sha).limit(1))
    if known is None:
        raise DomainError(
            "unknown_attachment",
            f"Không có tệp số hóa nào mang mã băm {sha[:12]}….",
            f"No attachment has hash {sha[:12]}….",
            field="sha256",
        )
    return store_for(db).verify(sha)


def add_text_layer(
    db: Database, actor: Actor, code: str, component_index: int, now: datetime | None = None
) -> AttachResult:
    """Replace the component's PDF by its searchable version (slow: run it in the background).

    If the component was captured again while OCR ran, the new capture wins
    and this refuses rather than overwrite it. A file that already carries
    text is refused too: recognising it again would only churn its hash and
    send the same pages to the server once more.
    """
    from app.capture import ocr
    from app.capture.store import sha256_of

    auth.require(actor, "dossier.receive")
    now = now or clock.now()
    original = read_component(db, actor, code, component_index)
    if ocr.has_text_layer(original):
        raise DomainError(
            "already_searchable",
            f"Thành phần {component_index} của hồ sơ {code} đã có lớp chữ tìm kiếm được; "
            "không cần nhận dạng lại.",
            f"Component {component_index} of dossier {code} is already searchable.",
            field="component",
        )
    searchable = ocr.add_text_layer(original, modified=now, work_dir=db.path.parent / "tmp")
    file = store_for(db).put(searchable)
    with db.write() as session:
        dossier = by_code(session, code.strip())
        comp = _component(dossier, component_index)
        row = _attachment_of(session, comp)
        if row is None or row.sha256 != sha256_of(original):
            raise DomainError(
                "attachment_changed",
                "Thành phần vừa được số hóa lại trong lúc nhận dạng chữ; giữ bản mới.",
                "The component was captured again while text was recognised; the new "
                "capture is kept.",
            )
        previous, row.sha256, row.size = row.sha256, file.sha256, file.size
        journal.audit(
            session,
            actor.username,
            "dossier.ocr",
            dossier.code,
            now,
            {
                "component": comp.index,
                "sha256": file.sha256,
                "replaced": previous,
            },
        )
        _announce(session, dossier, now)
        return AttachResult(
            dossier.code,
            dossier.uuid,
            comp.index,
            comp.name,
            row.sha256,
            row.size,
            row.pages,
            row.dpi,
            row.mime,
            row.source,
            row.captured_at,
        )
