"""The template set the forms follow, described once as data.

Source: Appendix I of Circular 03/2025/TT-VPCP (15/9/2025), which guides
Decree 118/2025/NĐ-CP on the one-stop mechanism (forms 01–07), with the
presentation rules of Decree 30/2020/NĐ-CP (number and symbol, place and
date, "TM." authority line, recipients). ``docs/forms.md`` prints the
side-by-side table from these objects, and a test renders every form and
checks that each field's ``printed`` text is on the page pdftotext reads.
"""

from __future__ import annotations

from dataclasses import dataclass

CIRCULAR = "Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Văn phòng Chính phủ"
DECREE = "Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ"

# Wording used the same way on every form (the issue found three variants).
FREE_OF_CHARGE = "Không thu phí, lệ phí"
SIGN_HINT = "(Ký và ghi rõ họ tên)"
SEAL_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"


@dataclass(frozen=True)
class Field:
    """One field of the template and where our PDF prints it.

    ``printed`` is text the rendered page carries (label or fixed words) so a
    test can find it; ``where`` says where it sits on our page.
    """

    template: str
    printed: str
    where: str


@dataclass(frozen=True)
class Template:
    form: str
    model: str  # "Mẫu số 01"
    title: str
    # "{seq}" is the per-year sequence (two digits); "{type}", "{office}" and
    # "{unit}" the document-type code and the office's abbreviations.
    number_pattern: str | None
    type_code: str
    fields: tuple[Field, ...]
    signatures: tuple[str, ...]
    wording: tuple[str, ...] = ()


def document_number(
    template: Template, seq: int, *, office_abbr: str, unit_abbr: str
) -> str | None:
    """'05/PYCBS-TTPVHCC', '02/TB-UBND', '03/UBND-TTPVHCC' (Decree 30/2020, art. on symbols)."""
    if template.number_pattern is None:
        return None
    number = template.number_pattern.format(
        seq=f"{seq:02d}", type=template.type_code, office=office_abbr, unit=unit_abbr
    )
    # A centre writing its own letters would otherwise read "03/TTPVHCC-TTPVHCC".
    return number.replace(f"{office_abbr}-{office_abbr}", office_abbr)


_HEADER = (
    Field("Tên cơ quan ban hành", "ỦY BAN NHÂN DÂN", "tiêu đề, trái, dòng 1 (in hoa)"),
    Field("Quốc hiệu, tiêu ngữ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tiêu đề, phải"),
    Field("Địa danh, ngày tháng năm", "Hà Nội, ngày", "dưới tiêu ngữ, in nghiêng"),
)

RECEIPT = Template(
    form="receipt",
    model="Mẫu số 01",
    title="Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    number_pattern=None,
    type_code="",
    fields=(
        *_HEADER,
        Field("Tên Bộ phận Một cửa", "TRUNG TÂM PHỤC VỤ", "tiêu đề, trái, dòng 2 (in đậm)"),
        Field("Mã hồ sơ", "Mã hồ sơ:", "dưới tên giấy, cạnh mã QR tra cứu"),
        Field("Bộ phận tiếp nhận", "tiếp nhận hồ sơ của", "dòng đầu nội dung, tên bộ phận"),
        Field("Tên tổ chức, cá nhân", "tiếp nhận hồ sơ của:", "cùng dòng, in đậm"),
        Field("Số định danh/CCCD", "Số định danh cá nhân/CCCD:", "sau họ tên"),
        Field("Địa chỉ", "Địa chỉ:", "sau số định danh"),
        Field("Số điện thoại, thư điện tử", "Số điện thoại:", "một dòng với Email"),
        Field("Nội dung yêu cầu giải quyết", "Nội dung yêu cầu giải quyết:", "tên và mã thủ tục"),
        Field(
            "1. Thành phần hồ sơ", "1. Thành phần hồ sơ nộp gồm:", "bảng TT/Tên/Bản chính/Bản sao"
        ),
        Field("2. Số lượng hồ sơ", "2. Số lượng hồ sơ:", "“01 (bộ)”"),
        Field("3. Thời gian giải quyết theo quy định", "3. Thời gian giải quyết", "theo danh mục"),
        Field("4. Thời gian nhận hồ sơ", "4. Thời gian nhận hồ sơ:", "giờ, phút, ngày"),
        Field("5. Thời gian trả kết quả", "5. Thời gian trả kết quả", "giờ, phút, ngày, in đậm"),
        Field("6. Đăng ký nhận kết quả tại", "6. Đăng ký nhận kết quả tại:", "nơi trả kết quả"),
        Field("Phí, lệ phí", "7. Phí, lệ phí:", "“50.000 đồng – Chưa nộp” hoặc không thu"),
        Field("Vào Sổ theo dõi hồ sơ, Quyển số, Số thứ tự", "Quyển số:", "cuối phần nội dung"),
    ),
    signatures=("Người nộp hồ sơ", "Người tiếp nhận hồ sơ"),
    wording=("Bản lưu tại cơ quan", "Bản giao cho người nộp hồ sơ"),
)

