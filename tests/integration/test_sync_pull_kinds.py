"""Kinds of change a station does not know never stop its pull, and none are lost.

A station of the previous release reads pages with the three first kinds only;
the server must not send it the others. Once updated, the station gets the
feedback answers and ratings it was not sent.
"""

from __future__ import annotations

import copy
import logging
import uuid
from datetime import datetime
from typing import Any, Literal

import httpx
import pytest
from pydantic import BaseModel, ValidationError
from sqlalchemy import select

from app.dossiers import intake as intake_uc
from app.dossiers import ratings
from app.feedback import queries, register
from app.sync import credentials, cursors, pull
from app.sync.round import run_round
from app.sync.transport import Transport
from db.models import SatisfactionRating, SyncCursor
from server import admin
from tests.conftest import OFFICE_CODE
from tests.server.srvkit import PASSWORD

NOW = datetime(2026, 2, 13, 9, 30)
ANSWER = "Bộ phận đã bố trí thêm một quầy."


class OldChange(BaseModel):
    """The change as the previous release reads it: three kinds, nothing else."""

    seq: int
    kind: Literal["status", "progress", "master"]
    dossier_uuid: uuid.UUID | None = None
    code: str | None = None
    payload: dict[str, Any]


class OldPage(BaseModel):
    changes: list[OldChange]
    next_cursor: int
    has_more: bool


def _backoffice(proc, sdb) -> httpx.Client:
    username = f"bo{uuid.uuid4().hex[:8]}"
    admin.create_officer(
        sdb, OFFICE_CODE, username, "Phạm Văn Trả Lời", "backoffice", PASSWORD, None
    )
    login = httpx.post(
        f"{proc.base_url}/api/v1/backoffice/login",
        json={"username": username, "password": PASSWORD},
    )
    assert login.status_code == 200, login.text
    return httpx.Client(
        base_url=proc.base_url, headers={"Authorization": f"Bearer {login.json()['token']}"}
    )


def _transport(data_dir) -> Transport:
    cred = credentials.load(data_dir)
    assert cred is not None
    return Transport(cred.server_url, cred.station_token)


def _rated_and_answered(server, db, data_dir, clerk, intake) -> tuple[str, str]:
    """A dossier and feedback sent; then rated on the public page, answered and noted."""
    proc, sdb, _ = server
    dossier = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW)
    fb = register.receive(
        db,
        clerk,
        {
            "sender": {"full_name": "Lê Thị Mai", "address": "Xóm 3", "phone": "0987 654 321"},
            "content": "Chờ lâu ở quầy.",
            "channel": "counter",
            "dossier_code": dossier.code,
            "received_at": "2026-02-13T09:00:00+07:00",
        },
        now=NOW,
    )
    assert run_round(db, data_dir).ok
    rated = httpx.post(
        f"{proc.base_url}/tra-cuu/{dossier.code}/danh-gia",
        data={"k": dossier.lookup_secret, "giai-doan": "intake", "diem": "2"},
    )
    assert rated.status_code == 303, rated.text
    with _backoffice(proc, sdb) as office:
        answered = office.post(
            f"/api/v1/backoffice/feedback/{fb.code}/answer", json={"answer": ANSWER}
        )
        assert answered.status_code == 200, answered.text
        noted = office.post(
            f"/api/v1/backoffice/dossiers/{dossier.code}/progress", json={"note": "Đang thẩm định."}
        )
        assert noted.status_code == 200, noted.text
    return dossier.code, fb.code


