"""Scanners on Windows through WIA 2.0's Automation layer (``wiaaut.dll``).

Every Windows since Vista ships the Automation layer: ``WIA.DeviceManager``
lists the devices, a scanner's first item is its scanning head, and each
``Item.Transfer`` call scans one page (one side, in duplex), so pages reach
the tray one by one while the feeder runs. A feeder says it has run out by
failing the next transfer with WIA_ERROR_PAPER_EMPTY.

The layer talks to drivers the WIA 1.0 way (WIA 2.0 drivers through Windows'
compatibility layer): the paper source and page count are properties of the
*device*, resolution and colour are properties of the *item*. Properties are
looked up by their numeric id given as a string ("6147"): the Automation
layer takes a bare number as a 1-based position in the collection instead.

Only ``WiaSession.open()`` touches COM; the rest reads ``.Value`` and calls
``Item`` / ``Connect`` / ``Transfer``, so the tests drive it with a fake of
the object model. No Windows scanning dialog is shown: the capture panel has
its own controls, and ``WIA.CommonDialog`` would block a worker thread on UI.
"""

from __future__ import annotations

import io
import logging
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, replace
from typing import Any, Protocol

from PIL import Image, UnidentifiedImageError

from app.capture.guards import MAX_PAGES, check_pixels
from app.capture.pages import Page
from app.capture.sane import (
    FEEDS,
    DeviceOptions,
    ScanDevice,
    ScanSettings,
    _pick_mode,
    _pick_resolution,
    _pick_source,
    _scanner_error,
)
from app.capture.sources import import_bytes
from app.domain.errors import DomainError

log = logging.getLogger("motcua.capture")

SCANNER_DEVICE_TYPE = 1  # WiaDeviceType.ScannerDeviceType

# Device information (WIA_DIP_*), on DeviceInfo and Device.
VENDOR, DESCRIPTION, NAME = 3, 4, 7
# Document handling (WIA_DPS_*), on the device.
HANDLING_CAPABILITIES, HANDLING_SELECT, PAGES = 3086, 3088, 3096
FEEDER, FLATBED, DUPLEX = 0x1, 0x2, 0x4
# The scanning item (WIA_IPA_*, WIA_IPS_*).
DATATYPE, FORMAT = 4103, 4106
INTENT, XRES, YRES, XEXTENT, YEXTENT = 6146, 6147, 6148, 6151, 6152
INTENT_COLOR, INTENT_GRAY, INTENT_TEXT = 0x1, 0x2, 0x4
DATA_THRESHOLD, DATA_DITHER, DATA_GRAY, DATA_COLOR = 0, 1, 2, 3
# Property ids below this belong to the device, from it on to items.
FIRST_ITEM_PROPERTY = 4098
# WiaSubType: how a property states its valid values.
RANGE_SUBTYPE, LIST_SUBTYPE, FLAG_SUBTYPE = 1, 2, 3

FORMAT_BMP = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}"
FORMAT_PNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"

# The names the options carry; the words are the ones ``_pick_mode`` / ``_pick_source`` match.
COLOR, GRAY, LINEART = "Color", "Grayscale", "Black and White"
SOURCE_FLATBED, SOURCE_FEEDER, SOURCE_DUPLEX = "Flatbed", "Feeder", "Duplex"
_INTENTS = {COLOR: INTENT_COLOR, GRAY: INTENT_GRAY, LINEART: INTENT_TEXT}
_SELECT = {"flatbed": FLATBED, "adf": FEEDER, "duplex": FEEDER | DUPLEX}

# HRESULTs (WiaDef.h); a COM error reports them as signed or unsigned 32-bit numbers.
PAPER_JAM = 0x80210002
PAPER_EMPTY = 0x80210003
PAPER_PROBLEM = 0x80210004
OFFLINE = 0x80210005
BUSY = 0x80210006
WARMING_UP = 0x80210007
USER_INTERVENTION = 0x80210008
ITEM_DELETED = 0x80210009
DEVICE_COMMUNICATION = 0x8021000A
DEVICE_LOCKED = 0x8021000D
NO_DEVICE_AVAILABLE = 0x80210015
COVER_OPEN = 0x80210016
LAMP_OFF = 0x80210017
MULTI_FEED = 0x80210020
# IDispatch's "the method failed": the real HRESULT is in the exception details.
DISP_E_EXCEPTION = 0x80020009
_COINIT_APARTMENTTHREADED = 0x2

