"""Start-up: the counter window and a scripted look-up, each beside a floor run alongside.

    python bench/startup.py [--runs 7] [--data-dir DIR]

Two figures, each a median over ``--runs`` processes, with the floor measured
in the same run (floor and product processes alternate, so both see the same
machine load) and the ratio, which is the target:

CPU time (user + system) is printed too: on a shared machine it moves less
than wall time. For the window it covers the whole process, exit included.

- the window: ``python main.py`` (``MOTCUA_BENCH_STARTUP`` set, offscreen)
  from launch to its first event-loop tick, against a bare QMainWindow with a
  QLabel started and timed the same way; target ratio ≤ 4.5;
- ``python main.py --json lookup CODE``, the whole process, against a
  ``python -c`` that opens the same database with Python's own ``sqlite3``
  (a plain copy: the station's file is encrypted) and runs the same indexed
  query; target ratio ≤ 8.

``--data-dir`` reuses a station (e.g. the million-dossier one bench/store.py
builds); without it a small station is set up in a temporary folder.
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.infra import datadir
from app.infra.storage import connect_file
from app.office.office_setup import SetupRequest, initialise

WINDOW_TARGET = 4.5
LOOKUP_TARGET = 8.0

BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("MotCua Desk"))
window.showMaximized()
def tick():
    print(f"interactive {time.time() - float(os.environ['MOTCUA_BENCH_STARTUP']):.3f}", flush=True)
    app.quit()
QTimer.singleShot(0, tick)
app.exec()
"""

PLAIN_QUERY = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute("SELECT id, status, due_at FROM dossier WHERE code = ?", (sys.argv[2],))
print(rows.fetchall())
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="")
    env.update(extra)
    return env


def _run(argv: list[str], env: dict[str, str]) -> tuple[int, str, str, float]:
    """Exit code, output, error output and wall seconds."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    out, err = proc.communicate(timeout=120)
    # communicate() has reaped the child: its CPU time is in the children's total.
    return proc.returncode, out, err, time.perf_counter() - started


def time_to_tick(argv: list[str]) -> tuple[float, float]:
    """Seconds from launching ``argv`` to the ``interactive`` line it prints at its
    first tick, and the CPU seconds of the whole process."""
    before = _children_cpu()
    code, out, err, _wall = _run(argv, _env(MOTCUA_BENCH_STARTUP=repr(time.time())))
    line = next((x for x in out.splitlines() if x.startswith("interactive")), None)
    if line is None or code != 0:
        raise RuntimeError(f"{argv[1:3]} did not reach its first tick: {err[-2000:]}")
    return float(line.split()[1]), _children_cpu() - before


def whole_process(argv: list[str], expect: str) -> tuple[float, float]:
    """Wall and CPU seconds from launching ``argv`` to its exit; its output must hold ``expect``."""
    before = _children_cpu()
    code, out, err, wall = _run(argv, _env())
    if code != 0 or expect not in out:
        raise RuntimeError(f"{argv[1:]} failed: {out[-500:]} {err[-2000:]}")
    return wall, _children_cpu() - before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def plain_copy(data_dir: Path, target: Path) -> None:
    """An unencrypted copy of the station database, for the floor's stdlib ``sqlite3``."""
    if target.exists():
        return
    conn = connect_file(datadir.db_path(data_dir))
    try:
        conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def report(name: str, value: list, floor: list, target: float, note: str) -> None:
    """Medians of wall time (the target's measure) and, less sensitive to a
    shared machine's load, of CPU time, each with its floor and ratio."""
    med = statistics.median
    v, f = med(x[0] for x in value), med(x[0] for x in floor)
    vc, fc = med(x[1] for x in value), med(x[1] for x in floor)
    verdict = "ok" if v / f <= target else "MISSED"
    print(
        f"{name:34} {v:7.3f} s   floor {f:6.3f} s ({note})   ratio {v / f:5.2f}"
        f"   target ≤ {target:g}×  {verdict}"
    )
    print(f"{'':34} CPU {vc:7.3f} s   floor {fc:6.3f} s   ratio {vc / fc:5.2f}")
    print(f"{'':34} runs {', '.join(f'{x[0]:.3f}' for x in value)}")
    print(f"{'':34} floor runs {', '.join(f'{x[0]:.3f}' for x in floor)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="motcua-bench-start-"))
    data_dir = args.data_dir
    if data_dir is None:
        data_dir = tmp / "station"
        db = initialise(
            data_dir,
            SetupRequest("000.00.24.H47", "UBND xã Tân Lập", 1, "admin", "matkhau-bench"),
        )
        # A fresh station has nothing to look up: one dossier, as the counter receives it.
        from app.dossiers import intake
        from app.office import auth
        from tests.conftest import INTAKE

        intake.receive(db, auth.Actor("admin", "Quản trị", "admin"), copy.deepcopy(INTAKE))
        db.dispose()
    main_py = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)]
    conn = connect_file(datadir.db_path(data_dir))
    code = conn.execute("SELECT code FROM dossier ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    if code is None:
        raise SystemExit("the station has no dossier to look up; receive one first")
    code = code[0]
    plain = tmp / "plain.sqlite3"
    plain_copy(data_dir, plain)

    load_before = os.getloadavg()
    window, bare, cli, floor = [], [], [], []
    for _ in range(args.runs):
        bare.append(time_to_tick([sys.executable, "-c", BARE_WINDOW]))
        window.append(time_to_tick(main_py))
        floor.append(whole_process([sys.executable, "-c", PLAIN_QUERY, str(plain), code], "[("))
        cli.append(whole_process([*main_py, "--user", "admin", "--json", "lookup", code], code))

    print()
    print(f"load average before: {load_before}")
    report("window, launch to first tick", window, bare, WINDOW_TARGET, "QMainWindow+QLabel")
    report("--json lookup CODE, whole process", cli, floor, LOOKUP_TARGET, "python -c sqlite3")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
