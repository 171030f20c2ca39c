"""Office settings kept in the station database, with their defaults.

Values the regulations leave unconfirmed (working hours, the 15:00 cut-off,
the size of a station's daily sequence slice) live here rather than in code.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import time
from urllib.parse import urlsplit

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from db.models import Setting


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: str
    label_vi: str
    admin_only: bool = True


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in [
        SettingSpec("working_hours", "07:30-11:30,13:30-17:30", "Giờ làm việc"),
        # Optional hours for part of the year, e.g. "15/10-31/03: 07:30-12:00,13:00-16:30".
        SettingSpec("working_hours_seasonal", "", "Giờ làm việc theo mùa"),
        SettingSpec("cutoff_time", "15:00", "Giờ tính sang ngày làm việc sau"),
        SettingSpec("place_name", "", "Địa danh ghi trên văn bản"),
        SettingSpec("public_base_url", "", "Địa chỉ trang tra cứu công khai"),
        SettingSpec("server_url", "", "Địa chỉ máy chủ đồng bộ"),
        SettingSpec("bank_bin", "", "Mã BIN ngân hàng (VietQR)"),
        SettingSpec("bank_account", "", "Số tài khoản nhận phí"),
        SettingSpec("bank_account_name", "", "Tên tài khoản nhận phí"),
        SettingSpec("receipt_layout", "a4", "Khổ giấy biên nhận", admin_only=False),
        SettingSpec("receipt_two_per_page", "0", "Hai liên trên một trang", admin_only=False),
        SettingSpec("printer_name", "", "Máy in mặc định", admin_only=False),
        SettingSpec("print_immediately", "0", "In ngay, không xem trước", admin_only=False),
        SettingSpec("font_size", "", "Cỡ chữ trên màn hình (điểm)", admin_only=False),
        SettingSpec("idle_lock_minutes", "15", "Khóa màn hình sau (phút)"),
        SettingSpec("login_max_failures", "5", "Số lần đăng nhập sai tối đa"),
        SettingSpec("login_lock_minutes", "2", "Thời gian khóa tài khoản (phút)"),
        SettingSpec("language", "vi", "Ngôn ngữ", admin_only=False),
        SettingSpec("cli_user", "", "Cán bộ mặc định của dòng lệnh"),
        SettingSpec("head_name", "", "Họ tên thủ trưởng cơ quan (ký phiếu xin lỗi, thông báo)"),
        SettingSpec("head_title", "Chủ tịch", "Chức vụ thủ trưởng cơ quan"),
        # The names printed on the paper (app.office.office_names has the
        # presets for a commune, a ward and a provincial centre).
        SettingSpec("office_kind", "commune", "Loại cơ quan (xã, phường, trung tâm tỉnh)"),
        SettingSpec("governing_body", "", "Tên cơ quan ban hành (dòng trên của tiêu đề)"),
        SettingSpec("unit_name", "", "Tên Bộ phận Một cửa / Trung tâm Phục vụ hành chính công"),
        SettingSpec("signer_for", "TM. Ủy ban nhân dân", "Dòng thẩm quyền ký (TM. …)"),
        SettingSpec("office_abbr", "UBND", "Chữ viết tắt tên cơ quan trong số văn bản"),
        SettingSpec("unit_abbr", "TTPVHCC", "Chữ viết tắt tên bộ phận trong số văn bản"),
        SettingSpec("contact_phone", "", "Số điện thoại liên hệ in trên phiếu", admin_only=False),
        SettingSpec(
            "extension_max_working_days",
            "10",
            "Hẹn lại ngày trả kết quả tối đa (ngày làm việc sau ngày hẹn)",
        ),
        SettingSpec("sync_interval_seconds", "60", "Chu kỳ đồng bộ (giây)"),
        SettingSpec("stale_master_days", "7", "Cảnh báo khi danh mục, lịch cũ quá (ngày)"),
        SettingSpec("stale_outbox_hours", "24", "Cảnh báo khi hồ sơ chờ gửi quá (giờ)"),
        SettingSpec(
            "capture_watch_folder", "", "Thư mục máy quét lưu tệp (số hóa)", admin_only=False
        ),
        # A scanner set to "USB serial" / "HID POS" mode (COM3, /dev/ttyACM0).
        SettingSpec(
            "scanner_serial_port", "", "Cổng máy quét mã QR (USB serial)", admin_only=False
        ),
        # On by default; it only takes effect where OCRmyPDF and Tesseract's
        # Vietnamese data are installed (app.capture.ocr.available).
        SettingSpec("capture_ocr", "1", "Nhận dạng chữ (OCR) sau khi số hóa", admin_only=False),
        # Off by default: an office that wants every result kept turns it on.
        SettingSpec("require_result_at_handover", "0", "Bắt buộc số hóa kết quả khi trả"),
        # The control sheet's last row is where the collector signs for the result.
        SettingSpec(
            "return_print_slip", "1", "In phiếu kiểm soát khi trả kết quả để người nhận ký"
        ),
        # A USB drive or network folder that receives a copy of each daily backup.
        SettingSpec("backup_second_destination", "", "Nơi sao lưu thứ hai (USB, thư mục mạng)"),
        # Feedback (phản ánh, kiến nghị), Decree 20/2008/NĐ-CP: working days a
        # province may change (app.domain.feedback_clock).
        SettingSpec("feedback_reject_days", "2", "Phản ánh: hạn từ chối tiếp nhận (ngày làm việc)"),
        SettingSpec(
            "feedback_request_info_days", "5", "Phản ánh: hạn đề nghị bổ sung thông tin (ngày)"
        ),
        SettingSpec("feedback_forward_days", "5", "Phản ánh: hạn chuyển cơ quan có thẩm quyền"),
        SettingSpec("feedback_resolve_days", "15", "Phản ánh: hạn xử lý, trả lời (ngày làm việc)"),
        SettingSpec("feedback_publish_days", "2", "Phản ánh: hạn công khai trả lời (ngày)"),
        # Criteria the citizen rates besides the overall score (app.domain.satisfaction.CRITERIA),
        # comma-separated; none by default, so one touch is enough.
        SettingSpec("rating_criteria", "", "Tiêu chí đánh giá mức độ hài lòng"),
        # The screen facing the citizen: "auto" (the second screen, if any), a screen's
        # name as the system gives it (HDMI-1, DISPLAY2), or "off".
        SettingSpec(
            "customer_screen", "auto", "Màn hình đánh giá hướng về người dân", admin_only=False
        ),
    ]
}

# The reference server's default address; a receipt printed before any server
# is configured still carries a well-formed look-up link with the code in it.
FALLBACK_PUBLIC_BASE_URL = "http://127.0.0.1:8080"


def get(session: Session, key: str) -> str:
    spec = SPECS.get(key)
    if spec is None:
        raise KeyError(key)
    row = session.get(Setting, key)
    return row.value if row is not None else spec.default


def get_plain(conn: Connection, key: str) -> str:
    """:func:`get` over a plain connection (no ORM set-up), for one-shot reads."""
    spec = SPECS.get(key)
    if spec is None:
        raise KeyError(key)
    table = Setting.__table__
    value = conn.execute(select(table.c.value).where(table.c.key == key)).scalar()
    return value if value is not None else spec.default


def get_all(session: Session) -> dict[str, str]:
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return {key: stored.get(key, spec.default) for key, spec in SPECS.items()}


def put(session: Session, key: str, value: str) -> None:
    if key not in SPECS:
        raise DomainError("unknown_setting", f"Không có thiết lập “{key}”.", f"No setting “{key}”.")
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


_ON = {"1", "on", "true", "yes", "bật", "có"}
_OFF = {"0", "off", "false", "no", "tắt", "không"}


def is_on(value: str | None, default: bool = True) -> bool:
    """A yes/no setting as stored ("1"/"0"); anything unreadable keeps ``default``."""
    text = (value or "").strip().lower()
    if text in _ON:
        return True
    if text in _OFF:
        return False
    return default


def get_int(session: Session, key: str) -> int:
    try:
        return int(get(session, key))
    except ValueError:
        return int(SPECS[key].default)


def get_time(session: Session, key: str) -> time:
    try:
        return time.fromisoformat(get(session, key))
    except ValueError:
        return time.fromisoformat(SPECS[key].default)


def link_reaches_citizens(base: str) -> bool:
    """Can a citizen's phone open links under ``base``? Not when it is this PC or the LAN."""
    try:
        host = (urlsplit(base.strip()).hostname or "").lower()
    except ValueError:
        return False
    if not host or host == "localhost" or host.endswith((".local", ".localhost", ".lan")):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." in host
    return address.is_global


def receipt_link_base(session: Session) -> str | None:
    """The look-up address to print in a receipt's QR, or ``None`` when citizens could not
    reach it (the QR then carries only the dossier code, which the counter can look up)."""
    base = get(session, "public_base_url") or get(session, "server_url")
    return base.rstrip("/") if base and link_reaches_citizens(base) else None


def public_base_url(session: Session) -> str:
    base = get(session, "public_base_url") or get(session, "server_url")
    return (base or FALLBACK_PUBLIC_BASE_URL).rstrip("/")
