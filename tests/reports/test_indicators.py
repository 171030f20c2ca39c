"""Indicators of the fixture office against figures added up by hand.

The groups are in office_fixture.py (A … Q); each expected number below says
which groups it is made of.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.domain.errors import DomainError
from app.reports import bulk, drilldown, indicators, period
from db.models import Procedure, ProcedureComponent
from tests.reports import office_fixture
from tests.reports.office_fixture import GROUPS, build

MARCH = period.month(2026, 3)
AFTER = datetime(2026, 4, 15, 10, 0)


@pytest.fixture
def office(db):
    codes = build(db)
    return db, codes


def test_march_figures_match_the_hand_count(office):
    db, _ = office
    r = indicators.compute(db, MARCH, now=AFTER)
    c = r.counts
    # A–K and S = 180 (R, cancelled, is no dossier at all)
    assert c["received"] == 40 + 30 + 20 + 12 + 15 + 10 + 8 + 18 + 14 + 6 + 5 + 2
    assert c["carried_over"] == 20 + 9 + 4  # L, M, O
    assert c["resolved_early"] == 40 + 4  # A, O (ready when handed over, 5/3, due 6/3)
    # B; E (supplement pause moved 4/3 to 6/3); F, G (closed without result); L;
    # S (recorded on time by the counter: the wait for the fee is not counted)
    assert c["resolved_on_time"] == 30 + 15 + 10 + 8 + 20 + 2
    assert c["resolved_late"] == 20 + 12  # C; D (two supplement requests)
    # H (ready only in April); J (with the citizen); K (pause moved the date to 1/4 17:30)
    assert c["in_progress_on_time"] == 18 + 6 + 5
    assert c["in_progress_overdue"] == 14 + 9  # I, M
    assert c["ended_without_result"] == 10 + 8
    assert c["received_online"] == 10 + 6
    assert c["received_post"] == 5
    assert c["received_counter"] == 180 - 16 - 5
    assert c["received_digitized"] == 40 + 12 + 15 + 18 + 5  # A, D, E, H, K
    assert c["received_fee_paid"] == 20
    # the flow adds up: what came in equals what went out plus what is left
    assert c["received"] + c["carried_over"] == r.resolved + r.in_progress
    assert r.components == 2 * 180
    assert r.components_reused == 8 + 3
    s = r.shares
    assert s["online_share"] == round(16 / 180, 4) == 0.0889
    assert s["digitized_share"] == round(90 / 180, 4) == 0.5
    assert s["reused_share"] == round(11 / 360, 4) == 0.0306
    assert s["reused_dossier_share"] == round(11 / 180, 4) == 0.0611
    assert s["progress_on_time_share"] == round((44 + 85 + 29) / 213, 4) == 0.7418
    assert s["on_time_share"] == round(129 / 161, 4)
    # A's 20 paid fees: 6 transfer, 2 online, 1 POS, 5 cash, 6 not recorded
    # (L's 3 transfers were received in February)
    assert (c["received_fee_method_known"], c["received_fee_cashless"]) == (14, 9)
    assert s["cashless_share"] == round(9 / 14, 4) == 0.6429
    assert "cashless_share" not in r.unavailable
    # results ready in March: A, B, C, D, E, S, L, O; A's first 20 kept, 10 electronic
    assert c["resolved_with_result"] == 40 + 30 + 20 + 12 + 15 + 2 + 20 + 4
    assert (c["result_digitized"], c["result_electronic"]) == (20, 10)
    assert s["result_digitized_share"] == round(20 / 143, 4) == 0.1399
    assert s["e_result_share"] == round(10 / 143, 4) == 0.0699
    # hours from receipt to ready: A 50, B 104, C 169, D 74, E 103, S 74, L 170, O 218
    hours = 40 * 50 + 30 * 104 + 20 * 169 + 12 * 74 + 15 * 103 + 2 * 74 + 20 * 170 + 4 * 218
    assert r.average_processing_days == round(hours / 24 / 143, 2) == 4.47


def test_march_scores(office):
    db, _ = office
    r = indicators.compute(db, MARCH, now=AFTER)
    scores = {s["group"]: s for s in r.scores}
    assert set(scores) == {"transparency", "progress", "digitization"}
    assert scores["progress"]["points"] == round(20 * 0.7418, 2) == 14.84
    assert scores["progress"]["max"] == 20 and not scores["progress"]["partial"]
    # 4 × digitized share + 2 × reused share / 0.8 (full marks from 80 %)
    # 6 × electronic results + 4 × digitized share + 2 × reused share / 0.8 (full from 80 %)
    points = round(6 * 0.0699, 2) + round(4 * 0.5, 2) + round(2 * 0.0611 / 0.8, 2)
    assert scores["digitization"]["points"] == round(points, 2) == 2.57
    assert scores["digitization"]["max"] == 12
    assert scores["digitization"]["group_max"] == 22 and scores["digitization"]["partial"]
    # Hộ tịch's guide is on the national portal, Cư trú's is not: 2 × 1/2
    assert (r.counts["procedures_handled"], r.counts["procedures_public"]) == (2, 1)
    assert r.shares["procedure_public_share"] == 0.5
    public = scores["transparency"]
    assert (public["points"], public["max"], public["group_max"]) == (1.0, 2, 18)
    assert public["partial"] and public["group_max_verified"] is True
    assert [i["code"] for i in public["indicators"]] == ["PUBLIC_CONTENT_FULL"]
    assert {m["code"] for m in public["not_computed"]} == {
        "PUBLISH_ON_TIME",
        "PUBLIC_UPDATE_ON_TIME",
        "DOSSIER_SYNC",
    }
    assert all(s["verified"] is False for s in r.scores)
    not_scored = {n["group"]: n for n in r.not_scored}
    assert set(not_scored) == {"online", "payment", "satisfaction"}
    # Online payment: the cashless share is reported, but no source gives the
    # threshold, so it is not scored.
    assert not_scored["payment"]["group_max_verified"] is False
    assert "ngưỡng điểm" in not_scored["payment"]["why"][0]


def test_cashless_share_is_null_with_its_reason_when_no_method_is_known(office):
    db, _ = office
    # February: L's 3 fees paid by transfer, received in the period.
    feb = indicators.compute(db, period.month(2026, 2), now=AFTER)
    assert (feb.counts["received_fee_method_known"], feb.counts["received_fee_cashless"]) == (3, 3)
    assert feb.shares["cashless_share"] == 1.0
    # April: P's dossiers have no fee at all.
    april = indicators.compute(db, period.month(2026, 4), now=AFTER)
    assert april.counts["received_fee_method_known"] == 0
    assert april.shares["cashless_share"] is None
    assert "hình thức nộp phí" in april.unavailable["cashless_share"]


def test_a_guide_counts_as_public_only_when_complete(office):
    db, _ = office
    with db.write() as session:
        x, y = (
            session.query(Procedure).filter_by(code=code).one()
            for code in (office_fixture.FIELD_X, office_fixture.FIELD_Y)
        )
        # Cư trú gets its portal link but loses its components: still incomplete.
        y.portal_url = "https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma_thu_tuc=1.004194"
        session.query(ProcedureComponent).filter_by(procedure_id=y.id).delete()
        # Hộ tịch loses its processing time (no value, no note): no longer complete.
        x.processing_value, x.processing_note = None, "  "
    r = indicators.compute(db, MARCH, now=AFTER)
    assert (r.counts["procedures_handled"], r.counts["procedures_public"]) == (2, 0)
    assert r.shares["procedure_public_share"] == 0.0
    assert {s["group"]: s for s in r.scores}["transparency"]["points"] == 0.0
    with db.write() as session:
        session.query(Procedure).filter_by(
            code=office_fixture.FIELD_X
        ).one().processing_note = "Trong ngày làm việc."
    r = indicators.compute(db, MARCH, now=AFTER)
    assert r.shares["procedure_public_share"] == 0.5


def test_a_period_without_dossiers_scores_no_transparency(office):
    db, _ = office
    r = indicators.compute(db, period.year(2020), now=AFTER)
    assert r.counts["procedures_handled"] == 0 and r.shares["procedure_public_share"] is None
    assert "transparency" in {n["group"] for n in r.not_scored}


def test_field_table_rows(office):
    db, _ = office
    rows = {row.field: row for row in indicators.compute(db, MARCH, now=AFTER).fields}
    x, y = rows["Hộ tịch"], rows["Cư trú"]
    assert (x.received, x.received_online, x.received_direct, x.carried_over) == (119, 10, 109, 0)
    assert (x.resolved, x.resolved_early, x.resolved_on_time, x.resolved_late) == (119, 40, 47, 32)
    assert (x.in_progress, x.in_progress_on_time, x.in_progress_overdue) == (0, 0, 0)
    assert (y.received, y.received_online, y.received_direct, y.carried_over) == (61, 6, 55, 33)
    assert (y.resolved, y.resolved_early, y.resolved_on_time, y.resolved_late) == (42, 4, 38, 0)
    assert (y.in_progress, y.in_progress_on_time, y.in_progress_overdue) == (52, 29, 23)


def test_period_ending_after_today_counts_as_of_now(office):
    db, _ = office
    r = indicators.compute(db, period.parse("2026-03-01", "2026-04-30"), now=AFTER)
    c = r.counts
    assert r.as_of == AFTER
    assert c["received"] == 180 + 3  # and P
    assert c["carried_over"] == 33
    assert c["resolved_early"] == 44 + 18  # H is ready on 2/4, due 3/4
    assert c["resolved_on_time"] == 85
    assert c["resolved_late"] == 32
    assert c["in_progress_on_time"] == 6  # J, still with the citizen
    assert c["in_progress_overdue"] == 14 + 9 + 5 + 3  # I, M, K (due 1/4 17:30), P


def test_drill_down_lists_the_dossiers_behind_a_figure(office):
    db, codes = office
    r = indicators.compute(db, MARCH, now=AFTER)
    behind = drilldown.dossiers(db, r.members["resolved_late"])
    expected = set(codes["C late"]) | set(codes["D two supplements"])
    assert {d.code for d in behind} == expected
    assert all(d.procedure_code for d in behind)


def test_before_any_dossier_nothing_is_scored(db):
    r = indicators.compute(db, period.year(2020), now=AFTER)
    assert r.counts["received"] == 0 and r.scores == []
    assert r.shares["digitized_share"] is None


def test_previous_periods():
    assert MARCH.previous() == period.month(2026, 2)
    assert period.quarter(2026, 1).previous() == period.quarter(2025, 4)
    assert period.year(2026).previous() == period.year(2025)
    assert period.parse("2026-03-10", "2026-03-19").previous() == period.Period(
        date(2026, 2, 28), date(2026, 3, 9)
    )


def test_bad_periods_and_office_are_refused(db):
    with pytest.raises(DomainError, match="trước ngày bắt đầu"):
        period.parse("2026-03-31", "2026-03-01")
    with pytest.raises(DomainError, match="YYYY-MM-DD"):
        period.parse("31/03/2026", "2026-04-01")
    with pytest.raises(DomainError, match="000.00.24.H47"):
        indicators.compute(db, MARCH, office="000.00.99.H99")


def test_groups_cover_every_branch():
    # the fixture is a few hundred dossiers
    assert 200 <= sum(g.count for g in GROUPS) <= 400


def test_dossier_written_by_the_counter_use_cases(db, admin, intake):
    """Through the real intake and status use cases: the pause moves the date."""
    from app.dossiers import intake as intake_uc
    from app.dossiers import progress

    intake["procedure"] = "1.001022"
    intake["received_at"] = "2026-03-09T09:00:00+07:00"
    done = intake_uc.receive(db, admin, intake, now=datetime(2026, 3, 9, 9, 0))
    assert done.due_at == datetime(2026, 3, 12, 9, 0)
    steps = [(4, "03-09 10:00"), (5, "03-10 09:00"), (4, "03-12 09:00"), (9, "03-16 08:00")]
    for status, at in steps:
        when = datetime.fromisoformat(f"2026-{at}")
        progress.change_status(db, admin, done.code, status, now=when)
    progress.record_return(db, admin, done.code, "Nguyễn Văn Đức", now=datetime(2026, 3, 17, 8))
    r = indicators.compute(db, MARCH, now=AFTER)
    # 16 working hours with the citizen move 12/3 09:00 to 16/3 09:00: ready at 08:00 is on time
    assert r.counts["resolved_on_time"] == 1
    assert r.counts["received"] == 1 and r.resolved == 1


def test_fees_paid_at_intake_count_in_the_cashless_share(db, admin, intake):
    """The counter's intake records how: POS and cash known, one left unsaid."""
    from app.dossiers import intake as intake_uc

    intake["procedure"] = "2.000815"
    intake["components"] = [
        {"index": 1, "originals": 1, "copies": 0},
        {"index": 2, "originals": 0, "copies": 1, "pages": 3},
    ]
    intake["received_at"] = "2026-03-09T09:00:00+07:00"
    intake["fee_paid"] = True
    for method in ("pos", "cash", None):
        data = dict(intake, fee_payment_method=method) if method else dict(intake)
        intake_uc.receive(db, admin, data, now=datetime(2026, 3, 9, 9, 0))
    r = indicators.compute(db, MARCH, now=AFTER)
    assert r.counts["received_fee_paid"] == 3
    assert (r.counts["received_fee_method_known"], r.counts["received_fee_cashless"]) == (2, 1)
    assert r.shares["cashless_share"] == 0.5


