"""Building blocks shared by every form: styles, header, signatures, page setup.

The layout follows Vietnamese administrative papers (Decree 30/2020 style):
agency block top left, national name and motto top right, place and date in
italics under the motto, a bold centred title, serif body text, and signature
blocks with the hint "(Ký và ghi rõ họ tên)".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from app.domain.formatting import format_long_date, format_long_datetime
from app.paper.render.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from app.paper.render.model import DossierInfo, OfficeInfo

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_HINT = "(Ký và ghi rõ họ tên)"
# What a clerk fills in by hand where the data is missing.
DOTS = "…………………………"


@lru_cache(maxsize=1024)
def _parsed(markup: str, style: ParagraphStyle) -> tuple[str, ParagraphStyle, list] | None:
    """A paragraph's markup parsed into fragments, or None where the parse
    gives more than plain fragments (bullets) and is left to reportlab."""
    cleaned = cleanBlockQuotedText(markup)
    parser = ParaParser()
    parsed_style, frags, bullet = parser.parse(cleaned, style)
    if frags is None or bullet:
        return None
    textTransformFrags(frags, style)
    return cleaned, parsed_style, frags


class Para(Paragraph):
    """A Paragraph that skips re-measuring at a width it was just measured at,
    and parses markup it has parsed before only once per process.

    Tables measure each cell when sizing columns and again when drawing, and
    nested tables multiply that; breaking the same lines again at the same
    width was a third of the time of a receipt. Most of a form's paragraphs
    (headings, labels, the header) are the same on every form.
    """

    _measured_at: float | None = None

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        parsed = _parsed(text, style)
        if parsed is None:
            super().__init__(text, style)
            return
        cleaned, parsed_style, frags = parsed
        # Fresh fragment objects: reportlab may set attributes on them.
        super().__init__(cleaned, parsed_style, frags=[frag.clone() for frag in frags])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth == self._measured_at:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._measured_at = availWidth
        return width, height


class MeasuredTable(Table):
    """A Table that skips re-measuring at the size it was just measured at.

    The two copies of a receipt share their tables, and the frame measures
    each again where the second copy places it, at the same size.
    """

    _measured_at: tuple[float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if (availWidth, availHeight) == self._measured_at:
            return self._width, self._height
        size = super().wrap(availWidth, availHeight)
        self._measured_at = (availWidth, availHeight)
        return size


def text(value: object) -> str:
    """Paragraph-safe text: NFC (so each letter is one glyph) and XML-escaped."""
    if value is None:
        return ""
    return escape(unicodedata.normalize("NFC", str(value)))


def plain(value: object) -> str:
    """NFC text for canvas drawing, where no markup is parsed."""
    return "" if value is None else unicodedata.normalize("NFC", str(value))


NBSP = "\u00a0"


def long_datetime(value: datetime, *, breakable: bool = True) -> str:
    """'09 giờ 05 phút, ngày 13 tháng 02 năm 2026' for a Paragraph.

    Non-breaking spaces keep each half together (or the whole when not
    ``breakable``): a date split as "ngày 23 tháng" / "02 năm 2026" is easy
    to misread.
    """
    halves = [NBSP.join(half.split(" ")) for half in format_long_datetime(value).split(", ")]
    return text(("," + (" " if breakable else NBSP)).join(halves))


def or_dots(value: object) -> str:
    """Escaped value, or a dotted line to fill by hand when it is empty."""
    rendered = text(value).strip()
    return rendered if rendered else DOTS


def two_digits(count: int) -> str:
    """Counts on forms are written with two digits: 1 → '01'; none is '0', not '00'."""
    return f"{count:02d}" if count else "0"


@dataclass(frozen=True)
class Styles:
    """Paragraph styles for one body size."""

    size: float
    body: ParagraphStyle
    body_indent: ParagraphStyle
    body_hanging: ParagraphStyle
    body_left: ParagraphStyle
    body_center: ParagraphStyle
    body_right: ParagraphStyle
    italic_center: ParagraphStyle
    italic_right: ParagraphStyle
    bold_center: ParagraphStyle
    header: ParagraphStyle
    header_bold: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle


@lru_cache(maxsize=8)
def styles(size: float = 13, *, justify: bool = True) -> Styles:
    """Styles scaled from a body size (13 pt on A4, smaller on compact layouts).

    Narrow columns read better ragged-right: justified text opens wide gaps.
    """
    register_fonts()
    body_align = TA_JUSTIFY if justify else TA_LEFT
    leading = size * 1.25
    head = size - 1 if size > 10 else size

    def make(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": SERIF,
            "fontSize": size,
            "leading": leading,
            "alignment": TA_LEFT,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    cell_size = size - 1
    # Captions under QR codes must stay readable on a roll printer too.
    small_size = max(size - 3, 7.5)
    return Styles(
        size=size,
        body=make("body", alignment=body_align, spaceAfter=size * 0.12),
        body_indent=make(
            "body_indent", alignment=body_align, firstLineIndent=size * 2, spaceAfter=size * 0.12
        ),
        body_left=make("body_left", spaceAfter=size * 0.12),
        body_hanging=make(
            "body_hanging",
            alignment=body_align,
            leftIndent=size * 2.2,
            firstLineIndent=-size * 1.1,
            spaceAfter=size * 0.12,
        ),
        body_center=make("body_center", alignment=TA_CENTER),
        body_right=make("body_right", alignment=2),
        italic_center=make("italic_center", fontName=SERIF_ITALIC, alignment=TA_CENTER),
        italic_right=make("italic_right", fontName=SERIF_ITALIC, alignment=2),
        bold_center=make("bold_center", fontName=SERIF_BOLD, alignment=TA_CENTER),
        header=make("header", fontSize=head, leading=head * 1.25, alignment=TA_CENTER),
        header_bold=make(
            "header_bold",
            fontName=SERIF_BOLD,
            fontSize=head,
            leading=head * 1.25,
            alignment=TA_CENTER,
        ),
        title=make(
            "title",
            fontName=SERIF_BOLD,
            fontSize=size + 1,
            leading=(size + 1) * 1.3,
            alignment=TA_CENTER,
            spaceBefore=size * 0.9,
        ),
        subtitle=make("subtitle", fontName=SERIF_BOLD, alignment=TA_CENTER),
        cell=make("cell", fontSize=cell_size, leading=cell_size * 1.22),
        cell_center=make(
            "cell_center", fontSize=cell_size, leading=cell_size * 1.22, alignment=TA_CENTER
        ),
        cell_head=make(
            "cell_head",
            fontName=SERIF_BOLD,
            fontSize=cell_size,
            leading=cell_size * 1.22,
            alignment=TA_CENTER,
        ),
        small=make("small", fontSize=small_size, leading=small_size * 1.25),
        small_center=make(
            "small_center", fontSize=small_size, leading=small_size * 1.25, alignment=TA_CENTER
        ),
    )


def place_and_date(office: OfficeInfo, when: date | datetime) -> str:
    """'Hà Nội, ngày 13 tháng 02 năm 2026' (escaped for a Paragraph)."""
    return f"{text(office.province_place)}, {format_long_date(when)}"


def underline_rule(label: str, font: str, size: float, *, ratio: float = 1.0) -> HRFlowable:
    """The thin line drawn under the motto and the agency name on official papers.

    A separate rule, not <u>, keeps it clear of dots below letters (ạ, ự).
    """
    width = stringWidth(plain(label), font, size) * ratio
    return HRFlowable(
        width=width,
        thickness=0.6,
        color=colors.black,
        spaceBefore=2.5,
        spaceAfter=2,
        hAlign="CENTER",
    )


def _fitted(line: str, style: ParagraphStyle, width: float) -> ParagraphStyle:
    """The style, a little smaller if that keeps an agency name on one line.

    Agency names wrapped a word before their end ("… HOÀN / KIẾM") look
    careless; shrinking by up to 1.5 pt avoids most of those breaks.
    """
    natural = stringWidth(plain(line), style.fontName, style.fontSize)
    if natural <= width:
        return style
    size = style.fontSize * width / natural
    if size < style.fontSize - 1.5:
        return style
    return _resized(style, round(size - 0.05, 1))


@lru_cache(maxsize=64)
def _resized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.25)


def header_block(
    office: OfficeInfo,
    st: Styles,
    width: float,
    *,
    when: date | datetime,
    number: str | None = None,
    include_unit: bool = True,
    subject: str | None = None,
) -> Table:
    """Agency block on the left, national name and motto on the right.

    Decree 30/2020: the issuing body in bold under the body it belongs to.
    Slips come from the one-stop unit (governing body, then the unit); a
    letter from a People's Committee carries its name alone
    (``include_unit=False``), unless the office issues letters under the
    unit's own name (a provincial centre). ``subject`` is a letter's "V/v"
    line, under its number.
    """
    # The national name must stay on one line; the agency block takes the rest.
    right_min = stringWidth(NATIONAL_NAME, SERIF_BOLD, st.header_bold.fontSize) + 8
    left_width = width - max(width * 0.54, right_min)
    with_unit = include_unit or office.letters_by_unit
    if with_unit:
        lines = [(office.name, st.header), (office.unit_name, st.header_bold)]
    else:
        lines = [(office.name, st.header_bold)]
    left: list[Flowable] = [
        Para(text(line.upper()), _fitted(line.upper(), style, left_width - 4))
        for line, style in lines
    ]
    # The rule under the agency block is a third of the last line, as on paper.
    left.append(underline_rule(lines[-1][0].upper(), SERIF_BOLD, st.size - 1, ratio=0.35))

    right: list[Flowable] = [
        Para(NATIONAL_NAME, st.header_bold),
        Para(MOTTO, _resized(st.header_bold, st.size)),
        underline_rule(MOTTO, SERIF_BOLD, st.size),
    ]
    number_cell: list[Flowable] | str = ""
    if number is not None:
        number_cell = [Para(f"Số: {or_dots(number)}", st.header)]
        if subject:
            number_cell.append(Para(text(subject), _resized(st.header, st.size - 1)))
    date_line = Para(place_and_date(office, when), st.italic_center)
    table = MeasuredTable(
        [[left, right], [number_cell, date_line]],
        colWidths=[left_width, width - left_width],
        hAlign="CENTER",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # Centres the rules under the agency name and the motto.
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def title_block(title: str, st: Styles, *, subtitle: str | None = None) -> list[Flowable]:
    """Bold centred title (upper case) and an optional bold subtitle line."""
    out: list[Flowable] = [Para(text(title.upper()), st.title)]
    if subtitle:
        out.append(Para(text(subtitle), st.subtitle))
    out.append(Spacer(1, st.size * 0.6))
    return out


def field(label: str, value: object, st: Styles, *, bold: bool = False) -> Para:
    """'Label: value', value in bold if asked, dots when the value is empty."""
    shown = or_dots(value)
    if bold and shown != DOTS:
        shown = f"<b>{shown}</b>"
    return Para(f"{text(label)}: {shown}", st.body)


def fields_inline(pairs: Sequence[tuple[str, object]], st: Styles) -> Para:
    """Several short fields on one line: 'Điện thoại: …; Email: …'."""
    parts = [f"{text(label)}: {or_dots(value)}" for label, value in pairs]
    return Para("; ".join(parts), st.body)


@dataclass(frozen=True)
class Signature:
    """One signature column: who signs, an optional hint, and the printed name.

    ``authority`` is the "TM. ỦY BAN NHÂN DÂN" line printed in capitals above
    the title when the head signs on behalf of a collective body.
    """

    role: str
    name: str | None = None
    hint: str = SIGN_HINT
    above: str | None = None
    authority: str | None = None


def signature_row(
    signatures: Sequence[Signature],
    st: Styles,
    width: float,
    *,
    gap: float = 22 * mm,
    left: Sequence[Flowable] | None = None,
) -> Flowable:
    """Signature columns side by side, on one page with their names.

    Names sit in a row of their own so they line up even when one role
    wraps onto two lines and the other does not. A single signature goes on
    the right half, as on official letters, with ``left`` (e.g. the list of
    recipients) beside it.
    """
    roles: list[object] = []
    names: list[object] = []
    if len(signatures) == 1:
        roles.append(list(left) if left else "")
        names.append("")
    for sig in signatures:
        # One paragraph per column: role, hint and any line above it.
        lines = [f"<i>{sig.above}</i>"] if sig.above else []
        if sig.authority:
            lines.append(f"<b>{text(upper_authority(sig.authority))}</b>")
        lines.append(f"<b>{text(sig.role.upper())}</b>")
        if sig.hint:
            lines.append(f"<i>{text(sig.hint)}</i>")
        roles.append(Para("<br/>".join(lines), st.body_center))
        names.append(Para(f"<b>{text(sig.name)}</b>", st.body_center) if sig.name else "")
    count = len(roles)
    table = MeasuredTable([roles, names], colWidths=[width / count] * count)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 1), (-1, 1), gap),
            ]
        )
    )
    # A one-row table never splits, so wrapping the two rows in one keeps the
    # names with their roles (KeepTogether would not survive ScaledBlock).
    outer = MeasuredTable([[table]], colWidths=[width])
    outer.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    outer.spaceBefore = st.size * 0.6
    return outer


def upper_authority(line: str) -> str:
    """'TM. Ủy ban nhân dân' → 'TM. ỦY BAN NHÂN DÂN' (the abbreviation keeps its case)."""
    head, sep, body = line.partition(". ")
    if sep and head.upper() in ("TM", "KT", "TL", "TUQ", "Q"):
        return f"{head.upper()}. {body.upper()}"
    return line.upper()


def letter_signature(office: OfficeInfo, name: str | None, title: str | None = None) -> Signature:
    """The head's signature on a letter, on behalf of the body when it is collective."""
    return Signature(
        title or office.signer_title,
        name or None,
        hint="",
        authority=office.signer_for or None,
    )


