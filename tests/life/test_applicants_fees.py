"""Applicants as they come, and fees as the rules set them."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest

from app.domain.errors import DomainError
from app.domain.vietqr import parse_tlv
from app.dossiers import dossier_query
from app.dossiers import intake as intake_uc
from app.paper import printing
from app.paper.render.receipt_data import payment_qr
from db.models import Applicant
from tests.conftest import snapshot

AT = datetime(2026, 3, 2, 9, 0)


def _receive(db, clerk, intake, confirm_by=None, **applicant):
    data = copy.deepcopy(intake)
    data["received_at"] = AT.isoformat()
    data["applicant"].update(applicant)
    return intake_uc.receive(db, clerk, data, now=AT, confirm_by=confirm_by)


def _applicant(db, code) -> Applicant:
    with db.read() as session:
        from app.dossiers.views import by_code

        row = by_code(session, code).applicant
        session.expunge(row)
        return row


def test_a_foreign_passport_keeps_its_number_and_nationality(db, clerk, intake):
    got = _receive(
        db,
        clerk,
        intake,
        document_type="passport",
        id_number="M1234 5678",
        nationality="KOR",
        full_name="Kim Min-jun",
        birth_date="1990-05-01",
        sex="Nam",
    )
    row = _applicant(db, got.code)
    assert (row.document_type, row.id_number, row.nationality) == ("passport", "M12345678", "KOR")


def test_a_passport_needs_a_real_country(db, clerk, intake):
    before = snapshot(db.path)
    with pytest.raises(DomainError) as info:
        _receive(
            db, clerk, intake, document_type="passport", id_number="M1234567", nationality="XXX"
        )
    assert info.value.code == "bad_nationality"
    assert snapshot(db.path) == before


@pytest.mark.parametrize(
    ("given", "stored", "precision"),
    [("1950", date(1950, 1, 1), "year"), ("1950-07", date(1950, 7, 1), "month")],
)
def test_year_only_and_month_year_birth_dates(db, clerk, intake, given, stored, precision):
    got = _receive(db, clerk, intake, id_number="001050012345", birth_date=given, sex="Nam")
    row = _applicant(db, got.code)
    assert (row.birth_date, row.birth_date_precision) == (stored, precision)


def test_spaces_and_dots_are_stripped_from_numbers(db, clerk, intake):
    got = _receive(db, clerk, intake, id_number="001 085.012 345")
    assert _applicant(db, got.code).id_number == "001085012345"


def test_an_old_nine_digit_id_is_accepted(db, clerk, intake):
    got = _receive(db, clerk, intake, document_type="cmnd", id_number="012 345 678")
    row = _applicant(db, got.code)
    assert (row.document_type, row.id_number) == ("cmnd", "012345678")


def test_id_card_disagreement_is_a_warning_a_supervisor_overrides(db, clerk, supervisor, intake):
    before = snapshot(db.path)
    with pytest.raises(DomainError) as info:
        _receive(db, clerk, intake, sex="Nữ")
    assert info.value.code == "needs_supervisor" and "giới tính" in info.value.message_vi
    assert snapshot(db.path) == before
    got = _receive(db, clerk, intake, confirm_by="lanhdao", sex="Nữ")
    assert dossier_query.detail(db, clerk, got.code).status == 2


def test_an_id_implying_a_future_birth_is_refused(db, clerk, intake):
    with pytest.raises(DomainError) as info:
        _receive(db, clerk, intake, id_number="001230012345", birth_date=None, sex=None)
    assert info.value.code == "id_number_future"


def test_certified_copies_cost_per_page_and_vietqr_asks_that_amount(db, clerk, admin, intake):
    """5 copies of a 2-page paper: 5 × 2 × 2.000 đ = 20.000 đ (before: 2.000 đ)."""
    from app.office import settings_admin

    settings_admin.update(db, admin, {"bank_bin": "970436", "bank_account": "0011001234567"})
    data = copy.deepcopy(intake)
    data.update(procedure="2.000815", received_at=AT.isoformat())
    data["components"] = [
        {"index": 1, "originals": 1, "copies": 0},
        {"index": 2, "originals": 0, "copies": 5, "pages": 2},
    ]
    got = intake_uc.receive(db, clerk, data, now=AT)
    assert got.fee_amount == 20000
    with db.read() as session:
        from app.dossiers.views import by_code

        dossier = by_code(session, got.code)
        qr = payment_qr(printing.office_info(session), printing.dossier_info(session, dossier))
    assert qr is not None and qr.amount == 20000
    assert parse_tlv(qr.payload)["54"] == "20000"
    view = dossier_query.detail(db, clerk, got.code)
    assert view.fee_amount == 20000 and not view.fee_paid


def test_a_long_copy_is_capped_at_200_000_per_copy(db, clerk, intake):
    data = copy.deepcopy(intake)
    data.update(procedure="2.000815", received_at=AT.isoformat())
    data["components"] = [
        {"index": 1, "originals": 1, "copies": 0},
        {"index": 2, "originals": 0, "copies": 2, "pages": 400},
    ]
    assert intake_uc.receive(db, clerk, data, now=AT).fee_amount == 400000


def test_an_exemption_chosen_at_intake_waives_the_fee(db, clerk, supervisor, intake):
    from app.office import catalogue_edit

    catalogue_edit.set_procedure(
        db, supervisor, "1.004873", catalogue_edit.ProcedureEdit(fee="30.000 đồng")
    )
    data = copy.deepcopy(intake)
    data.update(procedure="1.004873", received_at=AT.isoformat(), fee_exemption="poor_household")
    data["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    got = intake_uc.receive(db, clerk, data, now=AT)
    assert got.fee_amount == 0
    view = dossier_query.detail(db, clerk, got.code)
    assert view.fee_exemption == "poor_household"
    data["fee_exemption"] = "millionaire"
    with pytest.raises(DomainError) as info:
        intake_uc.receive(db, clerk, data, now=AT)
    assert info.value.code == "bad_fee_exemption"
    data.pop("fee_exemption")
    assert intake_uc.receive(db, clerk, data, now=AT).fee_amount == 30000


def test_postal_intake_and_return_by_post_are_recorded(db, clerk, intake):
    data = copy.deepcopy(intake)
    data.update(received_at=AT.isoformat(), channel="post", return_by_post=True)
    before = snapshot(db.path)
    with pytest.raises(DomainError) as info:
        intake_uc.receive(db, clerk, data, now=AT)
    assert info.value.code == "missing_postal"
    assert snapshot(db.path) == before
    data.update(postal_address="Thôn Đông, xã Tân Lập", postal_tracking="EB123456789VN")
    got = intake_uc.receive(db, clerk, data, now=AT)
    view = dossier_query.detail(db, clerk, got.code)
    assert (view.channel, view.postal_tracking, view.return_by_post) == (
        "post",
        "EB123456789VN",
        True,
    )
    assert "bưu chính" in view.history[0].note


def test_payment_recorded_later_shows_on_the_reprinted_receipt(db, clerk, intake, tmp_path):
    import subprocess

    from app.dossiers import lifecycle

    data = copy.deepcopy(intake)
    data.update(procedure="2.000815", received_at=AT.isoformat())
    data["components"] = [
        {"index": 1, "originals": 1, "copies": 0},
        {"index": 2, "originals": 0, "copies": 1, "pages": 3},
    ]
    got = intake_uc.receive(db, clerk, data, now=AT)
    assert got.fee_amount == 5000
    assert lifecycle.record_payment(db, clerk, got.code, now=AT) is True
    pdf = printing.print_form(db, clerk, "receipt", got.code, now=AT)
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Đã nộp" in " ".join(text.split())
    assert dossier_query.detail(db, clerk, got.code).fee_paid


def test_the_receipt_says_return_by_post_and_the_exemption(db, clerk, intake, tmp_path):
    import subprocess

    data = copy.deepcopy(intake)
    data.update(
        received_at=AT.isoformat(),
        channel="post",
        postal_address="Thôn Đông, xã Tân Lập",
        postal_tracking="EB123456789VN",
        return_by_post=True,
        fee_exemption="poor_household",
    )
    got = intake_uc.receive(db, clerk, data, now=AT)
    path = tmp_path / "r.pdf"
    path.write_bytes(printing.print_form(db, clerk, "receipt", got.code, now=AT))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Qua dịch vụ bưu chính công ích: Thôn Đông, xã Tân Lập" in flat
    assert "Miễn: Người thuộc hộ nghèo" in flat
