"""Slips handed over at the counter when a dossier is not accepted.

When the papers are incomplete or the request is not one the office handles,
the clerk gives the applicant a request to supplement or a refusal instead of
a receipt. No dossier is recorded, so these slips carry no dossier code; the
print is kept in the audit log under the same per-year numbering as slips
printed for recorded dossiers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.errors import DomainError
from app.dossiers import applicants
from app.infra import clock, journal
from app.office import auth, catalogue
from app.office.auth import Actor
from app.paper import archive, printing
from app.paper.render import (
    ApplicantInfo,
    ComponentLine,
    DossierInfo,
    RefusalNotice,
    SupplementItem,
    SupplementRequest,
    render_refusal,
    render_supplement,
)
from db.engine import Database

SLIPS = ("supplement", "refusal")


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise DomainError(
            "missing_reason", "Cần nhập lý do.", "A reason is required.", field="reason"
        )
    return text


def print_slip(
    db: Database,
    actor: Actor,
    form: str,
    data: dict[str, Any],
    reason: str,
    missing: str = "",
    now: datetime | None = None,
) -> bytes:
    """Render a ``supplement`` or ``refusal`` slip for an intake that was not accepted.

    ``data`` is shaped like an intake (procedure, applicant, components); for a
    request to supplement, the procedure's required components not listed in
    it are what must be brought, plus anything named in ``missing``.
    """
    auth.require(actor, "dossier.receive")
    auth.require(actor, "dossier.print")
    if form not in SLIPS:
        raise DomainError(
            "unknown_form", f"Không có mẫu “{form}”.", f"No form “{form}”.", field="form"
        )
    text = _reason(reason)
    now = now or clock.now()
    person = applicants.parse_applicant(data.get("applicant"), now.date())
    given = {c["index"]: c for c in data.get("components") or [] if isinstance(c, dict)}
    with db.write() as session:
        proc = catalogue.get(session, str(data.get("procedure") or ""))
        office = printing.office_info(session)
        info = DossierInfo(
            code="",
            procedure_code=proc.code,
            procedure_name=proc.name,
            field=proc.field,
            applicant=ApplicantInfo(
                full_name=person.full_name,
                id_number=person.id_number or person.tax_code,
                address=person.address,
                phone=person.phone,
                email=person.email,
                sex=person.sex,
            ),
            components=tuple(
                ComponentLine(
                    c.index,
                    c.name,
                    int(given[c.index].get("originals", 0)),
                    int(given[c.index].get("copies", 0)),
                )
                for c in proc.components
                if c.index in given
            ),
            received_at=now,
            due_at=None,
            processing_text=catalogue.processing_text(proc.processing_value, proc.processing_unit),
            receiving_officer=actor.full_name,
        )
        number = printing.slip_number(session, form, now)
        if form == "supplement":
            items = [
                SupplementItem(c.name, originals=c.originals, photocopies=c.copies)
                for c in proc.components
                if c.required and c.index not in given
            ]
            items += [
                SupplementItem(n.strip(), originals=1)
                for n in (missing or "").split(";")
                if n.strip()
            ]
            if not items:
                raise DomainError(
                    "missing_items",
                    "Hồ sơ không thiếu thành phần bắt buộc nào; ghi rõ giấy tờ cần bổ sung.",
                    "No required component is missing; name what must be supplemented.",
                    field="missing",
                )
            request = SupplementRequest(
                number=number,
                issued_at=now,
                items=tuple(items),
                reason=text,
                guidance=f"Thủ tục {proc.code} trên Cổng Dịch vụ công quốc gia "
                "và tại Bộ phận Một cửa",
                contact_officer=actor.full_name,
                guiding_officer=actor.full_name,
                contact_phone=office.phone or None,
            )
            pdf = render_supplement(office, info, request, reprint=False, printed_at=now)
        else:
            contact = actor.full_name + (f", ĐT {office.phone}" if office.phone else "")
            notice = RefusalNotice(
                number=number, issued_at=now, reason=text, contact=contact, officer=actor.full_name
            )
            pdf = render_refusal(office, info, notice, reprint=False, printed_at=now)
        pdf = archive.to_pdfa(pdf, title=f"{printing.FORM_LABELS_VI[form]} {number}", created=now)
        digest = archive.store(db.path.parent, pdf)
        journal.audit(
            session,
            actor.username,
            f"print.{form}",
            None,
            now,
            {
                "reprint": False,
                "at_intake": True,
                "archive": digest,
                "procedure": proc.code,
                "applicant": person.id_number or person.tax_code,
            },
        )
    return pdf
