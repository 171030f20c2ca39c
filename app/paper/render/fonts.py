"""The embedded serif font every form is set in.

Liberation Serif 2.x (metric-compatible with Times New Roman, the face of
Vietnamese administrative papers) has every precomposed Vietnamese letter.
The 1.x release that some systems still ship does not (no ơ, ư, ạ, …), so the
project ships its own copy under ``resources/fonts`` instead of using the
system one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"

SERIF = "MotCuaSerif"
SERIF_BOLD = "MotCuaSerif-Bold"
SERIF_ITALIC = "MotCuaSerif-Italic"
SERIF_BOLD_ITALIC = "MotCuaSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered_from: Path | None = None


def register_fonts(font_dir: Path | None = None) -> None:
    """Load the four faces into reportlab once per process.

    Parsing a TTF costs tens of milliseconds, more than a whole receipt, so
    later calls return at once.
    """
    global _registered_from
    if _registered_from is not None:
        return
    with _lock:
        if _registered_from is not None:
            return
        directory = Path(font_dir) if font_dir else FONT_DIR
        missing = [name for name in _FILES.values() if not (directory / name).is_file()]
        if missing:
            raise FileNotFoundError(f"Font files missing from {directory}: {', '.join(missing)}")
        for face, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(face, str(directory / filename)))
        # Lets <b> and <i> inside a Paragraph pick the right face.
        addMapping(SERIF, 0, 0, SERIF)
        addMapping(SERIF, 1, 0, SERIF_BOLD)
        addMapping(SERIF, 0, 1, SERIF_ITALIC)
        addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
        _registered_from = directory
