"""PDF files as pages: a scanner's image pages taken as they are, other pages rasterised.

A PDF a scanner made holds one image per page; that image is the page, so it
is taken out without a second rendering. Any other page (a born-digital
document a citizen brings on a USB stick) is rendered by PDFium at 200 dpi.
"""

from __future__ import annotations

import io

import pikepdf
from PIL import Image

from app.capture.guards import (
    MAX_PDF_SIDE_INCHES,
    RASTER_DPI,
    check_page_total,
    check_pixels,
    damaged,
    plain_mode,
    refuse,
)
from app.capture.pages import Page
from app.infra.pdfium import LOCK as pdfium_lock

# PDFium keeps global state and is not thread-safe; pages render one at a time.
_pdfium_lock = pdfium_lock


def pdf_pages(label: str, data: bytes, source: str) -> list[Page]:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise refuse(
            "encrypted_pdf",
            label,
            "PDF có mật khẩu; hãy mở khóa trước khi đính kèm.",
            "the PDF is password-protected; unlock it first.",
        ) from None
    except (pikepdf.PdfError, ValueError, OSError):
        raise damaged(label, "pdf") from None
    with pdf:
        try:
            count = len(pdf.pages)
        except (pikepdf.PdfError, ValueError, RecursionError):
            raise damaged(label, "pdf") from None
        if count == 0:
            raise refuse("empty_pdf", label, "PDF không có trang nào.", "the PDF has no pages.")
        check_page_total(count, label)
        pages = []
        for index in range(count):
            shown = label if count == 1 else f"{label} #{index + 1}"
            pages.append(_pdf_page(pdf, data, index, label, shown, source))
    return pages


def _page_box(page: pikepdf.Page, label: str) -> tuple[float, float, int]:
    try:
        box = [float(v) for v in page.mediabox]
        rotate = int(page.obj.get("/Rotate", 0)) % 360
    except (pikepdf.PdfError, ValueError, TypeError):
        raise damaged(label, "pdf") from None
    width, height = abs(box[2] - box[0]) / 72, abs(box[3] - box[1]) / 72
    if not (0 < width <= MAX_PDF_SIDE_INCHES and 0 < height <= MAX_PDF_SIDE_INCHES):
        raise refuse(
            "image_too_large",
            label,
            "trang PDF có kích thước bất thường; tệp không được nhận.",
            "a PDF page has an implausible size; refused.",
        )
    return width, height, rotate


def _sole_image(page: pikepdf.Page, width_in: float, height_in: float) -> pikepdf.Object | None:
    """The page's only image, if the page is nothing but that image (a scan)."""
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    fonts = resources.get("/Font")
    if fonts is not None and len(fonts.keys()):
        return None
    xobjects = resources.get("/XObject")
    if xobjects is None or len(xobjects.keys()) != 1:
        return None
    xobj = xobjects[next(iter(xobjects.keys()))]
    if xobj.get("/Subtype") != "/Image":
        return None
    w, h = int(xobj.get("/Width", 0)), int(xobj.get("/Height", 0))
    if w <= 0 or h <= 0:
        return None
    # A scanner's page is one image filling the page; anything else is a layout.
    if abs((w / h) / (width_in / height_in) - 1) > 0.03:
        return None
    return xobj


def _pdf_page(
    pdf: pikepdf.Pdf, data: bytes, index: int, label: str, shown: str, source: str
) -> Page:
    page = pdf.pages[index]
    width_in, height_in, rotate = _page_box(page, label)
    try:
        xobj = _sole_image(page, width_in, height_in)
    except (pikepdf.PdfError, ValueError, TypeError):
        xobj = None
    if xobj is not None:
        w, h = int(xobj.Width), int(xobj.Height)
        check_pixels(w, h, label)
        opener = _pdf_image_opener(data, index, label, rotate)
        opener()  # decoded once now, so a damaged stream is refused at import
        return Page(opener, source, shown, w / width_in)
    check_pixels(round(width_in * RASTER_DPI), round(height_in * RASTER_DPI), label)
    return Page(_pdf_raster_opener(data, index, label), source, shown, float(RASTER_DPI))


def _pdf_image_opener(data: bytes, index: int, label: str, rotate: int):
    def open_page() -> Image.Image:
        try:
            with pikepdf.open(io.BytesIO(data)) as pdf:
                page = pdf.pages[index]
                xobjects = page.obj.Resources.XObject
                xobj = xobjects[next(iter(xobjects.keys()))]
                image = pikepdf.PdfImage(xobj).as_pil_image()
                image.load()
        except (pikepdf.PdfError, pikepdf.PikepdfError, ValueError, OSError, NotImplementedError):
            raise damaged(label, "pdf") from None
        image = plain_mode(image)
        # /Rotate turns the page clockwise for display; the image must follow.
        turns = {
            90: Image.Transpose.ROTATE_270,
            180: Image.Transpose.ROTATE_180,
            270: Image.Transpose.ROTATE_90,
        }
        return image.transpose(turns[rotate]) if rotate in turns else image

    return open_page


def _pdf_raster_opener(data: bytes, index: int, label: str):
    def open_page() -> Image.Image:
        try:
            import pypdfium2 as pdfium
        except ImportError:  # pragma: no cover - a packaging fault, not user input
            raise refuse(
                "cannot_rasterise",
                label,
                "trang PDF không phải ảnh quét và máy thiếu thư viện PDFium để chuyển thành ảnh.",
                "a PDF page is not a scanned image and PDFium is missing to rasterise it.",
            ) from None
        with _pdfium_lock:
            try:
                document = pdfium.PdfDocument(data)
                try:
                    bitmap = document[index].render(scale=RASTER_DPI / 72)
                    image = bitmap.to_pil().convert("RGB")
                finally:
                    document.close()
            except pdfium.PdfiumError:
                raise damaged(label, "pdf") from None
        return image

    return open_page
