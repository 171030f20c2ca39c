"""The HTML frame shared by the public look-up page and the back-office page.

Pages are built from Python strings with every value passed through
:func:`esc`; there is no template engine to install or to misconfigure.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from fastapi.responses import HTMLResponse

from app.sync.protocol import wire_time

CSS = """
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;
 color:#1d2733;background:#f3f5f8;font-size:16px;line-height:1.45}
header{background:#a51c1c;color:#fff;padding:12px 16px}
header h1{margin:0;font-size:1.15rem;font-weight:600}
header p{margin:2px 0 0;font-size:.85rem;opacity:.9}
main{max-width:960px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px;
 box-shadow:0 1px 3px rgba(0,0,0,.08)}
.card h2{margin:0 0 12px;font-size:1.05rem}
dl{display:grid;grid-template-columns:minmax(120px,38%) 1fr;gap:8px 12px;margin:0}
dt{color:#5b6673}dd{margin:0;font-weight:600;word-break:break-word}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;background:#e7eef9;
 color:#174a8b;font-weight:600}
.badge.done{background:#e3f4e8;color:#1e6b36}.badge.stop{background:#f1e5e5;color:#8a1f1f}
.late{color:#b3261e;font-weight:700;margin-left:6px}
label{display:block;margin:10px 0 4px;font-weight:600}
input,select,textarea{width:100%;padding:10px;border:1px solid #b9c2cc;border-radius:6px;
 font-size:1rem;font-family:inherit}
button{margin-top:12px;padding:10px 18px;border:0;border-radius:6px;background:#a51c1c;
 color:#fff;font-size:1rem;cursor:pointer}
button.link{background:none;color:#a51c1c;padding:0;margin:0}
.error{background:#fdecea;color:#8a1f1f;padding:10px;border-radius:6px;margin-bottom:12px}
.ok{background:#e3f4e8;color:#1e6b36;padding:10px;border-radius:6px;margin-bottom:12px}
.muted{color:#5b6673;font-size:.9rem}
table{width:100%;border-collapse:collapse;font-size:.93rem}
th,td{text-align:left;padding:8px 6px;border-bottom:1px solid #e3e7ec;vertical-align:top}
th{color:#5b6673;font-weight:600}
a{color:#174a8b}
.row{display:flex;gap:12px;flex-wrap:wrap;align-items:flex-end}.row>*{flex:1 1 180px}
@media (max-width:560px){dl{grid-template-columns:1fr}dt{margin-top:6px}
 table thead{display:none}table td{display:block;border:0;padding:2px 0}
 table tr{display:block;border-bottom:1px solid #e3e7ec;padding:8px 0}}
"""

# The pages load nothing from elsewhere and post only to this server.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def fmt_datetime(value: datetime | None) -> str:
    """``09 giờ 30 phút, ngày 13/02/2026`` shortened to ``09:30 13/02/2026``."""
    return value.strftime("%H:%M %d/%m/%Y") if value else "—"


def time_tag(value: datetime | None) -> str:
    """A Vietnam time as people read it, with its +07:00 offset for machines."""
    if value is None:
        return "—"
    return (
        f'<time datetime="{esc(wire_time(value))}" title="Giờ Việt Nam (GMT+7)">'
        f"{esc(fmt_datetime(value))}</time>"
    )


def mask_name(full_name: str) -> str:
    """``Nguyễn Văn An`` → ``Nguyễn V. A``: family name, then initials only, as
    every public page shows a citizen's name."""
    words = full_name.split()
    if not words:
        return ""
    if len(words) == 1:
        return f"{words[0][0]}."
    return " ".join([words[0], *[f"{w[0]}." for w in words[1:-1]], words[-1][0]])


def page(
    title: str,
    body: str,
    *,
    # Decree 61/2018/NĐ-CP's common name for every receiving unit; pages about
    # one dossier pass the receiving office's own name instead.
    subtitle: str = "Bộ phận Một cửa",
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    robots: str = "noindex, nofollow",
) -> HTMLResponse:
    document = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="{esc(robots)}">
<title>{esc(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header>
<main>
{body}
</main>
</body>
</html>
"""
    all_headers = dict(SECURITY_HEADERS)
    all_headers.update(headers or {})
    return HTMLResponse(document, status_code=status_code, headers=all_headers)


def status_badge(status: int, label: str) -> str:
    css = "done" if status in (9, 10) else "stop" if status in (3, 7, 8) else ""
    return f'<span class="badge {css}">{esc(label)}</span>'
