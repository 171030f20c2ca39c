"""Applying what the server says changed: back-office statuses and master data."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.status import Status
from app.domain.text import fold
from app.dossiers import ratings
from app.feedback import from_server
from app.infra import clock
from app.office import catalogue
from app.office.catalogue_edit import apply_changes
from app.office.catalogue_seed import parse_catalogue
from app.sync import cursors
from app.sync import protocol as p
from app.sync.transport import Transport
from db.engine import Database
from db.models import CalendarOverride, Dossier, Officer, OutboxEvent, Procedure, StatusHistory

PAGE = p.MAX_PULL_LIMIT  # per-request costs paid once per page
# The kinds of change this release applies; every pull names them.
APPLIED_KINDS: tuple[str, ...] = p.CHANGE_KINDS
# The kinds the "changes" cursor has covered. Releases that named no kinds left
# none: they were sent ``p.V1_CHANGE_KINDS`` only.
COVERED = "changes_kinds"
# Where fetching the kinds the cursor has not covered got to: "seq kinds".
CATCH_UP = "changes_catch_up"
STATION_ROLES = ("clerk", "supervisor", "admin")

log = logging.getLogger("motcua.sync")


def pull_changes(db: Database, transport: Transport, station_number: int) -> int:
    """Fetch change pages since the cursor; each page is applied in one transaction."""
    applied = _catch_up(db, transport, station_number)
    while True:
        with db.read() as session:
            cursor = int(cursors.get(session, "changes") or 0)
        body = transport.call(
            "GET",
            "/changes",
            params={"cursor": cursor, "limit": PAGE, p.CHANGE_KINDS_PARAM: ",".join(APPLIED_KINDS)},
        )
        page, changes = _read(body, APPLIED_KINDS)
        with db.write() as session:
            applied += _apply_page(session, changes, station_number)
            cursors.put(session, "changes", str(page.next_cursor), clock.now())
        if not page.has_more or not page.changes:
            return applied


def _catch_up(db: Database, transport: Transport, station_number: int) -> int:
    """Fetch the kinds this release applies and the cursor has not covered, up to it.

    The server counts only the kinds it sent in the cursor: a station updated
    from a release that named none was never sent a feedback answer or a rating
    below its cursor, and asks for those kinds alone from 0 once.
    """
    with db.read() as session:
        cursor = int(cursors.get(session, "changes") or 0)
        covered_text = cursors.get(session, COVERED)
        resume = cursors.get(session, CATCH_UP) or ""
    covered = p.V1_CHANGE_KINDS if covered_text is None else p.parse_kinds(covered_text)
    missing = tuple(kind for kind in APPLIED_KINDS if kind not in covered)
    if not missing:
        return 0
    if cursor == 0:  # nothing pulled yet: the pull itself starts from the first change
        with db.write() as session:
            cursors.put(session, COVERED, ",".join(APPLIED_KINDS), clock.now())
        return 0
    seq, _, resume_kinds = resume.partition(" ")
    start = int(seq) if resume_kinds == ",".join(missing) else 0
    applied = 0
    while True:
        body = transport.call(
            "GET",
            "/changes",
            params={"cursor": start, "limit": PAGE, p.CHANGE_KINDS_PARAM: ",".join(missing)},
        )
        page, changes = _read(body, missing)
        # What lies past the cursor comes with the pull of every kind that follows.
        below = [change for change in changes if change.seq <= cursor]
        done = not page.has_more or not page.changes or page.next_cursor >= cursor
        with db.write() as session:
            applied += _apply_page(session, below, station_number)
            if done:
                cursors.put(session, COVERED, ",".join(APPLIED_KINDS), clock.now())
                cursors.put(session, CATCH_UP, "", clock.now())
            else:
                progress = f"{page.next_cursor} {','.join(missing)}"
                cursors.put(session, CATCH_UP, progress, clock.now())
        if done:
            return applied
        start = page.next_cursor


def _read(body: object, wanted: tuple[str, ...]) -> tuple[p.RawChangesResponse, list[p.Change]]:
    """A page's changes of the kinds wanted; a kind this release does not know is passed over.

    A change of a known kind is checked strictly: a malformed one fails the page.
    """
    page = p.RawChangesResponse.model_validate(body)
    changes: list[p.Change] = []
    for raw in page.changes:
        kind = raw.get("kind")
        if kind not in p.CHANGE_KINDS:
            # A newer server's kind: the next release applies it, this one goes on.
            log.info("pull: change %s of unknown kind %r passed over", raw.get("seq"), kind)
            continue
        change = p.Change.model_validate(raw)
        # A server that does not filter by kind sends the others too.
        if change.kind in wanted:
            changes.append(change)
    return page, changes


def _apply_page(session: Session, changes: list[p.Change], station_number: int) -> int:
    dossiers = _dossiers(session, changes, station_number)
    return sum(_apply(session, change, station_number, dossiers) for change in changes)


def _own(change: p.Change, station_number: int) -> bool:
    """A status change this station made, coming back."""
    data = change.payload
    return (
        change.kind == "status"
        and data.get("source") == "counter"
        and data.get("station") == station_number
    )


def _dossiers(session: Session, changes: list[p.Change], station_number: int) -> dict[str, Dossier]:
    """The dossiers a page's changes touch, read in one query (own changes need none)."""
    wanted = list(
        {
            str(c.dossier_uuid)
            for c in changes
            if c.dossier_uuid is not None and not _own(c, station_number)
        }
    )
    found: dict[str, Dossier] = {}
    for start in range(0, len(wanted), 500):
        for dossier in session.scalars(
            select(Dossier).where(Dossier.uuid.in_(wanted[start : start + 500]))
        ):
            found[dossier.uuid] = dossier
    return found


