"""Filling the board's three columns from what was read, keeping what was chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from facilitator.core.group_wall import tables_said
from facilitator.core.records import TableInfo
from facilitator.ui.grouping.lists import ROLE, GroupTree, SuggestionList, UngroupedList
from facilitator.ui.grouping.steps import BoardData, one_line

TableLabel = Callable[[str | None], TableInfo | None]


def _where(label: TableLabel, table_id: str | None) -> str:
    table = label(table_id)
    return table.label if table is not None else "No table"


def fill_ungrouped(view: UngroupedList, data: BoardData) -> None:
    view.show_rows(list(data.ungrouped_rows))


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
            child = QTreeWidgetItem([one_line(theme.text), _where(label, theme.table_id)])
            child.setToolTip(0, theme.text)
            child.setData(0, ROLE, ("entry", theme.id))
            top.addChild(child)
            child.setSelected(theme.id in chosen)
            if current == ("entry", theme.id):
                view.setCurrentItem(child, 0, _keep_selection())
        if current == ("group", group.id):
            view.setCurrentItem(top, 0, _keep_selection())
    view.expandAll()
    view.blockSignals(False)


def fill_suggestions(view: SuggestionList, data: BoardData, ignored: set[frozenset[str]]) -> None:
    view.show_suggestions([r for r in data.suggestion_rows if frozenset(r[2]) not in ignored])


def _keep_selection() -> QItemSelectionModel.SelectionFlag:
    """Make an item current without changing what is chosen."""
    return QItemSelectionModel.SelectionFlag.NoUpdate
