"""How long the counter waits for its paper forms.

Run from the repository root: ``python bench/forms.py``. Prints figures with
their targets beside them; it is not a pass/fail test.

Every receipt gets its own dossier code and look-up link, as at a real
counter, so no cached QR code flatters the figure.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RECEIPT_RUNS = 60
RECEIPT_TARGET_MS = 30.0
LOGBOOK_LINES = 10_000
LOGBOOK_TARGET_S = 5.0


def _sample():
    from app.paper.render import ApplicantInfo, ComponentLine, DossierInfo, OfficeInfo

    office = OfficeInfo(
        agency_code="000.00.24.H47",
        name="Ủy ban nhân dân phường Hoàn Kiếm",
        parent_name="Ủy ban nhân dân thành phố Hà Nội",
        address="126 Hàng Trống, phường Hoàn Kiếm, thành phố Hà Nội",
        phone="024 3825 3536",
        province_place="Hà Nội",
        bank_bin="970423",
        bank_account="0099999999",
        bank_account_name="UBND PHUONG HOAN KIEM",
    )
    dossier = DossierInfo(
        code="000.00.24.H47-260213-0001",
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh có yếu tố nước ngoài",
        field="Hộ tịch",
        applicant=ApplicantInfo(
            full_name="Nguyễn Thị Thuỷ Tiên",
            id_number="001195012345",
            address="Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội",
            phone="0912 345 678",
            email="tien.nguyen@example.vn",
        ),
        components=(
            ComponentLine(1, "Tờ khai đăng ký khai sinh theo mẫu", 1, 0),
            ComponentLine(2, "Giấy chứng sinh do cơ sở y tế cấp", 1, 1),
            ComponentLine(3, "Giấy tờ tùy thân của người đi đăng ký (CCCD/hộ chiếu)", 0, 1),
        ),
        processing_text="01 ngày làm việc",
        received_at=datetime(2026, 2, 13, 9, 5),
        due_at=datetime(2026, 2, 23, 8, 0),
        result_place="Bộ phận tiếp nhận và trả kết quả phường Hoàn Kiếm",
        logbook_book="01",
        logbook_line="0123",
        fee_amount=50_000,
        lookup_url="https://motcua.hoankiem.hanoi.gov.vn/tra-cuu/{code}?k=Zx8Qp2Lm9Rt4Vw7Y",
        receiving_officer="Trần Văn Bình",
    )
    return office, dossier


def _median_ms(render, dossier, runs: int) -> float:
    timings = []
    for index in range(runs):
        code = f"000.00.24.H47-260213-{index + 1:04d}"
        one = replace(dossier, code=code, lookup_url=dossier.lookup_url.format(code=code))
        start = time.perf_counter()
        render(one)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def _logbook_lines(count: int):
    from app.paper.render import LogbookLine

    start = datetime(2026, 1, 5, 7, 30)
    procedures = [
        "Đăng ký khai sinh có yếu tố nước ngoài",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp",
        "Cấp giấy xác nhận tình trạng hôn nhân",
    ]
    return [
        LogbookLine(
            number=i,
            code=f"000.00.24.H47-2601{5 + i // 500:02d}-{i % 500 + 1:04d}",
            applicant=f"Nguyễn Văn Người Nộp Số {i}",
            procedure=procedures[i % 3],
            received_at=start + timedelta(minutes=3 * i),
            due_at=start + timedelta(days=3, minutes=3 * i),
            handovers="BP TN&TKQ → Tư pháp; Tư pháp → BP TN&TKQ",
            returned_at=start + timedelta(days=2, minutes=3 * i) if i % 2 else None,
            note="Đúng hạn" if i % 5 else "",
        )
        for i in range(1, count + 1)
    ]


def main() -> None:
    from app.paper.render import register_fonts, render_logbook, render_receipt

    start = time.perf_counter()
    register_fonts()
    print(f"fonts loaded once:             {(time.perf_counter() - start) * 1000:7.1f} ms")

    office, dossier = _sample()
    # The first render builds styles and caches; a clerk pays that once after start-up.
    first = replace(dossier, lookup_url=dossier.lookup_url.format(code=dossier.code))
    render_receipt(office, first)

    def a4(one):
        return render_receipt(office, one, printed_at=datetime(2026, 2, 13, 9, 6))

    def roll(one):
        return render_receipt(office, one, layout="80mm")

    unpaid = _median_ms(a4, dossier, RECEIPT_RUNS)
    paid = _median_ms(a4, replace(dossier, fee_paid=True), RECEIPT_RUNS)
    rolled = _median_ms(roll, dossier, RECEIPT_RUNS)
    print(
        f"receipt A4, 2 copies, fee QR:  {unpaid:7.1f} ms median of {RECEIPT_RUNS}"
        f"  (target <= {RECEIPT_TARGET_MS:.0f} ms)"
    )
    print(
        f"receipt A4, 2 copies, paid:    {paid:7.1f} ms median of {RECEIPT_RUNS}"
        f"  (target <= {RECEIPT_TARGET_MS:.0f} ms)"
    )
    print(
        f"receipt 80 mm roll, fee QR:    {rolled:7.1f} ms median of {RECEIPT_RUNS}"
        f"  (target <= {RECEIPT_TARGET_MS:.0f} ms)"
    )

    lines = _logbook_lines(LOGBOOK_LINES)
    start = time.perf_counter()
    pdf = render_logbook(office, lines, date(2026, 1, 1), date(2026, 1, 31))
    seconds = time.perf_counter() - start
    print(
        f"log book, {LOGBOOK_LINES:,} dossiers:      {seconds:7.2f} s"
        f"  (target <= {LOGBOOK_TARGET_S:.0f} s), {len(pdf) / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
