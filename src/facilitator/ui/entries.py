"""The entries list: every entry of the event, newest saved first, filtered, edited in place.

A big event holds 50,000 entries. The model never asks for them all: it fetches pages as
the view scrolls (canFetchMore/fetchMore), and every read — pages, counts, a filter over
the whole event — runs on a background thread through a second, read-only connection to
the event file, so the UI thread never waits on SQLite.
"""

from __future__ import annotations

import atexit
import itertools
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Final

from msgspec import Struct
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from facilitator.core.deck import Deck
from facilitator.core.records import KIND_LABELS, KINDS, Theme
from facilitator.store.db import EventStore

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

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
_HIDDEN_INK = QColor("#8a8f98")

PAGE = 200  # entries fetched at a time
SHOWN_CHARS = 200  # a cell shows this much of a long entry; the editor holds it all

Index = QModelIndex | QPersistentModelIndex
Job = Callable[[EventStore], Any]


# -- reading off the UI thread --------------------------------------------------------------


class _Worker(QObject):
    done = Signal(int, object, object)  # token, value, error (str) or None; skipped: both None

    def __init__(self, path: Path, latest: dict[str, int]) -> None:
        super().__init__()
        self._path = path
        self._latest = latest
        self.store: EventStore | None = None

    @Slot(int, str, object)
    def run(self, token: int, key: str, job: Job) -> None:
        if key and self._latest.get(key, token) != token:
            self.done.emit(token, None, None)  # a newer request of the same kind is queued
            return
        try:
            if self.store is None:
                self.store = EventStore.open(self._path, readonly=True)
            value = job(self.store)
        except Exception as exc:  # reported to the panel in words; the UI keeps running
            log.warning("background read failed: %s", exc)
            self.done.emit(token, None, str(exc) or type(exc).__name__)
            return
        self.done.emit(token, value, None)


class _ReaderThread:
    """The thread and worker of one reader; ended once, whoever gets there first (the
    panel when the event closes, the reader's deletion, or the interpreter exiting: Qt
    aborts the process if a running QThread is destroyed)."""

    running: ClassVar[set[_ReaderThread]] = set()

    def __init__(self, path: Path, latest: dict[str, int]) -> None:
        self.thread = QThread()
        self.thread.setObjectName("facilitator-reader")
        self.worker = _Worker(path, latest)
        self.worker.moveToThread(self.thread)
        self.thread.start()
        _ReaderThread.running.add(self)

    def end(self) -> None:
        if self not in _ReaderThread.running:
            return
        _ReaderThread.running.discard(self)
        self.thread.quit()
        self.thread.wait()
        if self.worker.store is not None:
            self.worker.store.close()
            self.worker.store = None


@atexit.register
def _end_all_readers() -> None:
    for reader in list(_ReaderThread.running):
        reader.end()


