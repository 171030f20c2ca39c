"""The citizen's copy of a result, marked on every page with its dossier code.

Drawn with a standard PDF font in plain ASCII (the code and a short label),
so the server needs neither a font file nor the desktop's PDF stack; the
result's own pages are left as they were, the mark is laid over them.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject

LABEL = "BAN SAO TAI TU TRANG TRA CUU - HO SO"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _stamp(width: float, height: float, x: float, y: float, text: str) -> PageObject:
    """A transparent page holding only the mark, to lay over a result's page."""
    stamp = PageObject.create_blank_page(width=width, height=height)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica-Bold"),
        }
    )
    stamp[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/MotCuaMark"): font})}
    )
    content = ContentStream(None, None)
    content.set_data(
        f"q 0.45 g BT /MotCuaMark 9 Tf {x:.1f} {y:.1f} Td ({text}) Tj ET Q".encode("ascii")
    )
    stamp.replace_contents(content)
    return stamp


def mark(pdf: bytes, code: str) -> bytes:
    """``pdf`` with ``LABEL code`` along the foot of every page, in grey."""
    text = _escape(f"{LABEL} {code}".encode("ascii", "replace").decode("ascii"))
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    for source in reader.pages:
        box = source.mediabox
        stamp = _stamp(
            float(box.width),
            float(box.height),
            24.0,
            14.0,
            text,
        )
        page = writer.add_page(source)
        page.merge_translated_page(stamp, float(box.left), float(box.bottom), over=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
