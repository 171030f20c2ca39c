"""In-memory counting of misses (bad look-ups, failed sign-ins) per client."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque


class MissLimiter:
    """Blocks a key after ``limit`` misses within ``window`` seconds.

    Memory is bounded: past ``max_keys`` the least recently missed keys are
    forgotten, which at worst lets a very wide attack retry a little sooner.
    """

    def __init__(self, limit: int, window: float, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._misses: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float] | None:
        times = self._misses.get(key)
        if times is None:
            return None
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._misses[key]
            return None
        return times

    def blocked(self, key: str) -> bool:
        with self._lock:
            times = self._recent(key, time.monotonic())
            return times is not None and len(times) >= self.limit

    def retry_after(self, key: str) -> int:
        with self._lock:
            now = time.monotonic()
            times = self._recent(key, now)
            if not times:
                return 0
            return max(1, int(times[0] + self.window - now) + 1)

    def miss(self, key: str) -> None:
        with self._lock:
            now = time.monotonic()
            times = self._recent(key, now) or deque()
            times.append(now)
            self._misses[key] = times
            self._misses.move_to_end(key)
            while len(self._misses) > self.max_keys:
                self._misses.popitem(last=False)
