"""Filling the board's three columns from what was read, keeping what was chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QTreeWidgetItem

from facilitator.core.group_wall import tables_said
from facilitator.core.records import TableInfo
from facilitator.ui.grouping.lists import ROLE, GroupTree, UngroupedList
from facilitator.ui.grouping.steps import BoardData

TableLabel = Callable[[str | None], TableInfo | None]


def _where(label: TableLabel, table_id: str | None) -> str:
    table = label(table_id)
    return table.label if table is not None else "No table"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def fill_ungrouped(view: UngroupedList, data: BoardData, label: TableLabel) -> None:
    chosen = set(view.chosen_ids())
    now = view.currentItem()
    current = now.data(ROLE)[1] if now is not None else None
    grouped = {i for g in data.groups for i in g.entry_ids}
    view.blockSignals(True)
    view.clear()
    for theme in data.entries:
        if theme.id in grouped:
            continue
        item = QListWidgetItem(f"{_one_line(theme.text)}  ({_where(label, theme.table_id)})")
        item.setData(ROLE, ("entry", theme.id))
        view.addItem(item)
        item.setSelected(theme.id in chosen)
        if theme.id == current:
            view.setCurrentItem(item, _keep_selection())
    if view.currentItem() is None and view.count():
        view.setCurrentRow(0, _keep_selection())
    view.blockSignals(False)


def fill_groups(view: GroupTree, data: BoardData, label: TableLabel) -> None:
    chosen = set(view.chosen_ids())
    now = view.currentItem()
    current = now.data(0, ROLE) if now is not None else None
    entries = {t.id: t for t in data.entries}
    tables = [t for t in (label(t.table_id) for t in data.entries) if t is not None]
    unique = list({t.id: t for t in tables}.values())
    view.blockSignals(True)
    view.clear()
    for group in data.groups:
        members = [entries[i] for i in group.entry_ids if i in entries]
        if not members:
            continue
        top = QTreeWidgetItem([group.name, tables_said([m.table_id for m in members], unique)])
        top.setData(0, ROLE, ("group", group.id))
        top.setFlags(top.flags() | Qt.ItemFlag.ItemIsEditable)
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        view.addTopLevelItem(top)
        for theme in members:
            child = QTreeWidgetItem([_one_line(theme.text), _where(label, theme.table_id)])
            child.setData(0, ROLE, ("entry", theme.id))
            top.addChild(child)
            child.setSelected(theme.id in chosen)
            if current == ("entry", theme.id):
                view.setCurrentItem(child, 0, _keep_selection())
        if current == ("group", group.id):
            view.setCurrentItem(top, 0, _keep_selection())
    view.expandAll()
    view.blockSignals(False)


def fill_suggestions(view: QListWidget, data: BoardData, ignored: set[frozenset[str]]) -> None:
    current = view.currentRow()
    view.clear()
    for suggestion in data.suggestions:
        if frozenset(suggestion.entry_ids) in ignored:
            continue
        count = len(suggestion.entry_ids)
        item = QListWidgetItem(
            f"{_one_line(suggestion.label)}\nsaid at {suggestion.tables} tables ({count} entries)"
        )
        item.setData(ROLE, (suggestion.label, list(suggestion.entry_ids)))
        view.addItem(item)
    if view.count():
        view.setCurrentRow(min(max(current, 0), view.count() - 1))


def _keep_selection() -> QItemSelectionModel.SelectionFlag:
    """Make an item current without changing what is chosen."""
    return QItemSelectionModel.SelectionFlag.NoUpdate
