"""Watching the folder a scanner saves into, by polling.

Polling (every second or so) works the same on every platform and on
network shares, where change notifications are unreliable. A file is
reported once it has stopped growing: a scanner writing a 40-page TIFF
takes a while, and a half-written file must not reach the tray. The folder
belongs to the scanner: nothing here moves, renames or deletes its files.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.capture.sources import safe_name
from app.domain.errors import DomainError

SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf")
SETTLE_SECONDS = 1.0


@dataclass(frozen=True)
class _Seen:
    size: int
    mtime_ns: int
    since: float


class FolderWatcher:
    """Reports files that appear in ``folder`` after it started watching.

    Files already there at start are the scanner's old output and are not
    reported (``include_existing`` changes that). Call :meth:`poll` from a
    timer; it returns the new, settled files, oldest first.
    """

    def __init__(
        self,
        folder: Path,
        *,
        settle_seconds: float = SETTLE_SECONDS,
        include_existing: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise DomainError(
                "bad_watch_folder",
                f"Thư mục “{self.folder}” không tồn tại; chọn thư mục máy quét lưu tệp vào.",
                f"Folder “{self.folder}” does not exist; choose the scanner's output folder.",
                field="folder",
            )
        self.settle_seconds = settle_seconds
        self._clock = clock
        self._pending: dict[str, _Seen] = {}
        self._reported: dict[str, tuple[int, int]] = {}
        if not include_existing:
            for path, size, mtime in self._listing():
                self._reported[path.name] = (size, mtime)

    def _listing(self) -> list[tuple[Path, int, int]]:
        found = []
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return []
        for path in entries:
            name = path.name
            # Scanners and copy tools write under a temporary name first.
            if name.startswith((".", "~")) or not name.lower().endswith(SUFFIXES):
                continue
            try:
                safe_name(name)
                info = path.stat()
            except (DomainError, OSError):
                continue
            if path.is_file():
                found.append((path, info.st_size, info.st_mtime_ns))
        return found

    def poll(self) -> list[Path]:
        now = self._clock()
        ready: list[tuple[int, Path]] = []
        present = set()
        for path, size, mtime in self._listing():
            name = path.name
            present.add(name)
            if self._reported.get(name) == (size, mtime):
                continue
            seen = self._pending.get(name)
            if seen is None or (seen.size, seen.mtime_ns) != (size, mtime):
                self._pending[name] = _Seen(size, mtime, now)
                continue
            if size > 0 and now - seen.since >= self.settle_seconds:
                ready.append((mtime, path))
                self._reported[name] = (size, mtime)
                del self._pending[name]
        for name in list(self._pending):
            if name not in present:
                del self._pending[name]
        return [path for _, path in sorted(ready)]


def watch(
    watcher: FolderWatcher,
    on_file: Callable[[Path], None],
    stop: threading.Event,
    *,
    interval: float = 1.0,
) -> None:
    """Poll until ``stop`` is set, calling ``on_file`` for each new file.

    Meant for a worker thread; the window turns ``on_file`` into a signal.
    The watcher is made by the caller, so "what was already there" is
    decided when the clerk opens the tray, not when the thread gets going.
    """
    while not stop.wait(interval):
        for path in watcher.poll():
            on_file(path)
