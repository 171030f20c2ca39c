"""HTML of satisfaction ratings: the citizen's form on the status page, the back office's list.

Every value goes through :func:`server.html.esc`. The citizen's form has one
submit button per score, so it works without script (the pages allow none).
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi.responses import HTMLResponse

from app.domain import satisfaction
from app.domain.status import Status
from server.auth import OfficerContext
from server.backoffice_pages import BASE, TITLE
from server.html import esc, page, time_tag
from server.models import Dossier
from server.ratings import RatingSummary

_BUTTON_COLOURS = {1: "#b3261e", 2: "#b86e00", 3: "#1e6b36"}


def stage_open(dossier: Dossier, stage: str) -> bool:
    """Can this stage be rated now? The hand-over only once the result was handed over."""
    if dossier.cancelled_at is not None:
        return False
    return stage == "intake" or dossier.status == Status.RETURNED


def section(dossier: Dossier, secret: str, rated: set[str], notice: str = "") -> str:
    """The rating card of the status page reached with the receipt's secret."""
    if dossier.cancelled_at is not None:
        return ""
    action = f"/tra-cuu/{quote(dossier.code, safe='')}/danh-gia"
    parts: list[str] = []
    for stage, label in satisfaction.STAGES.items():
        title = f"<h3>Việc {esc(label)}</h3>"
        if stage in rated:
            parts.append(f'{title}<p class="ok" id="da-danh-gia-{stage}">Ông/bà đã đánh giá.</p>')
        elif not stage_open(dossier, stage):
            parts.append(f'{title}<p class="muted">Đánh giá sau khi nhận kết quả.</p>')
        else:
            buttons = "".join(
                f'<button type="submit" name="diem" value="{score}" id="diem-{stage}-{score}"'
                f' style="background:{_BUTTON_COLOURS[score]};flex:1 1 0;min-height:56px">'
                f"{esc(text)}</button>"
                for score, text in satisfaction.SCORES.items()
            )
            parts.append(
                f'{title}<form method="post" action="{esc(action)}">'
                f'<input type="hidden" name="k" value="{esc(secret)}">'
                f'<input type="hidden" name="giai-doan" value="{esc(stage)}">'
                f'<div class="row" style="gap:8px">{buttons}</div></form>'
            )
    message = f'<div class="error" role="alert">{esc(notice)}</div>' if notice else ""
    return f"""<section class="card" id="danh-gia">
<h2>Đánh giá mức độ hài lòng</h2>{message}
<p class="muted">Mỗi việc được đánh giá một lần. Đánh giá không ghi tên cán bộ
và không sửa được sau khi gửi.</p>
{"".join(parts)}</section>"""


def backoffice_page(
    officer: OfficerContext, start: str, end: str, data: RatingSummary | None, error: str = ""
) -> HTMLResponse:
    form = f"""<section class="card"><h2>Đánh giá mức độ hài lòng của người dân</h2>
<p><a href="{BASE}">← Danh sách hồ sơ</a></p>
{f'<div class="error">{esc(error)}</div>' if error else ""}
<form method="get" action="{BASE}/danh-gia" class="row">
<div><label for="tu">Từ ngày</label>
<input id="tu" name="tu" type="date" value="{esc(start)}"></div>
<div><label for="den">Đến ngày</label>
<input id="den" name="den" type="date" value="{esc(end)}"></div>
<div style="flex:0 0 auto"><button type="submit">Xem</button></div>
</form></section>"""
    body = ""
    if data is not None:
        head = "".join(f"<th>{esc(label)}</th>" for label in satisfaction.SCORES.values())
        count_rows = "".join(
            f"<tr><td>{esc(satisfaction.STAGES[stage].capitalize())}</td>"
            + "".join(
                f"<td>{data.counts.get(stage, {}).get(str(score), 0)}</td>"
                for score in satisfaction.SCORES
            )
            + f"<td>{sum(data.counts.get(stage, {}).values())}</td></tr>"
            for stage in satisfaction.STAGES
        )
        share = (
            "—"
            if data.satisfied_share is None
            else f"{data.satisfied_share * 100:.1f} %".replace(".", ",")
        )
        lines = "".join(
            f"<tr><td>{time_tag(r.rated_at)}</td><td>{esc(r.code)}</td>"
            f"<td>{esc(r.procedure_name)}</td><td>{esc(r.stage_label)}</td>"
            f"<td>{esc(r.score_label)}</td><td>{esc(_criteria(r.criteria))}</td>"
            f"<td>{esc(satisfaction.CHANNELS.get(r.channel, r.channel))}</td></tr>"
            for r in data.ratings
        )
        listing = (
            f"""<table id="ratings"><thead><tr><th>Thời điểm</th><th>Mã hồ sơ</th>
<th>Thủ tục</th><th>Việc</th><th>Đánh giá</th><th>Tiêu chí</th><th>Kênh</th></tr></thead>
<tbody>{lines}</tbody></table>"""
            if data.ratings
            else '<p class="muted">Chưa có đánh giá nào trong kỳ.</p>'
        )
        body = f"""<section class="card"><p>Tổng số đánh giá: <strong id="total">{data.total}
</strong>; tỷ lệ hài lòng: <strong id="share">{share}</strong>.</p>
<table id="counts"><thead><tr><th>Việc</th>{head}<th>Cộng</th></tr></thead>
<tbody>{count_rows}</tbody></table></section>
<section class="card"><h2>Các đánh giá mới nhất</h2>{listing}</section>"""
    return page(TITLE, form + body, subtitle=f"{officer.full_name} — {officer.office_code}")


def _criteria(criteria: dict[str, int]) -> str:
    return "; ".join(
        f"{satisfaction.CRITERIA.get(key, key)}: {satisfaction.SCORES.get(score, score)}"
        for key, score in criteria.items()
    )
