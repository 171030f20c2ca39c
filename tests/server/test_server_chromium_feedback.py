"""A citizen sends feedback from the status page in Debian's headless Chromium: real
typing, a real click, the page's own form; anonymous first (refused), then complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from cdp import Browser
from sqlalchemy import select
from srvkit import Harness, Station, code_of, received
from test_server_chromium import _chromium

from server.models import Feedback


@pytest.mark.slow
@pytest.mark.parametrize("harness", ["sqlite"], indirect=True)
def test_feedback_form_in_headless_chromium(
    harness: Harness, station: Station, tmp_path: Path
) -> None:
    ev = received(station, secret="QR7H2KFB8P", name="Phạm Minh Tuấn")
    station.push(ev)
    code = code_of(ev)
    browser = Browser(_chromium(), tmp_path / "profile")
    try:
        browser.open(f"{harness.base_url}/tra-cuu/{code}?k=QR7H2KFB8P")
        assert "Gửi phản ánh, kiến nghị về hồ sơ này" in browser.evaluate("document.body.innerText")
        browser.type_into("#pa-ten", "Phạm Minh Tuấn")
        browser.type_into("#pa-dc", "Số 5 ngõ 12, phường <b>Láng</b>")
        browser.type_into("#pa-nd", "Đã quá hẹn <script>alert(1)</script> mà chưa có kết quả.")
        # The phone is left empty: the browser's own check stops the form; without it
        # (a script, an old phone) the server refuses with the reason.
        assert browser.evaluate("document.querySelector('#pa-dt').checkValidity()") is False
        browser.evaluate("document.querySelector('#phan-anh form').noValidate = true")
        browser.click("#phan-anh button")
        text = browser.evaluate("document.body.innerText")
        assert "Không tiếp nhận phản ánh, kiến nghị nặc danh" in text
        assert "Còn thiếu: số điện thoại." in text
        # What was typed is kept in the form, as text.
        assert browser.evaluate("document.querySelector('#pa-dc').value") == (
            "Số 5 ngõ 12, phường <b>Láng</b>"
        )
        with harness.db.read() as session:
            assert (
                session.scalars(select(Feedback).where(Feedback.dossier_code == code)).all() == []
            )

        browser.type_into("#pa-dt", "0912 345 678")
        browser.click("#phan-anh button")
        assert "/phan-anh/" in browser.evaluate("location.pathname")
        text = browser.evaluate("document.body.innerText")
        assert "Đã tiếp nhận phản ánh của bạn" in text
        assert "Đã quá hẹn <script>alert(1)</script> mà chưa có kết quả." in text
        assert browser.evaluate("document.querySelectorAll('script').length") == 0
        assert "Phạm M. T" in text and "Phạm Minh Tuấn" not in text
        with harness.db.read() as session:
            [row] = session.scalars(select(Feedback).where(Feedback.dossier_code == code)).all()
        assert (row.channel, row.dossier_code, row.sender_phone) == ("web", code, "0912 345 678")
        # Back on the dossier's page, the item is listed with its state.
        browser.open(f"{harness.base_url}/tra-cuu/{code}?k=QR7H2KFB8P")
        listed = browser.evaluate("document.querySelector('#phan-anh-da-gui').innerText")
        assert row.code in listed and "Đang xem xét, chưa trả lời" in listed
    finally:
        browser.close()
