"""The tray model the Qt tray wraps, and the scanner-folder watcher."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PIL import Image

from app.capture.pages import page_from_image
from app.capture.tray import Tray, TrayChange
from app.capture.watch import FolderWatcher, watch
from app.domain.errors import DomainError
from tests.capture.synth import encoded


def _pages(n: int):
    return [
        page_from_image(Image.new("L", (40 + i, 60), 255), source="camera", label=f"p{i}")
        for i in range(n)
    ]


def _labels(tray: Tray) -> list[str]:
    return [p.label for p in tray]


def test_add_move_rotate_delete_replace_in_order_with_notifications():
    tray = Tray()
    changes: list[TrayChange] = []
    unsubscribe = tray.subscribe(changes.append)
    tray.add(_pages(4))
    assert _labels(tray) == ["p0", "p1", "p2", "p3"]
    tray.move(3, 0)
    assert _labels(tray) == ["p3", "p0", "p1", "p2"]
    tray.move(0, 2)
    assert _labels(tray) == ["p0", "p1", "p3", "p2"]
    tray.rotate(1)
    tray.rotate(1)
    tray.rotate(2, -90)
    assert [p.rotation for p in tray] == [0, 180, 270, 0]
    assert tray[1].load().size == (41, 60)
    assert tray[2].load().size == (60, 43)
    removed = tray.delete(0)
    assert removed.label == "p0" and _labels(tray) == ["p1", "p3", "p2"]
    retake = page_from_image(Image.new("L", (50, 70), 0), source="camera", label="p3 mới")
    old = tray.replace(1, retake)
    assert old.label == "p3" and _labels(tray) == ["p1", "p3 mới", "p2"]
    assert tray.index_of(retake.key) == 1
    tray.add(_pages(1), at=0)
    assert _labels(tray)[0] == "p0"
    assert [(c.kind, c.first, c.last) for c in changes] == [
        ("inserted", 0, 3),
        ("moved", 3, 0),
        ("moved", 0, 2),
        ("changed", 1, 1),
        ("changed", 1, 1),
        ("changed", 2, 2),
        ("removed", 0, 0),
        ("changed", 1, 1),
        ("inserted", 0, 0),
    ]
    unsubscribe()
    tray.clear()
    assert len(tray) == 0 and len(changes) == 9
    assert tray.pages() == []


def test_out_of_range_rows_and_the_page_limit(monkeypatch):
    tray = Tray(_pages(2))
    for action in (
        lambda: tray.delete(2),
        lambda: tray.rotate(-1),
        lambda: tray.move(0, 5),
        lambda: tray.add(_pages(1), at=4),
    ):
        with pytest.raises(IndexError):
            action()
    monkeypatch.setattr("app.capture.tray.MAX_PAGES", 3)
    with pytest.raises(DomainError) as err:
        tray.add(_pages(2))
    assert err.value.code == "too_many_pages"
    assert len(tray) == 2


def test_thumbnails_are_small_and_follow_rotation():
    (page,) = _pages(1)
    thumb = page.rotated(90).thumbnail(32)
    assert max(thumb.size) <= 32 and thumb.width > thumb.height


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_watcher_reports_new_settled_files_once(tmp_path: Path):
    (tmp_path / "old.png").write_bytes(encoded(Image.new("L", (10, 10))))
    clock = _Clock()
    watcher = FolderWatcher(tmp_path, settle_seconds=1.0, clock=clock)
    assert watcher.poll() == []
    growing = tmp_path / "scan-0001.tif"
    growing.write_bytes(b"II*\x00" + b"\x00" * 100)
    (tmp_path / ".scan-0002.tif.part").write_bytes(b"x")
    (tmp_path / "notes.txt").write_bytes(b"x")
    assert watcher.poll() == []  # first seen
    clock.now = 2.0
    with growing.open("ab") as fh:
        fh.write(b"\x00" * 100)  # still being written
    os.utime(growing, ns=(1, 10**18))
    assert watcher.poll() == []
    clock.now = 2.5
    assert watcher.poll() == []  # not yet settled
    clock.now = 3.5
    assert watcher.poll() == [growing]
    clock.now = 9.0
    assert watcher.poll() == []  # reported once
    with pytest.raises(DomainError) as err:
        FolderWatcher(tmp_path / "khong-co")
    assert err.value.code == "bad_watch_folder"


def test_watch_loop_calls_back_and_stops(tmp_path: Path):
    found: list[Path] = []
    stop = threading.Event()
    watcher = FolderWatcher(tmp_path, settle_seconds=0.05)
    thread = threading.Thread(
        target=watch, args=(watcher, found.append, stop), kwargs={"interval": 0.02}
    )
    thread.start()
    try:
        target = tmp_path / "a.jpg"
        target.write_bytes(b"\xff\xd8\xff" + b"0" * 10)
        for _ in range(200):
            if found:
                break
            stop.wait(0.02)
    finally:
        stop.set()
        thread.join(5)
    assert found == [target]
    assert not thread.is_alive()
