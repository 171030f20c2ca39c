"""Every printed slip kept as PDF/A-2b, and reprinted from that file.

The PDF reportlab writes is made PDF/A-2b with pikepdf: XMP metadata with
the PDF/A identification (part 2, conformance B) matching the document
information, an sRGB output intent (the profile built by Pillow's
LittleCMS), and no font left unembedded (reportlab's page preamble names
Helvetica without drawing a glyph in it; the name is pointed at the embedded
serif). The file is stored under its SHA-256 in the data folder, encrypted
with a key derived from the station's data key (``app.protect.filecrypt``),
and checked against that name whenever it is read back; a reprint
is that same file with a "BẢN SAO" stamp laid over each page, so it matches
the original word for word even after the dossier or the office's settings
changed.

No full PDF/A validator (veraPDF) is packaged for Debian; the tests check
these properties one by one with pikepdf and poppler's pdffonts.
"""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from pathlib import Path

import pikepdf
from PIL import ImageCms
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.errors import DomainError
from app.infra import datadir
from app.paper.render.fonts import SERIF_BOLD, register_fonts
from app.paper.render.pages import REPRINT_MARK
from app.protect import filecrypt, keys

_STAMP_RED = colors.Color(0.75, 0.05, 0.05)
# Narrow roll paper: the page grows by this band above the content for the stamp.
_ROLL_MAX_WIDTH = 90 * mm
_ROLL_BAND = 12 * mm
PURPOSE = filecrypt.SLIP


def _srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _embed_every_font(pdf: pikepdf.Pdf) -> None:
    """Point font names with no font program at an embedded font of the same page."""
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font")
        if fonts is None:
            continue
        embedded = None
        for _, font in fonts.items():
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0] if descendants else font).get("/FontDescriptor")
            if descriptor is not None and any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                embedded = font
                break
        if embedded is None:
            continue
        for name, font in list(fonts.items()):
            if font.get("/Subtype") == "/Type1" and "/FontDescriptor" not in font:
                fonts[name] = embedded


def to_pdfa(pdf_bytes: bytes, *, title: str, created: datetime) -> bytes:
    """The same pages as a PDF/A-2b file."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _embed_every_font(pdf)
        # Office-local time (Vietnam, no daylight saving), zone written out.
        stamp = created.strftime("%Y-%m-%dT%H:%M:%S") + "+07:00"
        pdf.docinfo["/Title"] = title
        pdf.docinfo["/Producer"] = "MotCua Desk"
        pdf.docinfo["/Creator"] = "MotCua Desk"
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
            meta["pdf:Producer"] = "MotCua Desk"
            meta["xmp:CreatorTool"] = "MotCua Desk"
            meta["xmp:CreateDate"] = stamp
            meta["xmp:ModifyDate"] = stamp
            meta["pdf:Trapped"] = "False"
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
        profile = pdf.make_stream(_srgb_profile())
        profile["/N"] = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier="sRGB IEC61966-2.1",
            Info="sRGB IEC61966-2.1",
            DestOutputProfile=profile,
        )
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=True, deterministic_id=True)
    return out.getvalue()


def _path(data_dir: Path, digest: str) -> Path:
    return datadir.paper_archive_dir(data_dir) / digest[:2] / f"{digest}.pdf"


def store(data_dir: Path, pdf: bytes) -> str:
    """Keep ``pdf`` in the archive; returns its SHA-256 (the name it is found by)."""
    digest = hashlib.sha256(pdf).hexdigest()
    path = _path(data_dir, digest)
    key = keys.load_key(data_dir)
    kept = path.exists() and load(data_dir, digest) is not None
    if kept and (key is None or filecrypt.is_encrypted(path)):
        return digest  # already kept, intact (an altered copy is written again)
    pieces = filecrypt.encrypt_chunks(key, PURPOSE, [pdf]) if key is not None else iter([pdf])
    try:
        filecrypt.write_atomic(path, pieces)
    except OSError as exc:
        raise DomainError(
            "archive_failed",
            f"Không lưu được bản lưu PDF/A của phiếu ({exc.strerror or type(exc).__name__}).",
            f"Could not store the PDF/A copy of the slip ({exc.strerror or type(exc).__name__}).",
        ) from None
    return digest


def load(data_dir: Path, digest: str) -> bytes | None:
    """The archived file, or None when it is missing or no longer matches its name."""
    try:
        data = filecrypt.read_plain(_path(data_dir, digest), keys.load_key(data_dir), PURPOSE)
    except (OSError, filecrypt.Damaged):
        return None
    return data if hashlib.sha256(data).hexdigest() == digest else None


def _stamp_page(width: float, height: float, *, centred: bool) -> bytes:
    register_fonts()
    size = 13
    text_width = stringWidth(REPRINT_MARK, SERIF_BOLD, size)
    box_w, box_h = text_width + 6 * mm, size + 3 * mm
    x = (width - box_w) / 2 if centred else width - 12 * mm - box_w
    y = height - 3.5 * mm - box_h
    out = io.BytesIO()
    canv = Canvas(out, pagesize=(width, height))
    canv.setStrokeColor(_STAMP_RED)
    canv.setFillColor(_STAMP_RED)
    canv.setLineWidth(1.4)
    canv.rect(x, y, box_w, box_h, stroke=1, fill=0)
    canv.setFont(SERIF_BOLD, size)
    canv.drawCentredString(x + box_w / 2, y + (box_h - size) / 2 + 2.6, REPRINT_MARK)
    canv.showPage()
    canv.save()
    return out.getvalue()


def stamped_copy(original: bytes) -> bytes:
    """The original's pages unchanged, with "BẢN SAO" over each (above it on roll paper)."""
    with pikepdf.open(io.BytesIO(original)) as pdf:
        stamps: dict[tuple[float, float, bool], pikepdf.Pdf] = {}
        for page in pdf.pages:
            box = [float(v) for v in page.mediabox]
            width, height = box[2] - box[0], box[3] - box[1]
            roll = width <= _ROLL_MAX_WIDTH
            if roll:
                # Grow the strip upwards so the stamp never covers the QR code.
                page.mediabox = pikepdf.Array([box[0], box[1], box[2], box[3] + _ROLL_BAND])
                height += _ROLL_BAND
            key = (round(width, 2), round(height, 2), roll)
            if key not in stamps:
                stamps[key] = pikepdf.open(io.BytesIO(_stamp_page(width, height, centred=roll)))
            overlay = pikepdf.Page(stamps[key].pages[0])
            page.add_overlay(overlay, pikepdf.Rectangle(box[0], box[1], box[2], box[1] + height))
        out = io.BytesIO()
        pdf.save(out)
        for stamp in stamps.values():
            stamp.close()
    return out.getvalue()
