"""The citizen's feedback on the public page: sent from a dossier's status page (with
the receipt's secret), and followed on the item's own page (with the link it gives).

The same rules as the status page hold: the secret is checked in constant
time, wrong secrets are counted per address and per code, and past the limit
the page refuses, right or wrong. Sending is counted too (per address and per
dossier), so the form cannot be used to flood the register.
"""

from __future__ import annotations

import hmac
import re
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select

from app.sync import protocol as p
from server import feedback, feedback_pages
from server.auth import client_address, database
from server.common import digest
from server.html import page
from server.lookupkey import lookup_digest
from server.models import Feedback, Office
from server.routers import public

router = APIRouter(tags=["public"], include_in_schema=False)
_DUMMY = digest("no feedback has this secret")
# Feedback one dossier may send within the look-up window, and one address.
SENDS_PER_DOSSIER = 3
SENDS_PER_ADDRESS = 10
Field = Annotated[str, Form(max_length=1_000_000)]

# The counter's rule (app.feedback.intake_rules): a number someone can call back.
_PHONE = re.compile(r"^\+?[0-9][0-9 .-]{7,18}[0-9]$")
_REQUIRED = {"ho_ten": "họ và tên", "dia_chi": "địa chỉ", "dien_thoai": "số điện thoại"}


def _check(values: dict[str, str]) -> str | None:
    """The refusal to show, in Vietnamese, or None when the form can be received."""
    missing = [label for key, label in _REQUIRED.items() if not values[key].strip()]
    if missing:
        return (
            "Không tiếp nhận phản ánh, kiến nghị nặc danh: hãy ghi rõ họ tên, địa chỉ và số "
            f"điện thoại. Còn thiếu: {', '.join(missing)}."
        )
    phone = " ".join(values["dien_thoai"].split())
    if not _PHONE.match(phone):
        return f"Số điện thoại “{phone[:40]}” không hợp lệ (cần 9–20 chữ số)."
    content = values["noi_dung"].replace("\r\n", "\n").strip()
    if not content:
        return "Chưa có nội dung phản ánh."
    if len(content) > p.MAX_FEEDBACK_TEXT:
        return (
            f"Nội dung phản ánh dài {len(content):,} ký tự, quá giới hạn "
            f"{p.MAX_FEEDBACK_TEXT:,} ký tự. Hãy tóm tắt nội dung chính.".replace(",", ".")
        )
    for value in values.values():
        if p.unfit_character(value.replace("\r\n", "\n")) is not None:
            return "Nội dung gửi lên chứa ký tự điều khiển không hợp lệ."
    return None


@router.post("/tra-cuu/{code}/phan-anh", response_class=HTMLResponse)
def send(
    code: str,
    request: Request,
    k: Annotated[str, Form(max_length=100)] = "",
    ho_ten: Field = "",
    dia_chi: Field = "",
    dien_thoai: Field = "",
    email: Field = "",
    noi_dung: Field = "",
) -> Response:
    code = code.strip()[:100]
    keys = public._secret_keys(request, code)
    wait = public._secret_wait(request, keys)
    misses = request.app.state.misses
    send_keys = (f"feedback-addr:{client_address(request)}", f"feedback-dossier:{code.upper()}")
    wait = wait or misses.retry_after(
        zip(send_keys, (SENDS_PER_ADDRESS, SENDS_PER_DOSSIER), strict=True)
    )
    if wait:
        return public._too_many(wait, "gửi phản ánh hoặc tra cứu sai")
    values = {
        "ho_ten": ho_ten,
        "dia_chi": dia_chi,
        "dien_thoai": dien_thoai,
        "email": email,
        "noi_dung": noi_dung,
    }
    secret = k.strip()
    db = database(request)
    with db.read() as session:
        row = public._by_secret(request, session, code, secret)
        if row is None:
            misses.miss(*keys)
            return public._not_found(code)
        dossier, office_name = row
        error = _check(values)
        sender = None
        if error is None:
            try:
                sender = p.FeedbackSender(
                    full_name=" ".join(ho_ten.split()),
                    address=" ".join(dia_chi.split()),
                    phone=" ".join(dien_thoai.split()),
                    email=" ".join(email.split()) or None,
                )
            except ValidationError:
                error = "Họ tên, địa chỉ, số điện thoại hoặc thư điện tử dài quá mức cho phép."
        if error is not None:
            response = public._result(
                dossier,
                office_name,
                secret,
                False,
                feedback_pages.about_dossier(public.feedback_about(session, dossier))
                + feedback_pages.form(dossier.code, secret, error, values),
            )
            response.status_code = 400
            return response
        office_id, dossier_code = dossier.office_id, dossier.code
    assert sender is not None
    with db.write() as session:
        office = session.get(Office, office_id)
        assert office is not None
        fb_code, fb_secret = feedback.receive_from_page(
            session,
            office,
            request.app.state.lookup_key,
            sender=sender,
            content=noi_dung.replace("\r\n", "\n").strip(),
            dossier_code=dossier_code,
        )
    misses.miss(*send_keys)
    return RedirectResponse(
        f"/phan-anh/{quote(fb_code, safe='')}?k={quote(fb_secret, safe='')}&moi=1",
        status_code=303,
    )


@router.get("/phan-anh/{code:path}", response_class=HTMLResponse)
def status(
    code: str,
    request: Request,
    k: Annotated[str | None, Query(max_length=100)] = None,
    moi: str = "",
) -> Response:
    """One item's state, deadlines and answer, for whoever holds its link."""
    code = code.strip()[:100]
    keys = (f"lookup-addr:{client_address(request)}", f"feedback-code:{code.upper()}")
    settings = request.app.state.settings
    misses = request.app.state.misses
    wait = misses.retry_after(
        zip(keys, (settings.lookup_address_limit, settings.lookup_miss_limit), strict=True)
    )
    if wait:
        return public._too_many(wait)
    secret = (k or "").strip()
    with database(request).read() as session:
        found = session.execute(
            select(Feedback, Office.name)
            .join(Office, Office.id == Feedback.office_id)
            .where(Feedback.code == code.upper())
        ).first()
        stored = found[0].lookup_hash if found else _DUMMY
        ok = hmac.compare_digest(lookup_digest(request.app.state.lookup_key, secret), stored)
        if not ok or found is None or not secret:
            misses.miss(*keys)
            return page(
                "Phản ánh, kiến nghị",
                '<section class="card"><div class="error">Không tìm thấy phản ánh. Hãy kiểm '
                "tra lại đường dẫn hoặc mã QR trên phiếu tiếp nhận.</div></section>",
                status_code=404,
            )
        row, office_name = found
        body = feedback_pages.status(row, office_name)
    if moi:
        body = (
            '<div class="ok" role="status">Đã tiếp nhận phản ánh của bạn. Hãy lưu lại đường dẫn '
            "của trang này để theo dõi câu trả lời.</div>" + body
        )
    return page("Phản ánh, kiến nghị", body)
