"""Printing the counter's paper forms for a dossier, with the audit trail.

Looks the dossier up, turns it into the plain objects of ``app.paper.render``
and renders. Every print is recorded in the audit log; a form printed again
for the same dossier is marked "BẢN SAO" automatically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain.errors import DomainError
from app.domain.status import Status
from app.domain.timeliness import Timeliness
from app.dossiers.intake import lookup_url
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth, catalogue, office_names, settings, station
from app.office.auth import Actor
from app.paper import archive
from app.paper.control_rows import handover_rows
from app.paper.render import (
    ApologyLetter,
    ApplicantInfo,
    ComponentLine,
    ControlSheet,
    DossierInfo,
    LogbookLine,
    OfficeInfo,
    RefusalNotice,
    StopNotice,
    SupplementItem,
    SupplementRequest,
    render_apology,
    render_control_sheet,
    render_logbook,
    render_receipt,
    render_refusal,
    render_stop_notice,
    render_supplement,
)
from app.paper.render.templates import TEMPLATES, document_number
from db.engine import Database
from db.models import AuditLog, Dossier, Officer

FORMS = ("receipt", "supplement", "refusal", "apology", "control", "stop")
FORM_LABELS_VI = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    "stop": "Thông báo dừng giải quyết hồ sơ",
    "logbook": "Sổ theo dõi hồ sơ",
    "guide": "Hướng dẫn thực hiện thủ tục hành chính",
}
LAYOUTS = ("a4", "80mm")
# A control sheet printed again carries the hand-overs made since: a new sheet.
AUTO_COPY_FORMS = ("receipt",)
MAX_LOGBOOK_DAYS = 366
# Draw again when another station took the slip number meanwhile, at most this often.
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class FormOptions:
    """What some forms need beyond the dossier itself."""

    reason: str | None = None
    new_due_at: datetime | None = None
    missing: tuple[int, ...] = ()
    missing_names: tuple[str, ...] = ()
    guidance: str | None = None
    contact: str | None = None
    requested_at: date | None = None


def _required(value: str | None, what_vi: str, what_en: str, field: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise DomainError(
            "missing_" + field, f"Cần nhập {what_vi}.", f"{what_en} is required.", field=field
        )
    return text


def office_info(session: Session) -> OfficeInfo:
    info = station.load(session)
    values = settings.get_all(session)
    names = office_names.load(session)
    return OfficeInfo(
        agency_code=info.agency_code,
        name=names.governing_body,
        parent_name=info.parent_name,
        address=info.address or "",
        phone=values["contact_phone"] or info.phone or "",
        province_place=names.place,
        unit_name=names.unit_name,
        bank_bin=values["bank_bin"] or None,
        bank_account=values["bank_account"] or None,
        bank_account_name=values["bank_account_name"] or None,
        signer_for=names.signer_for,
        signer_title=names.signer_title,
        office_abbr=names.office_abbr,
        unit_abbr=names.unit_abbr,
        letters_by_unit=names.letters_by_unit,
        hours_text=working_hours_text(values["working_hours"]),
    )


def working_hours_text(spec: str) -> str:
    """'07:30-11:30,13:30-17:30' → 'từ 07 giờ 30 đến 11 giờ 30, từ 13 giờ 30 đến 17 giờ 30'."""
    parts = []
    for span in spec.split(","):
        start, _, end = span.strip().partition("-")
        if start and end:
            parts.append(f"từ {start.replace(':', ' giờ ')} đến {end.replace(':', ' giờ ')}")
    return ", ".join(parts)


def dossier_info(session: Session, dossier: Dossier) -> DossierInfo:
    proc = dossier.procedure
    applicant = dossier.applicant
    officer = session.get(Officer, dossier.received_by).full_name if dossier.received_by else ""
    if not officer:
        received = next((h for h in dossier.history if h.status == Status.RECEIVED), None)
        name = received.officer if received else None
        row = session.scalar(select(Officer).where(Officer.username == name)) if name else None
        officer = row.full_name if row else (name or "")
    return DossierInfo(
        code=dossier.code,
        procedure_code=proc.code,
        procedure_name=proc.name,
        field=proc.field,
        applicant=ApplicantInfo(
            full_name=applicant.full_name,
            id_number=applicant.id_number or applicant.tax_code,
            address=applicant.address,
            phone=applicant.phone,
            email=applicant.email,
            sex=applicant.sex,
        ),
        components=tuple(
            ComponentLine(c.index, c.name, c.originals, c.copies) for c in dossier.components
        ),
        sets=dossier.sets,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        processing_text=catalogue.processing_text(
            proc.processing_value, proc.processing_unit, proc.processing_max_value
        ),
        result_place=_result_place(dossier),
        logbook_book=dossier.logbook_book or "",
        logbook_line=str(dossier.logbook_line or ""),
        fee_amount=dossier.fee_amount,
        fee_paid=dossier.fee_paid,
        fee_note=_exemption_label(dossier),
        lookup_url=_qr_text(session, dossier),
        receiving_officer=officer,
        summary=dossier.summary,
    )


def _qr_text(session: Session, dossier: Dossier) -> str:
    """The receipt's QR: the public look-up link, never one to this PC or the office LAN."""
    base = settings.receipt_link_base(session)
    # A dossier taken back from the server after a restore has no look-up secret
    # (the server keeps only its digest): a link without one would not open.
    if base is None or not dossier.lookup_secret:
        return dossier.code
    return lookup_url(base, dossier.code, dossier.lookup_secret)


