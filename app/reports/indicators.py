"""The office's indicators over a period, computed from its own dossiers.

One pass over the dossiers that matter to the period (received in it, or
received before it and not finished when it began), one row each, read with
plain SQL so a yearly report over a million dossiers stays within seconds.
Formulas and their sources: docs/indicators.md.
"""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from app.domain import payment
from app.domain.errors import DomainError
from app.domain.status import Status
from app.domain.workcalendar import WorkCalendar
from app.feedback import queries as feedback
from app.infra import clock
from app.office import auth, station
from app.office.auth import Actor
from app.reports import bulk, scoring, timeliness
from app.reports.period import Period
from db.engine import Database

# Figures that are counts of dossiers; each keeps the ids behind it for drill-down.
COUNTS = (
    "received",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "in_progress_on_time",
    "in_progress_overdue",
    "ended_without_result",
    "received_counter",
    "received_online",
    "received_post",
    "received_digitized",
    "received_with_reuse",
    "received_fee_paid",
    # Of those, the ones whose payment method was recorded, and paid without cash.
    "received_fee_method_known",
    "received_fee_cashless",
    "resolved_with_result",
    "result_digitized",
    "result_electronic",
)

CHANNELS = {1: "received_counter", 2: "received_online", 3: "received_post"}

# Statuses that end the office's work on a dossier: the result is ready (9), or
# it ends without one (refused after intake 3, withdrawn 7, stopped 8).
ENDING = (3, 7, 8, 9)
NOT_FIELD = "Lĩnh vực khác"
# Columns of the table by field that are counted one dossier at a time.
TABLE_COLUMNS = (
    "received",
    "received_online",
    "received_direct",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "in_progress_on_time",
    "in_progress_overdue",
)

# The dossiers that matter to a period: received before its end and either
# received in it or not finished before it began. A dossier handed over (10)
# before the period began was finished before it too, so the test on
# ``returned_at`` keeps old dossiers out without reading their history.
# The first appointment is read: pauses are derived here from the history, and
# the counter's ``due_at`` already includes them (and any extension).
# An entry cancelled as made in error is no dossier at all.
_ROW_COLUMNS = """
SELECT id, received_at, COALESCE(original_due_at, due_at), status, channel, returned_at,
       fee_amount, fee_paid, procedure_id, timeliness, extensions, fee_payment_method
  FROM dossier"""
# The dossiers a period's report counts: received in it, or received before it
# and not yet handed over by its start.
#
# _ROWS_SCAN says it as one condition: SQLite then reads every dossier ever
# received, the old ones long handed over included, but mostly in its own
# code with the interpreter lock free, so beside the other two big reads
# (``parallel``) it costs little wall time. _ROWS reads three parts, each
# through an index of its own: half the work when the reads run one after
# another, as the window runs them (0.46 s against 0.88 s for a year of a
# million-dossier station), but beside the others it loses more to the
# interpreter lock than it saves (2.5 s against 2.0 s for the whole report).
# A station never runs ANALYZE, and without its figures SQLite would read the
# old hand-overs through the status index (every dossier handed over before
# the period): the third part names its index.
_ROWS_SCAN = f"""
{_ROW_COLUMNS}
 WHERE received_at < :end AND status != 1 AND cancelled_at IS NULL
   AND (received_at >= :start OR status != 10 OR returned_at >= :start)
"""
_OPEN_BEFORE = ", ".join(str(int(s)) for s in Status if s not in (Status.NEW, Status.RETURNED))
_ROWS = f"""
{_ROW_COLUMNS}
 WHERE received_at >= :start AND received_at < :end AND status != 1 AND cancelled_at IS NULL
UNION ALL
{_ROW_COLUMNS}
 WHERE status IN ({_OPEN_BEFORE}) AND received_at < :start AND cancelled_at IS NULL
UNION ALL
{_ROW_COLUMNS} INDEXED BY ix_dossier_returned_received
 WHERE returned_at >= :start AND received_at < :start AND status = 10 AND cancelled_at IS NULL
"""

