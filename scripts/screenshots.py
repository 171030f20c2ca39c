"""Screenshots of every screen at 1366×768 into docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

Builds a throw-away station with a few dozen dossiers, drives the real window
through each screen and saves ``widget.grab()`` of the whole window.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer

from app.domain.cccd import parse_cccd_qr
from app.dossiers import intake, progress
from app.infra import clock
from app.office import auth
from app.office.office_setup import SetupRequest, initialise
from tests.conftest import INTAKE

SIZE = (1366, 768)
PEOPLE = [
    ("001085012345", "Nguyễn Văn Đức", "1985-03-12", "Nam"),
    ("001190012346", "Trần Thị Hoa", "1990-07-15", "Nữ"),
    ("031088004321", "Lê Minh Tuấn", "1988-01-20", "Nam"),
    ("079195007777", "Phạm Ngọc Lan", "1995-11-02", "Nữ"),
    ("001070001234", "Hoàng Văn Sơn", "1970-05-30", "Nam"),
    ("036199003456", "Đặng Thu Trang", "1999-09-09", "Nữ"),
]
PROCEDURES = [
    ("1.001193", [1, 2]),
    ("2.000815", [1, 2]),
    ("1.004194", [1, 2]),
    ("1.001612", [1]),
    ("1.004873", [1]),
]


def pump(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(cond, ms: int = 10_000) -> None:
    for _ in range(ms // 25):
        if cond():
            return
        pump(25)
    raise TimeoutError("screen did not get ready")


def new_station(data_dir: Path, **office):
    """The commune station every screenshot shows, with the clerk canbo1."""
    db = initialise(
        data_dir,
        SetupRequest(
            "000.00.24.H47",
            "Ủy ban nhân dân xã Tân Lập",
            1,
            "admin",
            "matkhau-quantri",
            parent_name="UBND huyện Đan Phượng",
            place_name="Hà Nội",
            **office,
        ),
    )
    with db.write() as session:
        auth.create_officer(session, "canbo1", "Trần Thị Hoa", "clerk", "matkhau-canbo")
    return db


def clerk_window(data_dir: Path, db):
    """The window at 1366×768, signed in as canbo1 and maximized."""
    from ui.shell.app import create_window

    win = create_window(data_dir, db=db, preview_factory=lambda *a: None)
    win.warn_on_quit = False
    win.resize(*SIZE)
    win.show()
    win.sign_in.username.setText("canbo1")
    win.sign_in.password.setText("matkhau-canbo")
    win.sign_in.sign_in()
    wait(lambda: win.mode == "work")
    win.showMaximized()
    return win


def seed(data_dir: Path):
    db = new_station(
        data_dir,
        address="Thôn Đông, xã Tân Lập, huyện Đan Phượng, Hà Nội",
        phone="024 3388 1234",
    )
    actor = auth.Actor("canbo1", "Trần Thị Hoa", "clerk")
    now = clock.now()
    codes = []
    for i in range(36):
        idn, name, birth, sex = PEOPLE[i % len(PEOPLE)]
        proc, comps = PROCEDURES[i % len(PROCEDURES)]
        data = copy.deepcopy(INTAKE)
        data["procedure"] = proc
        data["applicant"].update(id_number=idn, full_name=name, birth_date=birth, sex=sex)
        data["components"] = [{"index": c, "originals": 1, "copies": 0} for c in comps]
        data["received_at"] = (now - timedelta(days=36 - i, hours=i % 5)).isoformat()
        codes.append(intake.receive(db, actor, data, now=now).code)
    for code in codes[:20]:
        progress.change_status(db, actor, code, 4, now=now)
        progress.change_status(db, actor, code, 9, now=now)
    for code in codes[:14]:
        progress.record_return(db, actor, code, "Người nhận", now=now)
    progress.change_status(db, actor, codes[24], 4, now=now)
    return db, codes


def open_capture(win, code: str):
    """The capture dialog of the dossier's first component, its list loaded."""
    dossiers = win.show_page("dossiers")
    dossiers.show_dossier(code)
    wait(lambda: dossiers.detail.view is not None and dossiers.detail.view.code == code)
    dossiers.detail.digitize(1)
    dialog = dossiers.detail.capture_dialog
    wait(lambda: dialog.component.count() > 0)
    return dialog


def capture(win, code: str, tmp: Path, shot) -> None:
    """The capture dialog with a few synthetic pages, one scanned below 200 dpi."""
    from app.capture.pages import page_from_image
    from tests.capture.synth import a4_size, text_page

    dialog = open_capture(win, code)
    folder = tmp / "may-quet"
    folder.mkdir(exist_ok=True)
    dialog.files.set_folder(str(folder))
    pages = []
    for i, extra in enumerate(({}, {"stamp": True}, {"signature": True}, {}, {"photo": True})):
        dpi = 150 if i == 3 else 200
        image = text_page(dpi, seed=i, lines=30, noise=0, size=a4_size(dpi), **extra)
        pages.append(
            page_from_image(image, source="scanner", label=f"scan-{i + 1:04d}.png", dpi=dpi)
        )
    dialog.add_pages(pages)
    dialog.model.rotate([4], 90)
    wait(lambda: dialog.model.ready() and dialog.files.watcher is not None)
    dialog.tray.select_rows([3])
    dialog.resize(*SIZE)
    shot(dialog, "14-capture")
    dialog.reject()
    dialog.runner.wait_for_done()


