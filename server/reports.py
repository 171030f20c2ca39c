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

from app.domain import payment
from app.domain.errors import DomainError
from app.domain.feedback_clock import tally_on_time, waiting_for_sender
from app.reports import definitions, scoring
from server.db import Database
from server.models import (
    Dossier,
    DossierHistory,
    DossierResult,
    Feedback,
    Office,
    OfficeProcedure,
    Procedure,
    SatisfactionRating,
)

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
    # Received in the period with every component digitized (or reused instead
    # of re-asked), and with at least one reused; from the intake as synced.
    "received_digitized",
    "received_with_reuse",
    # Received in the period with a fee paid (the intake, or the later payment
    # as synced), of those the ones whose payment method is known, and paid
    # without cash (app.domain.payment, as on the station).
    "received_fee_paid",
    "received_fee_method_known",
    "received_fee_cashless",
    # Ready in the period with a result, and of those the ones whose result the
    # station kept digitized, as the resolving body's electronic file.
    "resolved_with_result",
    "result_digitized",
    "result_electronic",
    # Feedback (phản ánh, kiến nghị) handled in the period, and of those answered by
    # the deadline (app.domain.feedback_clock.tally_on_time, as on the station).
    "feedback_handled",
    "feedback_on_time",
    # Procedures the office received dossiers of in the period, and of those the
    # ones whose public guide is complete in the catalogue as the office holds it.
    # Summed for a total, a procedure handled by two offices counts twice.
    "procedures_handled",
    "procedures_public",
    # Citizens' ratings given in the period (counter and public page), and those "Hài lòng".
    "ratings",
    "ratings_satisfied",
)
# Why a figure the station reports is not computed here either (as on the station).
CASHLESS_UNKNOWN = payment.CASHLESS_UNKNOWN
NO_RATINGS = "Chưa có đánh giá của người dân trong kỳ."
NO_FEEDBACK = "Không có phản ánh, kiến nghị nào được trả lời hoặc đến hạn trả lời trong kỳ."
# Figures a 766 indicator is scored from (its ``measure`` in indicators_766.json)
# that the stations do not send: the indicator is reported not computed, with
# this reason. A measure the definitions gain must be computed here or listed
# here (tests/server/test_server_reports_766.py holds the two to the data).
NOT_SYNCED: dict[str, str] = {}
NOT_SYNCED_DEFAULT = "Máy chủ chưa nhận số liệu này từ các trạm."
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


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _figures(counts: dict[str, int]) -> dict[str, Any]:
    """The shares and 766 scores of one office, or of a roll-up from its summed counts.

    Same formulas as the station's report (docs/indicators.md); the scores come
    from the station's own scoring module and definitions file.
    """
    out: dict[str, Any] = dict(counts)
    received = counts["received"]
    processed = received + counts["carried_over"]
    early, on_time, late = (counts[f"resolved_{k}"] for k in ("early", "on_time", "late"))
    out["resolved"] = early + on_time + late
    out["in_progress"] = counts["in_progress_on_time"] + counts["in_progress_overdue"]
    with_result = counts["resolved_with_result"]
    shares: dict[str, float | None] = {
        "digitized_share": _share(counts["received_digitized"], received),
        "reused_dossier_share": _share(counts["received_with_reuse"], received),
        "online_share": _share(counts["received_online"], received),
        "post_share": _share(counts["received_post"], received),
        "cashless_share": payment.cashless_share(
            counts["received_fee_cashless"], counts["received_fee_method_known"]
        ),
        "result_digitized_share": _share(counts["result_digitized"], with_result),
        "e_result_share": _share(counts["result_electronic"], with_result),
        "satisfaction_share": _share(counts["ratings_satisfied"], counts["ratings"]),
        "feedback_on_time_share": _share(counts["feedback_on_time"], counts["feedback_handled"]),
        "procedure_public_share": _share(counts["procedures_public"], counts["procedures_handled"]),
        "progress_on_time_share": _share(
            early + on_time + counts["in_progress_on_time"], processed
        ),
        "on_time_share": _share(early + on_time, early + on_time + late),
    }
    unavailable: dict[str, str] = {}
    if not counts["received_fee_method_known"]:
        unavailable["cashless_share"] = CASHLESS_UNKNOWN
    if not counts["ratings"]:
        unavailable["satisfaction_share"] = NO_RATINGS
    if not counts["feedback_handled"]:
        unavailable["feedback_on_time_share"] = NO_FEEDBACK
    for measure in unsynced_measures():
        shares[measure] = None
        unavailable[measure] = NOT_SYNCED.get(measure, NOT_SYNCED_DEFAULT)
    out.update(shares)
    out["scores"], out["not_scored"] = scoring.score(shares, reasons=unavailable)
    out["unavailable"] = unavailable
    return out


# The shares computed above; a 766 measure outside them is not synced.
COMPUTED = frozenset(
    {
        "digitized_share",
        "reused_dossier_share",
        "online_share",
        "post_share",
        "cashless_share",
        "result_digitized_share",
        "e_result_share",
        "satisfaction_share",
        "feedback_on_time_share",
        "procedure_public_share",
        "progress_on_time_share",
        "on_time_share",
    }
)


def unsynced_measures() -> list[str]:
    """The measures of the 766 definitions this server has no data for."""
    return [
        ind.measure
        for group in definitions.load().groups
        for ind in group.indicators
        if ind.measure and ind.measure not in COMPUTED
    ]


def _guide_complete(proc: dict[str, Any]) -> bool:
    """The station's rule (app.reports.indicators): its page on the national portal,
    its components and its processing time (a value, or a note on how it is set)."""
    processing = proc.get("processing") or {}
    value = proc.get("processing_value", processing.get("value"))
    return (
        bool((proc.get("portal_url") or "").strip())
        and bool(proc.get("components"))
        and (value is not None or bool((proc.get("processing_note") or "").strip()))
    )


