"""The board's two lists of entries, which take entries dragged from either.

``UngroupedList``: the entries in no group. ``GroupTree``: each group (its name, which
tables said it) over its entries. A drag carries the chosen entries' ids (a group dragged
carries all of its entries); a drop never moves an item itself: it says what was asked
(``dropped(ids, target)``) and the board saves that, then shows the file's state.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QTreeWidget, QTreeWidgetItem

MIME = "application/x-facilitator-entry-ids"
ROLE = Qt.ItemDataRole.UserRole  # an item's (kind, id): ("entry", id) or ("group", id)
NEW_GROUP = "\0new"  # a drop target: a new group
UNGROUPED = None  # a drop target: out of any group
_ROOT = QModelIndex()


def ids_mime(ids: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, json.dumps(ids).encode())
    return data


def mime_ids(data: QMimeData) -> list[str]:
    if not data.hasFormat(MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(MIME).data()).decode())
    except ValueError:
        return []
    return [str(i) for i in ids] if isinstance(ids, list) else []


def _setup(view: QAbstractItemView) -> None:
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setDragEnabled(True)
    view.setAcceptDrops(True)
    view.setDropIndicatorShown(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    view.setDefaultDropAction(Qt.DropAction.MoveAction)


class _TakesEntries:
    """Takes a drag of entries only; the drop says what was asked (see the module)."""

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction() if event.mimeData().hasFormat(MIME) else event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction() if event.mimeData().hasFormat(MIME) else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = mime_ids(event.mimeData())
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the board redraws from the file
        event.accept()
        if ids:
            self._dropped(ids, event)

    def _dropped(self, ids: list[str], event: QDropEvent) -> None:
        raise NotImplementedError


class EntryRows(QAbstractListModel):
    """The entries in no group, as rows made on demand: a round of thousands of entries is
    one model reset, not thousands of items."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, str]] = []  # (entry id, the line shown, the full text)
        self.row_of: dict[str, int] = {}

    def reset(self, rows: list[tuple[str, str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.row_of = {r[0]: n for n, r in enumerate(rows)}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry_id, line, text = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return line
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        if role == ROLE:
            return ("entry", entry_id)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes})
        return ids_mime([self.rows[r][0] for r in rows if r < len(self.rows)])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction


class SuggestionRows(EntryRows):
    """The suggested groups: each row's key is its entries' ids; ``ROLE`` gives
    (label, entry ids). Not dragged."""

    def __init__(self) -> None:
        super().__init__()
        self.payload: dict[str, tuple[str, list[str]]] = {}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == ROLE and index.isValid() and 0 <= index.row() < len(self.rows):
            return self.payload.get(self.rows[index.row()][0])
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SuggestionList(QListView):
    def __init__(self) -> None:
        super().__init__()
        self.rows = SuggestionRows()
        self.setModel(self.rows)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setObjectName("grouping-suggestions")

    def count(self) -> int:
        return len(self.rows.rows)

    def text(self, row: int) -> str:
        return self.rows.rows[row][1]

    def current(self) -> tuple[str, list[str]] | None:
        """(label, entry ids) of the current suggestion."""
        at = self.currentIndex()
        return self.rows.data(at, ROLE) if at.isValid() else None

    def show_suggestions(self, shown: list[tuple[str, str, list[str]]]) -> None:
        """(label, line, entry ids) each; the current row stays where it was."""
        row = self.currentIndex().row()
        self.rows.payload = {"\0".join(ids): (label, ids) for label, _line, ids in shown}
        self.rows.reset([("\0".join(ids), line, label) for label, line, ids in shown])
        if shown:
            at = self.rows.index(min(max(row, 0), len(shown) - 1), 0)
            self.selectionModel().setCurrentIndex(
                at, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )


class UngroupedList(_TakesEntries, QListView):
    dropped = Signal(list, object)  # entry ids, UNGROUPED

    def __init__(self) -> None:
        super().__init__()
        self.rows = EntryRows()
        self.setModel(self.rows)
        _setup(self)
        # one line each, all the same height: thousands lay out at once; the whole text
        # is the tooltip
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setObjectName("grouping-ungrouped")

    def count(self) -> int:
        return len(self.rows.rows)

    def has_chosen(self) -> bool:
        return self.selectionModel().hasSelection()

    def set_current_row(self, row: int, *, choose: bool = False) -> None:
        flag = QItemSelectionModel.SelectionFlag
        command = flag.ClearAndSelect if choose else flag.NoUpdate
        self.selectionModel().setCurrentIndex(self.rows.index(row, 0), command)

    def chosen_ids(self) -> list[str]:
        """The chosen entries; none chosen: the current one."""
        rows = self._selected_rows()
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [self.rows.rows[r][0] for r in rows if r < len(self.rows.rows)]

    def _selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.selectionModel().selectedRows())

    def show_rows(self, rows: list[tuple[str, str, str]]) -> None:
        """New rows, keeping what was chosen and the current entry where they still are."""
        chosen = {self.rows.rows[r][0] for r in self._selected_rows() if r < len(self.rows.rows)}
        current = self.currentIndex()
        current_id = self.rows.rows[current.row()][0] if current.isValid() else None
        self.rows.reset(rows)
        selection = QItemSelection()
        for entry_id in chosen:
            row = self.rows.row_of.get(entry_id)
            if row is not None:
                at = self.rows.index(row, 0)
                selection.select(at, at)
        flag = QItemSelectionModel.SelectionFlag
        if self.selectionModel().hasSelection() or not selection.isEmpty():
            self.selectionModel().select(selection, flag.ClearAndSelect)
        row = self.rows.row_of.get(current_id or "", 0)
        if rows:
            self.selectionModel().setCurrentIndex(self.rows.index(row, 0), flag.NoUpdate)

    def _dropped(self, ids: list[str], event: QDropEvent) -> None:
        if event.source() is not self:
            self.dropped.emit(ids, UNGROUPED)


