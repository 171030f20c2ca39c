"""VietQR payloads: EMVCo TLV fields and the CRC-16/CCITT-FALSE checksum."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.vietqr import (
    build_vietqr,
    crc16_ccitt_false,
    crc_is_valid,
    fold_note,
    parse_tlv,
    transfer_note_for,
)

SPEC_VECTOR = (
    "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4"
)


def test_spec_test_vector_is_built_exactly():
    assert build_vietqr("970423", "0099999999") == SPEC_VECTOR


def test_crc_of_the_standard_check_string():
    # The catalogued check value of CRC-16/CCITT-FALSE.
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert crc16_ccitt_false(b"") == 0xFFFF


def test_crc_of_the_spec_vector():
    assert crc16_ccitt_false(SPEC_VECTOR[:-4].encode()) == 0xCBB4
    assert crc_is_valid(SPEC_VECTOR)
    assert not crc_is_valid(SPEC_VECTOR[:-1] + "5")
    assert not crc_is_valid(SPEC_VECTOR.replace("970423", "970424"))


def test_amount_and_note_parse_back():
    payload = build_vietqr("970436", "1234567890123", amount=150_000, note="Nộp phí hồ sơ Đất")
    fields = parse_tlv(payload)

    assert list(fields) == ["00", "01", "38", "53", "54", "58", "62", "63"]
    assert fields["00"] == "01"
    assert fields["01"] == "12"  # one-time: a code for one fee
    merchant = parse_tlv(fields["38"])
    assert merchant == {
        "00": "A000000727",
        "01": "00069704360113" + "1234567890123",
        "02": "QRIBFTTA",
    }
    assert parse_tlv(merchant["01"]) == {"00": "970436", "01": "1234567890123"}
    assert fields["53"] == "704"
    assert fields["54"] == "150000"
    assert fields["58"] == "VN"
    assert parse_tlv(fields["62"]) == {"08": "Nop phi ho so Dat"}
    assert crc_is_valid(payload)
    assert payload.endswith("6304" + fields["63"])


def test_static_and_one_time_can_be_chosen():
    assert parse_tlv(build_vietqr("970423", "0099999999", one_time=True))["01"] == "12"
    assert parse_tlv(build_vietqr("970423", "0099999999", amount=1, one_time=False))["01"] == "11"


def test_note_keeps_case_and_loses_only_diacritics():
    assert fold_note("Phí ĐĂNG KÝ  hộ tịch") == "Phi DANG KY ho tich"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"bank_bin": "97042", "account": "0099999999"}, "vietqr.bin_invalid"),
        ({"bank_bin": "97042A", "account": "0099999999"}, "vietqr.bin_invalid"),
        ({"bank_bin": "970423", "account": ""}, "vietqr.account_invalid"),
        ({"bank_bin": "970423", "account": "0" * 20}, "vietqr.account_invalid"),
        ({"bank_bin": "970423", "account": "0099-9999"}, "vietqr.account_invalid"),
        ({"bank_bin": "970423", "account": "1", "amount": 0}, "vietqr.amount_invalid"),
        ({"bank_bin": "970423", "account": "1", "amount": -5}, "vietqr.amount_invalid"),
        ({"bank_bin": "970423", "account": "1", "amount": True}, "vietqr.amount_invalid"),
        ({"bank_bin": "970423", "account": "1", "amount": 10.5}, "vietqr.amount_invalid"),
        ({"bank_bin": "970423", "account": "1", "note": "x" * 26}, "vietqr.note_too_long"),
        ({"bank_bin": "970423", "account": "1", "note": "phí 😀"}, "vietqr.note_invalid"),
        ({"bank_bin": "970423", "account": "1", "note": "税"}, "vietqr.note_invalid"),
    ],
)
def test_invalid_input_is_refused(kwargs, code):
    bank_bin = kwargs.pop("bank_bin")
    account = kwargs.pop("account")
    with pytest.raises(DomainError) as caught:
        build_vietqr(bank_bin, account, **kwargs)
    assert caught.value.code == code


def test_twenty_five_characters_of_note_fit():
    note = "000.00.24.H47-260213-0001"
    assert len(note) == 25
    assert parse_tlv(parse_tlv(build_vietqr("970423", "1", note=note))["62"])["08"] == note


def test_malformed_tlv_is_refused():
    with pytest.raises(DomainError):
        parse_tlv("0002")
    with pytest.raises(DomainError):
        parse_tlv("00AB01")


def test_transfer_note_for_long_codes_drops_the_dots():
    assert transfer_note_for("000.00.24.H47-260213-0001") == "000.00.24.H47-260213-0001"
    assert transfer_note_for("000.00.24.H47-260213-010001") == "0000024H47-260213-010001"
    assert transfer_note_for("000.00.24.H47-260213-01000001") is None
