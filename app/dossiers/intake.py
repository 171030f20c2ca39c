"""Receiving a dossier at the counter: the one transaction that must never half-happen."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain import codes, payment
from app.domain.errors import DomainError, ErrorCollector
from app.domain.status import Status
from app.domain.text import fold
from app.dossiers import applicants, intake_terms
from app.infra import clock, journal
from app.office import auth, relearn_flag, settings, station
from app.office.auth import Actor
from db.engine import Database
from db.models import (
    DaySequence,
    Dossier,
    DossierComponent,
    LogbookCounter,
    Procedure,
    StatusHistory,
)

# Unambiguous when read aloud or typed from paper: no 0/O, 1/I/L.
SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 10
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class ComponentInput:
    index: int
    originals: int
    copies: int
    reused: bool = False
    # Pages of each copy, for per-page fees (certified copies).
    pages: int | None = None


@dataclass(frozen=True)
class ReceiveResult:
    uuid: str
    code: str
    received_at: datetime
    due_at: datetime
    lookup_secret: str
    lookup_url: str
    logbook_book: str
    logbook_line: int
    fee_amount: int


def new_lookup_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))


def lookup_url(base: str, code: str, secret: str) -> str:
    return f"{base.rstrip('/')}/tra-cuu/{code}?k={secret}"


def _count(item: dict[str, Any], key: str) -> int:
    value = item.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 99:
        raise DomainError(
            "bad_count",
            f"Số bản “{key}” của thành phần {item.get('index')} phải là số nguyên 0–99.",
            f"Count “{key}” of component {item.get('index')} must be a whole number 0–99.",
            field="components",
        )
    return value


def parse_components(data: Any) -> list[ComponentInput]:
    if not isinstance(data, list) or not data:
        raise DomainError(
            "missing_components",
            "Chưa chọn thành phần hồ sơ nào.",
            "No components were given.",
            field="components",
        )
    result: list[ComponentInput] = []
    seen: set[int] = set()
    for item in data:
        index = item.get("index") if isinstance(item, dict) else None
        if isinstance(index, bool) or not isinstance(index, int):
            raise DomainError(
                "bad_component",
                "Mỗi thành phần phải có số thứ tự (index).",
                "Every component needs its index.",
                field="components",
            )
        if index in seen:
            raise DomainError(
                "duplicate_component",
                f"Thành phần {index} được khai hai lần.",
                f"Component {index} is listed twice.",
                field="components",
            )
        seen.add(index)
        reused = bool(item.get("reused", False))
        pages = item.get("pages")
        if pages is not None and (
            isinstance(pages, bool) or not isinstance(pages, int) or not 1 <= pages <= 9999
        ):
            raise DomainError(
                "bad_pages",
                f"Số trang mỗi bản của thành phần {index} phải là số nguyên 1–9999.",
                f"Pages per copy of component {index} must be a whole number 1–9999.",
                field="components",
            )
        comp = ComponentInput(
            index, _count(item, "originals"), _count(item, "copies"), reused, pages
        )
        if comp.originals + comp.copies == 0 and not reused:
            raise DomainError(
                "empty_component",
                f"Thành phần {index} không có bản chính hay bản sao nào.",
                f"Component {index} has neither originals nor copies.",
                field="components",
            )
        result.append(comp)
    return result


def _procedure(session: Session, code: Any) -> Procedure:
    proc = session.scalar(select(Procedure).where(Procedure.code == str(code or "").strip()))
    if proc is None or not proc.active:
        raise DomainError(
            "unknown_procedure",
            f"Không có thủ tục mã “{code}” trong danh mục.",
            f"No procedure with code “{code}” in the catalogue.",
            field="procedure",
        )
    return proc


def _check_components(proc: Procedure, given: list[ComponentInput]) -> None:
    known = {c.index: c for c in proc.components}
    for comp in given:
        if comp.index not in known:
            raise DomainError(
                "unknown_component",
                f"Thủ tục {proc.code} không có thành phần số {comp.index}.",
                f"Procedure {proc.code} has no component {comp.index}.",
                field="components",
            )
    given_idx = {c.index for c in given}
    missing = [c for c in proc.components if c.required and c.verified and c.index not in given_idx]
    if missing:
        names = "; ".join(f"{c.index}. {c.name}" for c in missing)
        raise DomainError(
            "missing_required_component",
            f"Hồ sơ thiếu thành phần bắt buộc: {names}. Hãy lập phiếu yêu cầu bổ sung.",
            f"Required components missing: {names}. Issue a request to supplement instead.",
            field="components",
        )


def _received_at(value: Any, now: datetime) -> datetime:
    if value in (None, ""):
        return now
    received = clock.parse_datetime(str(value))
    if received > now + FUTURE_TOLERANCE:
        raise DomainError(
            "future_received_at",
            "Thời điểm tiếp nhận không thể ở tương lai.",
            "The time of receipt cannot be in the future.",
            field="received_at",
        )
    return received


def _allocate_code(session: Session, info: station.StationInfo, received: datetime) -> str:
    day = received.date()
    counter = session.get(DaySequence, (day, info.station_id))
    last = counter.last_used if counter else None
    while True:
        seq = codes.next_sequence(last, info.sequence)
        code = codes.format_code(info.agency_code, day, seq)
        last = seq
        # A code may already exist if the server sent us a dossier from this
        # station's range (e.g. after a database restore): skip past it.
        if session.scalar(select(Dossier.id).where(Dossier.code == code)) is None:
            break
    if counter is None:
        session.add(DaySequence(day=day, station_id=info.station_id, last_used=seq))
    else:
        counter.last_used = seq
    return code


def _logbook_line(
    session: Session, info: station.StationInfo, received: datetime
) -> tuple[str, int]:
    book = f"{received.year}/Q{info.station_number:02d}"
    counter = session.get(LogbookCounter, book)
    if counter is None:
        counter = LogbookCounter(book=book, last_line=0)
        session.add(counter)
    counter.last_line += 1
    return book, counter.last_line


def _flag(data: dict[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise DomainError(
            "bad_flag",
            f"Trường “{key}” phải là true hoặc false.",
            f"Field “{key}” must be true or false.",
            field=key,
        )
    return value


def _sets(data: dict[str, Any]) -> int:
    value = data.get("sets", 1)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 99:
        raise DomainError(
            "bad_sets",
            "Số bộ hồ sơ phải là số nguyên 1–99.",
            "The number of sets must be a whole number 1–99.",
            field="sets",
        )
    return value


def _fee_method(data: dict[str, Any], fee_paid: Any) -> str | None:
    # How a fee paid at intake was paid; it says nothing of a fee not paid yet
    # (``pay --method`` records that one later).
    try:
        method = payment.parse_method(data.get("fee_payment_method"))
    except DomainError as exc:
        raise DomainError(
            exc.code, exc.message_vi, exc.message_en, field="fee_payment_method"
        ) from exc
    if method is not None and fee_paid is False:
        raise DomainError(
            "method_without_payment",
            "Chỉ ghi hình thức nộp phí (fee_payment_method) khi đã thu lệ phí (fee_paid: true).",
            "fee_payment_method is only given with fee_paid: true.",
            field="fee_payment_method",
        )
    return method


@dataclass
class _Form:
    received: Any
    components: Any
    applicant: Any
    summary: Any
    sets: Any
    fee_paid: Any
    fee_method: Any
    proc: Any


def _check_form(
    session: Session, data: dict[str, Any], now: datetime, found: ErrorCollector
) -> _Form:
    """Each part of an intake checked on its own, every mistake kept in ``found``."""
    components = found.take(parse_components, data.get("components"))
    proc = found.take(_procedure, session, data.get("procedure"))
    if proc is not None and components is not None:
        found.take(_check_components, proc, components)
    fee_paid = found.take(_flag, data, "fee_paid", False)
    return _Form(
        received=found.take(_received_at, data.get("received_at"), now),
        components=components,
        applicant=found.take(applicants.parse_applicant, data.get("applicant"), now.date()),
        summary=found.take(applicants.clean_text, data, "summary", 1000),
        sets=found.take(_sets, data),
        fee_paid=fee_paid,
        fee_method=found.take(_fee_method, data, fee_paid),
        proc=proc,
    )


def problems(db: Database, data: dict[str, Any], now: datetime | None = None) -> list[DomainError]:
    """Every mistake ``receive`` would name in ``data``, without writing anything.

    The window asks this when it already knows of a mistake of its own (no
    procedure picked, a date it cannot read) so the clerk still hears of all
    the others at once.
    """
    found = ErrorCollector()
    with db.read() as session:
        _check_form(session, data, now or clock.now(), found)
    return found.errors


def receive(
    db: Database,
    actor: Actor,
    data: Any,
    now: datetime | None = None,
    *,
    confirm_by: str | None = None,
) -> ReceiveResult:
    """Validate an intake and record it with its code, due date, history and outbox event.

    ``confirm_by`` names the supervisor who confirms what the clerk may not
    decide alone: a promised date where the catalogue has none, or an
    applicant whose ID number disagrees with the card.
    """
    auth.require(actor, "dossier.receive")
    if not isinstance(data, dict):
        raise DomainError(
            "bad_intake",
            "Dữ liệu tiếp nhận phải là một đối tượng JSON.",
            "Intake data must be a JSON object.",
        )
    now = now or clock.now()
    found = ErrorCollector()
    with db.write() as session:
        # Before the form: no use filling it in while no code may be issued.
        relearn_flag.refuse_new_code(session)
        form = _check_form(session, data, now, found)
        # Every mistake of the form at once, before anything is written.
        found.raise_if_any()
        received, components, applicant_in = form.received, form.components, form.applicant
        proc, summary, sets, fee_paid = form.proc, form.summary, form.sets, form.fee_paid
        info = station.load(session)
        confirmer = intake_terms.supervisor(session, confirm_by)
        if applicant_in.warnings and confirmer is None:
            raise DomainError(
                "needs_supervisor",
                "Số định danh không khớp với thông tin trên thẻ: "
                + " ".join(applicant_in.warnings)
                + " Lãnh đạo bộ phận cần xác nhận (--confirm-by).",
                "The ID number disagrees with the card; a supervisor must confirm (--confirm-by).",
                field="id_number",
            )
        terms = intake_terms.terms(session, proc, data, received, components, confirmer)
        due = terms.due_at
        code = _allocate_code(session, info, received)
        book, line = _logbook_line(session, info, received)
        secret = new_lookup_secret()
        applicant = applicants.save(session, applicant_in, now)
        dossier = Dossier(
            uuid=str(uuid.uuid4()),
            code=code,
            procedure_id=proc.id,
            applicant_id=applicant.id,
            station_id=info.station_id,
            channel=terms.channel,
            status=int(Status.RECEIVED),
            summary=summary or proc.name,
            sets=sets,
            received_at=received,
            due_at=due,
            original_due_at=due,
            logbook_book=book,
            logbook_line=line,
            fee_amount=terms.fee_amount,
            fee_paid=fee_paid or terms.fee_amount == 0,
            # Nothing to pay, nothing paid in any way: left out of the cashless share.
            fee_payment_method=form.fee_method if terms.fee_amount > 0 else None,
            fee_exemption=terms.fee_exemption,
            due_confirmed_by=terms.confirmed_by,
            postal_address=terms.postal_address,
            postal_tracking=terms.postal_tracking,
            return_by_post=terms.return_by_post,
            return_address=terms.return_address,
            lookup_secret=secret,
        )
        session.add(dossier)
        session.flush()
        by_index = {c.index: c for c in proc.components}
        rows = []
        for comp in components:
            spec = by_index[comp.index]
            rows.append(
                DossierComponent(
                    dossier_id=dossier.id,
                    procedure_component_id=spec.id,
                    index=comp.index,
                    name=spec.name,
                    originals=comp.originals,
                    copies=comp.copies,
                    digitized=False,
                    reused=comp.reused,
                    pages=comp.pages,
                )
            )
        session.add_all(rows)
        session.add(
            StatusHistory(
                dossier_id=dossier.id,
                status=int(Status.RECEIVED),
                officer=actor.username,
                at=received,
                note=_intake_note(terms),
                source="counter",
            )
        )
        session.execute(
            text("INSERT INTO dossier_search(rowid, name) VALUES (:id, :name)"),
            {"id": dossier.id, "name": fold(applicant.full_name)},
        )
        journal.add_event(
            session,
            "dossier.received",
            _received_payload(dossier, proc, applicant, rows, info, actor),
            now,
            dossier.uuid,
        )
        journal.audit(
            session,
            actor.username,
            "dossier.receive",
            code,
            now,
            {"confirmed_by": confirmer.username, "warnings": list(applicant_in.warnings)}
            if confirmer
            else None,
        )
        base = settings.public_base_url(session)
    return ReceiveResult(
        uuid=dossier.uuid,
        code=code,
        received_at=received,
        due_at=due,
        lookup_secret=secret,
        lookup_url=lookup_url(base, code, secret),
        logbook_book=book,
        logbook_line=line,
        fee_amount=dossier.fee_amount,
    )


def _intake_note(terms: intake_terms.Terms) -> str:
    where = {1: "tại quầy", 2: "trực tuyến", 3: "qua bưu chính"}[terms.channel]
    note = f"Tiếp nhận hồ sơ {where}"
    if terms.confirmed_by:
        note += f"; ngày hẹn do {terms.confirmed_by} xác nhận"
    return note


def _received_payload(dossier, proc, applicant, components, info, actor) -> dict[str, Any]:
    return {
        "dossier_uuid": dossier.uuid,
        "code": dossier.code,
        "office_code": info.agency_code,
        "station": info.station_number,
        "procedure_code": proc.code,
        "procedure_name": proc.name,
        "field": proc.field,
        "channel": dossier.channel,
        "status": dossier.status,
        "summary": dossier.summary,
        "sets": dossier.sets,
        "received_at": clock.to_wire(dossier.received_at),
        "due_at": clock.to_wire(dossier.due_at),
        "lookup_secret": dossier.lookup_secret,
        "fee_amount": dossier.fee_amount,
        "fee_paid": dossier.fee_paid,
        "fee_payment_method": dossier.fee_payment_method,
        "fee_exemption": dossier.fee_exemption,
        "original_due_at": clock.to_wire(dossier.due_at),
        "due_confirmed_by": dossier.due_confirmed_by,
        "postal_tracking": dossier.postal_tracking,
        "return_by_post": dossier.return_by_post,
        "logbook_book": dossier.logbook_book,
        "logbook_line": dossier.logbook_line,
        "officer": actor.username,
        "applicant": applicants.to_wire(applicant),
        "components": [
            {
                "index": c.index,
                "name": c.name,
                "originals": c.originals,
                "copies": c.copies,
                "digitized": c.digitized,
                "reused": c.reused,
                "pages": c.pages,
            }
            for c in components
        ],
    }
