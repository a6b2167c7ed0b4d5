"""The board's two lists of entries, which take entries dragged from either.

``UngroupedList``: the entries in no group. ``GroupTree``: each group (its name, which
tables said it) over its entries. A drag carries the chosen entries' ids (a group dragged
carries all of its entries); a drop never moves an item itself: it says what was asked
(``dropped(ids, target)``) and the board saves that, then shows the file's state.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
)

MIME = "application/x-facilitator-entry-ids"
ROLE = Qt.ItemDataRole.UserRole  # an item's (kind, id): ("entry", id) or ("group", id)
NEW_GROUP = "\0new"  # a drop target: a new group
UNGROUPED = None  # a drop target: out of any group


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


class UngroupedList(_TakesEntries, QListWidget):
    dropped = Signal(list, object)  # entry ids, UNGROUPED

    def __init__(self) -> None:
        super().__init__()
        _setup(self)
        self.setWordWrap(True)
        self.setObjectName("grouping-ungrouped")

    def chosen_ids(self) -> list[str]:
        """The chosen entries; none chosen: the current one."""
        items = self.selectedItems() or [i for i in (self.currentItem(),) if i is not None]
        return [str(item.data(ROLE)[1]) for item in sorted(items, key=self.row)]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        return ids_mime([str(item.data(ROLE)[1]) for item in sorted(items, key=self.row)])

    def _dropped(self, ids: list[str], event: QDropEvent) -> None:
        if event.source() is not self:
            self.dropped.emit(ids, UNGROUPED)


class GroupTree(_TakesEntries, QTreeWidget):
    dropped = Signal(list, object)  # entry ids, a group's id or NEW_GROUP

    def __init__(self) -> None:
        super().__init__()
        _setup(self)
        self.setWordWrap(True)
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
