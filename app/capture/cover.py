"""Cover sheets, and splitting a scanned stack of many dossiers at them.

The office prints one cover sheet per dossier component; its QR code holds
``MCD|<dossier code>|<component index>``. The clerk puts each sheet on top
of its component's pages, feeds the whole stack through the document feeder,
and every page after a sheet (up to the next one) goes to that component.
QR codes of other kinds on the pages themselves (a citizen ID card, a
receipt) are ignored: only the ``MCD|`` prefix marks a cover.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from PIL import Image
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.capture.pages import Page
from app.domain.codes import parse_code
from app.domain.errors import DomainError

PREFIX = "MCD"
QR_SIZE = 70 * mm
# QR detection runs on this long side: a 70 mm code stays ~8 px per module.
DETECT_SIDE = 1400


@dataclass(frozen=True)
class CoverInfo:
    code: str
    component_index: int
    component_name: str
    applicant_name: str
    procedure_name: str
    office_name: str
    received_at: datetime


@dataclass
class BatchPart:
    code: str
    component_index: int
    pages: list[Page] = field(default_factory=list)


def payload(code: str, component_index: int) -> str:
    return f"{PREFIX}|{code}|{component_index}"


def parse_payload(text: str) -> tuple[str, int] | None:
    """``(code, component)`` from a cover's QR text, or None for any other QR."""
    parts = (text or "").strip().split("|")
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    try:
        parse_code(parts[1])
        index = int(parts[2])
    except (DomainError, ValueError):
        return None
    return (parts[1], index) if index >= 0 else None


def render_covers(covers: Sequence[CoverInfo]) -> bytes:
    """One A4 page per cover, in the given order."""
    from app.paper.render.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
    from app.paper.render.qr import QRFlowable

    register_fonts()
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=A4, pageCompression=1)
    canv.setTitle("Tờ bìa số hóa hồ sơ")
    canv.setCreator("MotCua Desk")
    width, height = A4
    for cover in covers:
        centre = width / 2
        canv.setFont(SERIF, 12)
        canv.drawCentredString(centre, height - 25 * mm, cover.office_name.upper())
        canv.setFont(SERIF_BOLD, 20)
        canv.drawCentredString(centre, height - 42 * mm, "TỜ BÌA SỐ HÓA HỒ SƠ")
        canv.setFont(SERIF_ITALIC, 11)
        canv.drawCentredString(
            centre,
            height - 50 * mm,
            "Đặt tờ này lên trên các trang của thành phần rồi quét cả xấp; "
            "máy tự tách theo tờ bìa.",
        )
        qr = QRFlowable(
            payload(cover.code, cover.component_index), QR_SIZE, error_correction=ERROR_CORRECT_Q
        )
        qr.drawOn(canv, centre - qr.width / 2, height - 62 * mm - qr.height)
        y = height - 72 * mm - qr.height
        canv.setFont(SERIF_BOLD, 22)
        canv.drawCentredString(centre, y, cover.code)
        canv.setFont(SERIF_BOLD, 16)
        canv.drawCentredString(centre, y - 14 * mm, f"Thành phần số {cover.component_index}")
        lines = _wrap(cover.component_name, SERIF, 13, width - 50 * mm)
        canv.setFont(SERIF, 13)
        for i, line in enumerate(lines[:4]):
            canv.drawCentredString(centre, y - 23 * mm - i * 6 * mm, line)
        base = y - 30 * mm - len(lines[:4]) * 6 * mm
        canv.setFont(SERIF, 12)
        canv.drawString(25 * mm, base, f"Người nộp: {cover.applicant_name}")
        canv.drawString(25 * mm, base - 7 * mm, f"Thủ tục: {_clip(cover.procedure_name, 90)}")
        canv.drawString(
            25 * mm, base - 14 * mm, f"Tiếp nhận: {cover.received_at:%H:%M ngày %d/%m/%Y}"
        )
        canv.showPage()
    canv.save()
    return buf.getvalue()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def find_cover(image: Image.Image) -> tuple[str, int] | None:
    """The dossier code and component of a cover sheet, or None for an ordinary page."""
    import zxingcpp

    gray = image.convert("L")
    if max(gray.size) > DETECT_SIDE:
        gray.thumbnail((DETECT_SIDE, DETECT_SIDE))
    for result in zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode):
        found = parse_payload(result.text)
        if found is not None:
            return found
    return None


def split_batch(pages: Sequence[Page], *, skip_blank_backs: bool = True) -> list[BatchPart]:
    """The stack cut at its cover sheets; the sheets themselves are dropped.

    With a duplex scan the back of each cover sheet is an empty page; it is
    dropped when ``skip_blank_backs``. Nothing else is ever dropped.
    """
    from app.capture.clean import is_blank

    parts: list[BatchPart] = []
    after_cover = False
    for number, page in enumerate(pages, start=1):
        image = page.load()
        found = find_cover(image)
        if found is not None:
            parts.append(BatchPart(found[0], found[1]))
            after_cover = True
            continue
        if not parts:
            raise DomainError(
                "batch_without_cover",
                f"Trang {number} ({page.label}) nằm trước tờ bìa đầu tiên; mỗi xấp phải bắt "
                "đầu bằng tờ bìa của thành phần hồ sơ.",
                f"Page {number} ({page.label}) comes before the first cover sheet; a stack "
                "must start with a component's cover sheet.",
            )
        if after_cover and skip_blank_backs and is_blank(image):
            after_cover = False
            continue
        after_cover = False
        parts[-1].pages.append(page)
    if not parts:
        raise DomainError(
            "batch_empty",
            "Không có trang nào trong xấp quét.",
            "The stack has no pages.",
        )
    empty = [p for p in parts if not p.pages]
    if empty:
        names = ", ".join(f"{p.code} thành phần {p.component_index}" for p in empty)
        raise DomainError(
            "batch_empty_part",
            f"Không có trang nào sau tờ bìa của: {names}.",
            f"No pages follow the cover sheet of: {names}.",
        )
    return _merge_repeats(parts)


def _merge_repeats(parts: list[BatchPart]) -> list[BatchPart]:
    """A component whose cover appears twice gets its pages in stack order, once."""
    merged: dict[tuple[str, int], BatchPart] = {}
    for part in parts:
        key = (part.code, part.component_index)
        if key in merged:
            merged[key].pages.extend(part.pages)
        else:
            merged[key] = part
    return list(merged.values())
