"""Batch digitizing: printing cover sheets, and filing a scanned stack by them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from app.capture import attachments
from app.capture.clean import CleanOptions
from app.capture.cover import CoverInfo, render_covers, split_batch
from app.capture.pages import Page
from app.domain.errors import DomainError
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth, station
from app.office.auth import Actor
from db.engine import Database


def print_covers(
    db: Database,
    actor: Actor,
    code: str,
    component_index: int | None = None,
    now: datetime | None = None,
) -> bytes:
    """Cover sheets of a dossier's components (all, or one), as a PDF to print."""
    auth.require(actor, "dossier.print")
    now = now or clock.now()
    with db.write() as session:
        dossier = by_code(session, code.strip())
        office = station.load(session).office_name
        comps = [
            c for c in dossier.components if component_index is None or c.index == component_index
        ]
        if not comps:
            raise DomainError(
                "unknown_component",
                f"Hồ sơ {dossier.code} không có thành phần số {component_index}.",
                f"Dossier {dossier.code} has no component {component_index}.",
                field="component",
            )
        covers = [
            CoverInfo(
                dossier.code,
                c.index,
                c.name,
                dossier.applicant.full_name,
                dossier.procedure.name,
                office,
                dossier.received_at,
            )
            for c in comps
        ]
        pdf = render_covers(covers)
        journal.audit(
            session,
            actor.username,
            "print.cover",
            dossier.code,
            now,
            {"components": [c.index for c in comps]},
        )
    return pdf


def attach_batch(
    db: Database,
    actor: Actor,
    pages: Sequence[Page],
    *,
    source: str = "batch",
    now: datetime | None = None,
    options: CleanOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[attachments.AttachResult]:
    """Split a stack at its cover sheets and attach every part, all in one transaction."""
    auth.require(actor, "dossier.receive")
    parts = split_batch(pages)
    requests = [attachments.AttachRequest(p.code, p.component_index, p.pages) for p in parts]
    return attachments.attach_many(
        db,
        actor,
        requests,
        source=source,
        now=now,
        options=options,
        progress=progress,
        cancel=cancel,
    )
