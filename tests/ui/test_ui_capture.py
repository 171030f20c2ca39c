"""Digitizing in the window: the capture tray, its sources, saving and reuse."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QToolButton

from app.capture import attachments
from app.capture.sane import ScanimageScanner
from app.office import settings_admin
from tests.capture.conftest import small_pages
from tests.capture.synth import text_page
from tests.conftest import CLERK_PASSWORD
from tests.ui.conftest import type_text
from tests.ui.test_ui_counter_flow import CARD, pick_procedure, receive
from tests.ui.test_ui_dossiers import receive as receive_directly

HAVE_SCANIMAGE = shutil.which("scanimage") is not None
# Under CI a missing scanimage is a broken setup, not a reason to skip.
needs_sane = pytest.mark.skipif(
    not HAVE_SCANIMAGE and not os.environ.get("CI"),
    reason="scanimage (Debian sane-utils) is not installed",
)


def page_file(folder: Path, name: str, size: tuple[int, int], dpi: int, tag: int) -> Path:
    """A synthetic form page saved as a PNG that states its resolution."""
    image = text_page(200, seed=tag, lines=12, noise=0, blur=0, size=size, tag=tag)
    path = folder / name
    image.save(path, dpi=(dpi, dpi))
    return path


def open_dialog(qtbot, window, code: str, component: int = 1):
    """The capture dialog, opened from the component's row in the dossier pane."""
    window.open_dossier(code)
    detail = window.pages["dossiers"].detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.code == code)
    button = detail.components.cellWidget(component - 1, 3).findChild(QToolButton)
    assert button.text() == "Số hóa…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = detail.capture_dialog
    qtbot.waitUntil(lambda: dialog.component.count() > 0 and dialog.reuse.loaded)
    assert dialog.component_index() == component
    return detail, dialog


def labels(dialog) -> list[str]:
    return [p.label for p in dialog.model.pages()]


def select(dialog, row: int) -> None:
    dialog.tray.select_rows([row])
    dialog.tray.setFocus()


def mediaboxes(pdf: bytes) -> list[tuple[float, float]]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [(float(p.mediabox[2]), float(p.mediabox[3])) for p in doc.pages]


def close(qtbot, dialog) -> None:
    dialog.reject()
    dialog.runner.wait_for_done(10_000)


