"""Mixed raster: a page split into sharp ink over a soft background.

A stamped or signed form is mostly white paper and thin strokes. As one
colour JPEG it costs ~300 kB at 200 dpi, almost all of it spent on the
edges of the letters. Split into three layers it costs a fraction of that
and the letters get sharper, not blurrier:

* the ink's shape, full resolution, black and white, lossless (CCITT G4:
  the same encoding as black-and-white pages, never JBIG2);
* the ink's colour, at a quarter of the resolution (a stroke's colour
  changes slowly: the red of a stamp, the blue of a signature, the black of
  text), taken from the strokes' dark cores;
* the background, the page with the ink lifted out, at half resolution:
  paper, shading, pencil, and the photographs, which are not treated as ink.

The PDF paints the background, then the colour layer through the shape
(an image with a stencil /Mask), the way archival scanning software does.
Every ink pixel keeps its place at capture resolution, so nothing can be
swapped or smoothed away; only colour and background lose detail.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from PIL import Image

from app.capture import jpeg
from app.capture.clean import BILEVEL_THRESHOLD

# Darker than this is ink: the black-and-white pages' threshold, so a letter
# has the same shape on either kind of page (a red stamp at luminance ~80 and
# blue ink at ~50 are ink too).
INK_THRESHOLD = BILEVEL_THRESHOLD
# A solid dark area wider and taller than this (inches) is a picture, not
# writing: it stays in the background with its grey levels.
PICTURE_INCHES = 0.45
# Wider than any pen stroke or printed line (0.06 in ≈ 1.5 mm).
STROKE_INCHES = 0.06
PICTURE_SEARCH_SCALE = 4
# Background and colour layers' resolution, as a fraction of the capture's.
BACKGROUND_SCALE = 2
FOREGROUND_SCALE = 4
BACKGROUND_QUALITY = 50
FOREGROUND_QUALITY = 50
# How far (inches) a layer's holes borrow colour from around them.
FILL_INCHES = 0.3
# A page more picture than this stays one JPEG (an ID card copy, a photograph).
MAX_PICTURE_SHARE = 0.05


@dataclass(frozen=True)
class Layers:
    background: bytes  # JPEG, 1/BACKGROUND_SCALE of the capture resolution
    foreground: bytes  # JPEG, 1/FOREGROUND_SCALE of the capture resolution
    mask: bytes  # single-strip CCITT G4 TIFF, full resolution, ink black
    picture_share: float  # share of the page left to the background as pictures


def ink_mask(pixels: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """Ink pixels (bool) and the share of the page that is pictures.

    Pictures are found by opening the dark pixels with a square wider than
    any pen stroke: strokes vanish, solid areas stay. Writing that touches a
    picture therefore stays ink, up to the picture's edge. Pictures are
    large, so they are looked for at a quarter of the resolution.
    """
    import cv2

    gray = pixels if pixels.ndim == 2 else cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    # 1 where ink, so that viewed as bool it is a proper mask.
    ink = cv2.threshold(gray, INK_THRESHOLD - 1, 1, cv2.THRESH_BINARY_INV)[1]
    h, w = ink.shape
    reduced = (max(1, w // PICTURE_SEARCH_SCALE), max(1, h // PICTURE_SEARCH_SCALE))
    small = cv2.resize(ink, reduced, interpolation=cv2.INTER_AREA)  # 1 where mostly ink
    small_dpi = dpi / PICTURE_SEARCH_SCALE
    stroke = max(3, round(STROKE_INCHES * small_dpi * 2))
    solid = cv2.morphologyEx(small, cv2.MORPH_OPEN, np.ones((stroke, stroke), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
    side = PICTURE_INCHES * small_dpi
    big = (stats[:, cv2.CC_STAT_WIDTH] > side) & (stats[:, cv2.CC_STAT_HEIGHT] > side)
    big[0] = False  # label 0 is everything else
    if not big.any():
        return ink.view(bool), 0.0
    # Back to full size, a little wider, so the picture's edge is not taken for ink.
    picture = cv2.dilate(big[labels].astype(np.uint8), np.ones((3, 3), np.uint8))
    picture = cv2.resize(picture, (w, h), interpolation=cv2.INTER_NEAREST)
    return cv2.bitwise_and(ink, cv2.compare(picture, 0, cv2.CMP_EQ)).view(bool), float(
        picture.mean()
    )


def _fill_down(pixels: np.ndarray, weight: np.ndarray, scale: int, *, empty: int) -> np.ndarray:
    """``pixels`` shrunk by ``scale``, a weighted average by ``weight`` (0–255).

    Blocks with no weight take the average of their neighbourhood, and
    ``empty`` where there is none, so the JPEG sees smooth colour, not holes.
    Every step is an 8-bit OpenCV call, which leaves the other core free to
    work on the next page.
    """
    import cv2

    h, w = weight.shape
    size = (max(1, -(-w // scale)), max(1, -(-h // scale)))
    wide = cv2.merge([weight] * pixels.shape[2]) if pixels.ndim == 3 else weight
    num = cv2.resize(cv2.multiply(pixels, wide, scale=1 / 255), size, interpolation=cv2.INTER_AREA)
    den = cv2.resize(weight, size, interpolation=cv2.INTER_AREA)
    spread = max(3, round(FILL_INCHES * size[0] / 8.27) | 1)
    near_num = cv2.blur(num, (spread, spread))
    near_den = cv2.blur(den, (spread, spread))

    def ratio(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
        if values.ndim == 3:
            weights = cv2.merge([weights] * values.shape[2])
        return cv2.divide(values, weights, scale=255)

    out = ratio(num, den)
    fill = ratio(near_num, near_den)
    fill[near_den == 0] = empty
    cv2.copyTo(fill, (den == 0).view(np.uint8), out)
    return out


def _jpeg(pixels: np.ndarray, quality: int, dpi: float, *, subsampling: int = 2) -> bytes:
    return jpeg.encode(np.ascontiguousarray(pixels), quality, dpi, subsampling=subsampling)


def split(image: Image.Image, dpi: float) -> Layers:
    """The three layers of a whitened colour (``RGB``) or grey (``L``) page."""
    import cv2

    pixels = np.asarray(image)
    ink, picture_share = ink_mask(pixels, dpi)
    # The ink's anti-aliased rim belongs to neither layer's estimate.
    rim = cv2.dilate(ink.view(np.uint8), np.ones((5, 5), np.uint8))
    background = _fill_down(pixels, cv2.compare(rim, 0, cv2.CMP_EQ), BACKGROUND_SCALE, empty=255)
    # A stroke's colour is its core's: the pale pixels at its edges, painted
    # through a sharp mask, would make every letter look washed out.
    gray = pixels if pixels.ndim == 2 else cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    darkness = cv2.multiply(
        cv2.subtract(np.full_like(gray, INK_THRESHOLD), gray), 255 / INK_THRESHOLD
    )
    core = cv2.multiply(cv2.multiply(darkness, darkness, scale=1 / 255), ink.view(np.uint8))
    foreground = _fill_down(pixels, core, FOREGROUND_SCALE, empty=0)
    shape = Image.fromarray(~ink)  # mode "1": ink black, paper white
    buf = io.BytesIO()
    shape.save(
        buf,
        "TIFF",
        compression="group4",
        dpi=(round(dpi), round(dpi)),
        tiffinfo={278: shape.height},
    )
    return Layers(
        background=_jpeg(background, BACKGROUND_QUALITY, dpi / BACKGROUND_SCALE),
        # Full chroma: the layer is all about colour, and already a quarter size.
        foreground=_jpeg(foreground, FOREGROUND_QUALITY, dpi / FOREGROUND_SCALE, subsampling=0),
        mask=buf.getvalue(),
        picture_share=picture_share,
    )
