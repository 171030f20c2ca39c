"""Pages encoded as JPEG: the same image as Pillow's, without holding up the window."""

from __future__ import annotations

import io
import threading
import time

import numpy as np
import pytest
from PIL import Image

from app.capture import jpeg
from tests.capture.synth import text_page


@pytest.fixture(scope="module")
def page() -> Image.Image:
    drawn = text_page(200, seed=5, lines=44, paper=(246, 242, 232), noise=3.5, stamp=True)
    return (drawn if isinstance(drawn, Image.Image) else Image.fromarray(drawn)).convert("RGB")


@pytest.mark.parametrize(("mode", "subsampling"), [("RGB", 2), ("RGB", 0), ("L", 2)])
def test_same_pixels_size_and_density_as_pillow(page, mode, subsampling):
    image = page.convert(mode)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=40, subsampling=subsampling, optimize=True, dpi=(200, 200))
    data = jpeg.encode(np.asarray(image), 40, 200, subsampling=subsampling)
    ours, pillows = Image.open(io.BytesIO(data)), Image.open(io.BytesIO(buf.getvalue()))
    assert ours.mode == mode
    # img2pdf sizes the PDF page from the density.
    assert ours.info["dpi"] == (200, 200)
    assert np.array_equal(np.asarray(ours), np.asarray(pillows))
    assert len(data) == len(buf.getvalue())


def test_other_threads_run_while_a_page_is_encoded(page):
    pixels = np.asarray(page)
    jpeg.encode(pixels, 40, 200)
    ticks = 0
    done = threading.Event()

    def work() -> None:
        for _ in range(4):
            jpeg.encode(pixels, 40, 200)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    # Four A4 pages at 200 dpi take a few hundred milliseconds. Pillow's
    # encoder held the interpreter lock throughout each (a handful of ticks).
    assert ticks > 40