# Steps that end the office's work, and spells with the citizen (5, 6) with
# the time of the step that ended them (history rows are written in order, so
# the next id is the next step).
_STEPS_COLUMNS = """
SELECT h.dossier_id, h.status, h.at,
       CASE WHEN h.status IN (5, 6) THEN
         (SELECT n.at FROM status_history n WHERE n.dossier_id = h.dossier_id AND n.id > h.id
           ORDER BY n.id LIMIT 1)
       END
  FROM status_history h
"""
_ENDS_RANGE = _STEPS_COLUMNS + (
    " WHERE h.dossier_id BETWEEN ? AND ? AND h.status IN (3, 5, 6, 7, 8, 9)"
)
_ENDS_IN = _STEPS_COLUMNS + " WHERE h.dossier_id IN ({}) AND h.status IN (3, 5, 6, 7, 8, 9)"

# The ids of the dossiers received in the period (they come in receipt order);
# read from the index alone.
_ID_RANGE = "SELECT MIN(id), MAX(id) FROM dossier WHERE received_at >= ? AND received_at < ?"

_COMPONENTS = """
SELECT dossier_id, COUNT(*), SUM(digitized OR reused), SUM(reused) FROM dossier_component
 WHERE dossier_id BETWEEN ? AND ? GROUP BY dossier_id
"""


@dataclass
class FieldRow:
    """One line of the periodic table (Biểu II.06a): one field (lĩnh vực)."""

    field: str
    received: int = 0
    received_online: int = 0
    received_direct: int = 0
    carried_over: int = 0
    resolved: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    in_progress: int = 0
    in_progress_on_time: int = 0
    in_progress_overdue: int = 0

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class IndicatorReport:
    period: Period
    office_code: str
    office_name: str
    as_of: datetime
    counts: dict[str, int]
    members: dict[str, list[int]]
    average_processing_days: float | None
    shares: dict[str, float | None]
    components: int
    components_reused: int
    fields: list[FieldRow]
    scores: list[dict[str, Any]] = field(default_factory=list)
    not_scored: list[dict[str, Any]] = field(default_factory=list)
    unavailable: dict[str, str] = field(default_factory=dict)
    # When the report was made (the date on its header); ``as_of`` is when the
    # figures stand, the period's end for a past period.
    made_at: datetime | None = None

    @property
    def resolved(self) -> int:
        c = self.counts
        return c["resolved_early"] + c["resolved_on_time"] + c["resolved_late"]

    @property
    def in_progress(self) -> int:
        return self.counts["in_progress_on_time"] + self.counts["in_progress_overdue"]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "office_code": self.office_code,
            "office_name": self.office_name,
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "as_of": self.as_of.isoformat(),
        }
        data.update(self.counts)
        data["resolved"] = self.resolved
        data["in_progress"] = self.in_progress
        data["average_processing_days"] = self.average_processing_days
        data.update(self.shares)
        data["components"] = self.components
        data["components_reused"] = self.components_reused
        data["scores"] = self.scores
        data["not_scored"] = self.not_scored
        data["unavailable"] = self.unavailable
        data["fields"] = [row.to_json() for row in self.fields]
        return data


# Citizens' ratings given in the period (both stages); 3 is "Hài lòng".
_RATINGS = """
SELECT COUNT(*), COALESCE(SUM(score = 3), 0) FROM satisfaction_rating
 WHERE rated_at >= ? AND rated_at < ?
"""


def _ratings(cur, start_s: str, end_s: str) -> tuple[int, int]:
    total, satisfied = cur.execute(_RATINGS, (start_s, end_s)).fetchone()
    return int(total), int(satisfied)