SUPPLEMENT = Template(
    form="supplement",
    model="Mẫu số 02",
    title="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    number_pattern="{seq}/{type}-{unit}",
    type_code="PYCBS",
    fields=(
        *_HEADER,
        Field("Số, ký hiệu", "Số:", "tiêu đề, trái, dưới tên cơ quan"),
        Field("Tổ chức, cá nhân", "Hồ sơ của:", "in đậm"),
        Field("Địa chỉ, điện thoại, thư điện tử", "Địa chỉ:", "sau họ tên"),
        Field("Nội dung yêu cầu giải quyết", "Nội dung yêu cầu giải quyết:", "tên và mã thủ tục"),
        Field("Thời gian tiếp nhận", "Thời gian tiếp nhận:", "giờ, phút, ngày"),
        Field("Nội dung cần bổ sung", "Yêu cầu hoàn thiện hồ sơ gồm", "bảng 5 cột"),
        Field("Lý do", "Lý do:", "sau bảng"),
        Field("Căn cứ pháp lý, nơi tra cứu", "Căn cứ pháp lý, nơi tra cứu quy định:", "sau lý do"),
        Field("Cán bộ liên hệ", "liên hệ với", "đoạn cuối"),
    ),
    signatures=("Người hướng dẫn",),
)

REFUSAL = Template(
    form="refusal",
    model="Mẫu số 03",
    title="Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    number_pattern="{seq}/{type}-{unit}",
    type_code="PTC",
    fields=(
        *_HEADER,
        Field("Số, ký hiệu", "Số:", "tiêu đề, trái"),
        Field("Bộ phận tiếp nhận", "tiếp nhận hồ sơ của", "dòng đầu nội dung"),
        Field(
            "Tổ chức, cá nhân và yêu cầu", "Nội dung yêu cầu giải quyết:", "sau thông tin người nộp"
        ),
        Field("Căn cứ pháp lý", "Căn cứ quy định tại", "trước lý do"),
        Field("Lý do từ chối", "với lý do cụ thể như sau:", "đoạn riêng"),
        Field("Thông tin liên hệ", "Thông tin liên hệ:", "sau lý do"),
    ),
    signatures=("Người nộp hồ sơ", "Người tiếp nhận hồ sơ"),
)

APOLOGY = Template(
    form="apology",
    model="Mẫu số 04",
    title="Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
    # A letter (công văn): number and symbol with the office's abbreviation
    # and the drafting unit's (Decree 30/2020), and a "V/v" line, no title.
    number_pattern="{seq}/{office}-{unit}",
    type_code="",
    fields=(
        *_HEADER,
        Field("Số, ký hiệu", "Số:", "tiêu đề, trái"),
        Field("Trích yếu (V/v)", "V/v xin lỗi", "dưới số, cỡ nhỏ"),
        Field("Kính gửi", "Kính gửi:", "Ông/Bà theo giới tính đã ghi"),
        Field("Ngày tiếp nhận, mã hồ sơ", "mã hồ sơ:", "đoạn 1"),
        Field("Thời gian hẹn trả kết quả", "Thời gian hẹn trả kết quả", "đoạn 2"),
        Field("Lý do", "Lý do:", "đoạn 4"),
        Field("Thời gian hẹn trả mới", "sẽ trả kết quả giải quyết hồ sơ", "đoạn 5, in đậm"),
        Field("Nơi nhận", "Nơi nhận:", "trái, cạnh chữ ký"),
    ),
    signatures=("TM. Ủy ban nhân dân / Chủ tịch",),
)

STOP = Template(
    form="stop",
    model="Mẫu số 05",
    title="Thông báo dừng giải quyết hồ sơ",
    number_pattern="{seq}/{type}-{office}",
    type_code="TB",
    fields=(
        *_HEADER,
        Field("Số, ký hiệu", "Số:", "tiêu đề, trái"),
        Field("Kính gửi", "Kính gửi:", "Ông/Bà theo giới tính đã ghi"),
        Field("Ngày đề nghị dừng, mã hồ sơ", "nhận được đề nghị dừng", "đoạn 1"),
        Field("Lý do", "Lý do:", "đoạn 2"),
        Field("Giấy tờ trả lại", "Giấy tờ trả lại", "khi có"),
        Field("Nơi nhận", "Nơi nhận:", "trái, cạnh chữ ký"),
    ),
    signatures=("TM. Ủy ban nhân dân / Chủ tịch",),
)

