"""Knowing that the window has a data folder open, from another process.

The window holds an exclusive lock on ``window.lock`` for as long as it
runs; the operating system drops it when the process ends, even killed, so
a crash never leaves a stale "window open".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOCK_NAME = "window.lock"


class WindowLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another holder has it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None


def window_open(data_dir: Path) -> bool:
    if not data_dir.is_dir():
        return False
    probe = WindowLock(data_dir)
    if probe.acquire():
        probe.release()
        return False
    return True