# A procedure's public guide, as the station's catalogue holds it: its page on
# the national portal (the guide's QR), its components and its processing time
# (a value, or a note on how it is set). Decree 63/2010, art. 8(2) lists these
# among the parts a published procedure must show.
_PROCEDURES_PUBLIC = """
SELECT p.id,
       COALESCE(TRIM(p.portal_url), '') != ''
       AND EXISTS (SELECT 1 FROM procedure_component c WHERE c.procedure_id = p.id)
       AND (p.processing_value IS NOT NULL OR COALESCE(TRIM(p.processing_note), '') != '')
  FROM procedure p
"""


def _procedures_public(cur, handled: set[int]) -> int:
    """How many of the procedures ``handled`` have their public guide complete."""
    return sum(1 for pid, full in cur.execute(_PROCEDURES_PUBLIC) if full and pid in handled)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _field_rows(tally: dict[int, list[int]], field_of: dict[int, str | None]) -> list[FieldRow]:
    rows: dict[str, FieldRow] = {}
    for proc, line in tally.items():
        label = field_of.get(proc) or NOT_FIELD
        row = rows.get(label)
        if row is None:
            row = rows[label] = FieldRow(label)
        for name, n in zip(TABLE_COLUMNS, line, strict=True):
            setattr(row, name, getattr(row, name) + n)
    for row in rows.values():
        row.resolved = row.resolved_early + row.resolved_on_time + row.resolved_late
        row.in_progress = row.in_progress_on_time + row.in_progress_overdue
    return sorted(rows.values(), key=lambda r: r.field)


def _range_steps(cur, lo: int, hi: int) -> list[tuple]:
    return cur.execute(_ENDS_RANGE, (lo, hi)).fetchall()


def _steps_of(cur, ids: list[int]) -> list[tuple]:
    found: list[tuple] = []
    for lo in range(0, len(ids), 500):
        found += cur.execute(_ENDS_IN.format(",".join(str(int(i)) for i in ids[lo : lo + 500])))
    return found


def _digest(found: list[tuple]) -> tuple[dict, dict, dict]:
    """By dossier: the first ending step (time, status), the number of supplement
    requests and the spells with the citizen."""
    ended: dict[int, tuple[str, int]] = {}
    supplements: dict[int, int] = {}
    waits: dict[int, list[timeliness.Wait]] = defaultdict(list)
    for dossier_id, status, at, next_at in found:
        if status in (5, 6):
            supplements[dossier_id] = supplements.get(dossier_id, 0) + (status == 5)
            waits[dossier_id].append(timeliness.Wait(status, _dt(at), _dt(next_at)))
            continue
        # The earliest ending step is when the office's work ended.
        best = ended.get(dossier_id)
        if best is None or _dt(at) < _dt(best[0]):
            ended[dossier_id] = (at, status)
    return ended, supplements, waits


def _components(cur, lo: int, hi: int) -> dict[int, tuple[int, int, int]]:
    return {
        r[0]: (r[1], r[2] or 0, r[3] or 0) for r in cur.execute(_COMPONENTS, (lo, hi)).fetchall()
    }


def _result_sources(cur, ids: list[int]) -> dict[int, str]:
    """How each dossier's result was kept (scanned, or electronic as received), by dossier.

    One index range over the results of the ids' span; results are few beside dossiers.
    """
    wanted = set(ids)
    rows = cur.execute(
        "SELECT dossier_id, source FROM dossier_result WHERE dossier_id BETWEEN ? AND ?",
        (min(ids), max(ids)),
    ).fetchall()
    return {d: source for d, source in rows if d in wanted}


def _rows(cur, start_s: str, end_s: str, statement: str = _ROWS) -> list[tuple]:
    rows = cur.execute(statement, {"start": start_s, "end": end_s}).fetchall()
    # In the order they were stored, as the lists behind each figure show them
    # (three sorted runs: the sort merges them).
    rows.sort(key=itemgetter(0))
    return rows


def _on_reader(db: Database, fn, *args):
    """Run ``fn(cursor, *args)`` on a reader connection of its own (any thread)."""
    with db.read() as session:
        cur = session.connection().connection.dbapi_connection.cursor()
        try:
            return fn(cur, *args)
        finally:
            cur.close()