_STATES: dict[int, tuple[str, str, str]] = {
    PAPER_JAM: (
        "scanner_jammed",
        "Máy quét bị kẹt giấy; gỡ giấy rồi quét lại.",
        "Paper jam in the scanner; clear it and scan again.",
    ),
    PAPER_EMPTY: (
        "scanner_empty",
        "Khay nạp giấy trống: đặt giấy vào khay của máy quét rồi quét lại.",
        "The document feeder is empty: load the paper and scan again.",
    ),
    PAPER_PROBLEM: (
        "scanner_paper_problem",
        "Giấy trong khay nạp bị lệch hoặc quăn mép; xếp lại giấy rồi quét lại.",
        "The paper in the feeder is skewed or curled; straighten it and scan again.",
    ),
    OFFLINE: (
        "scanner_offline",
        "Máy quét đang tắt hoặc không sẵn sàng; bật máy, kiểm tra cáp rồi quét lại.",
        "The scanner is off or not ready; switch it on, check the cable and scan again.",
    ),
    BUSY: (
        "scanner_busy",
        "Máy quét đang bận (chương trình khác đang dùng).",
        "The scanner is busy (another program is using it).",
    ),
    DEVICE_LOCKED: (
        "scanner_busy",
        "Máy quét đang bận (chương trình khác đang dùng).",
        "The scanner is busy (another program is using it).",
    ),
    WARMING_UP: (
        "scanner_warming_up",
        "Máy quét đang khởi động (làm nóng đèn); chờ một lát rồi quét lại.",
        "The scanner is warming up; wait a moment and scan again.",
    ),
    USER_INTERVENTION: (
        "scanner_needs_attention",
        "Máy quét cần người xử lý; xem màn hình hoặc đèn báo trên máy.",
        "The scanner needs attention; look at its display or lights.",
    ),
    DEVICE_COMMUNICATION: (
        "scanner_offline",
        "Mất liên lạc với máy quét; kiểm tra cáp rồi quét lại.",
        "Lost contact with the scanner; check the cable and scan again.",
    ),
    COVER_OPEN: ("scanner_cover_open", "Nắp máy quét đang mở.", "The scanner's cover is open."),
    LAMP_OFF: (
        "scanner_lamp_off",
        "Đèn máy quét đang tắt; chờ máy sẵn sàng rồi quét lại.",
        "The scanner's lamp is off; wait until it is ready and scan again.",
    ),
    MULTI_FEED: (
        "scanner_multi_feed",
        "Máy quét kéo nhiều tờ cùng lúc; xếp lại những tờ chưa quét rồi quét tiếp.",
        "The scanner pulled several sheets at once; reload the sheets not yet scanned and go on.",
    ),
}
_GONE = (NO_DEVICE_AVAILABLE, ITEM_DELETED)


def hresult(exc: BaseException) -> int | None:
    """The HRESULT a COM failure carries, as an unsigned 32-bit number."""
    code = getattr(exc, "hresult", None)
    if code is None:
        code = getattr(exc, "winerror", None)
    if code is None and exc.args and isinstance(exc.args[0], int):
        code = exc.args[0]
    if not isinstance(code, int):
        return None
    code &= 0xFFFFFFFF
    if code == DISP_E_EXCEPTION:
        # comtypes puts EXCEPINFO (description, source, help file, context, scode) here.
        details = getattr(exc, "details", None)
        if details is None and len(exc.args) > 2:
            details = exc.args[2]
        if isinstance(details, tuple) and len(details) >= 5 and isinstance(details[4], int):
            return (details[4] & 0xFFFFFFFF) or code
    return code


def wia_error(exc: BaseException, device: str) -> DomainError:
    """A COM failure as a message for the clerk; never the raw exception."""
    code = hresult(exc)
    if code in _STATES:
        return _scanner_error(*_STATES[code])
    if code in _GONE:
        return _not_found(device)
    # The clerk sees a code; whoever supports the station needs the rest.
    log.warning("WIA failed on %s", device or "the device list", exc_info=exc)
    if code is None:
        return _scanner_error(
            "scanner_failed",
            "Máy quét báo lỗi không rõ nguyên nhân.",
            "The scanner reported an unknown error.",
        )
    return _scanner_error(
        "scanner_failed",
        f"Máy quét báo lỗi (WIA, mã 0x{code:08X}).",
        f"The scanner reported an error (WIA, code 0x{code:08X}).",
    )


