"""Cycles holding Qt objects are collected on the GUI thread, never on a worker.

A worker that happened to trigger the collector destroyed a Qt object there:
its destructor took Qt's signal-slot lock and waited for the interpreter lock
the GUI thread held while waiting for that Qt lock (the window froze).
"""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from ui.shell import gc_guard


def test_a_cycle_dropped_by_a_worker_is_collected_on_the_gui_thread(qtbot, window) -> None:
    assert gc_guard.installed()
    seen: list[str] = []
    obj = QObject()
    obj.me = obj  # a reference cycle: only the collector can free it
    weakref.finalize(obj, lambda: seen.append(threading.current_thread().name))
    box = [obj]
    del obj
    kept: list[list[object]] = []

    def worker() -> None:
        box.clear()
        # New containers that stay alive fill the youngest generation many
        # times over (ones freed at once would take their count back with them).
        kept.extend([] for _ in range(50 * gc.get_threshold()[0]))

    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    thread.join()
    assert seen == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [threading.main_thread().name]
