"""Importing files: the formats that are accepted, and hostile files that are refused."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from app.capture import sources
from app.domain.errors import DomainError
from tests.capture.synth import encoded, text_page


def _page(seed: int = 1) -> Image.Image:
    return text_page(100, seed=seed, lines=10, noise=0)


def _refused(code: str, name: str, data: bytes) -> DomainError:
    with pytest.raises(DomainError) as err:
        sources.import_bytes(name, data)
    assert err.value.code == code, err.value.message_vi
    return err.value


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def _bomb_png(side: int) -> bytes:
    """A real decompression bomb: ``side``² grey pixels of zeros, a few hundred kB."""
    packer = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", body)
        + _png_chunk(b"IEND", b"")
    )


def test_jpeg_png_and_multipage_tiff_give_their_pages_in_order():
    jpeg = sources.import_bytes("a.jpg", encoded(_page(1), "JPEG", dpi=(300, 300)))
    png = sources.import_bytes("b.png", encoded(_page(2), "PNG"))
    frames = [_page(3), _page(4).convert("L"), _page(5).convert("1")]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], dpi=(200, 200))
    tiff = sources.import_bytes("c.tif", buf.getvalue())
    assert [p.label for p in jpeg + png + tiff] == [
        "a.jpg",
        "b.png",
        "c.tif #1",
        "c.tif #2",
        "c.tif #3",
    ]
    assert jpeg[0].dpi == 300 and png[0].dpi is None and tiff[0].dpi == 200
    assert [p.load().mode for p in tiff] == ["RGB", "L", "1"]
    assert tiff[2].load().size == frames[2].size


def test_exif_orientation_is_applied_and_camera_shots_are_recognised():
    image = Image.new("RGB", (60, 40), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif.get_ifd(0x8769)[0x829A] = 0.01  # exposure time: a camera wrote this
    buf = io.BytesIO()
    image.save(buf, "JPEG", exif=exif)
    (page,) = sources.import_bytes("IMG_0001.JPG", buf.getvalue())
    assert page.load().size == (40, 60)
    assert page.camera
    (scan,) = sources.import_bytes("scan.jpg", encoded(image, "JPEG"))
    assert not scan.camera
    buf = io.BytesIO()
    image.save(buf, "PNG", exif=exif)  # a phone's PNG screenshot or export
    (png,) = sources.import_bytes("IMG_0002.PNG", buf.getvalue())
    assert png.camera


def test_scanner_pngs_are_not_decoded_until_cleaned():
    """The station's own scanner output is decoded once, by the worker that cleans it."""
    whole = encoded(Image.new("RGB", (400, 600), "white"), "PNG")
    cut = whole[: len(whole) // 2]
    (page,) = sources.import_bytes("scan.png", cut, source="scanner", verify=False)
    assert page.label == "scan.png"
    with pytest.raises(DomainError):
        page.load()
    with pytest.raises(DomainError):
        sources.import_bytes("scan.png", cut)


def test_pdf_scanned_pages_are_taken_as_images_and_other_pages_rasterised():
    image_pdf = pikepdf.Pdf.new()
    for seed in (1, 2):
        img = _page(seed)
        page_pdf = pikepdf.open(io.BytesIO(_img2pdf(img, 100)))
        image_pdf.pages.extend(page_pdf.pages)
    buf = io.BytesIO()
    image_pdf.save(buf)
    pages = sources.import_bytes("scan.pdf", buf.getvalue())
    assert len(pages) == 2
    assert [round(p.dpi) for p in pages] == [100, 100]
    assert pages[0].load().size == _page(1).size

    text_pdf = io.BytesIO()
    c = canvas.Canvas(text_pdf, pagesize=(595, 842))
    c.drawString(72, 770, "Giấy tờ điện tử")
    c.showPage()
    c.save()
    (page,) = sources.import_bytes("born-digital.pdf", text_pdf.getvalue())
    assert page.dpi == sources.RASTER_DPI
    assert page.load().size == (round(595 / 72 * 200), round(842 / 72 * 200))


def _img2pdf(image: Image.Image, dpi: int) -> bytes:
    import img2pdf

    return img2pdf.convert(encoded(image, "JPEG", dpi=(dpi, dpi)))


def test_truncated_jpeg_is_refused():
    data = encoded(_page(), "JPEG", quality=80)
    error = _refused("damaged_file", "anh.jpg", data[: len(data) // 2])
    assert "bị hỏng hoặc không đầy đủ" in error.message_vi


def test_decompression_bomb_png_is_refused_before_decoding():
    data = _bomb_png(20_000)
    assert len(data) < 1_000_000
    error = _refused("image_too_large", "bom.png", data)
    assert "quá lớn" in error.message_vi


def test_a_pdf_of_ten_thousand_pages_is_refused():
    pdf = pikepdf.Pdf.new()
    for _ in range(10_000):
        pdf.add_blank_page()
    buf = io.BytesIO()
    pdf.save(buf)
    error = _refused("too_many_pages", "nhieu-trang.pdf", buf.getvalue())
    assert "10000 trang" in error.message_vi


@pytest.mark.parametrize(
    "name",
    [
        "../../x.pdf",
        "..\\..\\x.pdf",
        "/etc/passwd",
        "a/b.pdf",
        "..",
        "x\x00.pdf",
        "bad\nname.pdf",
        "",
    ],
)
def test_names_that_are_paths_are_refused(name: str):
    pdf = pikepdf.Pdf.new()
    pdf.add_blank_page()
    buf = io.BytesIO()
    pdf.save(buf)
    error = _refused("bad_file_name", name, buf.getvalue())
    assert "không hợp lệ" in error.message_vi


def test_other_hostile_or_wrong_inputs_are_refused(tmp_path: Path):
    _refused("unsupported_file", "ghi-chu.txt", b"just text, not a page")
    _refused("unsupported_file", "renamed.pdf", b"MZ\x90\x00 an executable")
    _refused("empty_file", "rong.png", b"")
    _refused("damaged_file", "hong.pdf", b"%PDF-1.7\n garbage")
    encrypted = io.BytesIO()
    pdf = pikepdf.Pdf.new()
    pdf.add_blank_page()
    pdf.save(encrypted, encryption=pikepdf.Encryption(user="mk", owner="mk"))
    _refused("encrypted_pdf", "khoa.pdf", encrypted.getvalue())
    with pytest.raises(DomainError) as err:
        sources.import_file(tmp_path)
    assert err.value.code == "not_a_file"
    with pytest.raises(DomainError) as err:
        sources.import_file(tmp_path / "missing.png")
    assert err.value.code == "unreadable_file"


def test_the_page_limit_counts_across_files(monkeypatch, tmp_path: Path):
    monkeypatch.setattr("app.capture.guards.MAX_PAGES", 3)
    files = []
    for i in range(2):
        path = tmp_path / f"{i}.tif"
        frames = [_page(i), _page(i + 5)]
        frames[0].save(path, save_all=True, append_images=frames[1:])
        files.append(path)
    with pytest.raises(DomainError) as err:
        sources.import_files(files)
    assert err.value.code == "too_many_pages"