def _on_polite_reader(db: Database, fn, *args):
    """``_on_reader`` for the window: big reads in slices with pauses."""
    return _on_reader(db, lambda cur, *a: fn(bulk.PoliteCursor(cur), *a), *args)


def _check_office(code: str | None, agency_code: str) -> None:
    if code is not None and code.strip() != agency_code:
        raise DomainError(
            "unknown_office",
            f"Trạm này chỉ giữ dữ liệu của cơ quan {agency_code}, không có “{code}”.",
            f"This station only holds the data of office {agency_code}, not “{code}”.",
            field="office",
        )


def report(
    db: Database,
    actor: Actor,
    period: Period,
    *,
    office: str | None = None,
    now: datetime | None = None,
    parallel: bool = True,
) -> IndicatorReport:
    """The office's indicators for an officer (any role may read its own office's)."""
    auth.require(actor, "report.view")
    return compute(db, period, office=office, now=now, parallel=parallel)


def compute(
    db: Database,
    period: Period,
    *,
    office: str | None = None,
    now: datetime | None = None,
    calendar: WorkCalendar | None = None,
    parallel: bool = True,
) -> IndicatorReport:
    """Every indicator of ``period``, as the data stood at ``min(period end, now)``.

    ``parallel``: the three big reads side by side (fastest alone). The window
    asks for one after another: each reader builds rows under the interpreter
    lock, and the window's thread, competing with three of them for it, would
    lose several turns in a row.
    """
    # A yearly report makes a few million small objects that all stay alive
    # until it ends; the cyclic collector would walk them again and again,
    # holding the interpreter lock for hundreds of milliseconds each time and
    # stalling the window's thread. Nothing here makes cycles.
    with bulk.without_gc():
        return _compute(db, period, office=office, now=now, calendar=calendar, parallel=parallel)


