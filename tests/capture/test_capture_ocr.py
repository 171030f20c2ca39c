"""The optional text layer: used when OCRmyPDF and Vietnamese Tesseract are there.

The real tests run Tesseract. Without it they skip on a developer's machine
but fail under CI (``CI`` set): CI installs it (.ci/debian-packages and the
``ocr`` extra) and must prove the text layer works.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select

from app.capture import attachments, ocr
from app.capture import pdf as pdfout
from app.capture.clean import CleanedPage
from app.capture.pages import page_from_image
from app.capture.store import sha256_of
from app.domain.errors import DomainError
from app.office import settings, settings_admin
from db.models import Attachment, AuditLog, OutboxEvent
from tests.capture.synth import FONT
from tests.conftest import snapshot

NOW = datetime(2026, 2, 13, 9, 30)
LATER = datetime(2026, 2, 13, 9, 45)
XMP = "{http://ns.adobe.com/xap/1.0/}"
# A5 at 200 dpi, the size the capture tests use.
A5_PIXELS = (1169, 1654)
FORM_LINES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "TỜ KHAI ĐĂNG KÝ KHAI SINH",
    "Kính gửi: Ủy ban nhân dân xã Tân Lập",
    "Họ, chữ đệm, tên người yêu cầu: Nguyễn Văn Đức",
    "Nơi cư trú: thôn Đông, xã Tân Lập, Hà Nội",
    "Quan hệ với người được khai sinh: cha",
]
# Every Vietnamese tone mark and the letters đ, ơ, ư, â, ê, ô, ă among them.
EXPECTED_WORDS = [
    "Cộng",
    "hòa",
    "Việt",
    "Độc",
    "Hạnh",
    "phúc",
    "ĐĂNG",
    "Ủy",
    "Nguyễn",
    "Đức",
    "người",
    "được",
    "Hà",
    "Nội",
    "trú",
    "gửi",
]


def _marked(pdf: bytes, **_: object) -> bytes:
    """Stands in for OCRmyPDF: a different file with the same pages."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.docinfo["/MotCuaTextLayer"] = "yes"
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def _required(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required under CI (.ci/debian-packages, pip extra 'ocr')")
    pytest.skip(f"{what} is not installed")


@pytest.fixture
def real_ocr() -> None:
    lacks = ocr.missing()
    if lacks:
        _required("OCR (" + ", ".join(lacks) + ")")


@pytest.fixture
def pdftotext() -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        _required("pdftotext (Debian poppler-utils)")
    return exe


@pytest.fixture
def without_ghostscript(tmp_path: Path, monkeypatch) -> Iterator[None]:
    """A PATH holding Tesseract alone: whatever OCR needs besides must not be a program."""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        _required("tesseract-ocr")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "tesseract").symlink_to(tesseract)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert shutil.which("gs") is None
    yield


def form_page(size: tuple[int, int] = A5_PIXELS, dpi: int = 200) -> Image.Image:
    """A registration form's heading and first fields, 12 pt, as printed."""
    page = Image.new("RGB", size, (247, 244, 236))
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), round(dpi * 12 / 72))
    y = round(size[0] * 0.12)
    for line in FORM_LINES:
        draw.text((round(size[0] * 0.1), y), line, font=font, fill=(25, 25, 30))
        y += round(dpi * 22 / 72)
    return page


