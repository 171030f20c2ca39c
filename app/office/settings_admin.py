"""Changing the office's settings, details and calendar from the settings screen.

Which officer may change what is decided here, not by the screen: keys marked
``admin_only`` in ``app.office.settings.SPECS`` and the office's details need the
``settings.office`` permission; calendar days off and working days need
``calendar.edit`` (supervisor and above); the rest (printer, receipt layout,
language) any signed-in officer may set for the station.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select

from app.domain import satisfaction
from app.domain.errors import DomainError
from app.domain.workcalendar import WorkingHours, parse_seasons
from app.infra import clock, journal
from app.office import auth, settings, station
from app.office.auth import Actor
from db.engine import Database
from db.models import CalendarOverride, Office

LAYOUTS = ("a4", "80mm")
LANGUAGES = ("vi", "en")
_URL = re.compile(r"^https?://[^\s/]+(/\S*)?$", re.IGNORECASE)
_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class OfficeDetails:
    name: str
    parent_name: str | None
    address: str | None
    phone: str | None


@dataclass(frozen=True)
class OverrideView:
    day: date
    kind: str  # "off" (extra day off) or "work" (extra working day)
    note: str | None


@dataclass(frozen=True)
class SettingsSnapshot:
    """Everything the settings screen shows, and what this officer may change."""

    values: dict[str, str]
    agency_code: str
    office: OfficeDetails
    station_number: int
    sequence_start: int
    sequence_end: int
    overrides: list[OverrideView]
    can_edit_office: bool
    can_edit_calendar: bool


def _bad(key: str, vi: str, en: str) -> DomainError:
    label = settings.SPECS[key].label_vi
    return DomainError("bad_setting", f"{label}: {vi}", f"{key}: {en}", field=key)


def _int_range(lo: int, hi: int) -> Callable[[str, str], str]:
    def check(key: str, value: str) -> str:
        if not _DIGITS.match(value) or not lo <= int(value) <= hi:
            raise _bad(
                key,
                f"cần một số nguyên từ {lo} đến {hi}.",
                f"expected a whole number from {lo} to {hi}.",
            )
        return str(int(value))

    return check


def _one_of(options: tuple[str, ...]) -> Callable[[str, str], str]:
    def check(key: str, value: str) -> str:
        if value not in options:
            raise _bad(
                key,
                f"chọn một trong: {', '.join(options)}.",
                f"choose one of: {', '.join(options)}.",
            )
        return value

    return check


def _hours(key: str, value: str) -> str:
    return str(WorkingHours.parse(value))


def _seasons(key: str, value: str) -> str:
    # Checked against the usual hours when the calendar is built (same day length).
    return "; ".join(str(season) for season in parse_seasons(value))


def _clock_time(key: str, value: str) -> str:
    try:
        return time.fromisoformat(value).strftime("%H:%M")
    except ValueError:
        raise _bad(key, "cần dạng HH:MM, ví dụ 15:00.", "expected HH:MM, e.g. 15:00.") from None


def _url(key: str, value: str) -> str:
    if value and not _URL.match(value):
        raise _bad(
            key,
            "cần địa chỉ bắt đầu bằng http:// hoặc https://.",
            "expected an address starting with http:// or https://.",
        )
    return value.rstrip("/")


def _bank_bin(key: str, value: str) -> str:
    if value and not re.fullmatch(r"\d{6}", value):
        raise _bad(key, "mã BIN ngân hàng gồm 6 chữ số.", "a bank BIN has 6 digits.")
    return value


def _bank_account(key: str, value: str) -> str:
    if value and not re.fullmatch(r"[0-9A-Za-z]{1,19}", value):
        raise _bad(
            key,
            "số tài khoản gồm tối đa 19 chữ số hoặc chữ cái.",
            "an account number has at most 19 letters or digits.",
        )
    return value


def _text(limit: int) -> Callable[[str, str], str]:
    def check(key: str, value: str) -> str:
        if len(value) > limit:
            raise _bad(key, f"dài quá {limit} ký tự.", f"longer than {limit} characters.")
        return value

    return check


VALIDATORS: dict[str, Callable[[str, str], str]] = {
    "working_hours": _hours,
    "working_hours_seasonal": _seasons,
    "cutoff_time": _clock_time,
    "idle_lock_minutes": _int_range(1, 240),
    "login_max_failures": _int_range(1, 20),
    "login_lock_minutes": _int_range(1, 1440),
    "receipt_layout": _one_of(LAYOUTS),
    "receipt_two_per_page": _one_of(("0", "1")),
    "font_size": _one_of(("", "11", "12", "14")),
    "capture_ocr": _one_of(("0", "1")),
    "language": _one_of(LANGUAGES),
    "server_url": _url,
    "public_base_url": _url,
    "bank_bin": _bank_bin,
    "bank_account": _bank_account,
    "sync_interval_seconds": _int_range(10, 86_400),
    "stale_master_days": _int_range(1, 365),
    "stale_outbox_hours": _int_range(1, 720),
    "rating_criteria": lambda _key, value: satisfaction.check_criteria_setting(value),
}


def validate(key: str, value: str) -> str:
    """The value as it will be stored, or a DomainError naming the setting."""
    if key not in settings.SPECS:
        raise DomainError(
            "unknown_setting", f"Không có thiết lập “{key}”.", f"No setting “{key}”.", field=key
        )
    text = " ".join(str(value if value is not None else "").split())
    return VALIDATORS.get(key, _text(500))(key, text)


def may_change(actor: Actor, key: str) -> bool:
    spec = settings.SPECS.get(key)
    return spec is not None and (not spec.admin_only or auth.can(actor, "settings.office"))


def snapshot(db: Database, actor: Actor) -> SettingsSnapshot:
    with db.read() as session:
        info = station.load(session)
        overrides = [
            OverrideView(o.day, o.kind, o.note)
            for o in session.scalars(select(CalendarOverride).order_by(CalendarOverride.day))
        ]
        return SettingsSnapshot(
            values=settings.get_all(session),
            agency_code=info.agency_code,
            office=OfficeDetails(info.office_name, info.parent_name, info.address, info.phone),
            station_number=info.station_number,
            sequence_start=info.sequence.start,
            sequence_end=info.sequence.end,
            overrides=overrides,
            can_edit_office=auth.can(actor, "settings.office"),
            can_edit_calendar=auth.can(actor, "calendar.edit"),
        )


def update(db: Database, actor: Actor, changes: dict[str, str]) -> dict[str, str]:
    """Validate and store ``changes``; all or nothing. Returns what was stored."""
    for key in changes:
        if key in settings.SPECS and settings.SPECS[key].admin_only:
            auth.require(actor, "settings.office")
    cleaned = {key: validate(key, value) for key, value in changes.items()}
    now = clock.now()
    with db.write() as session:
        before = settings.get_all(session)
        changed = {k: v for k, v in cleaned.items() if before.get(k) != v}
        for key, value in changed.items():
            settings.put(session, key, value)
        if {"working_hours", "working_hours_seasonal"} & set(changed):
            # Seasons must keep the day's length: checked on the hours as saved together.
            station.work_calendar(session)
        if changed:
            journal.audit(
                session, actor.username, "settings.update", None, now, {"keys": sorted(changed)}
            )
    return changed


def update_office(db: Database, actor: Actor, details: OfficeDetails) -> None:
    """The office's name and contact lines printed on every form (admin only)."""
    auth.require(actor, "settings.office")
    name = " ".join((details.name or "").split())
    if not name:
        raise DomainError(
            "missing_office_name",
            "Chưa nhập tên cơ quan.",
            "The office name is missing.",
            field="office_name",
        )

    def clean(value: str | None, limit: int, field: str) -> str | None:
        text = " ".join((value or "").split())
        if len(text) > limit:
            raise DomainError(
                "too_long",
                f"Trường “{field}” dài quá {limit} ký tự.",
                f"Field “{field}” is longer than {limit} characters.",
                field=field,
            )
        return text or None

    parent = clean(details.parent_name, 300, "parent_name")
    address = clean(details.address, 500, "address")
    phone = clean(details.phone, 40, "phone")
    now = clock.now()
    with db.write() as session:
        office = session.get(Office, station.load(session).office_id)
        office.name, office.parent_name, office.address, office.phone = (
            name,
            parent,
            address,
            phone,
        )
        journal.audit(session, actor.username, "office.update", office.agency_code, now)