def _compute(
    db: Database,
    period: Period,
    *,
    office: str | None = None,
    now: datetime | None = None,
    calendar: WorkCalendar | None = None,
    parallel: bool = True,
) -> IndicatorReport:
    start_s, end_s = period.begins.isoformat(" "), period.ends.isoformat(" ")
    with db.read() as session:
        info = station.load(session)
        _check_office(office, info.agency_code)
        cal = calendar or station.work_calendar(session)
        # The DB-API cursor: a yearly report reads hundreds of thousands of rows.
        cur = session.connection().connection.dbapi_connection.cursor()
        field_of = dict(cur.execute("SELECT id, field FROM procedure").fetchall())
        lo, hi = cur.execute(_ID_RANGE, (start_s, end_s)).fetchone()
        cur.close()
    # The three big reads run side by side on their own reader connections
    # (SQLite releases the GIL while it works). Each sees the database as it
    # was when it began; a dossier received meanwhile may be missing its
    # components or history in this report, never counted twice.
    with ThreadPoolExecutor(max_workers=3 if parallel else 1) as pool:
        read = _on_reader if parallel else _on_polite_reader
        rows_f = pool.submit(read, db, _rows, start_s, end_s, _ROWS_SCAN if parallel else _ROWS)
        if lo is not None:
            steps_f = pool.submit(read, db, _range_steps, lo, hi)
            comps_f = pool.submit(read, db, _components, lo, hi)
        rows = rows_f.result()
        older = [r[0] for r in rows if r[1] < start_s]
        found = _on_reader(db, _steps_of, older) if older else []
        comps: dict[int, tuple[int, int, int]] = {}
        if lo is not None:
            found += steps_f.result()
            comps = comps_f.result()
    ended, supplements, waits = _digest(found)
    made_at = now or clock.now()
    as_of = min(period.ends, made_at)
    as_of_s = as_of.isoformat(" ")
    feedback_on_time = feedback.on_time(db, period.begins, period.ends, as_of)
    unavailable: dict[str, str] = {}
    if not feedback_on_time[1]:
        unavailable["feedback_on_time_share"] = (
            "Không có phản ánh, kiến nghị nào được trả lời hoặc đến hạn trả lời trong kỳ."
        )

    members: dict[str, list[int]] = {name: [] for name in COUNTS}
    # procedure id -> dossiers per column of the table by field (TABLE_COLUMNS)
    tally: dict[int, list[int]] = defaultdict(lambda: [0] * len(TABLE_COLUMNS))
    col = {name: i for i, name in enumerate(TABLE_COLUMNS)}
    c_received, c_online, c_direct = col["received"], col["received_online"], col["received_direct"]
    c_carried = col["carried_over"]
    seconds_to_ready = 0.0
    ready_count = 0
    components = components_done = components_reused = 0
    resolved = int(Status.RESOLVED)
    returned = int(Status.RETURNED)
    fromiso = datetime.fromisoformat
    m_received, m_carried = members["received"], members["carried_over"]
    m_fee, m_digitized, m_reuse = (
        members["received_fee_paid"],
        members["received_digitized"],
        members["received_with_reuse"],
    )
    m_method_known = members["received_fee_method_known"]
    m_cashless = members["received_fee_cashless"]
    m_channel = {code: members[name] for code, name in CHANNELS.items()}
    m_with_result = members["resolved_with_result"]

    # Times are compared as stored text (``YYYY-MM-DD HH:MM:SS``, sometimes with
    # fractions of a second, which no rule here looks at); they are parsed only
    # to move an appointment or to measure a processing time.
    for (
        did,
        received_s,
        due_s,
        status,
        channel,
        returned_s,
        fee,
        paid,
        proc,
        recorded,
        extensions,
        method,
    ) in rows:
        end = ended.get(did)
        if end is not None:
            ended_s, end_status = end
        elif status == returned:
            # Handed over without a "ready" step on record (e.g. received from
            # the server without its history): ready no later than handed over.
            ended_s, end_status = returned_s or received_s, resolved
        elif status in ENDING:
            ended_s, end_status = received_s, status
        else:
            ended_s, end_status = None, None
        if ended_s is not None and ended_s < start_s:
            # Finished before the period (a result ready and not yet collected).
            continue

        line = tally[proc]
        if received_s >= start_s:
            m_received.append(did)
            line[c_received] += 1
            m_channel.get(channel, m_channel[1]).append(did)
            line[c_online if channel == 2 else c_direct] += 1
            if fee and paid:
                m_fee.append(did)
                if method is not None:
                    m_method_known.append(did)
                    if payment.is_cashless(method):
                        m_cashless.append(did)
            counted = comps.get(did)
            if counted:
                n, done, reused = counted
                components += n
                components_done += done
                components_reused += reused
                if n and done == n:
                    m_digitized.append(did)
                if reused:
                    m_reuse.append(did)
        else:
            m_carried.append(did)
            line[c_carried] += 1

        history = waits.get(did)
        if ended_s is not None and ended_s < end_s:
            if end_status != resolved:
                # Withdrawn, stopped or refused after intake: closed within the
                # period, counted with the on-time results as the report form's
                # column note says, and shown separately.
                members["ended_without_result"].append(did)
                kind = timeliness.ON_TIME
            elif recorded and not extensions and supplements.get(did, 0) <= 1:
                # Classified by the counter when the result was ready, against the
                # appointment moved by the time with the citizen. An extension
                # does not make a result on time, and two or more requests to
                # supplement make it late: those are decided here.
                kind = recorded
            elif history is None and due_s is not None:
                ready19, due19 = ended_s[:19], due_s[:19]
                if ready19 > due19:
                    kind = timeliness.LATE
                elif ready19[:10] < due19[:10]:
                    kind = timeliness.EARLY
                else:
                    kind = timeliness.ON_TIME
            else:
                ready = fromiso(ended_s)
                due = _dt(due_s)
                if due is not None and history and ready.date() >= due.date():
                    # Only a result not already early can change with the pause.
                    due = timeliness.moved_due(
                        cal, due, timeliness.supplement_hours(cal, history, ready)
                    )
                kind = timeliness.classify_result(ready, due, supplements.get(did, 0))
            if end_status == resolved:
                seconds_to_ready += (fromiso(ended_s) - fromiso(received_s)).total_seconds()
                ready_count += 1
                m_with_result.append(did)
            name = "resolved_" + kind
        else:
            overdue = False
            if due_s is not None and due_s[:19] < as_of_s:
                overdue = True
                if history:
                    if timeliness.waiting_at(history, as_of):
                        overdue = False
                    else:
                        paused = timeliness.supplement_hours(cal, history, as_of)
                        overdue = timeliness.moved_due(cal, _dt(due_s), paused) < as_of
            name = "in_progress_overdue" if overdue else "in_progress_on_time"
        members[name].append(did)
        line[col[name]] += 1

    fields = _field_rows(tally, field_of)
    if m_with_result:
        sources = _on_reader(db, _result_sources, m_with_result)
        for did in m_with_result:
            source = sources.get(did)
            if source is not None:
                members["result_digitized"].append(did)
                if source == "electronic":
                    members["result_electronic"].append(did)
    counts = {name: len(ids) for name, ids in members.items()}
    counts["ratings"], counts["ratings_satisfied"] = _on_reader(db, _ratings, start_s, end_s)
    # Procedures the office received dossiers of in the period (Decision 766
    # counts procedures, not dossiers, for what is published about them).
    handled = {proc for proc, line in tally.items() if line[c_received]}
    counts["procedures_handled"] = len(handled)
    counts["procedures_public"] = _on_reader(db, _procedures_public, handled) if handled else 0
    if not counts["received_fee_method_known"]:
        unavailable["cashless_share"] = payment.CASHLESS_UNKNOWN
    if not counts["ratings"]:
        unavailable["satisfaction_share"] = "Chưa có đánh giá của người dân trong kỳ."
    received_n = counts["received"]
    processed = received_n + counts["carried_over"]
    shares: dict[str, float | None] = {
        "digitized_share": _share(counts["received_digitized"], received_n),
        "reused_share": _share(components_reused, components),
        "reused_dossier_share": _share(counts["received_with_reuse"], received_n),
        "online_share": _share(counts["received_online"], received_n),
        "post_share": _share(counts["received_post"], received_n),
        "counter_share": _share(counts["received_counter"], received_n),
        "cashless_share": payment.cashless_share(
            counts["received_fee_cashless"], counts["received_fee_method_known"]
        ),
        "result_digitized_share": _share(
            counts["result_digitized"], counts["resolved_with_result"]
        ),
        "e_result_share": _share(counts["result_electronic"], counts["resolved_with_result"]),
        "feedback_on_time_share": _share(*feedback_on_time),
        "procedure_public_share": _share(counts["procedures_public"], counts["procedures_handled"]),
        "satisfaction_share": _share(counts["ratings_satisfied"], counts["ratings"]),
        "progress_on_time_share": _share(
            counts["resolved_early"] + counts["resolved_on_time"] + counts["in_progress_on_time"],
            processed,
        ),
        "on_time_share": _share(
            counts["resolved_early"] + counts["resolved_on_time"],
            counts["resolved_early"] + counts["resolved_on_time"] + counts["resolved_late"],
        ),
    }
    report = IndicatorReport(
        period=period,
        office_code=info.agency_code,
        office_name=info.office_name,
        as_of=as_of,
        made_at=made_at,
        counts=counts,
        members=members,
        average_processing_days=(
            round(seconds_to_ready / 86400 / ready_count, 2) if ready_count else None
        ),
        shares=shares,
        components=components,
        components_reused=components_reused,
        fields=fields,
        unavailable=unavailable,
    )
    _score(report)
    bulk.release(rows, found, comps, ended, supplements, waits)
    return report


def _score(report: IndicatorReport) -> None:
    """Points per Decision 766 group, from the indicators this station can compute."""
    report.scores, report.not_scored = scoring.score(report.shares, reasons=report.unavailable)
