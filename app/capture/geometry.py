"""Where the page is and how it is turned: skew, paper edges, perspective.

Skew is measured from the text itself (projection profiles: rows of text
give the sharpest horizontal histogram when they are level), which works
whether or not the paper's edge is visible. Paper edges are found as the
largest bright region against a darker background: a scanner's black
backing, or the desk under a photographed page.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

# Long side, in pixels, of the copies the measurements run on: enough for
# 0.1° on text lines, small enough to take milliseconds.
SKEW_SIDE = 1000
EDGE_SIDE = 800
MAX_SKEW = 15.0
MIN_SKEW = 0.15
SKEW_POINTS = 120_000
# Pixels (at EDGE_SIDE) the found outline is pulled in by.
EDGE_INSET = 2.0
# A page region smaller than this share of the picture is not the page.
MIN_PAGE_AREA = 0.2


def _small_gray(image: Image.Image, side: int) -> tuple[np.ndarray, float]:
    gray = image.convert("L")
    # Box reduction by a whole factor: several times faster than a resampling
    # resize, and the measurements need no finer filtering.
    factor = max(1, -(-max(gray.size) // side))
    if factor > 1:
        gray = gray.reduce(factor)
    return np.asarray(gray), 1.0 / factor


def otsu(values: np.ndarray) -> int:
    hist = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def estimate_skew(image: Image.Image, max_angle: float = MAX_SKEW) -> float:
    """Counter-clockwise rotation of the text, in degrees; ``rotate(-angle)`` levels it.

    Returns 0.0 for a page with too little ink to tell (a blank back).
    """
    gray, _ = _small_gray(image, SKEW_SIDE)
    threshold = min(otsu(gray), 160)
    ys, xs = np.nonzero(gray < threshold)
    if ys.size < 300 or ys.size > 0.5 * gray.size:
        return 0.0
    if ys.size > SKEW_POINTS:
        # Every k-th ink pixel: deterministic, and spread over the whole page.
        step = ys.size // SKEW_POINTS + 1
        ys, xs = ys[::step], xs[::step]
    ys = ys.astype(np.float64) - gray.shape[0] / 2
    xs = xs.astype(np.float64) - gray.shape[1] / 2
    offset = float(np.hypot(*gray.shape)) + 2

    def score(angle: float) -> float:
        rad = np.deg2rad(angle)
        rows = np.rint(ys * np.cos(rad) + xs * np.sin(rad) + offset).astype(np.int64)
        hist = np.bincount(rows)
        return float(np.dot(hist, hist))

    best = _best(score, np.arange(-max_angle, max_angle + 1e-9, 0.5))
    best = _best(score, np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05))
    return round(best, 2)


def _best(score, angles: np.ndarray) -> float:
    values = [score(float(a)) for a in angles]
    return float(angles[int(np.argmax(values))])


def deskew(image: Image.Image, angle: float) -> Image.Image:
    """Level the page; the corners the turn uncovers are paper-white."""
    import cv2

    if abs(angle) < MIN_SKEW:
        return image
    source = image.convert("L") if image.mode == "1" else image
    pixels = np.asarray(source)
    h, w = pixels.shape[:2]
    rad = np.deg2rad(angle)
    new_w = int(np.ceil(abs(w * np.cos(rad)) + abs(h * np.sin(rad))))
    new_h = int(np.ceil(abs(w * np.sin(rad)) + abs(h * np.cos(rad))))
    # OpenCV's angle is counter-clockwise too; turning by -angle levels the text.
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    matrix[0, 2] += (new_w - w) / 2
    matrix[1, 2] += (new_h - h) / 2
    border = 255 if pixels.ndim == 2 else (255, 255, 255)
    turned = cv2.warpAffine(
        pixels,
        matrix,
        (new_w, new_h),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=border,
    )
    return _keep_size(Image.fromarray(turned), source.size)


def _keep_size(turned: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Back to the original frame when everything inked fits in it.

    Turning with ``expand`` grows the picture by up to a third at 10°; the
    growth is only paper, unless the sheet itself reached into a corner.
    """
    gray, scale = _small_gray(turned, 600)
    ys, xs = np.nonzero(gray < 160)
    width, height = size
    left = (turned.width - width) // 2
    top = (turned.height - height) // 2
    if ys.size:
        x0, x1 = xs.min() / scale, (xs.max() + 1) / scale
        y0, y1 = ys.min() / scale, (ys.max() + 1) / scale
        if x0 < left or y0 < top or x1 > left + width or y1 > top + height:
            return turned
    return turned.crop((left, top, left + width, top + height))


