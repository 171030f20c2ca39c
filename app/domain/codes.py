"""Dossier codes (mã hồ sơ): ``<agency>-<YYMMDD>-<sequence>``.

A code is printed on every receipt and is how a citizen looks a dossier up,
so it must be unique within the office even when counter stations hand codes
out while offline. Uniqueness comes from partitioning each day's sequence:
every station owns a disjoint :class:`SequenceSlice` (fixed at enrolment) and
only ever allocates numbers from its own slice. Two stations can then work
offline on the same day without ever producing the same code.

The final part is at least four digits. Nationally centralised services may
use a longer variant (a 2-digit system prefix followed by four or more
digits), so the parser accepts any final part of four or more digits and keeps
its exact text: ``…-010001`` and ``…-10001`` are different codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.domain.errors import DomainError

MAX_SEQUENCE = 999_999
MAX_STATION = 999

_GROUP = r"[0-9A-Za-z]+"
_AGENCY = rf"{_GROUP}(?:\.{_GROUP}){{3}}"
_AGENCY_RE = re.compile(_AGENCY, re.ASCII)
_CODE_RE = re.compile(rf"({_AGENCY})-([0-9]{{6}})-([0-9]{{4,}})", re.ASCII)
# In free text the code must not be glued to more of an agency code on the
# left (a fifth group) or to more letters/digits on the right.
_CODE_IN_TEXT_RE = re.compile(
    rf"(?<![0-9A-Za-z.])({_AGENCY})-([0-9]{{6}})-([0-9]{{4,}})(?![0-9A-Za-z])", re.ASCII
)


def validate_agency_code(code: str) -> str:
    """Normalise an agency code such as ``000.00.24.H47``; raise if malformed."""
    normalized = (code or "").strip().upper()
    if not _AGENCY_RE.fullmatch(normalized):
        raise DomainError(
            "bad_agency_code",
            f"Mã cơ quan “{(code or '').strip()}” không hợp lệ: cần bốn nhóm chữ và số "
            "cách nhau bằng dấu chấm, ví dụ 000.00.24.H47.",
            f"Agency code “{(code or '').strip()}” is invalid: expected four dot-separated "
            "groups of letters and digits, e.g. 000.00.24.H47.",
            field="agency_code",
        )
    return normalized


@dataclass(frozen=True)
class SequenceSlice:
    """The inclusive range of daily sequence numbers one station may hand out."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (1 <= self.start <= self.end <= MAX_SEQUENCE):
            raise DomainError(
                "bad_sequence_slice",
                f"Dải số thứ tự {self.start}–{self.end} không hợp lệ "
                f"(cần 1 ≤ đầu ≤ cuối ≤ {MAX_SEQUENCE}).",
                f"Sequence range {self.start}–{self.end} is invalid "
                f"(need 1 ≤ start ≤ end ≤ {MAX_SEQUENCE}).",
                field="sequence_slice",
            )

    def __contains__(self, seq: object) -> bool:
        return (
            isinstance(seq, int) and not isinstance(seq, bool) and (self.start <= seq <= self.end)
        )

    @property
    def size(self) -> int:
        return self.end - self.start + 1


def slice_for_station(station: int, size: int = 1000) -> SequenceSlice:
    """Station k (1-based) owns ``(k-1)*size+1 .. k*size`` of every day's sequence."""
    if (
        isinstance(station, bool)
        or not isinstance(station, int)
        or not (1 <= station <= MAX_STATION)
    ):
        raise DomainError(
            "bad_station",
            f"Số máy trạm “{station}” không hợp lệ: cần một số từ 1 đến {MAX_STATION}.",
            f"Station number “{station}” is invalid: expected a number from 1 to {MAX_STATION}.",
            field="station",
        )
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise DomainError(
            "bad_sequence_slice",
            f"Cỡ dải số thứ tự “{size}” không hợp lệ: cần một số nguyên dương.",
            f"Sequence range size “{size}” is invalid: expected a positive integer.",
            field="sequence_slice",
        )
    end = station * size
    if end > MAX_SEQUENCE:
        raise DomainError(
            "bad_sequence_slice",
            f"Máy trạm số {station} với dải {size} số vượt quá số thứ tự tối đa {MAX_SEQUENCE}.",
            f"Station {station} with ranges of {size} numbers exceeds the maximum "
            f"sequence {MAX_SEQUENCE}.",
            field="sequence_slice",
        )
    return SequenceSlice(end - size + 1, end)


