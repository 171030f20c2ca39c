"""Vietnamese without any translation file; complete English when it is built."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.office import settings
from tests.conftest import CLERK_PASSWORD
from tests.ui.conftest import sign_in
from ui.shell import i18n

TS = Path(i18n.I18N_DIR) / "motcua_en.ts"
QT_VI = Path(i18n.I18N_DIR) / "qt_vi.ts"


@pytest.fixture
def i18n_dir(tmp_path, monkeypatch):
    """A copy of the translation sources, so nothing is built into the checkout."""
    target = tmp_path / "i18n"
    target.mkdir()
    shutil.copy(TS, target / TS.name)
    shutil.copy(QT_VI, target / QT_VI.name)
    monkeypatch.setattr(i18n, "I18N_DIR", target)
    monkeypatch.setattr(
        i18n,
        "qm_candidates",
        lambda lang, catalogue="motcua": [
            target / f"{catalogue}_{lang}.qm",
            tmp_path / "cache" / f"{catalogue}_{lang}.qm",
        ],
    )
    yield target
    i18n.install("vi")


def test_every_string_has_an_english_translation():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 200
    missing = [
        m.findtext("source")
        for m in messages
        if not (m.findtext("translation") or "").strip()
        or m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert missing == []
    # Placeholders survive translation, or .format() would fail at run time.
    for m in messages:
        source, text = m.findtext("source"), m.findtext("translation")
        assert sorted(_fields(source)) == sorted(_fields(text)), source


def _fields(text: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


def test_english_is_built_on_first_start_and_used(qtbot, db, data_dir, previews, i18n_dir):
    if shutil.which("pyside6-lrelease") is None and shutil.which("lrelease") is None:
        pytest.skip("Qt's lrelease is not installed")
    with db.write() as session:
        settings.put(session, "language", "en")
    from ui.shell.app import create_window

    win = create_window(data_dir, db=db, preview_factory=previews)
    qtbot.addWidget(win)
    assert i18n.language() == "en"
    assert (i18n_dir / "motcua_en.qm").exists()
    assert win.sign_in.title.text() == "Sign in to MotCua Desk"
    assert win.sign_in.submit.text() == "Sign in"
    win.show()
    sign_in(qtbot, win, "canbo1", CLERK_PASSWORD)
    assert [win.nav.item(i).text() for i in range(win.nav.count())] == [
        "Receive",
        "Dossiers",
        "Look up",
        "Return results",
        "Sync",
        "Settings",
        "Reports",
        "Feedback",
    ]
    assert win.pages["receive"].receive_button.text() == "Receive (Ctrl+Enter)"
    assert win.officer_label.text() == "Officer: Trần Thị Hoa (clerk)"


def test_without_a_translation_tool_the_window_stays_vietnamese(
    qtbot, db, data_dir, previews, i18n_dir, monkeypatch
):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with db.write() as session:
        settings.put(session, "language", "en")
    from ui.shell.app import create_window

    win = create_window(data_dir, db=db, preview_factory=previews)
    qtbot.addWidget(win)
    assert i18n.language() == "vi"
    assert win.sign_in.title.text() == "Đăng nhập MotCua Desk"


def _plain(text: str) -> str:
    return text.replace("&", "")


def test_qts_own_dialogs_speak_vietnamese(qtbot, db, data_dir, previews, i18n_dir):
    if shutil.which("pyside6-lrelease") is None and shutil.which("lrelease") is None:
        pytest.skip("Qt's lrelease is not installed")
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QToolButton

    from ui.shell.app import create_window

    win = create_window(data_dir, db=db, preview_factory=previews)
    qtbot.addWidget(win)
    assert i18n.language() == "vi"
    assert (i18n_dir / "qt_vi.qm").exists()  # built from our qt_vi.ts on first start

    box = QMessageBox(
        QMessageBox.Icon.Question,
        "MotCua Desk",
        "Lưu thay đổi?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Close,
        win,
    )
    qtbot.addWidget(box)
    said = {
        b: _plain(box.button(b).text())
        for b in (
            QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Ok,
            QMessageBox.StandardButton.Save,
            QMessageBox.StandardButton.Close,
        )
    }
    assert list(said.values()) == ["Có", "Không", "Hủy", "Đồng ý", "Lưu", "Đóng"]
    box.setDetailedText("chi tiết")
    assert any(_plain(b.text()) == "Xem chi tiết…" for b in box.findChildren(QPushButton))

    files = QFileDialog(win, "Chọn tệp")
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(files)
    labels = {_plain(w.text()) for w in files.findChildren(QLabel)}
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:"} <= labels, labels
    buttons = {_plain(b.text()) for b in files.findChildren(QPushButton)}
    assert {"Mở", "Hủy"} <= buttons, buttons
    tips = {b.toolTip() for b in files.findChildren(QToolButton)}
    assert {"Lùi lại", "Thư mục cha", "Tạo thư mục mới"} <= tips, tips

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewDialog(printer, win)
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "Xem trước khi in"
    actions = {a.text() for a in preview.findChildren(QAction)}
    assert {"Trang sau", "Trang trước", "Phóng to", "Thu nhỏ", "In"} <= actions, actions

    dialog = QPrintDialog(printer, win)
    qtbot.addWidget(dialog)
    texts = {_plain(b.text()) for b in dialog.findChildren(QPushButton)}
    assert {"In", "Hủy"} <= texts, texts


BUILD = Path(__file__).resolve().parents[2] / "scripts" / "build_translations.py"


def _check(i18n: Path | None = None) -> subprocess.CompletedProcess:
    extra = ["--i18n", str(i18n)] if i18n else []
    return subprocess.run(
        [sys.executable, str(BUILD), "--check", *extra],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def lupdate():
    if shutil.which("pyside6-lupdate") is None and shutil.which("lupdate") is None:
        pytest.skip("Qt's lupdate is not installed")


def test_the_translations_are_up_to_date_with_the_code(lupdate):
    done = _check()
    assert done.returncode == 0, done.stdout + done.stderr


def _spoil(tmp_path: Path, change) -> Path:
    target = tmp_path / "i18n"
    target.mkdir()
    shutil.copy(QT_VI, target / QT_VI.name)
    tree = ET.parse(TS)
    change(tree.getroot())
    tree.write(target / TS.name, encoding="utf-8", xml_declaration=True)
    return target


def test_the_check_fails_on_a_string_the_ts_lacks(lupdate, tmp_path):
    def drop(root):
        context = next(c for c in root.iter("context") if c.findtext("name") == "ReturnPage")
        message = next(
            m for m in context.iter("message") if m.findtext("source") == "Phiếu kiểm soát"
        )
        context.remove(message)

    done = _check(_spoil(tmp_path, drop))
    assert done.returncode == 1
    assert "not in the .ts (run --update): [ReturnPage] Phiếu kiểm soát" in done.stdout


def test_the_check_fails_on_a_string_the_code_dropped_and_on_unfinished_ones(lupdate, tmp_path):
    def spoil(root):
        context = next(c for c in root.iter("context") if c.findtext("name") == "ReturnPage")
        old = ET.SubElement(context, "message")
        ET.SubElement(old, "source").text = "Một câu đã bỏ khỏi mã nguồn"
        ET.SubElement(old, "translation").text = "A sentence no longer in the code"
        message = next(m for m in context.iter("message") if m.findtext("source") == "Số kết quả")
        message.find("translation").set("type", "unfinished")

    done = _check(_spoil(tmp_path, spoil))
    assert done.returncode == 1
    assert "no longer in the code (run --update): [ReturnPage] Một câu đã bỏ" in done.stdout
    assert "untranslated: Số kết quả" in done.stdout
