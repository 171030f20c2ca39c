"""Chip-based citizen ID card QR payloads and 12-digit personal ID numbers.

Every person and number here is invented.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.cccd import (
    PROVINCE_CODES,
    CccdData,
    looks_like_cccd_qr,
    normalize_sex,
    parse_cccd_qr,
    validate_birth_date,
    validate_id_number,
)
from app.domain.errors import DomainError

# The 63 codes of Annex 1 to Circular 07/2016/TT-BCA, typed in separately from the module.
PROVINCES_2016 = re.findall(
    r"[0-9]{3}",
    """
001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033
034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066
067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096
""",
)

# Invented people: (id, old id, name, birth ddmmyyyy, sex, address, issued ddmmyyyy).
AN = "001090000017"  # Hà Nội, male, 1990
NGOC = "048303000452"  # Đà Nẵng, female, 2003
LAN = "079155000731"  # TP HCM, female, 1955
PAYLOAD_AN = (
    f"{AN}|012345678|Nguyễn Văn An|15031990|Nam|"
    "Số 12 ngõ 34 phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|20042021"
)
PAYLOAD_NGOC = (
    f"{NGOC}||Trần Thị Bích Ngọc|21072003|Nữ|"
    "Tổ 5, Phường Hòa Khánh Bắc, Quận Liên Chiểu, Đà Nẵng|10082021"
)


def make_id(province: str, birth_year: int, female: bool, rest: str = "000123") -> str:
    """Build an ID number from its parts, following the rule as the circular states it."""
    century_index = (birth_year - 1900) // 100
    return f"{province}{century_index * 2 + int(female)}{birth_year % 100:02d}{rest}"


# -- ID numbers ---------------------------------------------------------------------------


def test_province_list_is_the_2016_list() -> None:
    assert len(PROVINCES_2016) == 63
    assert set(PROVINCE_CODES) == set(PROVINCES_2016)
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"


@pytest.mark.parametrize("province", PROVINCES_2016)
def test_every_province_code_is_accepted(province: str) -> None:
    number = make_id(province, 1985, female=False)
    assert validate_id_number(number, birth_date=date(1985, 6, 1), sex="Nam") == number


@pytest.mark.parametrize("province", [f"{n:03d}" for n in range(100)])
def test_province_block_accepts_only_listed_codes(province: str) -> None:
    number = f"{province}090000001"
    if province in PROVINCES_2016:
        assert validate_id_number(number) == number
    else:
        with pytest.raises(DomainError) as info:
            validate_id_number(number)
        assert info.value.code == "id_number_province"
        assert info.value.field == "id_number"
        assert province in info.value.message_vi


@pytest.mark.parametrize("country", ["104", "410", "704", "840"])
def test_country_codes_for_births_abroad_are_accepted(country: str) -> None:
    number = make_id(country, 2001, female=True)
    assert validate_id_number(number, birth_date=date(2001, 1, 1), sex="Nữ") == number


@pytest.mark.parametrize("place", ["101", "999", "555"])
def test_first_digits_neither_province_nor_country_are_refused(place: str) -> None:
    """Before, any code 100–999 passed as a "country code"."""
    with pytest.raises(DomainError) as info:
        validate_id_number(make_id(place, 2001, female=True))
    assert info.value.code == "id_number_place"


def test_an_id_implying_birth_in_the_future_is_refused() -> None:
    """Before, 0012300xxxxx (born 2030) was accepted."""
    number = make_id("001", 2030, female=False)
    with pytest.raises(DomainError) as info:
        validate_id_number(number, today=date(2026, 3, 2))
    assert info.value.code == "id_number_future"
    assert validate_id_number(make_id("001", 2026, female=False), today=date(2026, 3, 2))


@pytest.mark.parametrize(
    ("number", "hint"),
    [("001290000017", "2000–2099"), ("001091000017", "1990"), ("001190000017", "Nam")],
)
def test_qr_digits_that_disagree_with_the_card_are_warnings(number: str, hint: str) -> None:
    """Before, the card was refused although it is the authority."""
    data = parse_cccd_qr(PAYLOAD_AN.replace(AN, number))
    assert data.id_number == number and data.birth_date == date(1990, 3, 15)
    assert data.warnings and any(hint in w for w in data.warnings)


def test_year_only_and_month_year_birth_dates_on_the_card() -> None:
    """Before, 00001950 (year only, common on old people's papers) was refused."""
    old = PAYLOAD_AN.replace("15031990", "00001950").replace(AN, "001050000017")
    data = parse_cccd_qr(old)
    assert (data.birth_date, data.birth_precision, data.warnings) == (date(1950, 1, 1), "year", ())
    month = parse_cccd_qr(old.replace("00001950", "00071950"))
    assert (month.birth_date, month.birth_precision) == (date(1950, 7, 1), "month")


@pytest.mark.parametrize(
    ("birth", "female", "digit"),
    [
        (date(1900, 1, 1), False, "0"),
        (date(1999, 12, 31), True, "1"),
        (date(2000, 1, 1), False, "2"),
        (date(2099, 12, 31), True, "3"),
        (date(2100, 1, 1), False, "4"),
        (date(2150, 5, 5), True, "5"),
        (date(2200, 1, 1), False, "6"),
        (date(2299, 1, 1), True, "7"),
        (date(2300, 1, 1), False, "8"),
        (date(2399, 1, 1), True, "9"),
    ],
)
def test_sex_and_century_digit(birth: date, female: bool, digit: str) -> None:
    number = f"001{digit}{birth.year % 100:02d}000123"
    sex = "Nữ" if female else "Nam"
    assert validate_id_number(number, birth_date=birth, sex=sex) == number
    assert make_id("001", birth.year, female) == number


def test_id_number_is_stripped() -> None:
    assert validate_id_number(f"  {AN}\n") == AN


@pytest.mark.parametrize(
    "number",
    ["", "00109000001", "0010900000170", "00109000001A", "001 090 000017", "001-090-000017",
     "００１０９００００００１７", None],
)  # fmt: skip
def test_id_number_format(number: object) -> None:
    with pytest.raises(DomainError) as info:
        validate_id_number(number)  # type: ignore[arg-type]
    assert info.value.code == "id_number_format"
    assert info.value.field == "id_number"


def test_wrong_length_message_says_twelve_digits() -> None:
    with pytest.raises(DomainError) as info:
        validate_id_number("12345")
    assert "12" in info.value.message_vi and "5" in info.value.message_vi
    assert "12 digits" in info.value.message_en


@pytest.mark.parametrize(
    ("number", "birth"),
    [
        (AN, date(2090, 3, 15)),  # digit 0 means 1900s
        ("001290000017", date(1990, 3, 15)),  # digit 2 means 2000s
        (NGOC, date(1903, 7, 21)),
        ("001490000017", date(1990, 1, 1)),
    ],
)
def test_century_inconsistent_with_birth(number: str, birth: date) -> None:
    with pytest.raises(DomainError) as info:
        validate_id_number(number, birth_date=birth)
    assert info.value.code == "id_number_century"


@pytest.mark.parametrize(
    ("number", "birth"),
    [(AN, date(1991, 3, 15)), (AN, date(1909, 1, 1)), (NGOC, date(2030, 7, 21))],
)
def test_year_digits_inconsistent_with_birth(number: str, birth: date) -> None:
    with pytest.raises(DomainError) as info:
        validate_id_number(number, birth_date=birth)
    assert info.value.code == "id_number_year"


@pytest.mark.parametrize(("number", "sex"), [(AN, "Nữ"), (AN, "female"), (NGOC, "Nam"), (LAN, "M")])
def test_sex_inconsistent(number: str, sex: str) -> None:
    with pytest.raises(DomainError) as info:
        validate_id_number(number, sex=sex)
    assert info.value.code == "id_number_sex"


def test_without_birth_date_or_sex_only_structure_is_checked() -> None:
    assert validate_id_number(LAN) == LAN
    assert validate_id_number(LAN, sex="nữ") == LAN
    assert validate_id_number(LAN, birth_date=date(1955, 2, 2)) == LAN


@settings(max_examples=200)
@given(
    province=st.sampled_from(PROVINCES_2016),
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2399, 12, 31)),
    female=st.booleans(),
    rest=st.from_regex(r"[0-9]{6}", fullmatch=True),
)
def test_consistent_numbers_pass_and_wrong_sex_fails(
    province: str, birth: date, female: bool, rest: str
) -> None:
    number = make_id(province, birth.year, female, rest)
    sex = "Nữ" if female else "Nam"
    assert validate_id_number(number, birth_date=birth, sex=sex) == number
    with pytest.raises(DomainError):
        validate_id_number(number, sex="Nam" if female else "Nữ")
    # Any other year contradicts the year digits (or the century digit).
    other_year = date(birth.year + 1, 3, 1)
    with pytest.raises(DomainError):
        validate_id_number(number, birth_date=other_year)


