"""Finding dossiers from whatever the clerk types or scans into one field.

A look-up of a person (by ID number, tax code or name) is written to the
audit log with the dossiers it showed: the law on personal data asks who
looked at whose records. The entry keeps a keyed fingerprint of what was
typed, never the ID number or the name itself, so the log does not become
one more list of citizens; ``query_fingerprint`` recomputes it to answer
"who looked up this person".
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from app.domain import cccd, codes
from app.domain.errors import DomainError
from app.domain.text import search_tokens
from app.dossiers.views import DossierView, view
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from db.engine import Database
from db.models import Applicant, Dossier

MAX_RESULTS = 50
_ID_NUMBER = re.compile(r"^\d{9}$|^\d{12}$")
_TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
PERSON_KINDS = ("id_number", "tax_code", "name")
AUDIT_ACTION = "person.lookup"


@dataclass(frozen=True)
class LookupResult:
    kind: str  # code | id_number | tax_code | name
    query: str
    items: list[DossierView]


def _load(session: Session, ids_query, now: datetime) -> list[DossierView]:
    rows = session.scalars(
        select(Dossier)
        .where(Dossier.id.in_(ids_query))
        .options(selectinload(Dossier.applicant), selectinload(Dossier.procedure))
        .order_by(Dossier.id.desc())
    ).all()
    return [view(d, now) for d in rows]


def _by_applicant(session: Session, clause, now: datetime) -> list[DossierView]:
    applicant_ids = select(Applicant.id).where(clause)
    ids = (
        select(Dossier.id)
        .where(Dossier.applicant_id.in_(applicant_ids))
        .order_by(Dossier.id.desc())
        .limit(MAX_RESULTS)
    )
    return _load(session, ids, now)


def name_match_expression(query: str) -> str | None:
    """An FTS5 query in which every folded word must start some word of the name."""
    tokens = search_tokens(query)
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens[:8])


def search_names(session: Session, query: str, limit: int = MAX_RESULTS) -> list[int]:
    expr = name_match_expression(query)
    if expr is None:
        return []
    # Newest first: FTS5 walks its rowids backwards without sorting the hits.
    return list(
        session.scalars(
            text(
                "SELECT rowid FROM dossier_search WHERE dossier_search MATCH :q "
                "ORDER BY rowid DESC LIMIT :n"
            ),
            {"q": expr, "n": limit},
        )
    )


def query_fingerprint(key: bytes | None, kind: str, query: str) -> str:
    """What the audit log keeps of a person's look-up: a keyed hash of the query.

    Names are folded first (case, diacritics, spacing), so "Nguyễn Văn Đức"
    and "nguyen van duc" give the same fingerprint.
    """
    text_ = " ".join(search_tokens(query)) if kind == "name" else query
    secret = hmac.new(key or b"", b"motcua-desk lookup audit v1", hashlib.sha256).digest()
    message = f"{kind}|{text_}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def _audit_person(db: Database, actor: Actor, result: LookupResult, now: datetime) -> None:
    with db.write() as session:
        journal.audit(
            session,
            actor.username,
            AUDIT_ACTION,
            result.kind,
            now,
            {
                "fingerprint": query_fingerprint(db.key, result.kind, result.query),
                "found": [d.code for d in result.items],
            },
        )


def lookup(db: Database, actor: Actor, query: str, now: datetime | None = None) -> LookupResult:
    """Interpret ``query`` as a code, receipt QR, ID card QR, ID number, tax code or name."""
    result = _lookup(db, actor, query, now)
    if result.kind in PERSON_KINDS:
        _audit_person(db, actor, result, now or clock.now())
    return result


def _lookup(db: Database, actor: Actor, query: str, now: datetime | None) -> LookupResult:
    auth.require(actor, "dossier.lookup")
    now = now or clock.now()
    q = " ".join((query or "").split())
    if not q:
        raise DomainError(
            "empty_query",
            "Hãy nhập mã hồ sơ, số CCCD hoặc họ tên để tra cứu.",
            "Type a dossier code, ID number or name to look up.",
            field="query",
        )
    with db.read() as session:
        code = codes.find_code(q)
        if code is not None:
            ids = select(Dossier.id).where(Dossier.code == code)
            return LookupResult("code", code, _load(session, ids, now))
        if cccd.looks_like_cccd_qr(q):
            card = cccd.parse_cccd_qr(q)
            items = _by_applicant(session, Applicant.id_number == card.id_number, now)
            return LookupResult("id_number", card.id_number, items)
        compact = q.replace(" ", "")
        if _ID_NUMBER.match(compact):
            items = _by_applicant(session, Applicant.id_number == compact, now)
            return LookupResult("id_number", compact, items)
        if _TAX_CODE.match(compact):
            items = _by_applicant(session, Applicant.tax_code == compact, now)
            return LookupResult("tax_code", compact, items)
        ids = search_names(session, q)
        return LookupResult("name", q, _load(session, ids, now) if ids else [])
