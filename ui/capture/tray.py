"""The capture tray on screen: thumbnails the clerk turns, orders and removes before saving.

``TrayModel`` wraps ``app.capture.tray.Tray`` row for row. Its own edits
bracket the tray's change with the matching ``begin…``/``end…`` calls, since
Qt wants to hear about a structural change before it happens and the tray
reports after; a structural change made behind its back resets the view.

Decoding a 200 dpi page takes tens of milliseconds, so thumbnails are made
by the task runner and the tile (``ui.capture.tile``) shows an empty sheet
until its one arrives. A thumbnail is made once per page, unrotated; turning
a page turns the small picture on the GUI thread, which costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from app.capture.pages import CaptureWarning, Page, page_warnings
from app.capture.sources import MAX_PAGES
from app.capture.tray import Tray, TrayChange
from ui.capture.tile import (
    MetricsRole,
    PageRole,
    Thumbnail,
    TrayDelegate,
    WarningsRole,
    make_thumbnail,
)
from ui.shell import i18n
from ui.shell.tasks import TaskRunner
from ui.widgets.messages import describe

MIME = "application/x-motcua-tray-pages"

_Index = QModelIndex | QPersistentModelIndex


class TrayModel(QAbstractListModel):
    """The tray's pages as rows; thumbnails and warnings on demand."""

    def __init__(
        self, runner: TaskRunner, tray: Tray | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tray = tray if tray is not None else Tray()
        self.runner = runner
        self.locked = False  # while the pages are being saved
        self._own = False
        self._thumbs: dict[str, Thumbnail] = {}
        self._failed: dict[str, str] = {}
        self._asked: set[str] = set()
        self._turned: dict[tuple[str, int], QPixmap] = {}
        self.tray.subscribe(self._tray_changed)

    # --- reading -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.tray)

    def pages(self) -> list[Page]:
        return self.tray.pages()

    def row_of(self, key: str) -> int | None:
        try:
            return self.tray.index_of(key)
        except KeyError:
            return None

    def metrics(self, page: Page) -> tuple[int, int, float] | None:
        thumb = self._thumbs.get(page.key)
        return (thumb.width, thumb.height, thumb.dpi) if thumb is not None else None

    def warnings(self, row: int) -> list[CaptureWarning]:
        found = self.metrics(self.tray[row])
        return page_warnings(row + 1, *found) if found is not None else []

    def ready(self) -> bool:
        """Every page has its thumbnail (or failed to get one)."""
        return all(p.key in self._thumbs or p.key in self._failed for p in self.tray)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.tray):
            return None
        row = index.row()
        page = self.tray[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(page)
        if role == PageRole:
            return page
        if role == WarningsRole:
            return self.warnings(row)
        if role == MetricsRole:
            return self.metrics(page)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe_row(row)
        return None

    def describe_row(self, row: int) -> str:
        page = self.tray[row]
        lines = [self.tr("Trang {n}: {label}").format(n=row + 1, label=page.label)]
        found = self.metrics(page)
        if found is not None:
            width, height, dpi = found
            lines.append(
                self.tr("{w} × {h} điểm ảnh, {dpi} dpi").format(w=width, h=height, dpi=round(dpi))
            )
        if page.key in self._failed:
            lines.append(self._failed[page.key])
        lang = i18n.language()
        lines.extend(w.message(lang) for w in self.warnings(row))
        return "\n".join(lines)

    def _pixmap(self, page: Page) -> QPixmap | None:
        thumb = self._thumbs.get(page.key)
        if thumb is None:
            self._ask(page)
            return None
        cached = self._turned.get((page.key, page.rotation))
        if cached is None:
            image = thumb.image
            if page.rotation:
                image = image.transformed(QTransform().rotate(page.rotation))
            cached = self._turned[(page.key, page.rotation)] = QPixmap.fromImage(image)
        return cached

    def _ask(self, page: Page) -> None:
        if page.key in self._asked or page.key in self._failed:
            return
        self._asked.add(page.key)
        key = page.key
        self.runner.run(
            make_thumbnail,
            page,
            on_done=lambda t: self._thumbnail(key, t),
            on_error=lambda exc: self._thumbnail_failed(key, exc),
        )

    def _thumbnail(self, key: str, thumb: Thumbnail) -> None:
        self._thumbs[key] = thumb
        self._refresh_key(key)

    def _thumbnail_failed(self, key: str, exc: BaseException) -> None:
        self._failed[key] = describe(exc)
        self._refresh_key(key)

    def _refresh_key(self, key: str) -> None:
        row = self.row_of(key)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _forget(self, pages: Iterable[Page]) -> None:
        for page in pages:
            self._thumbs.pop(page.key, None)
            self._failed.pop(page.key, None)
            self._asked.discard(page.key)
            for turn in (0, 90, 180, 270):
                self._turned.pop((page.key, turn), None)

    # --- editing -----------------------------------------------------------------------

    def _tray_changed(self, change: TrayChange) -> None:
        if change.kind == "changed":
            self.dataChanged.emit(self.index(change.first), self.index(change.last))
        elif not self._own:
            self.beginResetModel()
            self.endResetModel()

    def add(self, pages: Sequence[Page], at: int | None = None) -> None:
        pages = list(pages)
        if not pages:
            return
        if len(self.tray) + len(pages) > MAX_PAGES:
            self.tray.add(pages)  # refuses, with the tray's own message
        row = len(self.tray) if at is None else max(0, min(at, len(self.tray)))
        self.beginInsertRows(QModelIndex(), row, row + len(pages) - 1)
        self._own = True
        try:
            self.tray.add(pages, at=row)
        finally:
            self._own = False
            self.endInsertRows()

    def rotate(self, rows: Iterable[int], degrees: int) -> None:
        for row in sorted(set(rows)):
            self.tray.rotate(row, degrees)

    def move(self, source: int, target: int) -> bool:
        """Move one page so it ends at row ``target``; False when it cannot go there."""
        count = len(self.tray)
        if source == target or not (0 <= source < count and 0 <= target < count):
            return False
        # Qt counts the destination before the move: one past the target when moving down.
        dest = target + 1 if target > source else target
        if not self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), dest):
            return False
        self._own = True
        try:
            self.tray.move(source, target)
        finally:
            self._own = False
            self.endMoveRows()
        return True

    def move_rows(self, rows: Iterable[int], before: int) -> list[int]:
        """Move ``rows`` (kept in their order) to just before row ``before``; new rows."""
        moving = sorted(set(r for r in rows if 0 <= r < len(self.tray)))
        keys = [self.tray[r].key for r in moving]
        anchor = next(
            (self.tray[r].key for r in range(max(0, before), len(self.tray)) if r not in moving),
            None,
        )
        for key in keys:
            source = self.tray.index_of(key)
            if anchor is None:
                target = len(self.tray) - 1
            else:
                at = self.tray.index_of(anchor)
                target = at - 1 if source < at else at
            self.move(source, target)
        return [self.tray.index_of(k) for k in keys]

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,  # noqa: N802
        dest_parent: _Index,
        dest_child: int,
    ) -> bool:
        if source_parent.isValid() or dest_parent.isValid() or count != 1:
            return False
        target = dest_child if dest_child <= source_row else dest_child - 1
        return self.move(source_row, target)

    def delete(self, rows: Iterable[int]) -> list[Page]:
        removed = []
        for row in sorted(set(rows), reverse=True):
            if not 0 <= row < len(self.tray):
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            self._own = True
            try:
                removed.append(self.tray.delete(row))
            finally:
                self._own = False
                self.endRemoveRows()
        self._forget(removed)
        return removed[::-1]

    def delete_keys(self, keys: Iterable[str]) -> None:
        self.delete([r for r in (self.row_of(k) for k in keys) if r is not None])

    def replace(self, row: int, page: Page) -> Page:
        old = self.tray.replace(row, page)
        self._forget([old])
        return old

    # --- drag and drop -----------------------------------------------------------------

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.locked:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt API)
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 (Qt API)
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        return [MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 (Qt API)
        data = QMimeData()
        keys = [
            self.tray[i.row()].key for i in sorted(indexes, key=lambda i: i.row()) if i.isValid()
        ]
        data.setData(MIME, QByteArray("\n".join(keys).encode("ascii")))
        return data

    def dropMimeData(self, *args: Any) -> bool:  # noqa: N802 (Qt API)
        # The view handles every drop itself (see TrayView.dropEvent).
        return False


class TrayView(QListView):
    """Thumbnails in reading order; drag to reorder, drop files from outside to add them."""

    files_dropped = Signal(object)  # list[str] of local paths
    moved = Signal()

    def __init__(self, model: TrayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture_tray")
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        # Static: the tiles keep reading order; a drop reorders the pages, not the pixels.
        self.setMovement(QListView.Movement.Static)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setItemDelegate(TrayDelegate(self))
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)
        self.setStyleSheet("QListView#capture_tray { background:#eef1f4; }")
        self._drop_row: int | None = None
        self.act_rotate_left = self._action(
            self.tr("Xoay trái"), "Ctrl+Shift+R", lambda: self.rotate_selected(-90)
        )
        self.act_rotate_right = self._action(
            self.tr("Xoay phải"), "Ctrl+R", lambda: self.rotate_selected(90)
        )
        self.act_earlier = self._action(
            self.tr("Lên trước"), "Ctrl+Up", lambda: self.move_current(-1), "Ctrl+Left"
        )
        self.act_later = self._action(
            self.tr("Xuống sau"), "Ctrl+Down", lambda: self.move_current(1), "Ctrl+Right"
        )
        self.act_delete = self._action(self.tr("Xóa trang"), "Del", self.delete_selected)

    def tray_model(self) -> TrayModel:
        model = self.model()
        assert isinstance(model, TrayModel)
        return model

    def _action(self, text: str, key: str, handler: Any, *more: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in (key, *more)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({QKeySequence(key).toString(QKeySequence.NativeText)})")
        action.triggered.connect(handler)
        self.addAction(action)
        return action

    def selected_rows(self) -> list[int]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return rows

    def select_rows(self, rows: Sequence[int]) -> None:
        model = self.tray_model()
        selection = self.selectionModel()
        selection.clear()
        for row in rows:
            selection.select(model.index(row), QItemSelectionModel.SelectionFlag.Select)
        if rows:
            selection.setCurrentIndex(
                model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.scrollTo(model.index(rows[0]))

    def rotate_selected(self, degrees: int) -> None:
        if not self.tray_model().locked:
            self.tray_model().rotate(self.selected_rows(), degrees)

    def move_current(self, step: int) -> None:
        model = self.tray_model()
        current = self.currentIndex()
        if model.locked or not current.isValid():
            return
        target = current.row() + step
        if model.move(current.row(), target):
            self.select_rows([target])
            self.moved.emit()

    def delete_selected(self) -> None:
        model = self.tray_model()
        rows = self.selected_rows()
        if model.locked or not rows:
            return
        model.delete(rows)
        if len(model.tray):
            self.select_rows([min(rows[0], len(model.tray) - 1)])

    # --- drag and drop -----------------------------------------------------------------

    def insertion_row(self, pos: QPoint) -> int:
        """Where a drop at ``pos`` puts the pages: before the first tile after it in reading
        order."""
        model = self.tray_model()
        for row in range(model.rowCount()):
            rect = self.visualRect(model.index(row))
            if rect.top() > pos.y() or (rect.bottom() >= pos.y() and rect.center().x() > pos.x()):
                return row
        return model.rowCount()

    def _accepts(self, data: QMimeData) -> bool:
        if self.tray_model().locked:
            return False
        return data.hasFormat(MIME) or any(u.isLocalFile() for u in data.urls())

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        # Not QListView's own handling: in icon mode it moves the tiles' pixels around.
        data = event.mimeData()
        if not self._accepts(data):
            event.ignore()
            return
        event.setDropAction(
            Qt.DropAction.MoveAction if data.hasFormat(MIME) else Qt.DropAction.CopyAction
        )
        event.accept()
        self._drop_row = self.insertion_row(event.position().toPoint())
        self.viewport().update()

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self._drop_row = None
        self.viewport().update()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self._drop_row = None
        self.viewport().update()
        data = event.mimeData()
        if not self._accepts(data):
            event.ignore()
            return
        before = self.insertion_row(event.position().toPoint())
        if data.hasFormat(MIME):
            model = self.tray_model()
            keys = bytes(data.data(MIME).data()).decode("ascii").split()
            rows = [r for r in (model.row_of(k) for k in keys) if r is not None]
            if rows:
                self.select_rows(model.move_rows(rows, before))
                self.moved.emit()
            # The model keeps no removeRows, so a "move" drop never deletes the originals.
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            return
        paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.files_dropped.emit(paths)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if self._drop_row is None:
            return
        model = self.tray_model()
        count = model.rowCount()
        if not count:
            return
        if self._drop_row < count:
            rect = self.visualRect(model.index(self._drop_row))
            x = rect.left() - 2
        else:
            rect = self.visualRect(model.index(count - 1))
            x = rect.right() + 2
        painter = QPainter(self.viewport())
        painter.setPen(QPen(QColor("#2f6aa8"), 4))
        painter.drawLine(x, rect.top() + 4, x, rect.bottom() - 4)
        painter.end()
