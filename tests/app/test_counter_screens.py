"""Use cases behind the counter window's screens (no Qt here)."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import overview
from app.domain.errors import DomainError
from app.dossiers import dossier_actions, dossier_query, intake_preview, progress
from app.dossiers import intake as intake_uc
from app.dossiers.dossier_query import DossierFilter
from app.office import catalogue, settings_admin
from app.paper import dossier_slips
from app.paper import slips as intake_slips
from db.models import AuditLog

NOW = datetime(2026, 2, 13, 9, 30)


def receive_many(db, clerk, intake_data, n: int, start_day: int = 2) -> list[str]:
    codes = []
    for i in range(n):
        data = copy.deepcopy(intake_data)
        data["received_at"] = f"2026-02-{start_day + i % 10:02d}T{8 + i % 8:02d}:00:00"
        codes.append(intake_uc.receive(db, clerk, data, now=NOW).code)
    return codes


def test_pages_walk_every_dossier_once_newest_first(db, clerk, intake):
    receive_many(db, clerk, intake, 23)
    seen, cursor = [], None
    while True:
        page = dossier_query.fetch_page(db, clerk, after=cursor, limit=5, now=NOW)
        seen += page.rows
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == 23 and len({r.code for r in seen}) == 23
    keys = [(r.received_at, r.id) for r in seen]
    assert keys == sorted(keys, reverse=True)
    assert seen[0].applicant_name == "Nguyễn Văn Đức"
    assert seen[0].procedure_name == "Đăng ký khai sinh"


def test_filters_status_procedure_dates_overdue_and_due_soon(db, clerk, intake):
    codes = receive_many(db, clerk, intake, 6)
    progress.change_status(db, clerk, codes[0], 4, now=NOW)
    progress.change_status(db, clerk, codes[1], 9, now=NOW)

    def found(**kw):
        return {
            r.code for r in dossier_query.fetch_page(db, clerk, DossierFilter(**kw), now=NOW).rows
        }

    assert found(status=9) == {codes[1]}
    assert found(procedure_code="1.001193") == set(codes)
    assert found(procedure_code="2.000815") == set()
    assert found(received_from=date(2026, 2, 3), received_to=date(2026, 2, 4)) == {
        codes[1],
        codes[2],
    }
    overdue = found(overdue=True)
    # Received 2–7 Feb with one working day: all due before 13 Feb 09:30; the one
    # resolved on 13 Feb is a late result, and counts as overdue too.
    assert overdue == set(codes)
    soon = dossier_query.fetch_page(
        db, clerk, DossierFilter(due_within_days=2), now=datetime(2026, 2, 6, 8, 0)
    ).rows
    assert soon and all(r.due_soon and not r.overdue for r in soon)


def test_a_bad_period_is_refused(db, clerk):
    with pytest.raises(DomainError) as err:
        DossierFilter(received_from=date(2026, 2, 10), received_to=date(2026, 2, 1))
    assert err.value.field == "received_to"


def test_preview_matches_what_receive_records(db, clerk, intake):
    received = datetime(2026, 2, 13, 9, 0)
    preview = intake_preview.preview_due(db, "1.001193", received)
    result = intake_uc.receive(db, clerk, intake, now=NOW)
    # Birth registration: the same working day (received before 15:00).
    assert preview == result.due_at == datetime(2026, 2, 13, 17, 30)
    form = intake_preview.procedure_form(db, "1.001193")
    assert form.receivable and form.processing_text == "trong ngày làm việc"
    assert [c.index for c in form.components if c.required] == [1, 2]
    with pytest.raises(DomainError):
        intake_preview.preview_due(db, "1.004884", received)


def test_ranking_puts_the_plain_procedure_first_and_ignores_diacritics(db):
    procs = catalogue.list_procedures(db)
    ranked = intake_preview.rank_procedures(procs, "dang ky khai sinh")
    assert ranked[0].code == "1.001193"
    assert intake_preview.rank_procedures(procs, "2.000815")[0].code == "2.000815"
    assert intake_preview.rank_procedures(procs, "Chứng thực bản sao")[0].code == "2.000815"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/03/1985", date(1985, 3, 12)),
        ("1/3/1985", date(1985, 3, 1)),
        ("1985-03-12", date(1985, 3, 12)),
        ("", None),
        ("  ", None),
    ],
)
def test_display_dates(text, expected):
    assert intake_preview.parse_display_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/1985", "12-1985", "abc", "12/13/1985"])
def test_bad_display_dates_name_the_field(text):
    with pytest.raises(DomainError) as err:
        intake_preview.parse_display_date(text)
    assert err.value.field == "birth_date"


def test_returning_applicant(db, clerk, intake):
    assert intake_preview.returning_applicant(db, clerk, "001085012345") is None
    intake_uc.receive(db, clerk, intake, now=NOW)
    saved = intake_preview.returning_applicant(db, clerk, "0010 8501 2345")
    assert saved.full_name == "Nguyễn Văn Đức" and saved.phone == "0912 345 678"


def test_settings_permissions_are_enforced_here(db, clerk, admin):
    with pytest.raises(DomainError) as err:
        settings_admin.update(db, clerk, {"idle_lock_minutes": "5"})
    assert err.value.code == "forbidden"
    assert settings_admin.update(db, clerk, {"receipt_layout": "80mm"}) == {
        "receipt_layout": "80mm"
    }
    with pytest.raises(DomainError):
        settings_admin.update_office(db, clerk, settings_admin.OfficeDetails("X", None, None, None))
    with pytest.raises(DomainError):
        settings_admin.set_override(db, clerk, date(2026, 2, 16), "work")
    snap = settings_admin.snapshot(db, clerk)
    assert not snap.can_edit_office and not snap.can_edit_calendar
    assert settings_admin.snapshot(db, admin).can_edit_office


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("working_hours", "17:00-08:00"),
        ("cutoff_time", "25:00"),
        ("idle_lock_minutes", "0"),
        ("receipt_layout", "a5"),
        ("language", "fr"),
        ("server_url", "ftp://x"),
        ("bank_bin", "12"),
        ("login_max_failures", "abc"),
    ],
)
def test_bad_setting_values_name_the_setting(db, admin, key, value):
    with pytest.raises(DomainError) as err:
        settings_admin.update(db, admin, {key: value})
    assert err.value.field == key


def test_calendar_overrides_move_the_appointment(db, admin):
    received = datetime(2026, 2, 13, 9, 0)
    assert intake_preview.preview_due(db, "1.001193", received) == datetime(2026, 2, 13, 17, 30)
    settings_admin.set_override(db, admin, date(2026, 2, 13), "off", "Nghỉ bù địa phương")
    assert intake_preview.preview_due(db, "1.001193", received) == datetime(2026, 2, 23, 17, 30)
    assert [o.day for o in settings_admin.snapshot(db, admin).overrides] == [date(2026, 2, 13)]
    settings_admin.remove_override(db, admin, date(2026, 2, 13))
    assert intake_preview.preview_due(db, "1.001193", received) == datetime(2026, 2, 13, 17, 30)
    with pytest.raises(DomainError):
        settings_admin.remove_override(db, admin, date(2026, 2, 13))


def test_legal_actions_follow_the_status_machine():
    assert dossier_actions.legal_actions(2) == ["supplement", "processing", "resolved"]
    assert dossier_actions.legal_actions(5) == ["refuse", "processing"]
    assert dossier_actions.legal_actions(9) == ["return"]
    assert dossier_actions.legal_actions(10) == []


def test_a_supplement_request_without_its_slip_changes_nothing(db, clerk, intake):
    code = intake_uc.receive(db, clerk, intake, now=NOW).code
    for reason, missing in (("", "2"), ("Thiếu", ""), ("Thiếu", "9")):
        with pytest.raises(DomainError):
            dossier_slips.request_supplement(db, clerk, code, reason, missing)
    assert dossier_query.detail(db, clerk, code).status == 2
    result = dossier_slips.request_supplement(db, clerk, code, "Thiếu giấy chứng sinh", "2")
    assert result.status == 5 and result.pdf.startswith(b"%PDF")
    refused = dossier_slips.refuse(db, clerk, code, "Không bổ sung đúng hạn")
    assert refused.status == 3
    with pytest.raises(DomainError):
        dossier_actions.move(db, clerk, code, "processing")


def test_slips_for_a_dossier_not_accepted_are_audited(db, clerk, intake):
    data = copy.deepcopy(intake)
    data["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    with pytest.raises(DomainError) as err:
        intake_slips.print_slip(db, clerk, "refusal", data, " ")
    assert err.value.field == "reason"
    pdf = intake_slips.print_slip(db, clerk, "supplement", data, "Thiếu giấy chứng sinh")
    assert pdf.startswith(b"%PDF")
    full = copy.deepcopy(intake)
    with pytest.raises(DomainError) as err:
        intake_slips.print_slip(db, clerk, "supplement", full, "Thiếu")
    assert err.value.field == "missing"
    with db.read() as session:
        entries = session.scalars(select(AuditLog).where(AuditLog.action == "print.supplement"))
        assert [e.detail["at_intake"] for e in entries] == [True]


def test_counter_status_counts_the_outbox(db, data_dir, clerk, intake):
    assert overview.read(db).pending_changes == 0
    intake_uc.receive(db, clerk, intake, now=NOW)
    st = overview.read(db, data_dir)
    assert st.pending_changes == 1 and st.station_number == 1 and st.last_sync_at is None
    assert not st.enrolled and st.bytes_to_upload == 0
    assert any("chưa đăng ký" in w for w in st.warnings)


def test_sync_timing_settings_are_checked(db, admin):
    for key, bad in (
        ("sync_interval_seconds", "5"),
        ("stale_outbox_hours", "0"),
        ("stale_master_days", "nhiều"),
    ):
        with pytest.raises(DomainError) as err:
            settings_admin.update(db, admin, {key: bad})
        assert err.value.field == key
    assert settings_admin.update(db, admin, {"sync_interval_seconds": "300"}) == {
        "sync_interval_seconds": "300"
    }


def test_life_steps_follow_the_status_the_fee_and_a_cancellation():
    assert dossier_actions.life_actions(2, cancelled=False, fee_due=True) == [
        "extend",
        "pay",
        "stop",
        "withdraw",
        "cancel",
    ]
    assert dossier_actions.life_actions(5, cancelled=False, fee_due=False) == [
        "supplied",
        "extend",
        "stop",
        "withdraw",
        "cancel",
    ]
    assert dossier_actions.life_actions(9, cancelled=False, fee_due=True) == ["pay"]
    assert dossier_actions.life_actions(8, cancelled=False, fee_due=False) == ["cancel"]
    assert dossier_actions.life_actions(2, cancelled=True, fee_due=True) == []


def test_overdue_lists_late_results_and_paused_late_dossiers_never_cancelled_ones(
    db, clerk, intake
):
    """The "Quá hạn" filter follows the derived overdue flag for every dossier.

    Before, it listed only open dossiers (2 and 4): a result returned seven
    months late vanished from it, and a cancelled entry stayed in it.
    """
    from app.dossiers import lifecycle, today

    codes = receive_many(db, clerk, intake, 6)  # received 2–7 Feb, due a working day later
    late_day = datetime(2026, 2, 12, 9, 0)
    progress.change_status(db, clerk, codes[0], 9, now=late_day)  # resolved late
    progress.record_return(db, clerk, codes[0], "Nguyễn Văn Đức", now=late_day)
    progress.change_status(db, clerk, codes[1], 9, now=datetime(2026, 2, 2, 9, 0))  # early
    progress.record_return(db, clerk, codes[1], "Nguyễn Văn Đức", now=late_day)
    dossier_slips.request_supplement(db, clerk, codes[2], "Thiếu giấy", "2", now=late_day)
    lifecycle.cancel(db, _supervisor(db), codes[3], "Nhập trùng", now=late_day)

    def found(**kw):
        return {
            r.code: r.overdue
            for r in dossier_query.fetch_page(db, clerk, DossierFilter(**kw), now=NOW).rows
        }

    overdue = found(overdue=True)
    # Late result, paused after its date, and the two still open; never the
    # early result nor the cancelled entry.
    assert set(overdue) == {codes[0], codes[2], codes[4], codes[5]}
    assert all(overdue.values())  # the table's colour agrees with the filter
    every = found()
    assert {c for c, late in every.items() if late} == set(overdue)
    # Today's alarm counts what can still be acted on, and lists exactly that.
    counts = today.counts(db, clerk, NOW)
    listed = found(**vars(today.filter_for("overdue", NOW)))
    assert counts.overdue == len(listed) == 3 and codes[3] not in listed
    assert set(listed) == {codes[2], codes[4], codes[5]}


def _supervisor(db):
    from app.office import auth

    with db.write() as session:
        auth.create_officer(session, "lanhdao", "Lê Văn Lãnh", "supervisor", "matkhau-lanhdao")
    return auth.Actor("lanhdao", "Lê Văn Lãnh", "supervisor")
