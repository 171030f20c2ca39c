"""The receipt, read back the way the applicant and the clerk read it."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

import pytest

from app.domain.errors import DomainError
from app.domain.formatting import format_long_datetime
from app.domain.vietqr import build_vietqr, crc_is_valid, parse_tlv
from app.paper.render import ComponentLine, render_receipt

PRINTED_AT = datetime(2026, 2, 13, 9, 6)
A4 = (595.28, 841.89)
ROLL_WIDTH = 226.77


def _close(actual: tuple[float, float], expected: tuple[float, float]) -> bool:
    return all(abs(a - b) < 0.5 for a, b in zip(actual, expected, strict=True))


def _expected_vietqr(office, dossier) -> str:
    return build_vietqr(
        office.bank_bin, office.bank_account, amount=dossier.fee_amount, note=dossier.code
    )


def test_a4_receipt_text_has_applicant_code_and_dates(office, dossier, pdf_file):
    pdf = pdf_file(render_receipt(office, dossier, printed_at=PRINTED_AT))
    text = pdf.text()

    assert pdf.pages == 2
    assert all(_close(size, A4) for size in pdf.page_sizes())
    assert "Nguyễn Thị Thuỷ Tiên" in text
    assert "000.00.24.H47-260213-0001" in text
    assert "09 giờ 05 phút, ngày 13 tháng 02 năm 2026" in text
    assert "08 giờ 00 phút, ngày 23 tháng 02 năm 2026" in text
    assert "Hà Nội, ngày 13 tháng 02 năm 2026" in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "BỘ PHẬN MỘT CỬA" in text
    assert "Quyển số: 01, Số thứ tự: 0123" in text
    assert "01 ngày làm việc" in text
    assert "50.000 đồng – Chưa nộp" in text
    assert "(Ký và ghi rõ họ tên)" in text
    assert "BẢN SAO" not in text
    pages = pdf.page_texts()
    assert "Bản lưu tại cơ quan" in pages[0]
    assert "Bản giao cho người nộp hồ sơ" in pages[1]
    for component in dossier.components:
        assert component.name in text


def test_a4_receipt_qr_reads_back_as_the_lookup_link(
    office, dossier, pdf_file, decode_qr, qr_widths_cm
):
    pdf = pdf_file(render_receipt(office, dossier, printed_at=PRINTED_AT))
    for page in (1, 2):
        png = pdf.render(page, dpi=150)
        by_zbar, by_zxing = decode_qr(png)
        assert dossier.lookup_url in by_zbar
        assert dossier.lookup_url in by_zxing
        # At least 2 cm wide on paper so any phone camera reads it.
        (width,) = qr_widths_cm(png, 150)[dossier.lookup_url]
        assert 2.4 <= width <= 2.8


def test_unpaid_fee_carries_a_vietqr_for_the_exact_amount(office, dossier, pdf_file, decode_qr):
    pdf = pdf_file(render_receipt(office, dossier, printed_at=PRINTED_AT))
    expected = _expected_vietqr(office, dossier)
    by_zbar, by_zxing = decode_qr(pdf.render(1, dpi=150))

    assert sorted(by_zbar) == sorted([dossier.lookup_url, expected])
    assert sorted(by_zxing) == sorted([dossier.lookup_url, expected])
    payment = next(value for value in by_zbar if value != dossier.lookup_url)
    assert crc_is_valid(payment)
    fields = parse_tlv(payment)
    assert fields["54"] == "50000"
    assert parse_tlv(fields["62"])["08"] == dossier.code
    assert "Quét để nộp phí" in pdf.text()


def test_paid_fee_has_no_payment_code(office, dossier, pdf_file, decode_qr):
    paid = dataclasses.replace(dossier, fee_paid=True)
    pdf = pdf_file(render_receipt(office, paid, printed_at=PRINTED_AT))
    text = pdf.text()

    assert "50.000 đồng – Đã nộp" in text
    assert "Quét để nộp phí" not in text
    by_zbar, by_zxing = decode_qr(pdf.render(1, dpi=150))
    assert by_zbar == [dossier.lookup_url]
    assert by_zxing == [dossier.lookup_url]


def test_free_procedure_says_so(office, dossier, pdf_file):
    free = dataclasses.replace(dossier, fee_amount=0)
    text = pdf_file(render_receipt(office, free)).text()
    assert "Phí, lệ phí: Không thu phí, lệ phí" in text
    assert "Quét để nộp phí" not in text


def test_office_without_bank_account_prints_no_payment_code(office, dossier, pdf_file):
    no_bank = dataclasses.replace(office, bank_bin=None, bank_account=None)
    text = pdf_file(render_receipt(no_bank, dossier)).text()
    assert "Chưa nộp" in text
    assert "Quét để nộp phí" not in text


def test_80mm_roll_has_the_same_content_and_a_readable_qr(office, dossier, pdf_file, decode_qr):
    pdf = pdf_file(render_receipt(office, dossier, layout="80mm", printed_at=PRINTED_AT))
    text = pdf.text(layout=False)

    sizes = pdf.page_sizes()
    assert pdf.pages == 2
    assert all(abs(width - ROLL_WIDTH) < 0.05 for width, _ in sizes)
    # The page is as long as its content, not a fixed sheet.
    assert all(300 < height < 1500 for _, height in sizes)
    flat_text = re.sub(r"\s+", " ", text)
    assert "Nguyễn Thị Thuỷ Tiên" in flat_text
    assert "000.00.24.H47-260213-0001" in flat_text
    assert format_long_datetime(dossier.received_at) in flat_text
    assert format_long_datetime(dossier.due_at) in flat_text
    assert "Bản giao cho người nộp hồ sơ" in flat_text

    by_zbar, by_zxing = decode_qr(pdf.render(1, dpi=150))
    expected = _expected_vietqr(office, dossier)
    assert sorted(by_zbar) == sorted([dossier.lookup_url, expected])
    assert sorted(by_zxing) == sorted([dossier.lookup_url, expected])


def test_80mm_both_copies_on_one_strip(office, dossier, pdf_file):
    pdf = pdf_file(render_receipt(office, dossier, layout="80mm", two_copies_per_page=True))
    text = pdf.text()
    assert pdf.pages == 1
    assert "Bản lưu tại cơ quan" in text
    assert "Bản giao cho người nộp hồ sơ" in text


def test_two_copies_on_one_sheet(office, dossier, pdf_file, decode_qr, qr_widths_cm):
    pdf = pdf_file(render_receipt(office, dossier, two_copies_per_page=True))
    text = pdf.text()

    assert pdf.pages == 1
    width, height = pdf.page_sizes()[0]
    assert _close((height, width), A4)
    assert "Bản lưu tại cơ quan" in text
    assert "Bản giao cho người nộp hồ sơ" in text
    png = pdf.render(1, dpi=150)
    by_zbar, by_zxing = decode_qr(png)
    assert by_zbar.count(dossier.lookup_url) == 2
    assert by_zxing.count(dossier.lookup_url) == 2
    assert all(width >= 2.0 for width in qr_widths_cm(png, 150)[dossier.lookup_url])


def test_reprint_is_marked_on_every_page(office, dossier, pdf_file):
    for options in ({}, {"two_copies_per_page": True}, {"layout": "80mm"}):
        pdf = pdf_file(render_receipt(office, dossier, reprint=True, **options))
        pages = pdf.page_texts()
        assert len(pages) == pdf.pages
        assert all("BẢN SAO" in page for page in pages), options


def test_long_dossier_flows_onto_more_pages_without_losing_text(
    office, dossier, applicant, pdf_file
):
    address = (
        "Phòng 1204, tầng 12, tòa nhà Chung cư Cao cấp Hoàng Thành Tower, số 114 phố Mai "
        "Hắc Đế, phường Lê Đại Hành, quận Hai Bà Trưng, thành phố Hà Nội; địa chỉ liên lạc "
        "khác: thôn Đông Ngạc, xã Xuân Đỉnh, huyện Từ Liêm cũ, nay là phường Đông Ngạc, thành "
        "phố Hà Nội (gần trường Tiểu học Đông Ngạc, cổng số 2)"
    )
    assert len(address) == 300
    components = tuple(
        ComponentLine(i, f"Giấy tờ số {i:02d}: bản sao giấy chứng nhận đính kèm hồ sơ", 1, i % 3)
        for i in range(1, 31)
    )
    long_one = dataclasses.replace(
        dossier,
        applicant=dataclasses.replace(applicant, address=address),
        components=components,
    )
    pdf = pdf_file(render_receipt(office, long_one, printed_at=PRINTED_AT))
    flat_text = re.sub(r"\s+", " ", pdf.text())

    assert pdf.pages >= 3  # each of the two copies needs more than one page
    assert re.sub(r"\s+", " ", address) in flat_text
    for component in components:
        assert component.name in flat_text
    # The table header is repeated where the list continues on a new page.
    assert flat_text.count("Tên giấy tờ") > 2

    # Too long for half a sheet: each copy gets its own portrait pages instead.
    two_up = pdf_file(render_receipt(office, long_one, two_copies_per_page=True))
    assert two_up.pages == pdf.pages
    assert all(_close(size, A4) for size in two_up.page_sizes())


def test_names_with_markup_characters_are_printed_verbatim(office, dossier, pdf_file):
    odd = dataclasses.replace(
        dossier,
        components=(ComponentLine(1, "Hợp đồng mua bán <bản gốc> & phụ lục", 1, 0),),
    )
    text = pdf_file(render_receipt(office, odd)).text()
    assert "Hợp đồng mua bán <bản gốc> & phụ lục" in text


def test_decomposed_input_prints_as_composed_letters(office, dossier, applicant, pdf_file):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Phạm Thị Hương")
    odd = dataclasses.replace(
        dossier, applicant=dataclasses.replace(applicant, full_name=decomposed)
    )
    raw = pdf_file(render_receipt(office, odd)).text()
    assert unicodedata.normalize("NFC", "Phạm Thị Hương") in raw


def test_receipt_needs_an_appointment_and_a_lookup_link(office, dossier):
    with pytest.raises(DomainError):
        render_receipt(office, dataclasses.replace(dossier, due_at=None))
    with pytest.raises(DomainError):
        render_receipt(office, dataclasses.replace(dossier, lookup_url=""))
