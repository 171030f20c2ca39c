"""Names and other data are shown as plain text: markup in them is never rendered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.test_ui_capture import close, open_dialog
from tests.ui.test_ui_dossiers import receive

MARKUP = "Nguyễn <b>Văn</b> <script>An</script>"


def _markup_labels(widget) -> list[QLabel]:
    return [
        label
        for label in widget.findChildren(QLabel)
        if "<script>" in label.text() and label.isVisibleTo(widget)
    ]


def test_markup_in_a_name_is_shown_as_typed(qtbot, clerk_window, db, clerk):
    code = receive(db, clerk, full_name=MARKUP).code
    detail, dialog = open_dialog(qtbot, clerk_window, code)
    qtbot.waitUntil(lambda: MARKUP in dialog.subtitle.text())
    assert dialog.subtitle.textFormat() == Qt.TextFormat.PlainText
    shown = _markup_labels(detail) + _markup_labels(dialog)
    assert dialog.subtitle in shown
    assert [
        label.objectName() or label.text()
        for label in shown
        if label.textFormat() != Qt.TextFormat.PlainText
    ] == []
    close(qtbot, dialog)
