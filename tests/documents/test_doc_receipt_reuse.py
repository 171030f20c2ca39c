"""Receipt after receipt in one process: what is reused must not show on paper.

The window renders many receipts a day. Font subsets are cut once and
reused, and the two copies share their common content; these tests read the
files back with poppler to check that each receipt still carries its own
text, on both copies, whatever letters its names use.
"""

from __future__ import annotations

import dataclasses
import re
import zlib

from app.paper.render import render_receipt


def _font_programs(pdf: bytes) -> list[bytes]:
    """The embedded TrueType programs, decompressed, in file order."""
    programs = []
    for match in re.finditer(rb"/Length1 \d+.*?stream\r?\n", pdf, re.S):
        start = match.end()
        end = pdf.index(b"endstream", start)
        programs.append(zlib.decompress(pdf[start:end]))
    return programs


def test_each_copy_carries_the_applicant_and_papers(office, dossier, pdf_file):
    pdf = pdf_file(render_receipt(office, dossier))

    pages = pdf.page_texts()
    assert len(pages) == 2
    for page in pages:
        assert "Nguyễn Thị Thuỷ Tiên" in page
        assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in page
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
        for component in dossier.components:
            assert component.name in page


def test_receipts_with_different_letters_embed_the_same_fonts(office, dossier, applicant, pdf_file):
    other = dataclasses.replace(
        dossier,
        applicant=dataclasses.replace(applicant, full_name="Đặng Quốc Ưng Vỹ", address="Ấp Ẳng Ỗ"),
    )
    first = render_receipt(office, dossier)
    second = render_receipt(office, other)

    assert _font_programs(first) == _font_programs(second)
    assert "Đặng Quốc Ưng Vỹ" in pdf_file(second, "second").text()
    assert "Nguyễn Thị Thuỷ Tiên" in pdf_file(first, "first").text()


def test_letters_beyond_vietnamese_still_print(office, dossier, applicant, pdf_file):
    render_receipt(office, dossier)
    foreign = dataclasses.replace(
        dossier, applicant=dataclasses.replace(applicant, full_name="Žofie Øster Łukasz Ñúñez")
    )

    pages = pdf_file(render_receipt(office, foreign)).page_texts()
    assert all("Žofie Øster Łukasz Ñúñez" in page for page in pages)
