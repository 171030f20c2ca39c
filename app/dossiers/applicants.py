"""Applicant details: validation of what the clerk or a JSON file gives, and saving."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import cccd
from app.domain.errors import DomainError, ErrorCollector
from app.domain.text import require_fit_text
from db.models import Applicant

_PHONE = re.compile(r"^\+?[0-9][0-9 .-]{7,18}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
_CMND = re.compile(r"^(\d{9}|\d{12})$")
_PASSPORT = re.compile(r"^[A-Z0-9]{6,12}$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
DOCUMENT_TYPES = ("cccd", "cmnd", "passport", "tax_code")
MAX_NAME = 200
MAX_ADDRESS = 500


@dataclass(frozen=True)
class ApplicantInput:
    kind: str
    full_name: str
    id_number: str | None = None
    tax_code: str | None = None
    birth_date: date | None = None
    sex: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    document_type: str | None = None
    nationality: str | None = None
    birth_precision: str | None = None
    # ID/card disagreements a supervisor must override (Vietnamese messages).
    warnings: tuple[str, ...] = ()


# What the clerk sees beside each field; an internal key never reaches a message.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "full_name": ("Họ và tên", "Full name"),
    "address": ("Địa chỉ", "Address"),
    "phone": ("Điện thoại", "Phone"),
    "email": ("Thư điện tử", "E-mail"),
    "id_number": ("Số CCCD", "ID number"),
    "tax_code": ("Mã số thuế", "Tax code"),
    "old_id": ("Số CMND cũ", "Old ID number"),
    "nationality": ("Quốc tịch", "Nationality"),
    "document_type": ("Loại giấy tờ", "Document type"),
    "summary": ("Nội dung yêu cầu", "Request"),
}


def clean_text(data: dict[str, Any], key: str, limit: int = 300) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    label_vi, label_en = FIELD_LABELS.get(key, (key, key))
    if not isinstance(value, str | int):
        raise DomainError(
            "bad_field", f"{label_vi} không hợp lệ.", f"{label_en} is invalid.", field=key
        )
    text = require_fit_text(" ".join(str(value).split()), key, label_vi)
    if len(text) > limit:
        raise DomainError(
            "too_long",
            f"{label_vi} dài quá {limit} ký tự (hiện có {len(text)}).",
            f"{label_en} is longer than {limit} characters ({len(text)}).",
            field=key,
        )
    return text or None


def _birth_date(value: Any, today: date) -> tuple[date | None, str | None]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: old papers often give only the year."""
    if value in (None, ""):
        return None, None
    match = _PARTIAL_DATE.match(str(value).strip())
    try:
        if match is None:
            raise ValueError
        year, month, day = match.groups()
        parsed = date(int(year), int(month or 1), int(day or 1))
        precision = "day" if day else "month" if month else "year"
    except ValueError:
        raise DomainError(
            "bad_birth_date",
            f"Ngày sinh “{value}” không hợp lệ (dạng YYYY, YYYY-MM hoặc YYYY-MM-DD).",
            f"Birth date “{value}” is invalid (use YYYY, YYYY-MM or YYYY-MM-DD).",
            field="birth_date",
        ) from None
    cccd.validate_birth_date(parsed, today)
    return parsed, precision


def _number(data: dict[str, Any], key: str) -> str | None:
    """An ID or tax number as typed: spaces and dots are not part of it."""
    value = clean_text(data, key, 40)
    if value is None:
        return None
    return re.sub(r"[\s.]", "", value).upper() or None


def _nationality(data: dict[str, Any], default: str | None) -> str | None:
    value = clean_text(data, "nationality", 3)
    if value is None:
        return default
    if not cccd.is_country_alpha3(value):
        raise DomainError(
            "bad_nationality",
            f"Quốc tịch “{value}” không phải mã quốc gia ISO 3166-1 alpha-3 (vd VNM, KOR).",
            f"Nationality “{value}” is not an ISO 3166-1 alpha-3 code (e.g. VNM, KOR).",
            field="nationality",
        )
    return value.upper()


