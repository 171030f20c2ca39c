"""The citizen's status page, reached from the QR code on the receipt, or by code alone.

With the code alone (read over the phone, typed from a photocopy) the page
shows the procedure, the status, the received and due dates, the office and
whether the result is ready: never a name, the history or notes. An unknown
code gets the same page with those fields saying nothing was found. Every
code-only look-up counts against the address and the code, so codes cannot
be walked through quietly.

With the receipt's secret the page shows the masked applicant and, where the
office allows it, offers the digitized result to whoever also knows the last
four digits of the applicant's ID number, watermarked with the dossier code;
each download is recorded in the dossier's history.

Without the right secret the full page reveals nothing: a wrong secret and a code
that does not exist get the same bytes after the same work (one query, one
constant-time comparison against a stored or a dummy digest). Misses are
counted in the database per dossier code (from whatever addresses) and per
client address; past either limit the look-up is refused, correct or not, so
guessing cannot go on quietly, neither spread over many addresses nor over
many codes.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select, update

from app.domain.codes import parse_code
from app.domain.errors import DomainError
from app.domain.status import Status, is_overdue
from server import feedback_pages
from server.auth import client_address, database
from server.common import digest, now
from server.dossiers import status_label
from server.html import esc, mask_name, page, status_badge, time_tag
from server.lookupkey import lookup_digest
from server.models import BlobOffice, Dossier, DossierHistory, DossierResult, Feedback, Office
from server.rating_pages import section as rating_section
from server.ratings import rated_stages

router = APIRouter(tags=["public"])
_DUMMY_DIGEST = digest("no dossier has this secret")
Text = Annotated[str | None, Query(max_length=100)]


def _form(code: str = "", error: str = "") -> str:
    message = f'<div class="error" role="alert">{esc(error)}</div>' if error else ""
    return f"""<section class="card">
<h2>Tra cứu tình trạng hồ sơ</h2>
{message}<form method="get" action="/tra-cuu">
<label for="ma">Mã hồ sơ</label>
<input id="ma" name="ma" value="{esc(code)}" placeholder="000.00.24.H47-260213-0001"
 autocomplete="off" autocapitalize="characters" inputmode="text" required maxlength="100">
<label for="k">Mã tra cứu (in trên giấy tiếp nhận, không bắt buộc)</label>
<input id="k" name="k" autocomplete="off" maxlength="100">
<p class="muted">Chỉ có mã hồ sơ: xem tình trạng và ngày hẹn. Có thêm mã tra cứu
(hoặc quét mã QR trên giấy tiếp nhận): xem thêm thông tin người nộp.</p>
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


def _too_many(retry_after: int, what: str = "tra cứu sai") -> Response:
    return page(
        "Tra cứu hồ sơ",
        f'<section class="card"><div class="error">Bạn đã {what} quá nhiều lần. '
        "Hãy thử lại sau ít phút.</div></section>",
        status_code=429,
        headers={"Retry-After": str(retry_after)},
    )


@router.get("/tra-cuu", response_class=HTMLResponse)
def lookup_form(request: Request, ma: Text = None, k: Text = None) -> Response:
    """The plain form; submitted, it goes to the dossier's own address."""
    if ma and ma.strip():
        url = f"/tra-cuu/{quote(ma.strip(), safe='')}"
        if k and k.strip():
            url += f"?k={quote(k.strip(), safe='')}"
        return RedirectResponse(url, status_code=303)
    return page("Tra cứu hồ sơ", _form(ma or ""))


def _valid_code(code: str) -> str | None:
    """The code in its canonical form, or None when it is not a dossier code at all."""
    try:
        parse_code(code)
    except (DomainError, ValueError):
        return None
    return code.upper()


# A path converter: a code with a slash still gets the page's own answer.
@router.get("/tra-cuu/{code:path}", response_class=HTMLResponse)
def lookup(code: str, request: Request, k: Text = None) -> Response:
    """Procedure, status and dates of one dossier: by code alone, or with the receipt's secret."""
    code = code.strip()[:100]
    if not k:
        return _code_only(code, request)
    keys = _secret_keys(request, code)
    wait = _secret_wait(request, keys)
    if wait:
        return _too_many(wait)
    secret = k.strip()
    with database(request).read() as session:
        row = _by_secret(request, session, code, secret)
        if row is not None:
            dossier, office_name = row
            return _result(
                dossier,
                office_name,
                secret,
                _copy_offered(session, dossier),
                rating_section(dossier, secret, rated_stages(session, dossier.id))
                + feedback_pages.about_dossier(feedback_about(session, dossier))
                + feedback_pages.form(dossier.code, secret),
            )
    request.app.state.misses.miss(*keys)
    return _not_found(code)


def _secret_keys(request: Request, code: str) -> tuple[str, str]:
    """Wrong secrets are counted per address and per dossier code."""
    return (f"lookup-addr:{client_address(request)}", f"lookup-code:{code.upper()}")


