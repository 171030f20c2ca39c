"""Office A's station can neither read nor write office B's data."""

from __future__ import annotations

import os

from srvkit import (
    PASSWORD,
    TUS,
    Harness,
    Station,
    code_of,
    patch_headers,
    received,
    sha,
    status_changed,
    upload,
    upload_headers,
)


def _two_offices(harness: Harness) -> tuple[Station, Station]:
    return harness.enrol(harness.new_office()), harness.enrol(harness.new_office())


def test_feed_and_dossiers_of_another_office_stay_hidden(harness: Harness) -> None:
    a, b = _two_offices(harness)
    theirs = received(b)
    b.push(theirs)
    assert code_of(theirs) not in [c["code"] for c in a.changes()]
    # Writing to B's dossier from A: answered as if it did not exist.
    move = status_changed(theirs, 2, 4)
    [result] = a.push(move)
    assert result["outcome"] == "rejected"
    [again] = b.push(status_changed(theirs, 2, 4))
    assert again["outcome"] == "applied"
    # Reusing B's event UUID from A is never an acknowledgement of B's event.
    [stolen] = a.push(theirs)
    assert stolen["outcome"] == "conflict"
    # A dossier claiming B's agency code is refused.
    forged = received(a, code=f"{b.office_code}-260213-0007")
    forged["payload"]["office_code"] = b.office_code
    assert a.push(forged)[0]["outcome"] == "rejected"


def test_attachments_of_another_office_stay_hidden(harness: Harness) -> None:
    a, b = _two_offices(harness)
    data = os.urandom(40_000)
    upload(b, data)
    assert a.client.get(f"/api/v1/attachments/{sha(data)}").status_code == 404
    missing = a.client.post("/api/v1/attachments/missing", json={"hashes": [sha(data)]})
    assert missing.json()["missing"] == [sha(data)]
    # B's upload in progress cannot be read, written or cancelled by A.
    other = os.urandom(50_000)
    location = b.client.post("/api/v1/uploads", headers=upload_headers(other)).headers["Location"]
    assert a.client.head(location, headers=TUS).status_code == 404
    part = other[:1000]
    assert a.client.patch(location, content=part, headers=patch_headers(0, part)).status_code == 404
    assert a.client.delete(location, headers=TUS).status_code == 404
    assert int(b.client.head(location, headers=TUS).headers["Upload-Offset"]) == 0
    # A proves it holds the same file by uploading it; only then may it read it.
    upload(a, data)
    assert a.client.get(f"/api/v1/attachments/{sha(data)}").content == data


def test_officers_and_master_data_of_another_office_stay_hidden(harness: Harness) -> None:
    a, b = _two_offices(harness)
    theirs = harness.officer(b.office_code)
    login = a.client.post("/api/v1/officers/login", json={"username": theirs, "password": PASSWORD})
    assert login.status_code == 401
    officers = a.client.get("/api/v1/master").json()["officers"]["officers"]
    assert theirs not in [o["username"] for o in officers]


def test_back_office_of_another_office_cannot_touch_dossiers(harness: Harness) -> None:
    a, b = _two_offices(harness)
    ev = received(a)
    a.push(ev, status_changed(ev, 2, 4))
    resolver_b = harness.backoffice(b.office_code)
    url = f"/api/v1/backoffice/dossiers/{code_of(ev)}"
    assert resolver_b.get(url).status_code == 404
    assert resolver_b.post(f"{url}/status", json={"to_status": 9}).status_code == 404
    assert resolver_b.post(f"{url}/progress", json={"note": "x"}).status_code == 404
    listed = resolver_b.get("/api/v1/backoffice/dossiers").json()["dossiers"]
    assert code_of(ev) not in [d["code"] for d in listed]
