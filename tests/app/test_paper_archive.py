"""Every printed slip kept as PDF/A-2b and reprinted from that very file.

No PDF/A validator is packaged for Debian (veraPDF is not), so the PDF/A-2b
properties are checked one by one: identification in XMP, an embedded sRGB
output intent, every font embedded (poppler's pdffonts), Info matching XMP,
a file identifier, no encryption.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
from datetime import datetime
from pathlib import Path

import pikepdf
import pytest
from sqlalchemy import select

from app.dossiers import intake as intake_uc
from app.office import office_names
from app.paper import archive, printing
from app.paper.slips import print_slip
from db.models import AuditLog
from tests.app.test_printing import decode_qr

NOW = datetime(2026, 2, 13, 9, 30)


def _write(pdf: bytes, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def _text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def assert_pdfa_2b(path: Path) -> None:
    with pikepdf.open(path) as pdf:
        assert not pdf.is_encrypted
        assert "/ID" in pdf.trailer
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == str(pdf.docinfo["/Title"])
        assert meta["pdf:Producer"] == str(pdf.docinfo["/Producer"])
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3 and profile.read_bytes()[36:40] == b"acsp"
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        # name, type..., encoding, emb, sub, uni, object, generation
        assert line.split()[-5] == "yes", line


@pytest.fixture
def code(db, clerk, intake):
    return intake_uc.receive(db, clerk, intake, now=NOW).code


def _audits(db, form: str) -> list[dict]:
    with db.read() as session:
        return [
            row.detail
            for row in session.scalars(
                select(AuditLog).where(AuditLog.action == f"print.{form}").order_by(AuditLog.id)
            )
        ]


@pytest.mark.parametrize("layout", ["a4", "80mm"])
def test_receipt_is_archived_as_pdfa_and_reprinted_identical(
    db, admin, clerk, code, data_dir, tmp_path, layout
):
    first = printing.print_form(db, clerk, "receipt", code, layout=layout, now=NOW)
    original = _write(first, tmp_path, "original.pdf")
    assert_pdfa_2b(original)
    (detail,) = _audits(db, "receipt")
    digest = detail["archive"]
    assert hashlib.sha256(first).hexdigest() == digest
    assert archive.load(data_dir, digest) == first

    # Names change afterwards; the copy still says what the original said.
    office_names.set_names(db, admin, kind="ward", place="Hoàn Kiếm")
    again = printing.print_form(db, clerk, "receipt", code, layout=layout, now=NOW)
    copy = _write(again, tmp_path, "copy.pdf")
    last = _audits(db, "receipt")[-1]
    assert (last["reprint"], last["layout"], last["copy_of"]) == (True, layout, digest)
    before, after = _text(original), _text(copy)
    assert "BẢN SAO" not in before
    assert after.count("BẢN SAO") == before.count("\f")
    assert after.replace("BẢN SAO", "").split() == before.split()
    assert "Hoàn Kiếm" not in after
    # The stamp never covers the look-up QR code, on roll paper either.
    found = decode_qr(again, tmp_path)
    assert any(code in payload for payload in found), found


def test_slip_at_intake_is_archived(db, clerk, intake, data_dir, tmp_path):
    pdf = print_slip(db, clerk, "refusal", intake, "Không thuộc thẩm quyền", now=NOW)
    assert_pdfa_2b(_write(pdf, tmp_path, "tuchoi.pdf"))
    (detail,) = _audits(db, "refusal")
    assert detail["at_intake"] and archive.load(data_dir, detail["archive"]) == pdf


def test_an_archive_file_that_changed_is_not_reprinted(db, clerk, code, data_dir, tmp_path):
    printing.print_form(db, clerk, "receipt", code, layout="a4", now=NOW)
    digest = _audits(db, "receipt")[0]["archive"]
    path = data_dir / "paper" / digest[:2] / f"{digest}.pdf"
    path.write_bytes(path.read_bytes() + b"\n%tampered")
    assert archive.load(data_dir, digest) is None
    again = printing.print_form(db, clerk, "receipt", code, layout="a4", now=NOW)
    # Rendered afresh and marked, rather than a copy of an altered file.
    assert "BẢN SAO" in _text(_write(again, tmp_path, "again.pdf"))
    assert "copy_of" not in _audits(db, "receipt")[-1]
    with pikepdf.open(io.BytesIO(again)) as pdf:
        assert len(pdf.pages) == 2


def test_slip_with_a_status_change_is_archived(db, clerk, code, data_dir):
    from app.paper import dossier_slips

    result = dossier_slips.request_supplement(db, clerk, code, "Thiếu giấy tờ", "1")
    (detail,) = _audits(db, "supplement")
    assert archive.load(data_dir, detail["archive"]) == result.pdf