CONTROL = Template(
    form="control",
    model="Mẫu số 06",
    title="Phiếu kiểm soát quá trình giải quyết hồ sơ",
    number_pattern=None,
    type_code="",
    fields=(
        *_HEADER,
        Field("Mã hồ sơ", "Mã hồ sơ:", "dưới tên phiếu"),
        Field("Cơ quan, đơn vị chủ trì giải quyết", "Cơ quan (bộ phận) giải quyết", "trước bảng"),
        Field("Cơ quan phối hợp", "Cơ quan phối hợp giải quyết", "trước bảng"),
        Field("Tên tổ chức, cá nhân", "Tên tổ chức, cá nhân:", "trước bảng"),
        Field("Thời gian nhận, hẹn trả", "Thời gian hẹn trả kết quả:", "trước bảng"),
        Field("Tên cơ quan giao / nhận", "Giao:", "cột 1 mỗi dòng"),
        Field("Thời gian giao, nhận; người giao, người nhận", "Người giao", "cột 2"),
        Field("Kết quả (trước / đúng / quá hạn)", "KẾT QUẢ GIẢI QUYẾT", "cột 3"),
        Field("Ghi chú", "GHI CHÚ", "cột 4"),
    ),
    signatures=("Người giao", "Người nhận"),
)

LOGBOOK = Template(
    form="logbook",
    model="Mẫu số 07",
    title="Sổ theo dõi hồ sơ",
    number_pattern=None,
    type_code="",
    fields=(
        Field("Tên cơ quan, Bộ phận Một cửa", "TRUNG TÂM PHỤC VỤ", "trên cùng, trái"),
        Field("Quyển số", "Quyển số:", "dưới tên sổ"),
        Field("STT", "STT", "cột 1, nối tiếp theo quyển và năm"),
        Field("Mã hồ sơ", "Mã hồ sơ", "cột 2"),
        Field("Tên TTHC", "Tên thủ tục hành chính", "cột 3"),
        Field("Số lượng hồ sơ (bộ)", "Số lượng", "cột 4"),
        Field("Tên tổ chức, cá nhân", "Tên tổ chức", "cột 5"),
        Field("Địa chỉ, số điện thoại", "Địa chỉ, số", "cột 6"),
        Field("Cơ quan chủ trì giải quyết", "Cơ quan chủ trì", "cột 7"),
        Field("Ngày, tháng, năm nhận hồ sơ", "Nhận hồ sơ", "cột 8"),
        Field("Hẹn trả kết quả", "Hẹn trả kết", "cột 9"),
        Field("Chuyển hồ sơ đến cơ quan giải quyết", "Chuyển hồ", "cột 10"),
        Field("Nhận kết quả từ cơ quan giải quyết", "Nhận kết quả", "cột 11"),
        Field("Trả kết quả cho tổ chức, cá nhân", "Trả kết quả", "cột 12"),
        Field("Ký nhận của tổ chức, cá nhân", "Ký nhận", "cột 13, để trống"),
        Field("Ghi chú", "Ghi chú", "cột 14"),
    ),
    signatures=(),
)

GUIDE = Template(
    form="guide",
    model="(không có mẫu)",
    title="Hướng dẫn thực hiện thủ tục hành chính",
    number_pattern=None,
    type_code="",
    fields=(
        Field("Tên, mã thủ tục", "Mã thủ tục:", "dưới tên phiếu"),
        Field("Thành phần hồ sơ", "Thành phần hồ sơ", "bảng bản chính / bản sao"),
        Field("Phí, lệ phí", "Phí, lệ phí:", "số tiền “… đồng” hoặc không thu"),
        Field("Thời hạn giải quyết", "Thời hạn giải quyết:", "bằng chữ"),
        Field("Nơi, cách nhận kết quả", "Nơi nhận kết quả:", ""),
        Field("Giờ làm việc", "Giờ làm việc:", ""),
    ),
    signatures=(),
)

TEMPLATES: dict[str, Template] = {
    t.form: t for t in (RECEIPT, SUPPLEMENT, REFUSAL, APOLOGY, STOP, CONTROL, LOGBOOK, GUIDE)
}