def _result_place(dossier: Dossier) -> str:
    """Item 6 of the receipt: where the result is collected, or the postal return."""
    if dossier.return_by_post:
        where = dossier.return_address or dossier.postal_address or ""
        return "Qua dịch vụ bưu chính công ích" + (f": {where}" if where else "")
    return dossier.procedure.result_place or ""


def _exemption_label(dossier: Dossier) -> str | None:
    if not dossier.fee_exemption:
        return None
    labels = {e.get("code"): e.get("label") for e in dossier.procedure.fee_exemptions or []}
    return "Miễn: " + (labels.get(dossier.fee_exemption) or dossier.fee_exemption)


def slip_number(session: Session, form: str, now: datetime) -> str:
    """Slips are numbered per form and year with the office's symbols, e.g. ``12/TB-UBND``."""
    start = datetime(now.year, 1, 1)
    count = session.scalar(
        select(func.count(AuditLog.id)).where(
            AuditLog.action == f"print.{form}",
            AuditLog.at >= start,
            AuditLog.detail["reprint"].as_boolean().is_(False),
        )
    )
    names = office_names.load(session)
    number = document_number(
        TEMPLATES[form],
        (count or 0) + 1,
        office_abbr=names.office_abbr,
        unit_abbr=names.unit_abbr,
    )
    return number or f"{(count or 0) + 1:02d}"


def _printed_before(session: Session, form: str, code: str) -> bool:
    return (
        session.scalar(
            select(AuditLog.id)
            .where(AuditLog.action == f"print.{form}", AuditLog.target == code)
            .limit(1)
        )
        is not None
    )


def _supplement_items(dossier: Dossier, opts: FormOptions) -> tuple[SupplementItem, ...]:
    by_index = {c.index: c for c in dossier.procedure.components}
    items = []
    for index in opts.missing:
        comp = by_index.get(index)
        if comp is None:
            raise DomainError(
                "unknown_component",
                f"Thủ tục {dossier.procedure.code} không có thành phần số {index}.",
                f"Procedure {dossier.procedure.code} has no component {index}.",
                field="missing",
            )
        items.append(SupplementItem(comp.name, originals=comp.originals, photocopies=comp.copies))
    items += [SupplementItem(name, originals=1) for name in opts.missing_names if name.strip()]
    if not items:
        raise DomainError(
            "missing_items",
            "Cần ghi rõ giấy tờ phải bổ sung (--missing).",
            "List what must be supplemented (--missing).",
            field="missing",
        )
    return tuple(items)