def has_dark_border(image: Image.Image) -> bool:
    """True when the picture's rim is much darker than its middle (backing or desk)."""
    gray, _ = _small_gray(image, 200)
    h, w = gray.shape
    rim = max(2, min(h, w) // 50)
    edge = np.concatenate(
        [gray[:rim].ravel(), gray[-rim:].ravel(), gray[:, :rim].ravel(), gray[:, -rim:].ravel()]
    )
    middle = gray[h // 4 : 3 * h // 4, w // 4 : 3 * w // 4]
    return float(np.median(edge)) < 110 and float(np.median(middle)) - float(np.median(edge)) > 60


def _page_contour(gray: np.ndarray):
    import cv2

    blurred = cv2.GaussianBlur(gray, (5, 5), 0)
    _, mask = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Close the dark text inside the paper so the paper is one region.
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    largest = max(contours, key=cv2.contourArea)
    if cv2.contourArea(largest) < MIN_PAGE_AREA * gray.size:
        return None
    return largest


def _inset(quad: np.ndarray, pixels: float) -> np.ndarray:
    """The quadrilateral pulled ``pixels`` towards its centre.

    The outline found at reduced size runs through the blurred paper edge;
    pulling it in keeps a line of backing or desk out of the kept page.
    """
    centre = quad.mean(axis=0)
    out = []
    for point in quad:
        direction = centre - point
        length = float(np.linalg.norm(direction)) or 1.0
        out.append(point + direction / length * pixels * np.sqrt(2))
    return np.array(out, dtype=np.float32)


def _order(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    s = points.sum(axis=1)
    d = points[:, 0] - points[:, 1]
    return np.array(
        [points[np.argmin(s)], points[np.argmax(d)], points[np.argmax(s)], points[np.argmin(d)]],
        dtype=np.float32,
    )


def find_page_quad(image: Image.Image) -> np.ndarray | None:
    """Corners of the photographed page (TL, TR, BR, BL) in full-size pixels, or None."""
    import cv2

    gray, scale = _small_gray(image, EDGE_SIDE)
    contour = _page_contour(gray)
    if contour is None:
        return None
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    quad = None
    for epsilon in (0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, epsilon * perimeter, True)
        if len(approx) == 4:
            quad = approx.reshape(4, 2).astype(np.float32)
            break
    if quad is None:
        quad = cv2.boxPoints(cv2.minAreaRect(hull)).astype(np.float32)
    return _inset(_order(quad), EDGE_INSET) / scale


def find_page_rect(image: Image.Image) -> np.ndarray | None:
    """Corners of the scanned sheet as a rectangle (TL, TR, BR, BL), or None."""
    import cv2

    gray, scale = _small_gray(image, EDGE_SIDE)
    contour = _page_contour(gray)
    if contour is None:
        return None
    box = cv2.boxPoints(cv2.minAreaRect(contour)).astype(np.float32)
    return _inset(_order(box), EDGE_INSET) / scale


def warp(image: Image.Image, quad: np.ndarray) -> Image.Image:
    """The region inside ``quad`` straightened into an upright rectangle."""
    import cv2

    tl, tr, br, bl = quad
    width = round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    if width < 16 or height < 16:
        return image
    target = np.array(
        [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32
    )
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    source = image.convert("L") if image.mode == "1" else image
    pixels = np.asarray(source)
    border = 255 if pixels.ndim == 2 else (255, 255, 255)
    straight = cv2.warpPerspective(
        pixels,
        matrix,
        (width, height),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=border,
    )
    return Image.fromarray(straight)
