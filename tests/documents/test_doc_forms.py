"""The other A4 forms: every field the regulation lists, readable with diacritics."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

from app.paper.render import (
    ControlSheet,
    SupplementItem,
    render_apology,
    render_control_sheet,
    render_refusal,
    render_stop_notice,
    render_supplement,
)

PRINTED_AT = datetime(2026, 2, 23, 15, 5)
A4 = (595.28, 841.89)
RECEIVED = "09 giờ 05 phút, ngày 13 tháng 02 năm 2026"
DUE = "08 giờ 00 phút, ngày 23 tháng 02 năm 2026"


def flat(value: str) -> str:
    return re.sub(r"\s+", " ", value)


def _is_a4(pdf) -> bool:
    return all(abs(w - A4[0]) < 0.5 and abs(h - A4[1]) < 0.5 for w, h in pdf.page_sizes())


def _common(text: str) -> None:
    assert "Nguyễn Thị Thuỷ Tiên" in text
    assert "000.00.24.H47-260213-0001" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM" in text
    assert "BẢN SAO" not in text


def test_supplement_request(office, dossier, supplement_request, pdf_file):
    pdf = pdf_file(render_supplement(office, dossier, supplement_request, printed_at=PRINTED_AT))
    text = flat(pdf.text())

    assert _is_a4(pdf)
    _common(text)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Số: 05/PYCBS" in text
    assert "Hà Nội, ngày 13 tháng 02 năm 2026" in text
    assert RECEIVED in text
    assert "Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội" in text
    assert "0912 345 678" in text
    assert "tien.nguyen@example.vn" in text
    assert "Đăng ký khai sinh có yếu tố nước ngoài" in text
    for item in supplement_request.items:
        assert item.name in text
    # Column headings wrap inside their narrow cells, so look for their words.
    for word in ("Bản chính", "chứng", "photocopy"):
        assert word in text
    assert supplement_request.reason in text
    assert supplement_request.guidance in text
    assert "NGƯỜI HƯỚNG DẪN" in text
    assert "(Ký và ghi rõ họ tên)" in text


def test_supplement_counts_sit_in_their_columns(office, dossier, supplement_request, pdf_file):
    request = dataclasses.replace(
        supplement_request, items=(SupplementItem("Sơ đồ vị trí thửa đất", 2, 3, 4),)
    )
    text = pdf_file(render_supplement(office, dossier, request)).text()
    row = next(line for line in text.splitlines() if "Sơ đồ vị trí thửa đất" in line)
    assert re.search(r"Sơ đồ vị trí thửa đất\s+02\s+03\s+04", row)


def test_slips_at_intake_have_no_dossier_code_yet(
    office, dossier, supplement_request, refusal_notice, pdf_file
):
    at_intake = dataclasses.replace(dossier, code="", due_at=None, lookup_url="")
    for data in (
        render_supplement(office, at_intake, supplement_request),
        render_refusal(office, at_intake, refusal_notice),
    ):
        text = flat(pdf_file(data).text())
        assert "Mã hồ sơ" not in text
        assert "Nguyễn Thị Thuỷ Tiên" in text


def test_refusal(office, dossier, refusal_notice, pdf_file):
    pdf = pdf_file(render_refusal(office, dossier, refusal_notice, printed_at=PRINTED_AT))
    text = flat(pdf.text())

    assert _is_a4(pdf)
    _common(text)
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Số: 02/PTC" in text
    assert refusal_notice.reason in text
    assert refusal_notice.contact in text
    assert "NGƯỜI NỘP HỒ SƠ" in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text
    assert text.count("(Ký và ghi rõ họ tên)") == 2


def test_apology(office, dossier, apology_letter, pdf_file):
    pdf = pdf_file(render_apology(office, dossier, apology_letter, printed_at=PRINTED_AT))
    text = flat(pdf.text())

    assert _is_a4(pdf)
    _common(text)
    assert "V/v xin lỗi và hẹn lại thời gian trả kết quả giải quyết hồ sơ" in text
    assert "Kính gửi: Ông/Bà Nguyễn Thị Thuỷ Tiên" in text
    assert "Hà Nội, ngày 23 tháng 02 năm 2026" in text
    assert DUE in text
    assert "14 giờ 30 phút, ngày 26 tháng 02 năm 2026" in text
    assert apology_letter.reason in text
    assert "xin lỗi Ông/Bà" in text
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH" in flat(pdf.text(layout=False))
    assert "Lê Thị Hồng Nhung" in text


def test_control_sheet_with_blank_rows_to_fill(office, dossier, control_sheet, pdf_file):
    pdf = pdf_file(render_control_sheet(office, dossier, control_sheet, printed_at=PRINTED_AT))
    text = flat(pdf.text())

    assert _is_a4(pdf)
    _common(text)
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert RECEIVED in text
    assert DUE in text
    assert "Số 12 ngõ 34 phố Hàng Bạc" in text
    assert "Đăng ký khai sinh có yếu tố nước ngoài" in text
    # The hand-over time wraps inside its table cell; read it in reading order.
    assert "09 giờ 30 phút, ngày 13 tháng 02 năm 2026" in flat(pdf.text(layout=False))
    assert "Trần Văn Bình" in text
    assert "Phạm Quốc Huy" in text
    assert "Đúng hạn" in text
    # One hand-over made, two left blank: each row has its pair of signatures.
    assert text.count("Người giao") == 3
    assert text.count("Người nhận") == 3
    assert "3. Giao:" in text


def test_control_sheet_with_no_handovers_yet(office, dossier, pdf_file):
    text = flat(pdf_file(render_control_sheet(office, dossier, ControlSheet())).text())
    assert text.count("Người giao") == 4
    assert "giờ …… phút, ngày" in text


def test_stop_notice(office, dossier, stop_notice, pdf_file):
    pdf = pdf_file(render_stop_notice(office, dossier, stop_notice, printed_at=PRINTED_AT))
    text = flat(pdf.text())

    assert _is_a4(pdf)
    _common(text)
    assert "THÔNG BÁO" in text
    assert "Về việc dừng giải quyết hồ sơ" in text
    assert "Ngày 14 tháng 02 năm 2026" in text
    assert RECEIVED in text
    assert "16 tháng 02 năm 2026" in text
    assert stop_notice.reason in text
    assert stop_notice.returned_documents in text
    assert "Lê Thị Hồng Nhung" in text


def test_every_form_marks_a_reprint_on_every_page(
    office,
    dossier,
    supplement_request,
    refusal_notice,
    apology_letter,
    control_sheet,
    stop_notice,
    pdf_file,
):
    renders = [
        render_supplement(office, dossier, supplement_request, reprint=True),
        render_refusal(office, dossier, refusal_notice, reprint=True),
        render_apology(office, dossier, apology_letter, reprint=True),
        render_control_sheet(
            office, dossier, dataclasses.replace(control_sheet, blank_rows=6), reprint=True
        ),
        render_stop_notice(office, dossier, stop_notice, reprint=True),
    ]
    for data in renders:
        pdf = pdf_file(data)
        pages = pdf.page_texts()
        assert len(pages) == pdf.pages
        assert all("BẢN SAO" in page for page in pages)
