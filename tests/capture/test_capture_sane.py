"""Scanning through SANE: the real ``scanimage`` with SANE's ``test`` backend."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pikepdf
import pytest

from app.capture import attachments, sane, scanners
from app.capture.sane import ScanimageScanner, ScanSettings, parse_options
from app.capture.wia import WiaScanner
from app.domain.errors import DomainError

HAVE_SCANIMAGE = shutil.which("scanimage") is not None
# Under CI a missing scanimage is a broken setup, not a reason to skip.
needs_sane = pytest.mark.skipif(
    not HAVE_SCANIMAGE and not os.environ.get("CI"),
    reason="scanimage (Debian sane-utils) is not installed",
)

# What the test backend scans: a colour test pattern on an area the size of a
# small page, fed from its (simulated) document feeder.
TEST_PAGES = ScanSettings(
    resolution=200,
    mode="color",
    feed="adf",
    max_pages=3,
    width_mm=150,
    height_mm=200,
    extra=("--test-picture", "Color pattern"),
)

SAMPLE_A = """
All options specific to device `fujitsu:fi-7160:1':
  Standard:
    --source Flatbed|ADF Front|ADF Back|ADF Duplex [ADF Front]
        Selects the scan source (such as a document-feeder).
    --mode Lineart|Halftone|Gray|Color [Lineart]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 50..600dpi (in steps of 1) [600]
        Sets the horizontal resolution of the scanned image.
"""
SAMPLE_B = """
    --mode Black & White|True Gray|24bit Color [24bit Color]
    --resolution 75|100|150|300|600dpi [150]
"""


@needs_sane
def test_three_pages_from_the_sane_test_backend_become_a_component(db, clerk, received):
    streamed = []
    pages = ScanimageScanner().scan("test", TEST_PAGES, on_page=streamed.append)
    assert len(pages) == 3
    assert [p.label for p in streamed] == ["trang-001.png", "trang-002.png", "trang-003.png"]
    assert all(round(p.dpi) == 200 and p.source == "scanner" for p in pages)
    result = attachments.attach_component(db, clerk, received, 1, pages, source="scanner")
    assert (result.pages, result.dpi, result.source) == (3, 200, "scanner")
    with pikepdf.open(io.BytesIO(attachments.read_component(db, clerk, received, 1))) as pdf:
        assert len(pdf.pages) == 3


@needs_sane
def test_a_device_that_is_not_there_is_named_in_the_error():
    with pytest.raises(DomainError) as err:
        ScanimageScanner().scan("khongco:may-quet", ScanSettings())
    assert err.value.code == "scanner_not_found"
    assert "khongco:may-quet" in err.value.message_vi


@needs_sane
def test_the_command_follows_the_device_options():
    args = ScanimageScanner().command("test", ScanSettings(), Path("/tmp/spool"))
    # The test backend's default source is its flatbed: one page per scan.
    assert "--batch-count=1" in args
    assert args[args.index("--mode") + 1] == "Color"
    assert args[args.index("--resolution") + 1] == "200"
    with pytest.raises(DomainError) as err:
        ScanimageScanner().command("test", ScanSettings(feed="duplex"), Path("/tmp/spool"))
    assert err.value.code == "scanner_no_source"


def test_driver_option_names_are_matched():
    fujitsu = parse_options(SAMPLE_A)
    assert fujitsu.resolutions == (50, 600) and fujitsu.resolution_range
    assert sane._pick_source("duplex", fujitsu.sources) == "ADF Duplex"
    assert sane._pick_source("adf", fujitsu.sources) == "ADF Front"
    assert sane._pick_source("flatbed", fujitsu.sources) == "Flatbed"
    assert sane._pick_mode("lineart", fujitsu.modes) == "Lineart"
    assert sane._pick_resolution(200, fujitsu) == 200
    assert fujitsu.default_source == "ADF Front"
    other = parse_options(SAMPLE_B)
    assert other.resolutions == (75, 100, 150, 300, 600) and not other.resolution_range
    assert sane._pick_resolution(200, other) == 300, "never below what was asked"
    assert sane._pick_resolution(1200, other) == 600
    assert sane._pick_mode("color", other.modes) == "24bit Color"
    assert sane._pick_mode("gray", other.modes) == "True Gray"
    assert sane._pick_mode("lineart", other.modes) == "Black & White"
    with pytest.raises(DomainError):
        sane._pick_mode("sepia", other.modes)


def test_missing_sane_and_wia_elsewhere_are_clear_errors():
    with pytest.raises(DomainError) as err:
        ScanimageScanner("khong-co-scanimage-nay").devices()
    assert err.value.code == "sane_missing"
    assert "sane-utils" in err.value.message_vi
    if sys.platform != "win32":
        with pytest.raises(DomainError) as err:
            WiaScanner().scan("x", ScanSettings())
        assert err.value.code == "wia_unavailable"
        assert isinstance(scanners.default_scanner(), ScanimageScanner)
