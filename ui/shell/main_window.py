"""The counter window: first run, sign-in, the six work screens, the idle lock.

One top-level window holds a stack of "modes" (first run, sign-in, work,
locked) so nothing the clerk sees is a modal dialog that could hide behind
another window, and tests drive every mode the same way.
"""

from __future__ import annotations

import time
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from app import overview
from app.domain.formatting import format_bytes, format_datetime
from app.infra.storage import Database
from app.office import auth
from app.office.auth import ROLE_LABELS_VI, Actor
from ui.shell import font_size, gc_guard, i18n
from ui.shell.context import WORKERS_EXIT_WAIT_MS, Context
from ui.shell.daily_backup import DailyBackup
from ui.shell.lock import IdleWatcher, LockPage
from ui.shell.sign_in import SignInPage
from ui.shell.sync_controller import SyncController
from ui.widgets.forms import ElidedLabel
from ui.widgets.messages import describe

if TYPE_CHECKING:
    from ui.screens.customer import CustomerScreen
    from ui.shell.first_run import FirstRunPage

STATUS_REFRESH_MS = 30_000
QUIT_CONFIRM_S = 10.0


def _startup_check(db: Database) -> dict | None:
    # Imported on the worker thread: the backup code is not needed to show the window.
    from app.backup import from_window

    return from_window.startup_check(db)


def _available_update(data_dir: Path) -> str | None:
    # Imported on the worker thread: TUF is not needed to show the window.
    from app.update import notice

    return notice.available_update(data_dir)


class _LazyPages(dict):
    """Screens by name, each built on first use."""

    def __init__(self, make) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, name: str) -> QWidget:
        page = self[name] = self._make(name)
        return page


PAGES = ("receive", "dossiers", "lookup", "return", "sync", "settings", "reports", "feedback")

# Each screen's module, imported when the screen is first built: the window
# shows its sign-in without loading any of them, and ``MainWindow.preload_screens``
# imports them one by one while the clerk types the password.
SCREENS = {
    "receive": "ui.screens.receive:ReceivePage",
    "dossiers": "ui.screens.dossiers:DossiersPage",
    "lookup": "ui.screens.lookup:LookupPage",
    "return": "ui.screens.returns:ReturnPage",
    "sync": "ui.screens.sync:SyncPage",
    "settings": "ui.screens.settings:SettingsPage",
    "reports": "ui.screens.reports:ReportsPage",
    "feedback": "ui.screens.feedback:FeedbackPage",
}
# Imported after the screens, for the first receipt's preview and the citizen's
# rating screen (built at sign-in).
LATER = ("ui.widgets.print_preview", "ui.screens.customer")


def screen_class(name: str) -> type[QWidget]:
    module, _, cls = SCREENS[name].partition(":")
    return getattr(import_module(module), cls)