class BackgroundReader(QObject):
    """Runs read jobs against a read-only connection on a thread of its own.

    ``submit(job, callback, key)``: ``job(store)`` runs on the thread; ``callback(value,
    error)`` runs on the UI thread. A job with a ``key`` is dropped unrun when a newer job
    with the same key was submitted meanwhile (typing a filter queues only one query).
    """

    _submit = Signal(int, str, object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest: dict[str, int] = {}
        self._callbacks: dict[int, Callable[[Any, str | None], None]] = {}
        self._tokens = itertools.count(1)
        self._reader = _ReaderThread(path, self._latest)
        self._submit.connect(self._reader.worker.run)
        self._reader.worker.done.connect(self._deliver)
        self.destroyed.connect(self._reader.end)
        self.stopped = False

    def submit(self, job: Job, callback: Callable[[Any, str | None], None], key: str = "") -> None:
        if self.stopped:
            return
        token = next(self._tokens)
        self._callbacks[token] = callback
        if key:
            self._latest[key] = token
        self._submit.emit(token, key, job)

    def busy(self) -> bool:
        return bool(self._callbacks)

    @Slot(int, object, object)
    def _deliver(self, token: int, value: Any, error: str | None) -> None:
        callback = self._callbacks.pop(token, None)
        if callback is None or (value is None and error is None):
            return
        callback(value, error)

    def stop(self) -> None:
        """Finish the running job, end the thread, close the read-only connection."""
        if self.stopped:
            return
        self.stopped = True
        self._reader.end()
        self._callbacks.clear()


# -- the model ------------------------------------------------------------------------------


class Filters(Struct, frozen=True):
    round_id: str | None = None
    table_id: str | None = None
    kind: str | None = None
    card: str | None = None
    text: str = ""

    def matches(self, theme: Theme) -> bool:
        if theme.deleted_at is not None:
            return False
        if self.round_id is not None and theme.round_id != self.round_id:
            return False
        if self.table_id is not None and theme.table_id != self.table_id:
            return False
        if self.kind is not None and theme.kind != self.kind:
            return False
        if self.card is not None and self.card not in theme.cards:
            return False
        return not self.text or self.text.casefold() in theme.text.casefold()

    def query(self) -> dict[str, Any]:
        return {
            "round_id": self.round_id,
            "table_id": self.table_id,
            "kind": self.kind,
            "card": self.card,
            "text": self.text or None,
        }


# An entry as the list keeps it: a plain tuple in Theme's field order. Tuples of strings
# are left alone by Python's cyclic garbage collector, so 50,000 loaded entries add nothing
# to its pauses (50,000 record objects would add tens of milliseconds to each).
Row = tuple[str, str, str, str | None, str | None, tuple[str, ...], str, str, bool, str | None, int]
R_ID: Final = 0  # literal indexes, so the type checker knows each field's type
R_TEXT: Final = 1
R_KIND: Final = 2
R_TABLE: Final = 3
R_ROUND: Final = 4
R_CARDS: Final = 5
R_CREATED: Final = 6
R_HIDDEN: Final = 8
R_SEQ: Final = 10


def as_row(t: Theme) -> Row:
    return (
        t.id,
        t.text,
        t.kind,
        t.table_id,
        t.round_id,
        t.cards,
        t.created_at,
        t.updated_at,
        t.hidden,
        t.deleted_at,
        t.seq,
    )


def _order_key(row: Row) -> int:
    """Where an entry stands in the save order (the wall clock may have jumped)."""
    return row[R_SEQ]


def one_line(text: str, limit: int = SHOWN_CHARS) -> str:
    """An entry on one line of a list: line breaks shown as ⏎, long text cut with …."""
    shown = text[: limit + 1].replace("\r\n", "\n").replace("\n", " ⏎ ").replace("\t", " ")
    return shown[:limit] + "…" if len(shown) > limit or len(text) > limit + 1 else shown


def local_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%H:%M")
    except ValueError:
        return ""


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
            return _HIDDEN_INK if entry[R_HIDDEN] else None
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


# -- editing in place -----------------------------------------------------------------------


class PlainEntryEdit(QPlainTextEdit):
    """A plain-text entry: Return submits, Shift+Return a new line; never rich text."""

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def text(self) -> str:
        """What was typed, exactly (non-breaking spaces kept; paragraphs joined by \\n)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
                return
            if not mods & ~Qt.KeyboardModifier.KeypadModifier:
                self.submitted.emit()
                return
        if key == Qt.Key.Key_Escape and not mods:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: Any) -> None:
        # pasted rich text arrives as its plain text: markup is never interpreted
        if source.hasText():
            self.textCursor().insertText(source.text())


class EntryDelegate(QStyledItemDelegate):
    """Edits the text in a roomy plain-text editor and the kind in a list of kinds."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == EntriesModel.KIND:
            combo = QComboBox(parent)
            for kind in KINDS:
                combo.addItem(KIND_LABELS[kind], kind)
            combo.activated.connect(lambda _i, c=combo: self._finish(c))
            return combo
        editor = PlainEntryEdit(parent)
        editor.setFrameShape(QPlainTextEdit.Shape.Box)
        editor.submitted.connect(lambda e=editor: self._finish(e))
        editor.cancelled.connect(
            lambda e=editor: self.closeEditor.emit(
                e, QStyledItemDelegate.EndEditHint.RevertModelCache
            )
        )
        return editor

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, PlainEntryEdit):
            editor.setPlainText(str(value))
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, PlainEntryEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, PlainEntryEdit):
            rect.setHeight(max(rect.height() * 4, 96))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # the editor handles Return/Escape itself (Shift+Return is a new line)
        if isinstance(editor, PlainEntryEdit) and event.type() == QEvent.Type.KeyPress:
            return False
        return super().eventFilter(editor, event)


_PAD = 4  # text inset in a cell
_SWATCH = 10  # the suit colour square before a row's cards
_ELIDED_KEPT = 20_000  # elided strings remembered (by text and width) before starting over


