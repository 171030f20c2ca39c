"""The log book: landscape, one line per dossier, header repeated on every page."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from datetime import date, datetime, timedelta

import pytest

from app.paper.render import LogbookLine, render_logbook
from app.paper.render.logbook import _COLUMNS, MARGINS
from tests.documents.conftest import require_tool

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
    assert all("Mã hồ sơ" in page and "Tên tổ chức" in page for page in pages)
    text = re.sub(r"\s+", " ", "\n".join(pages))
    assert "SỔ THEO DÕI HỒ SƠ" in text
    assert "Từ ngày 01/02/2026 đến ngày 28/02/2026" in text
    assert "Nguyễn Thị Thuỷ Tiên" in _raw(pdf)
    assert "Trả qua bưu điện" in _raw(pdf)
    for line in lines:
        assert line.code in text
    # Each dossier shows once; the header row is not mistaken for data.
    assert len(re.findall(r"000\.00\.24\.H47-260202-\d{4}", text)) == len(lines)
    # Dossier 7 came in at 07:30 + 49 minutes: the date on its row, the time under it.
    rows = [line for page in pages for line in page.splitlines()]
    at = next(i for i, line in enumerate(rows) if "260202-0007" in line)
    assert re.match(r"\s*7\s+000\.00\.24\.H47-260202-0007\s.*\s02/02/2026\s", rows[at])
    assert "08:19" in rows[at + 1]


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


LANDSCAPE_A3 = (1190.55, 841.89)
COLUMN_WORDS = (
    "STT",
    "Mã hồ sơ",
    "Tên thủ tục",
    "lượng",
    "Tên tổ chức",
    "Địa chỉ, số",
    "Cơ quan chủ",
    "Nhận hồ",
    "Hẹn trả",
    "Chuyển hồ",
    "Nhận kết",
    "Trả kết",
    "Ký nhận",
    "Ghi chú",
)


def _raw(pdf) -> str:
    """Text in drawing order: each cell's wrapped lines stay together."""
    out = subprocess.run(
        [require_tool("pdftotext"), "-raw", str(pdf.path), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", " ", out)


def _book(count: int, first: int, book: str = "2026/Q01") -> list[LogbookLine]:
    return [
        dataclasses.replace(
            line,
            number=first + i,
            book=book,
            sets=2,
            contact="Số 12 ngõ 34 phố Hàng Bạc; 0912 345 678",
            lead_agency="Ủy ban nhân dân phường Hoàn Kiếm",
            sent_at=line.received_at + timedelta(hours=1),
            result_at=line.received_at + timedelta(days=1),
        )
        for i, line in enumerate(_lines(count))
    ]


@pytest.mark.parametrize(("paper", "size"), [("a4", LANDSCAPE_A4), ("a3", LANDSCAPE_A3)])
def test_book_has_every_column_its_unit_line_and_number(office, pdf_file, paper, size):
    named = dataclasses.replace(
        office, unit_name="Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"
    )
    pdf = pdf_file(
        render_logbook(named, _book(40, 37), date(2026, 2, 1), date(2026, 2, 28), paper=paper)
    )
    assert all(abs(w - size[0]) < 0.5 and abs(h - size[1]) < 0.5 for w, h in pdf.page_sizes())
    pages = pdf.page_texts()
    for page in pages:
        for word in COLUMN_WORDS:
            assert word in page, (word, paper)
    text = re.sub(r"\s+", " ", "\n".join(pages))
    assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀN KIẾM" in text
    assert "Quyển số: 01 – Năm 2026" in text
    assert "Số 12 ngõ 34 phố Hàng Bạc; 0912 345 678" in _raw(pdf)
    # The lines keep the receipts' numbers: 37 to 76, not 1 to 40.
    numbers = [
        int(m.group(1))
        for page in pages
        for m in re.finditer(r"^\s*(\d+)\s+000\.00\.24\.H47-", page, re.M)
    ]
    assert numbers == list(range(37, 77))


def test_collector_column_is_left_blank(office, pdf_file):
    pdf = pdf_file(render_logbook(office, _book(5, 1), date(2026, 2, 1), date(2026, 2, 28)))
    out = subprocess.run(
        [require_tool("pdftotext"), "-bbox", str(pdf.path), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    words = [
        (float(x0), float(y0), float(x1), word)
        for x0, y0, x1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            out,
        )
    ]
    # The column's edges as the template lays them out on the page.
    width = LANDSCAPE_A4[0] - MARGINS.left - MARGINS.right
    edges = [MARGINS.left + width * sum(s for _, s, _ in _COLUMNS[:i]) for i in range(15)]
    column = [title for title, _, _ in _COLUMNS].index("Ký nhận")
    left, right = edges[column], edges[column + 1]
    inside = [w for w in words if left < (w[0] + w[2]) / 2 < right]
    assert [w[3] for w in inside] == ["Ký", "nhận"], inside
    # Its neighbours do carry data, so the test is looking at the right place.
    assert any(w[3] == "04/02/2026" for w in words if edges[column - 1] < w[0] < left)


def test_each_book_prints_under_its_own_number(office, pdf_file):
    lines = _book(3, 1, "2025/Q01") + _book(2, 1, "2026/Q01")
    pdf = pdf_file(render_logbook(office, lines, date(2025, 12, 1), date(2026, 2, 28)))
    pages = pdf.page_texts()
    assert "Quyển số: 01 – Năm 2025" in pages[0]
    assert "Quyển số: 01 – Năm 2026" in pages[-1]


def test_reportlab_runs_with_its_c_accelerator():
    # Without rl_accel every string width and number written into a long
    # log book goes through reportlab's pure-Python fallbacks.
    from reportlab.lib import rl_accel

    assert not rl_accel._py_funcs, f"pure-Python fallbacks in use: {sorted(rl_accel._py_funcs)}"
    assert rl_accel.fp_str(0.5, 12) == ".5 12"


def test_reused_text_operators_give_the_same_file(office, monkeypatch):
    # The log book reuses the operators written for a repeated line; the file
    # must be the one reportlab writes when it maps every line afresh.
    from reportlab import rl_config

    from app.paper.render import logbook

    monkeypatch.setattr(rl_config, "invariant", 1)
    lines = _lines(300)
    remembered = render_logbook(office, lines, date(2026, 2, 1), date(2026, 2, 28))

    class Forgetful(logbook._MemoText):
        def _formatText(self, text):  # noqa: N802 - reportlab's name
            self._memo.clear()
            return super()._formatText(text)

    monkeypatch.setattr(logbook, "_MemoText", Forgetful)
    afresh = render_logbook(office, lines, date(2026, 2, 1), date(2026, 2, 28))
    assert remembered == afresh
