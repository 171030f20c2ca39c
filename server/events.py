"""What each pushed event does to a dossier, and the answer it gets.

Every handler checks everything before it writes anything, so a
:class:`Rejected` event leaves no trace but its recorded answer. A
``conflict`` does write: the counter's version goes into the dossier history
beside the change that won.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, inspect, select, text
from sqlalchemy.orm import Session

from app.domain.codes import parse_code, validate_agency_code
from app.domain.errors import DomainError
from app.domain.status import Status, can_transition, check_transition
from app.sync import protocol as p
from server import feedback, feedback_info, master
from server.auth import StationContext
from server.common import now
from server.dossiers import (
    add_history,
    append_change,
    refresh_completeness,
    set_status,
    status_label,
    when,
)
from server.lookupkey import lookup_digest
from server.models import (
    Blob,
    BlobOffice,
    Dossier,
    DossierResult,
    EventRecord,
    ManifestItem,
    Office,
)
from server.ratings import AlreadyRated
from server.ratings import store as store_rating


class Rejected(Exception):
    """The event can never apply; the answer is recorded and nothing else changes."""


@dataclass
class Answer:
    outcome: str
    message: str | None = None


@dataclass
class Recorded:
    """An event this batch recorded (its row is written at the end), for a replay within it."""

    office_id: int
    payload_hash: str
    outcome: str
    message: str | None


def problems(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in err['loc']) or 'payload'}: {err['msg']}"
        for err in exc.errors()[:5]
    )


class Lookups:
    """The reads event handling needs.

    With ``events`` given, one query per kind fetches what the whole batch
    will ask about, and what the batch itself creates is remembered, so the
    common case needs no query per event. Without, every read queries (the
    careful path, after a batch ran into a concurrent writer).
    """

    def __init__(
        self, session: Session, lookup_key: bytes, events: Iterable[p.EventIn] | None = None
    ) -> None:
        self.session = session
        # The server key look-up secrets are stored under (HMAC).
        self.lookup_key = lookup_key
        self.cached = events is not None
        self._events: dict[uuid.UUID, EventRecord | Recorded] = {}
        self._dossiers: dict[uuid.UUID, Dossier] = {}
        self._codes: set[str] = set()
        # Sizes of held files per office, read once for every manifest of the batch.
        self._sizes: dict[int, dict[str, int]] = {}
        self._manifest_hashes: set[str] = set()
        # Dossier ids taken ahead, and how many the batch may still want.
        self._ids: list[int] = []
        self._new_wanted = 0
        if events is None:
            return
        batch = list(events)
        self._new_wanted = sum(1 for e in batch if e.type == p.EVENT_RECEIVED)
        for e in batch:
            if e.type == p.EVENT_ATTACHMENTS and isinstance(e.payload.get("manifest"), list):
                self._manifest_hashes.update(
                    str(item.get("sha256", ""))
                    for item in e.payload["manifest"]
                    if isinstance(item, dict)
                )
        event_ids = {e.event_uuid for e in batch}
        dossier_ids = {e.dossier_uuid for e in batch}
        codes = {
            str(e.payload.get("code", "")).strip().upper()
            for e in batch
            if e.type == p.EVENT_RECEIVED
        }
        for chunk in _chunks(event_ids):
            for record in session.scalars(
                select(EventRecord).where(EventRecord.event_uuid.in_(chunk))
            ):
                self._events[record.event_uuid] = record
        for chunk in _chunks(dossier_ids):
            for dossier in session.scalars(select(Dossier).where(Dossier.uuid.in_(chunk))):
                self._dossiers[dossier.uuid] = dossier
        for chunk in _chunks(codes):
            self._codes.update(session.scalars(select(Dossier.code).where(Dossier.code.in_(chunk))))

    def event(self, event_uuid: uuid.UUID) -> EventRecord | Recorded | None:
        if self.cached:
            return self._events.get(event_uuid)
        return self.session.get(EventRecord, event_uuid)

    def remember_event(self, event_uuid: uuid.UUID, record: Recorded) -> None:
        self._events[event_uuid] = record

    def dossier(self, dossier_uuid: uuid.UUID) -> Dossier | None:
        """The dossier with this UUID, in whichever office."""
        if self.cached:
            return self._dossiers.get(dossier_uuid)
        return self.session.scalar(select(Dossier).where(Dossier.uuid == dossier_uuid))

    def code_taken(self, code: str) -> bool:
        if self.cached:
            return code in self._codes
        return self.session.scalar(select(Dossier.id).where(Dossier.code == code)) is not None

    def held_sizes(self, office_id: int, hashes: set[str]) -> dict[str, int]:
        """Sizes of the files among ``hashes`` this office holds (no other office's)."""
        if not self.cached or not hashes <= self._manifest_hashes:
            return _held_sizes(self.session, office_id, hashes)
        if office_id not in self._sizes:
            self._sizes[office_id] = _held_sizes(self.session, office_id, self._manifest_hashes)
        held = self._sizes[office_id]
        return {sha: held[sha] for sha in hashes if sha in held}

    def new_dossier_id(self) -> int | None:
        """An id for a dossier this batch creates, taken ahead (None: SQLite gives it).

        With every id known, a batch's new dossiers go in as one
        ``executemany``, with no ``RETURNING`` to wait for.
        """
        if self.session.get_bind().dialect.name == "sqlite":
            return None
        if not self._ids:
            self._ids = list(self.session.scalars(_NEXT_IDS, {"n": max(self._new_wanted, 1)}))
            self._new_wanted = 0
            self._ids.reverse()  # handed out in ascending order
        return self._ids.pop()

    def remember_dossier(self, dossier: Dossier) -> None:
        self._dossiers[dossier.uuid] = dossier
        self._codes.add(dossier.code)


_NEXT_IDS = text(
    "SELECT nextval(pg_get_serial_sequence('dossiers', 'id')) FROM generate_series(1, :n)"
)


def _chunks(values: set[Any], size: int = 500) -> Iterable[list[Any]]:
    items = list(values)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def parse_payload(event: p.EventIn) -> Any:
    """The event's payload, parsed, or the :class:`Rejected` it earns.

    Needs no database, so a batch's events are parsed before its transaction
    takes the office lock.
    """
    try:
        return p.parse_event_payload(event)
    except ValidationError as exc:
        return Rejected(f"Dữ liệu sự kiện không hợp lệ ({problems(exc)}).")
    except ValueError as exc:
        return Rejected(f"Sự kiện không hợp lệ: {exc}.")


def apply_event(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    lookups: Lookups,
    payload: Any = None,
) -> Answer:
    """Apply one event (``payload`` from :func:`parse_payload`, or parsed here).

    Raises :class:`Rejected` when it can never apply.
    """
    if payload is None:
        payload = parse_payload(event)
    if isinstance(payload, Rejected):
        raise Rejected(str(payload))
    try:
        if isinstance(payload, p.FeedbackReceived):
            outcome, message = feedback.apply_received(
                session, station.office_id, station.office_code, payload, lookups.lookup_key
            )
            return Answer(outcome, message)
        if isinstance(payload, p.FeedbackAnswered):
            return Answer(*feedback.apply_answered(session, station.office_id, payload))
        if isinstance(payload, p.FeedbackInfoRequested):
            return Answer(*feedback_info.apply_info_requested(session, station.office_id, payload))
        if isinstance(payload, p.FeedbackInfoSupplied):
            return Answer(*feedback_info.apply_info_supplied(session, station.office_id, payload))
        if isinstance(payload, p.CatalogueProcedureSet):
            office = session.get(Office, station.office_id)
            assert office is not None
            return Answer(
                *master.set_office_procedure(session, office, station.station_number, payload)
            )
        if isinstance(payload, p.DossierReceived):
            return _received(session, station, event, payload, lookups)
        dossier = lookups.dossier(event.dossier_uuid)
        if dossier is None or dossier.office_id != station.office_id:
            raise Rejected("Không tìm thấy hồ sơ của văn phòng này trên máy chủ.")
        code = getattr(payload, "code", None)
        if code and code.strip().upper() != dossier.code:
            raise Rejected(f"Mã hồ sơ {code} không khớp với hồ sơ {dossier.code}.")
        if isinstance(payload, p.DossierStatusChanged):
            return _status_changed(session, station, event, dossier, payload)
        if isinstance(payload, p.DossierReturned):
            return _returned(session, station, event, dossier, payload)
        if isinstance(payload, p.DossierResultIn):
            return _result(session, dossier, payload)
        if isinstance(payload, p.DossierRated):
            return _rated(session, dossier, payload)
        if isinstance(payload, p.DossierExtended):
            return _extended(session, station, event, dossier, payload)
        if isinstance(payload, p.DossierCancelled):
            return _cancelled(session, station, event, dossier, payload)
        if isinstance(payload, p.DossierFeePaid):
            return _fee_paid(session, station, event, dossier, payload)
        assert isinstance(payload, p.DossierAttachments)
        return _attachments(session, dossier, payload, lookups)
    except DomainError as exc:
        raise Rejected(exc.message_vi) from exc


def _intake(payload: p.DossierReceived) -> dict[str, Any]:
    return payload.model_dump(mode="json", exclude={"lookup_secret"})


def _received(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    payload: p.DossierReceived,
    lookups: Lookups,
) -> Answer:
    if validate_agency_code(payload.office_code) != station.office_code:
        raise Rejected(
            f"Mã cơ quan {payload.office_code} không phải của văn phòng {station.office_code}."
        )
    parsed = parse_code(payload.code)
    code = str(parsed)
    if parsed.agency != station.office_code:
        raise Rejected(f"Mã hồ sơ {code} không mang mã cơ quan {station.office_code}.")
    if parsed.day != payload.received_at.date():
        raise Rejected(
            f"Ngày trong mã hồ sơ {code} không khớp ngày tiếp nhận {payload.received_at:%d/%m/%Y}."
        )
    dossier = lookups.dossier(event.dossier_uuid)
    if dossier is not None and dossier.office_id != station.office_id:
        raise Rejected("Mã định danh hồ sơ đã được dùng.")
    if dossier is None:
        if lookups.code_taken(code):
            raise Rejected(f"Mã hồ sơ {code} đã được dùng cho một hồ sơ khác.")
        lookups.remember_dossier(_create(session, station, event, payload, code, lookups))
        return Answer("applied")
    if dossier.code != code:
        raise Rejected(f"Không được đổi mã hồ sơ {dossier.code} thành {code}.")
    if dossier.handed_over_at is not None or dossier.backoffice_changed_at is not None:
        add_history(
            session,
            dossier,
            at=event.client_time,
            source="counter",
            station=payload.station,
            officer=payload.officer,
            from_status=None,
            to_status=None,
            note="Sửa thông tin tiếp nhận sau khi đã chuyển cơ quan giải quyết: không áp dụng.",
            conflict=True,
            event_uuid=event.event_uuid,
        )
        return Answer(
            "conflict",
            f"Hồ sơ {code} đã chuyển cho cơ quan giải quyết lúc {when(dossier.handed_over_at)}; "
            "thông tin tiếp nhận không còn sửa được tại quầy.",
        )
    _fill(dossier, payload, lookups.lookup_key)
    dossier.updated_at = now()
    if payload.status != dossier.status and can_transition(dossier.status, payload.status):
        set_status(
            session,
            dossier,
            payload.status,
            at=event.client_time,
            source="counter",
            officer=payload.officer,
            note=None,
            station=payload.station,
            event_uuid=event.event_uuid,
        )
    return Answer("applied")


def _fill(dossier: Dossier, payload: p.DossierReceived, lookup_key: bytes) -> None:
    dossier.station = payload.station
    dossier.procedure_code = payload.procedure_code
    dossier.procedure_name = payload.procedure_name
    dossier.received_at = payload.received_at
    dossier.due_at = payload.due_at
    dossier.lookup_hash = lookup_digest(lookup_key, payload.lookup_secret)
    dossier.applicant_name = payload.applicant.full_name
    dossier.intake = _intake(payload)
    # The intake's payment method stands until a later payment step (fee_paid
    # set) says otherwise; a fee not paid at intake has none.
    if dossier.fee_paid is None:
        dossier.fee_payment_method = payload.fee_payment_method if payload.fee_paid else None


def _create(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    payload: p.DossierReceived,
    code: str,
    lookups: Lookups,
) -> Dossier:
    stamp = now()
    dossier = Dossier(
        id=lookups.new_dossier_id(),
        uuid=event.dossier_uuid,
        office_id=station.office_id,
        code=code,
        status=payload.status,
        status_source="counter",
        status_changed_at=payload.received_at,
        attachments_complete=True,
        # Given, not left to the column's server default: nothing to read back.
        extensions=0,
        created_at=stamp,
        updated_at=stamp,
    )
    _fill(dossier, payload, lookups.lookup_key)
    session.add(dossier)
    add_history(
        session,
        dossier,
        at=payload.received_at,
        source="counter",
        station=payload.station,
        officer=payload.officer,
        from_status=None,
        to_status=payload.status,
        event_uuid=event.event_uuid,
    )
    append_change(
        session,
        station.office_id,
        "status",
        {
            "dossier_uuid": str(dossier.uuid),
            "code": code,
            "from_status": None,
            "to_status": payload.status,
            "at": p.wire_time(payload.received_at),
            "officer": payload.officer,
            "note": None,
            "source": "counter",
            "station": payload.station,
            "procedure_code": payload.procedure_code,
            "procedure_name": payload.procedure_name,
            "applicant_name": payload.applicant.full_name,
            "received_at": p.wire_time(payload.received_at),
            "due_at": p.wire_time(payload.due_at) if payload.due_at else None,
        },
        dossier,
    )
    return dossier


def _conflict(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    dossier: Dossier,
    *,
    at: datetime,
    officer: str | None,
    from_status: int | None,
    to_status: int | None,
    note: str | None,
) -> Answer:
    """Keep the counter's version in the history and explain what won."""
    add_history(
        session,
        dossier,
        at=at,
        source="counter",
        station=station.station_number,
        officer=officer,
        from_status=from_status,
        to_status=to_status,
        note=note,
        conflict=True,
        event_uuid=event.event_uuid,
    )
    who = "Cơ quan giải quyết" if dossier.status_source == "backoffice" else "Một máy trạm khác"
    return Answer(
        "conflict",
        f"{who} đã chuyển hồ sơ {dossier.code} sang trạng thái “{status_label(dossier.status)}” "
        f"lúc {when(dossier.status_changed_at)}; thay đổi tại quầy không được áp dụng.",
    )


def _status_changed(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    dossier: Dossier,
    payload: p.DossierStatusChanged,
) -> Answer:
    check_transition(Status(payload.from_status), Status(payload.to_status))
    stale = dossier.status != payload.from_status or (
        dossier.backoffice_changed_at is not None and payload.at < dossier.backoffice_changed_at
    )
    if stale:
        if dossier.status == payload.to_status and dossier.status_source == "counter":
            # Another station of the office made the very same move first.
            return Answer("applied", "Hồ sơ đã ở trạng thái này.")
        return _conflict(
            session,
            station,
            event,
            dossier,
            at=payload.at,
            officer=payload.officer,
            from_status=payload.from_status,
            to_status=payload.to_status,
            note=payload.note,
        )
    set_status(
        session,
        dossier,
        payload.to_status,
        at=payload.at,
        source="counter",
        officer=payload.officer,
        note=payload.note,
        station=station.station_number,
        event_uuid=event.event_uuid,
    )
    if payload.due_at is not None:
        # Back from a supplement request: the time with the citizen is not counted.
        dossier.due_at = payload.due_at
    return Answer("applied")


def _counter_note(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    dossier: Dossier,
    at: datetime,
    officer: str | None,
    note: str,
) -> None:
    """A history line for a counter step that moves no status."""
    add_history(
        session,
        dossier,
        at=at,
        source="counter",
        station=station.station_number,
        officer=officer,
        from_status=None,
        to_status=None,
        note=note,
        event_uuid=event.event_uuid,
    )
    dossier.updated_at = now()


def _extended(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    dossier: Dossier,
    payload: p.DossierExtended,
) -> Answer:
    """A new appointment: the dossier's ``due_at`` becomes the extended one."""
    if dossier.cancelled_at is not None:
        raise Rejected(f"Hồ sơ {dossier.code} đã bị hủy (nhập nhầm); không hẹn lại được.")
    if (dossier.extensions or 0) >= payload.extensions and dossier.due_at == payload.due_at:
        return Answer("applied", "Lần hẹn lại này đã được ghi nhận.")
    note = f"Hẹn lại ngày trả kết quả: {when(payload.due_at)}. Lý do: {payload.reason}"
    if dossier.status == Status.RESOLVED or Status(dossier.status).is_terminal:
        return _conflict(
            session,
            station,
            event,
            dossier,
            at=payload.at,
            officer=payload.officer,
            from_status=None,
            to_status=None,
            note=note,
        )
    dossier.due_at = payload.due_at
    dossier.extensions = max(dossier.extensions or 0, payload.extensions)
    _counter_note(session, station, event, dossier, payload.at, payload.officer, note)
    return Answer("applied")


def _cancelled(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    dossier: Dossier,
    payload: p.DossierCancelled,
) -> Answer:
    """An entry made in error: marked cancelled, kept with its history."""
    if dossier.cancelled_at is not None:
        return Answer("applied", f"Hồ sơ {dossier.code} đã được ghi nhận hủy.")
    note = f"Hủy hồ sơ nhập nhầm: {payload.reason}"
    if dossier.status in (Status.RESOLVED, Status.RETURNED):
        return _conflict(
            session,
            station,
            event,
            dossier,
            at=payload.at,
            officer=payload.officer,
            from_status=None,
            to_status=None,
            note=note,
        )
    dossier.cancelled_at = payload.at
    dossier.cancel_reason = payload.reason
    _counter_note(session, station, event, dossier, payload.at, payload.officer, note)
    return Answer("applied")


def _fee_paid(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    dossier: Dossier,
    payload: p.DossierFeePaid,
) -> Answer:
    method = payload.method if payload.fee_paid else None
    if dossier.fee_paid is payload.fee_paid and dossier.fee_payment_method == method:
        return Answer("applied", "Đã ghi nhận.")
    dossier.fee_paid = payload.fee_paid
    dossier.fee_payment_method = method
    note = "Đã nộp phí, lệ phí" if payload.fee_paid else "Sửa lại: chưa nộp phí, lệ phí"
    _counter_note(session, station, event, dossier, payload.at, payload.officer, note)
    return Answer("applied")


def _returned(
    session: Session,
    station: StationContext,
    event: p.EventIn,
    dossier: Dossier,
    payload: p.DossierReturned,
) -> Answer:
    if dossier.status == Status.RETURNED and dossier.returned_at == payload.returned_at:
        return Answer("applied", "Hồ sơ đã được ghi nhận trả kết quả.")
    newer_backoffice = (
        dossier.backoffice_changed_at is not None
        and payload.returned_at < dossier.backoffice_changed_at
    )
    if dossier.status != Status.RESOLVED or newer_backoffice:
        if dossier.status_source == "counter" and dossier.status != Status.RETURNED:
            raise Rejected(
                f"Hồ sơ {dossier.code} đang ở trạng thái “{status_label(dossier.status)}”, "
                "chưa thể trả kết quả."
            )
        return _conflict(
            session,
            station,
            event,
            dossier,
            at=payload.returned_at,
            officer=payload.officer,
            from_status=Status.RESOLVED,
            to_status=Status.RETURNED,
            note=payload.note,
        )
    collector = ", ".join(
        part for part in (payload.collector_name, payload.collector_id_number) if part
    )
    note = (
        "; ".join(
            part
            for part in (f"Người nhận: {collector}" if collector else None, payload.note)
            if part
        )
        or None
    )
    dossier.returned_at = payload.returned_at
    set_status(
        session,
        dossier,
        Status.RETURNED,
        at=payload.returned_at,
        source="counter",
        officer=payload.officer,
        note=note,
        station=station.station_number,
        event_uuid=event.event_uuid,
    )
    return Answer("applied")


def _held_sizes(session: Session, office_id: int, hashes: set[str]) -> dict[str, int]:
    """Sizes of the files among ``hashes`` this office holds.

    Only the office's own: a file of another office must answer as an
    unknown one does.
    """
    with session.no_autoflush:  # pending rows of the batch do not touch these tables
        return {
            sha: size
            for sha, size in session.execute(
                select(Blob.sha256, Blob.size)
                .join(BlobOffice, BlobOffice.sha256 == Blob.sha256)
                .where(Blob.sha256.in_(hashes), BlobOffice.office_id == office_id)
            )
        }


def _new_manifest(
    session: Session, dossier: Dossier, payload: p.DossierAttachments, lookups: Lookups
) -> Answer:
    """The manifest of a dossier this same batch created: nothing to compare or freeze.

    Added without a flush, so a batch of new dossiers and their manifests is
    written in one; only when every file is already held does it take the
    full path, which counts the dossier complete and freezes its files.
    """
    sizes = lookups.held_sizes(dossier.office_id, {e.sha256 for e in payload.manifest})
    for entry in payload.manifest:
        if entry.sha256 in sizes and sizes[entry.sha256] != entry.size:
            raise Rejected(f"Kích thước tệp {entry.sha256[:12]}… không khớp với tệp đã lưu.")
    wanted = {(e.component_index, e.sha256): e for e in payload.manifest}
    for entry in wanted.values():
        session.add(
            ManifestItem(
                dossier=dossier,
                component_index=entry.component_index,
                sha256=entry.sha256,
                size=entry.size,
                pages=entry.pages,
                mime=entry.mime,
                frozen=False,
            )
        )
    dossier.attachments_complete = not wanted
    if wanted and all(sha in sizes for _, sha in wanted):
        session.flush()
        refresh_completeness(session, dossier)
    return Answer("applied")


def _attachments(
    session: Session, dossier: Dossier, payload: p.DossierAttachments, lookups: Lookups
) -> Answer:
    if inspect(dossier).pending:
        # Received earlier in this same batch: it has no manifest yet.
        return _new_manifest(session, dossier, payload, lookups)
    wanted = {(e.component_index, e.sha256): e for e in payload.manifest}
    # A dossier created by this batch has no manifest yet. Otherwise read it
    # fresh from the table: completing a manifest freezes items there.
    current = session.scalars(
        select(ManifestItem)
        .where(ManifestItem.dossier_id == dossier.id)
        .execution_options(populate_existing=True)
    ).all()
    for item in current:
        if item.frozen and (item.component_index, item.sha256) not in wanted:
            raise Rejected(
                f"Tệp đính kèm của thành phần {item.component_index} đã được khóa "
                "trên máy chủ; không thể bỏ hoặc thay."
            )
    sizes = lookups.held_sizes(dossier.office_id, {e.sha256 for e in payload.manifest})
    for entry in payload.manifest:
        if entry.sha256 in sizes and sizes[entry.sha256] != entry.size:
            raise Rejected(f"Kích thước tệp {entry.sha256[:12]}… không khớp với tệp đã lưu.")
    if {(item.component_index, item.sha256) for item in current} == set(wanted):
        return Answer("applied")
    kept = {(item.component_index, item.sha256) for item in current if item.frozen}
    if current:
        session.execute(
            delete(ManifestItem).where(
                ManifestItem.dossier_id == dossier.id, ManifestItem.frozen.is_(False)
            )
        )
    for key, entry in wanted.items():
        if key in kept:
            continue
        session.add(
            ManifestItem(
                dossier_id=dossier.id,
                component_index=entry.component_index,
                sha256=entry.sha256,
                size=entry.size,
                pages=entry.pages,
                mime=entry.mime,
                frozen=False,
            )
        )
    session.flush()
    # A new manifest is unverified until proven otherwise.
    dossier.attachments_complete = not wanted and not kept
    refresh_completeness(session, dossier)
    return Answer("applied")


def _result(session: Session, dossier: Dossier, payload: p.DossierResultIn) -> Answer:
    """Keep (or replace) the dossier's digitized result; its file arrives by upload."""
    if inspect(dossier).pending:
        session.flush()  # received earlier in this same batch: write it first
    row = session.scalar(select(DossierResult).where(DossierResult.dossier_id == dossier.id))
    if row is None:
        row = DossierResult(dossier_id=dossier.id, uuid=payload.result_uuid)
        session.add(row)
    row.kind, row.number, row.issued_on, row.issuer = (
        payload.kind,
        payload.number,
        payload.issued_on,
        payload.issuer,
    )
    row.sha256, row.size, row.pages, row.mime = (
        payload.sha256,
        payload.size,
        payload.pages,
        payload.mime,
    )
    row.source = payload.source
    row.captured_at = payload.captured_at
    row.updated_at = now()
    return Answer("applied")


def _rated(session: Session, dossier: Dossier, payload: p.DossierRated) -> Answer:
    """Keep the citizen's rating; a second rating of the same stage is refused."""
    try:
        stored = store_rating(
            session,
            dossier,
            rating_uuid=payload.rating_uuid,
            stage=payload.stage,
            score=payload.score,
            criteria=dict(payload.criteria),
            channel=payload.channel,
            rated_at=payload.rated_at,
        )
    except AlreadyRated as exc:
        raise Rejected(str(exc)) from exc
    except ValueError as exc:
        raise Rejected("Mã đánh giá (rating_uuid) đã được dùng cho một đánh giá khác.") from exc
    return Answer("applied", None if stored else "Đánh giá đã được ghi nhận trước đó.")
