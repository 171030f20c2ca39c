"""The server's side of station data protection, over HTTP on SQLite and PostgreSQL:
the data key's sealed copy and its one-time recovery, and the audit chain heads."""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import timedelta

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select, update
from srvkit import Harness, Station

from app.sync import keyseal
from app.sync import protocol as p
from server import keyescrow
from server.common import now
from server.models import AuditHead, KeyEscrow, KeyRecoveryCode


def _seal_for(station: Station, key: bytes, number: int | None = None) -> dict:
    info = station.client.get("/api/v1/station/key-escrow").json()
    label = keyseal.station_label(station.office_code, number or station.number)
    return {
        "sealed_key": keyseal.seal(keyseal.decode_public(info["public_key"]), key, label),
        "key_id": info["key_id"],
        "check": keyseal.check_value(key),
    }


def _recover(harness: Harness, station: Station, code: str, number: int | None = None):
    reply = X25519PrivateKey.generate()
    response = httpx.post(
        f"{harness.base_url}/api/v1/recovery/key",
        json={
            "office_code": station.office_code,
            "station_number": number or station.number,
            "recovery_code": code,
            "reply_public_key": keyseal.public_b64(reply),
        },
        headers={p.PROTOCOL_HEADER: "1"},
    )
    return response, reply


def test_the_sealed_copy_is_kept_checked_and_handed_back_once_for_a_one_time_code(
    harness: Harness, office: str
) -> None:
    station = harness.enrol(office, 1)
    other = harness.enrol(office, 2)
    key = os.urandom(32)
    info = station.client.get("/api/v1/station/key-escrow").json()
    assert info["held_check"] is None and len(base64.b64decode(info["public_key"])) == 32

    # Sealed for another station, or to a key the server no longer has: refused.
    wrong = _seal_for(station, key, number=2)
    assert station.client.put("/api/v1/station/key-escrow", json=wrong).status_code == 422
    stale = {**_seal_for(station, key), "key_id": "0" * 16}
    assert station.client.put("/api/v1/station/key-escrow", json=stale).status_code == 409
    with pytest.raises(keyescrow.RecoveryCodeError):
        keyescrow.issue_code(harness.db, 30, office, 1, "test")

    response = station.client.put("/api/v1/station/key-escrow", json=_seal_for(station, key))
    assert response.status_code == 200, response.text
    assert response.json()["held_check"] == keyseal.check_value(key)
    with harness.db.read() as session:
        held = session.get(KeyEscrow, station.enrolment["station_id"])
        assert key.hex() not in held.sealed_key and key.hex() not in held.check

    code, _minutes = keyescrow.issue_code(harness.db, 30, office, 1, "test")
    for bad, number, expected in (
        ("AAAA-BBBB-CCCC-DDDD", 1, "bad_recovery_code"),
        (code, 2, "bad_recovery_code"),  # another station's code is not this one's
    ):
        response, _ = _recover(harness, station, bad, number)
        assert response.status_code == 403, response.text
        assert response.json()["error"]["code"] == expected
        assert "không đúng" in response.json()["error"]["message"]
    response, _ = _recover(harness, other, code)
    assert response.status_code == 403

    response, reply = _recover(harness, station, code.lower().replace("-", " "))
    assert response.status_code == 200, response.text
    body = response.json()
    label = keyseal.station_label(office, 1) + keyescrow.REPLY_SUFFIX
    assert keyseal.open_sealed(reply, body["sealed_key"], label) == key
    assert body["check"] == keyseal.check_value(key)
    with harness.db.read() as session:
        grant = session.scalar(
            select(KeyRecoveryCode).where(
                KeyRecoveryCode.station_id == station.enrolment["station_id"]
            )
        )
        assert grant.used_at is not None and grant.used_from and grant.issued_by == "test"

    response, _ = _recover(harness, station, code)
    assert response.json()["error"]["code"] == "recovery_code_used"
    assert "đã được dùng" in response.json()["error"]["message"]

    late, _minutes = keyescrow.issue_code(harness.db, 30, office, 1, "test")
    with harness.db.write() as session:
        session.execute(
            update(KeyRecoveryCode)
            .where(
                KeyRecoveryCode.code_hash
                == hashlib.sha256(late.replace("-", "").encode()).hexdigest()
            )
            .values(expires_at=now() - timedelta(seconds=1))
        )
    response, _ = _recover(harness, station, late)
    assert response.json()["error"]["code"] == "recovery_code_expired"
    assert "hết hạn" in response.json()["error"]["message"]


