"""A citizen rates from the public page in Debian's headless Chromium: it reaches the server once.

Chromium is driven over the DevTools protocol (``cdp.py``): the page is
opened from the receipt's QR link, the button is clicked with a mouse event
at its place on the page, and the page the browser lands on is read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cdp import Browser
from sqlalchemy import select
from srvkit import Harness, Station, code_of, received
from test_server_chromium import _chromium

from server.models import Dossier, SatisfactionRating


def _ratings(harness: Harness, code: str) -> list[tuple[str, int, str]]:
    with harness.db.read() as session:
        return [
            (r.stage, r.score, r.channel)
            for r in session.scalars(
                select(SatisfactionRating)
                .join(Dossier, Dossier.id == SatisfactionRating.dossier_id)
                .where(Dossier.code == code)
            )
        ]


@pytest.mark.slow
@pytest.mark.parametrize("harness", ["sqlite"], indirect=True)
def test_a_rating_from_the_public_page_reaches_the_server_exactly_once(
    harness: Harness, station: Station, tmp_path: Path
) -> None:
    ev = received(station, secret="QRRATE7H2K", name="Phạm Minh Tuấn")
    station.push(ev)
    code = code_of(ev)
    link = f"{harness.base_url}/tra-cuu/{code}?k=QRRATE7H2K#danh-gia"
    chromium = _chromium()
    phone = Browser(chromium, tmp_path / "phone", "--window-size=390,844")
    # The same page left open in a second browser: a replay of the form.
    tablet = Browser(chromium, tmp_path / "tablet", "--window-size=800,1000")
    try:
        phone.open(link)
        tablet.open(link)
        shown = phone.text()
        assert "Đánh giá mức độ hài lòng" in shown and "Phạm M. T" in shown
        assert "Hài lòng" in shown and "Đánh giá sau khi nhận kết quả." in shown
        phone.click("#diem-intake-3")
        assert "Ông/bà đã đánh giá." in phone.text()
        assert phone.evaluate("location.hash") == "#danh-gia"
        assert _ratings(harness, code) == [("intake", 3, "web")]
        tablet.click("#diem-intake-1")
        refused = tablet.text()
        assert "đã được đánh giá ở bước tiếp nhận hồ sơ" in refused
        phone.reload()  # after the thanks: no form to send again
        assert phone.evaluate("document.querySelector('#diem-intake-3')") is None
    finally:
        phone.close()
        tablet.close()
    assert _ratings(harness, code) == [("intake", 3, "web")]
