"""Mixed-raster pages: sharp lossless ink over a soft background, a fraction of the size.

Every check renders the PDF with a renderer the project did not write
(Poppler's pdftoppm, and PDFium) and compares what a reader would see with
the cleaned page that went in.
"""

from __future__ import annotations

import io
import subprocess
from datetime import datetime
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2
import pytest
from PIL import Image

from app.capture import mrc
from app.capture import pdf as pdfout
from app.capture.clean import CleanedPage, CleanOptions, clean_image
from app.capture.pages import page_from_image
from app.capture.pipeline import build_component
from tests.capture.synth import a4_size, text_page

DPI = 200
META = pdfout.PdfMetadata(
    "000.00.24.H47-260213-0001",
    1,
    "Tờ khai",
    "canbo1",
    "Trần Thị Hoa",
    datetime(2026, 2, 13, 9, 30),
    "scanner",
)


def _cleaned(**kw) -> CleanedPage:
    page = text_page(DPI, seed=4, lines=44, noise=3.0, **kw)
    return clean_image(page, dpi=DPI)


def _render_poppler(data: bytes, tmp_path: Path) -> Image.Image:
    source = tmp_path / "in.pdf"
    source.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-singlefile", "-png", str(source), str(tmp_path / "out")],
        check=True,
    )
    return Image.open(tmp_path / "out.png").convert("RGB")


def _render_pdfium(data: bytes) -> Image.Image:
    document = pypdfium2.PdfDocument(data)
    try:
        return document[0].render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        document.close()


def _aligned(original: np.ndarray, seen: np.ndarray) -> np.ndarray:
    """``seen`` moved by the whole pixel (at most one) that best matches ``original``.

    Renderers round the page's origin differently (Poppler lands a row
    lower than PDFium here); that is placement, not the file's content.
    """
    best, shifted = None, seen
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            moved = np.roll(seen, (dy, dx), axis=(0, 1))
            error = np.abs(moved - original).mean()
            if best is None or error < best:
                best, shifted = error, moved
    return shifted