def _secret_wait(request: Request, keys: tuple[str, str]) -> int:
    settings = request.app.state.settings
    limits = (settings.lookup_address_limit, settings.lookup_miss_limit)
    return request.app.state.misses.retry_after(zip(keys, limits, strict=True))


def _by_secret(request: Request, session: Any, code: str, secret: str) -> Any:
    """The dossier and its office's name when ``secret`` is its receipt's, else None."""
    row = session.execute(
        select(Dossier, Office.name)
        .join(Office, Office.id == Dossier.office_id)
        .where(Dossier.code == code.upper())
    ).first()
    stored = row[0].lookup_hash if row else _DUMMY_DIGEST
    keyed = lookup_digest(request.app.state.lookup_key, secret)
    # Both compared, always: the work must not depend on which one matches.
    matches_keyed = hmac.compare_digest(keyed, stored)
    matches_legacy = hmac.compare_digest(digest(secret), stored)
    if not (matches_keyed or matches_legacy) or row is None:
        return None
    if matches_legacy:
        _upgrade(request, row[0].id, keyed)
    return row


def _upgrade(request: Request, dossier_id: int, keyed: str) -> None:
    """Replace an unsalted digest stored before the server key by the HMAC."""
    with database(request).write() as session:
        session.execute(update(Dossier).where(Dossier.id == dossier_id).values(lookup_hash=keyed))


def _code_only(code: str, request: Request) -> Response:
    canonical = _valid_code(code)
    if canonical is None:
        return page(
            "Tra cứu hồ sơ",
            _form(
                code,
                "Mã hồ sơ không đúng dạng. Mã in trên giấy tiếp nhận có dạng "
                "000.00.24.H47-260213-0001.",
            ),
            status_code=400,
        )
    settings = request.app.state.settings
    counts = request.app.state.misses
    # Every code-only look-up counts: the address (walking through codes) and
    # the code (many addresses asking after one dossier).
    keys = (f"code-only-addr:{client_address(request)}", f"code-only:{canonical}")
    # A dossier's code is shared more widely than one address's guesses.
    limits = (settings.lookup_address_limit, 3 * settings.lookup_address_limit)
    wait = counts.retry_after(zip(keys, limits, strict=True))
    if wait:
        return _too_many(wait, "tra cứu")
    counts.miss(*keys)
    with database(request).read() as session:
        row = session.execute(
            select(Dossier, Office.name)
            .join(Office, Office.id == Dossier.office_id)
            .where(Dossier.code == canonical)
        ).first()
    return _summary(canonical, row)


def _ready_text(dossier: Dossier) -> str:
    status = Status(dossier.status)
    if status is Status.RETURNED:
        return "Đã trả kết quả"
    if status is Status.RESOLVED:
        return "Đã có kết quả, mời đến nhận"
    return "Chưa có kết quả"


def _summary(code: str, row: Any) -> Response:
    """The same page for a known and an unknown code; only the fields differ."""
    if row is None:
        fields = {
            "Trạng thái": "Không tìm thấy hồ sơ có mã này",
            "Thủ tục": "—",
            "Ngày tiếp nhận": "—",
            "Ngày hẹn trả kết quả": "—",
            "Kết quả": "—",
            "Nơi tiếp nhận": "—",
        }
        items = "".join(f"<dt>{k}</dt><dd>{esc(v)}</dd>" for k, v in fields.items())
    else:
        dossier, office_name = row
        late = (
            '<span class="late">Quá hạn</span>'
            if dossier.cancelled_at is None
            and is_overdue(Status(dossier.status), dossier.due_at, now())
            else ""
        )
        if dossier.cancelled_at is not None:
            late = '<span class="late">Đã hủy (hồ sơ nhập nhầm)</span>'
        items = (
            f"<dt>Trạng thái</dt><dd>{status_badge(dossier.status, status_label(dossier.status))}"
            f"{late}</dd>"
            f"<dt>Thủ tục</dt><dd>{esc(dossier.procedure_name)}</dd>"
            f"<dt>Ngày tiếp nhận</dt><dd>{time_tag(dossier.received_at)}</dd>"
            f"<dt>Ngày hẹn trả kết quả</dt><dd>{time_tag(dossier.due_at)}</dd>"
            f"<dt>Kết quả</dt><dd>{esc(_ready_text(dossier))}</dd>"
            f"<dt>Nơi tiếp nhận</dt><dd>{esc(office_name)}</dd>"
        )
    body = f"""<section class="card" id="ho-so">
<h2>Hồ sơ {esc(code)}</h2>
<dl>{items}</dl>
<p class="muted">Tra cứu bằng mã hồ sơ. Quét mã QR trên giấy tiếp nhận để xem thêm.
Cập nhật lúc {time_tag(now())}.</p>
</section>{_form(code)}"""
    if row is None:
        return page("Tra cứu hồ sơ", body)
    return page("Tra cứu hồ sơ", body, subtitle=office_name)


