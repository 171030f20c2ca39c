"""The counter window's responsiveness, measured the way a clerk feels it.

    python bench/ui.py [--dossiers 1000000] [--runs 5] [--skip-big]

Prints three figures beside their targets:

- cold start: ``python main.py`` to an interactive window (median of ``--runs``);
- look-up: Enter in the look-up field to results on screen, over a station
  with ``--dossiers`` dossiers (median and p95 for codes, ID numbers, names);
- GUI stall: the longest gap between ticks of a 10 ms timer on the GUI thread
  while a dossier is received and its receipt opened in the real print
  preview, beside the same timer's longest gap with the loop idle (the floor).

Runs offscreen; nothing is shown.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import figures
from figures import Heartbeat

from app.domain.text import fold
from app.infra import datadir
from app.infra.storage import connect_file
from app.office.office_setup import SetupRequest, initialise

PASSWORD = "matkhau-bench"


def new_station(parent: Path, name: str) -> Path:
    data_dir = parent / name
    db = initialise(
        data_dir,
        SetupRequest(
            "000.00.24.H47",
            "UBND xã Tân Lập",
            1,
            "admin",
            PASSWORD,
            admin_full_name="Lê Văn Quản",
            place_name="Hà Nội",
        ),
    )
    db.dispose()
    return data_dir


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def cold_start(data_dir: Path, runs: int) -> list[float]:
    """Seconds from launching ``python main.py`` to the window taking input."""
    out = []
    for _ in range(runs):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env["MOTCUA_BENCH_STARTUP"] = repr(time.time())
        proc = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        line = next((x for x in proc.stdout.splitlines() if x.startswith("interactive")), None)
        if line is None:
            raise RuntimeError(f"window did not start: {proc.stderr[-2000:]}")
        out.append(float(line.split()[1]))
    return out


def open_window(data_dir: Path, preview_factory=None, stalls: list[float] | None = None):
    """The window signed in, with its post-sign-in warm-up finished."""
    from ui.shell.app import application, create_window

    application()
    win = create_window(data_dir, preview_factory=preview_factory)
    win.resize(1366, 768)
    win.show()
    win.sign_in.username.setText("admin")
    win.sign_in.password.setText(PASSWORD)
    heart = Heartbeat()
    heart.start()
    win.sign_in.sign_in()
    wait_until(lambda: win.mode == "work")
    wait_until(lambda: win.ctx.tasks.active == 0)
    worst = heart.stop()
    if stalls is not None:
        stalls.append(worst)
    return win


def wait_until(cond, timeout: float = 30.0) -> None:
    """Run the event loop in 2 ms slices until ``cond()`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.perf_counter() + timeout
    loop = QEventLoop()
    while not cond():
        if time.perf_counter() > end:
            raise TimeoutError("condition not met")
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def receive_stall(data_dir: Path, repeats: int = 5) -> tuple[list[float], float]:
    """Worst heartbeat gaps (s) while receiving and opening the receipt preview,
    and while signing in (which warms up fonts and the PDF renderer)."""
    from PySide6.QtWidgets import QDialog

    from tests.conftest import INTAKE
    from ui.widgets.print_preview import default_preview

    dialogs: list[QDialog] = []

    def preview(parent, job, printer):
        dialog = default_preview(parent, job, printer)
        dialogs.append(dialog)
        return dialog

    sign_in_stall: list[float] = []
    win = open_window(data_dir, preview, sign_in_stall)
    page = win.pages["receive"]
    heart = Heartbeat()
    worst = []
    for _ in range(repeats):
        page.picker.search.setText("khai sinh")
        page.picker._pick_current()
        wait_until(lambda: page.form is not None)
        a = page.applicant
        person = copy.deepcopy(INTAKE["applicant"])
        a.id_number.setText(person["id_number"])
        a.full_name.setText(person["full_name"])
        a.birth_date.setText("12/03/1985")
        before = len(dialogs)
        heart.start()
        page.receive()
        wait_until(lambda b=before: len(dialogs) > b)
        # Let the preview lay out and paint its pages.
        settle = time.perf_counter() + 1.0
        wait_until(lambda s=settle: time.perf_counter() > s)
        worst.append(heart.stop())
        dialogs[-1].close()
    win.close()
    win.ctx.tasks.wait_for_done()
    win.ctx.db.dispose()
    return worst, sign_in_stall[0]


def lookup_latency(data_dir: Path, queries: list[str]) -> list[float]:
    """Seconds from the Enter key to the results on screen, per query."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    win = open_window(data_dir)
    page = win.show_page("lookup")
    out = []
    for q in queries:
        page.query.setText(q)
        shown: list[float] = []
        page.results_shown.connect(shown.append)
        started = time.perf_counter()
        QTest.keyClick(page.query, Qt.Key.Key_Return)
        wait_until(lambda s=shown: bool(s))
        out.append(time.perf_counter() - started)
        page.results_shown.disconnect()
    win.close()
    win.ctx.tasks.wait_for_done()
    win.ctx.db.dispose()
    return out


def sample_queries(db_path: Path, n: int, seed: int = 3) -> dict[str, list[str]]:
    rng = random.Random(seed)
    conn = connect_file(db_path)
    top = conn.execute("SELECT MAX(id) FROM dossier").fetchone()[0]
    ids = ",".join(str(rng.randint(1, top)) for _ in range(n))
    rows = conn.execute(
        "SELECT d.code, a.id_number, a.full_name FROM dossier d JOIN applicant a "
        f"ON a.id = d.applicant_id WHERE d.id IN ({ids})"
    ).fetchall()
    conn.close()
    return {
        "code": [r[0] for r in rows],
        "ID number": [r[1] for r in rows],
        # Surname and given name, without diacritics, as clerks type them.
        "folded name": [" ".join(fold(r[2]).split()[i] for i in (0, 2)) for r in rows],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--skip-big", action="store_true", help="skip the look-up measurement")
    ap.add_argument("--stall-only", action="store_true", help="only the receive + preview stall")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="motcua-bench-ui-"))
    small = new_station(tmp, "small")

    starts = [] if args.stall_only else cold_start(small, args.runs)
    stalls, sign_in_stall = receive_stall(small)
    lookups: dict[str, list[float]] = {}
    if not (args.skip_big or args.stall_only):
        from tests.ui.bigdb import fill

        big = new_station(tmp, "big")
        print(f"Filling {args.dossiers:,} dossiers …", flush=True)
        t = time.perf_counter()
        fill(datadir.db_path(big), args.dossiers, with_search=True)
        print(f"filled in {time.perf_counter() - t:.0f} s", flush=True)
        for kind, queries in sample_queries(datadir.db_path(big), args.queries).items():
            lookups[kind] = lookup_latency(big, queries)

    print()
    if starts or lookups:
        print(f"{'measure':52} {'value':>10}   target")
    if starts:
        print(
            f"{'cold start to interactive window, median of ' + str(args.runs):52} "
            f"{statistics.median(starts):8.2f} s   ≤ 1.5 s   (runs: "
            + ", ".join(f"{s:.2f}" for s in starts)
            + ")"
        )
    for kind, values in lookups.items():
        ms = [v * 1000 for v in values]
        print(
            f"{'look-up Enter→results, ' + kind + ', median':52} {statistics.median(ms):8.1f} ms"
            f"  ≤ 100 ms   (p95 {p95(ms):.1f} ms, {args.dossiers:,} dossiers)"
        )
    ms = [s * 1000 for s in stalls]
    idle = figures.idle_stall(3.0) * 1000
    print(f"load average {figures.load()}")
    figures.header()
    figures.row("GUI stall, receive + print preview, worst", max(ms), idle, "ms", "≤ 100 ms")
    print(
        f"    median of {len(ms)} runs {statistics.median(ms):.1f} ms; floor: the same "
        f"10 ms timer with the loop idle"
    )
    figures.row("GUI stall, sign-in to warmed up", sign_in_stall * 1000, idle, "ms", "")


if __name__ == "__main__":
    main()
