"""Sổ theo dõi hồ sơ (log book, Mẫu số 07): one ruled line per dossier.

Landscape A4 or A3, the office's unit line and the book number on top, the
template's fourteen columns, lines numbered as the receipts numbered them
(per book and year), and a column left blank for the collector to sign.

A log book may hold ten thousand dossiers. reportlab's Table re-measures all
remaining rows each time it splits at a page end, which grows with the square
of the length, so the rows here are measured once and a light flowable cuts
them into pages by a binary search on their running heights.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import accumulate

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, PageBreak, Spacer

from app.domain.formatting import format_date
from app.paper.render.fonts import SERIF, SERIF_BOLD
from app.paper.render.layout import Para, plain, styles, text, underline_rule
from app.paper.render.model import LogbookLine, OfficeInfo
from app.paper.render.pages import Margins, PageMarks, build_pdf
from app.paper.render.receipt_data import book_number
from app.paper.render.templates import LOGBOOK

TITLE = LOGBOOK.title
PAGESIZE = landscape(A4)
PAGESIZES = {"a4": landscape(A4), "a3": landscape(A3)}
MARGINS = Margins(left=12 * mm, right=12 * mm, top=16 * mm, bottom=13 * mm)

_SIZE = 8.0
_LEADING = 9.8
_PAD = 3.0
# A runaway note must not make one line taller than a page.
_MAX_LINES = 20
_HEADER_FILL = colors.Color(0.9, 0.9, 0.9)

# (heading, share of the table width, centred): the columns of Mẫu số 07.
_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("STT", 0.035, True),
    ("Mã hồ sơ", 0.13, False),
    ("Tên thủ tục hành chính", 0.11, False),
    ("Số lượng hồ sơ (bộ)", 0.042, True),
    ("Tên tổ chức, cá nhân", 0.083, False),
    ("Địa chỉ, số điện thoại", 0.095, False),
    ("Cơ quan chủ trì giải quyết", 0.08, False),
    ("Nhận hồ sơ", 0.057, True),
    ("Hẹn trả kết quả", 0.057, True),
    ("Chuyển hồ sơ đến cơ quan giải quyết", 0.06, True),
    ("Nhận kết quả từ cơ quan giải quyết", 0.06, True),
    ("Trả kết quả cho tổ chức, cá nhân", 0.057, True),
    ("Ký nhận", 0.075, True),
    ("Ghi chú", 0.059, False),
)
# Room for the collector's signature in the blank column.
_MIN_LINES = 3


@lru_cache(maxsize=65536)
def _width(value: str, font: str) -> float:
    # Names of procedures, units and dates repeat down a log book; measuring a
    # string glyph by glyph is the costliest step of laying it out.
    return stringWidth(value, font, _SIZE)


@lru_cache(maxsize=16384)
def _wrap(value: str, width: float, font: str) -> tuple[str, ...]:
    """Lines of ``value`` no wider than ``width``; over-long words are cut."""
    value = plain(value).strip()
    if not value:
        return ()
    if "\n" not in value and _width(value, font) <= width:
        return (value,)
    lines: list[str] = []
    for line in simpleSplit(value, font, _SIZE, width):
        while _width(line, font) > width and len(line) > 1:
            # A word with no break point (a long code or URL): cut it.
            cut = len(line) - 1
            while cut > 1 and _width(line[:cut], font) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    if len(lines) > _MAX_LINES:
        lines = [*lines[: _MAX_LINES - 1], lines[_MAX_LINES - 1] + " …"]
    return tuple(lines)


class _MemoText(PDFTextObject):
    """A text object that reuses the operators it already wrote for the same line.

    A log book repeats most of its lines (dates, times, procedure names,
    units); reportlab maps every character to its font subset again each
    time, in Python, the costliest step of drawing ten thousand rows. Within
    one document a character keeps the code it was first given, so the same
    line in the same font and state always gives the same operators.
    """

    def __init__(self, canvas: object, memo: dict) -> None:
        super().__init__(canvas)
        self._memo = memo

    def _formatText(self, text: str) -> str:  # noqa: N802 - reportlab's name
        key = (
            id(self._canvas._doc),
            self._fontname,
            self._fontsize,
            self._leading,
            self._rise,
            self._curSubset,
            text,
        )
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = (super()._formatText(text), self._curSubset)
        self._curSubset = hit[1]
        return hit[0]

    def line_at(self, x: float, y: float, text: str) -> None:
        """``text`` from (x, y). Unlike textOut, the cursor is not moved along it
        (each line sets its own origin), which saves measuring every line."""
        self.setTextOrigin(x, y)
        self._textOut(text)


@dataclass
class _Grid:
    """All rows, wrapped and measured once, shared by every page's slice."""

    widths: list[float]
    centred: list[bool]
    header: list[tuple[str, ...]]
    header_height: float
    rows: list[list[tuple[str, ...]]]
    # offsets[i] is the height of rows[:i].
    offsets: list[float]
    # Text operators already written, by line and state (see _MemoText).
    text_memo: dict = field(default_factory=dict)

    @property
    def width(self) -> float:
        return sum(self.widths)