def _not_found(device: str) -> DomainError:
    return _scanner_error(
        "scanner_not_found",
        f"Không tìm thấy máy quét “{device}”; kiểm tra cáp, nguồn rồi bấm “Tìm lại”.",
        f"Scanner “{device}” is not there; check cable and power, then search again.",
    )


@contextmanager
def _com(device: str) -> Iterator[None]:
    """Turns whatever COM raises inside into a DomainError without a traceback."""
    try:
        yield
    except DomainError:
        raise
    except Exception as exc:
        raise wia_error(exc, device) from None


class WiaSession(Protocol):
    """What ``WiaScanner`` needs from COM: a ``WIA.DeviceManager`` for the calling thread."""

    def open(self) -> AbstractContextManager[Any]: ...


class ComtypesWia:
    """The real Automation layer through comtypes, created in the calling thread.

    Scans run on worker threads, and a COM object may only be used in the
    apartment that made it, so each call makes its own DeviceManager. A
    thread joins COM once and never leaves: objects Python has not yet
    released would otherwise be released after ``CoUninitialize``.
    """

    _joined = threading.local()

    @contextmanager
    def open(self) -> Iterator[Any]:
        if sys.platform != "win32":
            raise _scanner_error(
                "wia_unavailable",
                "WIA chỉ có trên Windows; trên máy này hãy dùng SANE (scanimage).",
                "WIA exists only on Windows; use SANE (scanimage) on this computer.",
            )
        try:
            import comtypes
            import comtypes.client
        except ImportError:
            raise _scanner_error(
                "wia_missing",
                "Thiếu thư viện comtypes nên không quét qua WIA được; hãy cài lại MotCua Desk.",
                "The comtypes library is missing, so WIA cannot be used; reinstall MotCua Desk.",
            ) from None
        if not getattr(self._joined, "done", False):
            # RPC_E_CHANGED_MODE: the thread is already in the multi-threaded
            # apartment, which WIA serves as well.
            with suppress(OSError):
                comtypes.CoInitializeEx(_COINIT_APARTMENTTHREADED)
            self._joined.done = True
        try:
            manager = comtypes.client.CreateObject("WIA.DeviceManager")
        except Exception:
            raise _scanner_error(
                "wia_service",
                "Không mở được dịch vụ quét của Windows (Windows Image Acquisition); "
                "kiểm tra dịch vụ “stisvc” đang chạy.",
                "Cannot open Windows Image Acquisition; check that the “stisvc” service "
                "is running.",
            ) from None
        yield manager


@dataclass(frozen=True)
class _Valid:
    """The valid values a property states (its WIA subtype)."""

    kind: int
    low: int = 0
    high: int = 0
    step: int = 0
    values: tuple[Any, ...] = ()


def _each(collection: Any) -> list[Any]:
    """Members of an Automation collection or Vector, which count from 1."""
    return [collection.Item(i) for i in range(1, int(collection.Count) + 1)]


class _Props:
    """A WIA ``Properties`` collection looked up by property id."""

    def __init__(self, collection: Any, device: str) -> None:
        self.collection = collection
        self.device = device

    def get(self, pid: int) -> Any | None:
        try:
            return self.collection.Item(str(pid))
        except Exception:
            # A missing property is a device without that feature.
            return None

    def value(self, pid: int) -> Any | None:
        prop = self.get(pid)
        if prop is None:
            return None
        try:
            return prop.Value
        except Exception:
            return None

    def valid(self, pid: int) -> _Valid | None:
        prop = self.get(pid)
        if prop is None:
            return None
        try:
            kind = int(prop.SubType)
            if kind == RANGE_SUBTYPE:
                return _Valid(
                    kind, int(prop.SubTypeMin), int(prop.SubTypeMax), int(prop.SubTypeStep or 0)
                )
            if kind in (LIST_SUBTYPE, FLAG_SUBTYPE):
                return _Valid(kind, values=tuple(_each(prop.SubTypeValues)))
        except Exception:
            return None
        return _Valid(kind)

    def set(self, pid: int, value: Any, what_vi: str, what_en: str) -> None:
        prop = self.get(pid)
        try:
            if prop is None:
                raise LookupError(pid)
            prop.Value = value
        except Exception as exc:
            code = hresult(exc)
            if code in _STATES or code in _GONE:
                raise wia_error(exc, self.device) from None
            raise _scanner_error(
                "scanner_setting_refused",
                f"Máy quét không nhận thiết lập {what_vi} ({value}).",
                f"The scanner does not accept the {what_en} setting ({value}).",
            ) from None


