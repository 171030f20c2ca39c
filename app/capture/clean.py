"""Turning a raw capture into the page that is kept.

Order matters: the page is first found (perspective for photographs, the
sheet's edges on a scanner's dark backing), then levelled by its text, then
its paper is made white and its colour decided. Whitening the paper is what
makes a page both more legible and several times smaller: the scanner's
grain on an empty background costs JPEG more than the text does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from app.capture import geometry
from app.capture.pages import Page
from app.domain.errors import DomainError

COLOUR_MODES = ("auto", "colour", "gray", "bw")
# Paper sizes used when a picture does not say its resolution (photographs).
A4_LONG_INCHES = 297 / 25.4
# Colour decision: a pixel is coloured when its channels differ this much;
# a page is colour when enough pixels are (a stamp, a signature in blue ink).
CHROMA = 40
COLOUR_SHARE = 0.0002
# Bilevel decision: grey pixels not touching text (shading, photos, pencil).
LOOSE_GRAY_SHARE = 0.004
BILEVEL_THRESHOLD = 165
BLANK_INK_SHARE = 0.0015


@dataclass(frozen=True)
class CleanOptions:
    """What the clerk (or the office setting) chose for a capture."""

    deskew: bool = True
    crop: bool = True
    perspective: bool | None = None  # None: only for photographed pages
    colour: str = "auto"

    def __post_init__(self) -> None:
        if self.colour not in COLOUR_MODES:
            raise DomainError(
                "bad_colour_mode",
                f"Chế độ màu “{self.colour}” không hợp lệ (auto, colour, gray, bw).",
                f"Unknown colour mode “{self.colour}” (auto, colour, gray, bw).",
                field="colour",
            )


@dataclass(frozen=True)
class CleanedPage:
    image: Image.Image  # RGB for colour, L for gray, 1 for bw
    kind: str  # "colour" | "gray" | "bw"
    dpi: float
    skew: float  # degrees of counter-clockwise tilt that were corrected
    reframed: bool  # perspective corrected or cropped to the sheet


def estimated_dpi(image: Image.Image) -> float:
    """Resolution of a page whose file does not say, taking it to be A4 (the usual form)."""
    return max(image.size) / A4_LONG_INCHES


def clean_page(page: Page, options: CleanOptions | None = None) -> CleanedPage:
    return clean_image(page.load(), dpi=page.dpi, camera=page.camera, options=options)


def clean_image(
    image: Image.Image,
    *,
    dpi: float | None,
    camera: bool = False,
    options: CleanOptions | None = None,
) -> CleanedPage:
    options = options or CleanOptions()
    bilevel_input = image.mode == "1"
    reframed = False
    perspective = camera if options.perspective is None else options.perspective
    if perspective:
        quad = geometry.find_page_quad(image)
        if quad is not None:
            image, reframed = geometry.warp(image, quad), True
        # A photograph's own dpi (72) says nothing about the paper.
        dpi = estimated_dpi(image)
    elif options.crop and not bilevel_input and geometry.has_dark_border(image):
        rect = geometry.find_page_rect(image)
        if rect is not None:
            image, reframed = geometry.warp(image, rect), True
    if dpi is None:
        dpi = estimated_dpi(image)
    skew = 0.0
    if options.deskew:
        skew = geometry.estimate_skew(image)
        image = geometry.deskew(image, skew)
    if bilevel_input and options.colour in ("auto", "bw"):
        return CleanedPage(to_bilevel(image, normalised=True), "bw", dpi, skew, reframed)
    if camera:
        image = flatten_lighting(image)
    image = whiten(image)
    kind = classify(image) if options.colour == "auto" else options.colour
    if kind == "colour":
        image = image.convert("RGB")
    elif kind == "gray":
        image = image.convert("L")
    else:
        image = to_bilevel(image, normalised=True)
    return CleanedPage(image, kind, dpi, skew, reframed)


def whiten(image: Image.Image) -> Image.Image:
    """Stretch levels so the paper is white and the ink black, per channel.

    The paper's colour is the median of the bright pixels, so a cream or
    greyish sheet becomes white without shifting a red stamp's hue.
    """
    if image.mode == "1":
        return image
    source = image if image.mode in ("RGB", "L") else image.convert("RGB")
    small = source.reduce(max(1, -(-max(source.size) // 600)))
    pixels = np.asarray(small).reshape(-1, len(source.getbands())).astype(np.int16)
    luma = pixels.mean(axis=1)
    bright = pixels[luma >= np.percentile(luma, 60)]
    if bright.size == 0:
        return source
    paper = np.median(bright, axis=0)
    # A page that is mostly dark (a photo, a black ID card) has no paper to find.
    if float(paper.min()) < 150:
        return source
    ink = float(np.percentile(luma, 0.5))
    black = min(max(ink, 0.0), 90.0)
    luts: list[int] = []
    for white in paper:
        top = max(float(white) - 12.0, black + 40.0)
        luts.extend(int(np.clip((v - black) * 255.0 / (top - black), 0, 255)) for v in range(256))
    return source.point(luts)


def flatten_lighting(image: Image.Image) -> Image.Image:
    """Even out a photograph's lighting by dividing by the blurred paper brightness."""
    import cv2

    pixels = np.asarray(image.convert("RGB") if image.mode not in ("RGB", "L") else image)
    h, w = pixels.shape[:2]
    scale = 400 / max(h, w)
    small = cv2.resize(
        pixels, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA
    )
    # Dilating removes the text, leaving the paper's brightness everywhere.
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (15, 15))
    background = cv2.GaussianBlur(cv2.dilate(small, kernel), (0, 0), 8)
    background = cv2.resize(background, (w, h), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(pixels, np.maximum(background, 1), scale=255)
    return Image.fromarray(flat)


def classify(image: Image.Image) -> str:
    """``colour``, ``gray`` or ``bw`` for a whitened page."""
    if image.mode == "1":
        return "bw"
    if image.mode == "RGB" and _has_colour(image):
        return "colour"
    return "bw" if _is_text_only(image.convert("L")) else "gray"


def _has_colour(image: Image.Image) -> bool:
    import cv2

    pixels = np.asarray(image)
    # Half size first: the decision needs no finer detail, and it halves the work.
    pixels = cv2.resize(
        pixels, (pixels.shape[1] // 2, pixels.shape[0] // 2), interpolation=cv2.INTER_AREA
    )
    # Averaging over a few pixels cancels a scanner's colour fringes (one
    # channel shifted along black strokes: red on one side, cyan on the
    # other) but leaves a pen stroke or a stamp coloured.
    window = max(2, round(max(pixels.shape) / 330))
    pixels = cv2.blur(pixels, (window, window))
    red, green, blue = cv2.split(pixels)
    chroma = cv2.subtract(cv2.max(cv2.max(red, green), blue), cv2.min(cv2.min(red, green), blue))
    share = cv2.countNonZero(cv2.compare(chroma, CHROMA, cv2.CMP_GT)) / chroma.size
    return share > COLOUR_SHARE


def _is_text_only(gray: Image.Image) -> bool:
    """True when every grey pixel sits on the edge of a stroke (anti-aliasing).

    Grey away from strokes means shading, a photo or faint pencil, which a
    black-and-white page would lose.
    """
    import cv2

    pixels = np.asarray(gray)
    ink = (pixels < 96).astype(np.uint8)
    near_ink = cv2.dilate(ink, np.ones((5, 5), np.uint8)).astype(bool)
    loose = (pixels >= 96) & (pixels < 224) & ~near_ink
    return float(loose.mean()) < LOOSE_GRAY_SHARE


def to_bilevel(image: Image.Image, *, normalised: bool = False) -> Image.Image:
    """Black and white; faint strokes are kept by a threshold on the light side."""
    if image.mode == "1":
        return image
    gray = image.convert("L")
    if not normalised:
        gray = whiten(gray)
    lut = [255 if v >= BILEVEL_THRESHOLD else 0 for v in range(256)]
    return gray.point(lut).convert("1", dither=Image.Dither.NONE)


def is_blank(image: Image.Image) -> bool:
    """A page with (almost) no ink: the back of a one-sided sheet."""
    small = image.convert("L")
    small.thumbnail((800, 800))
    pixels = np.asarray(whiten(small))
    return float((pixels < 128).mean()) < BLANK_INK_SHARE
