"""The entries list's model: every entry of the event, newest saved first, filtered.

A big event holds 50,000 entries. The model never asks for them all: it fetches pages as
the view scrolls (canFetchMore/fetchMore) through the background reader (reader.py).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from facilitator.core.deck import Deck
from facilitator.core.records import KIND_LABELS, KINDS, Theme
from facilitator.store.db import EventStore
from facilitator.ui.entries.filters import Filters
from facilitator.ui.entries.reader import BackgroundReader
from facilitator.ui.entries.rows import (
    R_CARDS,
    R_CREATED,
    R_HIDDEN,
    R_ID,
    R_KIND,
    R_ROUND,
    R_SEQ,
    R_TABLE,
    R_TEXT,
    Row,
    as_row,
    local_time,
    one_line,
)

log = logging.getLogger(__name__)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_USER = int(Qt.ItemDataRole.UserRole)
_ROLES = frozenset((_DISPLAY, _EDIT, _TOOLTIP, _DECORATION, _FOREGROUND, _USER))
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
HIDDEN_INK = QColor("#8a8f98")

PAGE = 200  # entries fetched at a time

Index = QModelIndex | QPersistentModelIndex


def _order_key(row: Row) -> int:
    """Where an entry stands in the save order (the wall clock may have jumped)."""
    return row[R_SEQ]


class EntriesModel(QAbstractTableModel):
    """Entries newest first, fetched a page at a time; kept in step with saves and edits."""

    COLUMNS = ("Time", "Table", "Round", "Kind", "Entry", "Cards", "Wall")
    TIME, TABLE, ROUND, KIND, TEXT, CARDS, WALL = range(7)

    counts_changed = Signal()  # matching / total changed (or became known)
    loading_changed = Signal(bool)
    read_failed = Signal(str)
    edit_requested = Signal(str, str, object)  # theme id, field ("text" | "kind"), new value

    def __init__(
        self,
        reader: BackgroundReader,
        deck: Deck,
        table_labels: dict[str, str],
        round_labels: dict[str, str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.deck = deck
        self.table_labels = table_labels
        self.round_labels = round_labels
        self.filters = Filters()
        self.spotlight_id: str | None = None
        self.matching: int | None = None
        self.total: int | None = None
        self._rows: list[Row] = []
        self._ids: set[str] = set()
        self._shown: dict[str, tuple[str, ...]] = {}  # display strings, made once per entry
        self._exhausted = False
        self._loading = False
        self._generation = 0
        self._suit_colour = {c.id: self._colour_of(c.suit) for c in deck.cards}
        self._card_title = {c.id: c.title for c in deck.cards}

    def _colour_of(self, suit_id: str) -> str:
        try:
            return self.deck.suit(suit_id).colour
        except KeyError:
            return ""

    def set_deck(self, deck: Deck) -> None:
        self.deck = deck
        self._suit_colour = {c.id: self._colour_of(c.suit) for c in deck.cards}
        self._card_title = {c.id: c.title for c in deck.cards}
        self._shown = {}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.CARDS), self.index(len(self._rows) - 1, self.CARDS)
            )

    def set_labels(self, table_labels: dict[str, str], round_labels: dict[str, str]) -> None:
        self.table_labels, self.round_labels = table_labels, round_labels
        self._shown = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.WALL))

    # -- loading ---------------------------------------------------------------------------

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        """Drop what is loaded and read the first page and the counts afresh."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._ids = set()
        self._shown = {}
        self._exhausted = False
        self._loading = False
        self.matching = None
        self.endResetModel()
        self._fetch_page()
        self.recount()

    def recount(self) -> None:
        generation = self._generation
        query = self.filters.query()
        narrowed = any(v is not None for v in query.values())

        def job(store: EventStore) -> tuple[int, int]:
            total = store.count_themes()
            return (store.count_themes(**query) if narrowed else total), total

        def arrived(value: Any, error: str | None) -> None:
            if generation != self._generation:
                return
            if error is not None:
                self.read_failed.emit(error)
                return
            self.matching, self.total = value
            self.counts_changed.emit()

        self.reader.submit(job, arrived, key="entries-count")

    def is_loading(self) -> bool:
        return self._loading

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch_page()

    def _fetch_page(self) -> None:
        generation = self._generation
        after = _order_key(self._rows[-1]) if self._rows else None
        query = self.filters.query()
        self._loading = True
        self.loading_changed.emit(True)

        def job(store: EventStore) -> list[Row]:
            return [as_row(t) for t in store.themes(**query, after=after, limit=PAGE)]

        def arrived(value: Any, error: str | None) -> None:
            if generation != self._generation:
                return
            self._loading = False
            self.loading_changed.emit(False)
            if error is not None:
                self.read_failed.emit(error)
                return
            fresh = [r for r in value if r[R_ID] not in self._ids]
            if len(value) < PAGE:
                self._exhausted = True
            if fresh:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
                self._rows.extend(fresh)
                self._ids.update(r[R_ID] for r in fresh)
                self.endInsertRows()

        self.reader.submit(job, arrived)

    # -- keeping in step with saves and edits ----------------------------------------------

    def theme_saved(self, theme: Theme) -> None:
        if self.total is not None:
            self.total += 1
        if self.filters.matches(theme):
            if self.matching is not None:
                self.matching += 1
            self._place(theme)
        self.counts_changed.emit()

    def theme_changed(self, theme: Theme) -> None:
        """An entry was edited, deleted, restored or hidden: update its row in place."""
        row = self.row_of(theme.id)
        self._shown.pop(theme.id, None)
        if row is not None:
            if self.filters.matches(theme):
                self._rows[row] = as_row(theme)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._ids.discard(theme.id)
            self.endRemoveRows()
        elif self.filters.matches(theme):
            self._place(theme)
        self.recount()

    def _place(self, theme: Theme) -> None:
        """Insert at its place in the newest-first order, if that place is loaded."""
        key = theme.seq
        row = 0
        while row < len(self._rows) and _order_key(self._rows[row]) > key:
            row += 1
        if row == len(self._rows) and not self._exhausted and self._rows:
            return  # older than everything loaded: it arrives with a later page
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, as_row(theme))
        self._ids.add(theme.id)
        self.endInsertRows()

    def set_spotlight(self, theme_id: str | None) -> None:
        old = self.row_of(self.spotlight_id) if self.spotlight_id else None
        self._shown.pop(self.spotlight_id or "", None)
        self._shown.pop(theme_id or "", None)
        self.spotlight_id = theme_id
        for row in (old, self.row_of(theme_id) if theme_id else None):
            if row is not None:
                self.dataChanged.emit(self.index(row, self.WALL), self.index(row, self.WALL))

    # -- reading rows ----------------------------------------------------------------------

    def row_of(self, theme_id: str | None) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r[R_ID] == theme_id), None)

    def theme_at(self, row: int) -> Theme | None:
        return Theme(*self._rows[row]) if 0 <= row < len(self._rows) else None

    def loaded(self) -> list[Theme]:
        return [Theme(*r) for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _EDITABLE if index.column() in (self.TEXT, self.KIND) else _SELECTABLE

    def shown_row(self, row: int) -> tuple[tuple[str, ...], bool, str]:
        """What a row shows: its display strings, whether it is hidden from the wall, and
        the suit colour of its first card ("" when none)."""
        entry = self._rows[row]
        shown = self._shown.get(entry[R_ID])
        if shown is None:
            shown = tuple(self._display(entry, c) for c in range(len(self.COLUMNS)))
            self._shown[entry[R_ID]] = shown
        cards = entry[R_CARDS]
        return shown, entry[R_HIDDEN], self._suit_colour.get(cards[0], "") if cards else ""

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # asked by editors, tooltips, accessibility and tests (the view paints rows itself
        # from shown_row): the common answers come first
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        entry = self._rows[row]
        column = index.column()
        if role == _DISPLAY:
            return self.shown_row(row)[0][column]
        if role == _FOREGROUND:
            return HIDDEN_INK if entry[R_HIDDEN] else None
        if role == _DECORATION:
            cards = entry[R_CARDS]
            if column == self.CARDS and cards:
                colour = self._suit_colour.get(cards[0], "")
                return QColor(colour) if colour else None
            return None
        if role == _EDIT:
            if column == self.TEXT:
                return entry[R_TEXT]
            if column == self.KIND:
                return entry[R_KIND]
            return self._display(entry, column)
        if role == _TOOLTIP and column == self.TEXT:
            # tooltips take rich text: escape, so typed markup shows as typed
            import html  # only for a tooltip: not at every start

            return f"<p style='white-space:pre-wrap'>{html.escape(entry[R_TEXT][:2000])}</p>"
        if role == _USER:
            return entry[R_ID]
        return None

    def _display(self, entry: Row, column: int) -> str:
        if column == self.TIME:
            return local_time(entry[R_CREATED])
        if column == self.TABLE:
            return self.table_labels.get(entry[R_TABLE] or "", "—")
        if column == self.ROUND:
            return self.round_labels.get(entry[R_ROUND] or "", "—")
        if column == self.KIND:
            return KIND_LABELS.get(entry[R_KIND], entry[R_KIND])
        if column == self.TEXT:
            return one_line(entry[R_TEXT])
        if column == self.CARDS:
            return ", ".join(self._card_title.get(c, f"#{c}") for c in entry[R_CARDS])
        if column == self.WALL:
            marks = []
            if entry[R_ID] == self.spotlight_id:
                marks.append("★ spotlight")
            if entry[R_HIDDEN]:
                marks.append("hidden")
            return ", ".join(marks)
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        theme = self.theme_at(index.row())
        if theme is None or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == self.TEXT and isinstance(value, str) and value != theme.text:
            self.edit_requested.emit(theme.id, "text", value)
            return True
        if index.column() == self.KIND and value in KINDS and value != theme.kind:
            self.edit_requested.emit(theme.id, "kind", value)
            return True
        return False
