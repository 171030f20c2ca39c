"""Pages: sizes, margins, what every page carries, and turning a story into PDF bytes."""

from __future__ import annotations

import io
import threading
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate

from app.domain.formatting import format_datetime
from app.paper.render.fonts import SERIF_BOLD, SERIF_ITALIC, register_fonts, seed_subsets

REPRINT_MARK = "BẢN SAO"

_STAMP_RED = colors.Color(0.75, 0.05, 0.05)

# reportlab keeps per-document state on shared font objects; two renders
# interleaving on worker threads could corrupt each other's font subsets.
_build_lock = threading.Lock()


@dataclass(frozen=True)
class Margins:
    left: float = 20 * mm
    right: float = 15 * mm
    top: float = 18 * mm
    bottom: float = 16 * mm


A4_MARGINS = Margins()


@dataclass(frozen=True)
class PageMarks:
    """What is drawn on every page outside the flowing content."""

    reprint: bool = False
    printed_at: datetime | None = None
    footer: bool = True
    # Printed in the footer (the dossier code) so a loose continuation page
    # can still be matched to its dossier.
    reference: str | None = None
    # Narrow roll paper has no room for a corner stamp: centre it instead.
    center_stamp: bool = False


def _draw_stamp(canv: Canvas, page_width: float, page_height: float, marks: PageMarks) -> None:
    size = 13
    label = REPRINT_MARK
    text_width = stringWidth(label, SERIF_BOLD, size)
    box_w, box_h = text_width + 6 * mm, size + 3 * mm
    x = (page_width - box_w) / 2 if marks.center_stamp else page_width - 12 * mm - box_w
    y = page_height - 3.5 * mm - box_h
    canv.saveState()
    canv.setStrokeColor(_STAMP_RED)
    canv.setFillColor(_STAMP_RED)
    canv.setLineWidth(1.4)
    canv.rect(x, y, box_w, box_h, stroke=1, fill=0)
    canv.setFont(SERIF_BOLD, size)
    canv.drawCentredString(x + box_w / 2, y + (box_h - size) / 2 + 2.6, label)
    canv.restoreState()


class _QuickFlate(pdfdoc.PDFStreamFilterZCompress):
    """Flate at level 1 for page streams.

    A page of text operators compresses to 5.4 KB at level 1 against 4.3 KB
    at the default level, in an eighth of the time; the font programs, which
    dominate the file, come compressed from the fonts module's cache.
    """

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


_QUICK_FLATE = _QuickFlate()


class _NumberedCanvas(Canvas):
    """Writes 'Trang N/M' once the total page count is known."""

    marks = PageMarks()

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._pages: list[dict[str, object]] = []
        # The same subsets document after document, so their embedded fonts
        # come ready-made from the fonts module's cache.
        seed_subsets(self._doc)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            Canvas.showPage(self)
            self._quick_page_stream()
        Canvas.save(self)

    def _quick_page_stream(self) -> None:
        page = self._doc.Pages.pages[-1]
        # Only when compressing as reportlab would (page compression on, no
        # ASCII85): then the stream is set here, before reportlab makes its own.
        if page.compression and not rl_config.useA85 and not page.Contents:
            page.Contents = pdfdoc.PDFStream(content=page.stream, filters=[_QUICK_FLATE])

    def _decorate(self, total: int) -> None:
        width, height = self._pagesize
        marks = self.marks
        if marks.reprint:
            _draw_stamp(self, width, height, marks)
        if not marks.footer:
            return
        parts = [marks.reference] if marks.reference else []
        if marks.printed_at is not None:
            parts.append(f"In lúc {format_datetime(marks.printed_at)}")
        if total > 1:
            parts.append(f"Trang {self._pageNumber}/{total}")
        if parts:
            self.saveState()
            self.setFont(SERIF_ITALIC, 8)
            self.setFillColor(colors.Color(0.3, 0.3, 0.3))
            self.drawCentredString(width / 2, 7 * mm, " · ".join(parts))
            self.restoreState()


def _canvas_for(marks: PageMarks) -> Callable[..., Canvas]:
    return type("_MarkedCanvas", (_NumberedCanvas,), {"marks": marks})