def _render(
    session: Session,
    form: str,
    dossier: Dossier,
    opts: FormOptions,
    actor: Actor,
    now: datetime,
    layout: str,
    two_per_page: bool,
    reprint: bool,
) -> Callable[[], bytes]:
    """Everything read from the database now; the returned call only draws the PDF."""
    office = office_info(session)
    info = dossier_info(session, dossier)
    common = {"reprint": reprint, "printed_at": now}
    values = settings.get_all(session)
    if form == "receipt":
        return partial(
            render_receipt, office, info, layout=layout, two_copies_per_page=two_per_page, **common
        )
    number = slip_number(session, form, now)
    contact = opts.contact or f"{actor.full_name}" + (
        f", ĐT {office.phone}" if office.phone else ""
    )
    if form == "supplement":
        request = SupplementRequest(
            number=number,
            issued_at=now,
            items=_supplement_items(dossier, opts),
            reason=_required(opts.reason, "lý do yêu cầu bổ sung", "A reason", "reason"),
            guidance=opts.guidance
            or f"Thủ tục {dossier.procedure.code} trên Cổng Dịch vụ "
            "công quốc gia và tại Bộ phận Một cửa",
            contact_officer=actor.full_name,
            guiding_officer=actor.full_name,
            contact_phone=office.phone or None,
        )
        return partial(render_supplement, office, info, request, **common)
    if form == "refusal":
        notice = RefusalNotice(
            number=number,
            issued_at=now,
            reason=_required(opts.reason, "lý do từ chối", "A reason", "reason"),
            contact=contact,
            officer=actor.full_name,
            legal_basis=opts.guidance,
        )
        return partial(render_refusal, office, info, notice, **common)
    if form == "apology":
        if opts.new_due_at is None:
            raise DomainError(
                "missing_new_date",
                "Cần nhập ngày hẹn trả kết quả mới (--new-date).",
                "The new appointment (--new-date) is required.",
                field="new_date",
            )
        if dossier.due_at and opts.new_due_at <= dossier.due_at:
            raise DomainError(
                "bad_new_date",
                "Ngày hẹn mới phải sau ngày hẹn cũ.",
                "The new appointment must be after the old one.",
                field="new_date",
            )
        letter = ApologyLetter(
            number=number,
            issued_at=now,
            reason=_required(opts.reason, "lý do chậm trả kết quả", "A reason", "reason"),
            new_due_at=opts.new_due_at,
            head_name=values["head_name"],
            head_title=office.signer_title,
        )
        return partial(render_apology, office, info, letter, **common)
    if form == "control":
        resolving = resolving_agency(office, dossier)
        sheet = ControlSheet(
            rows=handover_rows(session, office, dossier, resolving),
            resolving_unit=resolving,
            blank_rows=1,
        )
        return partial(render_control_sheet, office, info, sheet, **common)
    notice = StopNotice(
        number=number,
        issued_at=now,
        reason=_required(opts.reason, "lý do dừng giải quyết", "A reason", "reason"),
        requested_at=opts.requested_at or now.date(),
        signer_name=values["head_name"],
        signer_title=office.signer_title,
    )
    return partial(render_stop_notice, office, info, notice, **common)


def print_form(
    db: Database,
    actor: Actor,
    form: str,
    code: str,
    *,
    layout: str | None = None,
    two_per_page: bool | None = None,
    reprint: bool | None = None,
    options: FormOptions | None = None,
    now: datetime | None = None,
) -> bytes:
    """Render ``form`` for dossier ``code`` as PDF bytes and record the print."""
    auth.require(actor, "dossier.print")
    if form not in FORMS:
        raise DomainError(
            "unknown_form",
            f"Không có mẫu “{form}” ({', '.join(FORMS)}).",
            f"No form “{form}” ({', '.join(FORMS)}).",
            field="form",
        )
    now = now or clock.now()
    opts = options or FormOptions()
    for _ in range(MAX_ATTEMPTS):
        with db.read() as session:
            prepared = prepare(session, actor, form, code, layout, two_per_page, reprint, opts, now)
            original = (
                _archived(db, session, form, prepared.code, prepared.variant)
                if prepared.reprint
                else None
            )
        pdf, kept = paper_for(db, prepared, original)
        try:
            with db.write() as session:
                record(session, actor, prepared, kept)
        except SlipNumberTaken:
            continue
        return pdf
    raise _busy()


def paper_for(
    db: Database, prepared: PreparedForm, original: tuple[str, bytes] | None = None
) -> tuple[bytes, dict[str, str]]:
    """The PDF to print and what the audit entry says about its archive.

    A reprint is the very file printed first, stamped: identical word for
    word. An original is made PDF/A-2b and kept under its SHA-256.
    """
    if original is not None:
        digest, kept = original
        return archive.stamped_copy(kept), {"copy_of": digest}
    pdf = prepared.render()
    if prepared.reprint:
        return pdf, {}
    title = f"{FORM_LABELS_VI[prepared.form]} {prepared.code}"
    pdf = archive.to_pdfa(pdf, title=title, created=prepared.at)
    return pdf, {"archive": archive.store(db.path.parent, pdf)}