def _assert_same_ink(original: np.ndarray, seen: np.ndarray) -> None:
    """Every stroke's core is dark where it was, and no ink appears elsewhere.

    A renderer may place the page a fraction of a pixel off, which turns a
    stroke's outermost column grey; a pixel's tolerance absorbs that and
    nothing more (the cores are checked exactly).
    """
    import cv2

    seen = _aligned(original, seen)
    ink = original < mrc.INK_THRESHOLD
    # A stroke's inside: dark pixels whose every neighbour is dark too.
    core = cv2.erode((original < 100).astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    dark = seen < mrc.INK_THRESHOLD
    assert core.sum() > 10_000
    kept = dark[core].mean()
    assert kept > 0.99, kept
    assert 0.9 < dark.sum() / ink.sum() < 1.1
    near_ink = cv2.dilate(ink.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    stray = (dark & ~near_ink).sum() / dark.sum()
    assert stray < 0.005, stray


def _same_size(render: Image.Image, like: Image.Image) -> np.ndarray:
    return np.asarray(render.resize(like.size, Image.Resampling.NEAREST)).astype(np.int16)


@pytest.fixture(scope="module")
def stamped() -> tuple[CleanedPage, pdfout.EncodedPage, bytes]:
    cleaned = _cleaned(stamp=True, signature=True)
    encoded = pdfout.encode(cleaned, layered=True)
    return cleaned, encoded, pdfout.build_pdf([encoded], META)


def test_a_stamped_signed_form_becomes_a_mixed_page(stamped) -> None:
    cleaned, encoded, data = stamped
    assert cleaned.kind == "colour" and encoded.kind == "mixed"
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        xobjects = page.Resources.XObject
        colour, background = xobjects.FG, xobjects.BG
        shape = colour.Mask
        assert shape.ImageMask is True
        assert (int(shape.Width), int(shape.Height)) == cleaned.image.size
        assert shape.Filter == pikepdf.Name.CCITTFaxDecode or list(shape.Filter) == [
            pikepdf.Name.CCITTFaxDecode
        ]
        assert colour.Filter == background.Filter == pikepdf.Name.DCTDecode
        assert int(background.Width) == -(-cleaned.image.width // mrc.BACKGROUND_SCALE)
        assert int(colour.Width) == -(-cleaned.image.width // mrc.FOREGROUND_SCALE)
        # The page keeps the capture's physical size.
        box = [float(v) for v in page.MediaBox]
        assert abs(box[2] - cleaned.image.width * 72 / DPI) < 0.5
        assert abs(box[3] - cleaned.image.height * 72 / DPI) < 0.5
        assert b"JBIG2" not in data


@pytest.mark.parametrize("renderer", ["poppler", "pdfium"])
def test_every_ink_pixel_is_where_it_was_and_keeps_its_colour(
    stamped, renderer: str, tmp_path: Path
) -> None:
    cleaned, _, data = stamped
    render = _render_poppler(data, tmp_path) if renderer == "poppler" else _render_pdfium(data)
    original = np.asarray(cleaned.image).astype(np.int16)
    seen = _same_size(render, cleaned.image)
    _assert_same_ink(original.mean(axis=2), seen.mean(axis=2))
    seen = _aligned(original, seen)
    ink_in = original.mean(axis=2) < mrc.INK_THRESHOLD
    ink_out = seen.mean(axis=2) < mrc.INK_THRESHOLD

    # Paper stays white, and each ink keeps its hue: red stamp, blue pen, black type.
    paper = ~(ink_in | ink_out)
    assert np.median(seen[paper]) >= 250
    red = (original[..., 0] > 150) & (original[..., 1] < 90) & (original[..., 2] < 100)
    blue = (original[..., 2] > 120) & (original[..., 0] < 80) & (original[..., 1] < 100)
    black = original.max(axis=2) < 60
    assert red.sum() > 1000 and blue.sum() > 300 and black.sum() > 20000
    for where in (red, blue):
        before = np.median(original[where], axis=0)
        after = np.median(seen[where], axis=0)
        assert np.abs(after - before).max() < 30, (before, after)
    assert np.median(seen[black].max(axis=1)) < 70


def test_the_mixed_page_is_a_fraction_of_one_jpeg(stamped) -> None:
    cleaned, encoded, data = stamped
    plain = pdfout.build_pdf([pdfout.encode(cleaned)], META)
    assert len(data) < len(plain) / 3, (len(data), len(plain))


def test_a_page_that_is_mostly_picture_stays_one_jpeg() -> None:
    image = text_page(DPI, seed=2, lines=20, noise=2.0)
    width, height = a4_size(DPI)
    # A large photograph (an ID card copy enlarged, a site photo): 30 % of the page.
    grad = np.linspace(40, 200, width // 2, dtype=np.uint8)
    block = np.stack([np.tile(grad, (int(height * 0.6), 1))] * 3, axis=2)
    block[..., 0] = np.clip(block[..., 0].astype(int) + 30, 0, 255)
    image.paste(Image.fromarray(block), (width // 4, height // 5))
    cleaned = clean_image(image, dpi=DPI)
    _, share = mrc.ink_mask(np.asarray(cleaned.image), DPI)
    assert share > mrc.MAX_PICTURE_SHARE
    encoded = pdfout.encode(cleaned, layered=True)
    assert encoded.kind in ("colour", "gray") and encoded.foreground is None


def test_writing_beside_a_picture_stays_ink_and_the_picture_does_not() -> None:
    page = text_page(DPI, seed=5, lines=44, photo=True, noise=0)
    cleaned = clean_image(page, dpi=DPI)
    pixels = np.asarray(cleaned.image)
    ink, share = mrc.ink_mask(pixels, DPI)
    assert 0.01 < share <= mrc.MAX_PICTURE_SHARE
    gray = pixels if pixels.ndim == 2 else pixels.mean(axis=2)
    dark = gray < mrc.INK_THRESHOLD
    # Most dark pixels are writing and stay ink; the picture's dark half does not.
    left, top = round(page.width * 0.11), round(page.height * 0.55)
    inside = (
        slice(top + 20, top + round(page.width * 0.22) - 20),
        slice(left + 20, left + round(page.width * 0.15)),
    )
    assert dark[inside].mean() > 0.9 and ink[inside].mean() < 0.01
    outside = dark.copy()
    outside[
        top - 10 : top + round(page.width * 0.22) + 10,
        left - 10 : left + round(page.width * 0.35) + 10,
    ] = False
    assert ink[outside].mean() > 0.99


def test_auto_makes_mixed_pages_and_forced_colour_keeps_jpeg() -> None:
    pages = [
        page_from_image(
            text_page(DPI, seed=i, lines=30, stamp=True, noise=2.0),
            source="scanner",
            label=f"p{i}",
            dpi=DPI,
        )
        for i in range(2)
    ]
    auto = build_component(pages, META, CleanOptions(), workers=1)
    colour = build_component(pages, META, CleanOptions(colour="colour"), workers=1)
    assert auto.kinds == ("mixed", "mixed") and colour.kinds == ("colour", "colour")
    assert len(auto.pdf) < len(colour.pdf) / 3


def test_grey_pages_split_too() -> None:
    cleaned = _cleaned(photo=True)
    grey = CleanedPage(cleaned.image.convert("L"), "gray", cleaned.dpi, 0.0, False)
    encoded = pdfout.encode(grey, layered=True)
    assert encoded.kind == "mixed"
    data = pdfout.build_pdf([encoded], META)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.pages[0].Resources.XObject.BG.ColorSpace == pikepdf.Name.DeviceGray
    seen = _same_size(_render_pdfium(data), grey.image).mean(axis=2)
    _assert_same_ink(np.asarray(grey.image).astype(np.int16), seen)
