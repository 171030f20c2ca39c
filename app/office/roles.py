"""Roles, what each may do, and the acting officer.

Apart from the officers' store so that a one-shot command (the command
line's look-up by code) checks a permission without importing SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.errors import DomainError

ROLES = ("clerk", "supervisor", "admin")
ROLE_LABELS_VI = {
    "clerk": "Cán bộ tiếp nhận",
    "supervisor": "Lãnh đạo bộ phận",
    "admin": "Quản trị",
}
_RANK = {role: i for i, role in enumerate(ROLES)}

# The least role that may do each thing.
PERMISSIONS: dict[str, str] = {
    "dossier.receive": "clerk",
    "dossier.lookup": "clerk",
    "dossier.status": "clerk",
    "dossier.return": "clerk",
    "dossier.print": "clerk",
    "report.view": "clerk",
    "feedback.receive": "clerk",
    "feedback.answer": "clerk",
    # A backup is as encrypted as the data it copies: any officer may make one.
    "backup.run": "clerk",
    "catalogue.edit_fee": "supervisor",
    "catalogue.edit": "supervisor",
    "dossier.confirm": "supervisor",
    "dossier.cancel": "supervisor",
    "dossier.extend_again": "supervisor",
    "calendar.edit": "supervisor",
    "audit.view": "supervisor",
    "sync.health": "supervisor",
    "settings.office": "admin",
    "officer.manage": "admin",
    # Replaces every record on the station (officers included) with an older copy.
    "backup.restore": "admin",
}


@dataclass(frozen=True)
class Actor:
    """The signed-in officer on whose behalf a use case runs."""

    username: str
    full_name: str
    role: str
    title: str | None = None

    @classmethod
    def of(cls, officer: Any) -> Actor:
        return cls(officer.username, officer.full_name, officer.role, officer.title)


def can(actor: Actor, permission: str) -> bool:
    least = PERMISSIONS[permission]
    return _RANK.get(actor.role, -1) >= _RANK[least]


def require(actor: Actor, permission: str) -> None:
    if not can(actor, permission):
        raise DomainError(
            "forbidden",
            f"Tài khoản “{actor.username}” không có quyền thực hiện thao tác này.",
            f"Account “{actor.username}” is not allowed to do this.",
        )