def image_streams(pdf: bytes) -> dict[str, tuple[bytes, dict[str, str]]]:
    """Every image of every page (masks included): its stored bytes and what decodes them.

    One-element arrays are read as their element: ``[/CCITTFaxDecode]`` and
    ``/CCITTFaxDecode`` decode the same bytes the same way.
    """

    def plain(value: Any) -> str:
        if isinstance(value, pikepdf.Array) and len(value) == 1:
            value = value[0]
        if isinstance(value, pikepdf.Dictionary):
            return repr(sorted((str(k), plain(v)) for k, v in value.items()))
        if isinstance(value, pikepdf.Name):
            return str(value)
        return repr(value)

    def describe(stream: pikepdf.Stream) -> dict[str, str]:
        return {
            str(k): plain(v)
            for k, v in stream.stream_dict.items()
            if k not in ("/Length", "/Mask", "/SMask")
        }

    found: dict[str, tuple[bytes, dict[str, str]]] = {}
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            for name, xobject in page.Resources.get("/XObject", {}).items():
                if xobject.get("/Subtype") != "/Image":
                    continue
                key = f"{number}{name}"
                found[key] = (xobject.read_raw_bytes(), describe(xobject))
                for mask in ("/Mask", "/SMask"):
                    if isinstance(xobject.get(mask), pikepdf.Stream):
                        found[key + mask] = (
                            xobject[mask].read_raw_bytes(),
                            describe(xobject[mask]),
                        )
    return found


def xmp_of(pdf: bytes) -> dict[str, str]:
    with pikepdf.open(io.BytesIO(pdf)) as doc, doc.open_metadata() as xmp:
        return {key: str(value) for key, value in xmp.items()}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def page_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        textpage = doc[0].get_textpage()
        return nfc(textpage.get_text_range())
    finally:
        doc.close()


# --- the use case, with OCR stood in ----------------------------------------------------


def test_the_searchable_version_replaces_the_component_and_is_announced(
    db, clerk, received, pages_factory, monkeypatch
):
    first = attachments.attach_component(
        db, clerk, received, 1, pages_factory(2), source="scanner", now=NOW
    )
    monkeypatch.setattr(ocr, "add_text_layer", _marked)
    result = attachments.add_text_layer(db, clerk, received, 1, now=NOW)
    assert result.sha256 != first.sha256 and result.pages == 2
    data = attachments.read_component(db, clerk, received, 1)
    assert sha256_of(data) == result.sha256
    with db.read() as session:
        row = session.scalar(select(Attachment))
        event = session.scalars(select(OutboxEvent).order_by(OutboxEvent.id.desc())).first()
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "dossier.ocr"))
    assert row.sha256 == result.sha256 and row.source == "scanner"
    assert event.payload["manifest"][0]["sha256"] == result.sha256
    assert audit.detail["replaced"] == first.sha256


def test_without_ocr_installed_nothing_changes(db, clerk, received, pages_factory, monkeypatch):
    attachments.attach_component(db, clerk, received, 1, pages_factory(1), source="file", now=NOW)
    monkeypatch.setattr(ocr, "missing", lambda: ["tesseract-ocr-vie"])
    assert not ocr.available()
    before = snapshot(db.path)
    with pytest.raises(DomainError) as err:
        attachments.add_text_layer(db, clerk, received, 1)
    assert err.value.code == "ocr_unavailable"
    assert "tesseract-ocr-vie" in err.value.message_vi
    assert snapshot(db.path) == before


def test_a_recapture_during_ocr_wins(db, clerk, received, pages_factory, monkeypatch):
    attachments.attach_component(db, clerk, received, 1, pages_factory(1), source="file", now=NOW)

    def recaptured_meanwhile(pdf: bytes, **kw: object) -> bytes:
        attachments.attach_component(
            db, clerk, received, 1, pages_factory(2, seed=5), source="scanner", now=LATER
        )
        return _marked(pdf)

    monkeypatch.setattr(ocr, "add_text_layer", recaptured_meanwhile)
    with pytest.raises(DomainError) as err:
        attachments.add_text_layer(db, clerk, received, 1, now=LATER)
    assert err.value.code == "attachment_changed"
    with db.read() as session:
        assert session.scalar(select(Attachment)).pages == 2


def test_an_old_ocrmypdf_counts_as_missing(monkeypatch):
    # 16.x would need Ghostscript to rasterise, which the station does not install.
    monkeypatch.setattr(ocr, "_ocrmypdf_major", lambda: 16)
    assert any(item.startswith("ocrmypdf ≥ 17") for item in ocr.missing())


