"""Decision 766 scores on the server: the station's scores for the same synced data.

The station's fixture office (tests/reports/office_fixture.py) is built in a
real station database and scored there; its dossiers then travel to a real
server over HTTP as the station's sync sends them (intake with components,
every status step with the appointment as it stood, the return, the kept
result, the cancellation), and the server must give the same scores. A
second commune and their district check the roll-up and who sees what.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime

import httpx
import pytest
from srvkit import PASSWORD, Harness, Station, event, received, status_changed

from app.domain.status import Status
from app.office import station as station_info
from app.reports import definitions, indicators, period, scoring
from db.models import Dossier, DossierComponent, DossierResult, Procedure, StatusHistory
from server import reports
from tests.reports.office_fixture import FIELD_X, FIELD_Y, build

MARCH = {"from": "2026-03-01", "to": "2026-03-31"}
AFTER = datetime(2026, 4, 15, 10, 0)  # the server's clock is later still: as of 1/4 on both
URL = "/api/v1/backoffice/reports/indicators"
# The station statuses that stop the clock; leaving them moves the appointment
# by the working time spent in them (app.dossiers.progress.resume_clock).
PAUSING = (Status.SUPPLEMENT, Status.FINANCIAL)


def _events_of(station: Station, session, d: Dossier, calendar) -> list[dict]:
    """What the station's sync sends for one dossier, from its rows."""
    proc = session.get(Procedure, d.procedure_id)
    first = received(station, at=d.received_at, code=d.code)
    payload = first["payload"]
    due = d.original_due_at or d.due_at
    payload.update(
        procedure_code=proc.code,
        procedure_name=proc.name,
        field=proc.field,
        channel=d.channel,
        due_at=due.isoformat() if due else None,
        fee_amount=d.fee_amount,
        fee_paid=bool(d.fee_paid),
        components=[
            {
                "index": c.index,
                "name": c.name,
                "originals": c.originals,
                "copies": 0,
                "digitized": bool(c.digitized),
                "reused": bool(c.reused),
            }
            for c in session.query(DossierComponent)
            .filter_by(dossier_id=d.id)
            .order_by(DossierComponent.index)
        ],
    )
    events = [first]
    if d.fee_payment_method is not None:
        # The fee recorded paid with its method, as the pay step sends it.
        events.append(
            event(
                "dossier.fee_paid",
                payload["dossier_uuid"],
                {"dossier_uuid": payload["dossier_uuid"], "code": d.code,
                 "at": d.received_at.isoformat(), "officer": "canbo1", "fee_paid": True,
                 "method": d.fee_payment_method},
            )
        )  # fmt: skip
    steps = [
        (h.status, h.at)
        for h in session.query(StatusHistory).filter_by(dossier_id=d.id).order_by(StatusHistory.id)
    ][1:]  # the first is the receipt itself
    if not steps and d.status == Status.RETURNED:
        # Kept without its history (as received from the server): ready no
        # later than handed over, as the station's report reads it.
        steps = [(Status.RESOLVED, d.returned_at), (Status.RETURNED, d.returned_at)]
    current, paused_at = Status.RECEIVED, None
    for status, at in steps:
        if status == Status.RETURNED:
            events.append(
                event(
                    "dossier.returned",
                    payload["dossier_uuid"],
                    {"dossier_uuid": payload["dossier_uuid"], "code": d.code,
                     "returned_at": at.isoformat(), "officer": "canbo1"},
                )
            )  # fmt: skip
            continue
        if paused_at is not None and due is not None:
            due = calendar.extend_by(due, calendar.working_time_between(paused_at, at))
        paused_at = at if status in PAUSING else None
        change = status_changed(first, current, status, at.isoformat())
        change["payload"]["due_at"] = due.isoformat() if due else None
        events.append(change)
        current = status
    result = session.query(DossierResult).filter_by(dossier_id=d.id).one_or_none()
    if result is not None:
        events.append(
            event(
                "dossier.result",
                payload["dossier_uuid"],
                {"dossier_uuid": payload["dossier_uuid"], "code": d.code,
                 "result_uuid": result.uuid, "kind": result.kind, "sha256": result.sha256,
                 "size": result.size, "pages": result.pages, "mime": result.mime,
                 "source": result.source, "captured_at": result.captured_at.isoformat()},
            )
        )  # fmt: skip
    if d.cancelled_at is not None:
        events.append(
            event(
                "dossier.cancelled",
                payload["dossier_uuid"],
                {"dossier_uuid": payload["dossier_uuid"], "code": d.code,
                 "at": d.cancelled_at.isoformat(), "officer": "admin", "reason": d.cancel_reason},
            )
        )  # fmt: skip
    return events


