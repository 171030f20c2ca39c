"""What every screen shares: the database, the signed-in officer, the task runners.

The worker pools live here, not in module globals, so that the window that
owns the context stops them when it closes and a test can hand in its own.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.infra import clock
from app.infra.storage import Database
from app.office.auth import Actor
from app.protect.windowlock import WindowLock
from ui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.shell.sync_controller import SyncController
    from ui.widgets.print_preview import PreviewFactory


# Closing the window lets a recognition under way finish and save (minutes on
# an old PC) before Qt tears down the objects its worker reports to.
WORKERS_EXIT_WAIT_MS = 10 * 60_000


class Changes(QObject):
    """One notification for every committed change (a dossier received, moved, synced).

    Screens emit it after an operation commits and listen to it to refresh
    what they show, instead of the window asking each screen what it holds.
    """

    operation_did_execute = Signal()


def _default_preview(*args: Any, **kwargs: Any) -> Any:
    # The print preview (Qt's PDF and printing modules) loads with the first
    # receipt, not with the window.
    from ui.widgets.print_preview import default_preview

    return default_preview(*args, **kwargs)


@dataclass
class Context:
    data_dir: Path
    tasks: TaskRunner
    db: Database | None = None
    actor: Actor | None = None
    # The office's settings as last read (printer, layout, idle lock, …).
    settings: dict[str, str] = field(default_factory=dict)
    preview_factory: PreviewFactory | None = None
    now: Callable[[], datetime] = clock.now
    # The background sync, once the window made it.
    sync: SyncController | None = None
    # Overrides for the sync worker's timing (``first_delay``, ``probe_interval``,
    # ``backoff``): tests and the screenshot script want rounds on their cue.
    sync_tuning: dict[str, Any] = field(default_factory=dict)
    # Scans and saves hold a worker for minutes: their own pool, so look-ups
    # on ``tasks`` never wait behind them.
    capture_tasks: TaskRunner | None = None
    # One thread: components queue up and OCR never takes more than one core.
    ocr_tasks: TaskRunner | None = None
    # Whether this station can recognise text; None until asked (in the background).
    ocr_ready: bool | None = None
    changes: Changes | None = None
    # The window's hold on the data folder (``app.protect.windowlock``), once
    # ``run`` took it: a restore from the window shows it to ``restore_backup``.
    window_lock: WindowLock | None = None

    def __post_init__(self) -> None:
        if self.preview_factory is None:
            self.preview_factory = functools.partial(_default_preview, tasks=self.tasks)
        if self.capture_tasks is None:
            self.capture_tasks = TaskRunner(max_threads=3)
        if self.ocr_tasks is None:
            self.ocr_tasks = TaskRunner(max_threads=1)
        if self.changes is None:
            self.changes = Changes()

    def stop_workers(self, msecs: int) -> None:
        """Let work under way finish (a save, a recognition) before the window goes."""
        for runner in (self.tasks, self.capture_tasks, self.ocr_tasks):
            if runner is not None:
                runner.wait_for_done(msecs)

    def require_db(self) -> Database:
        if self.db is None:
            raise RuntimeError("the station database is not open")
        return self.db

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("nobody is signed in")
        return self.actor