def _row_height(cells: Sequence[Sequence[str]], minimum: int = _MIN_LINES) -> float:
    return max(minimum, *(len(cell) for cell in cells)) * _LEADING + 2 * _PAD


def _when(value: datetime | None) -> str:
    # Date over time, so the narrow column breaks between them.
    return f"{value:%d/%m/%Y} {value:%H:%M}" if value else ""


def _build_grid(lines: Sequence[LogbookLine], width: float) -> _Grid:
    widths = [width * share for _, share, _ in _COLUMNS]
    inner = [w - 2 * _PAD for w in widths]
    header = [_wrap(title, w, SERIF_BOLD) for (title, _, _), w in zip(_COLUMNS, inner, strict=True)]
    rows: list[list[tuple[str, ...]]] = []
    for line in lines:
        values = (
            str(line.number),
            line.code,
            line.procedure,
            f"{line.sets:02d}",
            line.applicant,
            line.contact,
            line.lead_agency,
            _when(line.received_at),
            _when(line.due_at),
            _when(line.sent_at),
            _when(line.result_at),
            _when(line.returned_at),
            "",
            "; ".join(part for part in (line.handovers, line.note) if part),
        )
        rows.append([_wrap(v, w, SERIF) for v, w in zip(values, inner, strict=True)])
    offsets = [0.0, *accumulate(_row_height(row) for row in rows)]
    return _Grid(
        widths=widths,
        centred=[centred for _, _, centred in _COLUMNS],
        header=header,
        header_height=_row_height(header, 1),
        rows=rows,
        offsets=offsets,
    )


