"""One PDF per dossier component: compact, lossless where it matters, self-describing.

Colour and grey pages are JPEG at their capture resolution, embedded as-is
(no second compression). Black-and-white pages are CCITT Group 4, which is
lossless. JBIG2 is never used: its pattern matching can silently swap one
similar-looking character for another, which is unacceptable in a record.
The metadata names the dossier, component, officer and capture time both
in the document information and in XMP, so the file explains itself when it
is found outside the database.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import img2pdf
import pikepdf
from PIL import Image

from app.capture.clean import CleanedPage
from app.clock import VN_TZ

MIME = "application/pdf"
# Chosen by reading 10–11 pt Vietnamese text (diacritics included) at 200 dpi:
# at 40 every mark stays clear; lower, ringing starts to blur dấu hỏi and dấu ngã.
COLOUR_QUALITY = 40
GRAY_QUALITY = 40
PRODUCER = "MotCua Desk"


@dataclass(frozen=True)
class EncodedPage:
    data: bytes
    kind: str  # "colour" | "gray" | "bw"
    dpi: int
    width: int
    height: int
    skew: float


@dataclass(frozen=True)
class PdfMetadata:
    dossier_code: str
    component_index: int
    component_name: str
    officer: str
    officer_name: str
    captured_at: datetime  # office-local (naive) time
    source: str
    office_name: str | None = None


def encode(page: CleanedPage, quality: int | None = None) -> EncodedPage:
    """The page's image bytes as they will sit in the PDF."""
    image: Image.Image = page.image
    dpi = max(1, round(page.dpi))
    buf = io.BytesIO()
    if page.kind == "bw":
        bilevel = image if image.mode == "1" else image.convert("1", dither=Image.Dither.NONE)
        # One strip (ROWSPERSTRIP = height) lets the G4 data go into the PDF untouched.
        bilevel.save(buf, "TIFF", compression="group4", dpi=(dpi, dpi),
                     tiffinfo={278: bilevel.height})
        image = bilevel
    else:
        mode = "RGB" if page.kind == "colour" else "L"
        if image.mode != mode:
            image = image.convert(mode)
        default = COLOUR_QUALITY if page.kind == "colour" else GRAY_QUALITY
        image.save(buf, "JPEG", quality=quality or default, subsampling=2, optimize=True,
                   dpi=(dpi, dpi))
    return EncodedPage(buf.getvalue(), page.kind, dpi, image.width, image.height, page.skew)


def _pdf_date(value: datetime) -> str:
    aware = value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value
    return aware.strftime("D:%Y%m%d%H%M%S+07'00'")


def title_of(meta: PdfMetadata) -> str:
    return f"Hồ sơ {meta.dossier_code} — thành phần {meta.component_index}: {meta.component_name}"


def build_pdf(pages: Sequence[EncodedPage], meta: PdfMetadata) -> bytes:
    """The component's PDF, pages in the given order."""
    if not pages:
        raise ValueError("a component PDF needs at least one page")
    raw = img2pdf.convert([p.data for p in pages], nodate=True)
    pdf = pikepdf.open(io.BytesIO(raw))
    with pdf:
        title = title_of(meta)
        keywords = f"{meta.dossier_code}; thành phần {meta.component_index}"
        info = pdf.docinfo
        info["/Title"] = title
        info["/Author"] = f"{meta.officer_name} ({meta.officer})"
        info["/Subject"] = meta.component_name
        info["/Keywords"] = keywords
        info["/Creator"] = PRODUCER
        info["/Producer"] = PRODUCER
        info["/CreationDate"] = _pdf_date(meta.captured_at)
        info["/MotCuaDossierCode"] = meta.dossier_code
        info["/MotCuaComponent"] = str(meta.component_index)
        info["/MotCuaOfficer"] = meta.officer
        info["/MotCuaSource"] = meta.source
        if meta.office_name:
            info["/MotCuaOffice"] = meta.office_name
        aware = meta.captured_at.replace(tzinfo=VN_TZ) if meta.captured_at.tzinfo is None \
            else meta.captured_at
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["dc:title"] = title
            xmp["dc:creator"] = [f"{meta.officer_name} ({meta.officer})"]
            xmp["dc:description"] = meta.component_name
            xmp["dc:identifier"] = f"{meta.dossier_code}/{meta.component_index}"
            xmp["dc:source"] = meta.source
            xmp["pdf:Keywords"] = keywords
            xmp["pdf:Producer"] = PRODUCER
            xmp["xmp:CreatorTool"] = PRODUCER
            xmp["xmp:CreateDate"] = aware.isoformat()
        out = io.BytesIO()
        # The same pages and metadata give the same bytes, hence the same hash.
        pdf.save(out, deterministic_id=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def read_metadata(data: bytes) -> dict[str, str]:
    """The MotCua fields and title of a component PDF (for checks and tests)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.docinfo
        return {str(k)[1:]: str(v) for k, v in info.items()}
