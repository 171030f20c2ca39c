"""``attach``, ``scan``, ``batch``, ``ocr`` and ``print cover``: digitizing from the command line.

Imaging libraries are imported inside the handlers, so other subcommands
start as fast as before.
"""

from __future__ import annotations

import sys
import time
from argparse import Namespace
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.capture import attachments, batches
from app.cli.acting import actor
from app.cli.output import Output
from app.domain.errors import DomainError
from app.office.auth import Actor
from db.engine import Database


def _options(args: Namespace):
    from app.capture.clean import CleanOptions

    return CleanOptions(deskew=not args.no_deskew, crop=not args.no_crop, colour=args.colour)


def _size(count: int) -> str:
    return f"{count / 1024:.0f} kB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


def _progress(out: Output):
    if out.as_json or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(
            f"\r{out.t('Đang xử lý trang', 'Processing page')} {done}/{total}",
            end="",
            file=sys.stderr,
            flush=True,
        )
        if done == total:
            print(file=sys.stderr)

    return show


def _result_lines(result: attachments.AttachResult, out: Output) -> list[str]:
    lines = [
        out.t(
            f"Đã số hóa hồ sơ {result.code}, thành phần {result.component_index}: "
            f"{result.pages} trang, {result.dpi} dpi, {_size(result.size)}",
            f"Digitized dossier {result.code}, component {result.component_index}: "
            f"{result.pages} pages, {result.dpi} dpi, {_size(result.size)}",
        ),
        f"  SHA-256 {result.sha256}",
    ]
    lines += [out.t("  Cảnh báo: ", "  Warning: ") + w.message(out.lang) for w in result.warnings]
    return lines


def cmd_attach(args: Namespace, db: Database, out: Output) -> int:
    from app.capture.sources import import_files

    who = actor(db, args)
    attachments.check_target(db, who, args.code, args.component)
    camera = True if args.camera else None
    pages = import_files([Path(f) for f in args.files], camera=camera)
    result = attachments.attach_component(
        db,
        who,
        args.code,
        args.component,
        pages,
        source="camera" if args.camera else "file",
        options=_options(args),
        progress=_progress(out),
    )
    if not args.ocr:
        out.emit(result.to_json(), _result_lines(result, out))
        return 0
    # The component is attached whatever OCR does next: a missing or failing
    # OCR is reported beside the result, never as the command's failure.
    result, outcome = _text_layer_after_attach(db, who, result, out)
    out.emit(
        {**result.to_json(), "ocr": outcome.to_json()},
        _result_lines(result, out) + [outcome.line(out)],
    )
    return 0


@dataclass(frozen=True)
class _OcrOutcome:
    status: str  # "done" | "skipped" | "failed"
    error: DomainError | None = None
    seconds: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "code": self.error.code if self.error else None,
            "message": self.error.message_vi if self.error else None,
            "seconds": round(self.seconds, 1) if self.seconds is not None else None,
        }

    def line(self, out: Output) -> str:
        if self.status == "done":
            seconds = f"{self.seconds or 0:.1f}"
            return out.t(
                f"  Nhận dạng chữ (OCR): xong sau {seconds.replace('.', ',')} giây",
                f"  Text recognition (OCR): done in {seconds} s",
            )
        why = self.error.message(out.lang) if self.error else ""
        if self.status == "skipped":
            return (
                out.t("  Nhận dạng chữ (OCR): bỏ qua — ", "  Text recognition (OCR): skipped — ")
                + why
            )
        return (
            out.t(
                "  Nhận dạng chữ (OCR): không thành công — ", "  Text recognition (OCR): failed — "
            )
            + why
        )


def _say_recognising(out: Output) -> None:
    if not out.as_json and sys.stderr.isatty():
        print(out.t("Đang nhận dạng chữ (OCR)…", "Recognising text (OCR)…"), file=sys.stderr)


def _text_layer_after_attach(
    db: Database, who: Actor, result: attachments.AttachResult, out: Output
) -> tuple[attachments.AttachResult, _OcrOutcome]:
    from app.capture import ocr

    lacks = ocr.missing()
    if lacks:
        return result, _OcrOutcome("skipped", ocr.unavailable_error(lacks))
    _say_recognising(out)
    started = time.perf_counter()
    try:
        searchable = attachments.add_text_layer(db, who, result.code, result.component_index)
    except DomainError as exc:
        return result, _OcrOutcome("failed", exc)
    # The capture's warnings (low resolution, …) still describe the final file.
    searchable = replace(searchable, warnings=result.warnings)
    return searchable, _OcrOutcome("done", seconds=time.perf_counter() - started)


