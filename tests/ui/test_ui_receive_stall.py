"""A receipt's preview opens before the refreshes the receipt starts.

The preview is built and painted on the GUI thread; the refreshes (status
bar, the day's counts and lists, the citizen's screen) run on workers that
share the interpreter with it, and together they froze the window for a
noticeable moment on a busy PC (``bench/ui.py --stall-only``).
"""

from __future__ import annotations

from tests.ui.conftest import type_text
from tests.ui.test_ui_counter_flow import CARD, pick_procedure
from tests.ui.test_ui_receive_inputs import ctrl_enter
from ui.shell import main_window


def test_refreshes_start_only_after_the_receipt_preview_is_open(
    qtbot, clerk_window, previews, monkeypatch
):
    win = clerk_window
    page = win.pages["receive"]
    pick_procedure(qtbot, page, "tam tru", "1.004194")
    type_text(page.applicant.id_number, CARD + "\n")

    started: list[str] = []  # worker functions, in the order they were started
    run = win.ctx.tasks.run

    def recording_run(fn, *args, **kwargs):
        started.append(getattr(fn, "__qualname__", repr(fn)))
        return run(fn, *args, **kwargs)

    monkeypatch.setattr(win.ctx.tasks, "run", recording_run)
    announced: list[str] = []
    win.ctx.changes.operation_did_execute.connect(lambda: announced.append("changed"))
    page.received.connect(lambda result: announced.append(result.code))
    at_preview: list[tuple[list[str], list[str]]] = []
    spy = win.ctx.preview_factory

    def preview(parent, job, printer_name):
        at_preview.append((list(started), list(announced)))
        return spy(parent, job, printer_name)

    win.ctx.preview_factory = preview
    ctrl_enter(qtbot, page)
    qtbot.waitUntil(lambda: bool(at_preview), timeout=20_000)
    tasks_before, announced_before = at_preview[0]
    # Only the receipt itself ran before its preview: no status refresh, nothing announced.
    assert tasks_before == ["receive_and_print"]
    assert announced_before == []
    # The refreshes still come, once, after it.
    code = page.last_result.code
    qtbot.waitUntil(lambda: announced == [code, "changed"])
    qtbot.waitUntil(lambda: main_window.overview.read.__qualname__ in started)
    assert len(previews.jobs) == 1


def test_the_scanner_watches_the_application_only_while_its_screen_is_shown(qtbot, clerk_window):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from tests.ui.conftest import scanner_type
    from tests.ui.test_ui_scanner import assert_card_filled

    win = clerk_window
    page = win.pages["receive"]
    watcher = page.scanner
    seen: list[bool] = []  # kept wrappers of half-built widgets would confuse their types
    own = watcher.eventFilter
    stray = QObject()

    def counting(obj, event):
        seen.append(obj is stray)
        return own(obj, event)

    watcher.eventFilter = counting
    win.show_page("lookup")
    qtbot.waitUntil(lambda: not page.isVisible())
    QApplication.sendEvent(stray, QEvent(QEvent.Type.User))
    assert True not in seen
    win.show_page("receive")
    qtbot.waitUntil(page.isVisible)
    QApplication.sendEvent(stray, QEvent(QEvent.Type.User))
    assert True in seen
    # And a card scanned on the screen still fills the form.
    scanner_type(qtbot, page.applicant.id_number, CARD + "\n")
    qtbot.waitUntil(lambda: page.applicant.full_name.text() != "")
    assert_card_filled(page)