# -- sex and birth date --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nam", "Nam"), ("nam", "Nam"), ("NAM", "Nam"), (" Nam ", "Nam"), ("male", "Nam"),
        ("Male", "Nam"), ("M", "Nam"), ("m", "Nam"),
        ("Nữ", "Nữ"), ("nữ", "Nữ"), ("NỮ", "Nữ"), ("nu", "Nữ"), ("Nu", "Nữ"),
        ("female", "Nữ"), ("FEMALE", "Nữ"), ("F", "Nữ"), ("f", "Nữ"),
        (unicodedata.normalize("NFD", "Nữ"), "Nữ"),
    ],
)  # fmt: skip
def test_normalize_sex(text: str, expected: str) -> None:
    result = normalize_sex(text)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize("text", ["", "x", "Khác", "Nam Nữ", "nữa", "mal", None])
def test_normalize_sex_rejects(text: object) -> None:
    with pytest.raises(DomainError) as info:
        normalize_sex(text)  # type: ignore[arg-type]
    assert info.value.code == "bad_sex"
    assert info.value.field == "sex"


def test_birth_date_bounds() -> None:
    today = date(2026, 2, 13)
    validate_birth_date(today, today)
    validate_birth_date(date(1900, 1, 1), today)
    with pytest.raises(DomainError) as info:
        validate_birth_date(date(2026, 2, 14), today)
    assert info.value.code == "birth_date_future"
    assert info.value.field == "birth_date"
    with pytest.raises(DomainError) as info:
        validate_birth_date(date(1899, 12, 31), today)
    assert info.value.code == "birth_date_too_old"


