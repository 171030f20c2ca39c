"""JPEG encoding that lets other threads run meanwhile.

Encoded by OpenCV (libjpeg-turbo, as in Pillow, with the same settings the
bytes come out the same), which lets go of the interpreter lock while it
works. Pillow's encoder held it for the whole image (tens of milliseconds
for a page with optimised tables), and the window froze while a component
was saved on a worker.
"""

from __future__ import annotations

import numpy as np

_SAMPLING = {0: "444", 1: "422", 2: "420"}


def encode(pixels: np.ndarray, quality: int, dpi: float, *, subsampling: int = 2) -> bytes:
    """Baseline JPEG of an RGB or grey array, optimised Huffman tables, density in dpi.

    ``subsampling`` as Pillow numbers it: 0 is 4:4:4, 1 is 4:2:2, 2 is 4:2:0.
    """
    import cv2

    if pixels.ndim == 3:
        pixels = cv2.cvtColor(pixels, cv2.COLOR_RGB2BGR)
    sampling = getattr(cv2, f"IMWRITE_JPEG_SAMPLING_FACTOR_{_SAMPLING[subsampling]}")
    params = [
        cv2.IMWRITE_JPEG_QUALITY,
        quality,
        cv2.IMWRITE_JPEG_OPTIMIZE,
        1,
        cv2.IMWRITE_JPEG_SAMPLING_FACTOR,
        sampling,
    ]
    ok, encoded = cv2.imencode(".jpg", pixels, params)
    data = bytearray(encoded.tobytes())
    # The JFIF header's density, as Pillow's dpi= writes it: img2pdf sizes the
    # page from it. OpenCV leaves it at 1:1 without units.
    if not ok or data[2:4] != b"\xff\xe0" or data[6:11] != b"JFIF\x00":
        raise ValueError("the JPEG encoder wrote no JFIF header")
    density = max(1, round(dpi))
    data[13] = 1
    data[14:18] = density.to_bytes(2, "big") * 2
    return bytes(data)
