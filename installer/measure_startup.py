"""Start-up time of the frozen bundle against ``python main.py``.

    python3 installer/measure_startup.py [--bundle dist/motcua-desk] [--runs 5]

For each of the two it prints the seconds from launch to the window taking
input (offscreen, on a station set up with the seed catalogue) and to the end
of ``self-test``: the first run after dropping the page cache (a cold disk;
needs root, otherwise the figure is marked warm), then the median of warm runs.
Prints figures; not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def window_start(command: list[str], data_dir: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOTCUA_BENCH_STARTUP=repr(time.time()))
    proc = subprocess.run(
        [*command, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("interactive")), None)
    if line is None:
        raise RuntimeError(f"window did not start: {proc.stderr[-2000:]}")
    return float(line.split()[1])


def self_test(command: list[str], data_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [*command, "--data-dir", str(data_dir), "self-test"], check=True, capture_output=True
    )
    return time.perf_counter() - start


def measure(label: str, command: list[str], data_dir: Path, runs: int) -> None:
    for name, probe in (("window", window_start), ("self-test", self_test)):
        cold = drop_caches()
        first = probe(command, data_dir)
        warm = statistics.median(probe(command, data_dir) for _ in range(runs))
        kind = "cold" if cold else "first (cache not dropped)"
        print(f"{label:22} {name:10} {kind}: {first:6.2f} s   warm median of {runs}: {warm:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "motcua-desk"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from bench.ui import new_station

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = new_station(Path(tmp), "station")
        exe = Path(args.bundle) / ("motcua-desk.exe" if os.name == "nt" else "motcua-desk")
        measure("frozen bundle", [str(exe)], data_dir, args.runs)
        measure("python main.py", [sys.executable, str(ROOT / "main.py")], data_dir, args.runs)


if __name__ == "__main__":
    main()
