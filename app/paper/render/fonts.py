"""The embedded serif font every form is set in.

Liberation Serif 2.x (metric-compatible with Times New Roman, the face of
Vietnamese administrative papers) has every precomposed Vietnamese letter.
The 1.x release that some systems still ship does not (no ơ, ư, ạ, …), so the
project ships its own copy under ``resources/fonts`` instead of using the
system one.
"""

from __future__ import annotations

import threading
import unicodedata
import zlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)

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


def _vietnamese_letters() -> str:
    vowels = "aăâeêioôơuưy"
    marks = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    letters = {
        unicodedata.normalize("NFC", vowel + mark)
        for vowel in vowels + vowels.upper()
        for mark in marks
    }
    return "".join(sorted(c for c in letters | {"đ", "Đ"} if ord(c) > 127))


# Every document's font subsets start with these, in this order (ASCII is
# always there). Forms then differ only in rare letters, so the same subset,
# already cut and compressed, serves receipt after receipt; it costs a few KB
# more than the letters one form happens to use.
ALPHABET = _vietnamese_letters() + "…–—·→“”‘’°×"

# Per font file and subset: what reportlab would cut, format and compress for
# it in every document (the font program, its widths, its ToUnicode map).
# Cutting and compressing the programs was a third of a receipt.
_SUBSETS: OrderedDict[tuple[object, ...], object] = OrderedDict()
_SUBSETS_KEPT = 64
_subsets_lock = threading.Lock()


def _cached(key: tuple[object, ...], make: Callable[[], object]) -> object:
    with _subsets_lock:
        found = _SUBSETS.get(key)
        if found is not None:
            _SUBSETS.move_to_end(key)
            return found
    made = make()
    with _subsets_lock:
        _SUBSETS[key] = made
        while len(_SUBSETS) > _SUBSETS_KEPT:
            _SUBSETS.popitem(last=False)
    return made


def _subset_program(face: TTFontFace, subset: list[int]) -> tuple[int, bytes]:
    """The subset's TrueType program: its raw length and its Flate-compressed bytes."""

    def make() -> tuple[int, bytes]:
        raw = face.makeSubset(subset)
        return len(raw), zlib.compress(raw)

    return _cached(("program", face.filename, tuple(subset)), make)  # type: ignore[return-value]


class _Formatted(pdfdoc.PDFObject):
    """A PDF value formatted once (a subset's widths array)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: object) -> bytes:
        return self.data


def _flate_stream(stream: pdfdoc.PDFStream, content: bytes) -> None:
    """Give a stream content that is already Flate-compressed."""
    stream.content = content
    # A Filter entry tells reportlab the content is encoded already.
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])


class _CachingFace(TTFontFace):
    """A TrueType face whose embedded subsets are reused across documents."""

    def addSubsetObjects(self, doc, fontname, subset):  # noqa: ANN001, ANN201, N802 - reportlab's
        if not doc.compression:
            return super().addSubsetObjects(doc, fontname, subset)
        length, program = _subset_program(self, subset)
        fontFile = pdfdoc.PDFStream()  # noqa: N806 - as in reportlab
        _flate_stream(fontFile, program)
        fontFile.dictionary["Length1"] = length
        fontFileRef = doc.Reference(fontFile, f"fontFile:{self.filename}({fontname})")  # noqa: N806
        flags = (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": self.ascent,
                "CapHeight": self.capHeight,
                "Descent": self.descent,
                "Flags": flags,
                "FontBBox": pdfdoc.PDFArray(self.bbox),
                "FontName": pdfdoc.PDFName(fontname),
                "ItalicAngle": self.italicAngle,
                "StemV": self.stemV,
                "FontFile2": fontFileRef,
                "MissingWidth": self.defaultWidth,
            }
        )
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


class _CachingFont(TTFont):
    """reportlab's TrueType font, its per-subset PDF objects reused across documents."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        # The face reportlab made, given the subset cache (it adds no state).
        self.face.__class__ = _CachingFace

    def addObjects(self, doc) -> None:  # noqa: ANN001, N802 - reportlab's
        """reportlab's TTFont.addObjects, with each subset's parts from the cache."""
        if not doc.compression:
            super().addObjects(doc)
            return
        state = self.state.get(doc)
        if state is None:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        fonts = doc.idToObject["BasicFonts"].dict
        for number, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(number, doc)[1:]
            base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX))
            base_name = base.decode("pdfdoc")

            def extras(subset: list[int] = subset, base_name: str = base_name) -> object:
                widths = [self.face.getCharWidth(code) for code in subset]
                cmap = makeToUnicodeCMap(base_name, subset).encode("utf8")
                return pdfdoc.format(pdfdoc.PDFArray(widths), doc), zlib.compress(cmap)

            key = ("extras", self.face.filename, tuple(subset), base_name)
            widths, cmap = _cached(key, extras)  # type: ignore[misc]
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {number}"
            pdf_font.Name = internal
            pdf_font.BaseFont = base_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = _Formatted(widths)
            to_unicode = pdfdoc.PDFStream()
            _flate_stream(to_unicode, cmap)
            pdf_font.ToUnicode = doc.Reference(to_unicode, "toUnicodeCMap:" + base_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(pdf_font, internal)
            fonts[internal] = pdf_font
        del self.state[doc]


def seed_subsets(doc: object) -> None:
    """Give the document's subsets of every face the fixed ALPHABET first."""
    for face in _FILES:
        pdfmetrics.getFont(face).splitString(ALPHABET, doc)


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
            pdfmetrics.registerFont(_CachingFont(face, str(directory / filename)))
        # Lets <b> and <i> inside a Paragraph pick the right face.
        addMapping(SERIF, 0, 0, SERIF)
        addMapping(SERIF, 1, 0, SERIF_BOLD)
        addMapping(SERIF, 0, 1, SERIF_ITALIC)
        addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
        _registered_from = directory
