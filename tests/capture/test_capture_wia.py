"""Scanning through WIA, against a fake of WIA's Automation object model.

There is no Windows here, so the fake stands in for ``WIA.DeviceManager`` and
behaves the way the real layer does where the backend depends on it:
collections count from 1, properties are found by their id as a string,
values outside a property's range or list are refused with E_INVALIDARG,
writing the intent makes the driver choose its own resolution, a feeder fails
the transfer after its last sheet with WIA_ERROR_PAPER_EMPTY, a flatbed scans
its glass as often as it is asked, and COM errors carry a signed HRESULT the
way comtypes' ``COMError`` does. Pages are real images drawn with Pillow.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from typing import Any

import pikepdf
import pytest
from PIL import Image, ImageDraw

from app.capture import attachments, sane, scanners, wia
from app.capture.sane import ScanimageScanner, ScanSettings
from app.capture.wia import WiaScanner
from app.domain.errors import DomainError

E_INVALIDARG = 0x80070057
GENERAL_ERROR = 0x80210001
PAGE_SIZE = (420, 594)  # small, so the tests stay quick; its dpi comes from the settings
ADF_ID = "{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000"
FLATBED_ID = "{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001"


class COMError(Exception):
    """Shaped like comtypes' ``COMError``: args (hresult, text, details), hresult signed."""

    def __init__(self, hresult: int, text: str | None = None, details: Any = None) -> None:
        signed = hresult - (1 << 32) if hresult & 0x80000000 else hresult
        super().__init__(signed, text, details)
        self.hresult = signed
        self.text = text
        self.details = details


class Collection:
    """An Automation collection or Vector: ``Count`` and ``Item(i)`` from 1."""

    def __init__(self, members: list[Any]) -> None:
        self._members = list(members)

    @property
    def Count(self) -> int:  # noqa: N802 - WIA's name
        return len(self._members)

    def Item(self, index: int) -> Any:  # noqa: N802
        if not isinstance(index, int) or not 1 <= index <= len(self._members):
            raise COMError(E_INVALIDARG, "bad index")
        return self._members[index - 1]


@dataclass
class Prop:
    PropertyID: int  # noqa: N815
    Name: str  # noqa: N815
    value: Any
    SubType: int = 0  # noqa: N815 - UnspecifiedSubType
    SubTypeMin: int = 0  # noqa: N815
    SubTypeMax: int = 0  # noqa: N815
    SubTypeStep: int = 0  # noqa: N815
    values: tuple[Any, ...] = ()
    IsReadOnly: bool = False  # noqa: N815
    refuse: int | None = None  # the HRESULT a write fails with
    owner: Props | None = None

    @property
    def SubTypeValues(self) -> Collection:  # noqa: N802
        if self.SubType not in (wia.LIST_SUBTYPE, wia.FLAG_SUBTYPE):
            raise COMError(E_INVALIDARG, "no list")
        return Collection(list(self.values))

    @property
    def Value(self) -> Any:  # noqa: N802
        return self.value

    @Value.setter
    def Value(self, new: Any) -> None:  # noqa: N802
        if self.refuse is not None:
            raise COMError(self.refuse, "refused")
        if self.IsReadOnly or not self._valid(new):
            raise COMError(E_INVALIDARG, "The parameter is incorrect.")
        self.value = new
        if self.owner is not None:
            self.owner.written(self.PropertyID, new)

    def _valid(self, new: Any) -> bool:
        if self.SubType == wia.RANGE_SUBTYPE:
            step = self.SubTypeStep or 1
            return self.SubTypeMin <= new <= self.SubTypeMax and (new - self.SubTypeMin) % step == 0
        if self.SubType == wia.LIST_SUBTYPE:
            return new in self.values
        if self.SubType == wia.FLAG_SUBTYPE:
            mask = 0
            for v in self.values:
                mask |= v
            return new & ~mask == 0
        return True


class Props:
    """``Properties``: a string key is a PropertyID or a Name, a number a position."""

    def __init__(self, *props: Prop, log: list[tuple[int, Any]] | None = None) -> None:
        self._props = list(props)
        self.log = log if log is not None else []
        self.on_write: dict[int, Any] = {}
        for prop in self._props:
            prop.owner = self

    def Item(self, key: Any) -> Prop:  # noqa: N802
        if isinstance(key, int):
            return Collection(self._props).Item(key)
        for prop in self._props:
            if key == str(prop.PropertyID) or key == prop.Name:
                return prop
        raise COMError(E_INVALIDARG, "no such property")

    def written(self, pid: int, value: Any) -> None:
        self.log.append((pid, value))
        if pid in self.on_write:
            self.on_write[pid](value)

    def value(self, pid: int) -> Any:
        return self.Item(str(pid)).value


