"""Satisfaction ratings at the station: once per dossier and stage, anonymous, never edited."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers import intake as intake_uc
from app.dossiers import progress, ratings
from app.infra import datadir
from app.infra.storage import connect_file
from app.office import settings_admin
from db.models import AuditLog, OutboxEvent, SatisfactionRating

NOW = datetime(2026, 2, 13, 9, 30)


def _received(db, clerk, intake) -> str:
    return intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code


def _returned(db, clerk, code: str) -> None:
    progress.change_status(db, clerk, code, Status.PROCESSING, now=datetime(2026, 2, 16, 9))
    progress.change_status(db, clerk, code, Status.RESOLVED, now=datetime(2026, 2, 17, 9))
    progress.record_return(db, clerk, code, "Nguyễn Văn Đức", now=datetime(2026, 2, 18, 9))


def test_a_rating_is_stored_with_its_event_and_names_no_officer(db, clerk, intake):
    code = _received(db, clerk, intake)
    receipt = ratings.record(db, clerk, code, "intake", 3, channel="screen", now=NOW)
    assert (receipt.stage, receipt.score, receipt.score_label) == ("intake", 3, "Hài lòng")
    with db.read() as session:
        row = session.scalar(select(SatisfactionRating))
        assert (row.stage, row.score, row.channel, row.criteria) == ("intake", 3, "screen", {})
        event = session.scalar(select(OutboxEvent).where(OutboxEvent.type == "dossier.rated"))
        assert event.payload["rating_uuid"] == receipt.uuid
        assert event.payload["score"] == 3
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "dossier.rated"))
    # Anonymous to the officer rated: nothing written for the rating names the clerk.
    columns = set(SatisfactionRating.__table__.columns.keys())
    assert not columns & {"officer", "received_by", "station_id", "username"}
    assert "canbo1" not in repr(event.payload)
    assert audit.officer is None and "score" not in (audit.detail or {})


def test_a_replayed_rating_is_refused_and_the_first_one_stays(db, clerk, intake):
    code = _received(db, clerk, intake)
    ratings.record(db, clerk, code, "intake", 1, now=NOW)
    with pytest.raises(DomainError) as err:
        ratings.record(db, clerk, code, "intake", 3, now=NOW)
    assert err.value.code == "already_rated"
    assert "đã được đánh giá ở bước tiếp nhận hồ sơ" in err.value.message_vi
    with db.read() as session:
        assert [r.score for r in session.scalars(select(SatisfactionRating))] == [1]
        events = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "dossier.rated"))
        assert len(events.all()) == 1


def test_the_return_stage_waits_for_the_hand_over(db, clerk, intake):
    code = _received(db, clerk, intake)
    with pytest.raises(DomainError) as err:
        ratings.record(db, clerk, code, "return", 2, now=NOW)
    assert err.value.code == "not_returned"
    _returned(db, clerk, code)
    ratings.record(db, clerk, code, "return", 2, now=datetime(2026, 2, 18, 9, 5))
    ratings.record(db, clerk, code, "intake", 3, now=datetime(2026, 2, 18, 9, 6))
    with db.read() as session:
        found = ratings.counts(session, date(2026, 2, 1), date(2026, 2, 28))
    assert found.by_stage == {"intake": {3: 1}, "return": {2: 1}}
    assert found.total == 2 and found.satisfied_share == 0.5


def test_a_dossier_of_another_office_is_refused(db, clerk, intake):
    _received(db, clerk, intake)
    with pytest.raises(DomainError) as err:
        ratings.record(db, clerk, "000.00.99.H01-260213-0001", "intake", 3, now=NOW)
    assert err.value.code == "other_office"
    assert "không phải của cơ quan này" in err.value.message_vi
    with pytest.raises(DomainError) as err:
        ratings.record(db, clerk, "000.00.24.H47-260213-0999", "intake", 3, now=NOW)
    assert err.value.code == "unknown_dossier"


@pytest.mark.parametrize(
    ("stage", "score", "code"),
    [("tiepnhan", 3, "bad_stage"), ("intake", 4, "bad_score"), ("intake", "ba", "bad_score")],
)
def test_bad_stage_or_score_gets_a_reason(db, clerk, intake, stage, score, code):
    dossier = _received(db, clerk, intake)
    with pytest.raises(DomainError) as err:
        ratings.record(db, clerk, dossier, stage, score, now=NOW)
    assert err.value.code == code


def test_criteria_are_the_ones_the_office_enabled(db, clerk, admin, intake):
    code = _received(db, clerk, intake)
    with pytest.raises(DomainError) as err:
        ratings.record(db, clerk, code, "intake", 3, {"attitude": 3}, now=NOW)
    assert err.value.code == "criterion_not_enabled"
    with pytest.raises(DomainError):
        settings_admin.update(db, admin, {"rating_criteria": "attitude,teleport"})
    settings_admin.update(db, admin, {"rating_criteria": "waiting, attitude"})
    question = ratings.question(db, clerk, code, "intake")
    assert [key for key, _ in question.criteria] == ["attitude", "waiting"]
    with pytest.raises(DomainError) as err:
        ratings.record(db, clerk, code, "intake", 3, {"attitude": 5}, now=NOW)
    assert err.value.code == "bad_score"
    receipt = ratings.record(db, clerk, code, "intake", 2, {"attitude": 3}, now=NOW)
    assert receipt.criteria == {"attitude": 3}
    assert ratings.question(db, clerk, code, "intake") is None


def test_a_stored_rating_cannot_be_edited_even_in_the_database(db, clerk, intake, data_dir):
    code = _received(db, clerk, intake)
    ratings.record(db, clerk, code, "intake", 1, now=NOW)
    with pytest.raises(Exception, match="cannot be changed"), db.write() as session:
        session.scalar(select(SatisfactionRating)).score = 3
    with db.read() as session:
        assert session.scalar(select(SatisfactionRating.score)) == 1
    db.dispose()
    conn = connect_file(datadir.db_path(data_dir), data_dir=data_dir)
    try:
        # The driver's own IntegrityError (sqlite3 or SQLCipher's).
        with pytest.raises(Exception, match="cannot be deleted"):
            conn.execute("DELETE FROM satisfaction_rating")
    finally:
        conn.close()
