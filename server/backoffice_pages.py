"""HTML of the back-office page: sign-in, dossier list, one dossier."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.responses import HTMLResponse

from app.domain.status import TRANSITIONS, Status
from app.sync import protocol as p
from server.auth import OfficerContext
from server.html import esc, page, status_badge, time_tag

TITLE = "Cơ quan giải quyết hồ sơ"
SUBTITLE = "Theo dõi và cập nhật tình trạng giải quyết hồ sơ"
BASE = "/back-office"
CONFLICT_TAG = ' <span class="late">(xung đột, không áp dụng)</span>'


def _page(body: str, status_code: int = 200) -> HTMLResponse:
    return page(TITLE, body, subtitle=SUBTITLE, status_code=status_code)


def _notice(error: str = "", ok: str = "") -> str:
    if error:
        return f'<div class="error">{esc(error)}</div>'
    if ok:
        return f'<div class="ok">{esc(ok)}</div>'
    return ""


def login_page(csrf: str, error: str = "", status_code: int = 200) -> HTMLResponse:
    """The sign-in form; ``csrf`` must come back with it (and in its cookie)."""
    return _page(
        f"""<section class="card" style="max-width:420px;margin:24px auto">
<h2>Đăng nhập</h2>{_notice(error)}
<form method="post" action="{BASE}/dang-nhap">
<input type="hidden" name="csrf" value="{esc(csrf)}">
<label for="username">Tên đăng nhập</label>
<input id="username" name="username" autocomplete="username" required maxlength="40">
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password"
 required maxlength="200">
<button type="submit">Đăng nhập</button>
</form></section>""",
        status_code,
    )


def _who(officer: OfficerContext) -> str:
    return f"""<section class="card row">
<div><strong>{esc(officer.full_name)}</strong>
<span class="muted">({esc(officer.username)}, cơ quan {esc(officer.office_code)})</span>
 · <a href="{BASE}/phan-anh">Phản ánh, kiến nghị</a>
 · <a href="{BASE}/may-tram">Máy trạm</a></div>
<form method="post" action="{BASE}/dang-xuat" style="flex:0 0 auto">
<input type="hidden" name="csrf" value="{esc(officer.csrf_token)}">
<button class="link" type="submit">Đăng xuất</button></form></section>"""


def _link(code: str) -> str:
    return f"{BASE}/ho-so/{quote(code, safe='')}"


def list_page(
    officer: OfficerContext,
    dossiers: list[p.DossierSummary],
    status: int | None,
    search: str,
) -> HTMLResponse:
    options = ['<option value="">Tất cả trạng thái</option>'] + [
        f'<option value="{s.value}"{" selected" if status == s.value else ""}>'
        f"{s.value} – {esc(s.label_vi)}</option>"
        for s in Status
    ]
    rows = "".join(
        f"""<tr><td><a href="{esc(_link(d.code))}">{esc(d.code)}</a></td>
<td>{esc(d.procedure_name)}</td><td>{esc(d.applicant_name)}</td>
<td>{status_badge(d.status, d.status_label)}</td>
<td>{time_tag(d.received_at)}</td><td>{time_tag(d.due_at)}</td>
<td>{"Đủ" if d.attachments_complete else "Chưa đủ"}</td></tr>"""
        for d in dossiers
    )
    table = (
        f"""<table><thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Người nộp</th>
<th>Trạng thái</th><th>Tiếp nhận</th><th>Hẹn trả</th><th>Tệp số hóa</th></tr></thead>
<tbody>{rows}</tbody></table>"""
        if dossiers
        else '<p class="muted">Không có hồ sơ nào.</p>'
    )
    return _page(
        f"""{_who(officer)}<section class="card"><h2>Danh sách hồ sơ</h2>
