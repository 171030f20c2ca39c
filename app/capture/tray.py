"""The capture tray: the ordered pages the clerk checks before saving a component.

A plain list model with the operations the tray screen offers (add, rotate,
move, delete, replace by a re-take) and change notifications shaped like a
Qt item model's, so the Qt tray can wrap it one-to-one. Pages are
immutable; rotating replaces a page by its rotated copy, so undoing is
just putting the old one back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from app.capture.pages import Page
from app.capture.sources import MAX_PAGES
from app.domain.errors import DomainError


@dataclass(frozen=True)
class TrayChange:
    """``inserted``/``removed`` rows first..last; ``moved`` first to last; ``changed`` a row."""

    kind: str
    first: int
    last: int


Listener = Callable[[TrayChange], None]


class Tray:
    def __init__(self, pages: Iterable[Page] = ()) -> None:
        self._pages: list[Page] = list(pages)
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, kind: str, first: int, last: int) -> None:
        change = TrayChange(kind, first, last)
        for listener in list(self._listeners):
            listener(change)

    def __len__(self) -> int:
        return len(self._pages)

    def __getitem__(self, row: int) -> Page:
        return self._pages[self._row(row)]

    def __iter__(self) -> Iterator[Page]:
        return iter(list(self._pages))

    def pages(self) -> list[Page]:
        """The pages in order, as they will be saved."""
        return list(self._pages)

    def index_of(self, key: str) -> int:
        for row, page in enumerate(self._pages):
            if page.key == key:
                return row
        raise KeyError(key)

    def _row(self, row: int, *, end_ok: bool = False) -> int:
        limit = len(self._pages) + (1 if end_ok else 0)
        if not 0 <= row < limit:
            raise IndexError(f"no page at row {row}")
        return row

    def add(self, pages: Iterable[Page], at: int | None = None) -> None:
        new = list(pages)
        if not new:
            return
        if len(self._pages) + len(new) > MAX_PAGES:
            raise DomainError(
                "too_many_pages",
                f"Một thành phần tối đa {MAX_PAGES} trang.",
                f"A component holds at most {MAX_PAGES} pages.",
            )
        row = len(self._pages) if at is None else self._row(at, end_ok=True)
        self._pages[row:row] = new
        self._emit("inserted", row, row + len(new) - 1)

    def rotate(self, row: int, degrees: int = 90) -> None:
        """Turn a page clockwise (negative: counter-clockwise) by quarter turns."""
        row = self._row(row)
        self._pages[row] = self._pages[row].rotated(degrees)
        self._emit("changed", row, row)

    def move(self, source: int, target: int) -> None:
        """Move a page so that it ends up at row ``target``."""
        source = self._row(source)
        target = self._row(target)
        if source == target:
            return
        page = self._pages.pop(source)
        self._pages.insert(target, page)
        self._emit("moved", source, target)

    def delete(self, row: int) -> Page:
        row = self._row(row)
        page = self._pages.pop(row)
        self._emit("removed", row, row)
        return page

    def replace(self, row: int, page: Page) -> Page:
        """Put a re-taken page in place of the old one (returned, e.g. for undo)."""
        row = self._row(row)
        old, self._pages[row] = self._pages[row], page
        self._emit("changed", row, row)
        return old

    def clear(self) -> None:
        if not self._pages:
            return
        last = len(self._pages) - 1
        self._pages.clear()
        self._emit("removed", 0, last)
