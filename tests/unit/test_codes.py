"""Dossier codes: format, parse, look-up extraction and offline-safe allocation."""

from __future__ import annotations

import random
import string
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.codes import (
    DossierCode,
    SequenceSlice,
    find_code,
    format_code,
    next_sequence,
    parse_code,
    slice_for_station,
    validate_agency_code,
)
from app.domain.errors import DomainError

AGENCY = "000.00.24.H47"
DAY = date(2026, 2, 13)

_ALNUM = string.ascii_uppercase + string.digits
agency_codes = st.lists(
    st.text(alphabet=_ALNUM, min_size=1, max_size=4), min_size=4, max_size=4
).map(".".join)
code_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


# -- agency codes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("000.00.24.H47", "000.00.24.H47"),
        ("000.46.24.H44", "000.46.24.H44"),
        ("  000.00.24.h47\n", "000.00.24.H47"),
        ("a.b.c.d", "A.B.C.D"),
    ],
)
def test_agency_code_is_normalized(raw: str, expected: str) -> None:
    assert validate_agency_code(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "000.00.24",
        "000.00.24.H47.1",
        "000..24.H47",
        "000.00.24.",
        ".000.00.24",
        "000-00-24-H47",
        "000.00.24.H 47",
        "000.00.24.H_47",
        "000.00.24.Đ47",
    ],
)
def test_bad_agency_code(raw: str) -> None:
    with pytest.raises(DomainError) as info:
        validate_agency_code(raw)
    assert info.value.code == "bad_agency_code"
    assert info.value.message_vi != info.value.message_en


# -- slices -----------------------------------------------------------------------


def test_slice_contains_its_bounds_only() -> None:
    slc = SequenceSlice(1001, 2000)
    assert 1001 in slc
    assert 2000 in slc
    assert 1500 in slc
    assert 1000 not in slc
    assert 2001 not in slc
    assert "1500" not in slc
    assert slc.size == 1000


@pytest.mark.parametrize(("start", "end"), [(0, 10), (-5, 10), (10, 9), (1, 1_000_000)])
def test_bad_slice(start: int, end: int) -> None:
    with pytest.raises(DomainError) as info:
        SequenceSlice(start, end)
    assert info.value.code == "bad_sequence_slice"


def test_single_number_slice_is_allowed() -> None:
    assert SequenceSlice(7, 7).size == 1


@pytest.mark.parametrize(
    ("station", "start", "end"),
    [(1, 1, 1000), (2, 1001, 2000), (3, 2001, 3000), (999, 998_001, 999_000)],
)
def test_slice_for_station_default_size(station: int, start: int, end: int) -> None:
    assert slice_for_station(station) == SequenceSlice(start, end)


def test_slice_for_station_custom_size() -> None:
    assert slice_for_station(1, 500) == SequenceSlice(1, 500)
    assert slice_for_station(4, 500) == SequenceSlice(1501, 2000)


@pytest.mark.parametrize("station", [0, -1, 1000, True, "1", 1.0, None])
def test_bad_station(station: object) -> None:
    with pytest.raises(DomainError) as info:
        slice_for_station(station)  # type: ignore[arg-type]
    assert info.value.code == "bad_station"


@pytest.mark.parametrize(("station", "size"), [(1, 0), (1, -3), (2, 600_000), (999, 1002)])
def test_bad_slice_size(station: int, size: int) -> None:
    with pytest.raises(DomainError) as info:
        slice_for_station(station, size)
    assert info.value.code == "bad_sequence_slice"


@settings(max_examples=200)
@given(
    a=st.integers(1, 999),
    b=st.integers(1, 999),
    size=st.integers(1, 1001),
)
def test_slices_of_different_stations_are_disjoint(a: int, b: int, size: int) -> None:
    if max(a, b) * size > 999_999:
        return
    sa, sb = slice_for_station(a, size), slice_for_station(b, size)
    assert sa.size == sb.size == size
    if a == b:
        assert sa == sb
    else:
        assert sa.end < sb.start or sb.end < sa.start
    # Neighbouring stations tile the sequence without gaps.
    if b == a + 1:
        assert sb.start == sa.end + 1


# -- format and parse -------------------------------------------------------------


def test_format_example() -> None:
    assert format_code(AGENCY, DAY, 1) == "000.00.24.H47-260213-0001"


@pytest.mark.parametrize(
    ("seq", "tail"),
    [
        (1, "0001"),
        (42, "0042"),
        (999, "0999"),
        (1000, "1000"),
        (9999, "9999"),
        (10_000, "10000"),
        (999_000, "999000"),
    ],
)
def test_format_pads_to_at_least_four_digits(seq: int, tail: str) -> None:
    assert format_code(AGENCY, DAY, seq) == f"000.00.24.H47-260213-{tail}"


