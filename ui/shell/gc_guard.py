"""Python's cyclic garbage collector runs on the GUI thread only.

Left automatic, the collector runs in whichever thread allocates when a
generation fills up. When a worker collects a cycle that holds a Qt object,
the object's C++ destructor runs on that worker: it takes Qt's signal-slot
lock and then waits for the interpreter lock, while the GUI thread holds the
interpreter lock and waits for the same Qt lock to connect a signal. The
window then freezes for good (seen while opening a screen as a catalogue was
read on a worker). With automatic collection off and a timer collecting on
the GUI thread, Qt objects in cycles are always destroyed where they live.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
# A full collection walks every object the window holds; it runs at most this
# often (seconds), as CPython itself postpones full collections on big heaps.
FULL_EVERY_S = 60.0

_collector: _Collector | None = None


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.last_full = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        young, middle, old = gc.get_count()
        if young <= self.threshold[0]:
            return
        generation = 0
        if middle > self.threshold[1]:
            generation = 1
            if old > self.threshold[2] and time.monotonic() - self.last_full > FULL_EVERY_S:
                generation = 2
                self.last_full = time.monotonic()
        gc.collect(generation)


def install() -> bool:
    """Turn automatic collection off and collect on the GUI thread from now on.

    Once per process, after the application object exists; ``False`` without one.
    """
    global _collector
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _collector is None:
        _collector = _Collector(app)
    gc.disable()
    return True


def installed() -> bool:
    return _collector is not None and not gc.isenabled()
