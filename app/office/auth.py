"""Officers, passwords (argon2id), sign-in with lock-out, and permissions.

Permissions are enforced here, by every use case, so a hidden button is never
the only thing standing between a clerk and an admin action.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.infra import journal
from app.office import settings
from app.office.roles import PERMISSIONS, ROLE_LABELS_VI, ROLES, Actor, can, require
from db.engine import Database
from db.models import Officer

# Defined with the roles; named here too, where callers have always found them.
__all__ = ["PERMISSIONS", "ROLE_LABELS_VI", "ROLES", "Actor", "can", "require"]

MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(
            "weak_password",
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.",
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
            field="password",
        )


def check_username(username: str) -> str:
    value = username.strip().lower()
    if not _USERNAME.match(value):
        raise DomainError(
            "bad_username",
            "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch (2–40 ký tự).",
            "A username is 2–40 letters without diacritics, digits, dots or dashes.",
            field="username",
        )
    return value


def check_role(role: str) -> str:
    if role not in ROLES:
        raise DomainError(
            "bad_role",
            f"Vai trò “{role}” không hợp lệ (clerk, supervisor, admin).",
            f"Unknown role “{role}” (clerk, supervisor, admin).",
            field="role",
        )
    return role


def _bad_login() -> DomainError:
    return DomainError(
        "bad_login",
        "Tên đăng nhập hoặc mật khẩu không đúng.",
        "Wrong username or password.",
    )


def login(db: Database, username: str, password: str, now: datetime) -> Actor:
    """Check a password offline against the local officer table.

    Repeated failures lock the account for a while (settings
    ``login_max_failures`` and ``login_lock_minutes``). The failure count is
    committed before the refusal is raised, so the lock cannot be dodged.
    """
    error: DomainError | None = None
    with db.write() as session:
        officer = session.scalar(
            select(Officer).where(Officer.username == username.strip().lower())
        )
        if officer is None or not officer.active:
            error = _bad_login()
        elif officer.locked_until and officer.locked_until > now:
            minutes = max(1, int((officer.locked_until - now).total_seconds() // 60) + 1)
            error = DomainError(
                "account_locked",
                f"Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {minutes} phút.",
                f"Account locked after repeated failures; try again in {minutes} minute(s).",
            )
        elif not _matches(officer.password_hash, password):
            officer.failed_logins += 1
            if officer.failed_logins >= settings.get_int(session, "login_max_failures"):
                lock = settings.get_int(session, "login_lock_minutes")
                officer.locked_until = now + timedelta(minutes=lock)
                officer.failed_logins = 0
            error = _bad_login()
        else:
            officer.failed_logins = 0
            officer.locked_until = None
            if _hasher.check_needs_rehash(officer.password_hash):
                officer.password_hash = _hasher.hash(password)
            actor = Actor.of(officer)
    if error is not None:
        raise error
    return actor


def confirm(db: Database, username: str, password: str, permission: str, now: datetime) -> Actor:
    """A supervisor at the counter confirms with their own password.

    The same check and lock-out as signing in; the confirmer must hold
    ``permission``. Refusals name the field ``confirm_by``.
    """
    if not username.strip() or not password:
        raise DomainError(
            "needs_supervisor",
            "Cần lãnh đạo bộ phận xác nhận: nhập tên đăng nhập và mật khẩu của lãnh đạo.",
            "A supervisor must confirm: enter the supervisor's username and password.",
            field="confirm_by",
        )
    try:
        who = login(db, username, password, now)
        require(who, permission)
    except DomainError as exc:
        raise DomainError(exc.code, exc.message_vi, exc.message_en, field="confirm_by") from exc
    return who


def _matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def verify_password(session: Session, username: str, password: str) -> bool:
    """Re-check the signed-in officer's password, e.g. to unlock an idle window."""
    officer = session.scalar(select(Officer).where(Officer.username == username))
    return officer is not None and _matches(officer.password_hash, password)


def actor_for(session: Session, username: str) -> Actor:
    officer = session.scalar(select(Officer).where(Officer.username == username.strip().lower()))
    if officer is None or not officer.active:
        raise _no_active_officer(username)
    return Actor.of(officer)


def actor_by_name(conn: Connection, username: str) -> Actor:
    """:func:`actor_for` over a plain connection: a one-shot command (the CLI) then
    needs no ORM mapper set-up for a read that touches one row."""
    table = Officer.__table__
    row = conn.execute(
        select(
            table.c.username, table.c.full_name, table.c.role, table.c.title, table.c.active
        ).where(table.c.username == username.strip().lower())
    ).first()
    if row is None or not row.active:
        raise _no_active_officer(username)
    return Actor.of(row)


def _no_active_officer(username: str) -> DomainError:
    return DomainError(
        "unknown_officer",
        f"Không có cán bộ “{username}” đang hoạt động.",
        f"No active officer “{username}”.",
    )


def create_officer(
    session: Session,
    username: str,
    full_name: str,
    role: str,
    password: str,
    title: str | None = None,
    *,
    name_later: bool = False,
) -> Officer:
    """A new officer; ``name_later`` lets ``init`` leave the admin's name to the first sign-in."""
    username = check_username(username)
    check_role(role)
    check_password_rules(password)
    if not full_name.strip() and not name_later:
        raise DomainError(
            "missing_name",
            "Chưa nhập họ tên cán bộ.",
            "Officer's full name is missing.",
            field="full_name",
        )
    if session.scalar(select(Officer.id).where(Officer.username == username)):
        raise DomainError(
            "duplicate_username",
            f"Tên đăng nhập “{username}” đã có.",
            f"Username “{username}” already exists.",
            field="username",
        )
    officer = Officer(
        username=username,
        full_name=full_name.strip(),
        title=title,
        role=role,
        password_hash=hash_password(password),
        active=True,
        failed_logins=0,
    )
    session.add(officer)
    session.flush()
    return officer


def set_own_full_name(db: Database, actor: Actor, full_name: str, now: datetime) -> Actor:
    """An officer whose record has no name yet (the admin made by ``init``) gives it.

    The name is what the slips they sign print, so it is asked for at the
    first sign-in rather than invented.
    """
    name = " ".join((full_name or "").split())
    if not name:
        raise DomainError(
            "missing_name",
            "Chưa nhập họ tên cán bộ.",
            "Officer's full name is missing.",
            field="full_name",
        )
    if len(name) > 200 or any(unicodedata.category(ch).startswith("C") for ch in name):
        raise DomainError(
            "bad_name",
            "Họ tên không hợp lệ (tối đa 200 ký tự, không có ký tự điều khiển).",
            "The name is invalid (at most 200 characters, no control characters).",
            field="full_name",
        )
    with db.write() as session:
        officer = session.scalar(select(Officer).where(Officer.username == actor.username))
        if officer is None:
            raise DomainError(
                "unknown_officer",
                f"Không có cán bộ “{actor.username}”.",
                f"No officer “{actor.username}”.",
            )
        officer.full_name = name
        journal.audit(session, actor.username, "officer.name", actor.username, now)
    return replace(actor, full_name=name)
