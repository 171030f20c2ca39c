"""Sign-in and sessions: limits kept in the database, CSRF, Secure cookies, deactivation."""

from __future__ import annotations

import re

import httpx
import pytest
import srvkit
from srvkit import PASSWORD, Harness, Station, code_of, received

from server import admin


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def _api_login(harness: Harness, username: str, password: str, address: str) -> httpx.Response:
    # The test server trusts X-Forwarded-For from loopback, as it would its proxy.
    return httpx.post(
        f"{harness.base_url}/api/v1/backoffice/login",
        json={"username": username, "password": password},
        headers={"X-Forwarded-For": address},
    )


def test_login_form_refuses_a_post_without_its_token(harness: Harness, office: str) -> None:
    username = harness.officer(office, "backoffice")
    browser = httpx.Client(base_url=harness.base_url)
    browser.get("/back-office")
    forged = browser.post(
        "/back-office/dang-nhap", data={"username": username, "password": PASSWORD}
    )
    assert forged.status_code == 403, forged.text
    assert "motcua_bo=" not in forged.headers.get("set-cookie", "")
    wrong_token = browser.post(
        "/back-office/dang-nhap",
        data={"username": username, "password": PASSWORD, "csrf": "forged"},
    )
    assert wrong_token.status_code == 403
    # Another site's form cannot read the token, and a fresh browser has no cookie.
    stranger = httpx.Client(base_url=harness.base_url)
    token = _csrf(browser.get("/back-office").text)
    refused = stranger.post(
        "/back-office/dang-nhap", data={"username": username, "password": PASSWORD, "csrf": token}
    )
    assert refused.status_code == 403
    signed_in = browser.post(
        "/back-office/dang-nhap", data={"username": username, "password": PASSWORD, "csrf": token}
    )
    assert signed_in.status_code == 303 and "motcua_bo=" in signed_in.headers["set-cookie"]


def _session_cookie(client: httpx.Client, username: str, **headers: str) -> str:
    page = client.get("/back-office", headers=headers)
    # Sent by hand: a client keeps a Secure cookie to itself over plain HTTP.
    login_cookie = page.headers["set-cookie"].split(";")[0]
    response = client.post(
        "/back-office/dang-nhap",
        data={"username": username, "password": PASSWORD, "csrf": _csrf(page.text)},
        headers={**headers, "Cookie": login_cookie},
    )
    assert response.status_code == 303, response.text
    return next(c for c in response.headers.get_list("set-cookie") if c.startswith("motcua_bo="))


def test_cookies_are_secure_behind_a_trusted_tls_proxy(harness: Harness, office: str) -> None:
    username = harness.officer(office, "backoffice")
    plain = _session_cookie(httpx.Client(base_url=harness.base_url), username)
    assert "secure" not in plain.lower()
    tls = _session_cookie(
        httpx.Client(base_url=harness.base_url), username, **{"X-Forwarded-Proto": "https"}
    )
    assert "secure" in tls.lower()


def test_forwarded_proto_from_an_untrusted_address_is_ignored(
    harness: Harness, office: str, tmp_path
) -> None:
    username = harness.officer(office, "backoffice")
    server = srvkit.ServerProcess(
        tmp_path, harness.server.db_url, "--forwarded-allow-ips", "192.0.2.1"
    )
    try:
        client = httpx.Client(base_url=server.base_url)
        cookie = _session_cookie(client, username, **{"X-Forwarded-Proto": "https"})
        assert "secure" not in cookie.lower()
    finally:
        server.stop()


def test_deactivation_ends_sessions_for_good(harness: Harness, office: str) -> None:
    username = harness.officer(office, "backoffice")
    api = harness.client()
    token = api.post(
        "/api/v1/backoffice/login", json={"username": username, "password": PASSWORD}
    ).json()["token"]
    browser = httpx.Client(base_url=harness.base_url)
    cookie = _session_cookie(browser, username).split(";")[0].split("=", 1)[1]
    auth = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/backoffice/dossiers", headers=auth).status_code == 200
    admin.set_officer_active(harness.db, username, False)
    admin.set_officer_active(harness.db, username, True)
    assert api.get("/api/v1/backoffice/dossiers", headers=auth).status_code == 401
    again = httpx.Client(base_url=harness.base_url, cookies={"motcua_bo": cookie})
    assert "Đăng nhập" in again.get("/back-office").text
    # Signing in afresh works.
    assert api.post(
        "/api/v1/backoffice/login", json={"username": username, "password": PASSWORD}
    ).is_success


def test_sign_in_limit_per_account_across_addresses(harness: Harness, office: str) -> None:
    victim = harness.officer(office, "backoffice")
    bystander = harness.officer(office, "backoffice")
    limit = harness.settings.account_miss_limit
    for i in range(limit):
        assert _api_login(harness, victim, "sai-mat-khau", f"198.51.100.{i + 1}").status_code == 401
    blocked = _api_login(harness, victim, PASSWORD, "203.0.113.9")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    # Only that account: another officer signs in from the same addresses.
    assert _api_login(harness, bystander, PASSWORD, "198.51.100.1").status_code == 200


def test_limits_survive_a_restart(harness: Harness, station: Station, tmp_path) -> None:
    ev = received(station, secret="K7Q2M9AB3C")
    station.push(ev)
    limit = harness.settings.lookup_miss_limit
    client = harness.client()
    for i in range(limit):
        response = client.get(
            f"/tra-cuu/{code_of(ev)}?k=WRONG{i:05d}", headers={"X-Forwarded-For": f"10.1.0.{i}"}
        )
        assert response.status_code == 404
    # A second server process (another worker, or the same after a restart)
    # sees the same count.
    other = srvkit.ServerProcess(tmp_path, harness.server.db_url)
    try:
        refused = httpx.get(
            f"{other.base_url}/tra-cuu/{code_of(ev)}?k=K7Q2M9AB3C",
            headers={"X-Forwarded-For": "10.2.0.1"},
        )
        assert refused.status_code == 429, refused.text
    finally:
        other.stop()


def test_one_address_behind_a_carrier_nat_does_not_lock_out_the_rest(
    harness: Harness, station: Station
) -> None:
    ev = received(station, secret="QR7H2KABCD")
    station.push(ev)
    client = harness.client(**{"X-Forwarded-For": "100.64.0.7"})
    # Someone behind the NAT mistypes several different codes ...
    for i in range(harness.settings.lookup_miss_limit + 2):
        assert client.get(f"/tra-cuu/000.00.00.H00-260213-{i:04d}?k=ABCDEFGHJK").status_code == 404
    # ... and the next citizen behind the same address still gets an answer.
    assert client.get(f"/tra-cuu/{code_of(ev)}?k=QR7H2KABCD").status_code == 200


@pytest.mark.parametrize("spread", [30])
def test_many_addresses_guessing_one_dossier_are_refused(
    harness: Harness, station: Station, spread: int
) -> None:
    ev = received(station, secret="ZX9C8V7B6N")
    station.push(ev)
    statuses = []
    for i in range(spread * 3):
        response = httpx.get(
            f"{harness.base_url}/tra-cuu/{code_of(ev)}?k=GUESS{i:05d}",
            headers={"X-Forwarded-For": f"172.16.{i % spread}.1"},
        )
        statuses.append(response.status_code)
    assert statuses.count(404) == harness.settings.lookup_miss_limit
    assert statuses[-1] == 429
