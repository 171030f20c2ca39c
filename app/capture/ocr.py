"""Optional searchable text layer (OCRmyPDF + Tesseract with Vietnamese).

Nothing here is required: a station without OCRmyPDF or without Tesseract's
Vietnamese data simply keeps image-only PDFs, and :func:`available` says so.
OCR takes seconds per page, so callers run it in the background after the
component is already saved; the result is a new file (new hash) that
replaces the image-only one. The page images are kept as they are
(``optimize=0``, plain PDF output): OCR adds text, it never recompresses.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pikepdf

from app.domain.errors import DomainError

LANGUAGE = "vie"


def tesseract_languages() -> set[str]:
    exe = shutil.which("tesseract")
    if exe is None:
        return set()
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                              timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return set()
    lines = (done.stdout or done.stderr).splitlines()
    return {line.strip() for line in lines[1:] if line.strip()}


def missing() -> list[str]:
    """What is lacking for OCR, as names an IT person can install; empty if ready."""
    lacks = []
    if importlib.util.find_spec("ocrmypdf") is None:
        lacks.append("ocrmypdf (Python)")
    languages = tesseract_languages()
    if not languages:
        lacks.append("tesseract-ocr")
    elif LANGUAGE not in languages:
        lacks.append("tesseract-ocr-vie")
    return lacks


def available() -> bool:
    return not missing()


def add_text_layer(pdf: bytes, *, language: str = LANGUAGE) -> bytes:
    """``pdf`` with an invisible text layer over each page; metadata kept."""
    lacks = missing()
    if lacks:
        raise DomainError(
            "ocr_unavailable",
            "Máy chưa cài nhận dạng chữ (OCR): thiếu " + ", ".join(lacks) + ".",
            "Text recognition (OCR) is not installed: missing " + ", ".join(lacks) + ".",
        )
    import ocrmypdf

    with tempfile.TemporaryDirectory(prefix="motcua-ocr-") as tmp:
        source, target = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        source.write_bytes(pdf)
        try:
            ocrmypdf.ocr(source, target, language=[language], output_type="pdf", optimize=0,
                         skip_text=True, progress_bar=False, jobs=1)
        except Exception as exc:  # noqa: BLE001 - OCRmyPDF raises many kinds; none is fatal
            raise DomainError(
                "ocr_failed",
                f"Nhận dạng chữ không thành công ({exc.__class__.__name__}); tệp gốc vẫn giữ.",
                f"Text recognition failed ({exc.__class__.__name__}); the original is kept.",
            ) from None
        return _with_metadata_of(pdf, target.read_bytes())


def _with_metadata_of(original: bytes, recognised: bytes) -> bytes:
    """The recognised file carrying the original's document information."""
    with pikepdf.open(io.BytesIO(original)) as src, pikepdf.open(io.BytesIO(recognised)) as dst:
        for key, value in src.docinfo.items():
            dst.docinfo[key] = pikepdf.String(str(value))
        out = io.BytesIO()
        dst.save(out, deterministic_id=True)
    return out.getvalue()