def test_tray_rotate_reorder_delete_then_save_one_pdf(qtbot, clerk_window, db, clerk, tmp_path):
    code = receive_directly(db, clerk).code
    detail, dialog = open_dialog(qtbot, clerk_window, code)
    assert dialog.isVisible() and not dialog.save_button.isEnabled()
    files = [
        page_file(tmp_path, "a-150dpi.png", (1169, 1654), 150, 0),
        page_file(tmp_path, "b.png", (1240, 1754), 200, 1),
        page_file(tmp_path, "c.png", (1100, 1560), 200, 2),
    ]
    dialog.import_paths([str(f) for f in files], "file")
    qtbot.waitUntil(lambda: len(dialog.model.tray) == 3 and dialog.model.ready())
    assert labels(dialog) == ["a-150dpi.png", "b.png", "c.png"]
    # The low-resolution page is flagged on its tile and in the summary.
    assert [w.code for w in dialog.model.warnings(0)] == ["low_dpi"]
    assert dialog.model.warnings(1) == [] and "1 trang có cảnh báo" in dialog.summary.text()
    select(dialog, 0)
    assert "150 dpi" in dialog.page_info.text()

    select(dialog, 1)
    dialog.tray.act_rotate_right.trigger()
    assert dialog.model.tray[1].rotation == 90
    select(dialog, 2)
    qtbot.keyClick(dialog.tray, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert labels(dialog) == ["a-150dpi.png", "c.png", "b.png"]
    select(dialog, 0)
    qtbot.keyClick(dialog.tray, Qt.Key.Key_Delete)
    assert labels(dialog) == ["c.png", "b.png"]

    # Dragging "b" in front of "c", then Ctrl+Down puts it back after.
    model, view = dialog.model, dialog.tray
    data = model.mimeData([model.index(1)])
    rect = view.visualRect(model.index(0))
    drop = QDropEvent(
        QPointF(rect.left() + 4, rect.center().y()),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(drop)
    assert labels(dialog) == ["b.png", "c.png"] and view.selected_rows() == [0]
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert labels(dialog) == ["c.png", "b.png"]

    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible() and not dialog.component.isEnabled()
    assert len(dialog.model.tray) == 0 and not dialog.progress.isVisible()
    assert dialog.banner.kind == "success" and "2 trang" in dialog.banner.text()

    pdf = attachments.read_component(db, clerk, code, 1)
    (w1, h1), (w2, h2) = mediaboxes(pdf)
    # c.png upright, 1100 × 1560 px at 200 dpi; b.png turned a quarter: landscape.
    assert abs(w1 - 1100 * 72 / 200) < 3 and abs(h1 - 1560 * 72 / 200) < 3
    assert abs(w2 - 1754 * 72 / 200) < 3 and abs(h2 - 1240 * 72 / 200) < 3
    # The next component still on paper comes up, and the pane shows the new state.
    qtbot.waitUntil(lambda: dialog.component_index() == 2)
    qtbot.waitUntil(lambda: detail.components.item(0, 3).text() == "Đã số hóa")
    assert detail.components.item(1, 3).text() == "Chưa"
    close(qtbot, dialog)


def test_after_receiving_the_watched_folder_streams_new_files(
    qtbot, clerk_window, db, clerk, previews, tmp_path
):
    win = clerk_window
    page = win.pages["receive"]
    assert not page.digitize_button.isVisible()
    pick_procedure(qtbot, page, "tam tru", "1.004194")
    page.applicant.id_number.setFocus()
    with qtbot.waitSignal(page.scanner.scanned, timeout=2000):
        type_text(page.applicant.id_number, CARD + "\n")
    page.components.setFocus()
    code = receive(qtbot, win, page, previews)
    assert page.digitize_button.isVisible()
    qtbot.mouseClick(page.digitize_button, Qt.MouseButton.LeftButton)
    dialog = page.capture_dialog
    qtbot.waitUntil(lambda: dialog.component.count() > 0)
    assert dialog.code == code and dialog.component_index() == 1

    inbox = tmp_path / "may-quet"
    inbox.mkdir()
    page_file(inbox, "old.png", (600, 800), 200, 0)  # there before: not taken
    files = dialog.files
    files.set_folder(str(inbox))
    qtbot.waitUntil(lambda: files.watcher is not None, timeout=5000)
    assert files.watch_button.isChecked()
    page_file(inbox, "scan-0001.png", (1169, 1654), 200, 1)
    qtbot.waitUntil(lambda: len(dialog.model.tray) == 1, timeout=10_000)
    assert dialog.model.tray[0].label == "scan-0001.png"
    assert dialog.model.tray[0].source == "folder"
    qtbot.waitUntil(
        lambda: settings_admin.snapshot(db, clerk).values["capture_watch_folder"] == str(inbox)
    )
    assert win.ctx.settings["capture_watch_folder"] == str(inbox)

    # No camera on this station: the buttons say why instead of failing.
    camera = dialog.camera
    dialog.sources.setCurrentWidget(camera)
    if not camera.available:
        assert not camera.start_button.isEnabled()
        assert "Không tìm thấy máy ảnh" in camera.start_button.toolTip()
    close(qtbot, dialog)
    assert files.watcher is None


@needs_sane
def test_scanning_two_pages_from_the_sane_test_backend(qtbot, clerk_window, db, clerk):
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code, component=2)
    panel = dialog.scanner
    dialog.sources.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.find_button.isEnabled(), timeout=20_000)
    # The test backend is not listed by "scanimage -L"; it is typed by name.
    panel.device.setEditText("test")
    qtbot.waitUntil(lambda: panel.options is not None, timeout=10_000)
    assert panel.resolution.value() == 200
    assert [panel.feed.itemData(i) for i in range(panel.feed.count())] == ["flatbed", "adf"]
    panel.feed.setCurrentIndex(panel.feed.findData("adf"))
    panel.pages.setValue(2)
    panel.extra.setText("--test-picture 'Color pattern' -x 150 -y 200")
    qtbot.mouseClick(panel.scan_button, Qt.MouseButton.LeftButton)
    assert panel.scanning and panel.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.scanning, timeout=30_000)
    assert "Đã quét 2 trang" in panel.status.text()
    assert [p.source for p in dialog.model.pages()] == ["scanner", "scanner"]
    assert [round(p.dpi) for p in dialog.model.pages()] == [200, 200]
    close(qtbot, dialog)