def ranged(pid: int, name: str, value: int, low: int, high: int, step: int = 1) -> Prop:
    return Prop(pid, name, value, wia.RANGE_SUBTYPE, low, high, step)


def listed(pid: int, name: str, value: Any, *values: Any) -> Prop:
    return Prop(pid, name, value, wia.LIST_SUBTYPE, values=values)


def flags(pid: int, name: str, value: int, *values: int) -> Prop:
    return Prop(pid, name, value, wia.FLAG_SUBTYPE, values=values)


def draw_page(number: int, mode: str) -> Image.Image:
    """A page whose grey level and bar length tell which sheet it was."""
    image = Image.new("RGB", PAGE_SIZE, "white")
    pen = ImageDraw.Draw(image)
    pen.rectangle((30, 30, 30 + 40 * number, 60), fill=(40 * number, 0, 0))
    pen.text((30, 90), f"Trang {number}", fill="black")
    return image.convert(mode)


def sheet_number(page: Any) -> int:
    """The bar length drawn by ``draw_page``, read back from a scanned page."""
    grey = page.load().convert("L")
    row = [grey.getpixel((x, 45)) for x in range(PAGE_SIZE[0])]
    return sum(1 for v in row if v < 200) // 40


@dataclass
class Image_:
    """What ``Item.Transfer`` returns: an ImageFile whose FileData holds the bytes."""

    FileData: Any  # noqa: N815


@dataclass
class Vector:
    BinaryData: Any  # noqa: N815


