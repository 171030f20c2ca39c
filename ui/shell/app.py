"""Starting the counter window: ``python main.py`` with no subcommand lands here."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app import overview
from app.domain.errors import DomainError
from app.infra import datadir
from app.infra.storage import Database, warm_up
from app.office import office_setup
from app.protect import windowlock
from ui.shell import gc_guard, i18n
from ui.shell.context import Context
from ui.shell.main_window import MainWindow
from ui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.widgets.print_preview import PreviewFactory

log = logging.getLogger("motcua.ui")

# Set by bench/ui.py: print the seconds from process start to an interactive window, then quit.
BENCH_ENV = "MOTCUA_BENCH_STARTUP"
PRELOAD_AFTER_MS = 200


def _log_to(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(data_dir / "motcua-desk.log", encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("motcua")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("MotCua Desk")
    app.setOrganizationName("MotCua")
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    # Workers run Python too (PDF layout); a shorter switch interval hands the
    # interpreter back to the GUI thread sooner, so typing never waits on them.
    sys.setswitchinterval(0.002)
    gc_guard.install()
    return app


def open_station(data_dir: Path) -> tuple[Database | None, str, str]:
    """The station database if the folder is set up, with the office name and language."""
    db = office_setup.open_if_initialised(data_dir)
    if db is None:
        return None, "", "vi"
    office, language = overview.startup_info(db)
    return db, office, language


def create_window(
    data_dir: Path,
    *,
    db: Database | None = None,
    preview_factory: PreviewFactory | None = None,
    tasks: TaskRunner | None = None,
) -> MainWindow:
    """The main window on ``data_dir`` (or on an already open ``db``)."""
    if db is None:
        db, office, language = open_station(data_dir)
    else:
        office, language = overview.startup_info(db)
    i18n.install(language)
    ctx = Context(data_dir=data_dir, db=db, tasks=tasks or TaskRunner())
    if preview_factory is not None:
        ctx.preview_factory = preview_factory
    return MainWindow(ctx, office)


def run(data_dir: Path | None = None, argv: list[str] | None = None) -> int:
    """Start the window; returns the process exit code."""
    started = float(os.environ.get(BENCH_ENV, "0") or 0)
    data_dir = data_dir or datadir.default_data_dir()
    _log_to(data_dir)
    app = application(argv)
    try:
        window = create_window(data_dir)
    except DomainError as exc:
        # A damaged or unreadable database: say so plainly rather than crash.
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "MotCua Desk", exc.message(i18n.language()))
        return 1
    # While the window runs, ``restore`` in another process refuses to swap the file.
    lock = windowlock.WindowLock(data_dir)
    lock.acquire()
    window.ctx.window_lock = lock
    # Maximised: on a 1366×768 screen a normal window plus its title bar would push
    # the status bar below the taskbar.
    window.showMaximized()
    if window.ctx.db is not None:
        # The ORM's one-off set-up and the screens' modules load while the
        # clerk types the password. Both start from the first event-loop turn:
        # started before it, the worker's set-up took the interpreter lock in
        # turns with the window's first show and paint, and on a busy PC the
        # preload timer could fall due before the first paint.
        def warm() -> None:
            window.ctx.tasks.run(warm_up, on_error=lambda exc: log.warning("warm-up: %s", exc))
            QTimer.singleShot(PRELOAD_AFTER_MS, window.preload_screens)

        QTimer.singleShot(0, warm)
    if started:

        def report() -> None:
            print(f"interactive {time.time() - started:.3f}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    code = app.exec()
    if window.ctx.db is not None:
        window.ctx.db.dispose()
    lock.release()
    return code
