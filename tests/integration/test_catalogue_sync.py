"""The office's catalogue edits reach its other stations through the real server.

Station A's supervisor sets a processing time and a fee; after a sync round
on each, station B of the same office receives that procedure with A's time
and fee, and a station of another office does not. The newest edit wins, and
the same edit sent again changes nothing.
"""

from __future__ import annotations

import copy
import uuid
from datetime import timedelta

import openpyxl
from sqlalchemy import select

from app.dossiers import intake as intake_uc
from app.infra import clock
from app.office import auth, catalogue_edit, catalogue_import
from app.office.catalogue import EDITABLE, components_of, get
from app.office.office_setup import SetupRequest, initialise
from app.sync import enrolment
from app.sync import protocol as p
from app.sync.round import run_round
from db.models import OutboxEvent, Procedure
from server import admin as server_admin
from server.models import Office
from tests.conftest import OFFICE_CODE

OTHER_OFFICE = "000.00.24.H48"
CODE = "1.004884"  # no processing time in the national catalogue


def _station(tmp_path, name: str, office: str, number: int, server):
    proc, sdb, settings = server
    data_dir = tmp_path / name
    db = initialise(data_dir, SetupRequest(office, "UBND xã", 1, "admin", "matkhau-quantri"))
    admin = auth.Actor("admin", "Quản trị", "admin")
    code = server_admin.enroll_station(sdb, settings, office, number)
    enrolment.enroll(db, data_dir, admin, proc.base_url, code)
    return db, data_dir, admin


def _round(station) -> None:
    db, data_dir, _ = station
    report = run_round(db, data_dir)
    assert report.ok and report.rejected == 0 and report.pending == 0, report.errors


def _procedure(station, code: str = CODE):
    with station[0].read() as session:
        row = get(session, code)
        return (
            row.processing_value,
            row.processing_unit,
            row.fee_amount,
            sorted(row.office_edits or {}),
        )


def _version(sdb, office_code: str) -> int:
    with sdb.read() as session:
        return session.scalar(select(Office.catalogue_version).where(Office.code == office_code))


def test_an_edit_at_one_station_reaches_the_office_s_other_stations(server, tmp_path, intake):
    _, sdb, _ = server
    server_admin.create_office(sdb, OTHER_OFFICE, "Ủy ban nhân dân xã Tân Hòa")
    a = _station(tmp_path, "quay-a", OFFICE_CODE, 21, server)
    b = _station(tmp_path, "quay-b", OFFICE_CODE, 22, server)
    c = _station(tmp_path, "xa-khac", OTHER_OFFICE, 1, server)
    for station in (a, b, c):
        _round(station)
    assert _procedure(b)[:2] == (None, None)

    catalogue_edit.set_procedure(
        a[0],
        a[2],
        CODE,
        catalogue_edit.ProcedureEdit(processing="05 ngày làm việc", fee="20.000 đồng"),
    )
    components = [
        {"name": "Tờ khai theo mẫu", "originals": 1, "copies": 0},
        {"name": "Giấy tờ chứng minh", "originals": 0, "copies": 2, "required": False},
    ]
    catalogue_edit.set_procedure(
        a[0], a[2], CODE, catalogue_edit.ProcedureEdit(components=components)
    )
    for station in (a, b, c):
        _round(station)
    edited = (5, "working_days", 20000)
    assert _procedure(a)[:3] == edited
    assert _procedure(b)[:3] == edited
    assert {"processing_value", "processing_unit", "fee_amount"} <= set(_procedure(b)[3])
    assert _procedure(c)[:2] == (None, None) and _procedure(c)[3] == []
    assert [(x["name"], x["copies"], x["required"]) for x in components_of(b[0], CODE)] == [
        ("Tờ khai theo mẫu", 0, True),
        ("Giấy tờ chứng minh", 2, False),
    ]
    assert components_of(c[0], CODE) != components_of(b[0], CODE)

    # Station B now receives the procedure on its own, with A's time and fee.
    data = copy.deepcopy(intake)
    data["procedure"] = CODE
    data["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    data.pop("received_at")
    got = intake_uc.receive(b[0], b[2], data)
    assert got.fee_amount == 20000 and got.due_at is not None

    # The same edits under a new event id (a restored backup): no new version.
    version = _version(sdb, OFFICE_CODE)
    with a[0].write() as session:
        event = session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.type == p.EVENT_CATALOGUE_SET)
            .order_by(OutboxEvent.id.desc())
        ).first()
        again = str(uuid.uuid4())
        payload = {**event.payload, "edit_uuid": again}
        session.add(
            OutboxEvent(
                uuid=str(uuid.uuid4()),
                type=event.type,
                dossier_uuid=again,
                payload=payload,
                created_at=event.created_at,
                attempts=0,
                rejected=False,
            )
        )
    _round(a)
    assert _version(sdb, OFFICE_CODE) == version

    # An older edit arriving later (B was offline) does not win; B then takes A's.
    earlier = clock.now() - timedelta(hours=1)
    catalogue_edit.set_procedure(
        b[0], b[2], CODE, catalogue_edit.ProcedureEdit(fee="10.000 đồng"), now=earlier
    )
    assert _procedure(b)[2] == 10000
    _round(b)
    _round(b)  # the round after learns of the version the older edit caused
    assert _procedure(b)[2] == 20000
    _round(a)
    assert _procedure(a)[2] == 20000