@dataclass
class FakeScanner:
    """One scanner: its device properties, its one item, its glass and its feeder."""

    device_id: str
    vendor: str = "Canon"
    name: str | None = "DR-C225"
    description: str = "Canon DR-C225 TWAIN/WIA"
    caps: int | None = wia.FEEDER | wia.FLATBED | wia.DUPLEX
    select: int = wia.FEEDER
    sheets: int = 3
    pages_max: int = 50  # the largest WIA_DPS_PAGES the driver takes
    intents: tuple[int, ...] | None = (wia.INTENT_COLOR, wia.INTENT_GRAY, wia.INTENT_TEXT)
    datatypes: tuple[int, ...] = (wia.DATA_THRESHOLD, wia.DATA_GRAY, wia.DATA_COLOR)
    resolution: Prop | None = None
    formats: tuple[str, ...] = (wia.FORMAT_BMP, wia.FORMAT_PNG)
    more: tuple[Prop, ...] = ()  # driver-specific item properties
    fail: dict[int, int] = field(default_factory=dict)  # transfer number -> HRESULT
    connect_error: int | None = None
    log: list[tuple[int, Any]] = field(default_factory=list)
    transfers: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.fed = 0
        device = [
            Prop(wia.VENDOR, "Manufacturer", self.vendor),
            Prop(wia.DESCRIPTION, "Description", self.description),
        ]
        if self.name is not None:
            device.append(Prop(wia.NAME, "Name", self.name))
        if self.caps is not None:
            device += [
                Prop(
                    wia.HANDLING_CAPABILITIES,
                    "Document Handling Capabilities",
                    self.caps,
                    IsReadOnly=True,
                ),
                flags(
                    wia.HANDLING_SELECT,
                    "Document Handling Select",
                    self.select,
                    wia.FEEDER,
                    wia.FLATBED,
                    wia.DUPLEX,
                ),
                ranged(wia.PAGES, "Pages", 1, 0, self.pages_max),
            ]
        self.device_props = Props(*device, log=self.log)
        res = self.resolution or ranged(wia.XRES, "Horizontal Resolution", 150, 75, 1200)
        yres = Prop(
            wia.YRES,
            "Vertical Resolution",
            res.value,
            res.SubType,
            res.SubTypeMin,
            res.SubTypeMax,
            res.SubTypeStep,
            res.values,
        )
        item = [
            res,
            yres,
            listed(wia.DATATYPE, "Data Type", wia.DATA_COLOR, *self.datatypes),
            listed(wia.FORMAT, "Format", wia.FORMAT_BMP, *self.formats),
            ranged(wia.XEXTENT, "Horizontal Extent", 1240, 1, 2550),
            ranged(wia.YEXTENT, "Vertical Extent", 1754, 1, 3508),
        ]
        if self.intents is not None:
            item.append(flags(wia.INTENT, "Current Intent", 0, *self.intents))
        item += self.more
        self.item_props = Props(*item, log=self.log)
        # Like real drivers, a new intent brings its own data type and resolution.
        self.item_props.on_write[wia.INTENT] = self._intent_written

    def _intent_written(self, intent: int) -> None:
        for pid in (wia.XRES, wia.YRES):
            self.item_props.Item(str(pid)).value = 150
        datatype = {wia.INTENT_COLOR: wia.DATA_COLOR, wia.INTENT_GRAY: wia.DATA_GRAY}
        self.item_props.Item(str(wia.DATATYPE)).value = datatype.get(intent, wia.DATA_THRESHOLD)

    # --- the object model ---
    @property
    def DeviceID(self) -> str:  # noqa: N802
        return self.device_id

    Type = 1  # ScannerDeviceType

    @property
    def Properties(self) -> Props:  # noqa: N802
        return self.device_props

    def Connect(self) -> FakeScanner:  # noqa: N802
        if self.connect_error is not None:
            raise COMError(self.connect_error, "connect failed")
        return self

    @property
    def Items(self) -> Collection:  # noqa: N802
        return Collection([ScanItem(self)])

    def transfer(self, format_id: str) -> Image_:
        number = len(self.transfers) + 1
        select = self.device_props.value(wia.HANDLING_SELECT) if self.caps else wia.FLATBED
        self.transfers.append(
            {
                "format": format_id,
                "select": select,
                "xres": self.item_props.value(wia.XRES),
                "yres": self.item_props.value(wia.YRES),
                "datatype": self.item_props.value(wia.DATATYPE),
            }
        )
        if format_id not in self.formats:
            raise COMError(E_INVALIDARG, "format")
        if number in self.fail:
            raise COMError(self.fail[number], "device error")
        if select & wia.FEEDER:
            pages = self.device_props.value(wia.PAGES)
            if self.fed >= self.sheets or (pages and self.fed >= pages):
                raise COMError(wia.PAPER_EMPTY, "paper empty")
            self.fed += 1
            sheet = self.fed
        else:
            sheet = 1  # the page on the glass, as often as it is asked for
        mode = {wia.DATA_COLOR: "RGB", wia.DATA_GRAY: "L"}.get(
            self.item_props.value(wia.DATATYPE), "1"
        )
        dpi = self.item_props.value(wia.XRES)
        out = io.BytesIO()
        if format_id == wia.FORMAT_PNG:
            draw_page(sheet, mode).save(out, "PNG")  # no pHYs, as some drivers write it
        else:
            draw_page(sheet, mode).save(out, "BMP", dpi=(dpi, dpi))
        # comtypes hands a SAFEARRAY of bytes over as a tuple of ints.
        return Image_(Vector(tuple(out.getvalue())))


class ScanItem:
    """The scanner's one item: resolution and colour live here, not on the device."""

    def __init__(self, scanner: FakeScanner) -> None:
        self.scanner = scanner
        self.Properties = scanner.item_props

    def Transfer(self, format_id: str) -> Image_:  # noqa: N802
        return self.scanner.transfer(format_id)


class Other:
    """A camera or video device in the same list."""

    def __init__(self, device_id: str, kind: int) -> None:
        self.DeviceID = device_id
        self.Type = kind
        self.Properties = Props(Prop(wia.NAME, "Name", "Webcam"))


class FakeWia:
    """The adapter ``WiaScanner`` takes: yields the fake DeviceManager."""

    def __init__(self, *devices: Any) -> None:
        self.DeviceInfos = Collection(list(devices))  # noqa: N815
        self.opened = 0

    def open(self):
        from contextlib import nullcontext

        self.opened += 1
        return nullcontext(self)


def scanner(**kw: Any) -> tuple[WiaScanner, FakeScanner]:
    fake = FakeScanner(kw.pop("device_id", ADF_ID), **kw)
    return WiaScanner(FakeWia(fake)), fake


def written(fake: FakeScanner, pid: int) -> list[Any]:
    return [v for p, v in fake.log if p == pid]


def failure(call) -> DomainError:
    with pytest.raises(DomainError) as err:
        call()
    # The clerk gets a message; no COM exception rides along as its cause.
    error = err.value
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    return error


# --- devices and options ---