def parse_applicant(data: Any, today: date) -> ApplicantInput:
    """Validate applicant fields; every bad field is named at once (``DomainErrors``)."""
    if not isinstance(data, dict):
        raise DomainError(
            "missing_applicant",
            "Thiếu thông tin người nộp hồ sơ.",
            "Applicant details missing.",
            field="applicant",
        )
    found = ErrorCollector()
    kind = data.get("kind") or ("organisation" if data.get("tax_code") else "person")
    if kind not in ("person", "organisation"):
        # Nothing else can be judged without knowing whether it is a person or a body.
        raise DomainError(
            "bad_kind",
            "Loại đối tượng phải là cá nhân hoặc tổ chức.",
            "Applicant kind must be person or organisation.",
            field="kind",
        )
    full_name = found.take(clean_text, data, "full_name", MAX_NAME)
    if not full_name and not found.failed("full_name"):
        found.add(
            DomainError(
                "missing_name",
                "Chưa nhập họ tên người nộp hồ sơ.",
                "Applicant's name is missing.",
                field="full_name",
            )
        )
    birth, precision = found.take(_birth_date, data.get("birth_date"), today, default=(None, None))
    sex = found.take(cccd.normalize_sex, data["sex"]) if data.get("sex") else None
    id_number = found.take(_number, data, "id_number")
    tax_code = found.take(_number, data, "tax_code")
    doc = data.get("document_type")
    if doc is None:
        doc = (
            "tax_code"
            if kind == "organisation"
            else "cmnd"
            if id_number and len(id_number) == 9
            else "cccd"
        )
    if doc not in DOCUMENT_TYPES:
        found.add(
            DomainError(
                "bad_document_type",
                f"Loại giấy tờ “{doc}” không hợp lệ ({', '.join(DOCUMENT_TYPES)}).",
                f"Document type “{doc}” is invalid ({', '.join(DOCUMENT_TYPES)}).",
                field="document_type",
            )
        )
    warnings: tuple[str, ...] = ()
    nationality = found.take(_nationality, data, "VNM" if doc in ("cccd", "cmnd") else None)
    if found.failed("id_number") or found.failed("tax_code"):
        pass  # already said why the number is wrong
    elif doc == "tax_code":
        if not tax_code or not _TAX_CODE.match(tax_code):
            found.add(
                DomainError(
                    "bad_tax_code",
                    "Mã số thuế của tổ chức phải gồm 10 chữ số (hoặc 10 số-3 số).",
                    "An organisation's tax code is 10 digits (or 10-3).",
                    field="tax_code",
                )
            )
    elif not id_number:
        found.add(
            DomainError(
                "missing_id_number",
                "Chưa nhập số giấy tờ tùy thân (CCCD, CMND hoặc hộ chiếu).",
                "The ID document number is missing.",
                field="id_number",
            )
        )
    elif doc == "cccd":
        checked = found.take(cccd.validate_id_number, id_number, today=today)
        if checked is not None:
            id_number = checked
            warned = cccd.id_number_warnings(
                id_number, birth_date=birth, sex=sex, precision=precision
            )
            warnings = tuple(w.message_vi for w in warned)
    elif doc == "cmnd" and not _CMND.match(id_number):
        found.add(
            DomainError(
                "bad_cmnd",
                f"Số chứng minh nhân dân “{id_number}” phải gồm 9 hoặc 12 chữ số.",
                f"Old ID card number “{id_number}” must be 9 or 12 digits.",
                field="id_number",
            )
        )
    elif doc == "passport":
        if not _PASSPORT.match(id_number):
            found.add(
                DomainError(
                    "bad_passport",
                    f"Số hộ chiếu “{id_number}” phải gồm 6–12 chữ cái hoặc chữ số.",
                    f"Passport number “{id_number}” must be 6–12 letters or digits.",
                    field="id_number",
                )
            )
        if nationality is None and not found.failed("nationality"):
            found.add(
                DomainError(
                    "missing_nationality",
                    "Hộ chiếu cần quốc tịch (mã ISO 3 chữ, vd KOR).",
                    "A passport needs the nationality (ISO alpha-3, e.g. KOR).",
                    field="nationality",
                )
            )
    address = found.take(clean_text, data, "address", MAX_ADDRESS)
    phone = found.take(clean_text, data, "phone", 30)
    if phone and not _PHONE.match(phone):
        found.add(
            DomainError(
                "bad_phone",
                f"Số điện thoại “{phone}” không hợp lệ.",
                f"Invalid phone “{phone}”.",
                field="phone",
            )
        )
    email = found.take(clean_text, data, "email", 200)
    if email and not _EMAIL.match(email):
        found.add(
            DomainError(
                "bad_email",
                f"Địa chỉ thư điện tử “{email}” không hợp lệ.",
                f"Invalid e-mail “{email}”.",
                field="email",
            )
        )
    found.raise_if_any()
    return ApplicantInput(
        kind=kind,
        full_name=full_name,
        id_number=id_number,
        tax_code=tax_code,
        birth_date=birth,
        sex=sex,
        address=address,
        phone=phone,
        email=email,
        document_type=doc,
        nationality=nationality,
        birth_precision=precision,
        warnings=warnings,
    )


def find_existing(session: Session, value: ApplicantInput) -> Applicant | None:
    if value.kind == "person" and value.id_number:
        clause = Applicant.id_number == value.id_number
    elif value.tax_code:
        clause = Applicant.tax_code == value.tax_code
    else:
        return None
    return session.scalars(select(Applicant).where(clause).order_by(Applicant.id.desc())).first()


def save(session: Session, value: ApplicantInput, now: datetime) -> Applicant:
    """Create the applicant, or refresh a returning one's details."""
    row = find_existing(session, value)
    if row is None:
        row = Applicant(uuid=str(uuid.uuid4()))
        session.add(row)
    row.kind = value.kind
    row.full_name = value.full_name
    row.id_number = value.id_number
    row.tax_code = value.tax_code
    if value.birth_date is not None:
        row.birth_date = value.birth_date
        row.birth_date_precision = value.birth_precision
    row.document_type = value.document_type
    row.nationality = value.nationality
    row.sex = value.sex or row.sex
    row.address = value.address or row.address
    row.phone = value.phone or row.phone
    row.email = value.email or row.email
    row.updated_at = now
    session.flush()
    return row


def to_wire(row: Applicant) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "id_number": row.id_number,
        "tax_code": row.tax_code,
        "full_name": row.full_name,
        "birth_date": row.birth_date.isoformat() if row.birth_date else None,
        "birth_date_precision": row.birth_date_precision,
        "document_type": row.document_type,
        "nationality": row.nationality,
        "sex": row.sex,
        "address": row.address,
        "phone": row.phone,
        "email": row.email,
    }