def build_pdf(
    story: list[Flowable],
    *,
    pagesize: tuple[float, float],
    marks: PageMarks,
    title: str,
    margins: Margins = A4_MARGINS,
    page_templates: list[PageTemplate] | None = None,
) -> bytes:
    """Lay the story out on pages and return the PDF file as bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=title,
        author="MotCua Desk",
        creator="MotCua Desk",
        lang="vi-VN",
    )
    if page_templates is None:
        frame = Frame(
            margins.left,
            margins.bottom,
            pagesize[0] - margins.left - margins.right,
            pagesize[1] - margins.top - margins.bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        page_templates = [PageTemplate(id="page", frames=[frame], pagesize=pagesize)]
    doc.addPageTemplates(page_templates)
    with _build_lock:
        # ASCII85 only matters for 7-bit mail transports; without it the file
        # is a quarter smaller and the pure-Python encoder's time is saved.
        # reportlab reads the setting only while writing, under this lock.
        saved_a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            doc.build(story, canvasmaker=_canvas_for(marks))
        finally:
            rl_config.useA85 = saved_a85
    return buffer.getvalue()


def frame_width(pagesize: tuple[float, float], margins: Margins = A4_MARGINS) -> float:
    return pagesize[0] - margins.left - margins.right


def story_height(story: Sequence[Flowable], width: float) -> float:
    """Height the story needs in a frame of ``width``, spacing included."""
    # Some flowables (KeepTogether) measure their content through a canvas.
    canv = Canvas(io.BytesIO())
    total = 0.0
    for index, flowable in enumerate(story):
        _, height = flowable.wrapOn(canv, width, 10**6)
        if isinstance(flowable, KeepTogether):
            # It reports a huge height on purpose to force a split decision;
            # the real height of its content is kept aside.
            height = flowable._H
        total += height + flowable.getSpaceAfter()
        if index:
            total += flowable.getSpaceBefore()
    return total


class ScaledBlock(Flowable):
    """A story laid out in a virtual column and drawn scaled down to fit.

    Used where a whole copy must stay within one frame (half a sheet).
    Unlike KeepInFrame, fixed-width tables shrink together with the text.
    """

    def __init__(self, story: Sequence[Flowable], virtual_width: float, scale: float) -> None:
        super().__init__()
        self.story = list(story)
        self.virtual_width = virtual_width
        self.scale = scale
        self._content_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._content_height = story_height(self.story, self.virtual_width)
        return self.virtual_width * self.scale, self._content_height * self.scale

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.scale(self.scale, self.scale)
        y = self._content_height
        for index, flowable in enumerate(self.story):
            if isinstance(flowable, KeepTogether):
                raise TypeError("ScaledBlock cannot draw KeepTogether; pass its content")
            if index:
                y -= flowable.getSpaceBefore()
            width, height = flowable.wrapOn(canv, self.virtual_width, 10**6)
            y -= height
            x = 0.0
            align = getattr(flowable, "hAlign", "LEFT")
            if align in ("CENTER", "CENTRE"):
                x = (self.virtual_width - width) / 2
            elif align == "RIGHT":
                x = self.virtual_width - width
            flowable.drawOn(canv, x, y)
            y -= flowable.getSpaceAfter()
        canv.restoreState()


def build_a4(
    story: list[Flowable],
    *,
    title: str,
    reprint: bool = False,
    printed_at: datetime | None = None,
    reference: str | None = None,
) -> bytes:
    """A portrait A4 document with the standard margins."""
    return build_pdf(
        story,
        pagesize=A4,
        marks=PageMarks(reprint=reprint, printed_at=printed_at, reference=reference),
        title=title,
    )


A4_WIDTH = A4[0] - A4_MARGINS.left - A4_MARGINS.right


class SharedDrawing(Flowable):
    """A flowable drawn more than once in a document, written to the PDF once.

    The first draw records it as a Form XObject; every draw (the first
    included) places that form, so the two copies of a receipt carry their
    common content once and the second copy costs a reference instead of
    drawing every paragraph and table again. Splitting gives up the sharing:
    the parts are plain flowables.
    """

    # Room around the flowable's box: a form clips to its bounding box, and
    # rules and glyphs may stand a little outside the box they report.
    _MARGIN = 1000.0

    def __init__(self, flowable: Flowable) -> None:
        super().__init__()
        self.flowable = flowable
        self.hAlign = getattr(flowable, "hAlign", "LEFT")
        self._form: tuple[object, str, float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self.flowable.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self.flowable.splitOn(self.canv, availWidth, availHeight)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.flowable.getSpaceAfter()

    def draw(self) -> None:
        canv = self.canv
        doc = canv._doc
        size = (self.width, self.height)
        if self._form is None or self._form[0] is not doc or self._form[2:] != size:
            # Numbered per document, so the same input gives the same file.
            doc._shared_forms = number = getattr(doc, "_shared_forms", 0) + 1
            name = f"Shared{number}"
            m = self._MARGIN
            canv.beginForm(name, -m, -m, self.width + m, self.height + m)
            self.flowable.drawOn(canv, 0, 0)
            canv.endForm()
            self._form = (doc, name, *size)
        canv.doForm(self._form[1])
