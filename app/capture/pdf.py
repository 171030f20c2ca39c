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
import numpy as np
import pikepdf
from PIL import Image

from app.capture import jpeg, mrc
from app.capture.clean import CleanedPage
from app.infra.clock import VN_TZ

MIME = "application/pdf"
# Chosen by reading 10–11 pt Vietnamese text (diacritics included) at 200 dpi:
# at 40 every mark stays clear; lower, ringing starts to blur dấu hỏi and dấu ngã.
COLOUR_QUALITY = 40
GRAY_QUALITY = 40
PRODUCER = "MotCua Desk"


@dataclass(frozen=True)
class EncodedPage:
    data: bytes  # the page image; for "mixed" pages the ink's shape (G4)
    kind: str  # "colour" | "gray" | "bw" | "mixed"
    dpi: int
    width: int
    height: int
    skew: float
    # "mixed" pages only (see app.capture.mrc): the ink's colour and the background.
    foreground: bytes | None = None
    background: bytes | None = None


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


def encode(page: CleanedPage, quality: int | None = None, *, layered: bool = False) -> EncodedPage:
    """The page's image bytes as they will sit in the PDF.

    ``layered`` lets a colour or grey page of writing, stamps and signatures
    become a mixed-raster page (app.capture.mrc); a page that is mostly
    picture stays one JPEG, which serves a photograph better.
    """
    image: Image.Image = page.image
    dpi = max(1, round(page.dpi))
    if layered and page.kind in ("colour", "gray"):
        layers = mrc.split(image, dpi)
        if layers.picture_share <= mrc.MAX_PICTURE_SHARE:
            return EncodedPage(
                layers.mask,
                "mixed",
                dpi,
                image.width,
                image.height,
                page.skew,
                foreground=layers.foreground,
                background=layers.background,
            )
    buf = io.BytesIO()
    if page.kind == "bw":
        bilevel = image if image.mode == "1" else image.convert("1", dither=Image.Dither.NONE)
        # One strip (ROWSPERSTRIP = height) lets the G4 data go into the PDF untouched.
        bilevel.save(
            buf, "TIFF", compression="group4", dpi=(dpi, dpi), tiffinfo={278: bilevel.height}
        )
        image = bilevel
    else:
        mode = "RGB" if page.kind == "colour" else "L"
        if image.mode != mode:
            image = image.convert(mode)
        default = COLOUR_QUALITY if page.kind == "colour" else GRAY_QUALITY
        buf.write(jpeg.encode(np.asarray(image), quality or default, dpi))
    return EncodedPage(buf.getvalue(), page.kind, dpi, image.width, image.height, page.skew)


def _jpeg_image(pdf: pikepdf.Pdf, data: bytes) -> pikepdf.Stream:
    with Image.open(io.BytesIO(data)) as image:
        width, height, mode = image.width, image.height, image.mode
    return pikepdf.Stream(
        pdf,
        data,
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=width,
        Height=height,
        BitsPerComponent=8,
        Filter=pikepdf.Name.DCTDecode,
        ColorSpace=pikepdf.Name.DeviceRGB if mode == "RGB" else pikepdf.Name.DeviceGray,
    )


def _layer(pdf: pikepdf.Pdf, page: pikepdf.Page, encoded: EncodedPage) -> None:
    """Turn img2pdf's page of the ink's shape into background + colour through the shape.

    img2pdf has already embedded the G4 shape at the page's full size, with
    the decode parameters that make ink read as 0; as a stencil /Mask, 0 is
    where the colour layer is painted.
    """
    if encoded.foreground is None or encoded.background is None:
        raise ValueError("a mixed page needs its colour and background layers")
    (shape,) = list(page.Resources.XObject.values())
    shape.ImageMask = True
    for key in ("/ColorSpace", "/SMask"):
        if key in shape:
            del shape[key]
    colour = _jpeg_image(pdf, encoded.foreground)
    colour.Mask = shape
    page.Resources.XObject = pikepdf.Dictionary(BG=_jpeg_image(pdf, encoded.background), FG=colour)
    x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
    box = f"{x1 - x0:.4f} 0 0 {y1 - y0:.4f} {x0:.4f} {y0:.4f} cm"
    page.Contents = pikepdf.Stream(pdf, f"q {box} /BG Do Q q {box} /FG Do Q".encode())


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
        for page, encoded in zip(pdf.pages, pages, strict=True):
            if encoded.kind == "mixed":
                _layer(pdf, page, encoded)
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
        aware = (
            meta.captured_at.replace(tzinfo=VN_TZ)
            if meta.captured_at.tzinfo is None
            else meta.captured_at
        )
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
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def read_metadata(data: bytes) -> dict[str, str]:
    """The MotCua fields and title of a component PDF (for checks and tests)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.docinfo
        return {str(k)[1:]: str(v) for k, v in info.items()}