def set_override(db: Database, actor: Actor, day: date, kind: str, note: str | None = None) -> None:
    """Mark ``day`` as an extra day off or an extra working day (supervisor and above)."""
    auth.require(actor, "calendar.edit")
    if kind not in ("off", "work"):
        raise DomainError(
            "bad_override",
            "Loại ngày phải là ngày nghỉ hoặc ngày làm bù.",
            "The kind must be 'off' or 'work'.",
            field="kind",
        )
    note = " ".join((note or "").split())[:300] or None
    now = clock.now()
    with db.write() as session:
        row = session.get(CalendarOverride, day)
        if row is None:
            session.add(CalendarOverride(day=day, kind=kind, note=note))
        else:
            row.kind, row.note = kind, note
        journal.audit(
            session,
            actor.username,
            "calendar.set",
            day.isoformat(),
            now,
            {"kind": kind, "note": note},
        )


def remove_override(db: Database, actor: Actor, day: date) -> None:
    auth.require(actor, "calendar.edit")
    now = clock.now()
    with db.write() as session:
        row = session.get(CalendarOverride, day)
        if row is None:
            raise DomainError(
                "unknown_override",
                f"Ngày {day:%d/%m/%Y} không có điều chỉnh.",
                f"{day:%d/%m/%Y} has no override.",
                field="day",
            )
        session.delete(row)
        journal.audit(session, actor.username, "calendar.remove", day.isoformat(), now)
