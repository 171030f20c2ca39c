"""The office and the local station this database belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import SequenceSlice
from app.domain.errors import DomainError
from app.domain.workcalendar import WorkCalendar, WorkingHours, parse_seasons
from app.office import settings
from db.models import CalendarOverride, Office, Station


@dataclass(frozen=True)
class StationInfo:
    office_id: int
    agency_code: str
    office_name: str
    parent_name: str | None
    address: str | None
    phone: str | None
    station_id: int
    station_number: int
    sequence: SequenceSlice


def not_initialised() -> DomainError:
    return DomainError(
        "not_initialised",
        "Trạm chưa được khởi tạo (chưa có cơ quan, quầy).",
        "This station is not set up yet (no office or counter).",
    )


def load(session: Session) -> StationInfo:
    row = session.execute(
        select(Office, Station)
        .join(Station, Station.office_id == Office.id)
        .where(Station.is_local.is_(True))
    ).first()
    if row is None:
        raise not_initialised()
    office, station = row
    return StationInfo(
        office_id=office.id,
        agency_code=office.agency_code,
        office_name=office.name,
        parent_name=office.parent_name,
        address=office.address,
        phone=office.phone,
        station_id=station.id,
        station_number=station.number,
        sequence=SequenceSlice(station.sequence_start, station.sequence_end),
    )


def work_calendar(session: Session) -> WorkCalendar:
    """The office's calendar: national holidays, its overrides, its working hours."""
    off, work = [], []
    for o in session.scalars(select(CalendarOverride)):
        (off if o.kind == "off" else work).append(o.day)
    hours = WorkingHours.parse(settings.get(session, "working_hours"))
    seasons = parse_seasons(settings.get(session, "working_hours_seasonal"))
    return WorkCalendar(hours=hours, extra_days_off=off, extra_working_days=work, seasons=seasons)
