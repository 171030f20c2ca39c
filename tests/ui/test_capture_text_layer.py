"""After "Lưu", the component's text is recognised in the background (OCR)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from app.capture import attachments, ocr
from app.domain.errors import DomainError
from tests.capture.test_capture_ocr import _marked, form_page, page_text
from tests.ui.test_ui_capture import close, open_dialog
from tests.ui.test_ui_dossiers import receive as receive_directly

HEADING = "Cộng hòa xã hội chủ nghĩa Việt Nam"


@pytest.fixture(autouse=True)
def idle_ocr(qtbot, window):
    """Every recognition a test started has ended, callbacks included, before the next."""
    yield
    runner = window.ctx.ocr_tasks
    runner.wait_for_done(120_000)
    qtbot.waitUntil(lambda: runner.active == 0, timeout=10_000)


@pytest.fixture(autouse=True)
def ocr_on(window) -> None:
    """The window fixture turns OCR off for the other tests; here it is the subject."""
    window.ctx.settings["capture_ocr"] = "1"


@pytest.fixture
def ocr_ready(window) -> None:
    window.ctx.ocr_ready = True


def form_file(folder: Path) -> Path:
    path = folder / "to-khai.png"
    form_page().save(path, dpi=(200, 200))
    return path


def finishes(dialog) -> list[list]:
    """What ``text_layer_finished`` carried, recorded from before the save on."""
    seen: list[list] = []
    dialog.text_layer_finished.connect(lambda *args: seen.append(list(args)))
    return seen


def save_form(qtbot, dialog, folder: Path) -> None:
    dialog.import_paths([str(form_file(folder))], "file")
    qtbot.waitUntil(lambda: len(dialog.model.tray) == 1 and dialog.model.ready())
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_saving_starts_ocr_in_the_background_and_the_window_stays_live(
    qtbot, clerk_window, db, clerk, tmp_path, real_ocr
):
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    finished = finishes(dialog)
    save_form(qtbot, dialog, tmp_path)
    image_only = attachments.read_component(db, clerk, code, 1)
    assert not ocr.has_text_layer(image_only)
    assert dialog.ocr_status.isVisible() and "Đang nhận dạng chữ" in dialog.ocr_status.text()

    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    timer.stop()
    assert finished == [[code, 1, True]]
    assert "Đã nhận dạng chữ (OCR) thành phần 1" in dialog.ocr_status.text()
    searchable = attachments.read_component(db, clerk, code, 1)
    assert searchable != image_only and HEADING in page_text(searchable)
    # The event loop kept running during OCR: no gap the clerk would feel as a freeze.
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 10 and max(gaps) < 0.5, max(gaps)
    close(qtbot, dialog)


def test_with_the_setting_off_nothing_is_recognised(
    qtbot, clerk_window, db, clerk, tmp_path, ocr_ready, monkeypatch
):
    calls: list[bytes] = []
    monkeypatch.setattr(ocr, "add_text_layer", lambda pdf, **kw: calls.append(pdf) or pdf)
    clerk_window.ctx.settings["capture_ocr"] = "0"
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    save_form(qtbot, dialog, tmp_path)
    assert not dialog.ocr_status.isVisible()
    assert clerk_window.ctx.ocr_tasks.active == 0 and calls == []
    close(qtbot, dialog)


def test_a_failed_ocr_keeps_the_image_only_file_and_says_so(
    qtbot, clerk_window, db, clerk, tmp_path, ocr_ready, monkeypatch
):
    def broken(pdf: bytes, **kw: object) -> bytes:
        raise DomainError("ocr_failed", "Nhận dạng chữ không thành công (X); tệp gốc vẫn giữ.")

    monkeypatch.setattr(ocr, "add_text_layer", broken)
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    finished = finishes(dialog)
    save_form(qtbot, dialog, tmp_path)
    saved = attachments.read_component(db, clerk, code, 1)
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    assert finished == [[code, 1, False]]
    assert dialog.ocr_status.text() == (
        f"Không nhận dạng được chữ (OCR) hồ sơ {code}, thành phần 1; bản số hóa chỉ có ảnh "
        "vẫn được giữ."
    )
    assert attachments.read_component(db, clerk, code, 1) == saved
    close(qtbot, dialog)


def test_when_the_dialog_is_closed_the_status_bar_reports(
    qtbot, clerk_window, db, clerk, tmp_path, ocr_ready, monkeypatch
):
    def slow(pdf: bytes, **kw: object) -> bytes:
        time.sleep(1.0)
        return _marked(pdf)

    monkeypatch.setattr(ocr, "add_text_layer", slow)
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    save_form(qtbot, dialog, tmp_path)
    before = attachments.read_component(db, clerk, code, 1)
    close(qtbot, dialog)
    bar = clerk_window.statusBar()
    qtbot.waitUntil(lambda: "Đã nhận dạng chữ (OCR)" in bar.currentMessage(), timeout=30_000)
    assert bar.currentMessage() == (
        f"Đã nhận dạng chữ (OCR) hồ sơ {code}, thành phần 1: tệp đã tìm kiếm được."
    )
    assert attachments.read_component(db, clerk, code, 1) != before


@pytest.fixture
def real_ocr(monkeypatch, window) -> None:
    from tests.capture.test_capture_ocr import _required

    lacks = ocr.missing()
    if lacks:
        _required("OCR (" + ", ".join(lacks) + ")")
    window.ctx.ocr_ready = None
