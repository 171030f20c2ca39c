"""The station's officers: list, add, reset a password, deactivate; one's own password.

An administrator manages the others; anyone changes their own password by
giving the current one. Officers are never deleted (their names stand in the
history and on the slips they signed): an officer who leaves is deactivated
and can no longer sign in. On a station enrolled with a central server, the
officers the server sends replace the station's records at the next sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from db.engine import Database
from db.models import Officer


@dataclass(frozen=True)
class OfficerRow:
    username: str
    full_name: str
    role: str
    title: str | None
    active: bool
    locked: bool


def _officer(session: Session, username: str) -> Officer:
    name = (username or "").strip().lower()
    officer = session.scalar(select(Officer).where(Officer.username == name))
    if officer is None:
        raise DomainError(
            "unknown_officer",
            f"Không có cán bộ “{username}”.",
            f"No officer “{username}”.",
            field="username",
        )
    return officer


def list_officers(db: Database, actor: Actor, now: datetime | None = None) -> list[OfficerRow]:
    """Every officer of the station, active first, by username."""
    auth.require(actor, "officer.manage")
    now = now or clock.now()
    with db.read() as session:
        rows = session.scalars(select(Officer).order_by(Officer.active.desc(), Officer.username))
        return [
            OfficerRow(
                o.username,
                o.full_name,
                o.role,
                o.title,
                bool(o.active),
                o.locked_until is not None and o.locked_until > now,
            )
            for o in rows
        ]


def add(
    db: Database,
    actor: Actor,
    username: str,
    full_name: str,
    role: str,
    password: str,
    title: str | None = None,
    now: datetime | None = None,
) -> OfficerRow:
    """A new officer who signs in with ``password`` (to be changed at the counter)."""
    auth.require(actor, "officer.manage")
    now = now or clock.now()
    with db.write() as session:
        officer = auth.create_officer(
            session, username, " ".join((full_name or "").split()), role, password, title
        )
        journal.audit(session, actor.username, "officer.add", officer.username, now, {"role": role})
        return OfficerRow(officer.username, officer.full_name, role, title, True, False)


def reset_password(
    db: Database, actor: Actor, username: str, password: str, now: datetime | None = None
) -> None:
    """An administrator gives an officer a new password; a lock-out ends with it."""
    auth.require(actor, "officer.manage")
    auth.check_password_rules(password)
    now = now or clock.now()
    with db.write() as session:
        officer = _officer(session, username)
        officer.password_hash = auth.hash_password(password)
        officer.failed_logins = 0
        officer.locked_until = None
        journal.audit(session, actor.username, "officer.reset_password", officer.username, now)


def set_active(
    db: Database, actor: Actor, username: str, active: bool, now: datetime | None = None
) -> None:
    """Deactivate (or bring back) an officer; never oneself, never the last administrator."""
    auth.require(actor, "officer.manage")
    now = now or clock.now()
    with db.write() as session:
        officer = _officer(session, username)
        if not active and officer.username == actor.username:
            raise DomainError(
                "self_deactivate",
                "Không thể tự khóa tài khoản của chính mình.",
                "You cannot deactivate your own account.",
                field="username",
            )
        if not active and officer.role == "admin" and officer.active:
            admins = session.scalar(
                select(func.count())
                .select_from(Officer)
                .where(Officer.role == "admin", Officer.active.is_(True))
            )
            if admins <= 1:
                raise DomainError(
                    "last_admin",
                    "Đây là quản trị viên cuối cùng đang hoạt động; không thể khóa.",
                    "This is the last active administrator; it cannot be deactivated.",
                    field="username",
                )
        officer.active = active
        action = "officer.activate" if active else "officer.deactivate"
        journal.audit(session, actor.username, action, officer.username, now)


def change_own_password(
    db: Database, actor: Actor, current: str, new: str, now: datetime | None = None
) -> None:
    """Anyone changes their own password by giving the current one."""
    now = now or clock.now()
    with db.write() as session:
        officer = _officer(session, actor.username)
        if not auth.verify_password(session, actor.username, current):
            raise DomainError(
                "bad_password",
                "Mật khẩu hiện tại không đúng.",
                "The current password is wrong.",
                field="current_password",
            )
        auth.check_password_rules(new)
        if new == current:
            raise DomainError(
                "same_password",
                "Mật khẩu mới phải khác mật khẩu hiện tại.",
                "The new password must differ from the current one.",
                field="password",
            )
        officer.password_hash = auth.hash_password(new)
        journal.audit(session, actor.username, "officer.password", actor.username, now)
