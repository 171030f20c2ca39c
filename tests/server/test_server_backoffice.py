"""Back office: resolving agencies move dossiers; every change reaches the office."""

from __future__ import annotations

import re

import httpx
from srvkit import PASSWORD, Harness, Station, code_of, received, status_changed


def _handed_over(station: Station) -> dict:
    ev = received(station, name="Lê Thị Hoa")
    station.push(ev, status_changed(ev, 2, 4))
    return ev


def test_status_change_goes_to_the_office_feed(harness: Harness, station: Station) -> None:
    ev = _handed_over(station)
    resolver = harness.backoffice(station.office_code)
    listed = resolver.get("/api/v1/backoffice/dossiers", params={"status": 4}).json()
    assert code_of(ev) in [d["code"] for d in listed["dossiers"]]
    cursor = station.changes()[-1]["seq"]
    url = f"/api/v1/backoffice/dossiers/{code_of(ev)}"
    assert resolver.post(f"{url}/progress", json={"note": "Đã gửi xác minh"}).status_code == 200
    response = resolver.post(f"{url}/status", json={"to_status": 9, "note": "Đã ký"})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == 9
    feed = station.changes(cursor)
    assert [c["kind"] for c in feed] == ["progress", "status"]
    assert feed[0]["payload"]["content"] == "Đã gửi xác minh"
    assert feed[1]["payload"] | {"at": None} == {
        "dossier_uuid": ev["dossier_uuid"],
        "code": code_of(ev),
        "from_status": 4,
        "to_status": 9,
        "at": None,
        "officer": feed[1]["payload"]["officer"],
        "note": "Đã ký",
        "source": "backoffice",
        "station": None,
    }


def test_illegal_transition_and_not_handed_over_are_refused(
    harness: Harness, station: Station
) -> None:
    resolver = harness.backoffice(station.office_code)
    fresh = received(station)
    station.push(fresh)
    early = resolver.post(
        f"/api/v1/backoffice/dossiers/{code_of(fresh)}/status", json={"to_status": 9}
    )
    assert early.status_code == 409
    assert early.json()["error"]["code"] == "not_handed_over"
    ev = _handed_over(station)
    illegal = resolver.post(
        f"/api/v1/backoffice/dossiers/{code_of(ev)}/status", json={"to_status": 10}
    )
    assert illegal.status_code == 409
    assert illegal.json()["error"]["code"] == "illegal_transition"
    assert "Không thể chuyển" in illegal.json()["error"]["message"]


def test_officer_sees_only_its_own_and_child_offices(harness: Harness) -> None:
    district = harness.new_office(name="UBND huyện")
    commune = harness.new_office(parent=district, name="UBND xã")
    elsewhere = harness.new_office()
    commune_station = harness.enrol(commune)
    other_station = harness.enrol(elsewhere)
    mine = _handed_over(commune_station)
    theirs = _handed_over(other_station)
    district_resolver = harness.backoffice(district)
    codes = [
        d["code"] for d in district_resolver.get("/api/v1/backoffice/dossiers").json()["dossiers"]
    ]
    assert code_of(mine) in codes and code_of(theirs) not in codes
    for method, suffix, body in (("GET", "", None), ("POST", "/status", {"to_status": 9})):
        response = district_resolver.request(
            method, f"/api/v1/backoffice/dossiers/{code_of(theirs)}{suffix}", json=body
        )
        assert response.status_code == 404
    commune_resolver = harness.backoffice(commune)
    response = commune_resolver.get(f"/api/v1/backoffice/dossiers/{code_of(mine)}")
    assert response.status_code == 200


def test_back_office_login_refusals(harness: Harness, station: Station) -> None:
    clerk = harness.officer(station.office_code, "clerk")
    for username, password in ((clerk, PASSWORD), ("khong-co", PASSWORD)):
        response = httpx.post(
            f"{harness.base_url}/api/v1/backoffice/login",
            json={"username": username, "password": password},
        )
        assert response.status_code == 401
    assert httpx.get(f"{harness.base_url}/api/v1/backoffice/dossiers").status_code == 401
    bad = httpx.get(
        f"{harness.base_url}/api/v1/backoffice/dossiers",
        headers={"Authorization": "Bearer mbo_nope"},
    )
    assert bad.status_code == 401


def test_web_page_sign_in_list_and_move_a_dossier(harness: Harness, station: Station) -> None:
    ev = _handed_over(station)
    username = harness.officer(station.office_code, "backoffice")
    browser = httpx.Client(base_url=harness.base_url, follow_redirects=True)
    page = browser.get("/back-office")
    assert "Đăng nhập" in page.text
    wrong = browser.post(
        "/back-office/dang-nhap",
        data={"username": username, "password": "x", "csrf": _csrf(page.text)},
    )
    assert wrong.status_code == 401 and "không đúng" in wrong.text
    listed = browser.post(
        "/back-office/dang-nhap",
        data={"username": username, "password": PASSWORD, "csrf": _csrf(wrong.text)},
    )
    assert listed.status_code == 200
    assert code_of(ev) in listed.text and "Lê Thị Hoa" in listed.text
    detail = browser.get(f"/back-office/ho-so/{code_of(ev)}")
    csrf = re.search(r'name="csrf" value="([^"]+)"', detail.text)
    assert csrf and "Đã xử lý xong" in detail.text
    forged = browser.post(
        f"/back-office/ho-so/{code_of(ev)}/trang-thai",
        data={"to_status": "9", "note": "x", "csrf": "forged"},
    )
    assert forged.status_code == 403
    cursor = station.changes()[-1]["seq"]
    moved = browser.post(
        f"/back-office/ho-so/{code_of(ev)}/trang-thai",
        data={"to_status": "9", "note": "Kết quả đã ký", "csrf": csrf.group(1)},
    )
    assert moved.status_code == 200 and "Đã cập nhật trạng thái" in moved.text
    [change] = station.changes(cursor)
    assert change["payload"]["to_status"] == 9 and change["payload"]["note"] == "Kết quả đã ký"
    illegal = browser.post(
        f"/back-office/ho-so/{code_of(ev)}/trang-thai",
        data={"to_status": "2", "csrf": csrf.group(1)},
    )
    assert illegal.status_code == 409 and "Không thể chuyển" in illegal.text
    out = browser.post("/back-office/dang-xuat", data={"csrf": csrf.group(1)})
    assert "Đăng nhập" in out.text
    assert "Đăng nhập" in browser.get("/back-office").text


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)
