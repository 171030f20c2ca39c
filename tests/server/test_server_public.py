"""The public status page: everything with the secret, nothing without it."""

from __future__ import annotations

import itertools
import statistics
import time

import httpx
import pytest
from srvkit import Harness, Station, code_of, received

from server.html import mask_name


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Nguyễn Văn An", "Nguyễn V. A"),
        ("Trần Thị Ngọc Bích", "Trần T. N. B"),
        ("Lê Hà", "Lê H"),
        ("Đạt", "Đ."),
        ("", ""),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


_addresses = itertools.count(1)


def _client(harness: Harness) -> httpx.Client:
    # A fresh address per client: misses are counted per client address.
    n = next(_addresses)
    return harness.client(**{"X-Forwarded-For": f"198.18.{n // 250}.{n % 250 + 1}"})


def test_valid_secret_shows_the_status(harness: Harness, station: Station) -> None:
    ev = received(station, secret="SECRET4242")
    station.push(ev)
    page = _client(harness).get(f"/tra-cuu/{code_of(ev)}", params={"k": "SECRET4242"})
    assert page.status_code == 200
    text = page.text
    assert "Được tiếp nhận" in text and "Đăng ký khai sinh" in text
    assert "Nguyễn V. A" in text and "Nguyễn Văn An" not in text
    assert "09:30 13/02/2026" in text and "09:30 23/02/2026" in text
    assert 'name="viewport"' in text
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["Referrer-Policy"] == "no-referrer"


def test_wrong_secret_looks_exactly_like_a_missing_code(harness: Harness, station: Station) -> None:
    ev = received(station, secret="SECRET4242")
    station.push(ev)
    client = _client(harness)
    wrong = client.get(f"/tra-cuu/{code_of(ev)}", params={"k": "WRONG000"})
    # A code that does not exist, typed the same way: same status, same bytes.
    missing_code = code_of(ev)[:-4] + "0999"
    absent = client.get(f"/tra-cuu/{missing_code}", params={"k": "WRONG000"})
    assert wrong.status_code == absent.status_code == 404
    assert wrong.text.replace(code_of(ev), "CODE") == absent.text.replace(missing_code, "CODE")
    assert "Nguyễn" not in wrong.text and "khai sinh" not in wrong.text
    assert "Không tìm thấy hồ sơ" in wrong.text


def test_wrong_secret_and_missing_code_take_the_same_time(
    harness: Harness, station: Station
) -> None:
    ev = received(station, secret="SECRET4242")
    station.push(ev)
    missing_code = code_of(ev)[:-4] + "0998"

    client = _client(harness)
    client.get(f"/tra-cuu/{code_of(ev)}", params={"k": "WARM"})
    samples: dict[str, list[float]] = {code_of(ev): [], missing_code: []}
    # Interleaved, so a burst of load elsewhere on the machine hits both.
    for _ in range(8):
        for code, times in samples.items():
            started = time.perf_counter()
            client.get(f"/tra-cuu/{code}", params={"k": "WRONG"})
            times.append(time.perf_counter() - started)
    wrong, absent = (statistics.median(times) for times in samples.values())
    # A password-hash check or an extra query would show as tens of milliseconds.
    assert abs(wrong - absent) < 0.01


def test_repeated_misses_on_one_dossier_are_rate_limited(
    harness: Harness, station: Station
) -> None:
    ev = received(station, secret="SECRET4242")
    other = received(station, secret="SECRET4343")
    station.push(ev, other)
    guesser = _client(harness)
    limit = harness.settings.lookup_miss_limit
    statuses = [
        guesser.get(f"/tra-cuu/{code_of(ev)}", params={"k": f"GUESS{i}"}).status_code
        for i in range(limit)
    ]
    assert statuses == [404] * limit
    blocked = guesser.get(f"/tra-cuu/{code_of(ev)}", params={"k": "SECRET4242"})
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    assert "Nguyễn" not in blocked.text
    # Refused from every address: guessing one secret cannot be spread out.
    elsewhere = _client(harness).get(f"/tra-cuu/{code_of(ev)}", params={"k": "SECRET4242"})
    assert elsewhere.status_code == 429
    # Other dossiers answer as before, from the guesser's address too.
    assert guesser.get(f"/tra-cuu/{code_of(other)}", params={"k": "SECRET4343"}).status_code == 200


def test_plain_form_leads_to_the_dossier(harness: Harness, station: Station) -> None:
    ev = received(station, secret="SECRET4242")
    station.push(ev)
    client = _client(harness)
    form = client.get("/tra-cuu")
    assert form.status_code == 200 and 'name="ma"' in form.text and 'name="k"' in form.text
    followed = client.get(
        "/tra-cuu", params={"ma": f" {code_of(ev)} ", "k": "SECRET4242"}, follow_redirects=True
    )
    assert followed.status_code == 200 and "Được tiếp nhận" in followed.text
    # The code alone gives the code-only view: the status, never the applicant.
    without_secret = client.get(f"/tra-cuu/{code_of(ev)}")
    assert without_secret.status_code == 200 and "Được tiếp nhận" in without_secret.text
    assert "Nguyễn" not in without_secret.text