def test_the_ocr_setting_is_on_by_default_and_a_clerk_may_turn_it_off(db, clerk):
    assert settings_admin.snapshot(db, clerk).values["capture_ocr"] == "1"
    assert settings.is_on(settings.SPECS["capture_ocr"].default)
    settings_admin.update(db, clerk, {"capture_ocr": "0"})
    assert not settings.is_on(settings_admin.snapshot(db, clerk).values["capture_ocr"])
    assert [settings.is_on(v) for v in ("1", "on", "bật", "0", "off", "tắt")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert settings.is_on("?", default=False) is False and settings.is_on("") is True


# --- real OCR ------------------------------------------------------------------------


def test_real_ocr_finds_vietnamese_text(db, clerk, received, real_ocr, pdftotext):
    page = page_from_image(form_page(), source="file", label="to-khai.png", dpi=200)
    first = attachments.attach_component(db, clerk, received, 1, [page], source="file", now=NOW)
    image_only = attachments.read_component(db, clerk, received, 1)
    assert not ocr.has_text_layer(image_only)

    result = attachments.add_text_layer(db, clerk, received, 1, now=LATER)
    assert result.sha256 != first.sha256
    assert (result.pages, result.dpi, result.source) == (first.pages, first.dpi, "file")
    data = attachments.read_component(db, clerk, received, 1)  # verifies the hash
    assert sha256_of(data) == result.sha256 and len(data) == result.size
    assert attachments.verify(db, clerk, result.sha256) == result.size
    assert ocr.has_text_layer(data)

    # The clear copy OCR worked on was in the data folder's tmp, and is gone.
    assert [p for p in (db.path.parent / "tmp").rglob("*")] == []
    # On disk the scan is encrypted; poppler reads the plaintext the store hands out.
    stored = attachments.store_for(db).path_for(result.sha256)
    assert not stored.read_bytes().startswith(b"%PDF")
    text = nfc(
        subprocess.run(
            [pdftotext, "-", "-"],
            input=data,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode()
    )
    found = [w for w in EXPECTED_WORDS if nfc(w) in text]
    assert found == EXPECTED_WORDS, text
    assert nfc("Cộng hòa xã hội chủ nghĩa Việt Nam") in text

    # The record still says who captured what, when; only the modification date is new.
    before, after = pdfout.read_metadata(image_only), pdfout.read_metadata(data)
    assert {k: v for k, v in after.items() if k != "ModDate"} == before
    assert after["ModDate"].startswith("D:20260213094500+07")
    xmp_before, xmp_after = xmp_of(image_only), xmp_of(data)
    changed = {k for k in xmp_after if xmp_after[k] != xmp_before.get(k)}
    assert changed == {XMP + "ModifyDate", XMP + "MetadataDate"}
    assert set(xmp_before) <= set(xmp_after)
    assert xmp_after[XMP + "ModifyDate"] == "2026-02-13T09:45:00+07:00"

    # The page image is the one captured, byte for byte.
    assert image_streams(data) == image_streams(image_only)

    # A second pass would only change the hash again: refused, nothing written.
    state = snapshot(db.path)
    with pytest.raises(DomainError) as err:
        attachments.add_text_layer(db, clerk, received, 1)
    assert err.value.code == "already_searchable"
    assert snapshot(db.path) == state


def _cleaned(kind: str) -> CleanedPage:
    image = form_page()
    image = {
        "colour": image,
        "gray": image.convert("L"),
        "bw": image.convert("L").point(lambda v: 255 if v > 165 else 0).convert("1"),
    }[kind]
    return CleanedPage(image, kind, 200.0, 0.0, False)


def _stencil_g4(mask: Image.Image) -> bytes:
    """The CCITT G4 bytes of a one-strip TIFF, as they go into a PDF."""
    buf = io.BytesIO()
    mask.save(buf, "TIFF", compression="group4", tiffinfo={278: mask.height})
    with Image.open(io.BytesIO(buf.getvalue())) as tiff:
        offset, count = tiff.tag_v2[273][0], tiff.tag_v2[279][0]
    return buf.getvalue()[offset : offset + count]


def mixed_raster_pdf(dpi: int = 200) -> bytes:
    """A background JPEG, then a colour JPEG painted through an ImageMask (CCITT G4).

    Built by hand, as archival scanning software lays out a mixed-raster page:
    the background at half, the ink's colour at a third of the resolution,
    the ink's shape at full resolution.
    """
    page = form_page()
    width, height = page.size
    ink = page.convert("L").point(lambda v: 0 if v < 165 else 255).convert("1")

    def jpeg(image: Image.Image) -> bytes:
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=50)
        return buf.getvalue()

    background = page.resize((width // 2, height // 2))
    foreground = Image.new("RGB", (width // 3, height // 3), (25, 25, 30))
    doc = pikepdf.new()

    def dct(data: bytes, size: tuple[int, int]) -> pikepdf.Stream:
        return pikepdf.Stream(
            doc,
            data,
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=size[0],
            Height=size[1],
            ColorSpace=pikepdf.Name.DeviceRGB,
            BitsPerComponent=8,
            Filter=pikepdf.Name.DCTDecode,
        )

    shape = pikepdf.Stream(
        doc,
        _stencil_g4(ink),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=width,
        Height=height,
        ImageMask=True,
        Filter=pikepdf.Name.CCITTFaxDecode,
        DecodeParms=pikepdf.Dictionary(K=-1, Columns=width, Rows=height, BlackIs1=False),
        Decode=pikepdf.Array([1, 0]),
    )
    colour = dct(jpeg(foreground), foreground.size)
    colour.Mask = shape
    w_pt, h_pt = width * 72 / dpi, height * 72 / dpi
    box = f"{w_pt:.4f} 0 0 {h_pt:.4f} 0 0 cm"
    doc.pages.append(
        pikepdf.Page(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Page,
                MediaBox=[0, 0, w_pt, h_pt],
                Resources=pikepdf.Dictionary(
                    XObject=pikepdf.Dictionary(BG=dct(jpeg(background), background.size), FG=colour)
                ),
                Contents=pikepdf.Stream(doc, f"q {box} /BG Do Q q {box} /FG Do Q".encode()),
            )
        )
    )
    doc.docinfo["/MotCuaDossierCode"] = "000.00.24.H47-260213-0001"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def component_pdf(kind: str) -> bytes:
    if kind == "mixed":
        return mixed_raster_pdf()
    meta = pdfout.PdfMetadata(
        "000.00.24.H47-260213-0001", 1, "Tờ khai", "canbo1", "Trần Thị Hoa", NOW, "file"
    )
    return pdfout.build_pdf([pdfout.encode(_cleaned(kind))], meta)


@pytest.mark.parametrize("kind", ["colour", "gray", "bw", "mixed"])
def test_ocr_keeps_every_image_as_it_was_and_needs_no_ghostscript(
    kind, real_ocr, without_ghostscript
):
    original = component_pdf(kind)
    streams = image_streams(original)
    filters = {v[1]["/Filter"] for v in streams.values()}
    assert (
        filters
        == {
            "colour": {"/DCTDecode"},
            "gray": {"/DCTDecode"},
            "bw": {"/CCITTFaxDecode"},
            "mixed": {"/DCTDecode", "/CCITTFaxDecode"},
        }[kind]
    )
    searchable = ocr.add_text_layer(original, modified=LATER)
    assert ocr.has_text_layer(searchable) and not ocr.has_text_layer(original)
    assert nfc("Cộng hòa xã hội chủ nghĩa Việt Nam") in page_text(searchable)
    assert image_streams(searchable) == streams
    assert pdfout.read_metadata(searchable)["MotCuaDossierCode"] == "000.00.24.H47-260213-0001"