def salutation_line(dossier: DossierInfo) -> str:
    """'Kính gửi: Bà <b>Nguyễn Thị …</b>' with the salutation the recorded sex gives."""
    applicant = dossier.applicant
    return f"Kính gửi: {applicant.salutation} <b>{text(applicant.full_name)}</b>"


def recipients(lines: Sequence[str], st: Styles) -> list[Flowable]:
    """The 'Nơi nhận:' list printed beside the signature of an official letter."""
    out: list[Flowable] = [Para("<b><i>Nơi nhận:</i></b>", st.small)]
    out += [Para(f"- {text(line)}", st.small) for line in lines]
    return out


def applicant_fields(
    dossier: DossierInfo, st: Styles, *, name_label: str = "Tiếp nhận hồ sơ của"
) -> list[Flowable]:
    """Applicant name, identity number, address, phone and e-mail, and the request."""
    applicant = dossier.applicant
    out: list[Flowable] = [field(name_label, applicant.full_name, st, bold=True)]
    if applicant.id_number:
        out.append(field("Số định danh cá nhân/CCCD", applicant.id_number, st))
    out.append(field("Địa chỉ", applicant.address, st))
    out.append(fields_inline([("Số điện thoại", applicant.phone), ("Email", applicant.email)], st))
    out.append(Para(f"Nội dung yêu cầu giải quyết: {request_text(dossier)}", st.body))
    return out


def request_text(dossier: DossierInfo) -> str:
    """The procedure asked for, with its code and field (escaped)."""
    extra = [f"mã thủ tục: {text(dossier.procedure_code)}"] if dossier.procedure_code else []
    if dossier.field:
        extra.append(f"lĩnh vực: {text(dossier.field)}")
    suffix = f" ({'; '.join(extra)})" if extra else ""
    return f"{text(dossier.procedure_name)}{suffix}"


def grid_table(
    rows: list[list[object]],
    col_widths: Sequence[float],
    st: Styles,
    *,
    header_rows: int = 1,
    centred_columns: Sequence[int] = (),
) -> Table:
    """A ruled table whose header rows repeat on every page it flows onto.

    Plain strings may stand in cells that never wrap (numbers, counts): they
    are drawn directly, far cheaper than a Paragraph each.
    """
    table = MeasuredTable(rows, colWidths=list(col_widths), repeatRows=header_rows, hAlign="CENTER")
    cell = st.cell
    table.setStyle(
        TableStyle(
            [
                *[("ALIGN", (col, 0), (col, -1), "CENTER") for col in centred_columns],
                ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
                ("LEADING", (0, 0), (-1, -1), cell.leading),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table
