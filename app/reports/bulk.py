"""Reading and freeing a report's hundreds of thousands of rows without
stalling the window's thread.

A yearly report over a big station builds and drops a few million small
objects. Built in one go, collected by the cyclic collector or freed in one
call, they hold the interpreter lock for long enough that the window's 10 ms
timer misses its turns. These helpers spread that work so the lock changes
hands often.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Rows built per slice when the window reads, and the pause after each slice.
POLITE_ROWS = 2000
POLITE_PAUSE_S = 0.001


class PoliteCursor:
    """A cursor whose ``fetchall`` reads a slice at a time and pauses between.

    Building a few hundred thousand rows holds the interpreter lock most of
    the time; the window's thread, woken by its timer on a loaded machine,
    would then wait a second turn for the lock. In the pauses it finds the
    lock free. The rows are the same, read a little slower.
    """

    def __init__(self, cur) -> None:
        self._cur = cur

    def execute(self, *args) -> PoliteCursor:
        self._cur.execute(*args)
        return self

    def fetchall(self) -> list[tuple]:
        rows: list[tuple] = []
        while chunk := self._cur.fetchmany(POLITE_ROWS):
            rows += chunk
            time.sleep(POLITE_PAUSE_S)
        return rows


@contextmanager
def without_gc() -> Iterator[None]:
    """The cyclic collector off for a batch of long-lived objects (any thread).

    Turned back on, the collector would walk everything made meanwhile (a
    report's objects, matplotlib's on its first import) in one young-generation
    pass, holding the interpreter lock for hundreds of milliseconds. Frozen
    and thawed first, those objects move to the oldest generation unwalked;
    what is garbage among them goes at the next full collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


# Rows freed per slice when a report lets go of what it read.
RELEASE_SLICE = 2000


def release(*heaps: list | dict) -> None:
    """Empty big lists and dicts a slice at a time (any thread).

    Freeing a list of a few hundred thousand rows is one C call that holds
    the interpreter lock throughout; the window's thread would stall for as
    long. Between slices the lock changes hands.
    """
    for heap in heaps:
        if isinstance(heap, list):
            while heap:
                del heap[-RELEASE_SLICE:]
        else:
            while heap:
                heap.popitem()
