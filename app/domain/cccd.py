"""Chip-based citizen ID cards (CCCD): the QR payload and 12-digit ID numbers.

QR payload, fields separated by ``|``::

    id number | old 9-digit ID | full name | birth ddmmyyyy | Nam/Nữ | address | issued ddmmyyyy

Cards in circulation do not all give seven fields, so the parser looks at
what it got rather than assuming seven:

* 7 fields: the layout above (the old ID may be empty).
* 6 fields: either the old-ID field is missing (``id|name|birth|sex|address|
  issued``, recognised by a date in the third field and a sex in the fourth)
  or the issue date is missing (``id|old|name|birth|sex|address``).
* more than 7: the first seven are read; later fields (a trailing ``|`` or
  data appended by newer cards) are ignored.

12-digit personal ID number (Decree 137/2015, Circular 07/2016/TT-BCA and its
successors): 3 digits for where the birth was registered, 1 digit for sex and
century (0/1 male/female born 1900–1999, 2/3 2000–2099, 4/5 2100s, 6/7 2200s,
8/9 2300s), 2 digits for the year of birth, 6 random digits; there is no
check digit.

The place code is a province code from the 2016 circular's list (001 Hà Nội …
096 Cà Mau; codes of provinces merged in 2025 remain valid on existing and
later cards) or, for births registered abroad, a country code: a code starting
with 0 must be one of the 63 province codes, any other must be a country's
ISO 3166-1 numeric code (the ``pycountry`` list). Digits that imply a birth in
a year still to come make the number impossible and it is refused.

The card is the authority on the holder's birth date and sex: where the ID
digits disagree with them, :func:`id_number_warnings` says so and a
supervisor decides, instead of the counter refusing the person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.domain.errors import DomainError
from app.domain.text import fold

# Annex 1 of Circular 07/2016/TT-BCA (province where the birth was registered).
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

MALE = "Nam"
FEMALE = "Nữ"
_SEX_WORDS = {"nam": MALE, "male": MALE, "m": MALE, "nu": FEMALE, "female": FEMALE, "f": FEMALE}

_ID_RE = re.compile(r"[0-9]{12}", re.ASCII)
_OLD_ID_RE = re.compile(r"[0-9]{9}|[0-9]{12}", re.ASCII)
_DATE_RE = re.compile(r"[0-9]{8}", re.ASCII)
_QR_HEAD_RE = re.compile(r"\s*[0-9]{12}\|", re.ASCII)
_SPACES = re.compile(r"\s+")
_EARLIEST_BIRTH = date(1900, 1, 1)


@dataclass(frozen=True)
class CccdData:
    """What the QR code on a chip-based citizen ID card says."""

    id_number: str
    old_id: str | None
    full_name: str
    birth_date: date
    sex: str
    address: str | None
    issue_date: date | None
    # "day", or "year" / "month" for old papers that give only part of the date.
    birth_precision: str = "day"
    # Where the ID digits disagree with the card's birth date or sex.
    warnings: tuple[str, ...] = ()


def _id_error(code: str, message_vi: str, message_en: str) -> DomainError:
    return DomainError(code, message_vi, message_en, field="id_number")


def normalize_sex(text: str) -> str:
    """``"nam"``, ``"Male"``, ``"M"`` → ``"Nam"``; ``"nữ"``, ``"nu"``, ``"F"`` → ``"Nữ"``."""
    value = _SEX_WORDS.get(fold(text)) if isinstance(text, str) else None
    if value is None:
        raise DomainError(
            "bad_sex",
            f"Giới tính “{text}” không hợp lệ: cần “Nam” hoặc “Nữ”.",
            f"Sex “{text}” is invalid: expected “Nam” (male) or “Nữ” (female).",
            field="sex",
        )
    return value


def validate_birth_date(d: date, today: date) -> None:
    """A birth date may be neither in the future nor before 1900."""
    if d > today:
        raise DomainError(
            "birth_date_future",
            f"Ngày sinh {d:%d/%m/%Y} ở trong tương lai.",
            f"Birth date {d:%d/%m/%Y} is in the future.",
            field="birth_date",
        )
    if d < _EARLIEST_BIRTH:
        raise DomainError(
            "birth_date_too_old",
            f"Ngày sinh {d:%d/%m/%Y} trước năm 1900.",
            f"Birth date {d:%d/%m/%Y} is before 1900.",
            field="birth_date",
        )


@lru_cache(maxsize=1)
def country_numeric_codes() -> frozenset[str]:
    """ISO 3166-1 numeric codes of every country (place codes of births abroad)."""
    import pycountry

    return frozenset(c.numeric for c in pycountry.countries)


def is_country_alpha3(code: str) -> bool:
    import pycountry

    return (
        isinstance(code, str)
        and len(code) == 3
        and pycountry.countries.get(alpha_3=code.upper()) is not None
    )


def implied_birth_year(number: str) -> int:
    digit = int(number[3])
    return 1900 + (digit // 2) * 100 + int(number[4:6])


def id_number_warnings(
    number: str, *, birth_date: date | None, sex: str | None, precision: str = "day"
) -> list[DomainError]:
    """Where the digits of a well-formed ID disagree with the stated birth date or sex."""
    found: list[DomainError] = []
    try:
        validate_id_number(number, birth_date=birth_date, sex=None)
    except DomainError as exc:
        found.append(exc)
    try:
        validate_id_number(number, birth_date=None, sex=sex)
    except DomainError as exc:
        found.append(exc)
    return found


def validate_id_number(
    id_number: str,
    *,
    birth_date: date | None = None,
    sex: str | None = None,
    today: date | None = None,
) -> str:
    """Check a 12-digit personal ID number's structure and its agreement with birth and sex."""
    number = id_number.strip() if isinstance(id_number, str) else ""
    if not _ID_RE.fullmatch(number):
        raise _id_error(
            "id_number_format",
            f"Số định danh cá nhân “{number}” phải gồm đúng 12 chữ số "
            f"(đang có {len(number)} ký tự).",
            f"Personal ID number “{number}” must be exactly 12 digits "
            f"(it has {len(number)} characters).",
        )
    place = number[:3]
    if place.startswith("0") and place not in PROVINCE_CODES:
        raise _id_error(
            "id_number_province",
            f"Ba chữ số đầu “{place}” của số định danh không phải mã tỉnh, thành phố nào.",
            f"The first three digits “{place}” of the ID number are not a province code.",
        )
    if not place.startswith("0") and place not in country_numeric_codes():
        raise _id_error(
            "id_number_place",
            f"Ba chữ số đầu “{place}” của số định danh không phải mã tỉnh hay mã quốc gia nào.",
            f"The first three digits “{place}” are neither a province nor a country code.",
        )
    if today is not None and implied_birth_year(number) > today.year:
        raise _id_error(
            "id_number_future",
            f"Số định danh “{number}” ứng với năm sinh {implied_birth_year(number)}, "
            "ở trong tương lai: số không thể có.",
            f"ID number “{number}” implies birth in {implied_birth_year(number)}, "
            "in the future: it cannot exist.",
        )
    digit = int(number[3])
    century = 1900 + (digit // 2) * 100
    digit_sex = MALE if digit % 2 == 0 else FEMALE
    if birth_date is not None:
        if birth_date.year // 100 * 100 != century:
            raise _id_error(
                "id_number_century",
                f"Chữ số thứ tư “{digit}” của số định danh ứng với người sinh năm "
                f"{century}–{century + 99}, không khớp năm sinh {birth_date.year}.",
                f"The fourth digit “{digit}” of the ID number means born in "
                f"{century}–{century + 99}, which does not match birth year {birth_date.year}.",
            )
        if int(number[4:6]) != birth_date.year % 100:
            raise _id_error(
                "id_number_year",
                f"Chữ số thứ năm và sáu “{number[4:6]}” của số định danh không khớp "
                f"năm sinh {birth_date.year}.",
                f"Digits five and six “{number[4:6]}” of the ID number do not match "
                f"birth year {birth_date.year}.",
            )
    if sex is not None and normalize_sex(sex) != digit_sex:
        raise _id_error(
            "id_number_sex",
            f"Chữ số thứ tư “{digit}” của số định danh ứng với giới tính {digit_sex}, "
            f"không khớp giới tính đã khai ({normalize_sex(sex)}).",
            f"The fourth digit “{digit}” of the ID number means "
            f"{'male' if digit_sex == MALE else 'female'}, which does not match the given sex.",
        )
    return number


def sex_from_id(number: str) -> str | None:
    """The sex the fourth digit of a 12-digit ID number encodes (even: Nam, odd: Nữ)."""
    compact = "".join((number or "").split())
    if not _ID_RE.fullmatch(compact):
        return None
    return MALE if int(compact[3]) % 2 == 0 else FEMALE


def looks_like_cccd_qr(text: str) -> bool:
    """Cheap test for a scanner typing a CCCD QR payload into a field."""
    return isinstance(text, str) and text.count("|") >= 5 and _QR_HEAD_RE.match(text) is not None


class _QrError(Exception):
    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en


def _lower_first(text: str) -> str:
    # The reason follows "…không hợp lệ: " in the final message.
    return text[:1].lower() + text[1:]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _qr_partial_date(text: str, what_vi: str, what_en: str) -> tuple[date, str]:
    """A birth date as old papers give it: ``00001950`` (year) or ``00031950`` (month)."""
    if _DATE_RE.fullmatch(text) and text.startswith("00"):
        try:
            if text[2:4] == "00":
                return date(int(text[4:]), 1, 1), "year"
            return date(int(text[4:]), int(text[2:4]), 1), "month"
        except ValueError:
            pass
    return _qr_date(text, what_vi, what_en), "day"


def _qr_date(text: str, what_vi: str, what_en: str) -> date:
    if _DATE_RE.fullmatch(text):
        try:
            return date(int(text[4:]), int(text[2:4]), int(text[:2]))
        except ValueError:
            pass
    raise _QrError(
        f"{what_vi} “{text}” không phải ngày hợp lệ (ddmmyyyy).",
        f"{what_en} “{text}” is not a valid date (ddmmyyyy).",
    )


def _is_sex(text: str) -> bool:
    return fold(text) in _SEX_WORDS


def _split(payload: str) -> list[str]:
    fields = [f.strip() for f in payload.split("|")]
    if len(fields) < 6:
        raise _QrError(
            f"chỉ có {len(fields)} trường, cần ít nhất 6 trường ngăn cách bằng “|”.",
            f"only {len(fields)} fields, at least 6 separated by “|” are needed.",
        )
    if len(fields) >= 7:
        return fields[:7]
    if _DATE_RE.fullmatch(fields[2]) and _is_sex(fields[3]):
        return [fields[0], "", *fields[1:]]
    return [*fields, ""]


def _parse(payload: str, today: date | None) -> CccdData:
    text = unicodedata.normalize("NFC", payload).replace("\ufeff", "")
    id_raw, old_raw, name_raw, birth_raw, sex_raw, address_raw, issue_raw = _split(text)

    old_id = old_raw or None
    if old_id is not None and not _OLD_ID_RE.fullmatch(old_id):
        raise _QrError(
            f"số CMND cũ “{old_id}” phải gồm 9 hoặc 12 chữ số.",
            f"old ID number “{old_id}” must be 9 or 12 digits.",
        )
    full_name = _clean(name_raw)
    if not full_name or any(ch.isdigit() for ch in full_name):
        raise _QrError(
            f"họ tên “{full_name}” không hợp lệ.", f"full name “{full_name}” is invalid."
        )
    birth_date, precision = _qr_partial_date(birth_raw, "ngày sinh", "birth date")
    if not _is_sex(sex_raw):
        raise _QrError(
            f"giới tính “{sex_raw}” không phải “Nam” hoặc “Nữ”.",
            f"sex “{sex_raw}” is neither “Nam” nor “Nữ”.",
        )
    sex = normalize_sex(sex_raw)
    issue_date = _qr_date(issue_raw, "ngày cấp", "issue date") if issue_raw else None
    if issue_date is not None and issue_date < birth_date:
        raise _QrError(
            f"ngày cấp {issue_date:%d/%m/%Y} trước ngày sinh {birth_date:%d/%m/%Y}.",
            f"issue date {issue_date:%d/%m/%Y} is before birth date {birth_date:%d/%m/%Y}.",
        )
    if today is not None and issue_date is not None and issue_date > today:
        raise _QrError(
            f"ngày cấp {issue_date:%d/%m/%Y} ở trong tương lai.",
            f"issue date {issue_date:%d/%m/%Y} is in the future.",
        )
    try:
        if today is not None:
            validate_birth_date(birth_date, today)
        elif birth_date < _EARLIEST_BIRTH:
            validate_birth_date(birth_date, date.max)
        id_number = validate_id_number(id_raw, today=today)
    except DomainError as exc:
        raise _QrError(_lower_first(exc.message_vi), _lower_first(exc.message_en)) from None
    # The card is the authority: digits that disagree are shown, not refused.
    warnings = tuple(
        w.message_vi for w in id_number_warnings(id_number, birth_date=birth_date, sex=sex)
    )
    return CccdData(
        id_number=id_number,
        old_id=old_id,
        full_name=full_name,
        birth_date=birth_date,
        sex=sex,
        address=_clean(address_raw) or None,
        issue_date=issue_date,
        birth_precision=precision,
        warnings=warnings,
    )


def parse_cccd_qr(payload: str, *, today: date | None = None) -> CccdData:
    """Read a CCCD QR payload; raise ``bad_cccd_qr`` saying what is wrong.

    With ``today`` the dates are also checked against the present (birth and
    issue not in the future).
    """
    try:
        if not isinstance(payload, str) or not payload.strip():
            raise _QrError("nội dung trống.", "the content is empty.")
        return _parse(payload, today)
    except _QrError as exc:
        raise DomainError(
            "bad_cccd_qr",
            f"Mã QR căn cước không hợp lệ: {exc.message_vi}",
            f"Citizen ID card QR code is invalid: {exc.message_en}",
            field="cccd_qr",
        ) from None