def test_a_station_without_sane_says_so(qtbot, clerk_window, db, clerk, monkeypatch):
    monkeypatch.setattr(
        "ui.capture.sources.default_scanner", lambda: ScanimageScanner("khong-co-scanimage")
    )
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    dialog.sources.setCurrentWidget(dialog.scanner)
    qtbot.waitUntil(lambda: "sane-utils" in dialog.scanner.status.text())
    assert not dialog.scanner.scan_button.isEnabled()
    close(qtbot, dialog)


def test_a_later_dossier_of_the_same_applicant_reuses_the_earlier_file(
    qtbot, clerk_window, db, clerk
):
    first = receive_directly(db, clerk).code
    earlier = attachments.attach_component(db, clerk, first, 1, small_pages(1), source="scanner")
    second = receive_directly(db, clerk).code
    detail, dialog = open_dialog(qtbot, clerk_window, second)
    dialog.sources.setCurrentWidget(dialog.reuse)
    reuse = dialog.reuse
    assert reuse.list.count() == 1 and first in reuse.list.item(0).text()
    assert reuse.list.currentRow() == 0  # the same component, preselected
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(reuse.reuse_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "success" and first in dialog.banner.text()
    qtbot.waitUntil(lambda: detail.components.item(0, 3).text() == "Tái sử dụng")
    assert attachments.read_component(db, clerk, second, 1) == attachments.read_component(
        db, clerk, first, 1
    )
    assert earlier.sha256 in {a.sha256 for a in attachments.reusable_for(db, clerk, second)}
    close(qtbot, dialog)


def test_saving_can_be_cancelled_and_keeps_the_pages(qtbot, clerk_window, db, clerk, tmp_path):
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    image = Image.new("RGB", (1169, 1654), "white")
    path = tmp_path / "trang.png"
    image.save(path, dpi=(200, 200))
    dialog.import_paths([str(path)], "file")
    qtbot.waitUntil(lambda: len(dialog.model.tray) == 1)
    dialog.save()
    dialog.cancel_save()  # before any page was cleaned
    qtbot.waitUntil(lambda: not dialog.saving, timeout=20_000)
    assert dialog.banner.kind == "info" and "Đã hủy" in dialog.banner.text()
    assert len(dialog.model.tray) == 1
    with pytest.raises(Exception, match="chưa được số hóa"):
        attachments.read_component(db, clerk, code, 1)
    close(qtbot, dialog)


def test_tiles_read_in_order_and_the_dialog_hides_while_locked(qtbot, clerk_window, db, clerk):
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    dialog.add_pages(small_pages(3))
    view = dialog.tray
    first, second = (view.visualRect(dialog.model.index(r)) for r in (0, 1))
    assert first.top() == second.top() and first.left() < second.left()
    assert view.insertion_row(QPoint(second.right() - 2, second.center().y())) == 2

    # A citizen's papers never stay on screen over the lock.
    clerk_window.lock()
    assert clerk_window.mode == "locked" and not dialog.isVisible()
    lock = clerk_window.lock_page
    qtbot.keyClicks(lock.password, CLERK_PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: clerk_window.mode == "work")
    assert dialog.isVisible() and len(dialog.model.tray) == 3
    close(qtbot, dialog)
