"""What officers of a resolving agency do: sign in, list, move dossiers, log progress.

Both the JSON API and the web page call these functions, so the rules (legal
transitions only, hand-over first, every change in the office's pull feed)
hold whichever way an officer works.
"""

from __future__ import annotations

import itertools
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.status import Status, check_transition
from app.domain.text import fold
from app.sync import protocol as p
from server.auth import (
    BACKOFFICE_ROLES,
    OfficerContext,
    officer_from_token,
    verify_password,
)
from server.common import ApiError, digest, new_token, now
from server.config import Settings
from server.db import Database
from server.dossiers import (
    add_history,
    append_change,
    detail,
    find_by_code,
    lock_office,
    set_status,
    summary,
)
from server.models import Dossier, Office, Officer, OfficerSession

LIST_LIMIT = 200
# How many recent dossiers a name search looks through.
SEARCH_WINDOW = 5000


def login(
    db: Database, settings: Settings, username: str, password: str
) -> tuple[str, datetime, OfficerContext]:
    """A new session token for a back-office officer; raises 401 on bad credentials."""
    stamp = now()
    token = new_token("mbo")
    with db.write() as session:
        officer = session.scalar(
            select(Officer).where(Officer.username == username.strip().lower())
        )
        password_ok = verify_password(officer, password)
        if (
            not password_ok
            or officer is None
            or not officer.active
            or officer.role not in BACKOFFICE_ROLES
        ):
            raise ApiError(
                401,
                "invalid_credentials",
                "Tên đăng nhập hoặc mật khẩu không đúng.",
                "Wrong username or password.",
            )
        expires = stamp + timedelta(hours=settings.officer_session_hours)
        session.add(
            OfficerSession(
                officer_id=officer.id,
                token_hash=digest(token),
                csrf_token=secrets.token_urlsafe(24),
                created_at=stamp,
                expires_at=expires,
            )
        )
        # Sessions are short-lived; drop the officer's expired ones as we go.
        session.execute(
            delete(OfficerSession).where(
                OfficerSession.officer_id == officer.id, OfficerSession.expires_at < stamp
            )
        )
    context = officer_from_token(db, token)
    assert context is not None
    return token, expires, context


def logout(db: Database, token: str | None) -> None:
    if token:
        with db.write() as session:
            session.execute(
                delete(OfficerSession).where(OfficerSession.token_hash == digest(token))
            )


def officer_record(officer: OfficerContext) -> p.OfficerRecord:
    return p.OfficerRecord(
        username=officer.username,
        full_name=officer.full_name,
        role=officer.role,  # type: ignore[arg-type]
    )


def _office_codes(session: Session, officer: OfficerContext) -> dict[int, str]:
    rows = session.execute(select(Office.id, Office.code).where(Office.id.in_(officer.office_ids)))
    return {office_id: code for office_id, code in rows}


def list_dossiers(
    db: Database, officer: OfficerContext, status: int | None, search: str | None
) -> list[p.DossierSummary]:
    """Dossiers of the officer's offices, newest first; ``status=None`` means all.

    ``search`` matches part of the code or of the applicant's name, without
    regard to diacritics, as the counter's look-up does.
    """
    wanted = fold(search)
    with db.read() as session:
        codes = _office_codes(session, officer)
        query = select(Dossier).where(Dossier.office_id.in_(officer.office_ids))
        if status is not None:
            query = query.where(Dossier.status == status)
        query = query.order_by(Dossier.received_at.desc())
        rows = session.scalars(query.limit(SEARCH_WINDOW if wanted else LIST_LIMIT))
        matches = (
            d
            for d in rows
            if not wanted or wanted in d.code.lower() or wanted in fold(d.applicant_name)
        )
        return [summary(d, codes[d.office_id]) for d in itertools.islice(matches, LIST_LIMIT)]


def _load(session: Session, officer: OfficerContext, code: str) -> Dossier:
    dossier = find_by_code(session, list(officer.office_ids), code)
    if dossier is None:
        raise ApiError(404, "not_found", "Không tìm thấy hồ sơ.", "No such dossier.")
    return dossier


def get_detail(db: Database, officer: OfficerContext, code: str) -> p.DossierDetail:
    with db.read() as session:
        dossier = _load(session, officer, code)
        return detail(session, dossier, _office_codes(session, officer)[dossier.office_id])


def change_status(
    db: Database, officer: OfficerContext, code: str, to_status: int, note: str | None
) -> p.DossierDetail:
    with db.write() as session:
        dossier = _load(session, officer, code)
        lock_office(session, dossier.office_id)
        session.refresh(dossier)
        if dossier.handed_over_at is None:
            raise ApiError(
                409,
                "not_handed_over",
                "Hồ sơ chưa được bộ phận một cửa chuyển đến cơ quan giải quyết.",
                "The dossier has not been handed over to the resolving agency yet.",
            )
        try:
            check_transition(Status(dossier.status), Status(to_status))
        except DomainError as exc:
            raise ApiError(409, exc.code, exc.message_vi, exc.message_en) from exc
        set_status(
            session,
            dossier,
            to_status,
            at=now(),
            source="backoffice",
            officer=officer.username,
            note=(note or None),
        )
        session.flush()
        return detail(session, dossier, _office_codes(session, officer)[dossier.office_id])


def add_progress(db: Database, officer: OfficerContext, code: str, note: str) -> p.DossierDetail:
    """A processing step without a status change (e.g. "sent for verification")."""
    with db.write() as session:
        dossier = _load(session, officer, code)
        lock_office(session, dossier.office_id)
        stamp = now()
        add_history(
            session,
            dossier,
            at=stamp,
            source="backoffice",
            officer=officer.username,
            from_status=dossier.status,
            to_status=dossier.status,
            note=note,
        )
        append_change(
            session,
            dossier.office_id,
            "progress",
            {
                "dossier_uuid": str(dossier.uuid),
                "code": dossier.code,
                "event": "note",
                "officer": officer.username,
                "at": p.wire_time(stamp),
                "content": note,
                "status": dossier.status,
            },
            dossier,
        )
        dossier.updated_at = stamp
        session.flush()
        return detail(session, dossier, _office_codes(session, officer)[dossier.office_id])
