"""The 766 group "Mức độ hài lòng" fed by the citizens' ratings of the period."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.dossiers import ratings
from app.reports import indicators, period
from tests.reports.office_fixture import build

MARCH = period.month(2026, 3)
AFTER = datetime(2026, 4, 15, 10, 0)


@pytest.fixture
def office(db):
    return db, build(db)


def _rate(db, clerk, codes: list[str], scores: list[int], at: datetime) -> None:
    for code, score in zip(codes, scores, strict=True):
        ratings.record(db, clerk, code, "intake", score, now=at)


def test_nine_of_ten_satisfied_in_march_is_full_marks(office, clerk):
    db, codes = office
    group_a = codes["A early"]
    # Ten ratings in March: nine "Hài lòng", one "Bình thường"; two more in April.
    _rate(db, clerk, group_a[:10], [3] * 9 + [2], datetime(2026, 3, 10, 9, 0))
    _rate(db, clerk, group_a[10:12], [1, 1], datetime(2026, 4, 2, 9, 0))
    r = indicators.compute(db, MARCH, now=AFTER)
    assert (r.counts["ratings"], r.counts["ratings_satisfied"]) == (10, 9)
    assert r.shares["satisfaction_share"] == 0.9
    assert "satisfaction_share" not in r.unavailable
    group = {s["group"]: s for s in r.scores}["satisfaction"]
    # Full marks from 90 % (indicators_766.json), the feedback indicators still missing.
    assert group["points"] == 6 and group["max"] == 6 and group["group_max"] == 18
    assert group["partial"] and group["verified"] is False
    assert [d["code"] for d in group["indicators"]] == ["DOSSIER_RECEIVING_SATISFACTION"]
    assert "satisfaction" not in {n["group"] for n in r.not_scored}


def test_below_the_threshold_points_are_proportional(office, clerk):
    db, codes = office
    _rate(db, clerk, codes["A early"][:10], [3] * 6 + [2, 2, 1, 1], datetime(2026, 3, 20, 9, 0))
    r = indicators.compute(db, MARCH, now=AFTER)
    assert r.shares["satisfaction_share"] == 0.6
    group = {s["group"]: s for s in r.scores}["satisfaction"]
    assert group["points"] == round(6 * 0.6 / 0.9, 2) == 4.0


def test_a_period_without_ratings_says_why(office):
    db, _ = office
    r = indicators.compute(db, MARCH, now=AFTER)
    assert r.counts["ratings"] == 0 and r.shares["satisfaction_share"] is None
    assert r.unavailable["satisfaction_share"] == "Chưa có đánh giá của người dân trong kỳ."
    [missing] = [n for n in r.not_scored if n["group"] == "satisfaction"]
    assert "Chưa có đánh giá của người dân trong kỳ." in missing["why"]
