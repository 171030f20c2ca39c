"""The back office's feedback register: list (all or overdue) and answer, as JSON and as a page.

An answer is written once; it reaches the station that received the item on
its next pull and shows at once on the item's public status page.
"""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.domain.errors import DomainError
from app.domain.feedback_clock import CHANNEL_LABELS, DEADLINE_LABELS, KIND_LABELS, OUTCOME_LABELS
from app.sync import protocol as p
from server import feedback
from server.auth import (
    SESSION_COOKIE,
    OfficerContext,
    database,
    officer_context,
    officer_from_token,
)
from server.backoffice_pages import BASE, SUBTITLE, TITLE
from server.common import ApiError, now
from server.html import esc, page, time_tag

router = APIRouter(tags=["back office"])
Officer = Annotated[OfficerContext, Depends(officer_context)]
PAGE = f"{BASE}/phan-anh"


def _load(request: Request, officer: OfficerContext, code: str):
    with database(request).read() as session:
        row = feedback.find_for(session, list(officer.office_ids), code)
        if row is None:
            raise ApiError(404, "not_found", "Không tìm thấy phản ánh.", "No such feedback.")
        return row


@router.get(f"{p.API_PREFIX}/backoffice/feedback", response_model=p.FeedbackList)
def list_feedback(request: Request, officer: Officer, overdue: bool = False) -> p.FeedbackList:
    """Feedback of the officer's agency and the offices under it, newest first."""
    with database(request).read() as session:
        return p.FeedbackList(
            feedback=feedback.list_for(session, list(officer.office_ids), overdue=overdue)
        )


def _answer(
    request: Request, officer: OfficerContext, code: str, text: str, outcome: str = "answered"
) -> p.FeedbackSummary:
    with database(request).write() as session:
        row = feedback.find_for(session, list(officer.office_ids), code)
        if row is None:
            raise ApiError(404, "not_found", "Không tìm thấy phản ánh.", "No such feedback.")
        try:
            feedback.answer_in_backoffice(session, row, text, officer.full_name, outcome)
        except DomainError as exc:
            raise ApiError(409, exc.code, exc.message_vi, exc.message_en) from None
        session.flush()
        office_code = officer.office_code
        return feedback.summary(row, office_code, now().date())


@router.post(
    f"{p.API_PREFIX}/backoffice/feedback/{{code}}/answer", response_model=p.FeedbackSummary
)
def answer_feedback(
    code: str, body: p.FeedbackAnswerRequest, request: Request, officer: Officer
) -> p.FeedbackSummary:
    """Record the answer (once; 409 when one exists) and publish it on the status page."""
    return _answer(request, officer, code, body.answer, body.outcome)


# --- the page -------------------------------------------------------------------------


def _officer(request: Request) -> OfficerContext | None:
    return officer_from_token(database(request), request.cookies.get(SESSION_COOKIE))


def _multiline(value: str | None) -> str:
    return "<br>".join(esc(line) for line in (value or "").split("\n"))