def cmd_ocr(args: Namespace, db: Database, out: Output) -> int:
    who = actor(db, args)
    attachments.check_target(db, who, args.code, args.component)
    _say_recognising(out)
    started = time.perf_counter()
    result = attachments.add_text_layer(db, who, args.code, args.component)
    outcome = _OcrOutcome("done", seconds=time.perf_counter() - started)
    lines = [
        out.t(
            f"Đã thêm lớp chữ cho hồ sơ {result.code}, thành phần {result.component_index}: "
            f"{result.pages} trang, {_size(result.size)}",
            f"Added the text layer to dossier {result.code}, component "
            f"{result.component_index}: {result.pages} pages, {_size(result.size)}",
        ),
        f"  SHA-256 {result.sha256}",
        outcome.line(out),
    ]
    out.emit({**result.to_json(), "ocr": outcome.to_json()}, lines)
    return 0


def _scanner_settings(args: Namespace):
    from app.capture.sane import ScanSettings

    return ScanSettings(
        resolution=args.resolution,
        mode=args.mode,
        feed=args.feed,
        max_pages=args.pages,
        extra=tuple(args.sane_option or ()),
    )


def _device(scanner, args: Namespace) -> str:
    if args.device:
        return args.device
    found = scanner.devices()
    if not found:
        raise DomainError(
            "no_scanner",
            "Không tìm thấy máy quét nào; kiểm tra cáp, nguồn hoặc dùng --device.",
            "No scanner found; check cable and power, or give --device.",
            field="device",
        )
    return found[0].name


def _scan(args: Namespace, out: Output):
    from app.capture.scanners import default_scanner

    scanner = default_scanner()
    device = _device(scanner, args)

    def announce(page) -> None:
        if not out.as_json:
            print(out.t(f"Đã quét {page.label}", f"Scanned {page.label}"), file=sys.stderr)

    return scanner.scan(device, _scanner_settings(args), on_page=announce)


def cmd_scan(args: Namespace, db: Database, out: Output) -> int:
    if args.list_devices:
        from app.capture.scanners import default_scanner

        found = default_scanner().devices()
        out.emit(
            [{"name": d.name, "vendor": d.vendor, "model": d.model, "type": d.kind} for d in found],
            [f"{d.name}  {d.vendor} {d.model} ({d.kind})" for d in found]
            or [out.t("Không tìm thấy máy quét nào.", "No scanner found.")],
        )
        return 0
    if not args.code or args.component is None:
        raise DomainError(
            "missing_code",
            "Cần mã hồ sơ và --component để quét.",
            "A dossier code and --component are required to scan.",
            field="code",
        )
    who = actor(db, args)
    attachments.check_target(db, who, args.code, args.component)
    pages = _scan(args, out)
    result = attachments.attach_component(
        db,
        who,
        args.code,
        args.component,
        pages,
        source="scanner",
        options=_options(args),
        progress=_progress(out),
    )
    out.emit(result.to_json(), _result_lines(result, out))
    return 0


def cmd_batch(args: Namespace, db: Database, out: Output) -> int:
    from app.capture.sources import import_files

    who = actor(db, args)
    if args.files and args.device:
        raise DomainError(
            "batch_files_or_scan",
            "Chọn tệp hoặc --device, không cả hai.",
            "Give files or --device, not both.",
        )
    if args.files:
        pages = import_files([Path(f) for f in args.files], source="batch")
    elif args.device:
        pages = _scan(args, out)
    else:
        raise DomainError(
            "batch_nothing",
            "Cần các tệp đã quét hoặc --device để quét xấp hồ sơ.",
            "Give the scanned files, or --device to scan the stack.",
        )
    results = batches.attach_batch(db, who, pages, options=_options(args), progress=_progress(out))
    lines: list[str] = []
    for result in results:
        lines += _result_lines(result, out)
    out.emit({"parts": [r.to_json() for r in results]}, lines)
    return 0


def print_cover(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.output import write_atomically

    if not args.code:
        raise DomainError(
            "missing_code",
            "Cần mã hồ sơ để in tờ bìa.",
            "A dossier code is required.",
            field="code",
        )
    pdf = batches.print_covers(db, actor(db, args), args.code, args.component)
    target = Path(args.out)
    write_atomically(target, pdf)
    out.emit(
        {"form": "cover", "target": args.code, "out": str(target), "bytes": len(pdf)},
        [
            out.t(
                f"Đã in tờ bìa số hóa ({args.code}) ra {target}",
                f"Printed cover sheets ({args.code}) to {target}",
            )
        ],
    )
    return 0