def _apply(
    session: Session, change: p.Change, station_number: int, dossiers: dict[str, Dossier]
) -> int:
    if change.kind == "feedback":
        return from_server.apply_change(session, change.payload)
    if change.dossier_uuid is None or _own(change, station_number):
        return 0
    dossier = dossiers.get(str(change.dossier_uuid))
    if dossier is None:
        return 0
    data = change.payload
    if change.kind == "status":
        to_status = data.get("to_status")
        if to_status is None or to_status == dossier.status:
            return 0
        at = clock.parse_datetime(data["at"], field="at") if data.get("at") else clock.now()
        dossier.status = int(to_status)
        if to_status == Status.RETURNED and dossier.returned_at is None:
            dossier.returned_at = at
        session.add(
            StatusHistory(
                dossier_id=dossier.id,
                status=int(to_status),
                officer=data.get("officer"),
                at=at,
                note=data.get("note"),
                source=data.get("source") or "backoffice",
            )
        )
        return 1
    if change.kind == "rating":
        # Rated on the public page: the counter's screen will not ask for it again.
        return ratings.from_server(session, dossier, data)
    if change.kind == "progress":
        at = clock.parse_datetime(data["at"], field="at") if data.get("at") else clock.now()
        session.add(
            StatusHistory(
                dossier_id=dossier.id,
                status=dossier.status,
                officer=data.get("officer"),
                at=at,
                note=data.get("content"),
                source="backoffice",
            )
        )
        return 1
    return 0