@dataclass(frozen=True)
class PreparedForm:
    """A form read from the database and ready to draw, outside any write lock."""

    form: str
    code: str
    status: int
    layout: str
    reprint: bool
    number: str | None
    at: datetime
    render: Callable[[], bytes]
    two_per_page: bool = False

    @property
    def variant(self) -> dict[str, object]:
        """What must match for an archived print to stand as this one's copy."""
        if self.form != "receipt":
            return {"layout": "a4"}
        return {"layout": self.layout, "two_per_page": self.two_per_page}


class SlipNumberTaken(Exception):
    """Another print took this slip's number (or the dossier moved) while it was drawn."""


def _busy() -> DomainError:
    return DomainError(
        "print_busy",
        "Máy khác đang in cùng loại phiếu; hãy thử lại.",
        "Another station is printing the same kind of slip; try again.",
    )


def prepare(
    session: Session,
    actor: Actor,
    form: str,
    code: str,
    layout: str | None,
    two_per_page: bool | None,
    reprint: bool | None,
    opts: FormOptions,
    now: datetime,
) -> PreparedForm:
    """Read what ``form`` needs for dossier ``code``; nothing is written."""
    layout = layout or settings.get(session, "receipt_layout")
    if layout not in LAYOUTS:
        raise DomainError(
            "bad_layout",
            "Khổ giấy phải là a4 hoặc 80mm.",
            "Layout must be a4 or 80mm.",
            field="layout",
        )
    if two_per_page is None:
        two_per_page = settings.get(session, "receipt_two_per_page") == "1"
    dossier = by_code(session, code.strip())
    if reprint is None:
        # Only forms whose content never changes are copies when printed again;
        # a second apology or supplement slip is a new document.
        reprint = form in AUTO_COPY_FORMS and _printed_before(session, form, dossier.code)
    draw = _render(session, form, dossier, opts, actor, now, layout, two_per_page, reprint)
    number = None if form == "receipt" else slip_number(session, form, now)
    return PreparedForm(
        form, dossier.code, dossier.status, layout, reprint, number, now, draw, bool(two_per_page)
    )


def record(
    session: Session,
    actor: Actor,
    prepared: PreparedForm,
    kept: dict[str, str] | None = None,
) -> None:
    """The print's audit entry, in the caller's write transaction.

    Raises :class:`SlipNumberTaken` when the slip number drawn is no longer
    the next one, or the dossier's status moved since it was read, so the
    caller draws again rather than record a slip that says something else.
    """
    if prepared.number is not None and slip_number(session, prepared.form, prepared.at) != (
        prepared.number
    ):
        raise SlipNumberTaken()
    if by_code(session, prepared.code).status != prepared.status:
        raise SlipNumberTaken()
    journal.audit(
        session,
        actor.username,
        f"print.{prepared.form}",
        prepared.code,
        prepared.at,
        {
            "reprint": prepared.reprint,
            **prepared.variant,
            "number": prepared.number,
            **(kept or {}),
        },
    )


def _archived(
    db: Database, session: Session, form: str, code: str, variant: dict[str, object]
) -> tuple[str, bytes] | None:
    """The PDF/A kept from the latest original print of this form and layout, if any."""
    rows = session.scalars(
        select(AuditLog)
        .where(AuditLog.action == f"print.{form}", AuditLog.target == code)
        .order_by(AuditLog.id.desc())
    )
    for row in rows:
        detail = row.detail or {}
        digest = detail.get("archive")
        if not digest or any(detail.get(k, v) != v for k, v in variant.items()):
            continue
        kept = archive.load(db.path.parent, digest)
        if kept is not None:
            return digest, kept
    return None