def _catalogue_edit(code: str, edits: dict) -> dict:
    edit = str(uuid.uuid4())
    return event(
        "catalogue.procedure_set",
        edit,
        {"edit_uuid": edit, "procedure_code": code, "at": "2026-02-01T08:00", "edits": edits},
    )


def _sync_fixture(db, station: Station) -> None:
    """Push every dossier the station would (one submitted online and never
    received, status 1, stays on the portal's side)."""
    with db.read() as session:
        calendar = station_info.work_calendar(session)
        events = [
            e
            for d in session.query(Dossier)
            .filter(Dossier.status != Status.NEW)
            .order_by(Dossier.id)
            for e in _events_of(station, session, d, calendar)
        ]
        # What the office set on its procedures travels as the station's catalogue edits.
        for proc in session.query(Procedure).filter(Procedure.code.in_([FIELD_X, FIELD_Y])):
            edits = dict(proc.office_edits or {})
            if proc.portal_url:
                edits["portal_url"] = proc.portal_url
            if edits:
                events.append(_catalogue_edit(proc.code, edits))
    for lo in range(0, len(events), 400):
        results = station.push(*events[lo : lo + 400])
        refused = [r for r in results if r["outcome"] != "applied"]
        assert not refused, refused[:3]


def _fee_paid(ev: dict, method: str | None) -> dict:
    """The pay step's event; without ``method`` as an older station sends it."""
    uuid_ = ev["dossier_uuid"]
    body = {"dossier_uuid": uuid_, "at": ev["payload"]["received_at"], "fee_paid": True}
    if method is not None:
        body["method"] = method
    return event("dossier.fee_paid", uuid_, body)


def _push(
    station: Station,
    at: str,
    steps,
    components,
    result: str | None = None,
    paid: tuple[str | None] | None = None,
) -> None:
    ev = received(station, at=datetime.fromisoformat(f"2026-{at}"))
    ev["payload"]["components"] = [
        {"index": i, "name": f"Thành phần {i}", "originals": 1, "digitized": dig, "reused": reu}
        for i, (dig, reu) in enumerate(components, start=1)
    ]
    events, current = [ev], 2
    if paid is not None:
        ev["payload"]["fee_amount"] = 10_000
        events.append(_fee_paid(ev, paid[0]))
    for to_status, when in steps:
        events.append(status_changed(ev, current, to_status, f"2026-{when}"))
        current = to_status
    if result:
        uuid_ = ev["dossier_uuid"]
        events.append(
            event(
                "dossier.result",
                uuid_,
                {"dossier_uuid": uuid_, "result_uuid": str(uuid.uuid4()),
                 "sha256": "ab" * 32, "size": 1000, "pages": 1, "source": result,
                 "captured_at": f"2026-{steps[-1][1]}"},
            )
        )  # fmt: skip
    assert all(r["outcome"] == "applied" for r in station.push(*events))


def _commune_b(station: Station) -> None:
    """Four dossiers received in March, each due ten days after receipt."""
    dig, reused, paper = (True, False), (False, True), (False, False)
    # early; digitized with one reused; electronic result; the fee paid in cash
    _push(station, "03-02T09:00", [(4, "03-03T09:00"), (9, "03-05T10:00")], [dig, reused],
          "electronic", paid=("cash",))  # fmt: skip
    # the fee paid, as an older station says it: without the method
    _push(station, "03-02T09:00", [(4, "03-03T09:00"), (9, "03-06T10:00")], [dig], "scanner",
          paid=(None,))  # fmt: skip
    _push(station, "03-02T09:00", [(4, "03-03T09:00"), (9, "03-13T10:00")], [paper])  # late
    _push(station, "03-18T09:00", [(4, "03-19T09:00")], [paper])  # open, due 28/3: overdue