def _public_guides(db: Database, handled: dict[int, set[str]]) -> dict[int, set[str]]:
    """Per office, the procedures among ``handled`` whose public guide is complete:
    the shared catalogue with what the office set on it (or its own procedure whole)."""
    codes = set().union(*handled.values())
    with db.read() as session:
        shared = dict(
            session.execute(
                select(Procedure.code, Procedure.data).where(Procedure.code.in_(codes))
            ).all()
        )
        own = session.execute(
            select(
                OfficeProcedure.office_id,
                OfficeProcedure.code,
                OfficeProcedure.edits,
                OfficeProcedure.procedure,
            ).where(OfficeProcedure.office_id.in_(list(handled)), OfficeProcedure.code.in_(codes))
        ).all()
    edits = {(row.office_id, row.code): row for row in own}
    public: dict[int, set[str]] = defaultdict(set)
    for office_id, held in handled.items():
        for code in held:
            row = edits.get((office_id, code))
            base = dict(shared.get(code) or (row.procedure if row else None) or {})
            if row is not None:
                base.update(row.edits or {})
            if _guide_complete(base):
                public[office_id].add(code)
    return public


def _intake_components(intake: dict[str, Any] | None) -> tuple[bool, bool]:
    """(every component digitized or reused, some reused), from the synced intake."""
    components = (intake or {}).get("components") or []
    done = all(c.get("digitized") or c.get("reused") for c in components)
    return bool(components) and done, any(c.get("reused") for c in components)


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
                Dossier.procedure_code,
                Dossier.fee_paid,
                Dossier.fee_payment_method,
            ).where(
                Dossier.office_id.in_(office_ids),
                Dossier.received_at < ends,
                Dossier.status != 1,
                # An entry cancelled as made in error is no dossier at all.
                Dossier.cancelled_at.is_(None),
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
        sources: dict[int, str] = {}
        for lo in range(0, len(ids), 1000):
            sources.update(
                session.execute(
                    select(DossierResult.dossier_id, DossierResult.source).where(
                        DossierResult.dossier_id.in_(ids[lo : lo + 1000])
                    )
                ).all()
            )
        sr = SatisfactionRating
        rated = session.execute(
            select(sr.office_id, func.count(), func.sum(case((sr.score == 3, 1), else_=0)))
            .where(sr.office_id.in_(office_ids), sr.rated_at >= begins, sr.rated_at < ends)
            .group_by(sr.office_id)
        ).all()
        fb = Feedback
        # Unanswered items are few; their deadline is in the JSON, so the period
        # is applied to it in tally_on_time.
        feedback = session.execute(
            select(
                fb.office_id,
                fb.answered_at,
                fb.outcome,
                fb.due,
                fb.info_requested_at,
                fb.info_supplied_at,
            ).where(
                fb.office_id.in_(office_ids),
                fb.received_at < ends,
                or_(fb.answered_at.is_(None), fb.answered_at.between(begins, ends)),
            )
        ).all()

    per_office: dict[int, dict[str, int]] = {oid: dict.fromkeys(COUNTS, 0) for oid in offices}
    procedures: dict[int, set[str]] = defaultdict(set)
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
            procedures[r.office_id].add(r.procedure_code)
            channel = (r.intake or {}).get("channel", 1)
            if channel == 2:
                c["received_online"] += 1
            elif channel == 3:
                c["received_post"] += 1
            digitized, reused = _intake_components(r.intake)
            c["received_digitized"] += digitized
            c["received_with_reuse"] += reused
            intake = r.intake or {}
            paid = intake.get("fee_paid") if r.fee_paid is None else r.fee_paid
            if (intake.get("fee_amount") or 0) > 0 and paid:
                c["received_fee_paid"] += 1
                if r.fee_payment_method is not None:
                    c["received_fee_method_known"] += 1
                    c["received_fee_cashless"] += payment.is_cashless(r.fee_payment_method)
        else:
            c["carried_over"] += 1
        if ended is not None and ended[0] < ends:
            if ended[1] != 9:
                c["ended_without_result"] += 1
                c["resolved_on_time"] += 1
            else:
                supplements = sum(1 for _, s in history if s == 5)
                c["resolved_" + _classify(ended[0], r.due_at, supplements)] += 1
                c["resolved_with_result"] += 1
                source = sources.get(r.id)
                if source is not None:
                    c["result_digitized"] += 1
                    c["result_electronic"] += source == "electronic"
        else:
            before = [s for at, s in history if at < as_of]
            waiting = bool(before) and before[-1] in WAITING
            overdue = r.due_at is not None and r.due_at < as_of and not waiting
            c["in_progress_overdue" if overdue else "in_progress_on_time"] += 1

    items: dict[int, list] = defaultdict(list)
    for office_id, answered_at, outcome, due, asked, supplied in feedback:
        dates = {key: date.fromisoformat(day) for key, day in (due or {}).items()}
        waiting = waiting_for_sender(answered_at, asked, supplied)
        items[office_id].append((answered_at, outcome, dates, waiting))
    for office_id, held in items.items():
        on_time, handled = tally_on_time(held, begins, ends, as_of)
        per_office[office_id]["feedback_on_time"] = on_time
        per_office[office_id]["feedback_handled"] = handled
    if procedures:
        public = _public_guides(db, procedures)
        for office_id, codes in procedures.items():
            per_office[office_id]["procedures_handled"] = len(codes)
            per_office[office_id]["procedures_public"] = len(codes & public[office_id])
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