# -- QR payloads ---------------------------------------------------------------------


def test_seven_field_payload() -> None:
    assert parse_cccd_qr(PAYLOAD_AN) == CccdData(
        id_number=AN,
        old_id="012345678",
        full_name="Nguyễn Văn An",
        birth_date=date(1990, 3, 15),
        sex="Nam",
        address="Số 12 ngõ 34 phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội",
        issue_date=date(2021, 4, 20),
    )


def test_empty_old_id() -> None:
    data = parse_cccd_qr(PAYLOAD_NGOC)
    assert data.old_id is None
    assert data.id_number == NGOC
    assert data.sex == "Nữ"
    assert data.birth_date == date(2003, 7, 21)
    assert data.issue_date == date(2021, 8, 10)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r", "\t", "   "])
def test_scanner_line_ending_is_ignored(ending: str) -> None:
    assert parse_cccd_qr(PAYLOAD_AN + ending) == parse_cccd_qr(PAYLOAD_AN)


def test_six_fields_without_old_id_field() -> None:
    payload = f"{AN}|Nguyễn Văn An|15031990|Nam|Thôn Đông, Xã Yên Sở, Hà Nội|20042021"
    data = parse_cccd_qr(payload)
    assert data.old_id is None
    assert data.full_name == "Nguyễn Văn An"
    assert data.address == "Thôn Đông, Xã Yên Sở, Hà Nội"
    assert data.issue_date == date(2021, 4, 20)


def test_six_fields_without_issue_date() -> None:
    payload = f"{LAN}|021345678|Lê Thị Lan|02021955|Nữ|12 Lý Tự Trọng, Quận 1, TP Hồ Chí Minh"
    data = parse_cccd_qr(payload)
    assert data.old_id == "021345678"
    assert data.full_name == "Lê Thị Lan"
    assert data.birth_date == date(1955, 2, 2)
    assert data.address == "12 Lý Tự Trọng, Quận 1, TP Hồ Chí Minh"
    assert data.issue_date is None


def test_extra_trailing_fields_are_ignored() -> None:
    assert parse_cccd_qr(PAYLOAD_AN + "|") == parse_cccd_qr(PAYLOAD_AN)
    assert parse_cccd_qr(PAYLOAD_AN + "|31122035|x") == parse_cccd_qr(PAYLOAD_AN)


def test_decomposed_input_gives_composed_text() -> None:
    data = parse_cccd_qr(unicodedata.normalize("NFD", PAYLOAD_NGOC))
    assert data == parse_cccd_qr(PAYLOAD_NGOC)
    assert unicodedata.is_normalized("NFC", data.full_name)
    assert unicodedata.is_normalized("NFC", data.address or "")


@pytest.mark.parametrize("sex", ["NỮ", "nữ", "Nu", unicodedata.normalize("NFD", "nữ")])
def test_sex_forms_in_payload(sex: str) -> None:
    payload = PAYLOAD_NGOC.replace("|Nữ|", f"|{sex}|")
    assert parse_cccd_qr(payload).sex == "Nữ"