def _feedback(
    station: Station,
    line: int,
    received_at: str,
    resolve_by: str,
    answered: str | None,
    asked: str | None = None,
    supplied: str | None = None,
):
    fid = str(uuid.uuid4())
    code = f"{station.office_code}-PA26{station.number:02d}-{line:04d}"
    sent = {"full_name": "Lê Thị Mai", "address": "Xóm 3", "phone": "0987654321", "email": None}
    events = [
        event(
            "feedback.received",
            fid,
            {"feedback_uuid": fid, "code": code, "office_code": station.office_code,
             "station": station.number, "register_year": 2026, "register_line": line,
             "sender": sent, "content": "Chờ lâu", "channel": "counter", "kind": "regulation",
             "received_at": f"2026-{received_at}", "due": {"resolve_by": f"2026-{resolve_by}"},
             "lookup_secret": "FBSECRET23"},
        )
    ]  # fmt: skip
    if asked:
        events.append(
            event(
                "feedback.info_requested",
                fid,
                {"feedback_uuid": fid, "code": code, "request": "Bổ sung địa chỉ.",
                 "requested_at": f"2026-{asked}"},
            )
        )  # fmt: skip
    if supplied:
        events.append(
            event(
                "feedback.info_supplied",
                fid,
                {"feedback_uuid": fid, "code": code, "supplied_at": f"2026-{supplied}",
                 "resolve_days": 15},
            )
        )  # fmt: skip
    if answered:
        events.append(
            event(
                "feedback.answered",
                fid,
                {"feedback_uuid": fid, "code": code, "answer": "Đã trả lời.",
                 "answered_at": f"2026-{answered}", "outcome": "answered"},
            )
        )  # fmt: skip
    assert all(r["outcome"] == "applied" for r in station.push(*events))


def _feedback_b(station: Station) -> None:
    """Handled in March: one answered by its deadline, one after it, one still
    unanswered past it; one more not yet due. Two more whose sender was asked
    for more information: one still waiting past its first deadline (not
    handled), one supplied on 9/3 and answered on 25/3, within the 15 working
    days counted again from the supply (30/3): on time."""
    _feedback(station, 1, "03-02T09:00", "03-20", "03-10T10:00")
    _feedback(station, 2, "03-02T09:00", "03-05", "03-09T10:00")
    _feedback(station, 3, "03-03T09:00", "03-16", None)
    _feedback(station, 4, "03-25T09:00", "04-14", None)
    _feedback(station, 5, "03-02T09:00", "03-05", None, asked="03-03T09:00")
    _feedback(station, 6, "03-02T09:00", "03-05", "03-25T10:00", "03-03T09:00", "03-09T09:00")


@pytest.fixture
def offices(harness: Harness, db):
    """District (no dossiers), commune A (the station's fixture office) and commune B."""
    district = harness.new_office(name="UBND huyện Thử")
    a = harness.new_office(parent=district, name="UBND xã A")
    b = harness.new_office(parent=district, name="UBND xã B")
    build(db, agency=a)
    _sync_fixture(db, harness.enrol(a))
    station_b = harness.enrol(b)
    _commune_b(station_b)
    _feedback_b(station_b)
    # B published its one procedure's guide on the national portal
    portal = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
    assert station_b.push(_catalogue_edit("1.001193", {"portal_url": portal}))[0]["outcome"] == (
        "applied"
    )
    return district, a, b


def _by_group(items: list[dict]) -> dict[str, dict]:
    return {s["group"]: s for s in items}


