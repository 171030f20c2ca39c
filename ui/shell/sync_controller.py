"""The background sync as the window sees it: started, stopped, and heard from.

``app.sync.scheduler`` runs rounds on a plain thread and reports through
callbacks on that thread (and on its upload threads). Nothing here touches
a widget from there: each callback stores what it learned under a lock and
emits a signal carrying only an int, which Qt queues to the GUI thread; the
public signals fire there. Progress is coalesced, so a fast upload cannot
flood the GUI's event queue.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from app.infra.storage import Database

if TYPE_CHECKING:
    from app.sync.round import RoundProgress, RoundReport
    from app.sync.scheduler import SyncScheduler

log = logging.getLogger("motcua.ui.sync")

# The window has just opened: let the first screen settle before the first round.
FIRST_DELAY_S = 3.0
STOP_WAIT_S = 10.0

_PROGRESS, _REPORT, _ONLINE = 1, 2, 3


class _Relay(QObject):
    """Lives on the GUI thread; only an int crosses threads (see ``ui.shell.tasks._Relay``)."""

    poke = Signal(int)


class SyncController(QObject):
    """Owns the window's ``SyncScheduler`` and relays its news as signals."""

    progress_changed = Signal()
    round_finished = Signal()
    state_changed = Signal()  # online/offline, or a round began or ended

    def __init__(
        self,
        data_dir: Path,
        open_db: Callable[[], Database],
        tuning: dict[str, Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # What the worker needs of the window's context, passed in so that this
        # module does not import the context that holds it.
        self._data_dir = data_dir
        self._open_db = open_db
        self._tuning = tuning
        self.scheduler: SyncScheduler | None = None
        self.last_report: RoundReport | None = None
        self._lock = threading.Lock()
        self._progress: RoundProgress | None = None
        self._progress_queued = False
        self._report: RoundReport | None = None
        self._online: bool | None = None
        self._running = False
        self._began = False  # a round began since the GUI last looked
        self._relay = _Relay()
        self._relay.poke.connect(self._on_poke)

    # --- state, read on the GUI thread -----------------------------------------------

    @property
    def active(self) -> bool:
        return self.scheduler is not None

    @property
    def online(self) -> bool | None:
        """None until the first round has ended."""
        with self._lock:
            return self._online

    @property
    def running(self) -> bool:
        with self._lock:
            return self._running

    @property
    def progress(self) -> RoundProgress | None:
        with self._lock:
            return self._progress if self._running else None

    # --- control ---------------------------------------------------------------------

    def start(self, interval: float) -> None:
        """Start the worker (once); later calls only change its interval."""
        if self.scheduler is not None:
            self.set_interval(interval)
            return
        # Imported here so the window's first screen does not wait for the sync modules.
        from app.sync.scheduler import SyncScheduler

        tuning = self._tuning
        options = {k: tuning[k] for k in ("probe_interval", "backoff") if k in tuning}
        self.scheduler = SyncScheduler(
            self._open_db(),
            self._data_dir,
            interval=interval,
            on_report=self._heard_report,
            on_online=self._heard_online,
            on_progress=self._heard_progress,
            **options,
        )
        self.scheduler.start(delay=tuning.get("first_delay", FIRST_DELAY_S))
        self.state_changed.emit()

    def set_interval(self, seconds: float) -> None:
        if self.scheduler is not None and seconds != self.scheduler.interval:
            self.scheduler.set_interval(seconds)

    def sync_now(self) -> None:
        if self.scheduler is not None:
            self.scheduler.sync_now()

    def stop(self, timeout: float = STOP_WAIT_S) -> None:
        """End the worker; a round in progress may finish its current request first."""
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None:
            scheduler.stop(timeout)

    # --- worker side: any thread -------------------------------------------------------

    def _poke(self, kind: int) -> None:
        # RuntimeError: the window is gone, and nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self._relay.poke.emit(kind)

    def _heard_progress(self, news: RoundProgress) -> None:
        with self._lock:
            self._progress = news
            if not self._running:
                self._running = self._began = True
            queued, self._progress_queued = self._progress_queued, True
        if not queued:
            self._poke(_PROGRESS)

    def _heard_report(self, report: RoundReport) -> None:
        with self._lock:
            self._report = report
            self._running = False
        self._poke(_REPORT)

    def _heard_online(self, online: bool) -> None:
        with self._lock:
            self._online = online
        self._poke(_ONLINE)

    # --- GUI thread --------------------------------------------------------------------

    @Slot(int)
    def _on_poke(self, kind: int) -> None:
        if kind == _PROGRESS:
            with self._lock:
                self._progress_queued = False
                began, self._began = self._began, False
            if began:
                self.state_changed.emit()
            self.progress_changed.emit()
        elif kind == _REPORT:
            with self._lock:
                report, self._report = self._report, None
            if report is not None:
                self.last_report = report
                self.state_changed.emit()
                self.round_finished.emit()
        else:
            self.state_changed.emit()