def print_logbook(
    db: Database,
    actor: Actor,
    date_from: date,
    date_to: date,
    now: datetime | None = None,
    *,
    paper: str = "a4",
) -> bytes:
    """The log book of dossiers received between two days, inclusive.

    Lines keep the numbers the receipts gave them (per book and year).
    """
    if paper not in ("a4", "a3"):
        raise DomainError(
            "bad_paper",
            "Khổ giấy sổ theo dõi phải là a4 hoặc a3.",
            "The log book paper must be a4 or a3.",
            field="paper",
        )
    auth.require(actor, "dossier.print")
    if date_to < date_from:
        raise DomainError(
            "bad_period",
            "Ngày kết thúc phải sau ngày bắt đầu.",
            "The end date must not be before the start date.",
            field="to",
        )
    if (date_to - date_from).days > MAX_LOGBOOK_DAYS:
        raise DomainError(
            "period_too_long",
            "Mỗi lần in sổ tối đa một năm.",
            "A log book covers at most one year at a time.",
            field="to",
        )
    now = now or clock.now()
    with db.read() as session:
        rows = session.scalars(
            select(Dossier)
            .where(
                Dossier.received_at >= datetime.combine(date_from, datetime.min.time()),
                Dossier.received_at < datetime.combine(date_to, datetime.max.time()),
            )
            .options(
                selectinload(Dossier.applicant),
                selectinload(Dossier.procedure),
                selectinload(Dossier.history),
            )
            .order_by(Dossier.logbook_book, Dossier.logbook_line, Dossier.received_at, Dossier.id)
        ).all()
        office = office_info(session)
        lines = [_logbook_line(session, office, d) for d in rows]
    # Drawn outside the write lock: a year's log book takes a while.
    pdf = render_logbook(
        office, lines, date_from, date_to, paper=paper, reprint=False, printed_at=now
    )
    with db.write() as session:
        journal.audit(
            session,
            actor.username,
            "print.logbook",
            f"{date_from}..{date_to}",
            now,
            {"reprint": False, "lines": len(lines), "paper": paper},
        )
    return pdf


def resolving_agency(office: OfficeInfo, dossier: Dossier) -> str:
    """The lead resolving agency: the catalogue names none, so the office and the field.

    A procedure of the commune level is resolved by the People's Committee
    itself (its officer for the field); other levels by an agency the
    catalogue does not record, so only the field is printed.
    """
    proc = dossier.procedure
    field = f" (lĩnh vực {proc.field})" if proc.field else ""
    level = (proc.level or "").strip().lower()
    if level in ("xã", "cấp xã", "") or office.letters_by_unit:
        return f"{office.name}{field}"
    return f"Cơ quan cấp {proc.level}{field}"


def _first(dossier: Dossier, status: Status) -> datetime | None:
    return next((h.at for h in dossier.history if h.status == status), None)


def _logbook_line(session: Session, office: OfficeInfo, d: Dossier) -> LogbookLine:
    applicant = d.applicant
    contact = "; ".join(part for part in (applicant.address, applicant.phone) if part)
    notes = []
    if d.status not in (Status.RESOLVED, Status.RETURNED):
        notes.append(Status(d.status).label_vi)
    if d.return_timeliness:
        notes.append("Trả " + Timeliness(d.return_timeliness).label_vi.lower())
    return LogbookLine(
        number=d.logbook_line or 0,
        book=d.logbook_book or "",
        code=d.code,
        applicant=applicant.full_name,
        procedure=d.procedure.name,
        sets=d.sets,
        contact=contact,
        lead_agency=resolving_agency(office, d),
        received_at=d.received_at,
        due_at=d.due_at,
        sent_at=_first(d, Status.PROCESSING),
        result_at=d.resolved_at or _first(d, Status.RESOLVED),
        returned_at=d.returned_at,
        note="; ".join(notes),
    )


def parse_options(**raw: Any) -> FormOptions:
    """Options as typed on the command line or in a dialog."""
    from app.infra.clock import parse_datetime

    missing: list[int] = []
    names: list[str] = []
    for part in (raw.get("missing") or "").split(","):
        part = part.strip()
        if part.isdigit():
            missing.append(int(part))
        elif part:
            names.append(part)
    new_date = raw.get("new_date")
    requested = raw.get("requested_at")
    try:
        requested_day = date.fromisoformat(requested) if requested else None
    except ValueError:
        raise DomainError(
            "bad_date",
            f"Ngày “{requested}” không hợp lệ (YYYY-MM-DD).",
            f"Invalid date “{requested}” (YYYY-MM-DD).",
            field="requested_at",
        ) from None
    return FormOptions(
        reason=raw.get("reason"),
        new_due_at=parse_datetime(new_date, field="new_date") if new_date else None,
        missing=tuple(missing),
        missing_names=tuple(names),
        guidance=raw.get("guidance"),
        contact=raw.get("contact"),
        requested_at=requested_day,
    )
