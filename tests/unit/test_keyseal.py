"""Sealing a data key to the server's key: only the right key, for the right station, opens it."""

from __future__ import annotations

import base64
import os

import pytest

from app.protect import keys
from app.sync import keyseal


def test_a_sealed_key_opens_only_with_the_private_key_and_the_same_station() -> None:
    server = keyseal.derive_private(b"a" * 64)
    assert keyseal.public_bytes(server) == keyseal.public_bytes(keyseal.derive_private(b"a" * 64))
    data_key = os.urandom(32)
    label = keyseal.station_label("000.00.24.h47", 3)
    sealed = keyseal.seal(keyseal.public_bytes(server), data_key, label)
    assert data_key.hex() not in sealed and len(sealed) < 200
    assert (
        keyseal.open_sealed(server, sealed, keyseal.station_label("000.00.24.H47", 3)) == data_key
    )
    with pytest.raises(keyseal.SealError):
        keyseal.open_sealed(server, sealed, keyseal.station_label("000.00.24.H47", 4))
    with pytest.raises(keyseal.SealError):
        keyseal.open_sealed(keyseal.derive_private(b"b" * 64), sealed, label)
    raw = bytearray(base64.b64decode(sealed))
    raw[-1] ^= 1
    with pytest.raises(keyseal.SealError):
        keyseal.open_sealed(server, base64.b64encode(bytes(raw)).decode(), label)


def test_low_order_points_and_garbage_are_seal_errors_not_crashes() -> None:
    server = keyseal.derive_private(b"a" * 64)
    with pytest.raises(keyseal.SealError):
        keyseal.seal(bytes(32), os.urandom(32), b"x")
    zero = base64.b64encode(bytes([1]) + bytes(32) + bytes(12) + bytes(48)).decode()
    for bad in (zero, "not base64!", base64.b64encode(b"short").decode()):
        with pytest.raises(keyseal.SealError):
            keyseal.open_sealed(server, bad, b"x")
    with pytest.raises(keyseal.SealError):
        keyseal.decode_public(base64.b64encode(bytes(31)).decode())


def test_the_server_computes_the_same_check_value_as_the_station() -> None:
    key = os.urandom(32)
    assert keyseal.check_value(key) == keys.check_value(key)
