"""Limits every imported file is held to, and the refusals that name the file.

A file from outside is bounded before it is decoded: its size, its page
count and each page's pixel count. Pillow's own decompression-bomb check is
a backstop; these limits are lower and give a message the clerk can act on.
"""

from __future__ import annotations

from PIL import Image, ImageFile

from app.domain.errors import DomainError

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_PAGES = 500
# A3 at 600 dpi is 70 million pixels; anything larger is not a paper page.
MAX_PAGE_PIXELS = 80_000_000
MAX_SIDE = 20_000
# A0 is 33 × 47 inches; a "page" beyond 50 inches would rasterise to a bomb.
MAX_PDF_SIDE_INCHES = 50
RASTER_DPI = 200
MAX_NAME = 255

KINDS = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF", "pdf": "PDF"}
# Truncated images must fail, whatever another module may have set.
ImageFile.LOAD_TRUNCATED_IMAGES = False


def refuse(code: str, label: str, vi: str, en: str) -> DomainError:
    return DomainError(code, f"Tệp “{label}”: {vi}", f"File “{label}”: {en}", field="files")


def check_size(size: int, label: str) -> None:
    if size == 0:
        raise refuse("empty_file", label, "rỗng (0 byte).", "is empty (0 bytes).")
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise refuse(
            "file_too_large",
            label,
            f"lớn hơn {limit} MB; hãy chia nhỏ khi quét.",
            f"is larger than {limit} MB; split it when scanning.",
        )


def check_page_total(count: int, label: str | None = None) -> None:
    if count > MAX_PAGES:
        where_vi = f"Tệp “{label}” có" if label else "Các tệp có tổng cộng"
        where_en = f"File “{label}” has" if label else "The files have"
        raise DomainError(
            "too_many_pages",
            f"{where_vi} {count} trang, vượt giới hạn {MAX_PAGES} trang cho một thành phần.",
            f"{where_en} {count} pages, more than the {MAX_PAGES}-page limit of a component.",
            field="files",
        )


def check_pixels(width: int, height: int, label: str) -> None:
    if (
        width <= 0
        or height <= 0
        or width > MAX_SIDE
        or height > MAX_SIDE
        or (width * height > MAX_PAGE_PIXELS)
    ):
        raise refuse(
            "image_too_large",
            label,
            f"ảnh {width} × {height} điểm ảnh quá lớn cho một trang giấy (có thể là tệp "
            "độc hại); tệp không được nhận.",
            f"a {width} × {height} pixel image is too large for a paper page (possibly "
            "hostile); the file was refused.",
        )


def damaged(label: str, kind: str) -> DomainError:
    return refuse(
        "damaged_file",
        label,
        f"tệp {KINDS[kind]} bị hỏng hoặc không đầy đủ (có thể bị cắt cụt khi sao chép).",
        f"the {KINDS[kind]} file is damaged or incomplete (perhaps cut short when copied).",
    )


def plain_mode(image: Image.Image) -> Image.Image:
    """RGB, L or 1: what cleaning and encoding handle."""
    if image.mode in ("RGB", "L", "1"):
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode.startswith("I"):
        return image.convert("I").point(lambda v: v / 256).convert("L")
    return image.convert("RGB")
