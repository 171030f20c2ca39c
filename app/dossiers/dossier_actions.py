"""The actions the dossier detail pane offers, and which are legal in a status.

Actions that hand the applicant a slip live in ``app.paper.dossier_slips``.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import DomainError
from app.domain.status import Status, can_transition, check_transition
from app.dossiers import dossier_query, progress
from app.office.auth import Actor
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

# Steps of a dossier's life that are not a plain move to one status, in screen
# order: each has its own use case (``lifecycle`` or ``dossier_slips``) and asks
# for what the law requires (a reason, a new date).
LIFE_ACTIONS = ("supplied", "extend", "pay", "stop", "withdraw", "cancel")


@dataclass(frozen=True)
class ActionResult:
    code: str
    status: int
    pdf: bytes | None = None


def legal_actions(status: int) -> list[str]:
    """Actions whose status change is legal from ``status``, in screen order."""
    current = Status(status)
    return [name for name, target in ACTIONS.items() if can_transition(current, target)]


def life_actions(status: int, *, cancelled: bool, fee_due: bool) -> list[str]:
    """The life steps that apply to a dossier in ``status``, in screen order.

    ``fee_due`` is true while a fee is owed and not yet recorded as paid. A
    dossier cancelled as entered in error takes no further step.
    """
    if cancelled:
        return []
    current = Status(status)
    found: list[str] = []
    if current is Status.SUPPLEMENT:
        found.append("supplied")
    if not current.is_terminal and current is not Status.RESOLVED:
        found.append("extend")
    if fee_due:
        found.append("pay")
    if can_transition(current, Status.STOPPED):
        found.append("stop")
    if can_transition(current, Status.WITHDRAWN):
        found.append("withdraw")
    if current not in (Status.RESOLVED, Status.RETURNED):
        found.append("cancel")
    return found


def _check_legal(db: Database, actor: Actor, code: str, target: Status) -> str:
    current = dossier_query.detail(db, actor, code)
    check_transition(Status(current.status), target)
    return current.code


def move(
    db: Database, actor: Actor, code: str, action: str, note: str | None = None
) -> ActionResult:
    """A status change that needs no slip (sent for processing, result ready)."""
    if action not in ("processing", "resolved"):
        raise DomainError("bad_action", f"Không có thao tác “{action}”.", f"No action “{action}”.")
    change = progress.change_status(db, actor, code, ACTIONS[action], note)
    return ActionResult(change.code, change.to_status)
