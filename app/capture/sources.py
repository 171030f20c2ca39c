"""Importing page images from files: JPEG, PNG, multi-page TIFF and PDF.

Files come from citizens' USB sticks, e-mail and scanners' output folders, so
each is treated as hostile until checked: the type is read from its first
bytes (never from the name), its size, pixel count and page count are bounded
before anything is decoded, every image is decoded once here so a truncated
file is refused at import rather than half-saved later, and names are only
ever used as labels. Nothing in this module writes a file.
"""

from __future__ import annotations

import io
import os
import re
import stat
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from app.capture.guards import (
    KINDS,
    MAX_FILE_BYTES,
    MAX_NAME,
    MAX_PAGE_PIXELS,
    MAX_PAGES,
    MAX_SIDE,
    RASTER_DPI,
    check_page_total,
    check_pixels,
    check_size,
    damaged,
    plain_mode,
    refuse,
)
from app.capture.pages import Page
from app.capture.pdfpages import pdf_pages
from app.domain.errors import DomainError

# Re-exported: callers read the limits from here.
__all__ = [
    "KINDS",
    "MAX_FILE_BYTES",
    "MAX_PAGES",
    "MAX_PAGE_PIXELS",
    "MAX_SIDE",
    "RASTER_DPI",
    "import_bytes",
    "import_file",
    "import_files",
    "safe_name",
    "sniff",
]

# Camera-only EXIF tags (exposure time, focal length): a scanner never writes them.
_CAMERA_TAGS = (0x829A, 0x920A)
_EXIF_IFD = 0x8769
_FORBIDDEN_NAME = re.compile(r"[\\/:*?\"<>|]")


def safe_name(name: str) -> str:
    """The name as a label, or a refusal if it tries to be a path.

    A name like ``../../x.pdf`` never reaches the file system here, but it
    is refused anyway: whoever produced it is not a scanner or a citizen's
    document, and a label that looks like a path misleads the clerk.
    """
    text = unicodedata.normalize("NFC", name or "")
    bad = (
        not text.strip()
        or len(text) > MAX_NAME
        or text in (".", "..")
        or ".." in text.replace("\\", "/").split("/")
        or _FORBIDDEN_NAME.search(text) is not None
        or any(unicodedata.category(ch).startswith("C") for ch in text)
    )
    if bad:
        shown = text.encode("unicode_escape").decode("ascii")[:80]
        raise DomainError(
            "bad_file_name",
            f"Tên tệp “{shown}” không hợp lệ (chứa đường dẫn hoặc ký tự điều khiển); "
            "tệp không được nhận.",
            f"File name “{shown}” is not allowed (it holds a path or control characters); "
            "the file was refused.",
            field="files",
        )
    return text.strip()


