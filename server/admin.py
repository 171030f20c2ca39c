"""Administration: offices, station enrolment, officers, calendar, fees.

Each command is a plain function on a :class:`Database`, so tests and
scripts call them directly; ``python -m server admin …`` is a thin layer that
parses arguments and prints the result.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import secrets
import sys
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.codes import MAX_STATION, validate_agency_code
from app.domain.errors import DomainError
from server import keyescrow, master
from server.auth import password_hasher
from server.common import digest, new_enrolment_code, normalise_enrolment_code, now
from server.config import Settings
from server.db import Database
from server.models import Office, Officer, OfficerSession, Station, StationToken

ROLES = ("clerk", "supervisor", "admin", "backoffice")
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class AdminError(Exception):
    """A command that cannot be carried out; the message is for the operator."""


def _office(session: Session, code: str) -> Office:
    office = session.scalar(select(Office).where(Office.code == code.strip().upper()))
    if office is None:
        raise AdminError(f"Không có văn phòng mã {code}.")
    return office


def create_office(db: Database, code: str, name: str, parent: str | None = None) -> Office:
    try:
        code = validate_agency_code(code)
        parent = validate_agency_code(parent) if parent else None
    except DomainError as exc:
        raise AdminError(exc.message_vi) from exc
    if not name.strip():
        raise AdminError("Tên văn phòng không được để trống.")
    with db.write() as session:
        if session.scalar(select(Office.id).where(Office.code == code)) is not None:
            raise AdminError(f"Văn phòng mã {code} đã có.")
        office = Office(
            code=code,
            name=name.strip(),
            parent_code=parent,
            calendar_version=0,
            officers_version=0,
            created_at=now(),
        )
        session.add(office)
    return office


def set_citizen_copy(db: Database, office_code: str, enabled: bool) -> None:
    """Let the office's citizens download their digitized result from the public page."""
    try:
        office_code = validate_agency_code(office_code)
    except DomainError as exc:
        raise AdminError(exc.message_vi) from exc
    with db.write() as session:
        office = session.scalar(select(Office).where(Office.code == office_code))
        if office is None:
            raise AdminError(f"Không có văn phòng mã {office_code}.")
        office.citizen_copy = enabled


def enroll_station(
    db: Database, settings: Settings, office_code: str, number: int, name: str | None = None
) -> str:
    """A one-time enrolment code for station ``number`` of the office.

    Enrolling a station number again (a replaced computer) issues a new code;
    when it is used, the old credential stops working.
    """
    if not 1 <= number <= MAX_STATION:
        raise AdminError(f"Số máy trạm phải từ 1 đến {MAX_STATION}.")
    code = new_enrolment_code()
    expires = now() + timedelta(days=settings.enrolment_days)
    with db.write() as session:
        office = _office(session, office_code)
        station = session.scalar(
            select(Station).where(Station.office_id == office.id, Station.number == number)
        )
        if station is None:
            station = Station(office_id=office.id, number=number, created_at=now())
            session.add(station)
        station.name = name or station.name
        station.enrolment_hash = digest(normalise_enrolment_code(code))
        station.enrolment_expires_at = expires
        station.revoked = False
    return code


def revoke_station(db: Database, office_code: str, number: int) -> None:
    with db.write() as session:
        office = _office(session, office_code)
        station = session.scalar(
            select(Station).where(Station.office_id == office.id, Station.number == number)
        )
        if station is None:
            raise AdminError(f"Văn phòng {office.code} không có máy trạm số {number}.")
        station.revoked = True
        station.token_hash = None
        station.enrolment_hash = None
        session.execute(delete(StationToken).where(StationToken.station_id == station.id))


def create_officer(
    db: Database,
    office_code: str,
    username: str,
    full_name: str,
    role: str,
    password: str,
    title: str | None = None,
) -> None:
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise AdminError("Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch (2–40 ký tự).")
    if role not in ROLES:
        raise AdminError(f"Vai trò phải là một trong: {', '.join(ROLES)}.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AdminError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.")
    with db.write() as session:
        office = _office(session, office_code)
        if session.scalar(select(Officer.id).where(Officer.username == username)) is not None:
            raise AdminError(f"Tên đăng nhập {username} đã có.")
        session.add(
            Officer(
                office_id=office.id,
                username=username,
                full_name=full_name.strip(),
                title=title,
                role=role,
                password_hash=password_hasher.hash(password),
                active=True,
                updated_at=now(),
            )
        )
        master.bump_officers(session, office)


def set_officer_active(db: Database, username: str, active: bool) -> None:
    with db.write() as session:
        officer = session.scalar(select(Officer).where(Officer.username == username.lower()))
        if officer is None:
            raise AdminError(f"Không có cán bộ {username}.")
        officer.active = active
        officer.updated_at = now()
        if not active:
            # For good: re-activating later must not bring old sessions back.
            session.execute(delete(OfficerSession).where(OfficerSession.officer_id == officer.id))
        office = session.get(Office, officer.office_id)
        assert office is not None
        master.bump_officers(session, office)


def set_calendar(
    db: Database, office_code: str, day: date, kind: str | None, note: str | None = None
) -> None:
    if kind not in (None, "off", "work"):
        raise AdminError("Loại ngày phải là off (nghỉ) hoặc work (làm việc).")
    with db.write() as session:
        master.set_calendar_day(session, _office(session, office_code), day, kind, note)