def refresh_master(db: Database, transport: Transport, now: datetime) -> list[str]:
    """Ask only for the master data whose version changed; returns what was updated."""
    with db.read() as session:
        params = {
            key: cursors.get(session, key)
            for key in ("catalogue_version", "calendar_version", "officers_version")
        }
    body = transport.call("GET", "/master", params={k: v for k, v in params.items() if v})
    reply = p.MasterResponse.model_validate(body)
    updated: list[str] = []
    with db.write() as session:
        if reply.catalogue is not None:
            parsed = parse_catalogue(reply.catalogue.model_dump())
            catalogue.import_seed(session, parsed)
            _apply_office_edits(session, reply.catalogue.procedures)
            _apply_office_procedures(session, reply.catalogue.office_procedures)
            cursors.put(session, "catalogue_version", reply.catalogue.version, now)
            updated.append("catalogue")
        if reply.calendar is not None:
            session.execute(delete(CalendarOverride))
            session.add_all(
                CalendarOverride(day=o.day, kind=o.kind, note=o.note)
                for o in reply.calendar.overrides
            )
            cursors.put(session, "calendar_version", str(reply.calendar.version), now)
            updated.append("calendar")
        if reply.officers is not None:
            _apply_officers(session, reply.officers.officers)
            cursors.put(session, "officers_version", str(reply.officers.version), now)
            updated.append("officers")
        if updated:
            cursors.put(session, "master_refreshed_at", now.isoformat(), now)
    return updated


def _apply_office_edits(session: Session, procedures: list[dict]) -> None:
    """What another station of the office set on a procedure becomes this station's too.

    A procedure this station edited itself and has not sent yet keeps its own
    values: they go to the server on the next round, and the newest wins there.
    """
    edits = {
        str(item.get("code")): item["office_edits"]
        for item in procedures
        if isinstance(item.get("office_edits"), dict)
    }
    if not edits:
        return
    unsent = {
        (event.payload or {}).get("procedure_code")
        for event in session.scalars(
            select(OutboxEvent).where(
                OutboxEvent.type == p.EVENT_CATALOGUE_SET,
                OutboxEvent.sent_at.is_(None),
                OutboxEvent.rejected.is_(False),
            )
        )
    }
    for row in session.scalars(select(Procedure).where(Procedure.code.in_(list(edits)))):
        if row.code in unsent:
            continue
        values = {k: v for k, v in edits[row.code].items() if k in catalogue.EDITABLE}
        if values:
            apply_changes(row, values)


def _unsent_codes(session: Session) -> set[str]:
    """Procedures this station edited and has not sent yet: its own values stand."""
    return {
        (event.payload or {}).get("procedure_code")
        for event in session.scalars(
            select(OutboxEvent).where(
                OutboxEvent.type == p.EVENT_CATALOGUE_SET,
                OutboxEvent.sent_at.is_(None),
                OutboxEvent.rejected.is_(False),
            )
        )
    }


def _apply_office_procedures(session: Session, procedures: list[p.OfficeProcedureData]) -> None:
    """The office's own procedures (not in the national catalogue) another station brought
    in are created here, or brought to what that station holds now."""
    if not procedures:
        return
    unsent = _unsent_codes(session)
    existing = {
        row.code: row
        for row in session.scalars(
            select(Procedure).where(Procedure.code.in_([x.code for x in procedures]))
        )
    }
    for item in procedures:
        if item.code in unsent:
            continue
        row = existing.get(item.code)
        if row is None:
            row = Procedure(code=item.code)
            session.add(row)
        data = item.model_dump(exclude={"components", "office_edits"})
        for key, value in data.items():
            setattr(row, key, value)
        row.name_folded = fold(item.name)
        row.fee_edited = "fee_amount" in item.office_edits
        row.office_edits = dict(item.office_edits) or None
        row.active = True
        catalogue.set_components(
            session, row, [c.model_dump() for c in sorted(item.components, key=lambda c: c.index)]
        )
        for component in row.components:
            component.verified = next(
                (c.verified for c in item.components if c.index == component.index), False
            )
    session.flush()


def _apply_officers(session: Session, officers: list[p.OfficerRecord]) -> None:
    existing = {o.username: o for o in session.scalars(select(Officer))}
    for record in officers:
        if record.role not in STATION_ROLES:
            continue
        row = existing.get(record.username)
        if row is None:
            if not record.password_hash:
                continue  # cannot sign in offline without a hash
            row = Officer(
                username=record.username, failed_logins=0, password_hash=record.password_hash
            )
            session.add(row)
        row.full_name = record.full_name
        row.title = record.title
        row.role = record.role
        row.active = record.active
        if record.password_hash:
            row.password_hash = record.password_hash
