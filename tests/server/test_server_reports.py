"""Indicators per office and rolled up, over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import datetime

import httpx
from srvkit import PASSWORD, Harness, received, status_changed

MARCH = {"from": "2026-03-01", "to": "2026-03-31"}


def _push(station, at: str, steps, *, channel: int = 1) -> dict:
    ev = received(station, at=datetime.fromisoformat(f"2026-{at}"))
    ev["payload"]["channel"] = channel
    events, current = [ev], 2
    for to_status, when in steps:
        events.append(status_changed(ev, current, to_status, f"2026-{when}"))
        current = to_status
    station.push(*events)
    return ev


def _offices(harness: Harness) -> tuple[str, str, str]:
    district = harness.new_office(name="UBND huyện Thử")
    a = harness.new_office(parent=district, name="UBND xã A")
    b = harness.new_office(parent=district, name="UBND xã B")
    sa, sb = harness.enrol(a), harness.enrol(b)
    # Commune A; every appointment is ten days after receipt
    _push(sa, "03-02T09:00", [(4, "03-03T09:00"), (9, "03-05T10:00")])  # early
    _push(sa, "03-02T09:00", [(4, "03-03T09:00"), (9, "03-12T10:00")])  # late
    _push(  # two requests to supplement: late
        sa,
        "03-02T09:00",
        [
            (5, "03-03T09:00"),
            (2, "03-04T09:00"),
            (5, "03-05T09:00"),
            (4, "03-06T09:00"),
            (9, "03-07T09:00"),
        ],
    )
    _push(sa, "03-18T09:00", [(4, "03-19T09:00")])  # still open on 1/4, due 28/3: overdue
    _push(sa, "02-25T09:00", [(4, "02-26T09:00"), (9, "03-07T09:00")])  # carried over, on time
    _push(sa, "02-10T09:00", [(4, "02-11T09:00"), (9, "02-12T09:00")])  # finished before March
    # Commune B
    _push(sb, "03-25T09:00", [(4, "03-26T09:00")], channel=2)  # online, open, due 4/4
    _push(sb, "03-10T09:00", [(7, "03-11T09:00")])  # withdrawn
    return district, a, b


def test_indicators_per_office_and_rolled_up(harness: Harness) -> None:
    district, a, b = _offices(harness)
    resolver = harness.backoffice(district)
    response = resolver.get("/api/v1/backoffice/reports/indicators", params=MARCH)
    assert response.status_code == 200, response.text
    data = response.json()
    rows = {o["office_code"]: o for o in data["offices"]}
    assert set(rows) == {district, a, b}
    expected_a = {
        "received": 4,
        "carried_over": 1,
        "resolved_early": 1,
        "resolved_on_time": 1,
        "resolved_late": 2,
        "in_progress_on_time": 0,
        "in_progress_overdue": 1,
    }
    expected_b = {
        "received": 2,
        "received_online": 1,
        "carried_over": 0,
        "resolved_on_time": 1,
        "ended_without_result": 1,
        "in_progress_on_time": 1,
        "in_progress_overdue": 0,
    }
    assert {k: rows[a][k] for k in expected_a} == expected_a
    assert {k: rows[b][k] for k in expected_b} == expected_b
    assert rows[district]["received"] == 0
    total = data["total"]
    assert total["received"] == 6 and total["carried_over"] == 1
    assert (total["resolved_early"], total["resolved_on_time"], total["resolved_late"]) == (1, 2, 2)
    assert (total["in_progress_on_time"], total["in_progress_overdue"]) == (1, 1)
    assert total["received"] + total["carried_over"] == total["resolved"] + total["in_progress"]
    assert total["progress_on_time_share"] == round(4 / 7, 4)

    # a commune sees only itself
    mine = harness.backoffice(a).get("/api/v1/backoffice/reports/indicators", params=MARCH)
    assert [o["office_code"] for o in mine.json()["offices"]] == [a]


def test_bad_period_is_refused(harness: Harness, office: str) -> None:
    resolver = harness.backoffice(office)
    url = "/api/v1/backoffice/reports/indicators"
    bad = resolver.get(url, params={"from": "2026-03-31", "to": "2026-03-01"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_period"
    bad = resolver.get(url, params={"from": "31/03/2026", "to": "2026-04-01"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["error"]["message"]
    assert httpx.get(f"{harness.base_url}{url}", params=MARCH).status_code == 401


def test_report_page(harness: Harness) -> None:
    district, a, _b = _offices(harness)
    username = harness.officer(district, "backoffice")
    browser = httpx.Client(base_url=harness.base_url, follow_redirects=True)
    # signed out, the report asks to sign in first
    form = browser.get("/back-office/bao-cao")
    assert "Đăng nhập" in form.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf
    signed = browser.post(
        "/back-office/dang-nhap",
        data={"username": username, "password": PASSWORD, "csrf": csrf.group(1)},
    )
    assert signed.status_code == 200, signed.text
    page = browser.get("/back-office/bao-cao", params={"tu": "2026-03-01", "den": "2026-03-31"})
    assert page.status_code == 200
    assert 'id="indicators"' in page.text and "UBND xã A" in page.text
    total = page.text.split("<strong>Tổng cộng</strong>")[1].split("</tr>")[0]
    assert [c for c in total.replace("</td>", "").split("<td>") if c.strip()][:8] == [
        "6",
        "1",
        "1",
        "1",
        "2",
        "2",
        "1",
        "1",
    ]
    wrong = browser.get("/back-office/bao-cao", params={"tu": "2026-03-31", "den": "2026-03-01"})
    assert "Kỳ báo cáo không hợp lệ" in wrong.text
