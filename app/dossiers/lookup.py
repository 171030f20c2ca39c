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

from sqlalchemy import Connection, Select, bindparam, select, text
from sqlalchemy.orm import Session

from app.domain import cccd, codes
from app.domain.errors import DomainError
from app.domain.text import search_tokens
from app.dossiers.views import DossierView, summary_select, summary_views
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


# Built once: each look-up only binds its values. The statements are fixed, so
# SQLAlchemy's compiled cache serves every call after the first.
_SUMMARY = summary_select()
_D, _A = Dossier.__table__.c, Applicant.__table__.c
_BY_CODE = _SUMMARY.where(_D.code == bindparam("value"))
_BY_IDS = _SUMMARY.where(_D.id.in_(bindparam("ids", expanding=True))).order_by(_D.id.desc())


def _by_applicant_column(column) -> Select:
    # The applicant first, by its own index; then that applicant's dossiers.
    applicants = select(_A.id).where(column == bindparam("value")).scalar_subquery()
    return _SUMMARY.where(_D.applicant_id.in_(applicants)).order_by(_D.id.desc()).limit(MAX_RESULTS)


_BY_ID_NUMBER = _by_applicant_column(_A.id_number)
_BY_TAX_CODE = _by_applicant_column(_A.tax_code)
_NAME_SEARCH = text(
    # Newest first: FTS5 walks its rowids backwards without sorting the hits.
    "SELECT rowid FROM dossier_search WHERE dossier_search MATCH :q ORDER BY rowid DESC LIMIT :n"
)


def name_match_expression(query: str, *, whole_words: bool = False) -> str | None:
    """An FTS5 query for a typed name: every folded word must start some word of
    the name, or with ``whole_words`` be a word of it, the last one excepted
    (still being typed, it matches by prefix)."""
    tokens = search_tokens(query)[:8]
    if not tokens:
        return None
    if not whole_words:
        return " ".join(f'"{t}"*' for t in tokens)
    return " ".join([*(f'"{t}"' for t in tokens[:-1]), f'"{tokens[-1]}"*'])


def search_names(session: Session | Connection, query: str, limit: int = MAX_RESULTS) -> list[int]:
    """Ids of the newest dossiers whose applicant's name matches ``query``.

    Completed words must be whole words of the name: a prefix search for
    "nguyen" makes the index gather every Nguyễn before it can stop at the
    newest fifty. When whole words do not fill ``limit``, every word matches
    by prefix (abbreviations such as "ng th an"), which gives exactly what a
    prefix search gives.
    """
    strict = name_match_expression(query, whole_words=True)
    if strict is None:
        return []
    ids = list(session.execute(_NAME_SEARCH, {"q": strict, "n": limit}).scalars())
    loose = name_match_expression(query)
    if len(ids) >= limit or loose == strict:
        return ids
    return list(session.execute(_NAME_SEARCH, {"q": loose, "n": limit}).scalars())


def _views(conn: Connection, statement: Select, params: dict, now: datetime) -> list[DossierView]:
    return summary_views(conn.execute(statement, params), now)


def query_fingerprint(key: bytes | None, kind: str, query: str) -> str:
    """What the audit log keeps of a person's look-up: a keyed hash of the query.

    Names are folded first (case, diacritics, spacing), so "Nguyễn Văn Đức"
    and "nguyen van duc" give the same fingerprint.
    """
    text_ = " ".join(search_tokens(query)) if kind == "name" else query
    secret = hmac.new(key or b"", b"motcua-desk lookup audit v1", hashlib.sha256).digest()
    message = f"{kind}|{text_}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def _audit_person(
    session: Session, key: bytes | None, actor: Actor, result: LookupResult, now: datetime
) -> None:
    journal.audit(
        session,
        actor.username,
        AUDIT_ACTION,
        result.kind,
        now,
        {
            "fingerprint": query_fingerprint(key, result.kind, result.query),
            "found": [d.code for d in result.items],
        },
    )


def lookup(db: Database, actor: Actor, query: str, now: datetime | None = None) -> LookupResult:
    """Interpret ``query`` as a code, receipt QR, ID card QR, ID number, tax code or name."""
    auth.require(actor, "dossier.lookup")
    now = now or clock.now()
    kind, value = _classify(query)
    if kind not in PERSON_KINDS:
        with db.read_connection() as conn:
            return LookupResult(kind, value, _find(conn, kind, value, now))
    # A person's look-up reads on the connection that writes its audit entry,
    # in the same transaction. SQLite drops a connection's page cache when
    # another connection committed, not after its own commit: searching on
    # the reader and auditing on the writer made every next search read (and
    # in SQLCipher decrypt) all its pages again.
    with db.write() as session:
        result = LookupResult(kind, value, _find(session.connection(), kind, value, now))
        _audit_person(session, db.key, actor, result, now)
    return result


def _classify(query: str) -> tuple[str, str]:
    """What the clerk typed or scanned: its kind and the value to look for."""
    q = " ".join((query or "").split())
    if not q:
        raise DomainError(
            "empty_query",
            "Hãy nhập mã hồ sơ, số CCCD hoặc họ tên để tra cứu.",
            "Type a dossier code, ID number or name to look up.",
            field="query",
        )
    code = codes.find_code(q)
    if code is not None:
        return "code", code
    if cccd.looks_like_cccd_qr(q):
        return "id_number", cccd.parse_cccd_qr(q).id_number
    compact = q.replace(" ", "")
    if _ID_NUMBER.match(compact):
        return "id_number", compact
    if _TAX_CODE.match(compact):
        return "tax_code", compact
    return "name", q


def _find(conn: Connection, kind: str, value: str, now: datetime) -> list[DossierView]:
    if kind == "code":
        return _views(conn, _BY_CODE, {"value": value}, now)
    if kind == "id_number":
        return _views(conn, _BY_ID_NUMBER, {"value": value}, now)
    if kind == "tax_code":
        return _views(conn, _BY_TAX_CODE, {"value": value}, now)
    ids = search_names(conn, value)
    return _views(conn, _BY_IDS, {"ids": ids}, now) if ids else []
