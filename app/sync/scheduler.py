"""Running sync rounds in the background, on a timer, on demand and on reconnection.

Plain threads, no Qt: the window subscribes through ``on_report`` and turns
the callback into a signal. After a failure the next try is delayed
exponentially with jitter, by the scheduler's own clock, so a station whose
clerk writes nothing still converges once the server is back.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import DomainError
from app.infra import clock
from app.sync import credentials
from app.sync.round import ProgressCallback, RoundReport, run_round
from app.sync.transport import Transport
from db.engine import Database

log = logging.getLogger("motcua.sync")

CRASHED_VI = (
    "Đồng bộ gặp lỗi không mong muốn; dữ liệu vẫn an toàn và sẽ thử lại sau. "
    "Chi tiết đã được ghi vào nhật ký."
)


@dataclass(frozen=True)
class Backoff:
    base: float = 5.0
    cap: float = 900.0
    jitter: float = 0.5

    def delay(self, failures: int, rng: random.Random) -> float:
        """Seconds to wait after ``failures`` consecutive failed rounds (≥ 1)."""
        raw = min(self.cap, self.base * 2 ** max(0, failures - 1))
        return raw * rng.uniform(1 - self.jitter, 1 + self.jitter)


class SyncScheduler:
    def __init__(
        self,
        db: Database,
        data_dir: Path,
        *,
        interval: float = 60.0,
        probe_interval: float = 15.0,
        backoff: Backoff | None = None,
        on_report: Callable[[RoundReport], None] | None = None,
        on_online: Callable[[bool], None] | None = None,
        on_progress: ProgressCallback | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.data_dir = data_dir
        self.interval = interval
        self.probe_interval = probe_interval
        self.backoff = backoff or Backoff()
        self.on_report = on_report
        self.on_online = on_online
        self.on_progress = on_progress
        self.rng = rng or random.Random()
        self.failures = 0
        self.online: bool | None = None
        self.last_report: RoundReport | None = None
        self.running = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_round = time.monotonic()

    def start(self, delay: float = 0.0) -> None:
        """Start the worker; its first round runs after ``delay`` seconds."""
        if self._thread is None:
            self._stop.clear()
            self._next_round = time.monotonic() + delay
            self._thread = threading.Thread(target=self._loop, name="motcua-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Let a running round finish its current request, then end."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def sync_now(self) -> None:
        self._next_round = time.monotonic()
        self._wake.set()

    def set_interval(self, seconds: float) -> None:
        """A shorter interval takes effect now, not after the wait already begun."""
        self.interval = seconds
        if self.failures == 0 and self._next_round > time.monotonic() + seconds:
            self._next_round = time.monotonic() + seconds
            self._wake.set()

    def seconds_until_next_round(self) -> float:
        return max(0.0, self._next_round - time.monotonic())

    def _set_online(self, value: bool) -> None:
        if value != self.online:
            self.online = value
            if self.on_online:
                self.on_online(value)

    def _probe(self) -> bool:
        cred = credentials.load(self.data_dir)
        if cred is None:
            return False
        transport = Transport(cred.server_url)
        try:
            return transport.healthy()
        finally:
            transport.close()

    def run_once(self) -> RoundReport | None:
        self.running = True
        try:
            report = run_round(self.db, self.data_dir, progress=self.on_progress)
        except DomainError as exc:  # not enrolled: nothing to do until an admin enrols
            log.info("sync skipped: %s", exc.code)
            self._next_round = time.monotonic() + self.interval
            return None
        except Exception:  # noqa: BLE001 - the worker must survive to try again
            log.exception("sync round crashed")
            # Still a report, so whoever watches sees the failure instead of silence.
            now = clock.now()
            report = RoundReport(started_at=now, finished_at=now)
            report.fail("crashed", CRASHED_VI)
        finally:
            self.running = False
        self.last_report = report
        if report.ok:
            self.failures = 0
            self._next_round = time.monotonic() + self.interval
        else:
            self.failures += 1
            self._next_round = time.monotonic() + self.backoff.delay(self.failures, self.rng)
        # Offline means the server did not answer; a refused credential or a full
        # disk is a failed round with the server in reach, and probing cannot fix it.
        # A crash says nothing about the server either way.
        if "crashed" not in report.error_codes:
            self._set_online(not report.unreachable)
        if self.on_report:
            self.on_report(report)
        return report

    def _loop(self) -> None:
        while not self._stop.is_set():
            wait = self.seconds_until_next_round()
            if self.online is False:
                wait = min(wait, self.probe_interval)
            if wait > 0:
                self._wake.wait(wait)
                self._wake.clear()
                if self._stop.is_set():
                    return
                if self.seconds_until_next_round() > 0:
                    # Woken early only to probe: a server that answers again is
                    # worth a round now rather than at the end of the back-off.
                    if self.online is False and self._probe():
                        self._next_round = time.monotonic()
                    else:
                        continue
            self.run_once()