def test_format_normalizes_agency_and_accepts_datetime() -> None:
    when = datetime(2026, 12, 31, 23, 59)
    assert format_code(" 000.46.24.h44 ", when, 7) == "000.46.24.H44-261231-0007"


@pytest.mark.parametrize("seq", [0, -1, True, 1.0, "1"])
def test_format_rejects_bad_sequence(seq: object) -> None:
    with pytest.raises(DomainError) as info:
        format_code(AGENCY, DAY, seq)  # type: ignore[arg-type]
    assert info.value.code == "bad_sequence"


@pytest.mark.parametrize("day", [date(1999, 12, 31), date(2100, 1, 1)])
def test_format_rejects_days_a_code_cannot_express(day: date) -> None:
    with pytest.raises(DomainError) as info:
        format_code(AGENCY, day, 1)
    assert info.value.code == "bad_code_date"


def test_format_rejects_bad_agency() -> None:
    with pytest.raises(DomainError) as info:
        format_code("000.00.24", DAY, 1)
    assert info.value.code == "bad_agency_code"


def test_parse_example() -> None:
    parsed = parse_code("000.00.24.H47-260213-0001")
    assert parsed == DossierCode("000.00.24.H47", date(2026, 2, 13), 1, "0001")
    assert str(parsed) == "000.00.24.H47-260213-0001"


def test_parse_accepts_whitespace_and_lower_case() -> None:
    parsed = parse_code("  000.46.24.h44-250101-0123 \n")
    assert parsed.agency == "000.46.24.H44"
    assert parsed.day == date(2025, 1, 1)
    assert parsed.sequence == 123
    assert str(parsed) == "000.46.24.H44-250101-0123"


@pytest.mark.parametrize(
    ("tail", "number"),
    [("12345", 12345), ("010001", 10001), ("990001", 990001), ("0100012", 100012)],
)
def test_parse_accepts_longer_final_parts(tail: str, number: int) -> None:
    parsed = parse_code(f"{AGENCY}-260213-{tail}")
    assert parsed.sequence == number
    assert parsed.sequence_text == tail
    # The exact digits are kept: the national variant's prefix is significant.
    assert str(parsed) == f"{AGENCY}-260213-{tail}"


def test_variant_with_prefix_differs_from_plain_code() -> None:
    assert str(parse_code(f"{AGENCY}-260213-010001")) != str(parse_code(f"{AGENCY}-260213-10001"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "000.00.24.H47-260230-0001",  # 30 February
        "000.00.24.H47-261301-0001",  # month 13
        "000.00.24.H47-260200-0001",  # day 0
        "000.00.24.H47-250229-0001",  # 2025 is not a leap year
        "000.00.24.H47-26021A-0001",
        "000.00.24.H47-2602130-0001",
        "000.00.24.H47-26213-0001",
        "000.00.24.H47-260213-001",  # three-digit sequence
        "000.00.24.H47-260213-00A1",
        "000.00.24.H47-260213-0000",
        "000.00.24.H47-260213",
        "000.00.24.H47--0001",
        "260213-0001",
        "000.00.24-260213-0001",
        "000.00.24.H47.X-260213-0001",
        "000.00.24.H47-260213-0001-2",
        "000.00.24.H47 260213 0001",
        "000.00.24.H47-２６０２１３-0001",  # full-width digits
        "000.00.24.H47-260213-0001x",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_code(text)
    assert info.value.code == "bad_code"
    assert info.value.field == "code"


def test_leap_day_parses() -> None:
    assert parse_code(f"{AGENCY}-280229-0001").day == date(2028, 2, 29)


@settings(max_examples=300)
@given(agency=agency_codes, day=code_days, seq=st.integers(1, 999_999))
def test_format_parse_round_trip(agency: str, day: date, seq: int) -> None:
    text = format_code(agency, day, seq)
    parsed = parse_code(text)
    assert (parsed.agency, parsed.day, parsed.sequence) == (agency, day, seq)
    assert str(parsed) == text
    assert len(parsed.sequence_text) == max(4, len(str(seq)))
    # Case and surrounding space do not change the code.
    assert parse_code(f"  {text.lower()} ") == parsed


# -- find_code ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://host/tra-cuu/000.00.24.H47-260213-0001?k=ABC", "000.00.24.H47-260213-0001"),
        ("https://dvc.gov.vn/tra-cuu/000.46.24.h44-251231-010001", "000.46.24.H44-251231-010001"),
        ("https://x.vn/tra-cuu?ma=000.00.24.H47-260213-0042&k=1", "000.00.24.H47-260213-0042"),
        ("Mã hồ sơ: 000.00.24.H47-260213-0001.", "000.00.24.H47-260213-0001"),
        ("000.00.24.H47-260213-0001", "000.00.24.H47-260213-0001"),
        # The first look-alike has an impossible date; the real code follows.
        ("000.00.24.H47-260230-0001 000.00.24.H47-260227-0002", "000.00.24.H47-260227-0002"),
    ],
)
def test_find_code(text: str, expected: str) -> None:
    assert find_code(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "https://host/tra-cuu/",
        "https://host/tra-cuu/000.00.24.H47-260230-0001",
        "https://host/tra-cuu/000.00.24.H47-260213-001",
        "X.000.00.24.H47-260213-0001",  # five groups: not an agency code
        "000.00.24.H47-260213-0001ABC",
        "000.00.24.H47-260213",
    ],
)
def test_find_code_finds_nothing(text: str) -> None:
    assert find_code(text) is None