<p><a href="{BASE}/bao-cao">Báo cáo tình hình giải quyết hồ sơ</a> ·
<a href="{BASE}/danh-gia">Đánh giá mức độ hài lòng</a></p>
<form method="get" action="{BASE}" class="row">
<div><label for="trang_thai">Trạng thái</label>
<select id="trang_thai" name="trang_thai">{"".join(options)}</select></div>
<div><label for="q">Mã hồ sơ hoặc tên người nộp</label>
<input id="q" name="q" value="{esc(search)}" maxlength="100"></div>
<div style="flex:0 0 auto"><button type="submit">Lọc</button></div>
</form></section><section class="card">{table}</section>"""
    )


def detail_page(
    officer: OfficerContext,
    dossier: p.DossierDetail,
    *,
    error: str = "",
    ok: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    targets = sorted(TRANSITIONS[Status(dossier.status)])
    history = "".join(
        f"""<tr><td>{time_tag(h.at)}</td>
<td>{"Cơ quan giải quyết" if h.source == "backoffice" else "Bộ phận một cửa"}</td>
<td>{esc(h.officer or "")}</td>
<td>{esc(_step(h))}{CONFLICT_TAG if h.conflict else ""}</td>
<td>{esc(h.note or "")}</td></tr>"""
        for h in dossier.history
    )
    csrf = f'<input type="hidden" name="csrf" value="{esc(officer.csrf_token)}">'
    if targets:
        choices = "".join(
            f'<option value="{t.value}">{t.value} – {esc(t.label_vi)}</option>' for t in targets
        )
        move = f"""<form method="post" action="{esc(_link(dossier.code))}/trang-thai">{csrf}
<label for="to_status">Chuyển sang trạng thái</label>
<select id="to_status" name="to_status">{choices}</select>
<label for="note">Ghi chú</label>
<textarea id="note" name="note" rows="3" maxlength="4000"></textarea>
<button type="submit">Cập nhật trạng thái</button></form>"""
    else:
        move = '<p class="muted">Hồ sơ đã kết thúc; không còn trạng thái nào để chuyển.</p>'
    return _page(
        f"""{_who(officer)}<p><a href="{BASE}">← Danh sách hồ sơ</a></p>
{_notice(error, ok)}<section class="card"><h2>Hồ sơ {esc(dossier.code)}</h2><dl>
<dt>Trạng thái</dt><dd>{status_badge(dossier.status, dossier.status_label)}</dd>
<dt>Thủ tục</dt><dd>{esc(dossier.procedure_code)} – {esc(dossier.procedure_name)}</dd>
<dt>Người nộp</dt><dd>{esc(dossier.applicant_name)}</dd>
<dt>Nội dung</dt><dd>{esc(dossier.summary or "—")}</dd>
<dt>Tiếp nhận</dt><dd>{time_tag(dossier.received_at)}</dd>
<dt>Hẹn trả</dt><dd>{time_tag(dossier.due_at)}</dd>
<dt>Tệp số hóa</dt><dd>{"Đã nhận đủ" if dossier.attachments_complete else "Chưa nhận đủ"}</dd>
</dl></section>
<section class="card"><h2>Cập nhật</h2>{move}
<form method="post" action="{esc(_link(dossier.code))}/tien-do">{csrf}
<label for="progress">Ghi nhận tiến độ (không đổi trạng thái)</label>
<textarea id="progress" name="note" rows="2" maxlength="4000" required></textarea>
<button type="submit">Ghi tiến độ</button></form></section>
<section class="card"><h2>Quá trình xử lý</h2><table><thead><tr><th>Thời điểm</th>
<th>Nơi</th><th>Cán bộ</th><th>Bước</th><th>Ghi chú</th></tr></thead>
<tbody>{history}</tbody></table></section>""",
        status_code,
    )


def _label(status: int | None) -> str:
    return Status(status).label_vi if status else ""


def _step(entry: p.HistoryEntry) -> str:
    if entry.from_status is None and entry.to_status is None:
        return "Sửa thông tin tiếp nhận"
    if entry.from_status is None and entry.to_status is not None:
        return f"Tiếp nhận: {_label(entry.to_status)}"
    if entry.from_status == entry.to_status or entry.to_status is None:
        return "Ghi nhận tiến độ"
    return f"{_label(entry.from_status)} → {_label(entry.to_status)}"
