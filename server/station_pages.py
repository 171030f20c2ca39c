"""HTML of the back office's station page: each station's key copy and audit chain heads."""

from __future__ import annotations

from fastapi.responses import HTMLResponse

from app.sync import protect_wire as w
from server.auth import OfficerContext
from server.backoffice_pages import BASE, SUBTITLE, TITLE
from server.html import esc, page, time_tag

PAGE = f"{BASE}/may-tram"
FLAG_LABELS = {
    "backwards": "Đầu chuỗi nhật ký lùi lại",
    "rewritten": "Nhật ký bị sửa và tính lại chuỗi",
}


def _head(head: w.AuditHeadRecord | None) -> str:
    if head is None:
        return '<span class="muted">chưa báo</span>'
    return (
        f"mục {head.id} · <code>{esc(head.hash[:16])}…</code> · nhận {time_tag(head.received_at)}"
    )


def _flags(station: w.StationProtection) -> str:
    if not station.flags:
        return '<span class="badge done">Không có cảnh báo</span>'
    items = "".join(
        f'<li><span class="late">{esc(FLAG_LABELS.get(f.flag or "", f.flag))}</span> '
        f"{time_tag(f.received_at)}: {esc(f.message)}</li>"
        for f in station.flags
    )
    return f'<span class="badge stop">{len(station.flags)} cảnh báo</span><ul>{items}</ul>'


def _recoveries(station: w.StationProtection) -> str:
    items = "".join(
        f"<li>mã cấp {time_tag(r.issued_at)} ({esc(r.issued_by or 'không rõ')}): "
        + (f"đã lấy khóa {time_tag(r.used_at)} từ {esc(r.used_from)}" if r.used_at else "chưa dùng")
        + "</li>"
        for r in station.key_recoveries
    )
    return f'<ul class="muted">{items}</ul>' if items else ""


def _row(station: w.StationProtection) -> str:
    escrow = (
        f"đã giữ từ {time_tag(station.key_escrowed_at)}"
        if station.key_escrowed_at
        else '<span class="late">chưa có</span>'
    ) + _recoveries(station)
    return f"""<tr id="may-{esc(station.office_code)}-{station.number}">
<td><strong>{esc(station.office_code)} · Quầy {station.number}</strong><br>
<span class="muted">{esc(station.name or "")}</span></td>
<td>{escrow}</td><td>{_head(station.last_head)}</td><td>{_flags(station)}</td></tr>"""


def stations_page(officer: OfficerContext, data: w.StationProtectionList) -> HTMLResponse:
    rows = "".join(_row(s) for s in data.stations) or (
        '<tr><td colspan="4">Chưa có máy trạm nào đăng ký.</td></tr>'
    )
    body = f"""<section class="card row"><div><strong>{esc(officer.full_name)}</strong>
 · <a href="{BASE}">Hồ sơ</a> · <a href="{PAGE}">Máy trạm</a></div></section>
<section class="card"><h2>Máy trạm: bản sao khóa dữ liệu và nhật ký kiểm toán</h2>
<p class="muted">Mỗi lần đồng bộ, máy trạm gửi đầu chuỗi nhật ký. Cảnh báo nghĩa là nhật ký
 của máy trạm đã bị sửa hoặc cắt bớt, hoặc dữ liệu được khôi phục từ bản sao lưu cũ.</p>
<table><thead><tr><th>Máy trạm</th><th>Bản sao khóa trên máy chủ</th>
<th>Đầu chuỗi nhật ký mới nhất</th><th>Cảnh báo</th></tr></thead>
<tbody>{rows}</tbody></table></section>"""
    return page(TITLE, body, subtitle=SUBTITLE)
