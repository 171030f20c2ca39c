"""A procedure without a processing time is received with a date a supervisor confirms.

Before, the receive screen refused such a procedure outright. Now it warns,
asks for the promised date and a supervisor's username and password, and
refuses (writing nothing) until they are right.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from sqlalchemy import select, update

from app.domain.formatting import format_long_date
from app.dossiers import dossier_query
from app.office import auth
from db.models import Dossier, OutboxEvent, Procedure
from tests.ui.conftest import type_text
from tests.ui.test_ui_counter_flow import CARD, pdf_text

CODE = "1.004194"


def _no_time(db) -> None:
    with db.write() as session:
        session.execute(
            update(Procedure)
            .where(Procedure.code == CODE)
            .values(processing_value=None, processing_unit=None, processing_max_value=None)
        )
        auth.create_officer(session, "lanhdao", "Lê Văn Lãnh", "supervisor", "matkhau-lanhdao")


def _count(db) -> int:
    """Dossiers and outbox events: a refusal writes neither."""
    with db.read() as session:
        return len(session.scalars(select(Dossier.id)).all()) + len(
            session.scalars(select(OutboxEvent.id)).all()
        )


def test_no_processing_time_is_received_with_a_confirmed_date(
    qtbot, clerk_window, db, previews, tmp_path
):
    _no_time(db)
    page = clerk_window.pages["receive"]
    qtbot.keyClicks(page.picker.search, "tam tru")
    assert page.picker.list.currentItem().text().startswith(CODE)
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form is not None and page.form.code == CODE)
    # A warning and two fields, not a refusal.
    assert page.errors.text("procedure") == ""
    assert "chưa có thời hạn" in page.banner.text()
    assert page.manual_due.isVisibleTo(page) and page.confirm.isVisibleTo(page)

    a = page.applicant
    a.id_number.setFocus()
    with qtbot.waitSignal(page.scanner.scanned, timeout=2000):
        type_text(a.id_number, CARD + "\n")
    due = datetime(2030, 3, 15, 16, 30)
    page.manual_due.setDateTime(QDateTime(QDate(2030, 3, 15), QTime(16, 30)))
    count = _count(db)

    # No supervisor: refused beside the confirmation, nothing written.
    page.receive()
    qtbot.waitUntil(lambda: page.errors.text("confirm_by") != "")
    assert "lãnh đạo" in page.errors.text("confirm_by").lower()
    assert _count(db) == count and not previews.jobs

    # A wrong password: refused the same way.
    type_text(page.confirm.username, "lanhdao")
    type_text(page.confirm.password, "sai-mat-khau")
    page.receive()
    qtbot.waitUntil(lambda: page.errors.text("confirm_by") != "")
    assert "mật khẩu" in page.errors.text("confirm_by").lower()
    assert page.confirm.password.text() == ""  # never kept after a refusal
    assert _count(db) == count

    # A clerk cannot confirm for herself.
    page.confirm.username.clear()
    type_text(page.confirm.username, "canbo1")
    type_text(page.confirm.password, "matkhau-canbo")
    page.receive()
    qtbot.waitUntil(lambda: page.errors.text("confirm_by") != "")
    assert _count(db) == count

    page.confirm.username.clear()
    type_text(page.confirm.username, "lanhdao")
    type_text(page.confirm.password, "matkhau-lanhdao")
    page.receive()
    qtbot.waitUntil(lambda: len(previews.jobs) == 1, timeout=20_000)
    stored = dossier_query.detail(db, clerk_window.ctx.actor, page.last_result.code)
    assert stored.due_at == due and stored.due_confirmed_by == "lanhdao"
    assert format_long_date(due.date()) in pdf_text(previews.last_pdf, tmp_path)
    # Ready for the next dossier: the supervisor's password is gone.
    assert page.confirm.password.text() == "" and not page.confirm.isVisibleTo(page)


def test_an_id_card_disagreement_is_confirmed_by_a_supervisor_at_the_counter(
    qtbot, clerk_window, db, previews
):
    _no_time(db)
    page = clerk_window.pages["receive"]
    qtbot.keyClicks(page.picker.search, "dang ky khai sinh")
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form is not None and page.form.code == "1.001193")
    assert not page.confirm.isVisibleTo(page)  # a procedure with a time needs no one
    a = page.applicant
    # A woman's card typed with a man's ID number (digit 4 says male, born 1985).
    qtbot.keyClicks(a.id_number, "001085012345")
    type_text(a.full_name, "Nguyễn Thị Đào")
    qtbot.keyClicks(a.birth_date, "12/03/1985")
    a.sex.setCurrentIndex(a.sex.findData("Nữ"))
    type_text(a.address, "Thôn Đông, xã Tân Lập, Hà Nội")
    count = _count(db)
    page.receive()
    qtbot.waitUntil(lambda: page.errors.text("confirm_by") != "")
    assert "giới tính" in page.errors.text("confirm_by") and page.confirm.isVisibleTo(page)
    assert "--confirm-by" not in page.errors.text("confirm_by")
    assert _count(db) == count
    type_text(page.confirm.username, "lanhdao")
    type_text(page.confirm.password, "matkhau-lanhdao")
    page.receive()
    qtbot.waitUntil(lambda: len(previews.jobs) == 1, timeout=20_000)
    assert page.last_result is not None
