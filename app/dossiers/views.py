"""Read models of dossiers, as screens, the CLI and forms show them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session, selectinload

from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers.summary import (
    APPLICANT_FIELDS,
    DOSSIER_FIELDS,
    ComponentView,
    DossierView,
    HistoryView,
    summary_view,
)
from db.models import Applicant, Dossier, Procedure

# The view classes live with the light summary; callers have always named them here.
__all__ = [
    "ComponentView",
    "DossierView",
    "HistoryView",
    "by_code",
    "summary_select",
    "summary_views",
    "view",
]


def view(dossier: Dossier, now: datetime, *, detail: bool = False) -> DossierView:
    """The read model of a loaded dossier (with its components and history if ``detail``)."""
    base = summary_view(
        dossier, dossier.applicant, dossier.procedure.code, dossier.procedure.name, now
    )
    if not detail:
        return base
    return replace(
        base,
        components=[
            ComponentView(c.index, c.name, c.originals, c.copies, c.digitized, c.reused, c.pages)
            for c in dossier.components
        ],
        history=[
            HistoryView(h.status, Status(h.status).label_vi, h.officer, h.at, h.note, h.source)
            for h in dossier.history
        ],
    )


def summary_select() -> Select:
    """Every column a dossier's summary view needs, with its applicant and procedure
    joined in: one statement instead of a dossier query and two relationship loads.
    Plain table columns, so running it sets up no ORM mapper."""
    d, a, p = Dossier.__table__.c, Applicant.__table__.c, Procedure.__table__.c
    return (
        select(
            *(d[name] for name in DOSSIER_FIELDS),
            *(a[name] for name in APPLICANT_FIELDS),
            p.code.label("procedure_code"),
            p.name.label("procedure_name"),
        )
        .select_from(Dossier.__table__)
        .join(Applicant.__table__, a.id == d.applicant_id)
        .join(Procedure.__table__, p.id == d.procedure_id)
    )


def summary_views(rows: Iterable[Row], now: datetime) -> list[DossierView]:
    """Summary views of rows of :func:`summary_select`."""
    return [summary_view(r, r, r.procedure_code, r.procedure_name, now) for r in rows]


def by_code(session: Session, code: str) -> Dossier:
    dossier = session.scalar(
        select(Dossier)
        .where(Dossier.code == code)
        .options(
            selectinload(Dossier.components),
            selectinload(Dossier.history),
            selectinload(Dossier.applicant),
            selectinload(Dossier.procedure),
        )
    )
    if dossier is None:
        raise DomainError(
            "unknown_dossier",
            f"Không tìm thấy hồ sơ mã “{code}”.",
            f"No dossier with code “{code}”.",
            field="code",
        )
    return dossier