def sniff(data: bytes) -> str | None:
    """The file type from its first bytes: ``jpeg``, ``png``, ``tiff``, ``pdf`` or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    return None


def import_files(
    paths: Iterable[Path | str], *, source: str = "file", camera: bool | None = None
) -> list[Page]:
    """All pages of ``paths`` in order; refuses the lot if any file is refused.

    Files are checked on all cores (each page is decoded once to catch
    damage); the first refusal in file order is the one reported.
    """
    files = [Path(p) for p in paths]
    workers = max(1, min(len(files), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="import") as pool:
        futures = [pool.submit(import_file, f, source=source, camera=camera) for f in files]
        pages: list[Page] = []
        for future in futures:
            pages.extend(future.result())
            check_page_total(len(pages))
    return pages


def import_file(path: Path, *, source: str = "file", camera: bool | None = None) -> list[Page]:
    label = safe_name(path.name)
    try:
        info = path.stat()
    except OSError as exc:
        raise refuse(
            "unreadable_file",
            label,
            f"không đọc được ({exc.strerror or 'lỗi'}).",
            f"cannot be read ({exc.strerror or 'error'}).",
        ) from None
    # A FIFO or device would block or never end; only regular files are read.
    if not stat.S_ISREG(info.st_mode):
        raise refuse(
            "not_a_file", label, "không phải là tệp thông thường.", "is not a regular file."
        )
    check_size(info.st_size, label)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise refuse(
            "unreadable_file",
            label,
            f"không đọc được ({exc.strerror or 'lỗi'}).",
            f"cannot be read ({exc.strerror or 'error'}).",
        ) from None
    return import_bytes(label, data, source=source, camera=camera)


def import_bytes(
    name: str,
    data: bytes,
    *,
    source: str = "file",
    camera: bool | None = None,
    verify: bool = True,
) -> list[Page]:
    """Pages of one file given as bytes (drag and drop, a scanner, the watched folder).

    ``camera`` None means: decide from the image (camera EXIF tags).
    ``verify`` decodes every page now, so a damaged file is refused at once;
    only the station's own scanner output, which the cleaning step decodes
    anyway, is taken without it.
    """
    label = safe_name(name)
    check_size(len(data), label)
    kind = sniff(data)
    if kind is None:
        raise refuse(
            "unsupported_file",
            label,
            "không phải ảnh JPEG, PNG, TIFF hay tệp PDF; chỉ nhận các định dạng đó.",
            "is not a JPEG, PNG, TIFF or PDF file; only those are accepted.",
        )
    if kind == "pdf":
        return pdf_pages(label, data, source)
    return _image_pages(label, data, source, camera, verify)


def _dpi(info: dict) -> float | None:
    value = info.get("dpi")
    try:
        dpi = float(value[0]) if isinstance(value, tuple) else float(value)
    except (TypeError, ValueError, IndexError):
        return None
    # 72 and 96 are what software writes when it does not know.
    return dpi if 100 <= dpi <= 2400 else None


def _looks_photographed(image: Image.Image) -> bool:
    # A PNG's EXIF may sit after its pixels, and Pillow decodes the whole
    # image to reach it; only a chunk already read counts.
    if image.format == "PNG" and "exif" not in image.info:
        return False
    try:
        exif = image.getexif()
        sub = exif.get_ifd(_EXIF_IFD)
    except Exception:  # noqa: BLE001 - broken EXIF only means "not a known camera"
        return False
    return any(tag in sub or tag in exif for tag in _CAMERA_TAGS)


def _too_large(label: str) -> DomainError:
    return refuse(
        "image_too_large",
        label,
        "ảnh quá lớn cho một trang giấy (có thể là tệp độc hại); tệp không được nhận.",
        "the image is too large for a paper page (possibly hostile); refused.",
    )


def _decode_image(data: bytes, frame: int, label: str, kind: str) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            if frame:
                image.seek(frame)
            check_pixels(image.width, image.height, label)
            image.load()
            if not frame:
                image = ImageOps.exif_transpose(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(label) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise damaged(label, kind) from None
    return plain_mode(image)


def _verify_image(data: bytes, frame: int, label: str, kind: str) -> None:
    """Refuse a damaged page now, as cheaply as its format allows.

    The page is decoded in full when it is cleaned; here a JPEG is decoded at
    an eighth of its size (every byte of it is still read, so a cut-off or
    corrupt file fails) and a PNG has every chunk's checksum checked, which
    catches a cut-off or altered file without inflating its pixels.
    """
    if kind not in ("jpeg", "png"):
        _decode_image(data, frame, label, kind)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            check_pixels(image.width, image.height, label)
            if kind == "png":
                image.verify()
            else:
                image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
        except DomainError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(label) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise damaged(label, kind) from None


def _image_pages(
    label: str, data: bytes, source: str, camera: bool | None, verify: bool
) -> list[Page]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            photographed = _looks_photographed(image) if camera is None else camera
            frames: list[tuple[int, float | None]] = []
            while True:
                check_pixels(image.width, image.height, label)
                frames.append((image.tell(), _dpi(image.info)))
                check_page_total(len(frames), label)
                # Only TIFF holds pages; an MPO's or APNG's extra frames are not pages.
                if image.format != "TIFF":
                    break
                try:
                    image.seek(image.tell() + 1)
                except EOFError:
                    break
        except DomainError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(label) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise damaged(label, sniff(data) or "jpeg") from None
    kind = sniff(data) or "jpeg"
    pages = []
    for number, (frame, dpi) in enumerate(frames, start=1):
        if verify:
            _verify_image(data, frame, label, kind)
        shown = label if len(frames) == 1 else f"{label} #{number}"
        pages.append(
            Page(_frame_opener(data, frame, label, kind), source, shown, dpi, photographed)
        )
    return pages


def _frame_opener(data: bytes, frame: int, label: str, kind: str) -> Callable[[], Image.Image]:
    return lambda: _decode_image(data, frame, label, kind)
