"""Document numbers with the office's symbols, and the head's name on letters."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import progress
from app.office import auth, office_names
from app.paper import printing

NOW = datetime(2026, 2, 13, 9, 30)


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.fixture
def code(db, clerk, intake):
    return intake_uc.receive(db, clerk, intake, now=NOW).code


def test_each_slip_numbers_with_its_type_and_the_offices_symbol(db, admin, clerk, code, tmp_path):
    office_names.set_names(db, admin, kind="commune", place="Tân Lập", signer_name="Phạm Thị Lan")

    def text(form: str, **options: str) -> str:
        pdf = printing.print_form(
            db, clerk, form, code, now=NOW, options=printing.parse_options(**options)
        )
        return _text(pdf, tmp_path)

    stop = text("stop", reason="Công dân đề nghị dừng", requested_at="2026-02-13")
    assert "Số: 01/TB-UBND" in stop
    assert "TM. ỦY BAN NHÂN DÂN" in stop and "CHỦ TỊCH" in stop
    assert "Phạm Thị Lan" in stop
    apology = text("apology", reason="Chậm", new_date="2026-03-02T09:00")
    assert "Số: 01/UBND-TTPVHCC" in apology
    assert "Phạm Thị Lan" in apology
    supplement = text("supplement", reason="Thiếu", missing="1")
    assert "Số: 01/PYCBS-TTPVHCC" in supplement
    assert "Số: 02/PYCBS-TTPVHCC" in text("supplement", reason="Thiếu", missing="1")
    assert "Tân Lập, ngày 13 tháng 02 năm 2026" in supplement
    assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN LẬP" in supplement.upper()


def test_provincial_centre_preset(db, admin):
    names = office_names.set_names(db, admin, kind="province", place="Quảng Ninh")
    assert names.unit_name == "Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh"
    assert names.signer_title == "Giám đốc" and names.signer_for == ""
    assert names.letters_by_unit


def test_names_need_the_office_permission(db, clerk):
    with pytest.raises(DomainError) as caught:
        office_names.set_names(db, clerk, unit_name="Bộ phận Một cửa")
    assert caught.value.code == "forbidden"


def _layout_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "book.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_logbook_numbers_lines_as_the_receipts_did(db, clerk, intake, tmp_path):
    codes = []
    for day in (2, 3, 4):
        intake["received_at"] = f"2026-03-0{day}T08:00:00"
        codes.append(intake_uc.receive(db, clerk, intake, now=datetime(2026, 3, day, 9)).code)
    receipt = _text(printing.print_form(db, clerk, "receipt", codes[2], now=NOW), tmp_path)
    assert "Quyển số: 01, Số thứ tự: 3" in receipt
    book = _layout_text(
        printing.print_logbook(db, clerk, date(2026, 3, 4), date(2026, 3, 4), now=NOW), tmp_path
    )
    (row,) = [line for line in book.splitlines() if codes[2] in line]
    assert row.split()[0] == "3"
    assert codes[0] not in book
    assert "Quyển số: 01 – Năm 2026" in book
    a3 = printing.print_logbook(db, clerk, date(2026, 3, 1), date(2026, 3, 31), paper="a3")
    assert [
        line.split()[0] for line in _layout_text(a3, tmp_path).splitlines() if "-26030" in line
    ] == ["1", "2", "3"]


def _flat_raw(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "control.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.replace("\u00a0", " ").split())


def test_control_sheet_follows_the_real_history(db, admin, clerk, code, tmp_path):
    office_names.set_names(db, admin, kind="commune", place="Tân Lập")
    fresh = _flat_raw(printing.print_form(db, clerk, "control", code, now=NOW), tmp_path)
    assert "Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân xã Tân Lập" in fresh
    assert "Nhận: Ủy ban nhân dân xã Tân Lập" in fresh
    assert "Nhận: Tổ chức, cá nhân" in fresh

    with db.write() as session:
        auth.create_officer(session, "xuly", "Phạm Quốc Huy", "clerk", "matkhau-123")
    resolver = auth.Actor("xuly", "Phạm Quốc Huy", "clerk")
    progress.change_status(
        db, clerk, code, 4, "Chuyển công chức hộ tịch", now=datetime(2026, 2, 13, 10)
    )
    progress.change_status(db, resolver, code, 9, now=datetime(2026, 2, 13, 16, 0))
    progress.record_return(db, clerk, code, "Nguyễn Văn Đức", now=datetime(2026, 2, 16, 10, 15))
    text = _flat_raw(
        printing.print_form(db, clerk, "control", code, now=datetime(2026, 2, 16, 10, 20)),
        tmp_path,
    )
    assert "10 giờ 00 phút, ngày 13 tháng 02 năm 2026" in text
    assert "16 giờ 00 phút, ngày 13 tháng 02 năm 2026" in text
    assert "10 giờ 15 phút, ngày 16 tháng 02 năm 2026" in text
    for name in ("Trần Thị Hoa", "Phạm Quốc Huy", "Nguyễn Văn Đức"):
        assert name in text
    # Ready on the appointment's day (17:30), handed over three days later. The
    # column heading (repeated on each page) names every mark: leave it out.
    rows = text.replace("(Trước hạn / Đúng hạn / Quá hạn)", "")
    assert (rows.count("Trước hạn"), rows.count("Đúng hạn"), rows.count("Quá hạn")) == (0, 1, 1)
    assert rows.index("Đúng hạn") < rows.index("Quá hạn")
    for login in ("canbo1", "xuly", "admin"):
        assert f" {login} " not in f" {text} "


def test_control_sheet_names_the_result_handed_over_and_how(db, clerk, code, tmp_path):
    from app.capture import results
    from tests.capture.conftest import A5_PIXELS
    from tests.capture.synth import text_page

    progress.change_status(db, clerk, code, 4, now=datetime(2026, 2, 13, 10))
    progress.change_status(db, clerk, code, 9, now=datetime(2026, 2, 13, 16, 0))
    scan = tmp_path / "trich-luc.png"
    text_page(200, seed=2, lines=8, noise=0, size=A5_PIXELS).save(scan, dpi=(200, 200))
    prepared = results.prepare(db, clerk, code, [scan])
    details = results.ResultDetails("Trích lục khai sinh", "21/TLKS", date(2026, 2, 13), None)
    results.hand_over(
        db, clerk, code, "Nguyễn Văn Đức", prepared=prepared, details=details,
        now=datetime(2026, 2, 16, 10, 15),
    )  # fmt: skip
    text = _flat_raw(
        printing.print_form(db, clerk, "control", code, now=datetime(2026, 2, 16, 10, 20)),
        tmp_path,
    )
    assert "Trích lục khai sinh số 21/TLKS ngày 13/02/2026, trả trực tiếp" in text
    assert "bản số hóa lưu kèm hồ sơ" in text