def test_only_scanners_are_listed_with_vendor_and_model():
    second = FakeScanner(FLATBED_ID, vendor=" HP ", name=None, description="HP ScanJet 2400")
    manager = FakeWia(Other("{CAM}\\0000", 2), FakeScanner(ADF_ID), Other("{VID}\\0000", 3), second)
    found = WiaScanner(manager).devices()
    assert [(d.name, d.vendor, d.model) for d in found] == [
        (ADF_ID, "Canon", "DR-C225"),
        (FLATBED_ID, "HP", "HP ScanJet 2400"),  # no Name: the description stands in
    ]
    assert all(d.kind == "WIA scanner" for d in found)
    assert WiaScanner(FakeWia(Other("{CAM}\\0000", 2))).devices() == []


def test_options_are_read_from_the_wia_properties():
    scan, _fake = scanner()
    opts = scan.options(ADF_ID)
    assert opts.resolutions == (75, 1200) and opts.resolution_range
    assert sane._pick_resolution(200, opts) == 200
    assert sane.modes_offered(opts) == ("color", "gray", "lineart")
    assert opts.default_source == wia.SOURCE_FEEDER
    # The device's current source first, then the usual order.
    assert sane.feeds_offered(opts) == ("adf", "flatbed", "duplex")

    listed_res = listed(wia.XRES, "Horizontal Resolution", 150, 600, 100, 300, 150)
    plain, _ = scanner(
        device_id=FLATBED_ID,
        caps=None,
        intents=None,
        resolution=listed_res,
        datatypes=(wia.DATA_THRESHOLD, wia.DATA_GRAY),
    )
    opts = plain.options(FLATBED_ID)
    assert opts.resolutions == (100, 150, 300, 600) and not opts.resolution_range
    assert sane._pick_resolution(200, opts) == 300
    # Without an intent the data type tells the modes: no colour on this one.
    assert sane.modes_offered(opts) == ("gray", "lineart")
    # Without document handling properties it is a plain flatbed.
    assert opts.sources == (wia.SOURCE_FLATBED,) and sane.feeds_offered(opts) == ("flatbed",)

    glass_first, _ = scanner(select=wia.FLATBED, caps=wia.FLATBED | wia.FEEDER)
    opts = glass_first.options(ADF_ID)
    assert sane.feeds_offered(opts) == ("flatbed", "adf")


# --- scanning ---


def test_three_sheets_from_the_feeder_stream_in_order_and_become_a_component(db, clerk, received):
    scan, fake = scanner(sheets=3)
    streamed = []

    def on_page(page):
        # Each page arrives before the scanner is asked for the next one.
        streamed.append((page, len(fake.transfers)))

    pages = scan.scan(ADF_ID, ScanSettings(feed="adf"), on_page=on_page)
    assert len(pages) == 3
    assert [p for p, _ in streamed] == pages
    assert [n for _, n in streamed] == [1, 2, 3]
    assert len(fake.transfers) == 4, "the fourth transfer found the feeder empty"
    assert [p.label for p in pages] == ["trang-001.png", "trang-002.png", "trang-003.png"]
    assert [sheet_number(p) for p in pages] == [1, 2, 3]
    # PNG is taken when offered; a PNG without pHYs still gets the resolution asked for.
    assert {t["format"] for t in fake.transfers} == {wia.FORMAT_PNG}
    assert all(p.dpi == 200 and p.source == "scanner" for p in pages)
    result = attachments.attach_component(db, clerk, received, 1, pages, source="scanner")
    assert (result.pages, result.dpi, result.source) == (3, 200, "scanner")
    with pikepdf.open(io.BytesIO(attachments.read_component(db, clerk, received, 1))) as pdf:
        assert len(pdf.pages) == 3


def test_a_flatbed_scans_one_page_and_a_bmp_becomes_png():
    scan, fake = scanner(device_id=FLATBED_ID, caps=None, formats=(wia.FORMAT_BMP,), intents=None)
    streamed = []
    pages = scan.scan(
        FLATBED_ID, ScanSettings(resolution=300, mode="gray", max_pages=5), on_page=streamed.append
    )
    assert pages == streamed and len(pages) == 1
    assert len(fake.transfers) == 1, "a flatbed never runs empty: one page per scan"
    assert fake.transfers[0]["format"] == wia.FORMAT_BMP
    assert fake.transfers[0]["datatype"] == wia.DATA_GRAY
    image = pages[0].load()
    assert image.mode == "L" and image.size == PAGE_SIZE
    assert pages[0].dpi == 300
    assert sheet_number(pages[0]) == 1