def _head(station: Station, head_id: int, digest: str, anchor=None) -> dict:
    body = {"id": head_id, "hash": digest, "seal": "ab" * 32, "at": "2026-02-13T09:31:00+07:00"}
    if anchor is not None:
        body["anchor"] = {"id": anchor[0], "hash": anchor[1]}
    response = station.client.post("/api/v1/station/audit-head", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def _h(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_heads_are_kept_and_a_backwards_or_rewritten_one_is_flagged(
    harness: Harness, office: str
) -> None:
    station = harness.enrol(office, 1)
    assert station.client.get("/api/v1/station/audit-head").json() == {"id": None, "hash": None}
    assert _head(station, 10, _h("10")) == {"recorded": True, "flag": None, "message": None}
    assert _head(station, 10, _h("10"))["recorded"] is False  # the same head again
    assert station.client.get("/api/v1/station/audit-head").json() == {"id": 10, "hash": _h("10")}
    assert _head(station, 15, _h("15"), anchor=(10, _h("10")))["flag"] is None

    # The hash at an id already reported changed: the log was rewritten behind the head.
    answer = _head(station, 20, _h("20"), anchor=(15, _h("15 edited")))
    assert answer["flag"] == "rewritten" and "mục 15" in answer["message"]
    # An entry the server saw is gone from the station altogether.
    assert _head(station, 25, _h("25"), anchor=(20, None))["flag"] == "rewritten"
    answer = _head(station, 12, _h("12"))
    assert answer["flag"] == "backwards" and "từ mục 25 về mục 12" in answer["message"]
    with harness.db.read() as session:
        rows = session.scalars(
            select(AuditHead)
            .where(AuditHead.station_id == station.enrolment["station_id"])
            .order_by(AuditHead.row_id)
        ).all()
    assert [(r.head_id, r.flag) for r in rows] == [
        (10, None),
        (15, None),
        (20, "rewritten"),
        (25, "rewritten"),
        (12, "backwards"),
    ]

    bo = harness.backoffice(office)
    listed = bo.get("/api/v1/backoffice/stations")
    assert listed.status_code == 200, listed.text
    (mine,) = [s for s in listed.json()["stations"] if s["number"] == 1]
    assert mine["last_head"]["id"] == 12
    assert [f["flag"] for f in mine["flags"]] == ["backwards", "rewritten", "rewritten"]
    # Another office's officer does not see this office's stations.
    assert all(
        s["office_code"] != office
        for s in harness.backoffice(harness.new_office())
        .get("/api/v1/backoffice/stations")
        .json()["stations"]
    )


def test_bad_heads_and_callers_are_answered_never_with_a_500(
    harness: Harness, station: Station
) -> None:
    for body in (
        {"id": -1, "hash": _h("x"), "at": "2026-02-13T09:31:00+07:00"},
        {"id": 1, "hash": "zz", "at": "2026-02-13T09:31:00+07:00"},
        {"id": 2**63, "hash": _h("x"), "at": "2026-02-13T09:31:00+07:00"},
        {"id": 1, "hash": _h("x"), "at": "2026-02-13T09:31:00+07:00", "anchor": {"id": "a"}},
    ):
        assert station.client.post("/api/v1/station/audit-head", json=body).status_code == 422
    anonymous = harness.client(**{p.PROTOCOL_HEADER: "1"})
    assert anonymous.get("/api/v1/station/audit-head").status_code == 401
    assert anonymous.get("/api/v1/station/key-escrow").status_code == 401
    assert anonymous.get("/api/v1/backoffice/stations").status_code == 401
    response = anonymous.post(
        "/api/v1/recovery/key",
        json={
            "office_code": station.office_code,
            "station_number": 1,
            "recovery_code": "x",
            "reply_public_key": "A" * 44,
        },
    )
    assert response.status_code in (403, 422)
