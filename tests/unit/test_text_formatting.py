"""Search folding and the way money, dates and times are written."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.formatting import (
    format_bytes,
    format_date,
    format_datetime,
    format_long_date,
    format_long_datetime,
    format_money,
    format_money_official,
    number_in_words,
)
from app.domain.text import fold, search_tokens

# -- fold -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("TRẦN THỊ BÍCH NGỌC", "tran thi bich ngoc"),
        ("Đặng đình Đông", "dang dinh dong"),
        ("đ", "d"),
        ("Đ", "d"),
        ("Phường Hòa Khánh Bắc", "phuong hoa khanh bac"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("Bà Rịa - Vũng Tàu", "ba ria - vung tau"),
        ("abc 123", "abc 123"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("letters", "base"),
    [
        ("aàáảãạăằắẳẵặâầấẩẫậAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "a"),
        ("eèéẻẽẹêềếểễệEÈÉẺẼẸÊỀẾỂỄỆ", "e"),
        ("iìíỉĩịIÌÍỈĨỊ", "i"),
        ("oòóỏõọôồốổỗộơờớởỡợOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "o"),
        ("uùúủũụưừứửữựUÙÚỦŨỤƯỪỨỬỮỰ", "u"),
        ("yỳýỷỹỵYỲÝỶỸỴ", "y"),
        ("dđDĐ", "d"),
    ],
)
def test_every_vietnamese_letter_folds_to_its_base(letters: str, base: str) -> None:
    for letter in letters:
        assert fold(letter) == base, letter


def test_composed_and_decomposed_input_fold_alike() -> None:
    name = "Nguyễn Thị Hồng Nhung"
    nfd = unicodedata.normalize("NFD", name)
    assert nfd != name
    assert fold(nfd) == fold(name) == "nguyen thi hong nhung"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Lê   Văn\tTám \n", "le van tam"),
        ("\u00a0Hà\u00a0Nội\u00a0", "ha noi"),  # no-break spaces from pasted text
        ("a\r\nb", "a b"),
    ],
)
def test_fold_collapses_whitespace(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_fold_of_nothing(empty: str | None) -> None:
    assert fold(empty) == ""


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_fold_is_idempotent_and_clean(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded
    assert not any(unicodedata.category(ch) == "Mn" for ch in folded)
    assert "đ" not in folded and "Đ" not in folded


@settings(max_examples=200)
@given(st.text(alphabet="aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ \u0300\u0301\u0303\u0309\u0323", max_size=30))
def test_fold_ignores_case_and_normal_form(text: str) -> None:
    variants = [text.upper(), text.lower(), unicodedata.normalize("NFC", text),
                unicodedata.normalize("NFD", text)]  # fmt: skip
    assert {fold(v) for v in variants} == {fold(text)}


def test_search_tokens() -> None:
    assert search_tokens("Trần-Thị, Bích!  Ngọc") == ["tran", "thi", "bich", "ngoc"]
    assert search_tokens("000.00.24.H47-260213-0001") == [
        "000", "00", "24", "h47", "260213", "0001"
    ]  # fmt: skip
    assert search_tokens(None) == []
    assert search_tokens(" ,.; ") == []


# -- money --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0 đ"),
        (None, "0 đ"),
        (5, "5 đ"),
        (999, "999 đ"),
        (1000, "1.000 đ"),
        (50000, "50.000 đ"),
        (100000, "100.000 đ"),
        (1234567, "1.234.567 đ"),
        (1_000_000_000, "1.000.000.000 đ"),
        (-50000, "-50.000 đ"),
    ],
)
def test_format_money(amount: int | None, text: str) -> None:
    assert format_money(amount) == text


@settings(max_examples=300)
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_money_groups_by_three(amount: int) -> None:
    text = format_money(amount)
    assert text.endswith(" đ")
    digits = text[:-2].removeprefix("-")
    groups = digits.split(".")
    assert 1 <= len(groups[0]) <= 3
    assert all(len(g) == 3 for g in groups[1:])
    assert int(text[:-2].replace(".", "")) == amount


# -- dates and times ------------------------------------------------------------------------


def test_format_date() -> None:
    assert format_date(date(2026, 2, 13)) == "13/02/2026"
    assert format_date(date(2026, 12, 1)) == "01/12/2026"
    assert format_date(datetime(2026, 2, 13, 9, 5)) == "13/02/2026"
    assert format_date(None) == ""


def test_format_datetime() -> None:
    assert format_datetime(datetime(2026, 2, 13, 9, 5)) == "09:05 13/02/2026"
    assert format_datetime(datetime(2026, 2, 13, 17, 30)) == "17:30 13/02/2026"
    assert format_datetime(None) == ""


def test_format_long_datetime() -> None:
    assert format_long_datetime(datetime(2026, 2, 13, 9, 5)) == (
        "09 giờ 05 phút, ngày 13 tháng 02 năm 2026"
    )
    assert format_long_datetime(datetime(2025, 12, 31, 17, 30)) == (
        "17 giờ 30 phút, ngày 31 tháng 12 năm 2025"
    )


def test_format_long_date() -> None:
    assert format_long_date(date(2026, 2, 13)) == "ngày 13 tháng 02 năm 2026"


def test_long_dates_put_a_zero_only_before_days_below_10_and_months_1_and_2() -> None:
    # Decree 30/2020/NĐ-CP, Appendix I: "ngày 07 tháng 5 năm 2019".
    assert format_long_date(date(2019, 5, 7)) == "ngày 07 tháng 5 năm 2019"
    assert format_long_date(date(2026, 4, 29)) == "ngày 29 tháng 4 năm 2026"
    assert format_long_date(date(2026, 1, 15)) == "ngày 15 tháng 01 năm 2026"
    assert format_long_date(date(2026, 12, 1)) == "ngày 01 tháng 12 năm 2026"
    assert format_long_datetime(datetime(2026, 10, 9, 7, 5)) == (
        "07 giờ 05 phút, ngày 09 tháng 10 năm 2026"
    )


def test_money_on_official_paper_reads_dong_in_full() -> None:
    assert format_money_official(50_000) == "50.000 đồng"
    assert format_money_official(1_234_567) == "1.234.567 đồng"
    assert format_money_official(0) == "0 đồng"


@settings(max_examples=200)
@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)))
def test_long_datetime_reads_back(value: datetime) -> None:
    match = re.fullmatch(
        r"(\d{2}) giờ (\d{2}) phút, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})",
        format_long_datetime(value),
    )
    assert match, format_long_datetime(value)
    hour, minute, day, month, year = (int(g) for g in match.groups())
    assert datetime(year, month, day, hour, minute) == value.replace(second=0, microsecond=0)
    written_month = f"{month:02d}" if month < 3 else str(month)
    assert format_long_date(value) == f"ngày {day:02d} tháng {written_month} năm {year}"
    assert format_date(value) == f"{day:02d}/{month:02d}/{year}"


def test_sizes_are_written_in_binary_units_with_a_decimal_comma():
    assert [format_bytes(n) for n in (0, 999, 1024, 1_288_490, 12_900_000, 5 * 1024**3)] == [
        "0 B",
        "999 B",
        "1,0 KB",
        "1,2 MB",
        "12,3 MB",
        "5,0 GB",
    ]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "không"),
        (1, "một"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (25, "hai mươi lăm"),
        (30, "ba mươi"),
        (105, "một trăm linh năm"),
        (115, "một trăm mười lăm"),
        (200, "hai trăm"),
    ],
)
def test_number_in_words(value: int, words: str) -> None:
    assert number_in_words(value) == words
