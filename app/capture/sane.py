"""Scanners behind one small interface: SANE's ``scanimage`` on Linux, WIA on Windows.

This module holds the interface and the helpers both share; the WIA backend
is ``app.capture.wia``.

``scanimage --batch --batch-print`` names each page file as soon as it is
complete, so pages reach the tray while the feeder is still running. Option
names differ between drivers ("Color" / "Colour" / "24bit Color", "ADF" /
"Automatic Document Feeder"); they are read from the device and matched, so
the clerk only ever chooses colour / grey / black-and-white and flatbed /
feeder / duplex.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from app.capture.pages import Page
from app.capture.sources import import_bytes
from app.domain.errors import DomainError
from app.protect import hygiene

DEFAULT_DPI = 200
MODES = ("color", "gray", "lineart")
FEEDS = ("flatbed", "adf", "duplex")
_OPTION = re.compile(r"^\s+--?([\w-]+)\s+(.*?)\s*\[(.*)\]\s*$")
_MODE_WORDS = {
    "color": ("color", "colour", "24bit", "rgb"),
    "gray": ("gray", "grey", "grayscale", "8bit"),
    "lineart": ("lineart", "binary", "black", "bw", "halftone", "1bit"),
}


@dataclass(frozen=True)
class ScanDevice:
    name: str
    vendor: str
    model: str
    kind: str


@dataclass(frozen=True)
class DeviceOptions:
    resolutions: tuple[int, ...]  # offered values, or (min, max) when ``resolution_range``
    resolution_range: bool
    modes: tuple[str, ...]  # the driver's own names
    sources: tuple[str, ...]  # the driver's own names
    default_source: str | None = None


@dataclass(frozen=True)
class ScanSettings:
    resolution: int = DEFAULT_DPI
    mode: str = "color"
    feed: str | None = None  # None: the device's default source
    max_pages: int | None = None  # None: until the feeder is empty (one page on a flatbed)
    width_mm: float | None = None
    height_mm: float | None = None
    extra: tuple[str, ...] = field(default_factory=tuple)  # driver-specific arguments


class Scanner(Protocol):
    def devices(self) -> list[ScanDevice]: ...

    def options(self, device: str) -> DeviceOptions: ...

    def scan(
        self,
        device: str,
        settings: ScanSettings,
        *,
        on_page: Callable[[Page], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> list[Page]: ...


def _scanner_error(code: str, vi: str, en: str) -> DomainError:
    return DomainError(code, vi, en, field="device")


def _classify_failure(text: str, device: str) -> DomainError:
    low = text.lower()
    if "out of documents" in low or "no docs" in low:
        return _scanner_error(
            "scanner_empty",
            "Khay nạp giấy của máy quét đang trống.",
            "The scanner's document feeder is empty.",
        )
    if "jammed" in low:
        return _scanner_error(
            "scanner_jammed",
            "Máy quét bị kẹt giấy; gỡ giấy rồi quét lại.",
            "Paper jam in the scanner; clear it and scan again.",
        )
    if "cover" in low and "open" in low:
        return _scanner_error(
            "scanner_cover_open", "Nắp máy quét đang mở.", "The scanner's cover is open."
        )
    if "busy" in low:
        return _scanner_error(
            "scanner_busy",
            "Máy quét đang bận (chương trình khác đang dùng).",
            "The scanner is busy (another program is using it).",
        )
    if "open of device" in low or "invalid argument" in low or "no such" in low:
        return _scanner_error(
            "scanner_not_found",
            f"Không mở được máy quét “{device}”; kiểm tra cáp, nguồn và tên thiết bị.",
            f"Cannot open scanner “{device}”; check cable, power and the device name.",
        )
    detail = text.strip().splitlines()[-1][:200] if text.strip() else ""
    return _scanner_error(
        "scanner_failed", f"Máy quét báo lỗi: {detail}", f"The scanner reported an error: {detail}"
    )


def _pick_mode(wanted: str, offered: tuple[str, ...]) -> str | None:
    if wanted not in MODES:
        raise DomainError(
            "bad_scan_mode",
            f"Chế độ quét “{wanted}” không hợp lệ.",
            f"Unknown scan mode “{wanted}”.",
            field="mode",
        )
    for name in offered:
        words = re.split(r"[^a-z0-9]+", name.lower())
        if any(w in _MODE_WORDS[wanted] for w in words):
            return name
    return None


def _pick_source(wanted: str, offered: tuple[str, ...]) -> str:
    def matches(name: str) -> bool:
        low = name.lower()
        if wanted == "duplex":
            return "duplex" in low
        if wanted == "adf":
            return ("adf" in low or "feeder" in low) and "duplex" not in low
        return "flatbed" in low or "platen" in low

    for name in offered:
        if matches(name):
            return name
    label = {"flatbed": "mặt kính", "adf": "khay nạp giấy (ADF)", "duplex": "quét hai mặt"}
    raise DomainError(
        "scanner_no_source",
        f"Máy quét không có {label.get(wanted, wanted)}.",
        f"The scanner has no {wanted} source.",
        field="feed",
    )


def _pick_resolution(wanted: int, opts: DeviceOptions) -> int:
    if not opts.resolutions:
        return wanted
    if opts.resolution_range:
        low, high = opts.resolutions
        return min(max(wanted, low), high)
    higher = [r for r in opts.resolutions if r >= wanted]
    return min(higher) if higher else max(opts.resolutions)


def modes_offered(opts: DeviceOptions) -> tuple[str, ...]:
    """The clerk's modes this device can scan in, best first.

    Black-and-white is always offered: without a lineart mode the page is
    scanned grey and the cleaner makes it bilevel.
    """
    if not opts.modes:
        return MODES
    found = [m for m in ("color", "gray") if _pick_mode(m, opts.modes) is not None]
    return (*found, "lineart")


def feeds_offered(opts: DeviceOptions) -> tuple[str, ...]:
    """Flatbed, feeder and duplex, as far as the device has them (its default first)."""
    if not opts.sources:
        return ("flatbed",)
    found = []
    for feed in FEEDS:
        try:
            name = _pick_source(feed, opts.sources)
        except DomainError:
            continue
        found.append((name != opts.default_source, FEEDS.index(feed), feed))
    return tuple(feed for *_, feed in sorted(found)) or ("flatbed",)


def parse_options(text: str) -> DeviceOptions:
    """Resolution, modes and sources from ``scanimage -A`` output."""
    found: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for line in text.splitlines():
        match = _OPTION.match(line)
        if match and match.group(1) in ("mode", "resolution", "source"):
            found.setdefault(match.group(1), match.group(2))
            defaults.setdefault(match.group(1), match.group(3))
    res_text = found.get("resolution", "")
    numbers = tuple(int(n) for n in re.findall(r"\d+", res_text.split("(")[0]))
    ranged = ".." in res_text
    return DeviceOptions(
        resolutions=numbers[:2] if ranged else numbers,
        resolution_range=ranged,
        modes=tuple(v for v in found.get("mode", "").split("|") if v),
        sources=tuple(v for v in found.get("source", "").split("|") if v),
        default_source=defaults.get("source"),
    )


class ScanimageScanner:
    """SANE through its command-line front end (Debian ``sane-utils``)."""

    def __init__(self, executable: str = "scanimage") -> None:
        self.executable = shutil.which(executable) or executable

    def _run(self, args: list[str], device: str, timeout: float = 60) -> str:
        try:
            done = subprocess.run(
                [self.executable, *args],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except FileNotFoundError:
            raise _scanner_error(
                "sane_missing",
                "Chưa cài phần mềm quét SANE (gói sane-utils); không dùng được máy quét.",
                "SANE (package sane-utils) is not installed; scanners cannot be used.",
            ) from None
        except subprocess.TimeoutExpired:
            raise _scanner_error(
                "scanner_timeout", "Máy quét không trả lời.", "The scanner does not answer."
            ) from None
        if done.returncode != 0:
            raise _classify_failure(done.stderr, device)
        return done.stdout

    def devices(self) -> list[ScanDevice]:
        out = self._run(["-f", "%d\t%v\t%m\t%t%n"], "")
        result = []
        for line in out.splitlines():
            parts = line.split("\t")
            if len(parts) == 4 and parts[0]:
                result.append(ScanDevice(*parts))
        return result

    def options(self, device: str) -> DeviceOptions:
        return parse_options(self._run(["-d", device, "-A"], device))

    def command(self, device: str, settings: ScanSettings, spool: Path) -> list[str]:
        opts = self.options(device)
        args = [
            self.executable,
            "-d",
            device,
            "--format=png",
            "--batch-print",
            f"--batch={spool / 'page-%04d.png'}",
        ]
        if opts.resolutions:
            args += ["--resolution", str(_pick_resolution(settings.resolution, opts))]
        mode = _pick_mode(settings.mode, opts.modes) if opts.modes else None
        if mode is None and settings.mode == "lineart" and opts.modes:
            # No black-and-white mode: scan grey, the cleaner makes it bilevel.
            mode = _pick_mode("gray", opts.modes)
        if mode:
            args += ["--mode", mode]
        feed = settings.feed
        if feed is not None:
            if feed not in FEEDS:
                raise DomainError(
                    "bad_feed",
                    f"Nguồn giấy “{feed}” không hợp lệ.",
                    f"Unknown paper source “{feed}”.",
                    field="feed",
                )
            args += ["--source", _pick_source(feed, opts.sources)]
        count = settings.max_pages
        source = (args[-1] if feed is not None else opts.default_source or "").lower()
        if count is None and not ("feeder" in source or "adf" in source or "duplex" in source):
            # A flatbed never runs empty: one page per press of "Scan".
            count = 1
        if count is not None:
            args.append(f"--batch-count={count}")
        if settings.width_mm:
            args += ["-x", f"{settings.width_mm:g}"]
        if settings.height_mm:
            args += ["-y", f"{settings.height_mm:g}"]
        return args + list(settings.extra)

    def scan(
        self,
        device: str,
        settings: ScanSettings,
        *,
        on_page: Callable[[Page], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> list[Page]:
        pages: list[Page] = []
        # The scanned pages sit here in clear until read: shredded afterwards.
        with hygiene.shredded_tempdir("motcua-scan-") as tmp:
            spool = Path(tmp)
            args = self.command(device, settings, spool)
            with subprocess.Popen(
                args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            ) as proc:
                assert proc.stdout is not None
                for line in proc.stdout:
                    if cancel is not None and cancel():
                        proc.terminate()
                        proc.wait()
                        raise DomainError("cancelled", "Đã dừng quét.", "Scanning was stopped.")
                    path = Path(line.strip())
                    # Only files in our own spool folder are read.
                    if path.parent != spool or not path.is_file():
                        continue
                    number = len(pages) + 1
                    for page in import_bytes(
                        f"trang-{number:03d}.png",
                        path.read_bytes(),
                        source="scanner",
                        camera=False,
                        verify=False,
                    ):
                        pages.append(page)
                        if on_page is not None:
                            on_page(page)
                    path.unlink()
                stderr = proc.stderr.read() if proc.stderr else ""
                code = proc.wait()
        if code != 0 and not (pages and "out of documents" in stderr.lower()):
            raise _classify_failure(stderr, device)
        if not pages:
            raise _classify_failure(stderr or "out of documents", device)
        return pages