def set_fee(db: Database, procedure_code: str, amount: int, note: str | None = None) -> str:
    if amount < 0:
        raise AdminError("Lệ phí không được âm.")
    with db.write() as session:
        try:
            return master.set_fee(session, procedure_code.strip(), amount, note)
        except LookupError:
            raise AdminError(f"Danh mục không có thủ tục {procedure_code}.") from None


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    admin = subparsers.add_parser("admin", help="quản trị: văn phòng, máy trạm, cán bộ")
    commands = admin.add_subparsers(dest="admin_command", required=True)

    cmd = commands.add_parser("create-office", parents=[common], help="tạo văn phòng")
    cmd.add_argument("--code", required=True, help="mã cơ quan, ví dụ 000.00.24.H47")
    cmd.add_argument("--name", required=True)
    cmd.add_argument("--parent", help="mã cơ quan cấp trên giải quyết hồ sơ")

    cmd = commands.add_parser("enroll-station", parents=[common], help="cấp mã đăng ký máy trạm")
    cmd.add_argument("--office", required=True)
    cmd.add_argument("--number", type=int, required=True)
    cmd.add_argument("--name")

    cmd = commands.add_parser(
        "recovery-code",
        parents=[common],
        help="cấp mã dùng một lần để máy trạm lấy lại khóa dữ liệu đã mất",
    )
    cmd.add_argument("--office", required=True)
    cmd.add_argument("--station", type=int, required=True)
    cmd.add_argument("--by", help="người cho phép (ghi lại cùng mã)")

    cmd = commands.add_parser("revoke-station", parents=[common], help="thu hồi máy trạm")
    cmd.add_argument("--office", required=True)
    cmd.add_argument("--number", type=int, required=True)

    cmd = commands.add_parser("create-officer", parents=[common], help="tạo cán bộ")
    cmd.add_argument("--office", required=True)
    cmd.add_argument("--username", required=True)
    cmd.add_argument("--full-name", required=True)
    cmd.add_argument("--role", required=True, choices=ROLES)
    cmd.add_argument("--title")
    cmd.add_argument("--password", help="bỏ trống để nhập (hoặc để máy chủ sinh ngẫu nhiên)")

    for name, active in (("deactivate-officer", False), ("activate-officer", True)):
        cmd = commands.add_parser(name, parents=[common])
        cmd.add_argument("--username", required=True)
        cmd.set_defaults(active=active)

    cmd = commands.add_parser("set-calendar", parents=[common], help="ngày nghỉ/làm bù")
    cmd.add_argument("--office", required=True)
    cmd.add_argument("--day", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    cmd.add_argument("--kind", choices=("off", "work", "remove"), required=True)
    cmd.add_argument("--note")

    cmd = commands.add_parser(
        "set-citizen-copy",
        parents=[common],
        help="cho (hoặc thôi cho) người dân tải bản sao kết quả trên trang tra cứu",
    )
    cmd.add_argument("--office", required=True)
    cmd.add_argument("--enabled", choices=("yes", "no"), required=True)

    cmd = commands.add_parser("set-fee", parents=[common], help="lệ phí của tỉnh cho thủ tục")
    cmd.add_argument("--procedure", required=True)
    cmd.add_argument("--amount", type=int, required=True)
    cmd.add_argument("--note")


def _password(args: argparse.Namespace) -> tuple[str, bool]:
    if args.password:
        return args.password, False
    if sys.stdin.isatty():
        first = getpass.getpass("Mật khẩu: ")
        if first != getpass.getpass("Nhập lại mật khẩu: "):
            raise AdminError("Hai lần nhập mật khẩu không khớp.")
        return first, False
    return secrets.token_urlsafe(12), True


def run(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    """Carry out one admin command; returns the process exit code."""
    command = args.admin_command
    try:
        if command == "create-office":
            office = create_office(db, args.code, args.name, args.parent)
            print(f"Đã tạo văn phòng {office.code} – {office.name}.")
        elif command == "enroll-station":
            code = enroll_station(db, settings, args.office, args.number, args.name)
            print(code)
            print(
                f"Mã đăng ký dùng một lần cho máy trạm số {args.number}, "
                f"hết hạn sau {settings.enrolment_days:g} ngày.",
                file=sys.stderr,
            )
        elif command == "recovery-code":
            try:
                code, minutes = keyescrow.issue_code(
                    db,
                    settings.recovery_code_minutes,
                    args.office,
                    args.station,
                    args.by or os.environ.get("USER") or None,
                )
            except keyescrow.RecoveryCodeError as exc:
                raise AdminError(str(exc)) from None
            print(code)
            print(
                f"Mã dùng một lần để máy trạm số {args.station} lấy lại khóa dữ liệu "
                f"(restore-key --server-code …), hết hạn sau {minutes} phút.",
                file=sys.stderr,
            )
        elif command == "revoke-station":
            revoke_station(db, args.office, args.number)
            print(f"Đã thu hồi máy trạm số {args.number}.")
        elif command == "create-officer":
            password, generated = _password(args)
            create_officer(
                db, args.office, args.username, args.full_name, args.role, password, args.title
            )
            print(f"Đã tạo cán bộ {args.username.lower()}.")
            if generated:
                print(f"Mật khẩu tạm: {password}")
        elif command in ("deactivate-officer", "activate-officer"):
            set_officer_active(db, args.username, args.active)
            print("Đã cập nhật cán bộ.")
        elif command == "set-calendar":
            kind = None if args.kind == "remove" else args.kind
            set_calendar(db, args.office, args.day, kind, args.note)
            print(f"Đã cập nhật lịch ngày {args.day:%d/%m/%Y}.")
        elif command == "set-citizen-copy":
            set_citizen_copy(db, args.office, args.enabled == "yes")
            state = "được" if args.enabled == "yes" else "không được"
            print(f"Người dân {state} tải bản sao kết quả của văn phòng {args.office}.")
        elif command == "set-fee":
            version = set_fee(db, args.procedure, args.amount, args.note)
            print(f"Đã cập nhật lệ phí; danh mục phiên bản {version}.")
    except AdminError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    return 0