def test_an_office_scores_as_its_station_does(harness: Harness, db, offices) -> None:
    _district, a, _b = offices
    mine = harness.backoffice(a).get(URL, params=MARCH)
    assert mine.status_code == 200, mine.text
    [server] = mine.json()["offices"]
    local = indicators.compute(db, period.month(2026, 3), now=AFTER).to_json()
    # The figures the scores are made of (the split between early and on time
    # may differ: the station also keeps the timeliness the counter recorded).
    for key in (
        "received", "carried_over", "resolved", "resolved_late", "in_progress_on_time",
        "in_progress_overdue", "received_online", "received_post", "received_digitized",
        "received_with_reuse", "resolved_with_result", "result_digitized", "result_electronic",
        "progress_on_time_share", "digitized_share", "reused_dossier_share", "e_result_share",
        "online_share", "satisfaction_share", "feedback_on_time_share",
        "received_fee_paid", "received_fee_method_known", "received_fee_cashless",
        "cashless_share",
    ):  # fmt: skip
        assert server[key] == local[key], key
    # A's paid fees: 9 without cash of 14 whose method is known (office_fixture)
    assert (server["received_fee_method_known"], server["received_fee_cashless"]) == (14, 9)
    assert server["cashless_share"] == 0.6429
    # and whatever else the station scores from
    for ind in (i for g in definitions.load().groups for i in g.indicators if i.measure):
        assert server[ind.measure] == local[ind.measure], ind.measure
    assert server["scores"] == local["scores"]
    assert server["not_scored"] == local["not_scored"]
    assert _by_group(server["scores"]).keys() >= {"progress", "digitization"}
    assert _by_group(server["scores"])["progress"]["points"] == 14.84
    assert "cashless_share" not in server["unavailable"]
    assert "cashless_share" not in local["unavailable"]
    # an office's officer sees that office alone, and its total is that office
    assert mine.json()["total"]["scores"] == server["scores"]


def test_the_district_rolls_up_from_summed_counts(harness: Harness, offices) -> None:
    district, a, b = offices
    response = harness.backoffice(district).get(URL, params=MARCH)
    assert response.status_code == 200, response.text
    data = response.json()
    rows = {o["office_code"]: o for o in data["offices"]}
    assert set(rows) == {district, a, b}
    assert rows[district]["scores"] == [] and len(rows[district]["not_scored"]) == 6
    assert _by_group(rows[b]["scores"])["progress"]["points"] == 10.0  # 2 of 4 on time
    assert (rows[b]["feedback_handled"], rows[b]["feedback_on_time"]) == (4, 2)
    assert data["total"]["feedback_on_time_share"] == 0.5
    assert rows[a]["feedback_on_time_share"] is None
    assert "feedback_on_time_share" in rows[a]["unavailable"]
    # A handles two procedures, B one, whose guide B completed with its page on the portal
    assert (rows[b]["procedures_handled"], rows[b]["procedures_public"]) == (1, 1)
    # B: two fees paid, one in cash, one without its method (an older station)
    assert (rows[b]["received_fee_paid"], rows[b]["received_fee_method_known"]) == (2, 1)
    assert rows[b]["cashless_share"] == 0.0
    assert rows[district]["cashless_share"] is None
    assert "cashless_share" in rows[district]["unavailable"]
    # 9 of A's 14 known, none of B's 1
    assert data["total"]["cashless_share"] == round(9 / 15, 4) == 0.6
    assert rows[a]["procedures_handled"] == 2
    assert data["total"]["procedures_handled"] == 3
    assert data["total"]["procedures_public"] == rows[a]["procedures_public"] + 1
    total = _by_group(data["total"]["scores"])
    # A: 158 of 213 early, on time or in progress on time; B: 2 of 4
    assert data["total"]["progress_on_time_share"] == round(160 / 217, 4) == 0.7373
    assert total["progress"]["points"] == 14.75  # 20 × 0.7373; the mean of scores is 12.42
    # electronic results 10 + 1 of 143 + 3; digitized dossiers 90 + 2 of 184;
    # with a reused component 11 + 1 of 184 (full marks from 80 %)
    assert data["total"]["e_result_share"] == 0.0753
    assert data["total"]["digitized_share"] == 0.5
    assert data["total"]["reused_dossier_share"] == 0.0652
    by_code = {i["code"]: i["points"] for i in total["digitization"]["indicators"]}
    assert by_code == {
        "ORIGINAL_RESULT_AVAILABLE": 0.45,
        "SO_HOA_GIAY_TO_GIAI_QUYET": 2.0,
        "REUSED_DIGITIZED_DATA": 0.16,
    }
    assert total["digitization"]["points"] == 2.61
    assert total["digitization"]["partial"] and total["digitization"]["verified"] is False


