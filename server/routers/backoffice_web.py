"""The back-office web page: a session cookie, a list, and a form per dossier.

Forms carry the session's CSRF token and the cookie is ``SameSite=Strict``,
so another site cannot make a signed-in officer's browser move a dossier.
The sign-in form has a token too, held in a cookie of its own until a session
exists (a double-submit check), so another site cannot sign a browser in as
someone else either. Cookies are ``Secure`` whenever the request came over
HTTPS: directly, or by ``X-Forwarded-Proto`` from a proxy the server trusts
(uvicorn honours the header only from ``--forwarded-allow-ips``).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.domain.errors import DomainError
from app.sync.protocol import unfit_character
from server import backoffice, backoffice_pages, report_pages, reports
from server.auth import SESSION_COOKIE, OfficerContext, database, officer_from_token
from server.common import ApiError, now
from server.routers.backoffice_api import guarded_login

router = APIRouter(prefix=backoffice_pages.BASE, tags=["back office"], include_in_schema=False)
FormText = Annotated[str, Form(max_length=4000)]
LOGIN_CSRF_COOKIE = "motcua_bo_login"


def _secure(request: Request) -> bool:
    return request.app.state.settings.secure_cookies or request.url.scheme == "https"


def _set_cookie(request: Request, response: Response, name: str, value: str, age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=age,
        path=backoffice_pages.BASE,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
    )


def _login_page(request: Request, error: str = "", status_code: int = 200) -> Response:
    """The sign-in form with a fresh anti-forgery token, set in its cookie too."""
    token = secrets.token_urlsafe(24)
    response = backoffice_pages.login_page(token, error, status_code)
    _set_cookie(request, response, LOGIN_CSRF_COOKIE, token, 3600)
    return response


def _unfit_form(*values: str) -> Response | None:
    """A 400 page when a form field holds control characters (PostgreSQL refuses NUL)."""
    for value in values:
        if unfit_character(value.replace("\r\n", "\n")) is not None:
            return HTMLResponse(
                "Dữ liệu gửi lên chứa ký tự điều khiển không hợp lệ.", status_code=400
            )
    return None


def _officer(request: Request) -> OfficerContext | None:
    return officer_from_token(database(request), request.cookies.get(SESSION_COOKIE))


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _checked(request: Request, csrf: str) -> OfficerContext | Response:
    """The signed-in officer, or the answer to give instead (sign-in page, 403)."""
    officer = _officer(request)
    if officer is None:
        return _login_page(request, "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.", 401)
    if not hmac.compare_digest(csrf.encode(), officer.csrf_token.encode()):
        return HTMLResponse("Yêu cầu không hợp lệ (sai mã chống giả mạo).", status_code=403)
    return officer


@router.get("", response_class=HTMLResponse)
def home(request: Request, trang_thai: str = "4", q: str = "") -> Response:
    officer = _officer(request)
    if officer is None:
        return _login_page(request)
    status = int(trang_thai) if trang_thai.isdigit() and 1 <= int(trang_thai) <= 10 else None
    search = q[:100]
    dossiers = backoffice.list_dossiers(database(request), officer, status, search)
    return backoffice_pages.list_page(officer, dossiers, status, search)


@router.get("/bao-cao", response_class=HTMLResponse)
def report(request: Request, tu: str = "", den: str = "") -> Response:
    officer = _officer(request)
    if officer is None:
        return _login_page(request)
    today = now().date()
    start = tu[:10] or today.replace(day=1).isoformat()
    end = den[:10] or today.isoformat()
    try:
        first, last = reports.parse_period(start, end)
    except DomainError as exc:
        return report_pages.report_page(officer, start, end, None, exc.message_vi)
    data = reports.indicators(database(request), officer.office_ids, first, last, now())
    return report_pages.report_page(officer, start, end, data)


@router.post("/dang-nhap")
def sign_in(
    request: Request,
    username: Annotated[str, Form(max_length=40)],
    password: Annotated[str, Form(max_length=200)],
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(csrf.encode(), expected.encode()):
        return _login_page(
            request, "Trang đăng nhập đã hết hạn hoặc không hợp lệ; hãy đăng nhập lại.", 403
        )
    unfit = _unfit_form(username, password)
    if unfit is not None:
        return unfit
    try:
        token, _expires, _officer = guarded_login(request, username, password)
    except ApiError as exc:
        return _login_page(request, exc.message, exc.status)
    settings = request.app.state.settings
    response = _redirect(backoffice_pages.BASE)
    _set_cookie(
        request, response, SESSION_COOKIE, token, int(settings.officer_session_hours * 3600)
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=backoffice_pages.BASE)
    return response


@router.post("/dang-xuat")
def sign_out(request: Request, csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    checked = _checked(request, csrf)
    if isinstance(checked, Response):
        return checked
    backoffice.logout(database(request), request.cookies.get(SESSION_COOKIE))
    response = _redirect(backoffice_pages.BASE)
    response.delete_cookie(SESSION_COOKIE, path=backoffice_pages.BASE)
    return response


@router.get("/ho-so/{code}", response_class=HTMLResponse)
def dossier(code: str, request: Request, ok: str = "") -> Response:
    officer = _officer(request)
    if officer is None:
        return _login_page(request)
    try:
        detail = backoffice.get_detail(database(request), officer, code)
    except ApiError as exc:
        return HTMLResponse(exc.message, status_code=exc.status)
    notice = {"trang-thai": "Đã cập nhật trạng thái.", "tien-do": "Đã ghi tiến độ."}.get(ok, "")
    return backoffice_pages.detail_page(officer, detail, ok=notice)


def _after_change(
    request: Request,
    officer: OfficerContext,
    code: str,
    action: Callable[[], object],
    kind: str,
) -> Response:
    try:
        action()
    except ApiError as exc:
        try:
            detail = backoffice.get_detail(database(request), officer, code)
        except ApiError:
            return HTMLResponse(exc.message, status_code=exc.status)
        return backoffice_pages.detail_page(
            officer, detail, error=exc.message, status_code=exc.status
        )
    return _redirect(f"{backoffice_pages.BASE}/ho-so/{quote(code, safe='')}?ok={kind}")


@router.post("/ho-so/{code}/trang-thai")
def change_status(
    code: str,
    request: Request,
    to_status: Annotated[int, Form(ge=1, le=10)],
    csrf: Annotated[str, Form(max_length=100)],
    note: FormText = "",
) -> Response:
    checked = _checked(request, csrf)
    if isinstance(checked, Response):
        return checked
    unfit = _unfit_form(code, note)
    if unfit is not None:
        return unfit
    return _after_change(
        request,
        checked,
        code,
        lambda: backoffice.change_status(database(request), checked, code, to_status, note.strip()),
        "trang-thai",
    )


@router.post("/ho-so/{code}/tien-do")
def add_progress(
    code: str,
    request: Request,
    note: Annotated[str, Form(min_length=1, max_length=4000)],
    csrf: Annotated[str, Form(max_length=100)],
) -> Response:
    checked = _checked(request, csrf)
    if isinstance(checked, Response):
        return checked
    unfit = _unfit_form(code, note)
    if unfit is not None:
        return unfit
    return _after_change(
        request,
        checked,
        code,
        lambda: backoffice.add_progress(database(request), checked, code, note.strip()),
        "tien-do",
    )