def test_settings_are_written_in_the_order_drivers_need():
    scan, fake = scanner(sheets=4)
    scan.scan(ADF_ID, ScanSettings(feed="duplex", mode="gray"))
    assert written(fake, wia.HANDLING_SELECT) == [wia.FEEDER | wia.DUPLEX]
    assert written(fake, wia.PAGES) == [0], "0: every page in the feeder"
    assert written(fake, wia.INTENT) == [wia.INTENT_GRAY]
    # The intent resets the resolution, so it is written first and 200 dpi still wins.
    assert written(fake, wia.XRES) == [200] and written(fake, wia.YRES) == [200]
    order = [pid for pid, _ in fake.log]
    assert order.index(wia.HANDLING_SELECT) < order.index(wia.INTENT) < order.index(wia.XRES)
    assert {(t["xres"], t["yres"], t["select"]) for t in fake.transfers} == {
        (200, 200, wia.FEEDER | wia.DUPLEX)
    }

    counted, fake = scanner(sheets=5)
    pages = counted.scan(
        ADF_ID, ScanSettings(feed="adf", max_pages=2, resolution=250, width_mm=148, height_mm=210)
    )
    assert len(pages) == 2 and len(fake.transfers) == 2
    assert written(fake, wia.PAGES) == [2]
    assert written(fake, wia.XEXTENT) == [round(148 / 25.4 * 250)]
    assert written(fake, wia.YEXTENT) == [round(210 / 25.4 * 250)]

    # A count the driver refuses must not leave its own count of 1 in place.
    small, fake = scanner(sheets=3, pages_max=1)
    assert len(small.scan(ADF_ID, ScanSettings(feed="adf", max_pages=2))) == 2
    assert written(fake, wia.PAGES) == [0]


def test_resolution_follows_the_steps_the_driver_allows():
    stepped = ranged(wia.XRES, "Horizontal Resolution", 150, 100, 600, 100)
    scan, fake = scanner(resolution=stepped)
    scan.scan(ADF_ID, ScanSettings(resolution=250, feed="adf"))
    assert written(fake, wia.XRES) == [300], "never below what was asked"
    scan, fake = scanner(resolution=ranged(wia.XRES, "Horizontal Resolution", 150, 100, 650, 100))
    scan.scan(ADF_ID, ScanSettings(resolution=1200, feed="adf"))
    assert written(fake, wia.XRES) == [600]


def test_black_and_white_falls_back_to_grey_without_a_text_intent():
    scan, fake = scanner(intents=(wia.INTENT_COLOR, wia.INTENT_GRAY))
    scan.scan(ADF_ID, ScanSettings(mode="lineart", feed="adf"))
    assert written(fake, wia.INTENT) == [wia.INTENT_GRAY]
    scan, fake = scanner()
    scan.scan(ADF_ID, ScanSettings(mode="lineart", feed="adf"))
    assert written(fake, wia.INTENT) == [wia.INTENT_TEXT]


def test_the_default_source_is_the_one_the_device_has_selected():
    scan, fake = scanner(select=wia.FEEDER, sheets=2)
    assert len(scan.scan(ADF_ID, ScanSettings())) == 2
    assert written(fake, wia.HANDLING_SELECT) == []
    scan, fake = scanner(select=wia.FLATBED, sheets=2)
    assert len(scan.scan(ADF_ID, ScanSettings())) == 1


def test_stopping_after_the_first_page_keeps_it_and_asks_for_no_more():
    scan, fake = scanner(sheets=3)
    streamed = []
    err = failure(
        lambda: scan.scan(
            ADF_ID,
            ScanSettings(feed="adf"),
            on_page=streamed.append,
            cancel=lambda: len(streamed) >= 1,
        )
    )
    assert err.code == "cancelled" and err.message_vi == "Đã dừng quét."
    assert len(streamed) == 1 and len(fake.transfers) == 1


def test_an_empty_feeder_is_a_clear_error():
    scan, fake = scanner(sheets=0)
    streamed = []
    err = failure(lambda: scan.scan(ADF_ID, ScanSettings(feed="adf"), on_page=streamed.append))
    assert err.code == "scanner_empty"
    assert "Khay nạp giấy trống" in err.message_vi
    assert streamed == [] and len(fake.transfers) == 1


