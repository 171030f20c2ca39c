"""Slips that go with a recorded dossier's status change: supplement request, refusal.

Each checks the move is legal, renders the slip, then records the status
change: a slip that cannot be made (a missing reason, an unknown component)
never leaves a status changed without its paper.
"""

from __future__ import annotations

from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers import progress
from app.dossiers.dossier_actions import ActionResult, _check_legal
from app.office.auth import Actor
from app.paper import printing
from db.engine import Database


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise DomainError(
            "missing_reason", "Cần nhập lý do.", "A reason is required.", field="reason"
        )
    return text


def request_supplement(
    db: Database, actor: Actor, code: str, reason: str, missing: str
) -> ActionResult:
    """Status 5 and the request-to-supplement slip listing ``missing`` (numbers or names)."""
    text = _reason(reason)
    options = printing.parse_options(reason=text, missing=missing)
    if not options.missing and not options.missing_names:
        raise DomainError(
            "missing_items",
            "Cần ghi rõ giấy tờ phải bổ sung.",
            "List what must be supplemented.",
            field="missing",
        )
    code = _check_legal(db, actor, code, Status.SUPPLEMENT)
    pdf = printing.print_form(db, actor, "supplement", code, options=options)
    change = progress.change_status(db, actor, code, Status.SUPPLEMENT, text)
    return ActionResult(change.code, change.to_status, pdf)


def refuse(db: Database, actor: Actor, code: str, reason: str) -> ActionResult:
    """Status 3 and the refusal slip with the specific reason."""
    text = _reason(reason)
    code = _check_legal(db, actor, code, Status.REFUSED)
    pdf = printing.print_form(db, actor, "refusal", code, options=printing.FormOptions(reason=text))
    change = progress.change_status(db, actor, code, Status.REFUSED, text)
    return ActionResult(change.code, change.to_status, pdf)
