"""Printing the procedure guide (``print guide CODE``) from the catalogue."""

from __future__ import annotations

from datetime import datetime

from app.domain.errors import DomainError
from app.domain.formatting import format_money_official, number_in_words
from app.infra import clock, journal
from app.office import auth, catalogue
from app.office.auth import Actor
from app.paper.printing import LAYOUTS, office_info
from app.paper.render.guide import GuideComponent, ProcedureGuide, render_guide
from app.paper.render.templates import FREE_OF_CHARGE
from db.engine import Database
from db.models import Procedure

RESULT_WAYS = "nhận trực tiếp hoặc đăng ký nhận qua dịch vụ bưu chính công ích"


def processing_words(proc: Procedure) -> str:
    """'một (01) ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ', or the same-day wording."""
    value, unit = proc.processing_value, proc.processing_unit
    if value is None or unit is None:
        return "chưa xác định (hỏi cán bộ tiếp nhận)"
    same_day = unit == "same_day" or value == 0
    # A same-day procedure's maximum is counted in working days.
    label = catalogue.UNIT_LABELS_VI.get("working_days" if same_day else unit, unit)
    if same_day:
        text = "giải quyết trong ngày làm việc"
        if proc.next_day_after_cutoff:
            text += "; hồ sơ nhận sau 15 giờ được giải quyết trong ngày làm việc tiếp theo"
    else:
        text = f"{number_in_words(value)} ({value:02d}) {label} kể từ khi nhận đủ hồ sơ hợp lệ"
    most = getattr(proc, "processing_max_value", None)
    if most:
        text += f"; tối đa {number_in_words(most)} ({most:02d}) {label} khi phải xác minh"
    return text


def fee_words(proc: Procedure) -> str:
    if proc.fee_amount > 0:
        return f"{format_money_official(proc.fee_amount)}/hồ sơ"
    if proc.fee_set_by == "province":
        return "theo mức do Hội đồng nhân dân tỉnh quy định"
    return FREE_OF_CHARGE


def guide_for(proc: Procedure) -> ProcedureGuide:
    exemptions = tuple(
        str(item.get("label") or "")
        for item in (getattr(proc, "fee_exemptions", None) or [])
        if isinstance(item, dict) and item.get("label")
    )
    return ProcedureGuide(
        code=proc.code,
        name=proc.name,
        field=proc.field,
        components=tuple(
            GuideComponent(c.name, c.originals, c.copies, c.required) for c in proc.components
        ),
        fee_text=fee_words(proc),
        exemptions=exemptions,
        fee_note=proc.fee_note,
        processing_words=processing_words(proc),
        result_place=proc.result_place or "",
        result_ways=RESULT_WAYS,
        portal_url=getattr(proc, "portal_url", None),
    )


def print_guide(
    db: Database, actor: Actor, code: str, *, layout: str = "a4", now: datetime | None = None
) -> bytes:
    """The one-page guide to procedure ``code`` as PDF bytes; the print is audited."""
    auth.require(actor, "dossier.print")
    if layout not in LAYOUTS:
        raise DomainError(
            "bad_layout",
            "Khổ giấy phải là a4 hoặc 80mm.",
            "Layout must be a4 or 80mm.",
            field="layout",
        )
    now = now or clock.now()
    with db.write() as session:
        proc = catalogue.get(session, code)
        pdf = render_guide(office_info(session), guide_for(proc), layout=layout, printed_at=now)
        journal.audit(session, actor.username, "print.guide", proc.code, now, {"layout": layout})
    return pdf