def _mode_choices(item: _Props) -> tuple[int | None, dict[str, int]]:
    """The property that sets colour and the value for each mode name it allows.

    The intent comes first: setting it makes the driver pick data type, depth
    and its own resolution together, where a data type alone can leave a depth
    that does not match. Only a driver without an intent gets its data type.
    """
    if item.get(INTENT) is not None:
        valid = item.valid(INTENT)
        mask = INTENT_COLOR | INTENT_GRAY | INTENT_TEXT
        if valid is not None and valid.values:
            mask = 0
            for v in valid.values:
                mask |= int(v)
        return INTENT, {name: bit for name, bit in _INTENTS.items() if mask & bit}
    if item.get(DATATYPE) is not None:
        valid = item.valid(DATATYPE)
        offered = (
            {int(v) for v in valid.values}
            if valid and valid.values
            else {DATA_COLOR, DATA_GRAY, DATA_THRESHOLD}
        )
        choices = {}
        if DATA_COLOR in offered:
            choices[COLOR] = DATA_COLOR
        if DATA_GRAY in offered:
            choices[GRAY] = DATA_GRAY
        for bilevel in (DATA_THRESHOLD, DATA_DITHER):
            if bilevel in offered:
                choices[LINEART] = bilevel
                break
        return DATATYPE, choices
    return None, {}


def _resolutions(item: _Props) -> tuple[tuple[int, ...], bool]:
    valid = item.valid(XRES)
    if valid is None:
        return (), False
    if valid.kind == RANGE_SUBTYPE:
        return (valid.low, valid.high), True
    if valid.kind == LIST_SUBTYPE and valid.values:
        return tuple(sorted({int(v) for v in valid.values})), False
    return (), False


def _capabilities(device: _Props, item: _Props) -> int:
    found = device.value(HANDLING_CAPABILITIES)
    if found is None:
        found = item.value(HANDLING_CAPABILITIES)
    # Without document handling properties the device is a plain flatbed.
    return int(found) if found else FLATBED


def _source_name(select: int) -> str:
    if select & FEEDER:
        return SOURCE_DUPLEX if select & DUPLEX else SOURCE_FEEDER
    return SOURCE_FLATBED


def _read_options(device: _Props, item: _Props) -> DeviceOptions:
    caps = _capabilities(device, item)
    sources = []
    if caps & FLATBED:
        sources.append(SOURCE_FLATBED)
    if caps & FEEDER:
        sources.append(SOURCE_FEEDER)
        if caps & DUPLEX:
            sources.append(SOURCE_DUPLEX)
    sources = sources or [SOURCE_FLATBED]
    selected = device.value(HANDLING_SELECT)
    default = _source_name(int(selected)) if selected is not None else sources[0]
    resolutions, ranged = _resolutions(item)
    _prop, modes = _mode_choices(item)
    return DeviceOptions(
        resolutions=resolutions,
        resolution_range=ranged,
        modes=tuple(modes),
        sources=tuple(sources),
        default_source=default,
    )