@settings(max_examples=100)
@given(agency=agency_codes, day=code_days, seq=st.integers(1, 999_999))
def test_find_code_in_receipt_link(agency: str, day: date, seq: int) -> None:
    code = format_code(agency, day, seq)
    assert find_code(f"https://motcua.example.vn/tra-cuu/{code.lower()}?k=Zx9") == code


# -- allocation -----------------------------------------------------------------------


def test_next_sequence_starts_at_slice_start() -> None:
    assert next_sequence(None, slice_for_station(1)) == 1
    assert next_sequence(None, slice_for_station(2)) == 1001


def test_next_sequence_increments() -> None:
    assert next_sequence(1, slice_for_station(1)) == 2
    assert next_sequence(1500, slice_for_station(2)) == 1501
    assert next_sequence(1999, slice_for_station(2)) == 2000


def test_next_sequence_never_steps_below_its_slice() -> None:
    # A counter left from another range must not lead into another station's numbers.
    assert next_sequence(5, slice_for_station(2)) == 1001
    assert next_sequence(0, slice_for_station(1)) == 1


@pytest.mark.parametrize("last_used", [1000, 1001, 5000])
def test_next_sequence_exhausted(last_used: int) -> None:
    with pytest.raises(DomainError) as info:
        next_sequence(last_used, slice_for_station(1))
    assert info.value.code == "sequence_exhausted"
    assert "0001–1000" in info.value.message_vi
    assert "0001–1000" in info.value.message_en


@pytest.mark.parametrize("last_used", [-1, True, "3", 2.0])
def test_next_sequence_rejects_bad_counter(last_used: object) -> None:
    with pytest.raises(DomainError) as info:
        next_sequence(last_used, slice_for_station(1))  # type: ignore[arg-type]
    assert info.value.code == "bad_sequence"


@settings(max_examples=40, deadline=None)
@given(
    stations=st.lists(st.integers(1, 40), min_size=2, max_size=5, unique=True),
    size=st.integers(1, 1000),
    first_day=code_days.filter(lambda d: d.year < 2099),
    n_days=st.integers(1, 3),
    n_ops=st.integers(1000, 4000),
    rng=st.randoms(use_true_random=False),
)
def test_offline_stations_never_issue_the_same_code(
    stations: list[int],
    size: int,
    first_day: date,
    n_days: int,
    n_ops: int,
    rng: random.Random,
) -> None:
    days = [date.fromordinal(first_day.toordinal() + i) for i in range(n_days)]
    slices = {s: slice_for_station(s, size) for s in stations}
    # Each station keeps its own per-day counter, as it would in its own database.
    counters: dict[tuple[int, date], int | None] = {}
    issued: dict[str, int] = {}
    for _ in range(n_ops):
        station = rng.choice(stations)
        day = rng.choice(days)
        last = counters.get((station, day))
        try:
            seq = next_sequence(last, slices[station])
        except DomainError as exc:
            assert exc.code == "sequence_exhausted"
            assert last == slices[station].end
            continue
        assert seq in slices[station]
        assert last is None or seq == last + 1
        counters[station, day] = seq
        code = format_code(AGENCY, day, seq)
        assert code not in issued, f"{code} issued by stations {issued.get(code)} and {station}"
        issued[code] = station
        parsed = parse_code(code)
        assert parsed.day == day and parsed.sequence == seq
    # Every allocation that did not hit exhaustion produced a distinct code.
    assert len(issued) == sum(
        (c - slices[s].start + 1) for (s, _), c in counters.items() if c is not None
    )