class GroupTree(_TakesEntries, QTreeWidget):
    dropped = Signal(list, object)  # entry ids, a group's id or NEW_GROUP

    def __init__(self) -> None:
        super().__init__()
        _setup(self)
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setObjectName("grouping-groups")
        self.setHeaderHidden(True)
        self.setItemsExpandable(False)
        self.setRootIsDecorated(False)

    def chosen_ids(self) -> list[str]:
        """The chosen entries (a chosen group: all of its); none chosen: the current one."""
        items = self.selectedItems() or [i for i in (self.currentItem(),) if i is not None]
        return self._ids(items)

    def chosen_group(self) -> str | None:
        """The group of the current item (a group, or one of its entries)."""
        item = self.currentItem()
        if item is None:
            return None
        top = item.parent() or item
        return str(top.data(0, ROLE)[1])

    def group_item(self, group_id: str) -> QTreeWidgetItem | None:
        for n in range(self.topLevelItemCount()):
            item = self.topLevelItem(n)
            if item is not None and item.data(0, ROLE)[1] == group_id:
                return item
        return None

    def _ids(self, items: list[QTreeWidgetItem]) -> list[str]:
        ids: list[str] = []
        for item in sorted(items, key=self._order):
            kind, key = item.data(0, ROLE)
            if kind == "group":
                children = (item.child(n) for n in range(item.childCount()))
                ids.extend(str(c.data(0, ROLE)[1]) for c in children if c is not None)
            else:
                ids.append(str(key))
        return list(dict.fromkeys(ids))

    def _order(self, item: QTreeWidgetItem) -> tuple[int, int]:
        parent = item.parent()
        if parent is None:
            return self.indexOfTopLevelItem(item), -1
        return self.indexOfTopLevelItem(parent), parent.indexOfChild(item)

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # type: ignore[override]
        return ids_mime(self._ids(items))

    def _dropped(self, ids: list[str], event: QDropEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        target = NEW_GROUP
        if item is not None:
            top = item.parent() or item
            target = str(top.data(0, ROLE)[1])
        self.dropped.emit(ids, target)
