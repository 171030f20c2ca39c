"""Finding dossiers and acting on them from the table, look-up and detail pane."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from app.dossiers import intake, progress
from tests.conftest import INTAKE
from tests.ui.conftest import confirm_click, type_text
from tests.ui.test_ui_counter_flow import CARD, pdf_text


def receive(db, clerk, **applicant) -> intake.ReceiveResult:
    data = copy.deepcopy(INTAKE)
    data["applicant"].update(applicant)
    data.pop("received_at")
    return intake.receive(db, clerk, data)


def search(qtbot, page, text: str) -> None:
    page.query.clear()
    type_text(page.query, text)
    with qtbot.waitSignal(page.results_shown, timeout=5000):
        qtbot.keyClick(page.query, Qt.Key.Key_Return)


def test_look_up_by_receipt_qr_link_id_card_qr_and_id_number(qtbot, clerk_window, db, clerk):
    first = receive(db, clerk)
    page = clerk_window.show_page("lookup")
    search(qtbot, page, first.lookup_url)
    assert page.result.kind == "code" and [d.code for d in page.result.items] == [first.code]
    search(qtbot, page, "001085012345|123456789|Nguyễn Văn Đức|12031985|Nam|Hà Nội|01012021")
    assert page.result.kind == "id_number" and page.result.items[0].code == first.code
    search(qtbot, page, "001085012345")
    assert page.summary.text().startswith("1 hồ sơ")
    search(qtbot, page, "khong co ai ten nay")
    assert page.result.items == [] and page.table.rowCount() == 0


def test_an_empty_look_up_says_what_to_type(qtbot, clerk_window):
    page = clerk_window.show_page("lookup")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.banner.kind == "error")
    assert "Hãy nhập mã hồ sơ" in page.banner.text()


def test_table_filters_by_status_and_deadline(qtbot, clerk_window, db, clerk):
    a = receive(db, clerk)
    b = receive(
        db,
        clerk,
        id_number="001190012345",
        full_name="Trần Thị Hoa",
        birth_date="1990-07-15",
        sex="Nữ",
    )
    progress.change_status(db, clerk, b.code, 4)
    page = clerk_window.show_page("dossiers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.status.setCurrentIndex(page.status.findData(4))
    qtbot.waitUntil(lambda: [r.code for r in page.model.rows] == [b.code])
    page.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.overdue.setChecked(True)
    qtbot.waitUntil(lambda: not page.model.loading)
    assert page.model.rowCount() == 0  # both were just received
    page.overdue.setChecked(False)
    page.procedure.setCurrentIndex(page.procedure.findData("2.000815"))
    qtbot.waitUntil(lambda: not page.model.loading)
    assert page.model.rowCount() == 0
    page.procedure.setCurrentIndex(page.procedure.findData("1.001193"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert {r.code for r in page.model.rows} == {a.code, b.code}


def test_detail_actions_follow_the_status_and_print_their_slips(
    qtbot, clerk_window, db, clerk, previews, tmp_path
):
    result = receive(db, clerk)
    clerk_window.open_dossier(result.code)
    page = clerk_window.pages["dossiers"]
    detail = page.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.code == result.code)
    assert [n for n, b in detail.buttons.items() if b.isVisibleTo(detail)] == [
        "supplement",
        "processing",
        "resolved",
    ]

    confirm_click(qtbot, detail.buttons["supplement"])
    qtbot.waitUntil(lambda: detail.errors.text("reason") != "")
    assert detail.view.status == 2

    type_text(detail.reason, "Thiếu giấy chứng sinh")
    type_text(detail.missing, "2")
    confirm_click(qtbot, detail.buttons["supplement"])
    qtbot.waitUntil(lambda: detail.view.status == 5 and len(previews.jobs) == 1)
    text = pdf_text(previews.last_pdf, tmp_path)
    assert "BỔ SUNG" in text.upper() and "Giấy chứng sinh" in text
    assert [n for n, b in detail.buttons.items() if b.isVisibleTo(detail)] == [
        "refuse",
        "processing",
    ]
    qtbot.waitUntil(
        lambda: (
            page.model.row_of(result.code) >= 0
            and page.model.rows[page.model.row_of(result.code)].status == 5
        )
    )

    type_text(detail.reason, "Không bổ sung đúng hạn")
    confirm_click(qtbot, detail.buttons["refuse"])
    qtbot.waitUntil(lambda: detail.view.status == 3 and len(previews.jobs) == 2)
    assert "Không bổ sung đúng hạn" in pdf_text(previews.last_pdf, tmp_path)
    assert not any(b.isVisibleTo(detail) for b in detail.buttons.values())
    assert "Không được tiếp nhận" in detail.status.text()

    detail.reprint("receipt")
    qtbot.waitUntil(lambda: len(previews.jobs) == 3)
    assert result.code in pdf_text(previews.last_pdf, tmp_path)


def test_scanning_a_card_on_the_look_up_page_finds_the_person(qtbot, clerk_window, db, clerk):
    receive(
        db,
        clerk,
        id_number="001190012345",
        full_name="Trần Thị Hoa",
        birth_date="1990-07-15",
        sex="Nữ",
    )
    page = clerk_window.show_page("lookup")
    search(qtbot, page, CARD)
    assert page.result.kind == "id_number"
    assert [d.applicant_name for d in page.result.items] == ["Trần Thị Hoa"]


def test_a_receipt_is_reprinted_on_the_paper_the_clerk_picks(
    qtbot, clerk_window, db, clerk, previews, tmp_path
):
    import io

    import pikepdf

    def width_mm() -> float:
        with pikepdf.open(io.BytesIO(previews.last_pdf)) as doc:
            return round(float(doc.pages[0].mediabox[2]) / 72 * 25.4)

    result = receive(db, clerk)
    page = clerk_window.show_page("lookup")
    search(qtbot, page, result.code)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.code == result.code)
    actions = {a.data(): a for a in detail.reprint_button.menu().actions() if a.data()}
    actions[("receipt", "80mm")].trigger()
    qtbot.waitUntil(lambda: len(previews.jobs) == 1)
    assert width_mm() == 80
    actions[("receipt", "a4")].trigger()
    qtbot.waitUntil(lambda: len(previews.jobs) == 2)
    assert width_mm() == 210
    actions[("receipt", None)].trigger()  # the station's paper, A4 unless set otherwise
    qtbot.waitUntil(lambda: len(previews.jobs) == 3)
    assert width_mm() == 210
    assert result.code in pdf_text(previews.last_pdf, tmp_path)
