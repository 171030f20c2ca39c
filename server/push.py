"""Applying a pushed batch: in order, each event exactly once, each with a final answer.

Every event's answer is stored with it: a replay is answered from that
record, and a rejected event is recorded too, so the station can drop it and
go on with the rest of its queue instead of sending it forever.

A batch runs in one transaction with its reads prefetched and its writes
flushed together. Pushes of one office run side by side: each holds the
office lock shared (so a file's completion, which takes it whole, sees its
manifests or is seen by them) and locks the dossiers it names; a batch with
a feedback or catalogue event, which count per office, takes the office
whole. Should a batch meet a concurrent writer (a UUID stored meanwhile by
another push), it is rolled back and done again event by event, each in its
own savepoint.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.sync import protocol as p
from server.auth import StationContext
from server.common import now
from server.db import Database
from server.dossiers import Pending, lock_dossiers, lock_office
from server.events import (
    Answer,
    Lookups,
    Recorded,
    Rejected,
    apply_event,
    parse_payload,
    problems,
)
from server.models import EventRecord


def _envelope(index: int, raw: dict[str, Any]) -> p.EventIn | p.EventResult:
    """The event, or the final answer for one whose envelope is malformed."""
    try:
        return p.EventIn.model_validate(raw)
    except ValidationError as exc:
        try:
            event_uuid: uuid.UUID | None = uuid.UUID(str(raw.get("event_uuid")))
        except ValueError:
            # Rejected on its own, in its place: the rest of the batch goes on.
            return p.EventResult(
                event_uuid=None,
                outcome="rejected",
                message=f"Sự kiện thứ {index + 1} thiếu mã sự kiện (event_uuid) hợp lệ; "
                f"sự kiện không được áp dụng ({problems(exc)}).",
            )
        return p.EventResult(
            event_uuid=event_uuid,
            outcome="rejected",
            message=f"Sự kiện sai cấu trúc ({problems(exc)}).",
        )


def push_batch(
    db: Database, station: StationContext, events: list[dict[str, Any]], lookup_key: bytes
) -> p.PushResponse:
    parsed = [_envelope(i, raw) for i, raw in enumerate(events)]
    valid = [e for e in parsed if isinstance(e, p.EventIn)]
    # What needs no database is done before the transaction and its office lock.
    ready = [(e, _payload_hashes(e, lookup_key), parse_payload(e)) for e in valid]
    try:
        answers = _run(db, station, ready, lookup_key, careful=False)
    except IntegrityError:
        answers = _run(db, station, ready, lookup_key, careful=True)
    results: list[p.EventResult] = []
    for event in parsed:
        if isinstance(event, p.EventResult):
            results.append(event)
            continue
        answer = answers.pop(0)
        results.append(
            p.EventResult(
                event_uuid=event.event_uuid, outcome=answer.outcome, message=answer.message
            )
        )
    return p.PushResponse(results=results)


# Events that count or version per office (register lines, answers, the
# catalogue): their batch holds the office lock alone, as the back office does.
_WHOLE_OFFICE = frozenset(
    {p.EVENT_FEEDBACK_RECEIVED, p.EVENT_FEEDBACK_ANSWERED, p.EVENT_CATALOGUE_SET}
)
Ready = tuple[p.EventIn, tuple[str, str], Any]  # event, fingerprints, parsed payload


def _run(
    db: Database,
    station: StationContext,
    ready: list[Ready],
    lookup_key: bytes,
    *,
    careful: bool,
) -> list[Answer]:
    with db.write() as session:
        # Office first, then dossiers: the order every writer takes them in.
        lock_office(
            session,
            station.office_id,
            shared=not any(e.type in _WHOLE_OFFICE for e, _, _ in ready),
        )
        lock_dossiers(session, (e.dossier_uuid for e, _, _ in ready))
        pending = Pending()
        pending.attach(session)
        lookups = Lookups(session, lookup_key, None if careful else [e for e, _, _ in ready])
        answers = [_push_one(session, station, item, lookups, pending, careful) for item in ready]
        session.flush()
        pending.write(session)
    return answers


def _payload_hashes(event: p.EventIn, key: bytes) -> tuple[str, str]:
    """The event's fingerprint as stored now, and as stored before the server key.

    The payload holds the look-up secret, so a plain digest of it would let
    a copy of the database try every secret; the stored one is an HMAC. The
    plain one only recognises a replay of an event recorded before that.
    """
    canonical = json.dumps(
        {"type": event.type, "dossier_uuid": str(event.dossier_uuid), "payload": event.payload},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    ).encode("utf-8")
    return hmac.new(key, canonical, hashlib.sha256).hexdigest(), hashlib.sha256(
        canonical
    ).hexdigest()


def _replay(
    record: EventRecord | Recorded, hashes: tuple[str, str], station: StationContext
) -> Answer:
    if record.office_id != station.office_id or record.payload_hash not in hashes:
        return Answer(
            "conflict",
            "Mã sự kiện này đã được dùng cho một sự kiện có nội dung khác; "
            "sự kiện không được áp dụng.",
        )
    if record.outcome == "applied":
        return Answer("duplicate", None)
    return Answer(record.outcome, record.message)


def _push_one(
    session: Session,
    station: StationContext,
    item: Ready,
    lookups: Lookups,
    pending: Pending,
    careful: bool,
) -> Answer:
    event, hashes, payload = item
    payload_hash = hashes[0]
    record = lookups.event(event.event_uuid)
    if record is not None:
        return _replay(record, hashes, station)
    if not careful:
        answer = _answer(session, station, event, lookups, payload)
        pending.events.append(_event_row(station, event, payload_hash, answer))
        lookups.remember_event(
            event.event_uuid,
            Recorded(station.office_id, payload_hash, answer.outcome, answer.message),
        )
        return answer
    try:
        with session.begin_nested():
            answer = _answer(session, station, event, lookups, payload)
            pending.events.append(_event_row(station, event, payload_hash, answer))
            session.flush()
            pending.write(session)
    except IntegrityError:
        pending.discard()
        # Another office's request stored this event UUID first.
        existing = session.get(EventRecord, event.event_uuid)
        if existing is None:
            raise
        return _replay(existing, hashes, station)
    return answer


def _event_row(
    station: StationContext, event: p.EventIn, payload_hash: str, answer: Answer
) -> dict[str, Any]:
    return {
        "event_uuid": event.event_uuid,
        "office_id": station.office_id,
        "station_id": station.station_id,
        "type": event.type,
        "dossier_uuid": event.dossier_uuid,
        "payload_hash": payload_hash,
        "outcome": answer.outcome,
        "message": answer.message,
        "received_at": now(),
    }


def _answer(
    session: Session, station: StationContext, event: p.EventIn, lookups: Lookups, payload: Any
) -> Answer:
    try:
        return apply_event(session, station, event, lookups, payload)
    except Rejected as exc:
        return Answer("rejected", str(exc))