class EntriesView(QTableView):
    """One line per entry, lazily filled; F2 or a double click edits in place.

    The rows are painted here, in one Python call per repaint. Qt's own table painting
    asks the model for seven roles of every cell (about 1,400 Python calls a screenful) and
    lays each cell's text out three times (to size it, to elide it, to draw it): ~9 ms a
    repaint here, which a loaded machine stretched past 50 ms while scrolling. This draws
    each row's display strings, elided once per text and column width (~3 ms a screenful);
    no grid: alternating row colours tell the rows apart. Editing, selection, tooltips and
    the model's roles are Qt's as before.
    """

    def __init__(self, model: EntriesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._elided: dict[tuple[str, int], str] = {}
        self.setModel(model)
        self.setShowGrid(False)
        self.setItemDelegate(EntryDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EntriesModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (EntriesModel.TIME, 48),
            (EntriesModel.TABLE, 66),
            (EntriesModel.ROUND, 54),
            (EntriesModel.KIND, 72),
            (EntriesModel.CARDS, 110),
            (EntriesModel.WALL, 64),
        ):
            self.setColumnWidth(column, width)

    def entries_model(self) -> EntriesModel:
        model = self.model()
        assert isinstance(model, EntriesModel)
        return model

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elided.clear()
        super().changeEvent(event)

    def _elide(self, text: str, width: int, metrics: QFontMetrics) -> str:
        key = (text, width)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) >= _ELIDED_KEPT:
                self._elided.clear()
            found = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elided[key] = found
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.entries_model()
        count = model.rowCount()
        area = event.rect()
        first = self.rowAt(area.top())
        if count == 0 or first < 0:
            return  # nothing but the background, which the viewport fills
        header = self.horizontalHeader()
        columns = []
        for column in range(model.columnCount()):
            x, width = header.sectionViewportPosition(column), header.sectionSize(column)
            if not header.isSectionHidden(column) and x <= area.right() and x + width > area.left():
                columns.append((column, x, width))
        palette = self.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if not self.isEnabled()
            else QPalette.ColorGroup.Active
            if self.isActiveWindow()
            else QPalette.ColorGroup.Inactive
        )
        ink = palette.color(group, QPalette.ColorRole.Text)
        alternate = palette.color(group, QPalette.ColorRole.AlternateBase)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        highlighted_ink = palette.color(group, QPalette.ColorRole.HighlightedText)
        alternating = self.alternatingRowColors()
        metrics = self.fontMetrics()
        height = self.rowHeight(first)
        baseline = (height - metrics.height()) // 2 + metrics.ascent()
        selection = self.selectionModel()
        root = self.rootIndex()
        current = self.currentIndex()
        focus_row = current.row() if current.isValid() and self.hasFocus() else -1
        left, span = area.left(), area.width()
        y = self.rowViewportPosition(first)
        painter = QPainter(self.viewport())
        painter.setFont(self.font())
        row = first
        while row < count and y <= area.bottom():
            shown, hidden, swatch = model.shown_row(row)
            selected = selection.isRowSelected(row, root)
            if selected:
                painter.fillRect(left, y, span, height, highlight)
                painter.setPen(highlighted_ink)
            else:
                if alternating and row & 1:
                    painter.fillRect(left, y, span, height, alternate)
                painter.setPen(_HIDDEN_INK if hidden else ink)
            for column, x, width in columns:
                text, room, start = shown[column], width - 2 * _PAD, x + _PAD
                if swatch and column == EntriesModel.CARDS:
                    square = QRect(start, y + (height - _SWATCH) // 2, _SWATCH, _SWATCH)
                    painter.fillRect(square, QColor(swatch))
                    start, room = start + _SWATCH + _PAD, room - _SWATCH - _PAD
                if text and room > 0:
                    painter.drawText(start, y + baseline, self._elide(text, room, metrics))
            if row == focus_row:
                self._draw_focus(painter, current.column(), y, height, selected)
            y += height
            row += 1
        painter.end()

    def _draw_focus(self, painter: QPainter, column: int, y: int, height: int, on: bool) -> None:
        # QStyle's many Python enums load when the list first has the focus, not at start
        from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect

        header = self.horizontalHeader()
        option = QStyleOptionFocusRect()
        option.initFrom(self)
        option.rect = QRect(
            header.sectionViewportPosition(column), y, header.sectionSize(column), height
        )
        option.backgroundColor = self.palette().color(
            QPalette.ColorRole.Highlight if on else QPalette.ColorRole.Base
        )
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)

    def current_theme(self) -> Theme | None:
        index = self.currentIndex()
        return self.entries_model().theme_at(index.row()) if index.isValid() else None