def test_whitespace_inside_fields_is_tidied() -> None:
    payload = f" {AN} | 012345678 |Nguyễn  Văn\tAn | 15031990 | Nam |  Hà   Nội |20042021"
    data = parse_cccd_qr(payload)
    assert data.id_number == AN
    assert data.old_id == "012345678"
    assert data.full_name == "Nguyễn Văn An"
    assert data.address == "Hà Nội"


def test_empty_address_and_issue_date() -> None:
    data = parse_cccd_qr(f"{AN}||Nguyễn Văn An|15031990|Nam||")
    assert data.address is None
    assert data.issue_date is None


def test_twelve_digit_old_id() -> None:
    assert parse_cccd_qr(PAYLOAD_AN.replace("012345678", "001090999888")).old_id == "001090999888"


def test_today_checks_dates_against_the_present() -> None:
    assert parse_cccd_qr(PAYLOAD_AN, today=date(2026, 2, 13)).id_number == AN
    with pytest.raises(DomainError) as info:
        parse_cccd_qr(PAYLOAD_AN, today=date(2021, 4, 19))  # issued "tomorrow"
    assert info.value.code == "bad_cccd_qr"
    with pytest.raises(DomainError) as info:
        parse_cccd_qr(PAYLOAD_AN, today=date(1990, 3, 14))
    assert info.value.code == "bad_cccd_qr"
    assert "future" in info.value.message_en


@pytest.mark.parametrize(
    ("payload", "hint_en"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        (AN, "fields"),
        (f"{AN}|012345678|Nguyễn Văn An|15031990", "fields"),
        (PAYLOAD_AN.replace(AN, "00109000001"), "12 digits"),
        (PAYLOAD_AN.replace(AN, "00109000001X"), "12 digits"),
        (PAYLOAD_AN.replace(AN, "003090000017"), "province"),
        (PAYLOAD_AN.replace("15031990", "31021990"), "birth date"),
        (PAYLOAD_AN.replace("15031990", "1503199"), "birth date"),
        (PAYLOAD_AN.replace("15031990", "15/03/1990"), "birth date"),
        (PAYLOAD_AN.replace("20042021", "32042021"), "issue date"),
        (PAYLOAD_AN.replace("20042021", "20041989"), "before birth"),
        (PAYLOAD_AN.replace("|Nam|", "|Khác|"), "sex"),
        (PAYLOAD_AN.replace("|Nam|", "||"), "sex"),
        (PAYLOAD_AN.replace("012345678", "01234567"), "old ID"),
        (PAYLOAD_AN.replace("012345678", "0123456789"), "old ID"),
        (PAYLOAD_AN.replace("Nguyễn Văn An", ""), "name"),
        (PAYLOAD_AN.replace("Nguyễn Văn An", "Nguyễn Văn 4n"), "name"),
        (PAYLOAD_AN.replace("|", ";"), "fields"),
        (PAYLOAD_AN.replace(AN, "001090000017").replace("15031990", "15031890"), "1900"),
    ],
)
def test_malformed_payloads(payload: str, hint_en: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_cccd_qr(payload)
    assert info.value.code == "bad_cccd_qr"
    assert info.value.field == "cccd_qr"
    assert hint_en in info.value.message_en
    assert info.value.message_vi.startswith("Mã QR căn cước không hợp lệ")


def test_non_text_payload() -> None:
    with pytest.raises(DomainError) as info:
        parse_cccd_qr(None)  # type: ignore[arg-type]
    assert info.value.code == "bad_cccd_qr"


# -- scanner detection ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PAYLOAD_AN, True),
        (PAYLOAD_NGOC, True),
        (PAYLOAD_AN + "\n", True),
        ("  " + PAYLOAD_AN, True),
        (f"{AN}|||||", True),
        (f"{AN}||||", False),  # only four separators
        (f"{AN[:-1]}|012345678|A|15031990|Nam|x|20042021", False),  # 11 digits
        (f"{AN}5|012345678|A|15031990|Nam|x|20042021", False),  # 13 digits
        (f"x{AN}|012345678|A|15031990|Nam|x|20042021", False),
        (AN, False),
        ("Nguyễn Văn An", False),
        ("000.00.24.H47-260213-0001", False),
        ("", False),
    ],
)
def test_looks_like_cccd_qr(text: str, expected: bool) -> None:
    assert looks_like_cccd_qr(text) is expected
