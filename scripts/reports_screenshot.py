"""The Báo cáo screen at 1366×768 into docs/screenshots/16-reports.png.

    QT_QPA_PLATFORM=offscreen python scripts/reports_screenshot.py [--out DIR]

Builds a throw-away station holding the report tests' fixture office (every
branch a figure can take: early, on time, late, supplements, extensions,
closed without a result, online, carried over), signs in as a clerk, shows
March 2026 and drills down into the overdue dossiers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.office import auth  # noqa: E402
from app.office.office_setup import SetupRequest, initialise  # noqa: E402
from scripts.screenshots import SIZE, pump, wait  # noqa: E402
from tests.reports.office_fixture import build  # noqa: E402


def seed(data_dir: Path):
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
        ),
    )
    with db.write() as session:
        auth.create_officer(session, "canbo1", "Trần Thị Hoa", "clerk", "matkhau-canbo")
    build(db)
    return db


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from ui.shell.app import application, create_window

    application()
    tmp = Path(tempfile.mkdtemp(prefix="motcua-reports-"))
    db = seed(tmp / "station")
    win = create_window(tmp / "station", db=db, preview_factory=lambda *a: None)
    win.warn_on_quit = False
    win.resize(*SIZE)
    win.show()
    win.sign_in.username.setText("canbo1")
    win.sign_in.password.setText("matkhau-canbo")
    win.sign_in.sign_in()
    wait(lambda: win.mode == "work")
    win.showMaximized()
    page = win.show_page("reports")
    wait(lambda: page.report is not None)
    shown: list[object] = []
    page.report_shown.connect(lambda *_: shown.append(True))
    page.set_period("month", 2026, 3)
    page.show_button.click()
    wait(lambda: bool(shown))
    drilled: list[object] = []
    page.drilled.connect(lambda *_: drilled.append(True))
    page.drill("in_progress_overdue")
    wait(lambda: bool(drilled))
    pump(600)
    target = args.out / "16-reports.png"
    win.grab().save(str(target))
    print("saved", target, win.width(), "x", win.height())
    win.close()


if __name__ == "__main__":
    main()
