"""Synthetic paper: pages drawn with Pillow, as a scanner or a phone would see them.

Each page carries two small black squares on one horizontal line near its
top; after cleaning, the line through their centres tells the remaining tilt
independently of the deskew algorithm's own measure.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
TEXT = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc tờ khai đăng ký khai sinh "
    "họ và tên ngày tháng năm sinh nơi cư trú số định danh cá nhân quan hệ với người được "
    "khai sinh Ủy ban nhân dân xã giấy chứng nhận kết hôn bản sao trích lục hộ tịch"
)
WORDS = TEXT.split()
A4_MM = (210, 297)
MARK = 0.04  # marker square side, as a share of the page width
TAG_UNIT = 0.025  # one step of the page-number bar, as a share of the page width


def a4_size(dpi: float) -> tuple[int, int]:
    return round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi)


def text_page(
    dpi: float = 200,
    *,
    seed: int = 1,
    lines: int = 40,
    stamp: bool = False,
    signature: bool = False,
    photo: bool = False,
    paper: tuple[int, int, int] = (247, 244, 236),
    noise: float = 3.0,
    blur: float = 0.6,
    markers: bool = True,
    size: tuple[int, int] | None = None,
    tag: int | None = None,
    record: list[str] | None = None,
) -> Image.Image:
    """An A4 form page: text lines, optional red stamp, blue signature, photo.

    ``record`` collects the lines drawn, the ground truth for text recognition.
    """
    rng = random.Random(seed)
    width, height = size or a4_size(dpi)
    page = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), max(8, round(dpi * 11 / 72)))
    margin = round(width * 0.11)
    if markers:
        side = round(width * MARK)
        for x in (margin, width - margin - side):
            draw.rectangle((x, margin, x + side, margin + side), fill=(0, 0, 0))
    top = margin + round(width * 0.08)
    step = round(dpi * 16 / 72)
    chars = int((width - 2 * margin) / (font.size * 0.47))
    for i in range(lines):
        y = top + i * step
        if y > height - margin - step:
            break
        text = ""
        while True:
            word = rng.choice(WORDS)
            if len(text) + len(word) + 1 > chars:
                break
            text = (text + " " + word).strip()
        if rng.random() < 0.15:
            text = text[: len(text) // 2]
        draw.text((margin, y), text, font=font, fill=(25, 25, 30))
        if record is not None:
            record.append(text)
    if tag is not None:
        # A bar whose length counts the page: order can be read back from the PDF.
        unit = round(width * TAG_UNIT)
        y = height - margin
        draw.rectangle((margin, y, margin + unit * (tag + 1), y + unit // 2), fill=(0, 0, 0))
    if photo:
        box = (
            margin,
            round(height * 0.55),
            margin + round(width * 0.35),
            round(height * 0.55) + round(width * 0.22),
        )
        grad = np.linspace(60, 200, box[2] - box[0], dtype=np.uint8)
        block = np.tile(grad, (box[3] - box[1], 1))
        page.paste(Image.fromarray(block).convert("RGB"), box[:2])
    if signature:
        pts = [
            (round(width * 0.6) + i * 6, round(height * 0.8) + int(18 * np.sin(i / 3)))
            for i in range(60)
        ]
        draw.line(pts, fill=(20, 40, 160), width=max(2, round(dpi / 100)))
    if stamp:
        cx, cy, r = round(width * 0.68), round(height * 0.78), round(dpi * 0.7)
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r), outline=(200, 30, 40), width=max(3, round(dpi / 25))
        )
        draw.text((cx - r * 0.7, cy - 10), "ỦY BAN NHÂN DÂN", font=font, fill=(200, 30, 40))
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        arr = np.asarray(page).astype(np.int16)
        gen = np.random.default_rng(seed)
        arr = arr + gen.normal(0, noise, arr.shape).astype(np.int16)
        page = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return page


def rotated(page: Image.Image, angle: float, fill=(250, 250, 250)) -> Image.Image:
    """The page turned ``angle`` degrees counter-clockwise, as if fed crooked."""
    return page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)


def on_dark_backing(page: Image.Image, angle: float, pad: int = 60) -> Image.Image:
    """A crooked sheet on a scanner's black backing."""
    turned = page.convert("RGBA").rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    canvas = Image.new("RGB", (turned.width + 2 * pad, turned.height + 2 * pad), (18, 18, 20))
    canvas.paste(turned, (pad, pad), turned)
    return canvas


def photographed(page: Image.Image, angle: float, *, seed: int = 3) -> Image.Image:
    """The page photographed on a dark desk: turned, in perspective, unevenly lit."""
    import cv2

    rng = np.random.default_rng(seed)
    w, h = page.size
    canvas_w, canvas_h = round(w * 1.45), round(h * 1.35)
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    centre = np.array([canvas_w / 2, canvas_h / 2])
    rad = np.deg2rad(-angle)
    rot = np.array([[np.cos(rad), -np.sin(rad)], [np.sin(rad), np.cos(rad)]])
    corners = (src - [w / 2, h / 2]) @ rot.T
    # Keystone: the top edge further from the lens than the bottom.
    corners[:2, 0] *= 0.92
    corners += rng.uniform(-0.01, 0.01, corners.shape) * w
    dst = (corners + centre).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    desk = np.full((canvas_h, canvas_w, 3), (70, 55, 45), np.uint8)
    warped = cv2.warpPerspective(
        np.asarray(page.convert("RGB")),
        matrix,
        (canvas_w, canvas_h),
        dst=desk,
        borderMode=cv2.BORDER_TRANSPARENT,
    )
    light = np.linspace(0.8, 1.0, canvas_w)[None, :, None]
    shot = np.clip(warped * light, 0, 255).astype(np.uint8)
    return Image.fromarray(shot)


def marker_angle(image: Image.Image, page_width: int) -> float:
    """Counter-clockwise tilt, in degrees, of the line through the two markers.

    ``page_width`` is the width the page was drawn at (the markers' scale).
    """
    import cv2

    gray = np.asarray(image.convert("L"))
    h, w = gray.shape
    _, mask = cv2.threshold(gray, 100, 255, cv2.THRESH_BINARY_INV)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask)
    side = page_width * MARK
    candidates = [
        centroids[i]
        for i in range(1, count)
        if 0.6 * side < stats[i, cv2.CC_STAT_WIDTH] < 1.5 * side
        and 0.6 * side < stats[i, cv2.CC_STAT_HEIGHT] < 1.5 * side
        and stats[i, cv2.CC_STAT_AREA] > 0.5 * side * side
        and centroids[i][1] < h * 0.4
    ]
    assert len(candidates) == 2, f"found {len(candidates)} markers"
    (x1, y1), (x2, y2) = sorted(candidates, key=lambda c: c[0])
    return float(np.degrees(np.arctan2(y1 - y2, x2 - x1)))


def encoded(image: Image.Image, fmt: str = "PNG", **params) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **params)
    return buf.getvalue()


def read_tag(image: Image.Image, page_width: int) -> int:
    """The page number a ``tag`` bar encodes (the longest dark run near the bottom)."""
    gray = np.asarray(image.convert("L"))
    h, w = gray.shape
    band = gray[int(h * 0.8) :] < 100
    unit = page_width * TAG_UNIT
    longest = 0
    for row in band:
        # Longest run of dark pixels: letters are short runs, the bar is one long one.
        padded = np.concatenate([[0], row.astype(np.int8), [0]])
        edges = np.flatnonzero(np.diff(padded))
        if edges.size:
            longest = max(longest, int((edges[1::2] - edges[::2]).max()))
    return round(longest / unit) - 1