def _item_html(item: p.FeedbackSummary, csrf: str) -> str:
    due = "".join(
        f"<li>{esc(DEADLINE_LABELS.get(k, k))}: {v:%d/%m/%Y}</li>" for k, v in item.due.items()
    )
    late = ' <span class="late">Quá hạn</span>' if item.overdue else ""
    if item.waiting_for_sender:
        late = ' <span class="muted">Chờ người gửi bổ sung thông tin</span>'
    if item.answer is not None:
        answer = (
            f"<p><strong>{esc(OUTCOME_LABELS.get(item.outcome or 'answered', ''))}</strong> "
            f"{time_tag(item.answered_at)}"
            f" ({esc(item.answered_by or '')}):</p><p>{_multiline(item.answer)}</p>"
        )
    else:
        answer = f"""<form method="post" action="{PAGE}/{esc(quote(item.code, safe=""))}/tra-loi">
<input type="hidden" name="csrf" value="{esc(csrf)}">
<label for="kq-{esc(item.code)}">Cách xử lý</label>
<select id="kq-{esc(item.code)}" name="outcome">
<option value="answered">Trả lời</option>
<option value="rejected">Từ chối tiếp nhận (ghi lý do)</option>
<option value="forwarded">Chuyển cơ quan có thẩm quyền (ghi nơi nhận)</option>
</select>
<label for="tl-{esc(item.code)}">Nội dung</label>
<textarea id="tl-{esc(item.code)}" name="answer" required maxlength="{p.MAX_FEEDBACK_TEXT}"
 rows="4"></textarea>
<button type="submit">Ghi và công khai câu trả lời</button></form>"""
    about = f"; hồ sơ {esc(item.dossier_code)}" if item.dossier_code else ""
    channel = esc(CHANNEL_LABELS.get(item.channel, item.channel))
    return f"""<section class="card" id="{esc(item.code)}">
<h2>{esc(item.code)}{late}</h2>
<p class="muted">{time_tag(item.received_at)} · {channel}
 · {esc(KIND_LABELS.get(item.kind, item.kind))}{about}</p>
<p><strong>{esc(item.sender_name)}</strong>, {esc(item.sender_address)},
 {esc(item.sender_phone)}</p>
<p>{_multiline(item.content)}</p>
<ul>{due}</ul>
{answer}</section>"""


@router.get(PAGE, response_class=HTMLResponse, include_in_schema=False)
def register_page(request: Request, qua_han: str = "", ok: str = "", loi: str = "") -> Response:
    officer = _officer(request)
    if officer is None:
        return RedirectResponse(BASE, status_code=303)
    with database(request).read() as session:
        items = feedback.list_for(session, list(officer.office_ids), overdue=qua_han == "1")
    notice = '<div class="ok">Đã ghi câu trả lời.</div>' if ok else ""
    if loi:
        notice = f'<div class="error">{esc(loi[:300])}</div>'
    body = (
        f"""<section class="card row"><div><strong>{esc(officer.full_name)}</strong>
 · <a href="{BASE}">Hồ sơ</a> · <a href="{PAGE}">Phản ánh, kiến nghị</a>
 · <a href="{PAGE}?qua_han=1">Quá hạn</a></div></section>{notice}"""
        + "".join(_item_html(i, officer.csrf_token) for i in items)
        + ("" if items else '<section class="card"><p>Không có phản ánh nào.</p></section>')
    )
    return page(TITLE, body, subtitle=SUBTITLE)


@router.post(f"{PAGE}/{{code}}/tra-loi", include_in_schema=False)
def answer_page(
    code: str,
    request: Request,
    csrf: Annotated[str, Form(max_length=100)],
    answer: Annotated[str, Form(min_length=1, max_length=p.MAX_FEEDBACK_TEXT)],
    outcome: Annotated[str, Form(max_length=20)] = "answered",
) -> Response:
    officer = _officer(request)
    if officer is None:
        return RedirectResponse(BASE, status_code=303)
    if not hmac.compare_digest(csrf.encode(), officer.csrf_token.encode()):
        return HTMLResponse("Yêu cầu không hợp lệ (sai mã chống giả mạo).", status_code=403)
    text = answer.replace("\r\n", "\n").strip()
    if not text or p.unfit_character(text) is not None:
        return HTMLResponse(
            "Nội dung trả lời trống hoặc chứa ký tự điều khiển không hợp lệ.", status_code=400
        )
    try:
        if outcome not in OUTCOME_LABELS:
            return HTMLResponse("Cách xử lý không hợp lệ.", status_code=400)
        _answer(request, officer, code, text, outcome)
    except ApiError as exc:
        return RedirectResponse(f"{PAGE}?loi={quote(exc.message)}", status_code=303)
    return RedirectResponse(f"{PAGE}?ok=1#{quote(code, safe='')}", status_code=303)
