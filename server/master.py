"""Master data stations copy: procedure catalogue, calendar overrides, officers.

Each part carries a version, so a station that already has the current one
gets ``null`` for it, and one whose three versions are all current pays for a
single small answer. Every change also lands in the pull feed as a ``master``
change, which tells stations to ask.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.office.catalogue_seed import SeedProcedure, load_seed
from app.sync import protocol as p
from server.auth import COUNTER_ROLES
from server.common import now
from server.db import Database
from server.dossiers import append_change, lock_office
from server.models import (
    CalendarOverrideRow,
    MasterVersion,
    Office,
    OfficeProcedure,
    Officer,
    Procedure,
)

CATALOGUE = "catalogue"


def procedure_to_wire(procedure: SeedProcedure) -> dict[str, Any]:
    """A seed procedure in the catalogue file's shape (what ``parse_catalogue`` reads)."""
    data = dataclasses.asdict(procedure)
    value = data.pop("processing_value")
    unit = data.pop("processing_unit")
    max_value = data.pop("processing_max_value", None)
    data["processing"] = {"value": value, "unit": unit} if value is not None else None
    if data["processing"] is not None and max_value is not None:
        data["processing"]["max_value"] = max_value
    data["unverified"] = list(data["unverified"])
    data["shown_documents"] = list(data["shown_documents"])
    data["components"] = [dict(c) for c in data["components"]]
    return data


def catalogue_version(row: MasterVersion | None) -> str:
    if row is None:
        return ""
    return row.seed_version if row.revision == 0 else f"{row.seed_version}+{row.revision}"


def _announce(session: Session, office_ids: list[int], what: str, version: str | int) -> None:
    for office_id in sorted(office_ids):
        lock_office(session, office_id)
        append_change(session, office_id, "master", {"what": what, "version": version})


def seed_catalogue(db: Database) -> None:
    """Load the shipped catalogue when it is newer than what the database holds."""
    seed = load_seed()
    with db.write() as session:
        row = session.get(MasterVersion, CATALOGUE)
        if row is not None and row.seed_version == seed.version:
            return
        stamp = now()
        existing = {proc.code: proc for proc in session.scalars(select(Procedure))}
        for procedure in seed.procedures:
            data = procedure_to_wire(procedure)
            if procedure.code in existing:
                existing.pop(procedure.code).data = data
            else:
                session.add(Procedure(code=procedure.code, data=data, updated_at=stamp))
        for stale in existing.values():
            session.delete(stale)
        if row is None:
            session.add(
                MasterVersion(
                    name=CATALOGUE, seed_version=seed.version, revision=0, updated_at=stamp
                )
            )
            return
        row.seed_version = seed.version
        row.revision += 1
        row.updated_at = stamp
        _announce(
            session, list(session.scalars(select(Office.id))), CATALOGUE, catalogue_version(row)
        )


def set_fee(session: Session, procedure_code: str, amount: int, note: str | None) -> str:
    """Set the province's fee for one procedure; returns the new catalogue version."""
    procedure = session.get(Procedure, procedure_code)
    if procedure is None:
        raise LookupError(procedure_code)
    fee = dict(procedure.data.get("fee") or {})
    fee.update({"amount": amount, "set_by": "province"})
    if note is not None:
        fee["note"] = note
    procedure.fee_override = fee
    procedure.updated_at = now()
    row = session.get(MasterVersion, CATALOGUE)
    assert row is not None, "the catalogue is seeded at start"
    row.revision += 1
    row.updated_at = now()
    version = catalogue_version(row)
    _announce(session, list(session.scalars(select(Office.id))), CATALOGUE, version)
    return version


def bump_calendar(session: Session, office: Office) -> None:
    office.calendar_version += 1
    _announce(session, [office.id], "calendar", office.calendar_version)


def bump_officers(session: Session, office: Office) -> None:
    office.officers_version += 1
    _announce(session, [office.id], "officers", office.officers_version)


def set_calendar_day(
    session: Session, office: Office, day: date, kind: str | None, note: str | None
) -> None:
    """Mark ``day`` as off or as a working day for the office; ``kind=None`` removes it."""
    row = session.scalar(
        select(CalendarOverrideRow).where(
            CalendarOverrideRow.office_id == office.id, CalendarOverrideRow.day == day
        )
    )
    if kind is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(CalendarOverrideRow(office_id=office.id, day=day, kind=kind, note=note))
    else:
        row.kind, row.note = kind, note
    bump_calendar(session, office)


