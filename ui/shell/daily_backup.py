"""The daily backup while the window runs, on a worker of its own.

It runs two minutes after the window is signed in (the first intakes of
the morning never share the disk with it) and then every half hour, and does
something only on a day that has no backup yet (``from_window.daily_if_due``):
a window left open past midnight backs up the new day too, and a missed day
is made up at the next start. Its own single worker keeps the clerk's
look-ups and intakes off the minute a large station's backup takes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.shell.context import Context
from ui.shell.tasks import TaskRunner

CHECK_EVERY_MS = 30 * 60 * 1000
START_DELAY_MS = 2 * 60 * 1000


def _daily_if_due(db: Any, officer: Any) -> dict[str, Any] | None:
    # Imported on the worker thread: the backup code is not needed to show the window.
    from app.backup import from_window

    return from_window.daily_if_due(db, officer)


class DailyBackup(QObject):
    # The outcome of a run that did something: daily_if_due's dict.
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.officer: str | None = None
        self.running = False
        self.runner = TaskRunner(self, max_threads=1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_if_due)

    def start(self, officer: str) -> None:
        self.officer = officer
        if not self.timer.isActive():
            self.timer.start(CHECK_EVERY_MS)
            QTimer.singleShot(START_DELAY_MS, self, self.run_if_due)

    def run_if_due(self) -> None:
        if self.running or self.ctx.db is None:
            return
        self.running = True
        self.runner.run(
            _daily_if_due,
            self.ctx.db,
            self.officer,
            on_done=self._done,
            on_error=self._failed,
            label=self.tr("Đang sao lưu hằng ngày…"),
        )

    def _done(self, result: dict[str, Any] | None) -> None:
        self.running = False
        if result is not None:
            self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.failed.emit(exc)

    def wait(self, msecs: int = 120_000) -> bool:
        return self.runner.wait_for_done(msecs)
