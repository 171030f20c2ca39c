"""Render the SVG icon to the PNG sizes a Linux desktop uses and a Windows .ico.

    python3 installer/render_icons.py OUT_DIR

Rendered at build time (Qt draws the SVG, Pillow writes the .ico) so that no
generated image is kept in git.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SVG = Path(__file__).resolve().parent / "assets" / "motcua-desk.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def render(out_dir: Path) -> list[Path]:
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"motcua-desk-{size}.png"
        image.save(str(target))
        written.append(target)
    biggest = Image.open(out_dir / "motcua-desk-256.png")
    ico = out_dir / "motcua-desk.ico"
    biggest.save(ico, sizes=[(s, s) for s in SIZES])
    written.append(ico)
    return written


if __name__ == "__main__":
    for path in render(Path(sys.argv[1])):
        print(path)
