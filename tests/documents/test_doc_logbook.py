"""The log book: landscape, one line per dossier, header repeated on every page."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from app.paper.render import LogbookLine, render_logbook

LANDSCAPE_A4 = (841.89, 595.28)


def _lines(count: int) -> list[LogbookLine]:
    start = datetime(2026, 2, 2, 7, 30)
    names = ["Nguyễn Thị Thuỷ Tiên", "Công ty TNHH Thương mại Hoàng Long", "Phạm Quốc Huy"]
    return [
        LogbookLine(
            number=i,
            code=f"000.00.24.H47-260202-{i:04d}",
            applicant=names[i % 3],
            procedure="Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền",
            received_at=start + timedelta(minutes=7 * i),
            due_at=start + timedelta(days=3, minutes=7 * i),
            handovers="BP TN&TKQ → Tư pháp",
            returned_at=start + timedelta(days=2) if i % 2 else None,
            note="Trả qua bưu điện" if i % 7 == 0 else "",
        )
        for i in range(1, count + 1)
    ]


def test_logbook_lists_every_dossier_with_the_header_on_each_page(office, pdf_file):
    lines = _lines(120)
    pdf = pdf_file(
        render_logbook(
            office, lines, date(2026, 2, 1), date(2026, 2, 28), printed_at=datetime(2026, 3, 1)
        )
    )
    pages = pdf.page_texts()

    assert pdf.pages >= 3
    assert all(
        abs(w - LANDSCAPE_A4[0]) < 0.5 and abs(h - LANDSCAPE_A4[1]) < 0.5
        for w, h in pdf.page_sizes()
    )
    assert all("Mã hồ sơ" in page and "Tên tổ chức, cá nhân" in page for page in pages)
    text = re.sub(r"\s+", " ", "\n".join(pages))
    assert "SỔ THEO DÕI HỒ SƠ" in text
    assert "Từ ngày 01/02/2026 đến ngày 28/02/2026" in text
    assert "Nguyễn Thị Thuỷ Tiên" in text
    assert "Trả qua bưu điện" in text
    for line in lines:
        assert line.code in text
    # Each dossier shows once; the header row is not mistaken for data.
    assert len(re.findall(r"000\.00\.24\.H47-260202-\d{4}", text)) == len(lines)
    # Dossier 7 came in at 07:30 + 49 minutes: the time sits on its own row.
    row = next(line for page in pages for line in page.splitlines() if "260202-0007" in line)
    assert re.match(r"\s*7\s+000\.00\.24\.H47-260202-0007\s.*\s08:19\s", row)


def test_empty_period_still_prints_the_book_header(office, pdf_file):
    pdf = pdf_file(render_logbook(office, [], date(2026, 2, 1), date(2026, 2, 1)))
    text = pdf.text()
    assert pdf.pages == 1
    assert "Tổng số: 0 hồ sơ" in text
    assert "Mã hồ sơ" in text


def test_runaway_note_is_cut_rather_than_breaking_the_page(office, pdf_file):
    line = _lines(1)[0]
    huge = LogbookLine(**{**line.__dict__, "note": "ghi chú " * 2000, "code": "X" * 80})
    pdf = pdf_file(render_logbook(office, [huge], date(2026, 2, 1), date(2026, 2, 1)))
    assert pdf.pages == 1
    assert "XXXXXXXX" in pdf.text()


def test_reprint_marks_every_page(office, pdf_file):
    pdf = pdf_file(
        render_logbook(office, _lines(60), date(2026, 2, 1), date(2026, 2, 28), reprint=True)
    )
    pages = pdf.page_texts()
    assert len(pages) >= 2
    assert all("BẢN SAO" in page for page in pages)
