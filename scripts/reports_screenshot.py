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

from scripts.screenshots import clerk_window, new_station, pump, wait  # noqa: E402
from tests.reports.office_fixture import build  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from ui.shell.app import application

    application()
    data_dir = Path(tempfile.mkdtemp(prefix="motcua-reports-")) / "station"
    db = new_station(data_dir)
    build(db)
    win = clerk_window(data_dir, db)
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
