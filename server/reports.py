"""Indicators per office and rolled up, from the dossiers the stations synced.

The same figures as the station's ``report indicators`` (docs/indicators.md),
for every office an officer oversees and their total. The server holds the
appointment as last synced and the status history; a result is early, on
time or late against that appointment, and two or more requests to
supplement make it late, as on the station.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import case, func, or_, select

from app.domain.errors import DomainError
from server.db import Database
from server.models import Dossier, DossierHistory, Office, SatisfactionRating

COUNTS = (
    "received",
    "received_online",
    "received_post",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "ended_without_result",
    "in_progress_on_time",
    "in_progress_overdue",
    # Citizens' ratings given in the period (counter and public page), and those "Hài lòng".
    "ratings",
    "ratings_satisfied",
)
ENDING = (3, 7, 8, 9)
WAITING = (5, 6)
MAX_DAYS = 3660


def parse_period(start: str, end: str) -> tuple[date, date]:
    try:
        first, last = date.fromisoformat(start.strip()), date.fromisoformat(end.strip())
    except (ValueError, AttributeError):
        raise DomainError(
            "bad_date",
            "Ngày không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-01-31.",
            "Invalid date; use YYYY-MM-DD, e.g. 2026-01-31.",
            field="period",
        ) from None
    if last < first or (last - first).days + 1 > MAX_DAYS:
        raise DomainError(
            "bad_period",
            "Kỳ báo cáo không hợp lệ: ngày kết thúc trước ngày bắt đầu, hoặc dài quá 10 năm.",
            "Invalid period: it ends before it starts, or is longer than ten years.",
            field="period",
        )
    return first, last


def _classify(ready: datetime, due: datetime | None, supplements: int) -> str:
    if supplements > 1:
        return "late"
    if due is None:
        return "on_time"
    if ready > due:
        return "late"
    return "early" if ready.date() < due.date() else "on_time"


def _figures(counts: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = dict(counts)
    received = counts["received"]
    processed = received + counts["carried_over"]
    resolved = ("resolved_early", "resolved_on_time", "resolved_late")
    out["resolved"] = sum(counts[key] for key in resolved)
    out["in_progress"] = counts["in_progress_on_time"] + counts["in_progress_overdue"]
    out["online_share"] = round(counts["received_online"] / received, 4) if received else None
    good = counts["resolved_early"] + counts["resolved_on_time"] + counts["in_progress_on_time"]
    out["progress_on_time_share"] = round(good / processed, 4) if processed else None
    rated = counts["ratings"]
    out["satisfaction_share"] = round(counts["ratings_satisfied"] / rated, 4) if rated else None
    return out


def indicators(
    db: Database, office_ids: tuple[int, ...], start: date, end: date, now: datetime
) -> dict[str, Any]:
    """Figures of each office in ``office_ids`` for the period, and their total."""
    begins = datetime.combine(start, time())
    ends = datetime.combine(end + timedelta(days=1), time())
    as_of = min(ends, now)
    with db.read() as session:
        offices = {
            row.id: (row.code, row.name)
            for row in session.execute(
                select(Office.id, Office.code, Office.name).where(Office.id.in_(office_ids))
            )
        }
        rows = session.execute(
            select(
                Dossier.id,
                Dossier.office_id,
                Dossier.received_at,
                Dossier.due_at,
                Dossier.status,
                Dossier.returned_at,
                Dossier.intake,
            ).where(
                Dossier.office_id.in_(office_ids),
                Dossier.received_at < ends,
                Dossier.status != 1,
                or_(
                    Dossier.received_at >= begins,
                    Dossier.status != 10,
                    Dossier.returned_at >= begins,
                ),
            )
        ).all()
        steps: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
        ids = [r.id for r in rows]
        h = DossierHistory
        for lo in range(0, len(ids), 1000):
            for dossier_id, at, to_status in session.execute(
                select(h.dossier_id, h.at, h.to_status).where(
                    h.dossier_id.in_(ids[lo : lo + 1000]),
                    h.conflict.is_(False),
                    h.to_status.is_not(None),
                )
            ):
                steps[dossier_id].append((at, to_status))
        sr = SatisfactionRating
        rated = session.execute(
            select(sr.office_id, func.count(), func.sum(case((sr.score == 3, 1), else_=0)))
            .where(sr.office_id.in_(office_ids), sr.rated_at >= begins, sr.rated_at < ends)
            .group_by(sr.office_id)
        ).all()

    per_office: dict[int, dict[str, int]] = {oid: dict.fromkeys(COUNTS, 0) for oid in offices}
    for r in rows:
        c = per_office[r.office_id]
        history = sorted(steps.get(r.id, ()))
        ended = next(((at, s) for at, s in history if s in ENDING), None)
        if ended is None and r.status == 10:
            ended = (r.returned_at or r.received_at, 9)
        elif ended is None and r.status in ENDING:
            ended = (r.received_at, r.status)
        if ended is not None and ended[0] < begins:
            continue  # finished before the period (a result ready, not yet collected)
        if r.received_at >= begins:
            c["received"] += 1
            channel = (r.intake or {}).get("channel", 1)
            if channel == 2:
                c["received_online"] += 1
            elif channel == 3:
                c["received_post"] += 1
        else:
            c["carried_over"] += 1
        if ended is not None and ended[0] < ends:
            if ended[1] != 9:
                c["ended_without_result"] += 1
                c["resolved_on_time"] += 1
            else:
                supplements = sum(1 for _, s in history if s == 5)
                c["resolved_" + _classify(ended[0], r.due_at, supplements)] += 1
        else:
            before = [s for at, s in history if at < as_of]
            waiting = bool(before) and before[-1] in WAITING
            overdue = r.due_at is not None and r.due_at < as_of and not waiting
            c["in_progress_overdue" if overdue else "in_progress_on_time"] += 1

    for office_id, number, satisfied in rated:
        per_office[office_id]["ratings"] = int(number)
        per_office[office_id]["ratings_satisfied"] = int(satisfied or 0)
    total = dict.fromkeys(COUNTS, 0)
    for c in per_office.values():
        for key in COUNTS:
            total[key] += c[key]
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "as_of": as_of.isoformat(),
        "offices": [
            {"office_code": offices[oid][0], "office_name": offices[oid][1], **_figures(c)}
            for oid, c in sorted(per_office.items(), key=lambda item: offices[item[0]][0])
        ],
        "total": _figures(total),
    }
