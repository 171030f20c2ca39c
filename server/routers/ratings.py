"""Satisfaction ratings: the citizen rates on the status page; the back office counts them.

A rating from the status page needs the receipt's secret and counts against
the same limits as the page's look-ups (wrong secrets per address and per
dossier), and every rating sent counts against the address, so the form
cannot be used to flood the office's figures. One rating per dossier and
stage: the first one stays, from the page or from the counter.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.domain import satisfaction
from app.domain.errors import DomainError
from app.sync import protocol as p
from server import rating_pages, reports
from server.auth import OfficerContext, client_address, database, officer_context
from server.backoffice_pages import BASE
from server.common import ApiError, now
from server.dossiers import append_change, lock_office
from server.html import esc, page
from server.models import Dossier
from server.ratings import AlreadyRated, store, summary
from server.routers.backoffice_web import _login_page, _officer
from server.routers.public import _by_secret, _not_found, _secret_keys, _secret_wait, _too_many

router = APIRouter(tags=["ratings"])
Officer = Annotated[OfficerContext, Depends(officer_context)]


def _refused(message: str, status_code: int) -> Response:
    return page(
        "Đánh giá mức độ hài lòng",
        f'<section class="card"><div class="error" role="alert">{esc(message)}</div>'
        '<p><a href="/tra-cuu">Tra cứu hồ sơ</a></p></section>',
        status_code=status_code,
    )


@router.post("/tra-cuu/{code}/danh-gia", include_in_schema=False)
def rate(
    code: str,
    request: Request,
    k: Annotated[str, Form(max_length=100)] = "",
    stage: Annotated[str, Form(alias="giai-doan", max_length=200)] = "",
    score: Annotated[str, Form(alias="diem", max_length=200)] = "",
) -> Response:
    """Keep the citizen's rating of one stage of the dossier, once."""
    code = code.strip()[:100]
    keys = _secret_keys(request, code)
    settings = request.app.state.settings
    misses = request.app.state.misses
    sent = f"rating-addr:{client_address(request)}"
    wait = _secret_wait(request, keys) or misses.retry_after(
        [(sent, settings.lookup_address_limit)]
    )
    if wait:
        return _too_many(wait, "gửi đánh giá")
    misses.miss(sent)
    try:
        stage = satisfaction.check_stage(stage)
        value = satisfaction.check_score(score)
    except DomainError as exc:
        return _refused(exc.message_vi, 400)
    secret = k.strip()
    db = database(request)
    with db.read() as session:
        row = _by_secret(request, session, code, secret)
        if row is None:
            misses.miss(*keys)
            return _not_found(code)
        dossier_id, office_id, canonical = row[0].id, row[0].office_id, row[0].code
    with db.write() as session:
        lock_office(session, office_id)
        dossier = session.get(Dossier, dossier_id)
        if dossier is None or not rating_pages.stage_open(dossier, stage):
            return _refused(
                "Chưa đánh giá được việc trả kết quả: hồ sơ chưa trả kết quả hoặc đã bị hủy.",
                409,
            )
        rating_uuid, rated_at = uuid.uuid4(), now()
        try:
            store(
                session,
                dossier,
                rating_uuid=rating_uuid,
                stage=stage,
                score=value,
                criteria={},
                channel="web",
                rated_at=rated_at,
            )
        except AlreadyRated as exc:
            return _refused(str(exc), 409)
        # The station learns the stage is rated: it will not ask the citizen again.
        append_change(
            session,
            office_id,
            "rating",
            {
                "rating_uuid": str(rating_uuid),
                "stage": stage,
                "score": value,
                "criteria": {},
                "channel": "web",
                "rated_at": p.wire_time(rated_at),
            },
            dossier,
        )
    target = f"/tra-cuu/{quote(canonical, safe='')}?k={quote(secret, safe='')}#danh-gia"
    return RedirectResponse(target, status_code=303)


@router.get(f"{p.API_PREFIX}/backoffice/ratings", tags=["back office"])
def ratings_api(
    request: Request,
    officer: Officer,
    date_from: Annotated[str, Query(alias="from", max_length=10)],
    date_to: Annotated[str, Query(alias="to", max_length=10)],
) -> dict:
    """Ratings of the officer's office and the offices under it: counts per stage and
    score, the satisfied share, and the newest 200 ratings (never who was on the counter)."""
    try:
        start, end = reports.parse_period(date_from, date_to)
    except DomainError as exc:
        raise ApiError(400, exc.code, exc.message_vi, exc.message_en) from None
    with database(request).read() as session:
        found = summary(session, list(officer.office_ids), *_bounds(start, end))
    return {"from": start.isoformat(), "to": end.isoformat(), **found.to_json()}


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min), datetime.combine(end, time.max)


@router.get(f"{BASE}/danh-gia", response_class=HTMLResponse, include_in_schema=False)
def ratings_page(request: Request, tu: str = "", den: str = "") -> Response:
    officer = _officer(request)
    if officer is None:
        return _login_page(request)
    today = now().date()
    start = tu[:10] or today.replace(day=1).isoformat()
    end = den[:10] or today.isoformat()
    try:
        first, last = reports.parse_period(start, end)
    except DomainError as exc:
        return rating_pages.backoffice_page(officer, start, end, None, exc.message_vi)
    with database(request).read() as session:
        found = summary(session, list(officer.office_ids), *_bounds(first, last))
    return rating_pages.backoffice_page(officer, start, end, found)
