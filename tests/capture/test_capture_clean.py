"""Cleaning: deskew, perspective, scanner borders, the colour decision, warnings."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from app.capture import geometry
from app.capture.clean import CleanOptions, clean_image, is_blank
from app.capture.pages import page_from_image, page_warnings
from app.domain.errors import DomainError
from tests.capture.synth import (
    marker_angle,
    on_dark_backing,
    photographed,
    rotated,
    text_page,
)

ANGLES = [-10.0, -8.3, -6.0, -3.7, -1.2, 0.0, 0.6, 2.5, 4.4, 7.1, 10.0]


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return text_page(100, seed=11, lines=30)


@pytest.mark.parametrize("angle", ANGLES)
def test_scanned_pages_come_out_level_within_half_a_degree(page, angle):
    crooked = rotated(page, angle)
    assert abs(marker_angle(crooked, page.width) - angle) < 0.3, "the markers measure the tilt"
    out = clean_image(crooked, dpi=100)
    assert abs(out.skew - angle) < 0.5
    assert abs(marker_angle(out.image, page.width)) < 0.5


@pytest.mark.parametrize("angle", [-10.0, -5.5, -1.5, 0.0, 3.0, 6.5, 10.0])
def test_photographed_pages_are_straightened_and_levelled(page, angle):
    shot = photographed(page, angle, seed=int(angle * 10) + 200)
    out = clean_image(shot, dpi=None, camera=True)
    assert out.reframed
    assert abs(marker_angle(out.image, page.width)) < 0.5
    width, height = out.image.size
    assert abs(width / height - page.width / page.height) < 0.03
    # A photograph's dpi is estimated from the page (A4 assumed).
    assert out.dpi == pytest.approx(max(out.image.size) / (297 / 25.4), rel=0.02)


@pytest.mark.parametrize("angle", [-6.0, 4.0])
def test_a_sheet_on_a_dark_scanner_backing_is_cropped_to_the_sheet(page, angle):
    out = clean_image(on_dark_backing(page, angle), dpi=100)
    assert out.reframed
    # The sheet, less a pixel-thin margin where its edge blurs into the backing.
    assert abs(out.image.width - page.width) < 0.015 * page.width
    assert abs(out.image.height - page.height) < 0.015 * page.height
    assert abs(marker_angle(out.image, page.width)) < 0.5
    rim = np.asarray(out.image.convert("L"))[:4].mean()
    assert rim > 200, "no black backing left along the edge"


def _fringed(image: Image.Image, shift: float) -> Image.Image:
    """A cheap scanner's colour misregistration: red and blue off by ``shift`` pixel."""
    arr = np.asarray(image).astype(np.float64)
    arr[:, 1:, 0] = (1 - shift) * arr[:, 1:, 0] + shift * arr[:, :-1, 0]
    arr[1:, :, 2] = (1 - shift) * arr[1:, :, 2] + shift * arr[:-1, :, 2]
    return Image.fromarray(arr.astype(np.uint8))


@pytest.mark.parametrize(
    ("features", "kind"),
    [
        ({}, "bw"),
        ({"stamp": True}, "colour"),
        ({"signature": True}, "colour"),
        ({"photo": True}, "gray"),
        ({"paper": (238, 226, 188)}, "bw"),
    ],
)
def test_the_colour_decision(features, kind):
    image = text_page(200, seed=4, lines=30, **features)
    assert clean_image(image, dpi=200).kind == kind
    # Colour fringes along black text do not make a black-and-white page colour.
    assert clean_image(_fringed(image, 0.5), dpi=200).kind == kind


def test_forced_modes_and_bilevel_input(page):
    stamp = text_page(100, seed=2, lines=10, stamp=True)
    assert clean_image(stamp, dpi=100, options=CleanOptions(colour="gray")).image.mode == "L"
    assert clean_image(stamp, dpi=100, options=CleanOptions(colour="bw")).image.mode == "1"
    assert clean_image(page, dpi=100, options=CleanOptions(colour="colour")).image.mode == "RGB"
    lineart = rotated(page, 3).convert("L").point(lambda v: 255 if v > 128 else 0).convert("1")
    out = clean_image(lineart, dpi=100)
    assert (out.kind, out.image.mode) == ("bw", "1")
    assert abs(out.skew - 3) < 0.5
    with pytest.raises(DomainError):
        CleanOptions(colour="sepia")


def test_the_paper_becomes_white_and_the_ink_black():
    image = text_page(100, seed=3, lines=20, paper=(225, 215, 180), noise=5)
    out = clean_image(image, dpi=100, options=CleanOptions(colour="gray"))
    pixels = np.asarray(out.image)
    assert np.median(pixels) == 255
    assert np.percentile(pixels, 0.5) < 40


def test_a_blank_back_is_recognised(page):
    blank = text_page(100, seed=1, lines=0, markers=False, noise=4)
    assert is_blank(blank)
    assert not is_blank(page)


def test_no_skew_is_invented_on_an_empty_page():
    assert geometry.estimate_skew(Image.new("L", (800, 1100), 255)) == 0.0


def test_rotation_in_the_tray_is_applied_on_load(page):
    p = page_from_image(page, source="scanner", label="x", dpi=100)
    assert p.rotated(90).load().size == (page.height, page.width)
    # Clockwise: the top-left marker goes to the top-right.
    turned = np.asarray(p.rotated(90).load().convert("L"))
    h, w = turned.shape
    assert turned[: h // 4, w // 2 :].mean() < turned[: h // 4, : w // 2].mean()
    assert p.rotated(-90).rotated(90).load().size == page.size
    with pytest.raises(DomainError):
        p.rotated(45)


def test_warnings_for_low_resolution_and_small_pages():
    a4_150 = page_warnings(1, 1240, 1754, 150)
    assert [w.code for w in a4_150] == ["low_dpi"]
    assert "150 dpi" in a4_150[0].message_vi
    card = page_warnings(2, 675, 425, 200)  # an ID card scanned alone
    assert [w.code for w in card] == ["small_page"]
    assert page_warnings(3, 1654, 2339, 200) == []
    assert page_warnings(4, 1169, 1654, 200) == []  # A5 is fine
