"""Look-up secrets: at least 10 characters, stored as an HMAC under a key the database lacks."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid

from sqlalchemy import select, update
from srvkit import Harness, Station, code_of, received

from server.lookupkey import KEY_FILE
from server.models import Dossier, EventRecord


def _stored(harness: Harness, code: str) -> str:
    with harness.db.read() as session:
        return session.scalar(select(Dossier.lookup_hash).where(Dossier.code == code))


def test_a_short_secret_is_rejected(station: Station) -> None:
    short = received(station, secret="ABCDEFGHJ")
    [answer] = station.push(short)
    assert answer["outcome"] == "rejected" and "lookup_secret" in answer["message"]
    assert station.push(received(station, secret="ABCDEFGHJK"))[0]["outcome"] == "applied"


def test_secret_is_stored_as_an_hmac_with_the_server_key(
    harness: Harness, station: Station
) -> None:
    secret = "K7Q2M9XH4P"
    ev = received(station, secret=secret)
    station.push(ev)
    key = (harness.settings.data_dir / KEY_FILE).read_bytes().strip()
    stored = _stored(harness, code_of(ev))
    assert stored != hashlib.sha256(secret.encode()).hexdigest()
    assert stored == hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()
    page = harness.client().get(f"/tra-cuu/{code_of(ev)}", params={"k": secret})
    assert page.status_code == 200 and "Đăng ký khai sinh" in page.text
    assert (harness.settings.data_dir / KEY_FILE).stat().st_mode & 0o077 == 0


def test_an_unsalted_digest_from_before_still_opens_and_is_upgraded(
    harness: Harness, station: Station
) -> None:
    secret = "LEGACY2345"
    ev = received(station, secret=secret)
    station.push(ev)
    legacy = hashlib.sha256(secret.encode()).hexdigest()
    with harness.db.write() as session:
        session.execute(
            update(Dossier).where(Dossier.code == code_of(ev)).values(lookup_hash=legacy)
        )
    page = harness.client().get(f"/tra-cuu/{code_of(ev)}", params={"k": secret})
    assert page.status_code == 200
    assert _stored(harness, code_of(ev)) not in (legacy, None)
    again = harness.client().get(f"/tra-cuu/{code_of(ev)}", params={"k": secret})
    assert again.status_code == 200


def test_event_fingerprints_do_not_let_a_database_copy_try_secrets(
    harness: Harness, station: Station
) -> None:
    """The stored fingerprint of a pushed intake (which holds the secret) is keyed too."""
    ev = received(station, secret="FPRINT2345")
    station.push(ev)
    canonical = json.dumps(
        {"type": ev["type"], "dossier_uuid": ev["dossier_uuid"], "payload": ev["payload"]},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()
    with harness.db.read() as session:
        stored = session.scalar(
            select(EventRecord.payload_hash).where(
                EventRecord.event_uuid == uuid.UUID(ev["event_uuid"])
            )
        )
    assert stored != hashlib.sha256(canonical).hexdigest()
    assert station.push(ev)[0]["outcome"] == "duplicate"
    # An event recorded before the key (a plain digest) is still known on replay.
    with harness.db.write() as session:
        session.execute(
            update(EventRecord)
            .where(EventRecord.event_uuid == uuid.UUID(ev["event_uuid"]))
            .values(payload_hash=hashlib.sha256(canonical).hexdigest())
        )
    assert station.push(ev)[0]["outcome"] == "duplicate"