def _copy_offered(session: Any, dossier: Dossier) -> bool:
    """The office lets citizens download results, and this dossier's is on the server."""
    office = session.get(Office, dossier.office_id)
    if office is None or not office.citizen_copy:
        return False
    result = session.scalar(select(DossierResult).where(DossierResult.dossier_id == dossier.id))
    if result is None:
        return False
    return session.get(BlobOffice, (result.sha256, dossier.office_id)) is not None


def _copy_form(code: str, secret: str, error: str = "") -> str:
    message = f'<div class="error" role="alert">{esc(error)}</div>' if error else ""
    return f"""<section class="card" id="ban-sao">
<h2>Bản sao kết quả</h2>
{message}<form method="post" action="/tra-cuu/{esc(quote(code, safe=""))}/ban-sao">
<input type="hidden" name="k" value="{esc(secret)}">
<label for="cuoi">Bốn số cuối số định danh (CCCD) của người nộp</label>
<input id="cuoi" name="cuoi" inputmode="numeric" pattern="[0-9]{{4}}" maxlength="4" required
 autocomplete="off">
<button type="submit">Tải bản sao (PDF)</button>
</form></section>"""


def feedback_about(session: Any, dossier: Dossier) -> list[Feedback]:
    """Feedback sent about this dossier (from the counter or this page), oldest first."""
    return list(
        session.scalars(
            select(Feedback)
            .where(Feedback.office_id == dossier.office_id, Feedback.dossier_code == dossier.code)
            .order_by(Feedback.received_at, Feedback.id)
        )
    )


def _result(
    dossier: Dossier,
    office_name: str,
    secret: str = "",
    copy_offered: bool = False,
    extra: str = "",
) -> Response:
    late = (
        '<span class="late">Quá hạn</span>'
        if dossier.cancelled_at is None
        and is_overdue(Status(dossier.status), dossier.due_at, now())
        else ""
    )
    if dossier.cancelled_at is not None:
        late = '<span class="late">Đã hủy (hồ sơ nhập nhầm)</span>'
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
    if copy_offered:
        body += _copy_form(dossier.code, secret)
    return page("Tra cứu hồ sơ", body + extra, subtitle=office_name)


@router.post("/tra-cuu/{code}/ban-sao", response_class=Response)
def citizen_copy(
    code: str,
    request: Request,
    k: Annotated[str, Form(max_length=100)] = "",
    cuoi: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """The digitized result, for whoever holds the receipt's secret and the ID's last digits."""
    from server.watermark import mark

    code = code.strip()[:100]
    keys = _secret_keys(request, code)
    misses = request.app.state.misses
    wait = _secret_wait(request, keys)
    if wait:
        return _too_many(wait)
    db = database(request)
    secret = k.strip()
    with db.read() as session:
        row = _by_secret(request, session, code, secret)
        if row is None:
            misses.miss(*keys)
            return _not_found(code)
        dossier, office_name = row
        if not _copy_offered(session, dossier):
            return _result(dossier, office_name, k.strip(), False)
        id_number = str((dossier.intake or {}).get("applicant", {}).get("id_number") or "")
        given = cuoi.strip()
        if len(id_number) < 4 or not hmac.compare_digest(given.encode(), id_number[-4:].encode()):
            misses.miss(*keys)
            response = _result(dossier, office_name, k.strip(), False)
            body = response.body.decode("utf-8").replace(
                "</main>",
                _copy_form(
                    dossier.code,
                    k.strip(),
                    "Bốn số cuối không khớp với giấy tờ của người nộp hồ sơ.",
                )
                + "</main>",
            )
            return HTMLResponse(body, status_code=403)
        result = session.scalar(select(DossierResult).where(DossierResult.dossier_id == dossier.id))
        sha, dossier_id, dossier_code = result.sha256, dossier.id, dossier.code
    path = request.app.state.store.path_for(sha)
    data = path.read_bytes() if path.is_file() else b""
    if hashlib.sha256(data).hexdigest() != sha:
        return page(
            "Tra cứu hồ sơ",
            '<section class="card"><div class="error">Bản sao kết quả tạm thời chưa tải được. '
            "Hãy thử lại sau hoặc liên hệ nơi tiếp nhận hồ sơ.</div></section>",
            status_code=503,
        )
    watermarked = mark(data, dossier_code)
    stamp = now()
    with db.write() as session:
        session.add(
            DossierHistory(
                dossier_id=dossier_id,
                at=stamp,
                source="public",
                note=f"Người dân tải bản sao kết quả từ trang tra cứu ({client_address(request)}).",
                recorded_at=stamp,
            )
        )
    return Response(
        watermarked,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="ket-qua-{dossier_code}.pdf"',
            "Cache-Control": "no-store",
        },
    )
