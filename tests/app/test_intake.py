from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import event, func, select, text

from app.domain.errors import DomainError, DomainErrors
from app.dossiers import intake as intake_uc
from app.dossiers.views import by_code
from db.models import AuditLog, Dossier, DossierComponent, OutboxEvent, StatusHistory
from tests.conftest import INTAKE, snapshot


def test_receive_writes_everything_in_one_go(db, clerk, intake: dict, fixed_now):
    result = intake_receive = intake_module_receive(db, clerk, intake, fixed_now)
    assert result.code == "000.00.24.H47-260213-0001"
    # Birth registration received before 15:00 is due the same working day.
    assert result.due_at == datetime(2026, 2, 13, 17, 30)
    assert len(result.lookup_secret) == 10
    assert result.lookup_url.endswith(f"/tra-cuu/{result.code}?k={result.lookup_secret}")
    with db.read() as session:
        dossier = by_code(session, result.code)
        assert dossier.applicant.full_name == "Nguyễn Văn Đức"
        assert [c.index for c in dossier.components] == [1, 2]
        assert [h.status for h in dossier.history] == [2]
        event_row = session.scalars(select(OutboxEvent)).one()
        assert event_row.type == "dossier.received"
        assert event_row.dossier_uuid == dossier.uuid
        assert event_row.payload["code"] == result.code
        assert event_row.payload["applicant"]["id_number"] == "001085012345"
        assert event_row.sent_at is None
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditLog)
                .where(AuditLog.action == "dossier.receive")
            )
            == 1
        )
        hits = (
            session.execute(
                text("SELECT rowid FROM dossier_search WHERE dossier_search MATCH 'duc'")
            )
            .scalars()
            .all()
        )
        assert hits == [dossier.id]
    assert intake_receive.logbook_line == 1


def intake_module_receive(db, actor, data, now):
    return intake_uc.receive(db, actor, data, now=now)


def test_codes_follow_each_other_within_the_day(db, clerk, intake, fixed_now):
    first = dict(intake)
    codes = [intake_module_receive(db, clerk, dict(first), fixed_now).code for _ in range(3)]
    assert codes == [f"000.00.24.H47-260213-000{i}" for i in (1, 2, 3)]
    other_day = dict(first, received_at="2026-02-12T10:00:00")
    assert intake_module_receive(db, clerk, other_day, fixed_now).code.endswith("260212-0001")


def test_after_cutoff_counts_from_next_working_day(db, clerk, intake, fixed_now):
    intake["received_at"] = "2026-02-13T15:30:00"
    result = intake_module_receive(db, clerk, intake, datetime(2026, 2, 13, 16, 0))
    assert result.due_at == datetime(2026, 2, 23, 17, 30)


def test_returning_applicant_is_not_duplicated(db, clerk, intake, fixed_now):
    intake_module_receive(db, clerk, intake, fixed_now)
    intake["applicant"]["phone"] = "0987654321"
    intake_module_receive(db, clerk, intake, fixed_now)
    with db.read() as session:
        rows = session.execute(text("SELECT phone FROM applicant")).scalars().all()
    assert rows == ["0987654321"]


BAD_INPUTS = [
    ("unknown_procedure", lambda d: d.update(procedure="9.999999")),
    ("missing_due_at", lambda d: d.update(procedure="1.004884")),
    ("id_number_format", lambda d: d["applicant"].update(id_number="00108501234")),
    ("inconsistent", lambda d: d["applicant"].update(birth_date="2001-03-12")),
    ("bad_birth_date", lambda d: d["applicant"].update(birth_date="1985-02-30")),
    ("missing_name", lambda d: d["applicant"].update(full_name="   ")),
    ("unknown_component", lambda d: d["components"].append({"index": 9, "originals": 1})),
    ("missing_required_component", lambda d: d["components"].pop()),
    ("empty_component", lambda d: d["components"][0].update(originals=0)),
    ("bad_count", lambda d: d["components"][0].update(copies=-1)),
    ("duplicate_component", lambda d: d["components"].append({"index": 1, "originals": 1})),
    ("future_received_at", lambda d: d.update(received_at="2027-01-01T08:00:00")),
    ("bad_datetime", lambda d: d.update(received_at="13/02/2026")),
    ("bad_email", lambda d: d["applicant"].update(email="khong-phai-email")),
    ("bad_phone", lambda d: d["applicant"].update(phone="12ab")),
    # PostgreSQL at the central server cannot hold NUL: refused here, at the counter.
    ("bad_characters", lambda d: d.update(summary="Khai sinh\x00cho con")),
]