@pytest.mark.parametrize(
    ("code", "expected", "words"),
    [
        (wia.PAPER_JAM, "scanner_jammed", "kẹt giấy"),
        (wia.BUSY, "scanner_busy", "đang bận"),
        (wia.OFFLINE, "scanner_offline", "đang tắt"),
        (wia.COVER_OPEN, "scanner_cover_open", "Nắp máy quét đang mở"),
        (wia.WARMING_UP, "scanner_warming_up", "làm nóng"),
        (wia.NO_DEVICE_AVAILABLE, "scanner_not_found", "Không tìm thấy máy quét"),
        (wia.PAPER_PROBLEM, "scanner_paper_problem", "xếp lại giấy"),
        (wia.MULTI_FEED, "scanner_multi_feed", "nhiều tờ"),
        (GENERAL_ERROR, "scanner_failed", "0x80210001"),
    ],
)
def test_wia_errors_become_vietnamese_messages(code, expected, words):
    scan, fake = scanner(sheets=3, fail={2: code})
    streamed = []
    err = failure(lambda: scan.scan(ADF_ID, ScanSettings(feed="adf"), on_page=streamed.append))
    assert err.code == expected
    assert words in err.message_vi
    assert err.field == "device"
    assert len(streamed) == 1, "the page before the failure is already in the tray"


def test_errors_through_idispatch_and_while_connecting_are_mapped_too():
    # Late-bound calls report DISP_E_EXCEPTION with the WIA code in the EXCEPINFO.
    wrapped = COMError(
        wia.DISP_E_EXCEPTION,
        "Exception occurred.",
        ("Paper jam", "WIA.Item", None, 0, wia.PAPER_JAM - (1 << 32)),
    )
    assert wia.hresult(wrapped) == wia.PAPER_JAM
    assert wia.wia_error(wrapped, ADF_ID).code == "scanner_jammed"

    scan, _ = scanner(connect_error=wia.NO_DEVICE_AVAILABLE)
    err = failure(lambda: scan.options(ADF_ID))
    assert err.code == "scanner_not_found" and ADF_ID in err.message_vi
    scan, _ = scanner(connect_error=wia.BUSY)
    assert failure(lambda: scan.scan(ADF_ID, ScanSettings())).code == "scanner_busy"
    scan, _ = scanner()
    err = failure(lambda: scan.scan("{khong-co}\\0009", ScanSettings()))
    assert err.code == "scanner_not_found" and "{khong-co}\\0009" in err.message_vi


def test_settings_the_device_cannot_take_are_refused_clearly():
    flatbed_only, fake = scanner(caps=wia.FLATBED, select=wia.FLATBED)
    err = failure(lambda: flatbed_only.scan(ADF_ID, ScanSettings(feed="adf")))
    assert err.code == "scanner_no_source" and fake.transfers == []

    scan, fake = scanner()
    fake.item_props.Item(str(wia.XRES)).refuse = E_INVALIDARG
    err = failure(lambda: scan.scan(ADF_ID, ScanSettings(feed="adf")))
    assert err.code == "scanner_setting_refused" and "độ phân giải" in err.message_vi
    assert fake.transfers == []

    scan, fake = scanner()
    fake.item_props.Item(str(wia.XRES)).refuse = wia.WARMING_UP
    assert failure(lambda: scan.scan(ADF_ID, ScanSettings())).code == "scanner_warming_up"


def test_driver_specific_settings_are_written_as_id_and_value():
    scan, fake = scanner()
    err = failure(lambda: scan.scan(ADF_ID, ScanSettings(extra=("--mode", "Color"))))
    assert err.code == "bad_scan_option" and "6154=0" in err.message_vi
    assert fake.transfers == []
    # A property the driver does not have is refused, not raised as a COM error.
    err = failure(lambda: scan.scan(ADF_ID, ScanSettings(feed="adf", extra=("6154=0",))))
    assert err.code == "scanner_setting_refused" and "6154" in err.message_vi

    brightness = ranged(6154, "Brightness", 0, -1000, 1000)
    scan, fake = scanner(more=(brightness,))
    scan.scan(ADF_ID, ScanSettings(feed="adf", extra=("6154=-100", "3096=0x1")))
    assert written(fake, 6154) == [-100]
    # Device properties go to the device, after the backend's own settings.
    assert written(fake, wia.PAGES) == [0, 1]


# --- choosing the backend ---


def test_the_default_scanner_is_sane_off_windows_and_wia_on_it(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert isinstance(scanners.default_scanner(), ScanimageScanner)
    err = failure(lambda: WiaScanner().devices())
    assert err.code == "wia_unavailable"
    monkeypatch.setattr(sys, "platform", "win32")
    assert isinstance(scanners.default_scanner(), WiaScanner)
