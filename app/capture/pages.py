"""The page every source produces: decoded on demand, never held whole in memory.

A stack of 200 scanned pages decoded at once would take gigabytes; a ``Page``
keeps only the encoded bytes (or a way to get them) and decodes when the
cleaning step, a thumbnail or a cover-sheet check needs the pixels.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PIL import Image

from app.domain.errors import DomainError

SOURCES = ("file", "folder", "scanner", "camera", "batch")

# The archival floor (DOMAIN.md, Digitization): below it the clerk is warned.
MIN_DPI = 200
# A5 is 148 × 210 mm; a page of less than half its area (an ID card alone,
# a receipt stub) is probably scanned on its own when it should be on a sheet.
A5_AREA_MM2 = 148 * 210
SMALL_PAGE_FRACTION = 0.5


@dataclass(frozen=True)
class Page:
    """One page image waiting in the tray.

    ``opener`` returns a freshly decoded image each call (callers may modify
    it). ``rotation`` holds the clerk's quarter turns, clockwise, applied on
    top of the decoded image, so rotating in the tray never re-encodes.
    """

    opener: Callable[[], Image.Image]
    source: str
    label: str
    dpi: float | None = None
    camera: bool = False
    rotation: int = 0
    key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def load(self) -> Image.Image:
        image = self.opener()
        turns = (self.rotation // 90) % 4
        if turns:
            # PIL turns counter-clockwise; the tray speaks clockwise.
            image = image.transpose(
                (
                    None,
                    Image.Transpose.ROTATE_270,
                    Image.Transpose.ROTATE_180,
                    Image.Transpose.ROTATE_90,
                )[turns]
            )
        return image

    def rotated(self, degrees: int) -> Page:
        if degrees % 90:
            raise DomainError(
                "bad_rotation",
                "Chỉ xoay trang theo bội số 90°.",
                "Pages turn by multiples of 90° only.",
            )
        return replace(self, rotation=(self.rotation + degrees) % 360)

    def thumbnail(self, max_side: int = 256) -> Image.Image:
        image = self.load()
        image.thumbnail((max_side, max_side))
        return image


def page_from_image(
    image: Image.Image,
    *,
    source: str,
    label: str,
    dpi: float | None = None,
    camera: bool = False,
) -> Page:
    """A page around pixels already in memory (a camera frame, a scanner callback)."""
    frozen = image.copy()
    return Page(lambda: frozen.copy(), source, label, dpi, camera)


@dataclass(frozen=True)
class CaptureWarning:
    """Something the clerk should look at before saving; never blocks the save."""

    code: str
    page: int | None
    message_vi: str
    message_en: str

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang.startswith("en") else self.message_vi

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "page": self.page, "message": self.message_vi}


def page_warnings(number: int, width_px: int, height_px: int, dpi: float) -> list[CaptureWarning]:
    """Warnings for one finished page (``number`` counts from 1)."""
    found: list[CaptureWarning] = []
    if dpi < MIN_DPI - 0.5:
        found.append(
            CaptureWarning(
                "low_dpi",
                number,
                f"Trang {number}: độ phân giải {dpi:.0f} dpi, thấp hơn mức tối thiểu "
                f"{MIN_DPI} dpi.",
                f"Page {number}: {dpi:.0f} dpi, below the {MIN_DPI} dpi floor.",
            )
        )
    width_mm = width_px / dpi * 25.4
    height_mm = height_px / dpi * 25.4
    if width_mm * height_mm < SMALL_PAGE_FRACTION * A5_AREA_MM2:
        found.append(
            CaptureWarning(
                "small_page",
                number,
                f"Trang {number}: khổ {width_mm:.0f} × {height_mm:.0f} mm, nhỏ hơn nhiều so "
                "với A5; kiểm tra lại bản chụp có đủ cả trang không.",
                f"Page {number}: {width_mm:.0f} × {height_mm:.0f} mm, much smaller than A5; "
                "check the whole page was captured.",
            )
        )
    return found