def test_a_payment_method_outside_the_four_is_rejected(harness: Harness) -> None:
    station = harness.enrol(harness.new_office(name="UBND xã C"))
    ev = received(station, at=datetime(2026, 3, 2, 9, 0))
    ev["payload"]["fee_amount"] = 10_000
    assert station.push(ev)[0]["outcome"] == "applied"
    [bad] = station.push(_fee_paid(ev, "cheque"))
    assert bad["outcome"] == "rejected", bad
    assert station.push(_fee_paid(ev, "pos"))[0]["outcome"] == "applied"
    data = harness.backoffice(station.office_code).get(URL, params=MARCH).json()
    assert (data["total"]["received_fee_method_known"], data["total"]["cashless_share"]) == (1, 1.0)


def test_a_commune_sees_only_itself(harness: Harness, offices) -> None:
    _district, a, b = offices
    data = harness.backoffice(b).get(URL, params=MARCH).json()
    assert [o["office_code"] for o in data["offices"]] == [b]
    assert data["total"]["received"] == 4
    assert _by_group(data["total"]["scores"])["progress"]["points"] == 10.0
    assert a not in str(data)


def test_report_page_shows_points_and_unverified(harness: Harness, offices) -> None:
    district, a, _b = offices
    browser = httpx.Client(base_url=harness.base_url, follow_redirects=True)
    form = browser.get("/back-office/bao-cao")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf
    signed = browser.post(
        "/back-office/dang-nhap",
        data={
            "username": harness.officer(district, "backoffice"),
            "password": PASSWORD,
            "csrf": csrf.group(1),
        },
    )
    assert signed.status_code == 200, signed.text
    page = browser.get("/back-office/bao-cao", params={"tu": "2026-03-01", "den": "2026-03-31"})
    table = page.text.split('id="scores"')[1].split("</table>")[0]
    assert "Tiến độ giải quyết (20)" in table and "Số hóa hồ sơ (22)" in table
    row_a = table.split(f"({a})")[1].split("</tr>")[0]
    assert '14,84 / 20 <span class="muted">chưa xác minh</span>' in row_a
    assert "2,57 / 12 (trên 22)" in row_a
    total = table.split("<strong>Tổng cộng</strong>")[1].split("</tr>")[0]
    assert "14,75 / 20" in total and "2,61 / 12" in total
    # a group nothing could be scored in says why
    assert 'title="Cách chấm điểm nhóm này chưa xác định' in total


def test_every_766_measure_is_computed_here_or_said_not_synced() -> None:
    """A measure the definitions gain needs the server's figure or its reason."""
    measures = {
        ind.measure
        for group in definitions.load().groups
        for ind in group.indicators
        if ind.measure
    }
    assert measures <= reports.COMPUTED | set(reports.NOT_SYNCED), sorted(
        measures - reports.COMPUTED - set(reports.NOT_SYNCED)
    )


def test_a_measure_without_data_is_not_scored_with_the_reason() -> None:
    data = json.loads(definitions.DATA_FILE.read_text(encoding="utf-8"))
    [payment] = [g for g in data["groups"] if g["group"] == "payment"]
    payment["indicators"][0].update(measure="paid_online_share", full_at=1.0, why_not=None)
    defs = definitions.parse(data)
    why = "Máy chủ chưa nhận hình thức nộp phí từ các trạm."
    scores, not_scored = scoring.score(
        {"paid_online_share": None}, defs, reasons={"paid_online_share": why}
    )
    assert "payment" not in {s["group"] for s in scores}
    assert {n["group"]: n["why"] for n in not_scored}["payment"] == [why]
    scores, _ = scoring.score({"paid_online_share": 0.5}, defs)
    assert {s["group"]: s["points"] for s in scores}["payment"] == 5.0
