"""Printing from the database: the right dossier, the QR that opens it, the audit trail."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import progress
from app.office import settings
from app.paper import printing
from db.models import AuditLog

NOW = datetime(2026, 2, 13, 9, 30)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def decode_qr(pdf: bytes, tmp_path: Path) -> list[str]:
    if shutil.which("zbarimg") is None:
        if os.environ.get("CI"):
            pytest.fail("zbarimg is missing (Debian zbar-tools)")
        pytest.skip("zbarimg not installed")
    path = tmp_path / "qr.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True)
    return out.stdout.split()


@pytest.fixture
def received(db, clerk, intake):
    return intake_uc.receive(db, clerk, intake, now=NOW)


def test_receipt_carries_the_dossier_and_a_qr_that_opens_it(db, clerk, received, tmp_path):
    pdf = printing.print_form(db, clerk, "receipt", received.code, now=NOW)
    text = pdf_text(pdf, tmp_path)
    assert received.code in text
    assert "Nguyễn Văn Đức" in text
    assert "ngày 13 tháng 02 năm 2026" in text
    assert "BẢN SAO" not in text
    # No public look-up address is set: the QR carries the code (the counter's look-up
    # finds it), never a link to this PC that a citizen's phone cannot open.
    assert decode_qr(pdf, tmp_path) == [received.code]


@pytest.mark.parametrize(
    "base",
    ["http://127.0.0.1:8080", "http://localhost:8080/", "http://192.168.1.10", "http://pc.local"],
)
def test_a_link_citizens_cannot_reach_never_goes_into_the_qr(db, clerk, received, tmp_path, base):
    with db.write() as session:
        settings.put(session, "public_base_url", base)
    pdf = printing.print_form(db, clerk, "receipt", received.code, layout="80mm", now=NOW)
    assert decode_qr(pdf, tmp_path) == [received.code]


def test_receipt_link_uses_the_configured_public_address(db, clerk, received, tmp_path):
    with db.write() as session:
        settings.put(session, "public_base_url", "https://motcua.hanoi.gov.vn/")
    pdf = printing.print_form(db, clerk, "receipt", received.code, layout="80mm", now=NOW)
    expected = f"https://motcua.hanoi.gov.vn/tra-cuu/{received.code}?k={received.lookup_secret}"
    assert decode_qr(pdf, tmp_path) == [expected]


def test_second_print_is_a_copy_and_every_print_is_audited(db, clerk, received, tmp_path):
    printing.print_form(db, clerk, "receipt", received.code, now=NOW)
    again = printing.print_form(db, clerk, "receipt", received.code, now=NOW)
    assert "BẢN SAO" in pdf_text(again, tmp_path)
    with db.read() as session:
        rows = session.scalars(
            select(AuditLog).where(AuditLog.action == "print.receipt").order_by(AuditLog.id)
        ).all()
    assert [(r.target, r.officer, r.detail["reprint"]) for r in rows] == [
        (received.code, "canbo1", False),
        (received.code, "canbo1", True),
    ]


def test_slips_need_their_reasons(db, clerk, received, tmp_path):
    with pytest.raises(DomainError) as info:
        printing.print_form(db, clerk, "refusal", received.code, now=NOW)
    assert info.value.code == "missing_reason"
    with pytest.raises(DomainError):
        printing.print_form(
            db,
            clerk,
            "supplement",
            received.code,
            options=printing.FormOptions(reason="Thiếu"),
            now=NOW,
        )
    with pytest.raises(DomainError):
        printing.print_form(
            db,
            clerk,
            "apology",
            received.code,
            now=NOW,
            options=printing.FormOptions(reason="Chậm", new_due_at=datetime(2026, 2, 13, 12)),
        )


@pytest.mark.parametrize(
    ("form", "options", "expected"),
    [
        (
            "supplement",
            {"reason": "Thiếu giấy chứng sinh", "missing": "2,Giấy ủy quyền"},
            ["Thiếu giấy chứng sinh", "Giấy ủy quyền", "Giấy chứng sinh"],
        ),
        (
            "refusal",
            {"reason": "Không thuộc thẩm quyền giải quyết của xã"},
            ["Không thuộc thẩm quyền giải quyết của xã"],
        ),
        (
            "apology",
            {"reason": "Cần xác minh thêm", "new_date": "2026-03-02T09:00"},
            ["Cần xác minh thêm", "ngày 02 tháng 3 năm 2026"],
        ),
        ("control", {}, []),
        (
            "stop",
            {"reason": "Công dân đề nghị dừng", "requested_at": "2026-02-20"},
            ["Công dân đề nghị dừng"],
        ),
    ],
)
def test_each_slip_prints_the_dossier_and_its_inputs(
    db, clerk, received, tmp_path, form, options, expected
):
    pdf = printing.print_form(
        db, clerk, form, received.code, options=printing.parse_options(**options), now=NOW
    )
    text = pdf_text(pdf, tmp_path)
    for needle in [received.code, "Nguyễn Văn Đức", *expected]:
        assert needle in text, needle


def test_logbook_lists_the_period(db, clerk, received, intake, tmp_path):
    progress.change_status(db, clerk, received.code, 4, now=NOW)
    intake["received_at"] = "2026-03-02T08:00:00"
    later = intake_uc.receive(db, clerk, intake, now=datetime(2026, 3, 2, 9))
    pdf = printing.print_logbook(db, clerk, date(2026, 2, 1), date(2026, 2, 28), now=NOW)
    text = pdf_text(pdf, tmp_path)
    assert received.code in text
    assert later.code not in text
    with pytest.raises(DomainError):
        printing.print_logbook(db, clerk, date(2026, 3, 1), date(2026, 2, 1))


def test_unknown_form_and_dossier(db, clerk, received):
    with pytest.raises(DomainError):
        printing.print_form(db, clerk, "invoice", received.code)
    with pytest.raises(DomainError):
        printing.print_form(db, clerk, "receipt", "000.00.24.H47-260213-0999")
