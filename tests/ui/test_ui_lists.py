"""The Hồ sơ screen's filtered list printed and exported to Excel; the log book printed."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from app.domain.status import Status
from app.dossiers import progress
from tests.reports.test_report_export import sheets_as_csv
from tests.ui.test_ui_counter_flow import pdf_text
from tests.ui.test_ui_dossiers import receive


def _page(qtbot, win):
    page = win.show_page("dossiers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=20_000)
    return page


@pytest.fixture
def three(db, clerk):
    codes = [
        receive(db, clerk, full_name=name, id_number=number, birth_date=born, sex=sex).code
        for name, number, born, sex in (
            ("Nguyễn Văn Đức", "001085012345", "1985-03-12", "Nam"),
            ("Trần Thị Hoa", "001190012346", "1990-07-15", "Nữ"),
            ("Lê Minh Tuấn", "031088004321", "1988-01-20", "Nam"),
        )
    ]
    progress.change_status(db, clerk, codes[1], Status.PROCESSING)
    return codes


def test_the_filtered_list_prints_with_the_filter_named(
    qtbot, clerk_window, previews, three, tmp_path
):
    page = _page(qtbot, clerk_window)
    page.status.setCurrentIndex(page.status.findData(int(Status.PROCESSING)))
    page.apply_filter()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)
    qtbot.mouseClick(page.print_list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews.jobs) == 1, timeout=30_000)
    text = pdf_text(previews.last_pdf, tmp_path)
    assert "DANH SÁCH HỒ SƠ" in text and "trạng thái “Đang xử lý” — 1 hồ sơ" in text
    assert three[1] in text
    assert "Trần Thị Hoa" in text and "Nguyễn Văn Đức" not in text
    width, height = previews.jobs[0].sizes[0].width(), previews.jobs[0].sizes[0].height()
    assert width > height  # A4 landscape


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice (libreoffice-calc)")
def test_the_whole_list_goes_to_excel_as_libreoffice_reads_it_and_to_pdf(
    qtbot, clerk_window, three, tmp_path
):
    page = _page(qtbot, clerk_window)
    target = tmp_path / "danh-sach.xlsx"
    page.export_list("xlsx", target)
    qtbot.waitUntil(lambda: page.banner.kind == "success", timeout=30_000)
    assert str(target) in page.banner.text()
    (rows,) = sheets_as_csv(target, tmp_path).values()
    assert rows[4][:3] == ["STT", "Mã hồ sơ", "Người nộp"]
    body = rows[5:]
    assert [r[0] for r in body] == ["1", "2", "3"]
    assert sorted(r[1] for r in body) == sorted(three)
    assert {r[2] for r in body} == {"Nguyễn Văn Đức", "Trần Thị Hoa", "Lê Minh Tuấn"}
    assert "tất cả hồ sơ — 3 hồ sơ" in rows[2][0]
    # The same list as a PDF file.
    pdf = tmp_path / "danh-sach.pdf"
    page.banner.clear_message()
    page.export_list("pdf", pdf)
    qtbot.waitUntil(lambda: page.banner.kind == "success", timeout=30_000)
    text = pdf_text(pdf.read_bytes(), tmp_path)
    assert all(code in text for code in three) and "tất cả hồ sơ — 3 hồ sơ" in text


def test_the_log_book_of_today_prints_from_the_window(
    qtbot, clerk_window, previews, three, tmp_path
):
    page = _page(qtbot, clerk_window)
    qtbot.mouseClick(page.logbook_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews.jobs) == 1, timeout=30_000)
    assert previews.jobs[0].title.startswith("Sổ theo dõi hồ sơ ")
    text = pdf_text(previews.last_pdf, tmp_path)
    assert "SỔ THEO DÕI HỒ SƠ" in text.upper()
    for name in ("Nguyễn Văn Đức", "Trần Thị Hoa", "Lê Minh Tuấn"):
        assert name in text
