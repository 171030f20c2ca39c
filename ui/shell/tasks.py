"""The one way the window runs slow work: off the GUI thread, results by signal.

``TaskRunner.run(fn, ...)`` executes ``fn`` on a worker thread of a
``QThreadPool`` and calls ``on_done(result)`` or ``on_error(exc)`` back on the
GUI thread. When any task has been running for longer than ``BUSY_DELAY_MS``
the runner reports ``busy_changed(True, label)`` so the window can show a busy
indicator; quick tasks never flicker one.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger("motcua.ui.tasks")

BUSY_DELAY_MS = 300


class _Relay(QObject):
    """Lives on the GUI thread; a worker's emit is queued back to it.

    Only the task id crosses threads in the signal; the outcome waits in
    ``outcomes`` under a lock. Python objects sent through a queued signal
    are converted by the binding, and returning ``None`` that way has been
    seen to corrupt its reference count.
    """

    finished = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.outcomes: dict[int, tuple[bool, Any]] = {}

    def deliver(self, task_id: int, ok: bool, value: Any) -> None:
        with self.lock:
            self.outcomes[task_id] = (ok, value)
        self.finished.emit(task_id)

    def take(self, task_id: int) -> tuple[bool, Any]:
        with self.lock:
            return self.outcomes.pop(task_id)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = task_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # every failure must reach the GUI, none may kill it
            self._relay.deliver(self._id, False, exc)
        else:
            self._relay.deliver(self._id, True, result)


@dataclass
class _Pending:
    label: str
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    started: float = field(default_factory=time.perf_counter)


class TaskRunner(QObject):
    """Runs callables on worker threads and hands their outcome back on the GUI thread."""

    busy_changed = Signal(bool, str)
    # Every task's end, after its callbacks ran (tests and benches wait on it).
    task_finished = Signal(int)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._pending: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        self._busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._update_busy)

    @property
    def active(self) -> int:
        return len(self._pending)

    @property
    def is_busy(self) -> bool:
        return self._busy

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
        **kwargs: Any,
    ) -> int:
        """Start ``fn(*args, **kwargs)`` on a worker thread; returns the task id."""
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(label, on_done, on_error)
        self._pool.start(_Job(task_id, lambda: fn(*args, **kwargs), self._relay))
        if not self._busy_timer.isActive() and not self._busy:
            self._busy_timer.start(BUSY_DELAY_MS)
        return task_id

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (shutdown and benches only)."""
        return self._pool.waitForDone(msecs)

    @Slot(int)
    def _on_finished(self, task_id: int) -> None:
        ok, value = self._relay.take(task_id)
        pending = self._pending.pop(task_id, None)
        try:
            if pending is None:
                return
            if ok:
                if pending.on_done is not None:
                    pending.on_done(value)
            else:
                if not _expected(value):
                    log.error("task %r failed", pending.label, exc_info=value)
                if pending.on_error is not None:
                    pending.on_error(value)
        except RuntimeError as exc:
            # The widget that asked was closed meanwhile; nothing left to update.
            if "already deleted" not in str(exc):
                raise
        finally:
            self._update_busy()
            self.task_finished.emit(task_id)

    def _update_busy(self) -> None:
        now = time.perf_counter()
        slow = [p for p in self._pending.values() if (now - p.started) * 1000 >= BUSY_DELAY_MS - 5]
        busy = bool(slow)
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy, slow[0].label if slow else "")
        if self._pending and not busy:
            oldest = min(p.started for p in self._pending.values())
            wait = max(1, int(BUSY_DELAY_MS - (now - oldest) * 1000))
            self._busy_timer.start(wait)


def _expected(exc: BaseException) -> bool:
    from app.domain.errors import DomainError

    return isinstance(exc, DomainError)


class Stream(QObject):
    """Items a running task hands to the GUI thread one by one (scanned pages, progress).

    ``put`` may be called from any thread; ``on_item`` runs on the GUI thread,
    in order. As in ``_Relay``, only an empty signal crosses threads and the
    items wait in a locked queue; a burst of items costs one queued call.
    """

    arrived = Signal()

    def __init__(self, on_item: Callable[[Any], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_item = on_item
        self._lock = threading.Lock()
        self._items: list[Any] = []
        self.arrived.connect(self._drain)

    def put(self, item: Any) -> None:
        with self._lock:
            first = not self._items
            self._items.append(item)
        if first:
            self.arrived.emit()

    @Slot()
    def _drain(self) -> None:
        with self._lock:
            items, self._items = self._items, []
        for item in items:
            self._on_item(item)