def camera(win, code: str, out: Path) -> None:
    """The camera tab fed a photographed page through a frame input, after one capture."""
    from PySide6.QtCore import QRect, Qt, QTimer
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtMultimedia import QVideoFrame

    from tests.capture.synth import photographed, text_page
    from tests.ui.test_capture_camera import as_qimage

    dialog = open_capture(win, code)
    dialog.resize(*SIZE)
    panel = dialog.camera
    dialog.sources.setCurrentWidget(panel)
    name = "Máy chụp tài liệu (USB)"
    feed = panel.add_frame_input(name)
    panel.device.setCurrentIndex(panel.device.findText(name))
    panel.start_button.click()
    frame = QVideoFrame(
        as_qimage(photographed(text_page(200, seed=7, lines=30, stamp=True, signature=True), 5.0))
    )
    timer = QTimer()
    timer.timeout.connect(lambda: feed.sendVideoFrame(frame))
    timer.start(40)
    wait(lambda: panel.take_button.isEnabled())
    panel.take_button.click()
    wait(lambda: len(dialog.model.tray) == 1 and dialog.model.ready(), 20_000)
    dialog.tray.select_rows([0])
    pump(400)
    picture = dialog.grab()
    # QVideoWidget draws into a native child window that grab() cannot see;
    # paint the frame its sink holds where the widget shows it.
    preview = panel.preview
    live = preview.videoSink().videoFrame().toImage()
    area = QRect(preview.mapTo(dialog, preview.rect().topLeft()), preview.size())
    scale = picture.devicePixelRatio()
    fitted = live.scaled(
        area.size() * scale,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    fitted.setDevicePixelRatio(scale)
    painter = QPainter(picture)
    painter.fillRect(area, QColor("black"))
    painter.drawImage(
        int(area.left() + (area.width() - fitted.width() / scale) / 2),
        int(area.top() + (area.height() - fitted.height() / scale) / 2),
        fitted,
    )
    painter.end()
    picture.save(str(out / "15-camera.png"))
    print("saved", out / "15-camera.png")
    timer.stop()
    panel.stop()
    dialog.reject()
    dialog.runner.wait_for_done()


def connect(db, data_dir: Path, tmp: Path):
    """A real central server on loopback, the station enrolled, a few rounds in its log.

    The station talks to it through a fault proxy, so one round can meet a server
    that is down; one dossier is made unacceptable so the refusal list shows.
    Returns a function that stops it all, or None without the server extra.
    """
    try:
        from server import admin as server_admin
        from server.config import Settings
        from server.db import Database as ServerDatabase
        from tests.integration.netproxy import FaultProxy
        from tests.server.srvkit import ServerProcess
    except ImportError as exc:
        print("no central server for the sync screen:", exc)
        return None
    from sqlalchemy import select

    from app.sync import enrolment
    from app.sync.round import run_round
    from db.models import OutboxEvent

    url = f"sqlite:///{tmp / 'central' / 'server.sqlite3'}"
    proc = ServerProcess(tmp / "central", url)
    sdb = ServerDatabase(url)
    server_admin.create_office(sdb, "000.00.24.H47", "Ủy ban nhân dân xã Tân Lập")
    code = server_admin.enroll_station(
        sdb, Settings(data_dir=tmp / "central", db_url=url), "000.00.24.H47", 1
    )
    proxy = FaultProxy(proc.port)
    enrolment.enroll(db, data_dir, auth.Actor("admin", "Quản trị", "admin"), proxy.url, code)
    run_round(db, data_dir)
    clerk = auth.Actor("canbo1", "Trần Thị Hoa", "clerk")
    data = copy.deepcopy(INTAKE)
    data.pop("received_at")
    refused = intake.receive(db, clerk, data).code
    with db.write() as session:
        event = session.scalars(select(OutboxEvent).order_by(OutboxEvent.id.desc())).first()
        event.payload = {**event.payload, "office_code": "000.99.99.H99"}
    proxy.down()
    run_round(db, data_dir)
    proxy.up()
    run_round(db, data_dir)
    print("refused on purpose:", refused)

    def stop() -> None:
        proxy.down()
        sdb.dispose()
        proc.stop()

    return stop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from ui.shell.app import application, create_window
    from ui.widgets.print_preview import default_preview

    application()
    tmp = Path(tempfile.mkdtemp(prefix="motcua-shots-"))
    dialogs = []

    def keep_preview(parent, job, printer):
        dialog = default_preview(parent, job, printer)
        dialogs.append(dialog)
        return dialog

    def shot(widget, name: str) -> None:
        pump(250)
        widget.grab().save(str(args.out / f"{name}.png"))
        print("saved", args.out / f"{name}.png")

    def shot_with_dialog(widget, dialog, name: str) -> None:
        """The window with its dialog on top, centred as a window manager places it."""
        from PySide6.QtGui import QPainter

        pump(250)
        picture = widget.grab()
        over = dialog.grab()
        painter = QPainter(picture)
        painter.drawPixmap(
            (picture.width() - over.width()) // 2, (picture.height() - over.height()) // 2, over
        )
        painter.end()
        picture.save(str(args.out / f"{name}.png"))
        print("saved", args.out / f"{name}.png")

    # First run on an empty folder.
    first = create_window(tmp / "empty", preview_factory=keep_preview)
    first.resize(*SIZE)
    first.show()
    shot(first, "01-first-run")
    first.close()

    db, codes = seed(tmp / "station")
    disconnect = connect(db, tmp / "station", tmp)
    win = create_window(tmp / "station", db=db, preview_factory=keep_preview)
    win.ctx.sync_tuning["first_delay"] = 0
    win.resize(*SIZE)
    win.show()
    win.sign_in.username.setText("canbo1")
    shot(win, "02-sign-in")
    win.sign_in.password.setText("matkhau-canbo")
    win.sign_in.sign_in()
    wait(lambda: win.mode == "work")

    page = win.pages["receive"]
    page.picker.search.setText("khai sinh")
    page.picker._pick_current()
    wait(lambda: page.form is not None and page.due.text() != "—")
    a = page.applicant
    a.fill_from_card(
        parse_cccd_qr(
            "001085012345|123456789|Nguyễn Văn Đức|12031985|Nam|"
            "Thôn Đông, xã Tân Lập, huyện Đan Phượng, Hà Nội|01022021"
        )
    )
    page._check_returning("001085012345")
    a.phone.setText("0912 345 678")
    wait(lambda: a.offer.isVisible())
    shot(win, "03-receive")
    page.receive()
    wait(lambda: bool(dialogs))
    pump(600)
    dialogs[-1].resize(*SIZE)
    shot(dialogs[-1], "04-receipt-preview")
    dialogs[-1].close()
    shot(win, "05-receive-done")

    dossiers = win.show_page("dossiers")
    wait(lambda: dossiers.model.rowCount() > 0)
    row = next(i for i, r in enumerate(dossiers.model.rows) if r.overdue)
    dossiers.table.selectRow(row)
    wait(lambda: dossiers.detail.view is not None)
    shot(win, "06-dossiers")
    # The pane's life steps open a dialog asking what the law requires.
    dossiers.detail.open_life("extend")
    wait(
        lambda: dossiers.detail.life_dialog is not None and dossiers.detail.life_dialog.isVisible()
    )
    dossiers.detail.life_dialog.reason.setText("Cần xác minh thêm thông tin tại nơi cư trú")
    shot_with_dialog(win, dossiers.detail.life_dialog, "17-dossier-extend")
    dossiers.detail.life_dialog.reject()

    lookup = win.show_page("lookup")
    lookup.query.setText("nguyen van duc")
    lookup.run_query()
    wait(lambda: lookup.result is not None)
    # Several results: nothing is selected until the clerk picks one.
    if lookup.detail.view is None:
        lookup.table.selectRow(0)
    wait(lambda: lookup.detail.view is not None)
    shot(win, "07-lookup")

    ret = win.show_page("return")
    wait(lambda: ret.table.rowCount() > 0)
    ret.table.selectRow(0)
    wait(lambda: ret.dossier is not None)
    shot(win, "08-return")

    sync = win.show_page("sync")
    if disconnect is not None:
        # One more round on the page's button, so the log ends with the dossier just received.
        wait(lambda: win.sync.active and not win.sync.running and win.sync.last_report)
        before = win.sync.last_report
        sync.sync_button.click()
        wait(lambda: win.sync.last_report is not before, 30_000)
        wait(lambda: win.pending_label.text().endswith(": 0") and sync.failures)
    shot(win, "09-sync")
    win.show_page("settings")
    shot(win, "10-settings-clerk")
    win.lock()
    shot(win, "11-locked")

    win.lock_page.other.click()
    win.sign_in.username.setText("admin")
    win.sign_in.password.setText("matkhau-quantri")
    win.sign_in.sign_in()
    # An administrator made without a full name is asked for it at first sign-in.
    wait(lambda: win.mode == "work" or win.sign_in.full_name.isVisible(), 60_000)
    if win.mode != "work":
        win.sign_in.full_name.setText("Lê Văn Quản")
        win.sign_in.sign_in()
    wait(lambda: win.mode == "work", 60_000)  # password hashing on a loaded machine
    settings = win.show_page("settings")
    settings.tabs.setCurrentWidget(settings.office_tab)
    shot(win, "12-settings-admin")
    settings.tabs.setCurrentWidget(settings.hours_tab)
    shot(win, "13-settings-hours")
    capture(win, codes[-1], tmp, shot)
    camera(win, codes[-2], args.out)
    win.warn_on_quit = False
    win.close()
    win.ctx.tasks.wait_for_done()
    db.dispose()
    if disconnect is not None:
        disconnect()


if __name__ == "__main__":
    main()
