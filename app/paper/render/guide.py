"""Hướng dẫn thực hiện thủ tục hành chính: the one-page guide a citizen takes home.

What to bring (each paper with its originals and copies), the fee and who
is exempt, how long it takes (in words), where and how the result is
collected, the office's hours, and a QR code to the procedure's page on the
national public-service portal when the catalogue holds that link. A4, or
the 80 mm roll at the counter (a page exactly as long as its content).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, PageTemplate, Spacer

from app.paper.render.fonts import SERIF_BOLD
from app.paper.render.layout import (
    Para,
    Styles,
    grid_table,
    place_and_date,
    styles,
    text,
    two_digits,
    underline_rule,
)
from app.paper.render.model import OfficeInfo
from app.paper.render.pages import A4_WIDTH, Margins, PageMarks, build_pdf, story_height
from app.paper.render.qr import QRFlowable
from app.paper.render.templates import GUIDE

TITLE = GUIDE.title
PORTAL_HINT = "Quét mã QR để xem thủ tục trên Cổng Dịch vụ công quốc gia"
_ROLL_WIDTH = 80 * mm
_SIDE = 4 * mm


@dataclass(frozen=True)
class GuideComponent:
    name: str
    originals: int = 0
    copies: int = 0
    required: bool = True


@dataclass(frozen=True)
class ProcedureGuide:
    """A procedure as the guide prints it, already looked up and worded."""

    code: str
    name: str
    field: str | None
    components: tuple[GuideComponent, ...]
    # "50.000 đồng/trường hợp" or "Không thu phí, lệ phí".
    fee_text: str
    exemptions: tuple[str, ...] = ()
    fee_note: str | None = None
    # "một (01) ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ"
    processing_words: str = ""
    result_place: str = ""
    result_ways: str = ""
    portal_url: str | None = None


def _components(guide: ProcedureGuide, st: Styles, width: float) -> Flowable:
    count_w = st.size * 3.6
    index_w = st.size * 2.2
    rows: list[list[object]] = [
        [
            Para("TT", st.cell_head),
            Para("Tên giấy tờ", st.cell_head),
            Para("Bản chính", st.cell_head),
            Para("Bản sao", st.cell_head),
        ]
    ]
    for index, comp in enumerate(guide.components, start=1):
        name = text(comp.name) + ("" if comp.required else " <i>(nếu có)</i>")
        rows.append(
            [str(index), Para(name, st.cell), two_digits(comp.originals), two_digits(comp.copies)]
        )
    if not guide.components:
        rows.append(["", Para("(Không yêu cầu giấy tờ)", st.cell), "", ""])
    widths = [index_w, width - index_w - 2 * count_w, count_w, count_w]
    return grid_table(rows, widths, st, centred_columns=(0, 2, 3))


def _story(
    office: OfficeInfo, guide: ProcedureGuide, st: Styles, width: float, when: datetime
) -> list[Flowable]:
    story: list[Flowable] = [
        Para(text(office.name.upper()), st.header),
        Para(text(office.unit_name.upper()), st.header_bold),
        underline_rule(office.unit_name.upper(), SERIF_BOLD, st.size - 1, ratio=0.3),
        Para(text(TITLE.upper()), st.title),
        Para(f"<b>{text(guide.name)}</b>", st.body_center),
        Para(
            f"Mã thủ tục: {text(guide.code)}"
            + (f" – Lĩnh vực: {text(guide.field)}" if guide.field else ""),
            st.italic_center,
        ),
        Spacer(1, st.size * 0.5),
        Para("<b>1. Thành phần hồ sơ</b> (số lượng: 01 bộ):", st.body_left),
        _components(guide, st, width),
        Spacer(1, st.size * 0.4),
        Para(f"<b>2. Phí, lệ phí:</b> {text(guide.fee_text)}", st.body_left),
    ]
    for line in guide.exemptions:
        story.append(Para(f"– Miễn: {text(line)}", st.body_hanging))
    if guide.fee_note:
        story.append(Para(f"<i>{text(guide.fee_note)}</i>", st.body_hanging))
    story += [
        Para(f"<b>3. Thời hạn giải quyết:</b> {text(guide.processing_words)}", st.body_left),
        Para(
            f"<b>4. Nơi nhận kết quả:</b> {text(guide.result_place or office.unit_name)}"
            + (f"; {text(guide.result_ways)}" if guide.result_ways else ""),
            st.body_left,
        ),
        Para(
            f"<b>5. Nơi nộp hồ sơ:</b> {text(office.unit_name)}"
            + (f", {text(office.address)}" if office.address else "")
            + (f"; điện thoại: {text(office.phone)}" if office.phone else ""),
            st.body_left,
        ),
        Para(
            f"<b>6. Giờ làm việc:</b> {text(office.hours_text or '…………')}, "
            "từ thứ Hai đến thứ Sáu (trừ ngày nghỉ lễ, Tết)",
            st.body_left,
        ),
    ]
    if guide.portal_url:
        code = QRFlowable(guide.portal_url, 26 * mm)
        code.hAlign = "CENTER"
        story += [Spacer(1, 2 * mm), code, Para(text(PORTAL_HINT), st.small_center)]
    story.append(Spacer(1, 2 * mm))
    story.append(Para(f"<i>{place_and_date(office, when)}</i>", st.small_center))
    return story


def render_guide(
    office: OfficeInfo,
    guide: ProcedureGuide,
    *,
    layout: str = "a4",
    printed_at: datetime | None = None,
) -> bytes:
    """The guide as PDF bytes, on one A4 page or one strip of 80 mm roll."""
    when = printed_at or datetime.now()
    title = f"{TITLE} {guide.code}"
    if layout == "a4":
        st = styles(12, justify=False)
        return build_pdf(
            _story(office, guide, st, A4_WIDTH, when),
            pagesize=A4,
            marks=PageMarks(printed_at=printed_at, reference=guide.code),
            title=title,
        )
    if layout != "80mm":
        raise ValueError(f"Unknown guide layout: {layout!r}")
    st = styles(9.0, justify=False)
    width = _ROLL_WIDTH - 2 * _SIDE
    story = _story(office, guide, st, width, when)
    margins = Margins(left=_SIDE, right=_SIDE, top=4 * mm, bottom=6 * mm)
    height = story_height(story, width) + margins.top + margins.bottom + 3 * mm
    pagesize = (_ROLL_WIDTH, height)
    frame = Frame(
        margins.left,
        margins.bottom,
        width,
        height - margins.top - margins.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="roll",
    )
    return build_pdf(
        story,
        pagesize=pagesize,
        marks=PageMarks(printed_at=printed_at, footer=False),
        title=title,
        margins=margins,
        page_templates=[PageTemplate(id="roll", frames=[frame], pagesize=pagesize)],
    )
