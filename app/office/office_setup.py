"""First-run set-up of a station's data folder (the ``init`` command and dialog)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.domain import codes
from app.domain.errors import DomainError
from app.infra import clock, datadir, journal
from app.infra.storage import open_database, translating_storage_errors
from app.office import auth, settings
from db.engine import Database
from db.models import Office, Station


@dataclass(frozen=True)
class SetupRequest:
    office_code: str
    office_name: str
    station_number: int
    admin_user: str
    admin_password: str
    # Printed on the slips the admin signs; empty means "ask at first sign-in".
    admin_full_name: str = ""
    parent_name: str | None = None
    address: str | None = None
    phone: str | None = None
    place_name: str | None = None


def is_initialised(data_dir: Path) -> bool:
    db = open_if_initialised(data_dir)
    if db is None:
        return False
    db.dispose()
    return True


def open_if_initialised(data_dir: Path) -> Database | None:
    """The station database if ``data_dir`` holds a set-up station, else ``None``:
    one opening serves both the question and the work that follows."""
    if not datadir.db_path(data_dir).exists():
        return None
    db = open_database(data_dir)
    office = Office.__table__
    try:
        # A plain table read: no ORM mapper set-up before the window shows.
        with db.read_connection() as conn:
            if conn.execute(select(office.c.id).limit(1)).first() is not None:
                return db
    except BaseException:
        db.dispose()
        raise
    db.dispose()
    return None


def _validate(req: SetupRequest) -> tuple[str, codes.SequenceSlice]:
    agency = codes.validate_agency_code(req.office_code)
    if not req.office_name.strip():
        raise DomainError(
            "missing_office_name",
            "Chưa nhập tên cơ quan.",
            "The office name is missing.",
            field="office_name",
        )
    slc = codes.slice_for_station(req.station_number)
    auth.check_username(req.admin_user)
    auth.check_password_rules(req.admin_password)
    return agency, slc


@translating_storage_errors
def initialise(data_dir: Path, req: SetupRequest) -> Database:
    """Create the data folder, schema, office, station, admin and catalogue.

    Refuses a folder that already holds an office, so a mistyped command can
    never wipe a station's dossiers.
    """
    agency, slc = _validate(req)
    if is_initialised(data_dir):
        raise DomainError(
            "already_initialised",
            f"Thư mục dữ liệu {data_dir} đã được khởi tạo; không ghi đè.",
            f"The data folder {data_dir} is already initialised; refusing to overwrite it.",
        )
    db = open_database(data_dir, create=True)
    now = clock.now()
    with db.write() as session:
        office = Office(
            agency_code=agency,
            name=req.office_name.strip(),
            parent_name=(req.parent_name or "").strip() or None,
            address=req.address,
            phone=req.phone,
        )
        session.add(office)
        session.flush()
        session.add(
            Station(
                office_id=office.id,
                number=req.station_number,
                sequence_start=slc.start,
                sequence_end=slc.end,
                is_local=True,
            )
        )
        admin = auth.create_officer(
            session,
            req.admin_user,
            req.admin_full_name,
            "admin",
            req.admin_password,
            name_later=True,
        )
        settings.put(session, "cli_user", admin.username)
        if req.place_name:
            settings.put(session, "place_name", req.place_name.strip())
        # The catalogue (and its seed file) loads only to set a station up.
        from app.office import catalogue

        count = catalogue.import_seed(session)
        journal.audit(
            session,
            admin.username,
            "station.init",
            agency,
            now,
            {"station": req.station_number, "procedures": count},
        )
    return db