def _check_day(day: date) -> None:
    if not 2000 <= day.year <= 2099:
        raise DomainError(
            "bad_code_date",
            f"Ngày {day:%d/%m/%Y} nằm ngoài khoảng 2000–2099 mà mã hồ sơ biểu diễn được.",
            f"Date {day:%d/%m/%Y} is outside 2000–2099, which a dossier code can express.",
            field="received_at",
        )


def format_code(agency: str, day: date, seq: int) -> str:
    """``000.00.24.H47-260213-0001``: sequence zero-padded to at least four digits."""
    normalized = validate_agency_code(agency)
    _check_day(day)
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise DomainError(
            "bad_sequence",
            f"Số thứ tự hồ sơ “{seq}” không hợp lệ: cần một số nguyên dương.",
            f"Dossier sequence “{seq}” is invalid: expected a positive integer.",
            field="sequence",
        )
    return f"{normalized}-{day:%y%m%d}-{seq:04d}"


@dataclass(frozen=True)
class DossierCode:
    """A parsed dossier code; ``str()`` gives its normalised text."""

    agency: str
    day: date
    sequence: int
    sequence_text: str

    def __str__(self) -> str:
        return f"{self.agency}-{self.day:%y%m%d}-{self.sequence_text}"


def _bad_code(text: str, reason_vi: str, reason_en: str) -> DomainError:
    shown = text.strip()
    return DomainError(
        "bad_code",
        f"Mã hồ sơ “{shown}” không hợp lệ: {reason_vi}",
        f"Dossier code “{shown}” is invalid: {reason_en}",
        field="code",
    )


def _build(text: str, agency: str, yymmdd: str, final: str) -> DossierCode:
    try:
        day = date(2000 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:]))
    except ValueError:
        raise _bad_code(
            text,
            f"“{yymmdd}” không phải là một ngày có thật (YYMMDD).",
            f"“{yymmdd}” is not a real date (YYMMDD).",
        ) from None
    sequence = int(final)
    if sequence == 0:
        raise _bad_code(
            text, "số thứ tự phải lớn hơn 0.", "the sequence number must be greater than 0."
        )
    return DossierCode(agency.upper(), day, sequence, final)


def parse_code(text: str) -> DossierCode:
    """Parse ``<agency>-<YYMMDD>-<seq>``; raise ``bad_code`` on anything else."""
    raw = text if isinstance(text, str) else ""
    match = _CODE_RE.fullmatch(raw.strip())
    if not match:
        raise _bad_code(
            raw,
            "cần dạng <mã cơ quan>-<YYMMDD>-<số thứ tự ít nhất 4 chữ số>, "
            "ví dụ 000.00.24.H47-260213-0001.",
            "expected <agency code>-<YYMMDD>-<sequence of at least 4 digits>, "
            "e.g. 000.00.24.H47-260213-0001.",
        )
    return _build(raw, *match.groups())


def find_code(text: str) -> str | None:
    """The first valid dossier code inside ``text`` (e.g. a receipt QR link), normalised."""
    if not text:
        return None
    for match in _CODE_IN_TEXT_RE.finditer(text):
        try:
            return str(_build(match.group(0), *match.groups()))
        except DomainError:
            # A look-alike with an impossible date; a real code may follow it.
            continue
    return None


def next_sequence(last_used: int | None, slc: SequenceSlice) -> int:
    """The next free number of ``slc`` for a day whose last handed-out number is ``last_used``.

    A ``last_used`` below the slice (e.g. left from a slice the station held
    earlier that day) restarts at the slice's start rather than stepping into
    another station's range.
    """
    if last_used is None:
        return slc.start
    if isinstance(last_used, bool) or not isinstance(last_used, int) or last_used < 0:
        raise DomainError(
            "bad_sequence",
            f"Số thứ tự đã dùng “{last_used}” không hợp lệ.",
            f"Last used sequence “{last_used}” is invalid.",
            field="sequence",
        )
    candidate = max(last_used + 1, slc.start)
    if candidate > slc.end:
        raise DomainError(
            "sequence_exhausted",
            f"Máy trạm đã dùng hết dải số thứ tự trong ngày ({slc.start:04d}–{slc.end:04d}). "
            "Hãy nhận hồ sơ ở máy trạm khác hoặc nhờ quản trị cấp thêm dải số.",
            f"This station has used up its sequence range for the day "
            f"({slc.start:04d}–{slc.end:04d}). Receive the dossier at another station or "
            "ask an administrator for a larger range.",
            field="sequence",
        )
    return candidate
