"""How long a yearly indicator report takes over a big station database.

    python bench/reports.py [--dossiers 1000000] [--runs 3] [--keep DIR]
                            [--stall-only] [--stall-runs N]

Builds a station with ``--dossiers`` dossiers over five years (the scale
tests' generator), each with the status history a counter writes (received,
ready, handed over; a supplement request for some) and two components, then
times ``report indicators`` for the last full year and for the current year
(a period that ends after today). Prints each figure beside a floor measured
in the same run (plain sqlite3 reading the period; the idle event loop for
the stall), the ratio and the target.
With ``--keep DIR`` the database is kept there and reused by the next run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import figures  # noqa: E402

from app.infra import datadir, storage  # noqa: E402
from app.office import office_setup  # noqa: E402
from app.reports import indicators, period  # noqa: E402

END = datetime(2026, 11, 20, 17, 0)
TARGET_S = 2.0


def add_history(db_path: Path, seed: int = 7) -> None:
    """Status history and components for every dossier the generator wrote."""
    rng = random.Random(seed)
    conn = storage.connect_file(db_path)
    conn.execute("PRAGMA synchronous=OFF")
    rows = conn.execute("SELECT id, status, received_at FROM dossier ORDER BY id").fetchall()
    hist, comps, returned = [], [], []

    def flush() -> None:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO status_history (dossier_id, status, at, source) "
            "VALUES (?, ?, ?, 'counter')",
            hist,
        )
        conn.executemany(
            'INSERT INTO dossier_component (dossier_id, "index", name, originals, copies, '
            "digitized, reused) VALUES (?, ?, 'Thành phần', 1, 0, ?, ?)",
            comps,
        )
        conn.executemany("UPDATE dossier SET returned_at = ? WHERE id = ?", returned)
        conn.execute("COMMIT")
        hist.clear()
        comps.clear()
        returned.clear()

    for did, status, received_s in rows:
        received = datetime.fromisoformat(received_s)
        hist.append((did, 2, received_s))
        supplement = rng.random() < 0.08
        if supplement or status == 5:
            hist.append((did, 5, (received + timedelta(hours=20)).isoformat(" ")))
        if supplement and status != 5:
            hist.append((did, 4, (received + timedelta(days=2)).isoformat(" ")))
        if status in (9, 10):
            ready = received + timedelta(days=rng.choice((1, 2, 3, 4, 6)))
            hist.append((did, 9, ready.isoformat(" ")))
        if status == 10:
            back = received + timedelta(days=7)
            hist.append((did, 10, back.isoformat(" ")))
            returned.append((back.isoformat(" "), did))
        digitized = rng.random() < 0.7
        comps.append((did, 1, digitized, False))
        comps.append((did, 2, digitized and rng.random() < 0.8, rng.random() < 0.1))
        if len(hist) > 200_000:
            flush()
    flush()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def build(parent: Path, n: int) -> Path:
    from tests.ui.bigdb import fill

    data_dir = parent / "station"
    db = office_setup.initialise(
        data_dir,
        office_setup.SetupRequest("000.00.24.H47", "UBND xã Tân Lập", 1, "admin", "matkhau-bench"),
    )
    db.dispose()
    path = datadir.db_path(data_dir)
    t = time.perf_counter()
    fill(path, n, end=END)
    add_history(path)
    print(f"built {n:,} dossiers in {time.perf_counter() - t:.0f} s", flush=True)
    return data_dir


def timed(data_dir: Path, p: period.Period, runs: int) -> tuple[list[float], dict]:
    db = storage.open_database(data_dir)
    try:
        times, report = [], None
        for _ in range(runs):
            t = time.perf_counter()
            report = indicators.compute(db, p, now=END)
            times.append(time.perf_counter() - t)
        return times, report.to_json()
    finally:
        db.dispose()


def floor_query(data_dir: Path, p: period.Period) -> float:
    """The floor: plain sqlite3 reading the period's dossiers once (id, status, times)."""
    conn = storage.connect_file(datadir.db_path(data_dir))
    try:
        t = time.perf_counter()
        conn.execute(
            "SELECT id, status, received_at, due_at, returned_at FROM dossier "
            "WHERE received_at >= ? AND received_at < ?",
            (p.begins.isoformat(" "), p.ends.isoformat(" ")),
        ).fetchall()
        return time.perf_counter() - t
    finally:
        conn.close()


