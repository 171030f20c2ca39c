"""Recovery: a restored station learns its own codes and dossiers back, and nobody else's."""

from __future__ import annotations

from datetime import date, timedelta

from srvkit import BASE_DAY, Harness, Station, code_of, received, status_changed

from app.sync import recovery_protocol as rp

SINCE = {"since": (date.today() - timedelta(days=1)).isoformat()}


def test_a_station_learns_its_highest_sequence_per_day_and_its_codes(
    harness: Harness, station: Station
) -> None:
    sibling = harness.enrol(station.office_code, 2)
    later = BASE_DAY + timedelta(days=1)
    mine = [received(station), received(station), received(station, at=later)]
    station.push(*mine)
    sibling.push(received(sibling))
    response = station.client.get(f"/api/v1{rp.RECOVERY_PATH}", params=SINCE)
    assert response.status_code == 200, response.text
    state = rp.RecoveryState.model_validate(response.json())
    assert state.station == 1 and sorted(state.codes) == sorted(code_of(e) for e in mine)
    assert [(d.day, d.highest, d.count) for d in state.days] == [
        (BASE_DAY.date(), 2, 2),
        (later.date(), 3, 1),
    ]
    # Pushed before ``since``: not named (the backup holds those).
    future = (date.today() + timedelta(days=1)).isoformat()
    empty = station.client.get(f"/api/v1{rp.RECOVERY_PATH}", params={"since": future}).json()
    assert empty["codes"] == [] and empty["days"] == []


def test_dossiers_come_back_whole_and_only_the_callers_own(
    harness: Harness, station: Station
) -> None:
    sibling = harness.enrol(station.office_code, 2)
    other_office = harness.enrol(harness.new_office(), 1)
    mine = received(station, name="Trịnh Văn Sơn")
    theirs = received(sibling)
    foreign = received(other_office)
    station.push(mine, status_changed(mine, 2, 4))
    sibling.push(theirs)
    other_office.push(foreign)
    asked = [code_of(mine), code_of(theirs), code_of(foreign), "000.00.00.H00-260213-9999"]
    response = station.client.post(
        f"/api/v1{rp.RECOVERY_DOSSIERS_PATH}", json={"codes": [c.lower() for c in asked]}
    )
    assert response.status_code == 200, response.text
    body = rp.RecoveryDossiersResponse.model_validate(response.json())
    assert [d.code for d in body.dossiers] == [code_of(mine)]
    assert sorted(body.unknown) == sorted(asked[1:])
    back = body.dossiers[0]
    assert back.status == 4 and str(back.dossier_uuid) == mine["dossier_uuid"]
    assert back.intake["applicant"]["full_name"] == "Trịnh Văn Sơn"
    assert back.intake["components"][0]["name"] == "Tờ khai"
    # The server never keeps the look-up secret, so it never hands one back.
    assert "lookup_secret" not in back.intake and "K7Q2M9XH4P" not in response.text
    assert [h.to_status for h in back.history if h.to_status] == [2, 4]
    # Another office's station cannot learn the caller's codes either.
    state = other_office.client.get(f"/api/v1{rp.RECOVERY_PATH}", params=SINCE).json()
    assert code_of(mine) not in state["codes"] and code_of(theirs) not in state["codes"]


def test_recovery_needs_a_station_token(harness: Harness) -> None:
    with harness.client() as anonymous:
        assert anonymous.get(f"/api/v1{rp.RECOVERY_PATH}", params=SINCE).status_code == 401
        assert (
            anonymous.post(f"/api/v1{rp.RECOVERY_DOSSIERS_PATH}", json={"codes": []}).status_code
            == 401
        )


def test_too_many_codes_at_once_are_refused(station: Station) -> None:
    codes = [f"{station.office_code}-260213-{n:04d}" for n in range(1, rp.MAX_RECOVERY_CODES + 2)]
    response = station.client.post(f"/api/v1{rp.RECOVERY_DOSSIERS_PATH}", json={"codes": codes})
    assert response.status_code == 422
