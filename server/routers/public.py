"""The citizen's status page, reached from the QR code on the receipt.

Without the right secret the page reveals nothing: a wrong secret and a code
that does not exist get the same bytes after the same work (one query, one
constant-time comparison against a stored or a dummy digest). Misses are
counted in the database per dossier code (from whatever addresses) and per
client address; past either limit the look-up is refused, correct or not, so
guessing cannot go on quietly, neither spread over many addresses nor over
many codes.
"""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select, update

from app.domain.status import Status, is_overdue
from server.auth import client_address, database
from server.common import digest, now
from server.dossiers import status_label
from server.html import esc, page, status_badge, time_tag
from server.lookupkey import lookup_digest
from server.models import Dossier, Office

router = APIRouter(tags=["public"])
_DUMMY_DIGEST = digest("no dossier has this secret")
Text = Annotated[str | None, Query(max_length=100)]


def mask_name(full_name: str) -> str:
    """``Nguyễn Văn An`` → ``Nguyễn V. A``: family name, then initials only."""
    words = full_name.split()
    if not words:
        return ""
    if len(words) == 1:
        return f"{words[0][0]}."
    middle = [f"{w[0]}." for w in words[1:-1]]
    return " ".join([words[0], *middle, words[-1][0]])


def _form(code: str = "", error: str = "") -> str:
    message = f'<div class="error">{esc(error)}</div>' if error else ""
    return f"""<section class="card">
<h2>Tra cứu tình trạng hồ sơ</h2>
{message}<form method="get" action="/tra-cuu">
<label for="ma">Mã hồ sơ</label>
<input id="ma" name="ma" value="{esc(code)}" placeholder="000.00.24.H47-260213-0001"
 autocomplete="off" required maxlength="100">
<label for="k">Mã tra cứu (in trên giấy tiếp nhận)</label>
<input id="k" name="k" autocomplete="off" required maxlength="100">
<button type="submit">Tra cứu</button>
</form></section>"""


def _not_found(code: str) -> Response:
    return page(
        "Tra cứu hồ sơ",
        _form(
            code,
            "Không tìm thấy hồ sơ. Hãy kiểm tra lại mã hồ sơ và mã tra cứu in trên "
            "giấy tiếp nhận và hẹn trả kết quả.",
        ),
        status_code=404,
    )


def _too_many(retry_after: int) -> Response:
    return page(
        "Tra cứu hồ sơ",
        '<section class="card"><div class="error">Bạn đã tra cứu sai quá nhiều lần. '
        "Hãy thử lại sau ít phút.</div></section>",
        status_code=429,
        headers={"Retry-After": str(retry_after)},
    )


@router.get("/tra-cuu", response_class=HTMLResponse)
def lookup_form(request: Request, ma: Text = None, k: Text = None) -> Response:
    """The plain form; submitted, it goes to the dossier's own address."""
    if ma and k:
        url = f"/tra-cuu/{quote(ma.strip(), safe='')}?k={quote(k.strip(), safe='')}"
        return RedirectResponse(url, status_code=303)
    return page("Tra cứu hồ sơ", _form(ma or ""))


# A path converter: a code with a slash still gets the page's own "not found".
@router.get("/tra-cuu/{code:path}", response_class=HTMLResponse)
def lookup(code: str, request: Request, k: Text = None) -> Response:
    """Procedure, status and dates of one dossier, for whoever holds its receipt."""
    code = code.strip()[:100]
    if not k:
        return page("Tra cứu hồ sơ", _form(code))
    settings = request.app.state.settings
    misses = request.app.state.misses
    keys = (f"lookup-addr:{client_address(request)}", f"lookup-code:{code.upper()}")
    wait = misses.retry_after(
        zip(keys, (settings.lookup_address_limit, settings.lookup_miss_limit), strict=True)
    )
    if wait:
        return _too_many(wait)
    with database(request).read() as session:
        row = session.execute(
            select(Dossier, Office.name)
            .join(Office, Office.id == Dossier.office_id)
            .where(Dossier.code == code.upper())
        ).first()
        stored = row[0].lookup_hash if row else _DUMMY_DIGEST
        secret = k.strip()
        keyed = lookup_digest(request.app.state.lookup_key, secret)
        # Both compared, always: the work must not depend on which one matches.
        matches_keyed = hmac.compare_digest(keyed, stored)
        matches_legacy = hmac.compare_digest(digest(secret), stored)
        if (matches_keyed or matches_legacy) and row is not None:
            dossier, office_name = row
            if matches_legacy:
                _upgrade(request, dossier.id, keyed)
            return _result(dossier, office_name)
    misses.miss(*keys)
    return _not_found(code)


def _upgrade(request: Request, dossier_id: int, keyed: str) -> None:
    """Replace an unsalted digest stored before the server key by the HMAC."""
    with database(request).write() as session:
        session.execute(update(Dossier).where(Dossier.id == dossier_id).values(lookup_hash=keyed))


def _result(dossier: Dossier, office_name: str) -> Response:
    late = (
        '<span class="late">Quá hạn</span>'
        if is_overdue(Status(dossier.status), dossier.due_at, now())
        else ""
    )
    returned = (
        f"<dt>Ngày trả kết quả</dt><dd>{time_tag(dossier.returned_at)}</dd>"
        if dossier.returned_at
        else ""
    )
    body = f"""<section class="card">
<h2>Hồ sơ {esc(dossier.code)}</h2>
<dl>
<dt>Trạng thái</dt><dd>{status_badge(dossier.status, status_label(dossier.status))}{late}</dd>
<dt>Thủ tục</dt><dd>{esc(dossier.procedure_name)}</dd>
<dt>Người nộp</dt><dd>{esc(mask_name(dossier.applicant_name))}</dd>
<dt>Ngày tiếp nhận</dt><dd>{time_tag(dossier.received_at)}</dd>
<dt>Ngày hẹn trả kết quả</dt><dd>{time_tag(dossier.due_at)}</dd>
{returned}<dt>Nơi tiếp nhận</dt><dd>{esc(office_name)}</dd>
</dl>
<p class="muted">Cập nhật lúc {time_tag(now())}.</p>
</section>"""
    return page("Tra cứu hồ sơ", body)
