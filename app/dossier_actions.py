"""The actions the dossier detail pane offers, and which are legal in a status.

Each action that hands the applicant a slip checks the move is legal, renders
the slip, then records the status change: a slip that cannot be made (a
missing reason, an unknown component) never leaves a status changed without
its paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import dossier_query, progress
from app.auth import Actor
from app.domain.errors import DomainError
from app.domain.status import Status, can_transition, check_transition
from db.engine import Database

# Action name → the status it leads to.
ACTIONS: dict[str, Status] = {
    "supplement": Status.SUPPLEMENT,
    "refuse": Status.REFUSED,
    "processing": Status.PROCESSING,
    "resolved": Status.RESOLVED,
    "return": Status.RETURNED,
}

# Forms worth reprinting for a dossier in any status.
REPRINTABLE = ("receipt", "control")


@dataclass(frozen=True)
class ActionResult:
    code: str
    status: int
    pdf: bytes | None = None


def _printing():
    # The PDF stack (reportlab, fonts) loads on first use, not with the window.
    from app import printing

    return printing


def legal_actions(status: int) -> list[str]:
    """Actions whose status change is legal from ``status``, in screen order."""
    current = Status(status)
    return [name for name, target in ACTIONS.items() if can_transition(current, target)]


def _check_legal(db: Database, actor: Actor, code: str, target: Status) -> str:
    current = dossier_query.detail(db, actor, code)
    check_transition(Status(current.status), target)
    return current.code


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
    printing = _printing()
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
    printing = _printing()
    pdf = printing.print_form(db, actor, "refusal", code, options=printing.FormOptions(reason=text))
    change = progress.change_status(db, actor, code, Status.REFUSED, text)
    return ActionResult(change.code, change.to_status, pdf)


def move(
    db: Database, actor: Actor, code: str, action: str, note: str | None = None
) -> ActionResult:
    """A status change that needs no slip (sent for processing, result ready)."""
    if action not in ("processing", "resolved"):
        raise DomainError("bad_action", f"Không có thao tác “{action}”.", f"No action “{action}”.")
    change = progress.change_status(db, actor, code, ACTIONS[action], note)
    return ActionResult(change.code, change.to_status)