def office_catalogue_version(session: Session, office: Office) -> str:
    """The catalogue's version as this office sees it: the shared one and its own edits."""
    shared = catalogue_version(session.get(MasterVersion, CATALOGUE))
    return f"{shared}/{office.catalogue_version}" if office.catalogue_version else shared


def catalogue(session: Session, office: Office) -> p.CatalogueData:
    """The shared catalogue, each procedure carrying what this office set on it.

    The office's edits travel as ``office_edits`` beside the procedure (the
    station applies them as its own); the province's fee replaces the office's.
    """
    rows = list(
        session.scalars(
            select(OfficeProcedure)
            .where(OfficeProcedure.office_id == office.id)
            .order_by(OfficeProcedure.code)
        )
    )
    edits = {row.code: dict(row.edits) for row in rows}
    procedures = []
    masters = list(session.scalars(select(Procedure).order_by(Procedure.code)))
    national = {proc.code for proc in masters}
    theirs = [
        p.OfficeProcedureData.model_validate({**row.procedure, "office_edits": dict(row.edits)})
        for row in rows
        if row.procedure is not None and row.code not in national
    ]
    for proc in masters:
        data = dict(proc.data)
        own = edits.get(proc.code)
        if proc.fee_override:
            data["fee"] = proc.fee_override
            if own:
                own = {k: v for k, v in own.items() if k not in ("fee_amount", "fee_rule")}
        if own:
            data["office_edits"] = own
        procedures.append(data)
    return p.CatalogueData(
        version=office_catalogue_version(session, office),
        source="central server",
        procedures=procedures,
        office_procedures=theirs,
    )


def set_office_procedure(
    session: Session,
    office: Office,
    station: int,
    payload: p.CatalogueProcedureSet,
) -> tuple[str, str | None]:
    """Keep a station's edits to one procedure; ``(outcome, message)``.

    The newest edit wins: one made earlier that arrives later is acknowledged
    and left out. The same edits again change nothing (no new version).
    """
    lock_office(session, office.id)
    row = session.scalar(
        select(OfficeProcedure).where(
            OfficeProcedure.office_id == office.id,
            OfficeProcedure.code == payload.procedure_code,
        )
    )
    if row is not None and row.edited_at > payload.at:
        # The sending station holds the older values: a new version makes it fetch the newer.
        office.catalogue_version += 1
        _announce(session, [office.id], CATALOGUE, office_catalogue_version(session, office))
        return "applied", "Danh mục đã có thay đổi mới hơn cho thủ tục này; giữ thay đổi mới hơn."
    whole = None
    if payload.procedure is not None and session.get(Procedure, payload.procedure_code) is None:
        # Only a procedure the national catalogue lacks is kept whole, for this office.
        whole = payload.procedure.model_dump(mode="json")
    if row is not None and row.edits == payload.edits and whole in (None, row.procedure):
        return "applied", "Thay đổi này đã được ghi nhận."
    stamp = now()
    if row is None:
        row = OfficeProcedure(office_id=office.id, code=payload.procedure_code)
        session.add(row)
    if whole is not None:
        row.procedure = whole
    row.edits = dict(payload.edits)
    row.edited_at = payload.at
    row.edited_by = payload.officer
    row.station = station
    row.updated_at = stamp
    office.catalogue_version += 1
    _announce(session, [office.id], CATALOGUE, office_catalogue_version(session, office))
    return "applied", None


def calendar(session: Session, office: Office) -> p.CalendarData:
    rows = session.scalars(
        select(CalendarOverrideRow)
        .where(CalendarOverrideRow.office_id == office.id)
        .order_by(CalendarOverrideRow.day)
    )
    return p.CalendarData(
        version=office.calendar_version,
        overrides=[p.CalendarOverride(day=r.day, kind=r.kind, note=r.note) for r in rows],  # type: ignore[arg-type]
    )


def officers(session: Session, office: Office) -> p.OfficersData:
    rows = session.scalars(
        select(Officer)
        .where(Officer.office_id == office.id, Officer.role.in_(COUNTER_ROLES))
        .order_by(Officer.username)
    )
    return p.OfficersData(
        version=office.officers_version,
        officers=[
            p.OfficerRecord(
                username=o.username,
                full_name=o.full_name,
                title=o.title,
                role=o.role,  # type: ignore[arg-type]
                active=o.active,
            )
            for o in rows
        ],
    )


def versions(session: Session, office: Office) -> tuple[str, int, int]:
    return (
        office_catalogue_version(session, office),
        office.calendar_version,
        office.officers_version,
    )
