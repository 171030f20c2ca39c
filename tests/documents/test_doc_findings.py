"""Issue 15's findings, each read back from the text pdftotext extracts."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

import pytest

from app.paper.render import (
    ComponentLine,
    render_apology,
    render_receipt,
    render_refusal,
    render_stop_notice,
    render_supplement,
)
from tests.documents.conftest import flat

CENTRE = "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"


def _text(pdf_file, data: bytes) -> str:
    # Reading order: header blocks and signature columns side by side would
    # otherwise interleave line by line.
    return flat(pdf_file(data).text(layout=False))


def test_unit_line_is_the_offices_own_name(office, dossier, pdf_file):
    named = dataclasses.replace(office, unit_name=CENTRE)
    for layout in ("a4", "80mm"):
        text = _text(pdf_file, render_receipt(named, dossier, layout=layout))
        assert CENTRE.upper() in text
        assert "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" not in text
        assert f"{CENTRE} tiếp nhận hồ sơ của: Nguyễn Thị Thuỷ Tiên" in text


def test_dates_follow_decree_30(office, dossier, pdf_file):
    april = dataclasses.replace(
        dossier, received_at=datetime(2026, 4, 29, 9, 5), due_at=datetime(2026, 5, 7, 8, 0)
    )
    for layout in ("a4", "80mm"):
        text = _text(pdf_file, render_receipt(office, april, layout=layout))
        assert "Hà Nội, ngày 29 tháng 4 năm 2026" in text
        assert "09 giờ 05 phút, ngày 29 tháng 4 năm 2026" in text
        assert "08 giờ 00 phút, ngày 07 tháng 5 năm 2026" in text
        assert "tháng 04" not in text and "tháng 05" not in text


def test_money_reads_dong_in_full(office, dossier, pdf_file):
    for layout in ("a4", "80mm"):
        text = _text(pdf_file, render_receipt(office, dossier, layout=layout))
        assert "50.000 đồng – Chưa nộp" in text
        assert "Số tiền: 50.000 đồng" in text
        assert not re.search(r"\d đ\b", text)


def test_free_procedure_has_one_wording(office, dossier, pdf_file):
    free = dataclasses.replace(dossier, fee_amount=0)
    for layout in ("a4", "80mm"):
        text = _text(pdf_file, render_receipt(office, free, layout=layout))
        assert "7. Phí, lệ phí: Không thu phí, lệ phí" in text
        assert "Miễn phí" not in text


def test_counts_and_book_number_as_a_clerk_writes_them(office, dossier, pdf_file):
    data = dataclasses.replace(
        dossier,
        components=(ComponentLine(1, "Giấy chứng sinh do cơ sở y tế cấp", 1, 0),),
        logbook_book="2026/Q01",
        logbook_line="3",
    )
    text = pdf_file(render_receipt(office, data)).text()
    row = next(line for line in text.splitlines() if "Giấy chứng sinh" in line)
    assert re.search(r"Giấy chứng sinh do cơ sở y tế cấp\s+01\s+0\s*$", row), row
    assert "00" not in row
    assert "Quyển số: 01, Số thứ tự: 3" in flat(text)
    assert "2026/Q01" not in text


def test_summary_that_repeats_the_procedure_is_left_out(office, dossier, pdf_file):
    same = dataclasses.replace(dossier, summary="Đăng ký khai sinh có yếu tố nước ngoài")
    assert "Trích yếu" not in _text(pdf_file, render_receipt(office, same))
    other = dataclasses.replace(dossier, summary="Khai sinh cho con thứ hai, sinh tại Nhật Bản")
    text = _text(pdf_file, render_receipt(office, other))
    assert "Trích yếu: Khai sinh cho con thứ hai, sinh tại Nhật Bản" in text


@pytest.mark.parametrize(("sex", "word"), [("Nữ", "Bà"), ("Nam", "Ông")])
def test_salutation_follows_the_recorded_sex(
    office,
    dossier,
    apology_letter,
    stop_notice,
    refusal_notice,
    supplement_request,
    pdf_file,
    sex,
    word,
):
    known = dataclasses.replace(dossier, applicant=dataclasses.replace(dossier.applicant, sex=sex))
    letters = [
        render_apology(office, known, apology_letter),
        render_stop_notice(office, known, stop_notice),
    ]
    for data in letters:
        text = _text(pdf_file, data)
        assert f"Kính gửi: {word} Nguyễn Thị Thuỷ Tiên" in text
        assert "Ông/Bà" not in text
    for data in (
        render_refusal(office, known, refusal_notice),
        render_supplement(office, known, supplement_request),
    ):
        text = _text(pdf_file, data)
        assert "Ông/Bà" not in text
        assert f" {word} " in text


def test_apology_is_a_letter_signed_on_behalf_of_the_committee(
    office, dossier, apology_letter, pdf_file
):
    letter = dataclasses.replace(apology_letter, number="01/UBND-TTPVHCC")
    text = _text(pdf_file, render_apology(office, dossier, letter))
    assert "Số: 01/UBND-TTPVHCC" in text
    assert "V/v xin lỗi" in text
    assert "PHIẾU" not in text
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Thị Hồng Nhung" in text


def test_apology_before_the_appointment_does_not_say_it_was_missed(
    office, dossier, apology_letter, pdf_file
):
    early = dataclasses.replace(apology_letter, issued_at=datetime(2026, 2, 20, 10, 0))
    text = _text(pdf_file, render_apology(office, dossier, early))
    assert "không thể trả kết quả cho Ông/Bà đúng thời gian đã hẹn" in text
    assert "chưa trả kết quả" not in text
    assert "đã gây phiền hà" not in text
    assert "Ngày 13 tháng 02 năm 2026, Ủy ban nhân dân phường Hoàn Kiếm tiếp nhận" in text
    assert "13/02/2026" not in text
    late = _text(pdf_file, render_apology(office, dossier, apology_letter))
    assert "chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng thời gian đã hẹn" in late


def test_stop_notice_number_and_signature(office, dossier, stop_notice, pdf_file):
    notice = dataclasses.replace(stop_notice, number="02/TB-UBND")
    text = _text(pdf_file, render_stop_notice(office, dossier, notice))
    assert "Số: 02/TB-UBND" in text
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Thị Hồng Nhung" in text


def test_provincial_centre_signs_in_its_own_name(office, dossier, stop_notice, pdf_file):
    centre = dataclasses.replace(
        office,
        name="Ủy ban nhân dân tỉnh Quảng Ninh",
        unit_name="Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh",
        signer_for="",
        signer_title="Giám đốc",
        letters_by_unit=True,
    )
    notice = dataclasses.replace(stop_notice, signer_title="Giám đốc")
    text = _text(pdf_file, render_stop_notice(centre, dossier, notice))
    # The long name wraps in the header column, beside the motto.
    assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH" in text and "CÔNG TỈNH QUẢNG NINH" in text
    assert "TM." not in text
    assert "GIÁM ĐỐC Lê Thị Hồng Nhung" in text


def test_refusal_states_its_legal_basis(office, dossier, refusal_notice, pdf_file):
    based = dataclasses.replace(refusal_notice, legal_basis="Điều 16 Luật Hộ tịch năm 2014")
    text = _text(pdf_file, render_refusal(office, dossier, based))
    assert "Căn cứ quy định tại Điều 16 Luật Hộ tịch năm 2014, Bộ phận Một cửa từ chối" in text
    blank = _text(pdf_file, render_refusal(office, dossier, refusal_notice))
    assert "Căn cứ quy định tại …………………………, Bộ phận Một cửa từ chối" in blank


def test_guide_carries_a_qr_to_the_portal_page_when_the_link_is_known(office, pdf_file, decode_qr):
    from app.paper.render.guide import GuideComponent, ProcedureGuide, render_guide

    link = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1"
    guide = ProcedureGuide(
        code="1.001193",
        name="Đăng ký khai sinh",
        field="Hộ tịch",
        components=(GuideComponent("Tờ khai đăng ký khai sinh", 1, 0),),
        fee_text="Không thu phí, lệ phí",
        processing_words="trong ngày làm việc",
    )
    without = pdf_file(render_guide(office, guide))
    assert decode_qr(without.render(1, dpi=150)) == ([], [])
    with_link = pdf_file(render_guide(office, dataclasses.replace(guide, portal_url=link)))
    by_zbar, by_zxing = decode_qr(with_link.render(1, dpi=150))
    assert by_zbar == [link] and by_zxing == [link]
    assert "Cổng Dịch vụ công quốc gia" in with_link.text()
