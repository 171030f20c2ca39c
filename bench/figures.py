"""What every bench prints: a figure beside its floor from the same run.

The machine is shared and its load moves between runs, so an absolute figure
alone says little; each is printed with a floor (the simplest program doing
the same job, or the idle event loop) measured in the same run, the ratio,
and the target. A regression then shows as a ratio, not as a slower day.

The GUI stall is the longest gap between ticks of a 10 ms ``QTimer`` on the
GUI thread while an operation runs: what a clerk feels as a frozen window.
"""

from __future__ import annotations

import time
from collections.abc import Callable

STALL_TICK_MS = 10
STALL_TARGET_MS = 100.0


def header() -> None:
    print(f"{'measure':56} {'value':>10} {'floor':>10} {'ratio':>7}   target")


def row(label: str, value: float, floor: float | None, unit: str, target: str) -> None:
    """One line: the figure, its floor from the same run, the ratio and the target."""
    digits = 2 if unit == "s" else 1
    shown_floor = f"{floor:8.{digits}f} {unit}" if floor is not None else f"{'–':>10}"
    ratio = f"{value / floor:6.2f}×" if floor else f"{'–':>7}"
    print(f"{label:56} {value:8.{digits}f} {unit} {shown_floor} {ratio}   {target}", flush=True)


class Heartbeat:
    """A 10 ms QTimer on the GUI thread recording the longest gap between its ticks."""

    def __init__(self, interval_ms: int = STALL_TICK_MS) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def stop(self) -> float:
        """Seconds of the longest gap, the time since the last tick included."""
        self.timer.stop()
        self._tick()
        return self.worst


def run_loop_until(cond: Callable[[], bool], timeout: float = 60.0) -> None:
    """Run the Qt event loop in 2 ms slices until ``cond()`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.perf_counter() + timeout
    loop = QEventLoop()
    while not cond():
        if time.perf_counter() > end:
            raise TimeoutError("condition not met")
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def idle_stall(seconds: float) -> float:
    """The floor of every stall figure: the longest gap while the loop does nothing.

    On a loaded machine the GUI thread waits for a core even when idle; this
    is the part of a stall no change to the program can remove.
    """
    heart = Heartbeat()
    heart.start()
    end = time.perf_counter() + seconds
    run_loop_until(lambda: time.perf_counter() > end, timeout=seconds + 10)
    return heart.stop()


def load() -> str:
    """The 1, 5 and 15 minute load averages, printed with every run."""
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            return " ".join(handle.read().split()[:3])
    except OSError:
        return "unknown"
