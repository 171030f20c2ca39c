"""The back-office report page: the indicators of each office and their total."""

from __future__ import annotations

from typing import Any

from fastapi.responses import HTMLResponse

from app.reports import definitions
from server.auth import OfficerContext
from server.backoffice_pages import BASE, TITLE
from server.html import esc, page

COLUMNS = (
    ("received", "Tiếp nhận"),
    ("received_online", "Trực tuyến"),
    ("carried_over", "Kỳ trước chuyển sang"),
    ("resolved_early", "Trước hạn"),
    ("resolved_on_time", "Đúng hạn"),
    ("resolved_late", "Quá hạn"),
    ("in_progress_on_time", "Đang trong hạn"),
    ("in_progress_overdue", "Đang quá hạn"),
)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def _row(name: str, figures: dict[str, Any], *, total: bool = False) -> str:
    cells = "".join(f"<td>{figures[key]}</td>" for key, _ in COLUMNS)
    label = f"<strong>{esc(name)}</strong>" if total else esc(name)
    return (
        f"<tr><td>{label}</td>{cells}<td>{_pct(figures['progress_on_time_share'])}</td>"
        f"<td>{_pct(figures['satisfaction_share'])}</td></tr>"
    )


def _points(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _score_cell(figures: dict[str, Any], group: str) -> str:
    """Points of one 766 group, out of what could be scored; why not when none."""
    for s in figures["scores"]:
        if s["group"] == group:
            text = f"{_points(s['points'])} / {_points(s['max'])}"
            if s["partial"]:
                text += f" (trên {_points(s['group_max'])})"
            if not s["verified"]:
                text += ' <span class="muted">chưa xác minh</span>'
            return f"<td>{text}</td>"
    why = next((n["why"] for n in figures["not_scored"] if n["group"] == group), [])
    return f'<td title="{esc(" ".join(why))}">—</td>'


def _scores_table(data: dict[str, Any]) -> str:
    groups = definitions.load().groups
    head = "".join(f"<th>{esc(g.name)} ({_points(g.max)})</th>" for g in groups)
    rows = []
    for name, figures, total in [
        *((f"{o['office_name']} ({o['office_code']})", o, False) for o in data["offices"]),
        ("Tổng cộng", data["total"], True),
    ]:
        label = f"<strong>{esc(name)}</strong>" if total else esc(name)
        cells = "".join(_score_cell(figures, g.group) for g in groups)
        rows.append(f"<tr><td>{label}</td>{cells}</tr>")
    return f"""<section class="card"><h2>Điểm theo Bộ chỉ số 766</h2>
<p class="muted">Điểm đạt / điểm tối đa của các chỉ số tính được từ dữ liệu đã đồng bộ;
“chưa xác minh”: trọng số hoặc ngưỡng chưa đối chiếu được với văn bản của Quyết định
766/QĐ-TTg. Tổng cộng tính từ số hồ sơ cộng dồn, không lấy trung bình điểm.</p>
<table id="scores"><thead><tr><th>Cơ quan</th>{head}</tr></thead>
<tbody>{"".join(rows)}</tbody></table></section>"""


def report_page(
    officer: OfficerContext, start: str, end: str, data: dict[str, Any] | None, error: str = ""
) -> HTMLResponse:
    form = f"""<section class="card"><h2>Báo cáo tình hình giải quyết hồ sơ</h2>
<p><a href="{BASE}">← Danh sách hồ sơ</a></p>
{f'<div class="error">{esc(error)}</div>' if error else ""}
<form method="get" action="{BASE}/bao-cao" class="row">
<div><label for="tu">Từ ngày</label>
<input id="tu" name="tu" type="date" value="{esc(start)}"></div>
<div><label for="den">Đến ngày</label>
<input id="den" name="den" type="date" value="{esc(end)}"></div>
<div style="flex:0 0 auto"><button type="submit">Xem</button></div>
</form></section>"""
    table = ""
    if data is not None:
        head = "".join(f"<th>{esc(label)}</th>" for _, label in COLUMNS)
        rows = "".join(_row(f"{o['office_name']} ({o['office_code']})", o) for o in data["offices"])
        table = f"""<section class="card"><p class="muted">Số liệu đến {esc(data["as_of"])};
cách tính: docs/indicators.md.</p>
<table id="indicators"><thead><tr><th>Cơ quan</th>{head}<th>Tỷ lệ đúng hạn</th>
<th>Tỷ lệ hài lòng</th></tr></thead>
<tbody>{rows}{_row("Tổng cộng", data["total"], total=True)}</tbody></table></section>
{_scores_table(data)}"""
    return page(TITLE, form + table, subtitle=f"{officer.full_name} — {officer.office_code}")
