"""HTML of the citizen's feedback: the form on a dossier's status page, the feedback
sent about that dossier with its answers, and one item's own status page.

Every value is escaped; names are masked as on the status page.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from app.domain.feedback_clock import DEADLINE_LABELS, OUTCOME_LABELS, waiting_for_sender
from app.sync import protocol as p
from server.html import esc, mask_name, time_tag
from server.models import Feedback


def _multiline(value: str | None) -> str:
    return "<br>".join(esc(line) for line in (value or "").split("\n"))


def _state(row: Feedback) -> str:
    if waiting_for_sender(row.answered_at, row.info_requested_at, row.info_supplied_at):
        return "Đang chờ người gửi bổ sung thông tin"
    if row.answered_at is None:
        return "Đang xem xét, chưa trả lời"
    return OUTCOME_LABELS.get(row.outcome or "answered", "Đã trả lời")


def _answer(row: Feedback) -> str:
    if row.answer is None:
        return ""
    return (
        f"<dt>Trả lời</dt><dd>{_multiline(row.answer)}"
        f'<br><span class="muted">{time_tag(row.answered_at)}</span></dd>'
    )


def form(code: str, secret: str, error: str = "", values: dict[str, str] | None = None) -> str:
    """The form to send feedback about dossier ``code`` (the receipt's secret goes with it)."""
    v = values or {}
    message = f'<div class="error" role="alert">{esc(error)}</div>' if error else ""
    return f"""<section class="card" id="phan-anh">
<h2>Gửi phản ánh, kiến nghị về hồ sơ này</h2>
{message}<p class="muted">Theo quy định, phản ánh phải ghi rõ họ tên, địa chỉ và số điện thoại
của người gửi; phản ánh nặc danh không được tiếp nhận.</p>
<form method="post" action="/tra-cuu/{esc(quote(code, safe=""))}/phan-anh">
<input type="hidden" name="k" value="{esc(secret)}">
<label for="pa-ten">Họ và tên</label>
<input id="pa-ten" name="ho_ten" required maxlength="200" value="{esc(v.get("ho_ten", ""))}">
<label for="pa-dc">Địa chỉ</label>
<input id="pa-dc" name="dia_chi" required maxlength="500" value="{esc(v.get("dia_chi", ""))}">
<label for="pa-dt">Số điện thoại</label>
<input id="pa-dt" name="dien_thoai" required maxlength="40" inputmode="tel"
 value="{esc(v.get("dien_thoai", ""))}">
<label for="pa-em">Thư điện tử (không bắt buộc)</label>
<input id="pa-em" name="email" maxlength="200" value="{esc(v.get("email", ""))}">
<label for="pa-nd">Nội dung phản ánh, kiến nghị</label>
<textarea id="pa-nd" name="noi_dung" required rows="5"
 maxlength="{p.MAX_FEEDBACK_TEXT}">{esc(v.get("noi_dung", ""))}</textarea>
<button type="submit">Gửi phản ánh</button>
</form></section>"""


def about_dossier(rows: list[Feedback]) -> str:
    """Feedback already sent about the dossier, each with its state and answer."""
    if not rows:
        return ""
    items = "".join(
        f"""<dl class="pa-item"><dt>Mã phản ánh</dt><dd>{esc(r.code)}</dd>
<dt>Ngày tiếp nhận</dt><dd>{time_tag(r.received_at)}</dd>
<dt>Người gửi</dt><dd>{esc(mask_name(r.sender_name))}</dd>
<dt>Tình trạng</dt><dd>{esc(_state(r))}</dd>{_answer(r)}</dl>"""
        for r in rows
    )
    return f"""<section class="card" id="phan-anh-da-gui">
<h2>Phản ánh, kiến nghị về hồ sơ này</h2>{items}</section>"""


def status(row: Feedback, office_name: str) -> str:
    """One item's status page, for whoever holds its link."""
    due = "".join(
        f"<dt>{esc(DEADLINE_LABELS.get(k, k))}</dt><dd>{date.fromisoformat(v):%d/%m/%Y}</dd>"
        for k, v in (row.due or {}).items()
    )
    about = f"<dt>Về hồ sơ</dt><dd>{esc(row.dossier_code)}</dd>" if row.dossier_code else ""
    return f"""<section class="card" id="phan-anh">
<h2>Phản ánh, kiến nghị {esc(row.code)}</h2>
<dl>
<dt>Tình trạng</dt><dd>{esc(_state(row))}</dd>
<dt>Người gửi</dt><dd>{esc(mask_name(row.sender_name))}</dd>
<dt>Ngày tiếp nhận</dt><dd>{time_tag(row.received_at)}</dd>
{about}<dt>Nội dung</dt><dd>{_multiline(row.content)}</dd>
{due}{_answer(row)}<dt>Nơi tiếp nhận</dt><dd>{esc(office_name)}</dd>
</dl></section>"""