class MainWindow(QMainWindow):
    """Everything a counter clerk does, in one window."""

    mode_changed = Signal(str)

    def __init__(self, ctx: Context, office_name: str = "") -> None:
        super().__init__()
        # However the window was started (tests build it directly), cycles
        # holding Qt objects are collected on this thread only.
        gc_guard.install()
        self.ctx = ctx
        self.setWindowTitle(self.tr("MotCua Desk — Bộ phận Một cửa"))
        self.resize(1366, 768)
        self.pages: dict[str, QWidget] = {}
        # Closing with changes still waiting to sync asks for a second close.
        self.warn_on_quit = True
        self._quit_asked_until = 0.0
        self._warmed = False
        self._last_status: overview.CounterStatus | None = None
        # The station keeps syncing while the window is open, whoever is signed in.
        self.sync = SyncController(ctx.data_dir, ctx.require_db, ctx.sync_tuning, self)
        ctx.sync = self.sync
        self.sync.state_changed.connect(self._show_link)
        self.sync.round_finished.connect(self.refresh_status)
        # The day's backup while the window runs (once a day, a missed day made up).
        self.daily_backup = DailyBackup(ctx, self)
        self.daily_backup.finished.connect(self.show_daily_backup)
        self.daily_backup.failed.connect(self.show_daily_backup_failure)
        self.ctx.changes.operation_did_execute.connect(self.refresh_status)
        self.modes = QStackedWidget()
        self.setCentralWidget(self.modes)
        self._first_run: FirstRunPage | None = None
        self.sign_in = SignInPage(ctx)
        self.sign_in.signed_in.connect(self._signed_in)
        self.lock_page = LockPage(ctx)
        self.lock_page.unlocked.connect(self._unlocked)
        self.lock_page.switch_user.connect(self.sign_out)
        self._customer: CustomerScreen | None = None
        self.work = QWidget()
        for widget in (self.sign_in, self.work, self.lock_page):
            self.modes.addWidget(widget)
        self._build_work_area()
        self._build_status_bar()
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self.refresh_status)
        self._shortcuts()
        ctx.tasks.busy_changed.connect(self._busy)
        if ctx.db is None:
            self._set_mode("first_run")
        else:
            self.sign_in.reset(office_name)
            self._set_mode("sign_in")
            # Once the window is up (never delaying it) and before anyone signs in:
            # a damaged page must not go unnoticed, nor take the morning's intakes.
            QTimer.singleShot(0, self, self.check_database)

    def check_database(self) -> None:
        if self.ctx.db is None:
            return
        self.ctx.tasks.run(
            _startup_check,
            self.ctx.db,
            on_done=self._database_checked,
            on_error=lambda exc: self.show_integrity(str(exc)),
        )

    def _database_checked(self, found: dict | None) -> None:
        if found is None:
            return
        if self.mode == "sign_in":
            # Nobody signs in to a damaged database: what they enter could be lost.
            self.sign_in.setEnabled(False)
        self.show_integrity(found["problem"], found.get("backup"))

    def preload_screens(self, modules: list[str] | None = None) -> None:
        """Import the screens' modules on the GUI thread, one per event-loop turn,
        while the sign-in screen waits. Once the clerk works, no step may stall
        the GUI thread in the middle of a scan: what is left loads when opened."""
        if modules is None:
            modules = [spec.partition(":")[0] for spec in SCREENS.values()] + list(LATER)
        if not modules or self.mode != "sign_in":
            return
        import_module(modules[0])
        QTimer.singleShot(0, lambda: self.preload_screens(modules[1:]))

    # --- layout ----------------------------------------------------------------------

    def _build_work_area(self) -> None:
        layout = QHBoxLayout(self.work)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(176)
        self.nav.setStyleSheet(
            "QListWidget { background:#1f3b5c; color:#ffffff; border:none; font-size:14px; }"
            "QListWidget::item { padding:11px 14px; }"
            "QListWidget::item:selected { background:#2f6aa8; }"
        )
        labels = [
            self.tr("Tiếp nhận"),
            self.tr("Hồ sơ"),
            self.tr("Tra cứu"),
            self.tr("Trả kết quả"),
            self.tr("Đồng bộ"),
            self.tr("Cài đặt"),
            self.tr("Báo cáo"),
            self.tr("Phản ánh"),
        ]
        for i, text in enumerate(labels, start=1):
            item = QListWidgetItem(f"{text}")
            item.setToolTip(f"Alt+{i}")
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._nav_changed)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setStyleSheet("QStatusBar { background:#eef1f4; } QStatusBar QLabel { padding:0 8px; }")
        self.officer_label = QLabel()
        self.officer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.officer_label.setObjectName("status_officer")
        self.station_label = QLabel()
        self.station_label.setObjectName("status_station")
        self.online_label = QLabel()
        self.online_label.setObjectName("status_online")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("status_pending")
        self.bytes_label = QLabel()
        self.bytes_label.setObjectName("status_bytes")
        self.bytes_label.hide()
        self.last_sync_label = QLabel()
        self.last_sync_label.setObjectName("status_last_sync")
        # Supervisors and administrators see the sync warnings here as well.
        self.warning_label = ElidedLabel()
        self.warning_label.setObjectName("status_warning")
        self.warning_label.setStyleSheet("color:#8a4b00; font-weight:bold;")
        self.warning_label.clicked.connect(lambda: self.show_page("sync"))
        self.warning_label.hide()
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(120)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.hide()
        self.busy_label = QLabel()
        self.busy_label.hide()
        # Only a notice: installing is left to "motcua-desk update apply" with
        # the window closed, so no update lands in the middle of an intake.
        self.update_label = QLabel()
        self.update_label.setObjectName("status_update")
        self.update_label.setStyleSheet("color:#1b5e20; font-weight:bold;")
        self.update_label.hide()
        bar.addPermanentWidget(self.update_label)
        self.backup_label = QLabel()
        self.backup_label.setObjectName("status_backup")
        self.backup_label.hide()
        bar.addPermanentWidget(self.backup_label)
        for w in (
            self.officer_label,
            self.station_label,
            self.online_label,
            self.pending_label,
            self.bytes_label,
            self.last_sync_label,
        ):
            bar.addWidget(w)
        bar.addWidget(self.warning_label, 1)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy_bar)

    def _shortcuts(self) -> None:
        def add(key: str | QKeySequence, handler) -> None:
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(handler)

        add("F2", self.new_dossier)
        add("F3", self.find)
        add(QKeySequence.StandardKey.Print, self.print_current)
        add("Ctrl+L", self.lock)
        add("F1", self.show_help)
        for i, name in enumerate(PAGES, start=1):
            add(f"Alt+{i}", lambda n=name: self.show_page(n))

    # --- modes -----------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return self.modes.currentWidget().property("mode") or ""

    @property
    def first_run(self) -> FirstRunPage:
        """The set-up form of a new station, built only where one is set up."""
        if self._first_run is None:
            from ui.shell.first_run import FirstRunPage

            self._first_run = FirstRunPage(self.ctx)
            self._first_run.initialised.connect(self._initialised)
            self.modes.insertWidget(0, self._first_run)
        return self._first_run

    def _set_mode(self, mode: str) -> None:
        widget = {
            "sign_in": lambda: self.sign_in,
            "work": lambda: self.work,
            "locked": lambda: self.lock_page,
            "first_run": lambda: self.first_run,
        }[mode]()
        widget.setProperty("mode", mode)
        self.modes.setCurrentWidget(widget)
        self.statusBar().setVisible(mode in ("work", "locked"))
        self.mode_changed.emit(mode)

    def _initialised(self, db: Database, admin: str, office_name: str) -> None:
        self.ctx.db = db
        self.sign_in.reset(office_name, admin)
        self._set_mode("sign_in")

    def _signed_in(self, actor: Actor) -> None:
        self.ctx.actor = actor
        from app.office import settings_admin  # not needed before anyone signs in

        self.ctx.settings = settings_admin.snapshot(self.ctx.require_db(), actor).values
        font_size.apply(self.ctx.settings.get("font_size"))
        self._build_pages()
        self._set_mode("work")
        self.officer_label.setText(
            self.tr("Cán bộ: {name} ({role})").format(
                name=actor.full_name, role=self._role_label(actor.role)
            )
        )
        # Who is signed in shows on the taskbar too.
        self.setWindowTitle(self.tr("MotCua Desk — {name}").format(name=actor.full_name))
        self.refresh_status()
        self._status_timer.start(STATUS_REFRESH_MS)
        self._start_idle()
        self.show_page("receive")
        if not self._warmed:
            self._warmed = True
            from ui.widgets import print_preview

            self.ctx.tasks.run(print_preview.warm_up, on_error=lambda exc: None)
            self.ctx.tasks.run(
                _available_update,
                self.ctx.data_dir,
                on_done=self.show_update,
                on_error=lambda exc: None,
            )
            self.daily_backup.start(actor.username)

    def show_integrity(self, problem: str | None, backup: str | None = None) -> None:
        if not problem:
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Cơ sở dữ liệu bị hỏng"),
            self.tr(
                "Kiểm tra cơ sở dữ liệu phát hiện trang bị hỏng ({problem}). Đừng tiếp nhận "
                "thêm: đóng cửa sổ, chạy “backup list” rồi “restore TỆP” với bản sao lưu "
                "gần nhất."
            ).format(problem=problem),
            QMessageBox.StandardButton.Ok,
            self,
        )
        if backup:
            box.setInformativeText(
                self.tr("Bản sao lưu mới nhất đã kiểm tra tốt: {file}").format(file=backup)
            )
            box.setDetailedText(f'motcua-desk restore "{backup}"')
        self.integrity_box = box
        box.open()

    def show_daily_backup(self, result: dict) -> None:
        if not result.get("ok"):
            # The full check found a damaged page: nothing was copied over the backups.
            self.show_integrity(result.get("integrity") or "")
            return
        problem = result.get("second_copy_error") or (
            None if (result.get("test_restore") or {}).get("ok", True) else "test_restore"
        )
        made = (result.get("created_at") or "")[11:16]
        if problem:
            self.backup_label.setText(self.tr("Sao lưu {time}: có lỗi").format(time=made))
            self.backup_label.setStyleSheet("color:#8a1c1c; font-weight:bold;")
            self.backup_label.setToolTip(
                self.tr("Bản sao lưu trên máy đã tạo, nhưng: {problem}").format(problem=problem)
            )
        else:
            self.backup_label.setText(self.tr("Đã sao lưu {time}").format(time=made))
            self.backup_label.setStyleSheet("")
            self.backup_label.setToolTip(result.get("file") or "")
        self.backup_label.show()

    def show_daily_backup_failure(self, exc: BaseException) -> None:
        self.backup_label.setText(self.tr("Chưa sao lưu được hôm nay"))
        self.backup_label.setStyleSheet("color:#8a1c1c; font-weight:bold;")
        self.backup_label.setToolTip(describe(exc))
        self.backup_label.show()

    def show_update(self, version: str | None) -> None:
        if not version:
            return
        self.update_label.setText(self.tr("Có bản cập nhật {version}").format(version=version))
        self.update_label.setToolTip(
            self.tr(
                "Phiên bản {version} đã sẵn sàng trên máy chủ. Cập nhật khi không tiếp nhận: "
                "đóng cửa sổ rồi chạy “motcua-desk update apply”; dữ liệu được giữ nguyên."
            ).format(version=version)
        )
        self.update_label.show()

    @staticmethod
    def _role_label(role: str) -> str:
        if i18n.language() == "en":
            return role
        return ROLE_LABELS_VI.get(role, role)

    def _start_idle(self) -> None:
        try:
            minutes = int(self.ctx.settings.get("idle_lock_minutes", "15"))
        except ValueError:
            minutes = 15
        self.idle.start(max(1, minutes) * 60_000)

    def _build_pages(self) -> None:
        self._drop_pages()
        # Screens are built when first shown: signing in stays quick on an old PC.
        self.pages = _LazyPages(self._make_page)
        self.pages["receive"]

    def _make_page(self, name: str) -> QWidget:
        page = screen_class(name)(self.ctx)
        self.stack.addWidget(page)
        page.data_changed.connect(self.ctx.changes.operation_did_execute)
        self.ctx.changes.operation_did_execute.connect(page.operation_did_execute)
        page.open_dossier.connect(self.open_dossier)
        page.return_dossier.connect(self.return_dossier)
        if name == "receive":
            page.received.connect(lambda result: self.customer.ask(result.code, "intake"))
        if name == "return":
            page.returned.connect(lambda code: self.customer.ask(code, "return"))
        if name == "settings":
            page.settings_saved.connect(self._settings_saved)
            page.backup_tab.restore_panel.confirmed.connect(
                lambda file: self.restore_from(file, page.banner)
            )
            page.station_enrolled.connect(self._station_enrolled)
        if name == "sync" and self._last_status is not None:
            page.show_status(self._last_status)
        if name == "receive" and self._last_status is not None:
            page.restore_notice.show_notice(self._last_status.restore_notice)
        return page

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}

    def lock(self) -> None:
        if self.mode != "work" or self.ctx.actor is None:
            return
        self.idle.stop()
        self.lock_page.prepare(self.ctx.actor)
        self._set_mode("locked")

    def _unlocked(self, actor: Actor) -> None:
        self._set_mode("work")
        self._start_idle()
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    @property
    def customer(self) -> CustomerScreen:
        """The citizen's rating screen, on a second monitor when the station has one.

        Built when first needed (the status bar names the office on it after
        sign-in), not before the window's first paint.
        """
        if self._customer is None:
            from ui.screens.customer import CustomerScreen

            self._customer = CustomerScreen(self.ctx, self)
            changes = self.ctx.changes
            self._customer.rated.connect(lambda _receipt: changes.operation_did_execute.emit())
        return self._customer

    def sign_out(self) -> None:
        if self._customer is not None:
            self._customer.dismiss()
        self.idle.stop()
        self._status_timer.stop()
        self.ctx.actor = None
        self.setWindowTitle(self.tr("MotCua Desk — Bộ phận Một cửa"))
        self._drop_pages()
        self.sign_in.reset(self.sign_in.office.text())
        self._set_mode("sign_in")

    def _settings_saved(self, values: dict) -> None:
        self.ctx.settings = dict(values)
        font_size.apply(self.ctx.settings.get("font_size"))
        self._start_idle()
        self.sync.set_interval(self._sync_interval())
        self.refresh_status()

    def _station_enrolled(self) -> None:
        # A worker already running (re-enrolment after a revoked credential) reads
        # the new credential on its next round; ask for that round now.
        self.sync.sync_now()
        self.refresh_status()

    def _sync_interval(self) -> float:
        try:
            return max(10.0, float(self.ctx.settings.get("sync_interval_seconds", "60")))
        except ValueError:
            return 60.0

    # --- navigation ------------------------------------------------------------------

    def show_page(self, name: str) -> QWidget | None:
        if self.mode != "work" or name not in PAGES or self.ctx.actor is None:
            return None
        self.nav.setCurrentRow(PAGES.index(name))
        return self.pages[name]

    def current_page_name(self) -> str:
        row = self.nav.currentRow()
        return PAGES[row] if 0 <= row < len(PAGES) else ""

    def _nav_changed(self, row: int) -> None:
        if not 0 <= row < len(PAGES) or self.ctx.actor is None:
            return
        page = self.pages[PAGES[row]]
        self.stack.setCurrentWidget(page)
        page.activated()

    def new_dossier(self) -> None:
        page = self.show_page("receive")
        if page is not None:
            page.new_dossier()

    def find(self) -> None:
        page = self.show_page("lookup")
        if page is not None:
            page.focus_query()

    def print_current(self) -> None:
        page = self.pages.get(self.current_page_name())
        if self.mode == "work" and page is not None:
            page.print_current()

    def show_help(self) -> None:
        """F1: a short page about the screen in front of the clerk."""
        from ui.shell.help import HelpDialog

        screen = self.current_page_name() if self.mode == "work" else ""
        self.help_dialog = HelpDialog(screen, self)
        self.help_dialog.open()

    def open_dossier(self, code: str) -> None:
        page = self.show_page("dossiers")
        if page is not None:
            page.show_dossier(code)

    def return_dossier(self, code: str) -> None:
        page = self.show_page("return")
        if page is not None:
            page.find(code)

    # --- status bar ------------------------------------------------------------------

    def refresh_status(self) -> None:
        if self.ctx.db is None or self.ctx.actor is None:
            return
        self.ctx.tasks.run(
            overview.read,
            self.ctx.db,
            self.ctx.data_dir,
            on_done=self._show_status,
            on_error=lambda exc: None,
            label="",
        )

    def _show_status(self, st: overview.CounterStatus) -> None:
        self._last_status = st
        self.station_label.setText(
            self.tr("Quầy {n} · {office}").format(n=st.station_number, office=st.agency_code)
        )
        self.station_label.setToolTip(st.office_name)
        self.customer.set_office(st.office_name)
        self.pending_label.setText(self.tr("Chờ đồng bộ: {n}").format(n=st.pending_changes))
        self.bytes_label.setText(
            self.tr("Còn {size} tệp").format(size=format_bytes(st.bytes_to_upload))
        )
        self.bytes_label.setToolTip(self.tr("Tệp đã số hóa chưa tải lên máy chủ"))
        self.bytes_label.setVisible(st.bytes_to_upload > 0)
        last = format_datetime(st.last_sync_at) if st.last_sync_at else self.tr("chưa có")
        self.last_sync_label.setText(self.tr("Đồng bộ lần cuối: {t}").format(t=last))
        actor = self.ctx.actor
        shown = bool(st.warnings) and actor is not None and auth.can(actor, "sync.health")
        if shown:
            more = len(st.warnings) - 1
            text = "⚠ " + st.warnings[0]
            self.warning_label.setText(
                text
                if not more
                else self.tr("{first} (và {n} cảnh báo khác)").format(first=text, n=more)
            )
            self.warning_label.fallback = self.tr("⚠ {n} cảnh báo").format(n=len(st.warnings))
            self.warning_label.setToolTip("\n".join(st.warnings))
            self.warning_label.update()
        self.warning_label.setVisible(shown)
        if st.enrolled and actor is not None:
            self.sync.start(self._sync_interval())
        self._show_link()
        receive = self.pages.get("receive")
        if receive is not None:
            receive.restore_notice.show_notice(st.restore_notice)
        sync = self.pages.get("sync")
        if sync is not None:
            sync.show_status(st)

    def _show_link(self) -> None:
        from ui.screens.sync import link_state

        text, colour, tip = link_state(self._last_status, self.sync)
        self.online_label.setText(text)
        self.online_label.setStyleSheet(f"color:{colour};")
        self.online_label.setToolTip(tip)

    def _busy(self, busy: bool, label: str) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy and bool(label))
        self.busy_label.setText(label)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _quit_waits(self) -> bool:
        """Should this close be held back because changes have not reached the server?"""
        st = self._last_status
        if not self.warn_on_quit or st is None or not st.enrolled or st.pending_changes <= 0:
            return False
        if time.monotonic() < self._quit_asked_until:
            return False  # the second close within the window: the clerk means it
        self._quit_asked_until = time.monotonic() + QUIT_CONFIRM_S
        self.warning_label.setText(
            self.tr(
                "⚠ Còn {n} thay đổi chưa gửi lên máy chủ. Đóng cửa sổ lần nữa để vẫn thoát; "
                "các thay đổi được gửi ở lần mở sau."
            ).format(n=st.pending_changes)
        )
        self.warning_label.show()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self._quit_waits():
            event.ignore()
            return
        self.idle.stop()
        self.idle.detach()
        if self._customer is not None:
            self._customer.shut()
        self.stop_background()
        super().closeEvent(event)

    def stop_background(self) -> None:
        """Stop the timers and the sync, and let every worker finish (closing, restoring)."""
        self._status_timer.stop()
        self.daily_backup.timer.stop()
        self.sync.stop()
        # A recognition under way may take minutes; let it finish and save.
        self.ctx.stop_workers(WORKERS_EXIT_WAIT_MS)
        # A backup cut off here leaves only a partial file, removed by the next one.
        self.daily_backup.wait(WORKERS_EXIT_WAIT_MS)

    def resume_background(self) -> None:
        """After a restore that failed: the same officer works on with the live database."""
        self._start_idle()
        self._status_timer.start(STATUS_REFRESH_MS)
        if self.ctx.actor is not None:
            self.daily_backup.start(self.ctx.actor.username)
        self.refresh_status()

    def restore_from(self, file: str, banner) -> None:
        """Cài đặt › Sao lưu: put ``file`` in place of the station database (confirmed)."""
        from ui.shell.restore import WindowRestore

        self.restorer = WindowRestore(self, banner)
        self.restorer.start(file)

    def restored(self, office_name: str, text: str) -> None:
        """The restored database may have other officers: everyone signs in again."""
        # The first sign-in to the restored database starts the day's backup again.
        self._warmed = False
        self._last_status = None
        self.sign_out()
        self.sign_in.reset(office_name)
        self.sign_in.banner.show_message(text, "success")