class _RowSlice(Flowable):
    """Rows start..end of the grid, drawn under a copy of the header row."""

    def __init__(self, grid: _Grid, start: int, end: int) -> None:
        super().__init__()
        self.grid = grid
        self.start = start
        self.end = end

    def _height(self) -> float:
        return self.grid.header_height + self.grid.offsets[self.end] - self.grid.offsets[self.start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.grid.width, self._height()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        offsets = self.grid.offsets
        room = availHeight - self.grid.header_height
        last = bisect_right(offsets, offsets[self.start] + room, self.start, self.end + 1) - 1
        if last <= self.start:
            return []
        return [_RowSlice(self.grid, self.start, last), _RowSlice(self.grid, last, self.end)]

    def draw(self) -> None:
        grid = self.grid
        canv = self.canv
        top = self._height()
        lefts = [0.0, *accumulate(grid.widths)]
        canv.saveState()
        canv.setFillColor(_HEADER_FILL)
        canv.rect(0, top - grid.header_height, grid.width, grid.header_height, stroke=0, fill=1)
        canv.setFillColor(colors.black)
        self._draw_cells(grid.header, top, lefts, SERIF_BOLD, [True] * len(grid.widths))
        y = top - grid.header_height
        boundaries = [top, y]
        for row in grid.rows[self.start : self.end]:
            self._draw_cells(row, y, lefts, SERIF, grid.centred)
            y -= _row_height(row)
            boundaries.append(y)
        path = canv.beginPath()
        for line_y in boundaries:
            path.moveTo(0, line_y)
            path.lineTo(grid.width, line_y)
        for x in lefts:
            path.moveTo(x, top)
            path.lineTo(x, y)
        canv.setLineWidth(0.5)
        canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()

    def _draw_cells(
        self,
        cells: Sequence[Sequence[str]],
        top: float,
        lefts: Sequence[float],
        font: str,
        centred: Sequence[bool],
    ) -> None:
        # One text object per row: a drawString per line would build one each.
        writer = _MemoText(self.canv, self.grid.text_memo)
        writer.setFont(font, _SIZE)
        baseline = top - _PAD - _SIZE
        widths = self.grid.widths
        for index, cell in enumerate(cells):
            left = lefts[index]
            y = baseline
            for line in cell:
                if centred[index]:
                    x = left + (widths[index] - _width(line, font)) / 2
                else:
                    x = left + _PAD
                writer.line_at(x, y, line)
                y -= _LEADING
        self.canv.drawText(writer)


def _book_story(
    office: OfficeInfo,
    book: str,
    lines: Sequence[LogbookLine],
    date_from: date,
    date_to: date,
    width: float,
) -> list[Flowable]:
    st = styles(12)
    units = [(office.name, False), (office.unit_name, True)]
    head: list[Flowable] = [
        Para(f"<b>{text(name.upper())}</b>" if bold else text(name.upper()), st.small)
        for name, bold in units
    ]
    rule = underline_rule(office.unit_name.upper(), SERIF_BOLD, st.small.fontSize, ratio=0.3)
    rule.hAlign = "LEFT"
    head.append(rule)
    # Books are kept per year ("2026/Q01"); the year is the book's, not the period's.
    prefix = book.partition("/")[0]
    year = int(prefix) if prefix.isdigit() else (lines[0].received_at if lines else date_from).year
    number = book_number(book) if book else "……"
    return [
        *head,
        Para(text(TITLE.upper()), st.title),
        Para(f"Quyển số: <b>{text(number)}</b> – Năm {year}", st.body_center),
        Para(f"Từ ngày {format_date(date_from)} đến ngày {format_date(date_to)}", st.italic_center),
        Para(f"Tổng số: {len(lines)} hồ sơ", st.body_center),
        Spacer(1, 3 * mm),
        _RowSlice(_build_grid(lines, width), 0, len(lines)),
    ]


def render_logbook(
    office: OfficeInfo,
    lines: Sequence[LogbookLine],
    date_from: date,
    date_to: date,
    *,
    paper: str = "a4",
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> bytes:
    """The log book for a period as PDF bytes, with the header row on every page.

    Lines of different books each start a new page under their own book number.
    """
    pagesize = PAGESIZES.get(paper)
    if pagesize is None:
        raise ValueError(f"Unknown log book paper: {paper!r}")
    width = pagesize[0] - MARGINS.left - MARGINS.right
    books: dict[str, list[LogbookLine]] = {}
    for line in lines:
        books.setdefault(line.book, []).append(line)
    if not books:
        books[""] = []
    story: list[Flowable] = []
    for index, (book, book_lines) in enumerate(books.items()):
        if index:
            story.append(PageBreak())
        story += _book_story(office, book, book_lines, date_from, date_to, width)
    return build_pdf(
        story,
        pagesize=pagesize,
        marks=PageMarks(reprint=reprint, printed_at=printed_at),
        title=f"{TITLE} {format_date(date_from)}–{format_date(date_to)}",
        margins=MARGINS,
    )
