"""The public page by code alone, and the citizen's copy of a digitized result."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import uuid

import httpx
import pikepdf
import pytest
from sqlalchemy import select
from srvkit import Harness, Station, code_of, event, received, sha, status_changed, upload

from server import admin
from server.models import DossierHistory

_addresses = itertools.count(1)
LABELS = ("Trạng thái", "Thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả kết quả", "Kết quả")


def _client(harness: Harness) -> httpx.Client:
    n = next(_addresses)
    return harness.client(**{"X-Forwarded-For": f"198.19.{n // 250}.{n % 250 + 1}"})


def _labels(html: str) -> list[str]:
    return re.findall(r"<dt>([^<]+)</dt>", html)


def test_the_code_alone_shows_status_and_dates_never_the_applicant(
    harness: Harness, station: Station
) -> None:
    ev = received(station, secret="SECRET4242", name="Phạm Minh Tuấn")
    station.push(ev)
    page = _client(harness).get(f"/tra-cuu/{code_of(ev).lower()}")
    assert page.status_code == 200
    text = page.text
    assert "Được tiếp nhận" in text and "Đăng ký khai sinh" in text
    assert "13/02/2026" in text and "23/02/2026" in text and "Chưa có kết quả" in text
    for hidden in ("Phạm", "Tuấn", "P. M", "canbo1", "Người nộp", "Lịch sử"):
        assert hidden not in text
    assert 'name="ma"' in text  # the look-up form is on the page itself


def test_an_unknown_code_gets_the_same_page_but_the_fields(
    harness: Harness, station: Station
) -> None:
    ev = received(station)
    station.push(ev)
    client = _client(harness)
    known = client.get(f"/tra-cuu/{code_of(ev)}")
    unknown = client.get(f"/tra-cuu/{code_of(ev)[:-4]}0998")
    assert known.status_code == unknown.status_code == 200
    assert _labels(known.text) == _labels(unknown.text)
    assert all(label in _labels(known.text) for label in LABELS)
    assert "Không tìm thấy hồ sơ có mã này" in unknown.text
    assert "Đăng ký khai sinh" not in unknown.text


@pytest.mark.parametrize(
    "code", ["abc", "000.00.24.H47-261399-0001", "%00", "<img src=x onerror=alert(1)>", "ｘ" * 99]
)
def test_a_malformed_code_is_a_clear_message_not_an_error(harness: Harness, code: str) -> None:
    page = _client(harness).get(f"/tra-cuu/{code}")
    assert page.status_code == 400
    # A NUL is refused for every address by the server's own guard, in Vietnamese too.
    assert "Mã hồ sơ không đúng dạng" in page.text or "ký tự điều khiển" in page.text
    assert "<img" not in page.text


def test_code_only_look_ups_are_limited_per_address(harness: Harness, station: Station) -> None:
    ev = received(station)
    station.push(ev)
    client = _client(harness)
    limit = harness.settings.lookup_address_limit
    answers = [client.get(f"/tra-cuu/{code_of(ev)}").status_code for _ in range(limit + 1)]
    assert answers[:limit] == [200] * limit and answers[-1] == 429
    refused = client.get(f"/tra-cuu/{code_of(ev)}")
    assert "Bạn đã tra cứu quá nhiều lần" in refused.text and "sai" not in refused.text
    assert int(refused.headers["Retry-After"]) > 0
    # Another address still gets its answer.
    assert _client(harness).get(f"/tra-cuu/{code_of(ev)}").status_code == 200


def _resolved_with_result(station: Station, pdf: bytes, *, id_number: str) -> dict:
    ev = received(station, secret="KETQUA2026")
    ev["payload"]["applicant"]["id_number"] = id_number
    payload = ev["payload"]
    result = event(
        "dossier.result",
        payload["dossier_uuid"],
        {
            "dossier_uuid": payload["dossier_uuid"],
            "code": payload["code"],
            "result_uuid": str(uuid.uuid4()),
            "kind": "Trích lục khai sinh",
            "number": "12/TLKS",
            "issued_on": "2026-02-20",
            "sha256": sha(pdf),
            "size": len(pdf),
            "pages": 1,
            "source": "electronic",
            "captured_at": "2026-02-20T10:00:00+07:00",
        },
    )
    outcomes = station.push(
        ev,
        status_changed(ev, 2, 4, "2026-02-16T09:00"),
        status_changed(ev, 4, 9, "2026-02-20T09:00"),
        result,
    )
    assert [o["outcome"] for o in outcomes] == ["applied"] * 4, outcomes
    upload(station, pdf)
    return ev


def _pdf() -> bytes:
    doc = pikepdf.new()
    doc.add_blank_page(page_size=(595, 842))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_the_citizen_downloads_a_watermarked_copy_with_the_id_digits(
    harness: Harness, station: Station, office: str, tmp_path
) -> None:
    pdf = _pdf()
    ev = _resolved_with_result(station, pdf, id_number="001090012345")
    code = code_of(ev)
    client = _client(harness)
    shown = client.get(f"/tra-cuu/{code}", params={"k": "KETQUA2026"})
    assert "Bản sao kết quả" not in shown.text  # the office has not allowed it
    refused = client.post(f"/tra-cuu/{code}/ban-sao", data={"k": "KETQUA2026", "cuoi": "2345"})
    assert refused.headers["content-type"].startswith("text/html")
    admin.set_citizen_copy(harness.db, office, True)
    shown = client.get(f"/tra-cuu/{code}", params={"k": "KETQUA2026"})
    assert "Bản sao kết quả" in shown.text and 'name="cuoi"' in shown.text
    wrong = client.post(f"/tra-cuu/{code}/ban-sao", data={"k": "KETQUA2026", "cuoi": "9999"})
    assert wrong.status_code == 403 and "không khớp" in wrong.text
    no_secret = client.post(f"/tra-cuu/{code}/ban-sao", data={"k": "SAI", "cuoi": "2345"})
    assert no_secret.status_code == 404
    got = client.post(f"/tra-cuu/{code}/ban-sao", data={"k": "KETQUA2026", "cuoi": "2345"})
    assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
    assert got.content != pdf
    path = tmp_path / "ban-sao.pdf"
    path.write_bytes(got.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert code in text
    with harness.db.read() as session:
        notes = session.scalars(
            select(DossierHistory.note).where(DossierHistory.source == "public")
        ).all()
    assert any("tải bản sao kết quả" in (n or "") for n in notes)


def _subtitle(html: str) -> str:
    found = re.search(r"<header><h1>[^<]*</h1><p>([^<]*)</p></header>", html)
    assert found is not None
    return found.group(1)


def test_the_page_is_headed_by_the_receiving_office_not_an_old_unit_name(
    harness: Harness, station: Station
) -> None:
    ev = received(station, secret="SECRET4242")
    station.push(ev)
    client = _client(harness)
    office = re.search(
        r"<dt>Nơi tiếp nhận</dt><dd>([^<]+)</dd>", client.get(f"/tra-cuu/{code_of(ev)}").text
    )
    assert office is not None and office.group(1) != "—"
    by_code = client.get(f"/tra-cuu/{code_of(ev)}").text
    with_secret = client.get(f"/tra-cuu/{code_of(ev)}", params={"k": "SECRET4242"}).text
    assert _subtitle(by_code) == _subtitle(with_secret) == office.group(1)
    # Decree 61/2018 calls every such unit "Bộ phận Một cửa"; the pre-2018
    # name "Bộ phận tiếp nhận và trả kết quả" is no longer what a citizen sees.
    for html in (by_code, with_secret, client.get("/tra-cuu").text):
        assert "tiếp nhận và trả kết quả" not in html
    assert _subtitle(client.get("/tra-cuu").text) == "Bộ phận Một cửa"