@pytest.mark.parametrize("page", [pull.PAGE, 1], ids=["one-page", "page-by-page"])
def test_an_old_station_pulls_on_and_once_updated_gets_what_it_was_not_sent(
    server, db, data_dir, clerk, intake, enrolled, page, monkeypatch
):
    monkeypatch.setattr(pull, "PAGE", page)
    code, fb_code = _rated_and_answered(server, db, data_dir, clerk, intake)
    # The station as the previous release leaves it: a cursor and no note of kinds.
    with db.write() as session:
        cursor = int(cursors.get(session, "changes") or 0)
        for row in session.scalars(select(SyncCursor).where(SyncCursor.name.like("changes_%"))):
            session.delete(row)
    transport = _transport(data_dir)
    try:
        # Its pull names no kinds, and its model knows three: the page must validate.
        body = transport.call("GET", "/changes", params={"cursor": cursor, "limit": 1000})
    finally:
        transport.close()
    old = OldPage.model_validate(body)
    assert [c.kind for c in old.changes] == ["master", "progress"]  # officer, note
    with db.write() as session:
        cursors.put(session, "changes", str(old.next_cursor), NOW)
    assert ratings.question(db, clerk, code, "intake") is not None
    assert queries.get(db, fb_code).answer is None

    # Updated to this release, the station is sent the answer and the rating.
    report = run_round(db, data_dir)
    assert report.ok, report.errors
    assert report.pulled == 2
    assert queries.get(db, fb_code).answer == ANSWER
    assert ratings.question(db, clerk, code, "intake") is None
    with db.read() as session:
        rows = session.scalars(select(SatisfactionRating)).all()
        assert [(r.stage, r.score, r.channel) for r in rows] == [("intake", 2, "web")]
    # Once: the next round is sent nothing again.
    again = run_round(db, data_dir)
    assert again.ok and again.pulled == 0
    with db.read() as session:
        assert cursors.get(session, pull.COVERED) == ",".join(pull.APPLIED_KINDS)


class NewerServer(Transport):
    """The real server's pages with a kind of change added that this release does not know."""

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        body = super().call(method, path, **kwargs)
        if path == "/changes" and body["changes"]:
            body["changes"].insert(
                0,
                {
                    "seq": body["changes"][0]["seq"],
                    "kind": "appointment",
                    "dossier_uuid": body["changes"][0]["dossier_uuid"],
                    "code": None,
                    "payload": {"at": "2026-02-20T09:00:00+07:00"},
                },
            )
        return body


def test_a_kind_the_station_does_not_know_is_logged_and_passed_over(
    server, db, data_dir, clerk, intake, enrolled, caplog
):
    code, fb_code = _rated_and_answered(server, db, data_dir, clerk, intake)
    with db.read() as session:
        before = int(cursors.get(session, "changes") or 0)
    cred = credentials.load(data_dir)
    transport = NewerServer(cred.server_url, cred.station_token)
    try:
        with caplog.at_level(logging.INFO, logger="motcua.sync"):
            applied = pull.pull_changes(db, transport, enrolled)
    finally:
        transport.close()
    assert applied == 3  # rating, answer, progress note; the unknown one is not counted
    assert "appointment" in caplog.text
    assert queries.get(db, fb_code).answer == ANSWER
    assert ratings.question(db, clerk, code, "intake") is None
    with db.read() as session:
        assert int(cursors.get(session, "changes") or 0) > before


def test_a_change_of_a_known_kind_is_still_checked_strictly(
    server, db, data_dir, clerk, intake, enrolled
):
    class BrokenServer(Transport):
        def call(self, method: str, path: str, **kwargs: Any) -> Any:
            body = super().call(method, path, **kwargs)
            if path == "/changes":
                body["changes"].append({"seq": "x", "kind": "rating", "payload": {}})
            return body

    with db.read() as session:
        before = cursors.get(session, "changes")
    cred = credentials.load(data_dir)
    transport = BrokenServer(cred.server_url, cred.station_token)
    try:
        with pytest.raises(ValidationError):
            pull.pull_changes(db, transport, enrolled)
    finally:
        transport.close()
    with db.read() as session:
        assert cursors.get(session, "changes") == before
    with pytest.raises(ValidationError):
        pull.p.Change.model_validate({"seq": 1, "kind": "appointment", "payload": {}})