def test_every_field_a_station_may_edit_travels_on_the_wire():
    assert set(EDITABLE) <= p.CATALOGUE_EDITABLE


PROVINCE_CODE = "2.999901"  # a province's own procedure, not in the national catalogue
THIRD_OFFICE = "000.00.25.H48"


def _replay_last(station) -> None:
    """The last catalogue event again under a new id, as a restored backup sends it."""
    with station[0].write() as session:
        event = session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.type == p.EVENT_CATALOGUE_SET)
            .order_by(OutboxEvent.id.desc())
        ).first()
        again = str(uuid.uuid4())
        session.add(
            OutboxEvent(
                uuid=str(uuid.uuid4()),
                type=event.type,
                dossier_uuid=again,
                payload={**event.payload, "edit_uuid": again},
                created_at=event.created_at,
                attempts=0,
                rejected=False,
            )
        )


def _count(station, code: str) -> int:
    with station[0].read() as session:
        return len(session.scalars(select(Procedure).where(Procedure.code == code)).all())


def test_a_procedure_the_office_imported_reaches_only_its_own_stations(server, tmp_path, intake):
    _, sdb, _ = server
    server_admin.create_office(sdb, THIRD_OFFICE, "Ủy ban nhân dân xã Tân Phú")
    a = _station(tmp_path, "quay-a", OFFICE_CODE, 31, server)
    b = _station(tmp_path, "quay-b", OFFICE_CODE, 32, server)
    c = _station(tmp_path, "xa-khac", THIRD_OFFICE, 1, server)
    for station in (a, b, c):
        _round(station)

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(("Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện",
                  "Thời hạn giải quyết", "Phí, lệ phí", "Thành phần hồ sơ"))  # fmt: skip
    sheet.append((PROVINCE_CODE, "Hỗ trợ hộ nghèo về nhà ở của tỉnh", "Bảo trợ xã hội",
                  "Cấp xã", "07 ngày làm việc", "15.000 đồng",
                  "Đơn đề nghị hỗ trợ\nGiấy xác nhận hộ nghèo"))  # fmt: skip
    book.save(tmp_path / "tinh.xlsx")
    supervisor = auth.Actor("admin", "Quản trị", "supervisor")
    result = catalogue_import.import_file(a[0], supervisor, tmp_path / "tinh.xlsx")
    assert result.created == 1 and not result.flagged
    assert _count(b, PROVINCE_CODE) == 0

    for station in (a, b, c):
        _round(station)
    assert _count(b, PROVINCE_CODE) == 1
    with b[0].read() as session:
        row = get(session, PROVINCE_CODE)
        got = (row.name, row.field, row.level, row.processing_value, row.processing_unit,
               row.fee_amount, row.active)  # fmt: skip
    assert got == ("Hỗ trợ hộ nghèo về nhà ở của tỉnh", "Bảo trợ xã hội", "Cấp xã", 7,
                   "working_days", 15000, True)  # fmt: skip
    assert [(x["index"], x["name"]) for x in components_of(b[0], PROVINCE_CODE)] == [
        (1, "Đơn đề nghị hỗ trợ"),
        (2, "Giấy xác nhận hộ nghèo"),
    ]
    assert _count(c, PROVINCE_CODE) == 0

    # Station B receives a dossier for it, with the province's time and fee.
    data = copy.deepcopy(intake)
    data["procedure"] = PROVINCE_CODE
    data["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    data.pop("received_at")
    got = intake_uc.receive(b[0], b[2], data)
    assert got.fee_amount == 15000 and got.due_at is not None

    # The same push again creates nothing twice, here or on the server.
    version = _version(sdb, OFFICE_CODE)
    _replay_last(a)
    _round(a)
    _round(b)
    assert _version(sdb, OFFICE_CODE) == version
    assert _count(a, PROVINCE_CODE) == 1 and _count(b, PROVINCE_CODE) == 1

    # A later edit at B reaches A as today's edits do.
    catalogue_edit.set_procedure(
        b[0], b[2], PROVINCE_CODE, catalogue_edit.ProcedureEdit(fee="25.000 đồng")
    )
    _round(b)
    _round(a)
    _round(c)
    assert _procedure(a, PROVINCE_CODE)[2] == 25000
    assert _count(c, PROVINCE_CODE) == 0