def gui_stall(data_dir: Path, p: period.Period) -> tuple[float, float, float]:
    """Longest gap between ticks of a 10 ms timer on the GUI thread while Báo cáo
    computes ``p`` and shows it, and the same with the loop idle (the floor).

    Returns (longest gap, idle floor, seconds until the cards and chart were on screen).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.office.auth import Actor
    from ui.screens.reports import ReportsPage
    from ui.shell.context import Context
    from ui.shell.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    db = storage.open_database(data_dir)
    ctx = Context(data_dir, TaskRunner(), db=db, actor=Actor("admin", "Quản trị", "admin"))
    ctx.now = lambda: END
    page = ReportsPage(ctx)
    page.resize(1366, 700)
    page.show()
    page.set_period("year", p.start.year)
    shown: list[float] = []
    page.report_shown.connect(shown.append)
    app.processEvents()
    heart = figures.Heartbeat()
    heart.start()
    page.refresh()
    figures.run_loop_until(lambda: bool(shown), timeout=600)
    # Let the cards and the chart paint.
    settle = time.perf_counter() + 0.5
    figures.run_loop_until(lambda: time.perf_counter() > settle)
    stall = heart.stop()
    ctx.tasks.wait_for_done()
    idle = figures.idle_stall(max(1.0, shown[0]))
    page.close()
    db.dispose()
    return stall, idle, shown[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="folder to keep (and reuse) the database in")
    ap.add_argument("--stall-only", action="store_true", help="only the Báo cáo screen's stall")
    ap.add_argument("--stall-runs", type=int, default=1, help="times to measure the stall")
    args = ap.parse_args()
    parent = args.keep or Path(tempfile.mkdtemp(prefix="motcua-bench-reports-"))
    data_dir = parent / "station"
    if not datadir.db_path(data_dir).exists():
        build(parent, args.dossiers)
    cases = [
        ("yearly report, last full year (2025)", period.year(2025)),
        ("yearly report, current year (ends after today)", period.year(2026)),
    ]
    print(f"load average {figures.load()}; {args.dossiers:,} dossiers in the database")
    figures.header()
    for label, p in [] if args.stall_only else cases:
        floors = [floor_query(data_dir, p) for _ in range(args.runs)]
        times, data = timed(data_dir, p, args.runs)
        figures.row(
            label, statistics.median(times), statistics.median(floors), "s", f"≤ {TARGET_S:.0f} s"
        )
        print(
            f"    runs: {', '.join(f'{x:.2f}' for x in times)}; floor: plain sqlite3 reading "
            f"the period's dossiers; {data['received']:,} received, "
            f"{data['carried_over']:,} carried over"
        )
    stalls, idles = [], []
    for _ in range(args.stall_runs):
        stall, idle, took = gui_stall(data_dir, period.year(2025))
        stalls.append(stall * 1000)
        idles.append(idle * 1000)
        print(
            f"    run: stall {stall * 1000:.1f} ms, idle-loop floor {idle * 1000:.1f} ms, "
            f"ratio {stall / idle:.2f}×; on screen in {took:.1f} s; load {figures.load()}",
            flush=True,
        )
    figures.row(
        "Báo cáo screen, longest GUI-thread stall (median)",
        statistics.median(stalls),
        statistics.median(idles),
        "ms",
        f"≤ {figures.STALL_TARGET_MS:.0f} ms",
    )
    print(
        f"    floor: the same 10 ms timer with the loop idle, right after each run; "
        f"worst run {max(stalls):.1f} ms; load average {figures.load()}"
    )


if __name__ == "__main__":
    main()
