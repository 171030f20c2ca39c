"""The QR matrix is exactly what the qrcode library makes, only faster."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M, ERROR_CORRECT_Q
from qrcode.util import create_data

from app.paper.render.qr import QRFlowable, _codewords, _version, qr_matrix


def _reference(data: str, level: int) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=level, border=0)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


@pytest.mark.parametrize("length", [1, 17, 80, 95, 160, 400])
@pytest.mark.parametrize("level", [ERROR_CORRECT_M, ERROR_CORRECT_Q, ERROR_CORRECT_H])
def test_same_matrix_and_mask_as_qrcode(length, level):
    rng = random.Random(length * 31 + level)
    alphabet = string.ascii_letters + string.digits + "/:?=&.-_"
    for _ in range(4):
        data = "".join(rng.choice(alphabet) for _ in range(length))
        assert qr_matrix(data, level) == _reference(data, level)


@pytest.mark.parametrize(
    "data",
    [
        "0123456789" * 7,
        "000.00.24.H47-260213-0001",
        "HTTPS://MOTCUA.EXAMPLE.VN/TRA-CUU/000.00.24.H47-260213-0001",
        "Nguyễn Thị Thuỷ Tiên – phường Hoàn Kiếm, thành phố Hà Nội",
        "00020101021238570010A000000727012700069704230113009999999999",
        "mixed 1234567890123456789012 ABCDEFGHIJKLMNOP tail",
        "x" * 1200,
    ],
)
def test_same_matrix_for_every_encoding_mode(data):
    # Numeric, alphanumeric, byte and UTF-8 segments, mixed as qrcode splits them.
    for level in (ERROR_CORRECT_M, ERROR_CORRECT_Q, ERROR_CORRECT_H):
        assert qr_matrix(data, level) == _reference(data, level)


def test_codewords_equal_qrcode_reed_solomon():
    rng = random.Random(5)
    for _ in range(60):
        level = rng.choice([ERROR_CORRECT_M, ERROR_CORRECT_Q, ERROR_CORRECT_H])
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        code = qrcode.QRCode(error_correction=level, border=0)
        code.add_data(data)
        version = code.best_fit()
        assert _version(level, code.data_list) == version
        expected = create_data(version, level, code.data_list)
        assert _codewords(version, level, code.data_list) == expected


def test_error_correction_is_m_by_default():
    url = "https://motcua.example.vn/tra-cuu/000.00.24.H47-260213-0001?k=abc"
    assert qr_matrix(url) == _reference(url, ERROR_CORRECT_M)
    assert qr_matrix(url) != _reference(url, qrcode.constants.ERROR_CORRECT_L)


def test_flowable_keeps_a_quiet_zone_around_the_code():
    flowable = QRFlowable("https://motcua.example.vn/tra-cuu/X?k=1", 72.0)
    modules = len(flowable.matrix)
    assert flowable.width == pytest.approx(72.0 + 2 * 4 * 72.0 / modules)