def test_objects_made_without_the_collector_are_not_walked_as_young_ones():
    # Walking a report's objects in one young-generation pass after the
    # collector comes back stalled the window's thread for hundreds of ms.
    import gc

    gc.collect()
    with bulk.without_gc():
        made = [[i] for i in range(50_000)]
        assert not gc.isenabled()
    assert gc.isenabled()
    # They went straight to the oldest generation, unwalked.
    young = {id(obj) for g in (0, 1) for obj in gc.get_objects(generation=g)}
    assert not any(id(item) in young for item in made[::1000])
    assert len(young) < 10_000


def test_release_empties_lists_and_dicts():
    rows = [(i, str(i)) for i in range(10_001)]
    by_id = {i: (i, "x") for i in range(5_003)}
    bulk.release(rows, by_id)
    assert rows == [] and by_id == {}


@pytest.mark.parametrize(
    "p",
    [
        period.month(2026, 2),
        MARCH,
        period.month(2026, 4),
        period.quarter(2026, 1),
        period.year(2026),
    ],
    ids=["february", "march", "april", "q1", "year"],
)
def test_the_windows_reads_give_the_same_report_as_the_command_lines(office, p):
    # The window reads one statement after another through indexes (_ROWS),
    # the command line beside the other reads in one scan (_ROWS_SCAN).
    db, _ = office
    side_by_side = indicators.compute(db, p, now=AFTER, parallel=True)
    one_by_one = indicators.compute(db, p, now=AFTER, parallel=False)
    assert one_by_one.to_json() == side_by_side.to_json()
    assert one_by_one.members == side_by_side.members
    assert sum(side_by_side.counts.values())


def test_the_windows_read_of_a_period_never_scans_every_dossier(db):
    with db.read() as session:
        plan = session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + indicators._ROWS,
            {"start": "2025-01-01 00:00:00", "end": "2026-01-01 00:00:00"},
        )
        details = [row[-1] for row in plan]
    assert not [d for d in details if d.startswith("SCAN")], details
    assert any("ix_dossier_returned_received" in d for d in details), details
