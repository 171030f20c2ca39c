"""Optional searchable text layer (OCRmyPDF + Tesseract with Vietnamese).

Nothing here is required: a station without OCRmyPDF or without Tesseract's
Vietnamese data simply keeps image-only PDFs, and :func:`available` says so.
OCR takes seconds per page, so callers run it in the background after the
component is already saved; the result is a new file (new hash) that
replaces the image-only one. The page images are kept as they are
(``optimize=0``, plain PDF output): OCR adds text, it never recompresses.

Ghostscript is not needed: OCRmyPDF 17 rasterises with pypdfium2 (already a
dependency), and only PDF/A output would call Ghostscript.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import io
import logging
import shutil
import subprocess
import threading
from datetime import datetime
from pathlib import Path

import pikepdf

from app.domain.errors import DomainError
from app.infra import clock
from app.infra.clock import VN_TZ
from app.protect import hygiene

LANGUAGE = "vie"
# 16.x has no pypdfium2 rasteriser and would need Ghostscript for every page.
MIN_OCRMYPDF = 17

log = logging.getLogger("motcua.capture.ocr")

# One recognition at a time in the whole process: with jobs=1 OCRmyPDF also
# keeps Tesseract to one thread, so a counter PC keeps a core for the clerk.
_one_at_a_time = threading.Lock()


def tesseract_languages() -> set[str]:
    exe = shutil.which("tesseract")
    if exe is None:
        return set()
    try:
        done = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return set()
    lines = (done.stdout or done.stderr).splitlines()
    return {line.strip() for line in lines[1:] if line.strip()}


def _ocrmypdf_major() -> int | None:
    if importlib.util.find_spec("ocrmypdf") is None:
        return None
    try:
        return int(importlib.metadata.version("ocrmypdf").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return 0


def missing() -> list[str]:
    """What is lacking for OCR, as names an IT person can install; empty if ready."""
    lacks = []
    major = _ocrmypdf_major()
    if major is None:
        lacks.append("ocrmypdf (Python)")
    elif major < MIN_OCRMYPDF:
        lacks.append(f"ocrmypdf ≥ {MIN_OCRMYPDF} (Python)")
    languages = tesseract_languages()
    if not languages:
        lacks.append("tesseract-ocr")
    elif LANGUAGE not in languages:
        lacks.append("tesseract-ocr-vie")
    return lacks


def available() -> bool:
    return not missing()


def unavailable_error(lacks: list[str]) -> DomainError:
    return DomainError(
        "ocr_unavailable",
        "Máy chưa cài nhận dạng chữ (OCR): thiếu " + ", ".join(lacks) + ".",
        "Text recognition (OCR) is not installed: missing " + ", ".join(lacks) + ".",
    )


def has_text_layer(pdf: bytes) -> bool:
    """Whether any page already carries fonts (our image-only PDFs never do)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            resources = page.obj.get("/Resources", {})
            if "/Font" in resources:
                return True
            for xobject in resources.get("/XObject", {}).values():
                if xobject.get("/Subtype") == "/Form" and "/Font" in xobject.get("/Resources", {}):
                    return True
    return False


def add_text_layer(
    pdf: bytes,
    *,
    language: str = LANGUAGE,
    modified: datetime | None = None,
    work_dir: Path | None = None,
) -> bytes:
    """``pdf`` with an invisible text layer over each page; metadata kept.

    ``modified`` (office-local time, default now) is recorded as the file's
    modification date; the capture date and every other field stay the
    original's. The file passes through ``work_dir`` (the data folder's
    ``tmp``), shredded afterwards.
    """
    lacks = missing()
    if lacks:
        raise unavailable_error(lacks)
    import ocrmypdf

    _quiet_library_logs()
    with _one_at_a_time, hygiene.shredded_tempdir("motcua-ocr-", work_dir) as tmp:
        source, target = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        source.write_bytes(pdf)
        try:
            code = ocrmypdf.ocr(
                source,
                target,
                language=[language],
                output_type="pdf",
                optimize=0,
                skip_text=True,
                rasterizer="pypdfium",
                jobs=1,
                use_threads=True,
                progress_bar=False,
            )
            if int(code) != 0:
                raise RuntimeError(f"OCRmyPDF exit code {int(code)}")
            return _with_metadata_of(pdf, target.read_bytes(), modified or clock.now())
        except Exception as exc:  # noqa: BLE001 - OCRmyPDF raises many kinds; none is fatal
            log.warning("OCR failed", exc_info=True)
            raise DomainError(
                "ocr_failed",
                f"Nhận dạng chữ không thành công ({exc.__class__.__name__}); tệp gốc vẫn giữ.",
                f"Text recognition failed ({exc.__class__.__name__}); the original is kept.",
            ) from None


def _quiet_library_logs() -> None:
    # Without a handler of its own, OCRmyPDF's warnings ("lots of diacritics",
    # normal for Vietnamese) would reach stderr through logging's last resort.
    logger = logging.getLogger("ocrmypdf")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _pdf_date(value: datetime) -> str:
    aware = value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value
    return aware.strftime("D:%Y%m%d%H%M%S+07'00'")


def _with_metadata_of(original: bytes, recognised: bytes, modified: datetime) -> bytes:
    """The recognised file carrying the original's document information and XMP.

    OCRmyPDF names itself producer and creator tool; the record keeps saying
    who captured the paper, when and where, as the image-only file did.
    """
    with pikepdf.open(io.BytesIO(original)) as src, pikepdf.open(io.BytesIO(recognised)) as dst:
        for key, value in src.docinfo.items():
            dst.docinfo[key] = pikepdf.String(str(value))
        if "/Metadata" in src.Root:
            dst.Root.Metadata = dst.make_stream(
                src.Root.Metadata.read_bytes(), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML
            )
        aware = (
            modified.replace(tzinfo=VN_TZ)
            if modified.tzinfo is None
            else modified.astimezone(VN_TZ)
        )
        dst.docinfo["/ModDate"] = _pdf_date(aware)
        with dst.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["xmp:ModifyDate"] = aware.isoformat()
            xmp["xmp:MetadataDate"] = aware.isoformat()
        out = io.BytesIO()
        dst.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
