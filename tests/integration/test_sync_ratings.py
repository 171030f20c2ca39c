"""A rating given at the counter reaches the central server exactly once."""

from __future__ import annotations

import copy
from datetime import datetime

import httpx
import pytest
from sqlalchemy import select, update

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import ratings
from app.sync.round import run_round
from db.models import OutboxEvent, SatisfactionRating
from server.models import Dossier as ServerDossier
from server.models import SatisfactionRating as ServerRating

NOW = datetime(2026, 2, 13, 9, 30)


def _server_ratings(sdb, code: str) -> list[tuple[str, int, str, dict]]:
    with sdb.read() as session:
        return [
            (r.stage, r.score, r.channel, r.criteria)
            for r in session.scalars(
                select(ServerRating)
                .join(ServerDossier, ServerDossier.id == ServerRating.dossier_id)
                .where(ServerDossier.code == code)
            )
        ]


def test_a_counter_rating_reaches_the_server_once_even_when_resent(
    server, db, data_dir, clerk, intake, enrolled
):
    _, sdb, _ = server
    code = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code
    ratings.record(db, clerk, code, "intake", 2, channel="keypad", now=NOW)
    report = run_round(db, data_dir)
    assert report.ok, report.errors
    assert _server_ratings(sdb, code) == [("intake", 2, "keypad", {})]
    # The acknowledgement is lost: the station sends everything again.
    with db.write() as session:
        session.execute(update(OutboxEvent).values(sent_at=None))
    again = run_round(db, data_dir)
    assert again.ok, again.errors
    assert _server_ratings(sdb, code) == [("intake", 2, "keypad", {})]
    with db.read() as session:
        pending = session.scalars(select(OutboxEvent).where(OutboxEvent.sent_at.is_(None)))
        assert pending.all() == []


def test_a_rating_given_on_the_public_page_reaches_the_station(
    server, db, data_dir, clerk, intake, enrolled
):
    proc, sdb, _ = server
    received = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW)
    code, secret = received.code, received.lookup_secret
    assert run_round(db, data_dir).ok
    sent = httpx.post(
        f"{proc.base_url}/tra-cuu/{code}/danh-gia",
        data={"k": secret, "giai-doan": "intake", "diem": "2"},
    )
    assert sent.status_code == 303, sent.text
    assert ratings.question(db, clerk, code, "intake") is not None  # not pulled yet
    report = run_round(db, data_dir)
    assert report.ok, report.errors
    # The counter's screen no longer asks, and the stage cannot be rated twice.
    assert ratings.question(db, clerk, code, "intake") is None
    with pytest.raises(DomainError) as err:
        ratings.record(db, clerk, code, "intake", 3, now=NOW)
    assert err.value.code == "already_rated"
    with db.read() as session:
        rows = session.scalars(select(SatisfactionRating)).all()
        assert [(r.stage, r.score, r.channel) for r in rows] == [("intake", 2, "web")]
        # Nothing to send back: the server has it.
        assert (
            session.scalars(select(OutboxEvent).where(OutboxEvent.type == "dossier.rated")).all()
            == []
        )
    assert _server_ratings(sdb, code) == [("intake", 2, "web", {})]
    again = run_round(db, data_dir)
    assert again.ok and again.pushed == 0