def _snap(value: int, valid: _Valid | None) -> int:
    """Up to the next step a ranged property accepts (e.g. 50..600 in steps of 50)."""
    if valid is None or valid.kind != RANGE_SUBTYPE or valid.step <= 1:
        return value
    steps = -(-(value - valid.low) // valid.step)
    snapped = valid.low + steps * valid.step
    return snapped if snapped <= valid.high else valid.high - (valid.high - valid.low) % valid.step


def _extent(mm: float, dpi: int, valid: _Valid | None) -> int:
    pixels = round(mm / 25.4 * dpi)
    if valid is not None and valid.kind == RANGE_SUBTYPE:
        pixels = min(max(pixels, valid.low), valid.high)
    return pixels


def _extra(option: str) -> tuple[int, int]:
    """A driver-specific ``ID=VALUE`` setting (the Nâng cao field, ``--sane-option``)."""
    pid, sep, value = option.partition("=")
    try:
        if not sep:
            raise ValueError(option)
        return int(pid.strip()), int(value.strip(), 0)
    except ValueError:
        raise DomainError(
            "bad_scan_option",
            f"Tùy chọn riêng cho WIA phải có dạng MÃ=GIÁ_TRỊ bằng số (ví dụ 6154=0); "
            f"“{option}” không đúng dạng đó.",
            f"A WIA option must be ID=VALUE in numbers (e.g. 6154=0); “{option}” is not.",
            field="extra",
        ) from None


def _as_png(data: bytes, label: str, dpi: int) -> bytes:
    """A BMP transfer as PNG, the lossless format the importer accepts."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            check_pixels(image.width, image.height, label)
            image.load()
            found = image.info.get("dpi")
            if isinstance(found, tuple) and found and 50 <= float(found[0]) <= 2400:
                dpi = round(float(found[0]))
            out = io.BytesIO()
            image.save(out, "PNG", dpi=(dpi, dpi))
    except DomainError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise _scanner_error(
            "scanner_bad_image",
            f"Máy quét gửi về ảnh {label} bị hỏng; quét lại trang đó.",
            f"The scanner sent a damaged image for {label}; scan that page again.",
        ) from None
    return out.getvalue()


@dataclass(frozen=True)
class _Plan:
    """What a scan does once the settings are written."""

    limit: int
    format_id: str
    resolution: int


class WiaScanner:
    """Windows Image Acquisition behind the same interface as ``ScanimageScanner``."""

    def __init__(self, wia: WiaSession | None = None) -> None:
        self.wia = wia if wia is not None else ComtypesWia()

    def devices(self) -> list[ScanDevice]:
        found = []
        with self.wia.open() as manager:
            with _com(""):
                infos = _each(manager.DeviceInfos)
            for info in infos:
                try:
                    if int(info.Type) != SCANNER_DEVICE_TYPE:
                        continue
                    name = str(info.DeviceID)
                    props = _Props(info.Properties, name)
                except Exception:
                    # One device that cannot describe itself must not hide the others.
                    continue
                vendor = props.value(VENDOR) or ""
                model = props.value(NAME) or props.value(DESCRIPTION) or ""
                found.append(
                    ScanDevice(name, str(vendor).strip(), str(model).strip(), "WIA scanner")
                )
        return found

    def options(self, device: str) -> DeviceOptions:
        with self.wia.open() as manager, _com(device):
            dev, item = self._connect(manager, device)
            return _read_options(_Props(dev.Properties, device), _Props(item.Properties, device))

    def scan(
        self,
        device: str,
        settings: ScanSettings,
        *,
        on_page: Callable[[Page], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> list[Page]:
        if settings.feed is not None and settings.feed not in FEEDS:
            raise DomainError(
                "bad_feed",
                f"Nguồn giấy “{settings.feed}” không hợp lệ.",
                f"Unknown paper source “{settings.feed}”.",
                field="feed",
            )
        _pick_mode(settings.mode, ())  # refuses an unknown mode before the scanner moves
        extra = [_extra(option) for option in settings.extra]
        pages: list[Page] = []
        with self.wia.open() as manager:
            with _com(device):
                dev, item = self._connect(manager, device)
                plan = self._prepare(
                    _Props(dev.Properties, device), _Props(item.Properties, device), settings, extra
                )
            while len(pages) < plan.limit:
                if cancel is not None and cancel():
                    raise DomainError("cancelled", "Đã dừng quét.", "Scanning was stopped.")
                data = self._transfer(item, plan.format_id, device)
                if data is None:
                    break
                label = f"trang-{len(pages) + 1:03d}.png"
                if data[:2] == b"BM":
                    data = _as_png(data, label, plan.resolution)
                for page in import_bytes(label, data, source="scanner", camera=False, verify=False):
                    # A PNG without its resolution is still at the resolution asked
                    # for; one with it keeps dots per metre (300 dpi reads 299.9994).
                    dpi = round(page.dpi) if page.dpi else plan.resolution
                    page = replace(page, dpi=float(dpi))
                    pages.append(page)
                    if on_page is not None:
                        on_page(page)
        if not pages:
            raise _scanner_error(*_STATES[PAPER_EMPTY])
        return pages

    def _connect(self, manager: Any, device: str) -> tuple[Any, Any]:
        for info in _each(manager.DeviceInfos):
            if int(info.Type) == SCANNER_DEVICE_TYPE and str(info.DeviceID) == device:
                dev = info.Connect()
                break
        else:
            raise _not_found(device)
        items = dev.Items
        if int(items.Count) < 1:
            raise _scanner_error(
                "scanner_failed",
                f"Máy quét “{device}” không cho quét qua WIA (không có mục quét nào).",
                f"Scanner “{device}” offers nothing to scan through WIA.",
            )
        return dev, items.Item(1)

    def _prepare(
        self, device: _Props, item: _Props, settings: ScanSettings, extra: list[tuple[int, int]]
    ) -> _Plan:
        """Writes the settings in the order drivers expect; returns how to transfer."""
        opts = _read_options(device, item)
        if settings.feed is not None:
            _pick_source(settings.feed, opts.sources)
            select = _SELECT[settings.feed]
            # A plain flatbed has nothing to select; any other choice must be written.
            if device.get(HANDLING_SELECT) is not None or select != FLATBED:
                device.set(HANDLING_SELECT, select, "nguồn giấy", "paper source")
        else:
            current = device.value(HANDLING_SELECT)
            select = int(current) if current is not None else FLATBED
        feeder = bool(select & FEEDER)
        if feeder and device.get(PAGES) is not None:
            # A count the driver refuses would leave its own (often 1) in place, so
            # it falls back to 0, "all pages"; the loop stops at max_pages anyway.
            for count in dict.fromkeys((settings.max_pages or 0, 0)):
                with _ignored():
                    device.set(PAGES, count, "số trang", "page count")
                    break

        mode_prop, modes = _mode_choices(item)
        if mode_prop is not None and modes:
            name = _pick_mode(settings.mode, tuple(modes))
            if name is None and settings.mode == "lineart":
                # No black-and-white mode: scan grey, the cleaner makes it bilevel.
                name = _pick_mode("gray", tuple(modes))
            if name is not None:
                item.set(mode_prop, modes[name], "chế độ màu", "colour mode")

        resolution = settings.resolution
        if opts.resolutions:
            resolution = _snap(_pick_resolution(settings.resolution, opts), item.valid(XRES))
        if item.get(XRES) is not None:
            item.set(XRES, resolution, "độ phân giải", "resolution")
            if item.get(YRES) is not None:
                item.set(YRES, resolution, "độ phân giải", "resolution")
        if settings.width_mm:
            item.set(
                XEXTENT,
                _extent(settings.width_mm, resolution, item.valid(XEXTENT)),
                "chiều rộng vùng quét",
                "scan width",
            )
        if settings.height_mm:
            item.set(
                YEXTENT,
                _extent(settings.height_mm, resolution, item.valid(YEXTENT)),
                "chiều cao vùng quét",
                "scan height",
            )
        for pid, value in extra:
            target = device if pid < FIRST_ITEM_PROPERTY else item
            target.set(pid, value, f"{pid}", f"{pid}")

        formats = item.valid(FORMAT)
        offered = {str(v).upper() for v in formats.values} if formats else set()
        # BMP is the one file format every WIA scanner driver must deliver.
        format_id = FORMAT_PNG if FORMAT_PNG in offered else FORMAT_BMP
        # A flatbed never runs empty; past MAX_PAGES a feeder is a driver that
        # never reports PAPER_EMPTY, and the component could not hold more anyway.
        limit = (settings.max_pages or MAX_PAGES) if feeder else 1
        return _Plan(min(limit, MAX_PAGES), format_id, resolution)

    def _transfer(self, item: Any, format_id: str, device: str) -> bytes | None:
        """One page's file bytes, or None when the feeder has run out."""
        try:
            image = item.Transfer(format_id)
            if image is None:
                return None
            return bytes(image.FileData.BinaryData)
        except Exception as exc:
            if hresult(exc) == PAPER_EMPTY:
                return None
            raise wia_error(exc, device) from None


@contextmanager
def _ignored() -> Iterator[None]:
    try:
        yield
    except DomainError as exc:
        if exc.code != "scanner_setting_refused":
            raise
