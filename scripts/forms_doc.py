"""Render every form with sample data to PNG and print the template table.

    python3 scripts/forms_doc.py            # writes docs/forms/*.png, docs/receipt-*.png
    python3 scripts/forms_doc.py --table    # prints the side-by-side table (Markdown)

The table comes from ``app.paper.render.templates``; the PNGs are what
poppler's pdftoppm makes of our PDFs at 100 dpi, reduced to 16 grey levels.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from app.paper.render import (  # noqa: E402
    ApologyLetter,
    ApplicantInfo,
    ComponentLine,
    ControlSheet,
    DossierInfo,
    HandoverRow,
    LogbookLine,
    OfficeInfo,
    RefusalNotice,
    StopNotice,
    SupplementItem,
    SupplementRequest,
    render_apology,
    render_control_sheet,
    render_logbook,
    render_receipt,
    render_refusal,
    render_stop_notice,
    render_supplement,
)
from app.paper.render.guide import GuideComponent, ProcedureGuide, render_guide  # noqa: E402
from app.paper.render.templates import TEMPLATES  # noqa: E402

CODE = "000.00.24.H47-260429-0003"
OFFICE = OfficeInfo(
    agency_code="000.00.24.H47",
    name="Ủy ban nhân dân phường Hoàn Kiếm",
    parent_name=None,
    address="126 Hàng Trống, phường Hoàn Kiếm, thành phố Hà Nội",
    phone="024 3825 3536",
    province_place="Hoàn Kiếm",
    unit_name="Trung tâm Phục vụ hành chính công phường Hoàn Kiếm",
    bank_bin="970423",
    bank_account="0099999999",
    bank_account_name="UBND PHUONG HOAN KIEM",
    hours_text="từ 07 giờ 30 đến 11 giờ 30, từ 13 giờ 30 đến 17 giờ 30",
)
DOSSIER = DossierInfo(
    code=CODE,
    procedure_code="2.000815",
    procedure_name="Chứng thực bản sao từ bản chính giấy tờ, văn bản",
    field="Chứng thực",
    applicant=ApplicantInfo(
        full_name="Nguyễn Thị Thuỷ Tiên",
        id_number="001195012345",
        address="Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội",
        phone="0912 345 678",
        email="tien.nguyen@example.vn",
        sex="Nữ",
    ),
    components=(
        ComponentLine(1, "Bản chính giấy tờ làm cơ sở chứng thực", 1, 0),
        ComponentLine(2, "Bản sao cần chứng thực", 0, 3),
    ),
    sets=1,
    processing_text="01 ngày làm việc",
    received_at=datetime(2026, 4, 29, 9, 5),
    due_at=datetime(2026, 5, 4, 9, 5),
    result_place="Trung tâm Phục vụ hành chính công phường Hoàn Kiếm",
    logbook_book="2026/Q01",
    logbook_line="3",
    fee_amount=6_000,
    lookup_url=f"https://motcua.hoankiem.hanoi.gov.vn/tra-cuu/{CODE}?k=Zx8Qp2Lm9R",
    receiving_officer="Trần Văn Bình",
)


def pdfs() -> dict[str, bytes]:
    issued = datetime(2026, 4, 29, 10, 30)
    supplement = SupplementRequest(
        number="05/PYCBS-TTPVHCC",
        issued_at=issued,
        items=(SupplementItem("Bản chính giấy khai sinh để đối chiếu", 1, 0, 0),),
        reason="Bản sao không đọc được ở trang 2.",
        guidance="Nghị định 23/2015/NĐ-CP; Cổng Dịch vụ công quốc gia, thủ tục 2.000815",
        contact_officer="Trần Văn Bình",
        contact_phone="024 3825 3536",
        guiding_officer="Trần Văn Bình",
    )
    refusal = RefusalNotice(
        number="02/PTC-TTPVHCC",
        issued_at=issued,
        reason="Bản chính bị tẩy xóa, sửa chữa nội dung.",
        contact="Trần Văn Bình, điện thoại 024 3825 3536 (giờ hành chính)",
        officer="Trần Văn Bình",
        legal_basis="khoản 1 Điều 22 Nghị định số 23/2015/NĐ-CP",
    )
    apology = ApologyLetter(
        number="01/UBND-TTPVHCC",
        issued_at=datetime(2026, 5, 4, 8, 0),
        reason="Cần xác minh thêm với cơ quan đã cấp bản chính.",
        new_due_at=datetime(2026, 5, 7, 14, 30),
        head_name="Lê Thị Hồng Nhung",
        head_title="Chủ tịch",
    )
    stop = StopNotice(
        number="03/TB-UBND",
        issued_at=datetime(2026, 5, 2, 9, 0),
        reason="Người nộp hồ sơ đề nghị dừng để nộp lại bản chính khác.",
        requested_at=date(2026, 4, 30),
        signer_name="Lê Thị Hồng Nhung",
        signer_title="Chủ tịch",
        returned_documents="Bản chính giấy tờ làm cơ sở chứng thực",
    )
    control = ControlSheet(
        rows=(
            HandoverRow(
                OFFICE.unit_name,
                "Ủy ban nhân dân phường Hoàn Kiếm (lĩnh vực Chứng thực)",
                datetime(2026, 4, 29, 10, 0),
                giver="Trần Văn Bình",
            ),
            HandoverRow(
                "Ủy ban nhân dân phường Hoàn Kiếm (lĩnh vực Chứng thực)",
                OFFICE.unit_name,
                datetime(2026, 4, 30, 15, 0),
                giver="Phạm Quốc Huy",
                result="Trước hạn",
            ),
            HandoverRow(OFFICE.unit_name, "Tổ chức, cá nhân"),
        ),
        resolving_unit="Ủy ban nhân dân phường Hoàn Kiếm (lĩnh vực Chứng thực)",
        blank_rows=1,
    )
    lines = [
        LogbookLine(
            number=n,
            book="2026/Q01",
            code=f"000.00.24.H47-260429-{n:04d}",
            applicant=name,
            procedure=DOSSIER.procedure_name,
            sets=1,
            contact="Số 12 ngõ 34 phố Hàng Bạc; 0912 345 678",
            lead_agency="Ủy ban nhân dân phường Hoàn Kiếm (lĩnh vực Chứng thực)",
            received_at=datetime(2026, 4, 29, 8, 10 * n),
            due_at=datetime(2026, 5, 4, 8, 10 * n),
            sent_at=datetime(2026, 4, 29, 10, 0),
            result_at=datetime(2026, 4, 30, 15, 0) if n < 3 else None,
            returned_at=datetime(2026, 5, 4, 7, 45) if n == 1 else None,
            note="Trả trước hạn" if n == 1 else "",
        )
        for n, name in (
            (1, "Phạm Quốc Huy"),
            (2, "Công ty TNHH Hoàng Long"),
            (3, "Nguyễn Thị Thuỷ Tiên"),
        )
    ]
    guide = ProcedureGuide(
        code="2.000815",
        name=DOSSIER.procedure_name,
        field="Chứng thực",
        components=(
            GuideComponent("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực", 1, 0),
            GuideComponent("Bản sao cần chứng thực", 0, 1),
        ),
        fee_text="2.000 đồng/trang cho hai trang đầu, 1.000 đồng/trang từ trang thứ ba",
        fee_note="Tối đa 200.000 đồng/bản.",
        processing_words="một (01) ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ",
        result_place=OFFICE.unit_name,
        result_ways="nhận trực tiếp hoặc đăng ký nhận qua dịch vụ bưu chính công ích",
    )
    return {
        "receipt-a4": render_receipt(OFFICE, DOSSIER),
        "receipt-80mm": render_receipt(OFFICE, DOSSIER, layout="80mm"),
        "supplement": render_supplement(OFFICE, DOSSIER, supplement),
        "refusal": render_refusal(OFFICE, DOSSIER, refusal),
        "apology": render_apology(OFFICE, DOSSIER, apology),
        "stop": render_stop_notice(OFFICE, DOSSIER, stop),
        "control": render_control_sheet(OFFICE, DOSSIER, control),
        "logbook-a4": render_logbook(OFFICE, lines, date(2026, 4, 1), date(2026, 4, 30)),
        "logbook-a3": render_logbook(
            OFFICE, lines, date(2026, 4, 1), date(2026, 4, 30), paper="a3"
        ),
        "guide-a4": render_guide(OFFICE, guide, printed_at=datetime(2026, 4, 29, 9)),
        "guide-80mm": render_guide(
            OFFICE, guide, layout="80mm", printed_at=datetime(2026, 4, 29, 9)
        ),
    }


def write_pngs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf in pdfs().items():
            path = Path(tmp) / f"{name}.pdf"
            path.write_bytes(pdf)
            dpi = "60" if name == "logbook-a3" else "100"
            png = subprocess.run(
                ["pdftoppm", "-r", dpi, "-png", "-gray", "-f", "1", "-l", "1", str(path)],
                check=True,
                capture_output=True,
            ).stdout
            image = Image.open(io.BytesIO(png)).convert("L").quantize(16)
            target = folder / f"{name}.png"
            image.save(target, optimize=True)
            written.append(target)
    return written


def table() -> str:
    out = []
    for template in TEMPLATES.values():
        out.append(f"### {template.model}: {template.title}\n")
        if template.number_pattern:
            out.append(f"Số: `{template.number_pattern}` (loại: `{template.type_code or '—'}`)\n")
        out.append("| Trường của mẫu | Trên bản PDF của chúng tôi | Vị trí |")
        out.append("|---|---|---|")
        for f in template.fields:
            out.append(f"| {f.template} | “{f.printed}” | {f.where} |")
        if template.signatures:
            out.append(f"| Ký | {' · '.join(template.signatures)} | cuối trang |")
        out.append("")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args()
    if args.table:
        print(table())
        return
    for path in write_pngs(ROOT / "docs" / "forms"):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