@pytest.mark.parametrize(
    ("where", "spoil"),
    [
        ("summary", lambda d: d.update(summary="Khai sinh\x00")),
        ("full_name", lambda d: d["applicant"].update(full_name="Nguyễn\x1bVăn Đức")),
        ("address", lambda d: d["applicant"].update(address="Số 1\x7f Tràng Tiền")),
        ("email", lambda d: d["applicant"].update(email="a\x08@b.vn")),
        ("summary", lambda d: d.update(summary="x\ud800")),
    ],
)
def test_control_characters_are_refused_in_vietnamese(db, clerk, intake, fixed_now, where, spoil):
    before = snapshot(db.path)
    spoil(intake)
    with pytest.raises(DomainError) as info:
        intake_module_receive(db, clerk, intake, fixed_now)
    assert info.value.code == "bad_characters" and info.value.field == where
    assert "ký tự điều khiển" in info.value.message_vi
    assert snapshot(db.path) == before


def test_tabs_and_line_breaks_in_a_summary_become_spaces(db, clerk, intake, fixed_now):
    intake["summary"] = "Khai sinh\tcho con\r\nthứ hai"
    result = intake_module_receive(db, clerk, intake, fixed_now)
    with db.read() as session:
        assert by_code(session, result.code).summary == "Khai sinh cho con thứ hai"


@pytest.mark.parametrize(("label", "spoil"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_refused_and_leaves_database_as_it_was(
    db, clerk, intake, fixed_now, label, spoil
):
    intake_module_receive(db, clerk, dict(intake), fixed_now)
    before = snapshot(db.path)
    spoil(intake)
    with pytest.raises(DomainError) as info:
        intake_module_receive(db, clerk, intake, fixed_now)
    assert info.value.message_vi and info.value.message_vi != info.value.message_en
    if label != "inconsistent":
        assert info.value.code == label
    assert snapshot(db.path) == before


def test_read_only_database_gives_clear_message_and_changes_nothing(db, clerk, intake, fixed_now):
    before = snapshot(db.path)
    db.writer.dispose()

    @event.listens_for(db.writer, "connect")
    def _read_only(dbapi_conn, _rec):
        dbapi_conn.execute("PRAGMA query_only=ON")

    from app.infra.storage import translating_storage_errors

    with pytest.raises(DomainError) as info:
        translating_storage_errors(intake_uc.receive)(db, clerk, intake, now=fixed_now)
    assert info.value.code == "storage_readonly"
    assert "chỉ cho phép đọc" in info.value.message_vi
    assert snapshot(db.path) == before


def test_full_disk_gives_clear_message_and_keeps_last_good_state(db, clerk, intake, fixed_now):
    with db.read() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar_one()
    db.writer.dispose()

    @event.listens_for(db.writer, "connect")
    def _tiny_disk(dbapi_conn, _rec):
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")

    from app.infra.storage import translating_storage_errors

    receive = translating_storage_errors(intake_uc.receive)
    intake["applicant"]["address"] = "x" * 480
    with pytest.raises(DomainError) as info:  # noqa: PT012 - fill until the "disk" is full
        for _ in range(500):
            before = snapshot(db.path)
            with db.read() as session:
                count = session.scalar(select(func.count(Dossier.id)))
            receive(db, clerk, intake, now=fixed_now)
    assert info.value.code == "storage_full"
    assert snapshot(db.path) == before
    with db.read() as session:
        assert session.scalar(select(func.count(Dossier.id))) == count
        assert session.scalar(select(func.count(OutboxEvent.id))) == count
        assert session.scalar(select(func.count(StatusHistory.id))) == count
        assert session.scalar(select(func.count(DossierComponent.id))) == 2 * count


def test_every_mistake_of_an_intake_is_named_at_once(db, clerk, intake, fixed_now):
    before = snapshot(db.path)
    intake["applicant"].update(full_name="", birth_date="1985-13-40", email="khong-phai-email")
    intake["applicant"]["phone"] = "abc"
    intake["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    intake["sets"] = 0
    with pytest.raises(DomainErrors) as caught:
        intake_module_receive(db, clerk, intake, fixed_now)
    fields = [e.field for e in caught.value.errors]
    assert sorted(fields) == sorted(
        ["components", "full_name", "birth_date", "phone", "email", "sets"]
    )
    # The message lists each mistake on a line of its own, in Vietnamese.
    lines = caught.value.message("vi").splitlines()
    assert len(lines) == 6 and "Chưa nhập họ tên người nộp hồ sơ." in lines
    assert snapshot(db.path) == before
    # The window's dry run names the same mistakes and writes nothing either.
    dry = intake_uc.problems(db, intake, fixed_now)
    assert sorted(e.field for e in dry) == sorted(fields)
    assert snapshot(db.path) == before


def test_a_single_mistake_is_raised_as_itself(db, clerk, intake, fixed_now):
    intake["applicant"]["email"] = "khong-phai-email"
    with pytest.raises(DomainError) as caught:
        intake_module_receive(db, clerk, intake, fixed_now)
    assert not isinstance(caught.value, DomainErrors)
    assert caught.value.code == "bad_email" and caught.value.field == "email"
    assert intake_uc.problems(db, INTAKE, fixed_now) == []
