"""The scribe's panel: type what a table says, Return saves it; the list of entries beside it;
the theme wall's controls. It can leave the console for a window of its own.

Nothing typed is lost: saves run on the writer's thread (ui/capture_saving.py); an entry
waits in the pending list until it is committed, a failed one stays there apart, with the
reason in words, and is tried again; what is being typed is kept as a draft in the event
file (debounced) so a crash or a kill gives it back.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.capture import (
    PICK,
    TagIndex,
    parse_table,
    repeats,
    step_table,
    suggest_kind,
    tag_at,
    tag_word,
)
from facilitator.core.changes import Changes
from facilitator.core.projector_state import WallSlide
from facilitator.core.records import KIND_LABELS, KINDS, RoundInfo, TableInfo, Theme
from facilitator.core.wall import GROUPING_LABELS, GROUPINGS
from facilitator.store.db import EventStore, StoreError
from facilitator.ui.capture_saving import DRAFT_SLOT, CaptureSaver
from facilitator.ui.controller import EventController
from facilitator.ui.deferred import clear_button_after_first_paint
from facilitator.ui.entries import (
    BackgroundReader,
    EntriesModel,
    EntriesView,
    Filters,
    PlainEntryEdit,
    one_line,
)
from facilitator.ui.pending import PendingBox, PendingEntry
from facilitator.ui.undo import DeleteCommand, EditCommand, HideCommand
from facilitator.ui.wall_source import DEFAULT_TITLE, wall_job

if TYPE_CHECKING:
    from facilitator.ui.tag_popup import TagPopup

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 300
FILTER_DELAY_MS = 250
WALL_DELAY_MS = 150
MODES = (*KINDS, PICK)
MODE_LABELS = {**KIND_LABELS, PICK: "Card pick"}


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _u16(text: str) -> int:
    """Length in UTF-16 code units: how Qt counts positions (an emoji counts two)."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _py_index(text: str, position: int) -> int:
    """The Python index of Qt's UTF-16 ``position`` in ``text``."""
    units = 0
    for index, char in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _readable_on(colour: str) -> str:
    c = QColor(colour)
    return "#000000" if c.lightnessF() > 0.6 else "#ffffff"


# -- the entry ------------------------------------------------------------------------------


class TagHighlighter(QSyntaxHighlighter):
    """Card tags as coloured chips (the suit's colour); a tag naming no card is underlined."""

    def __init__(self, document: QTextDocument, index: TagIndex) -> None:
        super().__init__(document)
        self.index = index

    def set_index(self, index: TagIndex) -> None:
        self.index = index
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        from PySide6.QtGui import QTextCharFormat  # its enums load at the first tag typed

        for tag in self.index.tags(text):
            fmt = QTextCharFormat()
            card = self.index.card(tag.card) if tag.card else None
            if card is not None:
                try:
                    colour = self.index.deck.suit(card.suit).colour
                except KeyError:
                    colour = "#555555"
                fmt.setBackground(QColor(colour))
                fmt.setForeground(QColor(_readable_on(colour)))
                fmt.setFontWeight(QFont.Weight.Bold)
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor("#c0271d"))
            self.setFormat(_u16(text[: tag.start]), _u16(text[tag.start : tag.end]), fmt)


class EntryEdit(PlainEntryEdit):
    """The theme entry: Return saves, Shift+Return a new line, ``#`` offers the deck's cards."""

    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, index: TagIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.highlighter = TagHighlighter(self.document(), index)
        self._popup: TagPopup | None = None
        self.textChanged.connect(self._update_popup)
        self.cursorPositionChanged.connect(self._update_popup)

    @property
    def popup(self) -> TagPopup:
        """The card list, made the first time a tag is typed (not with the console)."""
        if self._popup is None:
            from facilitator.ui.tag_popup import TagPopup

            self._popup = TagPopup(self)
            self._popup.itemClicked.connect(
                lambda item: self._complete(str(item.data(Qt.ItemDataRole.UserRole)))
            )
        return self._popup

    def _popup_open(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    def hide_popup(self) -> None:
        if self._popup is not None:
            self._popup.hide()

    def set_index(self, index: TagIndex) -> None:
        self.index = index
        self.highlighter.set_index(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._popup_open():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.popup.step(1 if key == Qt.Key.Key_Down else -1)
                return
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                chosen = self.popup.chosen()
                if chosen is not None:
                    self._complete(chosen)
                    return
            if key == Qt.Key.Key_Escape:
                self.hide_popup()
                return
        if event.matches(QKeySequence.StandardKey.Undo) and not self.document().isUndoAvailable():
            self.undo_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Redo) and not self.document().isRedoAvailable():
            self.redo_requested.emit()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab takes the card offered, as Return does; it moves on only with no list open
        chosen = self.popup.chosen() if self._popup_open() else None
        if chosen is not None:
            self._complete(chosen)
            return True
        return super().focusNextPrevChild(next)

    def focusOutEvent(self, event: Any) -> None:
        self.hide_popup()
        super().focusOutEvent(event)

    def typing_tag(self) -> tuple[int, str] | None:
        """The tag being typed at the cursor: (its position, what follows '#')."""
        return self._typing_tag()

    def _typing_tag(self) -> tuple[int, str] | None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return None
        block = cursor.block()
        text = block.text()
        found = tag_at(text, _py_index(text, cursor.positionInBlock()))
        if found is None:
            return None
        return block.position() + _u16(text[: found[0]]), found[1]

    def _update_popup(self) -> None:
        found = self._typing_tag() if self.hasFocus() or self._popup_open() else None
        cards = self.index.complete(found[1]) if found is not None else []
        if found is not None and len(cards) == 1 and tag_word(cards[0]) == found[1]:
            cards = []  # already typed in full
        if not cards:
            self.hide_popup()
            return
        from PySide6.QtWidgets import QListWidgetItem

        self.popup.clear()
        for card in cards:
            try:
                suit = self.index.deck.suit(card.suit)
                label, colour = f"{card.title}  ·  {suit.name}", suit.colour
            except KeyError:
                label, colour = card.title, "#777777"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, card.id)
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(colour))
            self.popup.addItem(item)
        self.popup.setCurrentRow(0)
        rect = self.cursorRect()
        width = max(260, self.popup.sizeHintForColumn(0) + 40)
        height = self.popup.sizeHintForRow(0) * min(len(cards), 8) + 6
        self.popup.setGeometry(
            self.mapToGlobal(QPoint(rect.left(), rect.bottom() + 4)).x(),
            self.mapToGlobal(QPoint(rect.left(), rect.bottom() + 4)).y(),
            width,
            height,
        )
        self.popup.show()

    def _complete(self, card_id: str) -> None:
        found = self._typing_tag()
        card = self.index.card(card_id)
        self.hide_popup()
        if found is None or card is None:
            return
        start, typed = found
        cursor = self.textCursor()
        end = start + 1 + _u16(typed)  # Qt positions count UTF-16 units
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        following = self.document().characterAt(end)
        cursor.insertText(f"#{tag_word(card)}" + ("" if following == " " else " "))
        self.setTextCursor(cursor)
        self.hide_popup()


class TableField(QLineEdit):
    """The table, in large type; type its number to switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(10)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName("Table number")


# -- the panel -------------------------------------------------------------------------------


class CapturePanel(QWidget):
    """Entry, table, round and kind on the left; the entries list and the wall on the right."""

    detach_requested = Signal()
    leave_requested = Signal()  # Escape in the entry: give the keyboard back to the console
    saved = Signal(object)  # Theme, committed
    picked = Signal(object)  # list[CardPick], committed

    def __init__(
        self,
        controller: EventController,
        parent: QWidget | None = None,
        *,
        reader: BackgroundReader | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.store: EventStore = controller.store
        self.index = TagIndex(controller.deck)
        self.reader = reader or BackgroundReader(controller.store.path, self)
        self.service = controller.service
        self.undo_stack = controller.service.undo_stack  # the event's one stack
        self.table_number: int = controller.tables[0].number if controller.tables else 0
        self.round_id: str | None = controller.live_round.id if controller.live_round else None
        self.round_pinned = False  # the scribe chose a round other than the live one
        self.mode: str = "theme"
        self.mode_by_key = False  # the kind was chosen with a key or a click: no guessing
        self.wall_grouping = "table"
        self.wall_this_round = True
        self.spotlight_id: str | None = None
        self.wall_page = 0
        self.last_saved: Theme | None = None
        self._preview_is_wall = False
        self._restoring = False
        self._failures = 0

        self._build()
        self.saver = CaptureSaver(self, controller.service, self.pending_box)
        self._connect()
        self._restore_draft()
        self.model.reload()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)

        big = QFont()
        big.setPixelSize(38)
        big.setBold(True)
        table_row = QHBoxLayout()
        table_word = QLabel("Table")
        table_word.setFont(big)
        self.table_field = TableField()
        self.table_field.setFont(big)
        self.table_field.setFixedWidth(
            self.table_field.fontMetrics().horizontalAdvance("8888") + 24
        )
        table_word.setBuddy(self.table_field)
        steps = QVBoxLayout()
        up = QToolButton()
        up.setArrowType(Qt.ArrowType.UpArrow)
        up.setToolTip("Previous table (Ctrl+Up)")
        up.clicked.connect(lambda: self.step_table(-1))
        down = QToolButton()
        down.setArrowType(Qt.ArrowType.DownArrow)
        down.setToolTip("Next table (Ctrl+Down)")
        down.clicked.connect(lambda: self.step_table(1))
        for b in (up, down):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            steps.addWidget(b)
        self.table_name = _plain_label()
        self.table_name.setStyleSheet("color: palette(mid);")
        table_row.addWidget(table_word)
        table_row.addWidget(self.table_field)
        table_row.addLayout(steps)
        table_row.addWidget(self.table_name, 1)
        self.detach_button = QPushButton("Own window")
        self.detach_button.setToolTip("Move the capture panel to a window of its own")
        self.detach_button.clicked.connect(self.detach_requested)
        table_row.addWidget(self.detach_button, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addLayout(table_row)

        round_row = QHBoxLayout()
        round_label = QLabel("&Round:")
        self.round_combo = QComboBox()
        self.round_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.round_combo.setMinimumContentsLength(18)
        round_label.setBuddy(self.round_combo)
        self.round_hint = _plain_label()
        round_row.addWidget(round_label)
        round_row.addWidget(self.round_combo, 1)
        round_row.addWidget(self.round_hint)
        left_layout.addLayout(round_row)

        kind_row = QHBoxLayout()
        kind_row.setSpacing(4)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QToolButton] = {}
        for number, mode in enumerate(MODES, start=1):
            button = QToolButton()
            button.setText(MODE_LABELS[mode])
            button.setCheckable(True)
            button.setToolTip(f"{MODE_LABELS[mode]} (Ctrl+{number})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.kind_group.addButton(button, number)
            self.kind_buttons[mode] = button
            kind_row.addWidget(button)
        self.kind_buttons["theme"].setChecked(True)
        left_layout.addLayout(kind_row)
        self.kind_hint = _plain_label("Ctrl+1…5 sets the kind; quotation marks make a quote.")
        self.kind_hint.setStyleSheet("color: palette(mid);")
        left_layout.addWidget(self.kind_hint)

        self.entry = EntryEdit(self.index)
        entry_font = QFont()
        entry_font.setPixelSize(18)
        self.entry.setFont(entry_font)
        self.entry.setPlaceholderText(
            "Type what the table says. Return saves, Shift+Return starts a new line, "
            "# tags a card (#mind → Mindset)."
        )
        self.entry.setMinimumHeight(110)
        self.entry.setAccessibleName("Theme entry")
        left_layout.addWidget(self.entry, 1)

        self.chips = QWidget()
        self.chips_layout = QHBoxLayout(self.chips)
        self.chips_layout.setContentsMargins(0, 0, 0, 0)
        self.chips_layout.setSpacing(6)
        self.chips_layout.addStretch(1)
        left_layout.addWidget(self.chips)

        self.message = _plain_label()
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.message.fontMetrics().height() * 2 + 8)
        self.message.setAccessibleName("Capture message")
        left_layout.addWidget(self.message)
        self.pending_box = PendingBox()
        left_layout.addWidget(self.pending_box)

        left_layout.addWidget(self._build_wall_box())

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        filters = QHBoxLayout()
        self.filter_round = QComboBox()
        self.filter_table = QComboBox()
        self.filter_kind = QComboBox()
        self.filter_card = QComboBox()
        self.filter_text = QLineEdit()
        self.filter_text.setPlaceholderText("Find text…")
        clear_button_after_first_paint(self.filter_text)
        for combo in (self.filter_round, self.filter_table, self.filter_kind, self.filter_card):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            filters.addWidget(combo)
        filters.addWidget(self.filter_text, 2)
        right_layout.addLayout(filters)

        labels = self._labels()
        self.model = EntriesModel(self.reader, self.controller.deck, *labels, parent=self)
        self.view = EntriesView(self.model)
        self.view.setAccessibleName("Entries")
        right_layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.count_label = _plain_label("Loading entries…")
        self.edit_button = QPushButton("&Edit")
        self.edit_button.setToolTip("Edit the entry in place (F2); Return keeps the change")
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip("Delete the entry (Delete); Ctrl+Z brings it back")
        self.hide_button = QPushButton("H&ide from wall")
        self.hide_button.setCheckable(True)
        self.spot_button = QPushButton("Spot&light")
        self.spot_button.setCheckable(True)
        self.spot_button.setToolTip("Show this entry large on the wall, alone")
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        undo_button = QToolButton()
        undo_button.setDefaultAction(self.undo_action)
        redo_button = QToolButton()
        redo_button.setDefaultAction(self.redo_action)
        buttons.addWidget(self.count_label, 1)
        for w in (
            self.edit_button,
            self.delete_button,
            self.hide_button,
            self.spot_button,
            undo_button,
            redo_button,
        ):
            buttons.addWidget(w)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)  # the list needs room for its text column
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        self._fill_rounds()
        self._fill_filters()
        self._show_table()
        self._show_mode()

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.wall_timer = QTimer(self)
        self.wall_timer.setSingleShot(True)
        self.wall_timer.setInterval(WALL_DELAY_MS)
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(WALL_DELAY_MS)

        for watched in (self.entry, self.table_field, self.round_combo):
            watched.installEventFilter(self)

    def _build_wall_box(self) -> QGroupBox:
        box = QGroupBox("Theme wall")
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.wall_grouping_combo = QComboBox()
        for grouping in GROUPINGS:
            self.wall_grouping_combo.addItem(GROUPING_LABELS[grouping], grouping)
        self.wall_round_only = QCheckBox("This round only")
        self.wall_round_only.setChecked(True)
        row.addWidget(self.wall_grouping_combo)
        row.addWidget(self.wall_round_only)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.wall_show = QPushButton("Show &wall")
        self.wall_show.setToolTip(
            "Put the theme wall on the projector; it updates as entries arrive"
        )
        self.wall_preview = QPushButton("Preview")
        self.wall_prev = QToolButton()
        self.wall_prev.setArrowType(Qt.ArrowType.LeftArrow)
        self.wall_prev.setToolTip("Previous page of the wall")
        self.wall_next = QToolButton()
        self.wall_next.setArrowType(Qt.ArrowType.RightArrow)
        self.wall_next.setToolTip("Next page of the wall")
        self.wall_page_label = _plain_label("")
        self.wall_clear_spot = QPushButton("Clear spotlight")
        self.wall_clear_spot.setEnabled(False)
        for w in (
            self.wall_show,
            self.wall_preview,
            self.wall_prev,
            self.wall_page_label,
            self.wall_next,
        ):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.wall_clear_spot)
        layout.addLayout(row)
        return box

    def _labels(self) -> tuple[dict[str, str], dict[str, str]]:
        tables = {t.id: t.label for t in self.controller.tables}
        rounds = {r.id: str(r.position + 1) for r in self.controller.rounds}  # titles: filter
        return tables, rounds

    def _fill_rounds(self) -> None:
        live = self.controller.live_round
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for info in self.controller.rounds:
            text = f"{info.position + 1}. {info.title}"
            if live is not None and info.id == live.id:
                text += "  (live)"
            self.round_combo.addItem(text, info.id)
        self.round_combo.addItem("No round", None)
        self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(self.round_id)))
        self.round_combo.blockSignals(False)
        self.round_hint.setText("chosen by you" if self.round_pinned else "follows the live round")

    def _fill_filters(self) -> None:
        def fill(combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        fill(
            self.filter_round,
            "All rounds",
            [(f"{r.position + 1}. {r.title}", r.id) for r in self.controller.rounds],
        )
        fill(self.filter_table, "All tables", [(t.label, t.id) for t in self.controller.tables])
        fill(self.filter_kind, "All kinds", [(KIND_LABELS[k], k) for k in KINDS])
        fill(self.filter_card, "All cards", [(c.title, c.id) for c in self.controller.deck.cards])

    # -- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        c = self.controller
        c.live_round_changed.connect(self._live_round_changed)
        c.changed.connect(self._changed)
        c.deck_changed.connect(self._deck_changed)
        c.plan_changed.connect(self._plan_changed)
        c.event_changed.connect(self._event_changed)
        c.preview_changed.connect(self._preview_changed)
        c.closing.connect(self.shutdown)
        self.service.failed.connect(self._change_failed)

        self.entry.submitted.connect(self.save)
        self.entry.cancelled.connect(self.leave_requested)
        self.entry.textChanged.connect(self._text_changed)
        self.entry.undo_requested.connect(self.undo_stack.undo)
        self.entry.redo_requested.connect(self.undo_stack.redo)
        self.table_field.textEdited.connect(self._table_typed)
        self.table_field.editingFinished.connect(self._table_done)
        self.table_field.returnPressed.connect(self.entry.setFocus)
        self.round_combo.activated.connect(self._round_chosen)
        self.kind_group.idClicked.connect(lambda i: self.set_mode(MODES[i - 1], by_key=True))
        self.draft_timer.timeout.connect(self.save_draft)

        for combo in (self.filter_round, self.filter_table, self.filter_kind, self.filter_card):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.filter_text.textChanged.connect(lambda _t: self.filter_timer.start())
        self.filter_timer.timeout.connect(self._apply_filters)
        self.model.counts_changed.connect(self._show_counts)
        self.model.rowsInserted.connect(self._show_counts)
        self.model.modelReset.connect(self._show_counts)
        self.model.read_failed.connect(
            lambda m: self.show_message(f"Cannot read the entries: {m}", "error")
        )
        self.model.edit_requested.connect(self._edit_requested)
        self.view.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_shortcut.activated.connect(self.delete_selected)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.spot_button.clicked.connect(self.toggle_spotlight)
        self.reload_timer.timeout.connect(self.model.reload)

        self.wall_grouping_combo.currentIndexChanged.connect(self._wall_options_changed)
        self.wall_round_only.toggled.connect(self._wall_options_changed)
        self.wall_show.clicked.connect(lambda: self.send_wall(live=True))
        self.wall_preview.clicked.connect(lambda: self.send_wall(live=False))
        self.wall_prev.clicked.connect(lambda: self.turn_wall_page(-1))
        self.wall_next.clicked.connect(lambda: self.turn_wall_page(1))
        self.wall_clear_spot.clicked.connect(lambda: self.set_spotlight(None))
        self.wall_timer.timeout.connect(self._refresh_wall)
        self._selection_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            key = event.key()
            if mods == Qt.KeyboardModifier.ControlModifier:
                if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                    self.step_table(-1 if key == Qt.Key.Key_Up else 1)
                    return True
                if Qt.Key.Key_1 <= key < Qt.Key.Key_1 + len(MODES):
                    self.set_mode(MODES[key - Qt.Key.Key_1], by_key=True)
                    return True
        return super().eventFilter(watched, event)

    # -- table, round, kind ----------------------------------------------------------------

    def table(self) -> TableInfo | None:
        return next((t for t in self.controller.tables if t.number == self.table_number), None)

    def set_table(self, number: int) -> None:
        self.table_number = number
        self._show_table()
        self._schedule_draft()

    def step_table(self, step: int) -> None:
        numbers = [t.number for t in self.controller.tables]
        self.set_table(step_table(self.table_number, step, numbers))

    def _show_table(self) -> None:
        self.table_field.setText(str(self.table_number))
        table = self.table()
        self.table_name.setText(
            table.name if table and table.name else f"of {len(self.controller.tables)}"
        )

    def _table_typed(self, text: str) -> None:
        try:
            parse_table(text, [t.number for t in self.controller.tables])
        except ValueError:
            self.table_field.setStyleSheet("color: #c0271d;")
            return
        self.table_field.setStyleSheet("")

    def _table_done(self) -> None:
        text = self.table_field.text()
        self.table_field.setStyleSheet("")
        try:
            number = parse_table(text, [t.number for t in self.controller.tables])
        except ValueError as exc:
            if text.strip():
                self.show_message(f"Table: {exc}; still on table {self.table_number}.", "warn")
            self._show_table()
            return
        self.set_table(number)

    def round(self) -> RoundInfo | None:
        return self.controller.round(self.round_id)

    def set_round(self, round_id: str | None, *, pinned: bool) -> None:
        self.round_id = round_id
        self.round_pinned = pinned
        self._fill_rounds()
        self._schedule_draft()

    def _round_chosen(self, position: int) -> None:
        round_id = self.round_combo.itemData(position)
        live = self.controller.live_round
        self.set_round(round_id, pinned=live is None or round_id != live.id)

    def _live_round_changed(self, info: RoundInfo | None) -> None:
        if not self.round_pinned:
            self.round_id = info.id if info else None
        elif info is not None and info.id == self.round_id:
            self.round_pinned = False
        self._fill_rounds()
        if self.wall_this_round:
            self.wall_page = 0
            self._schedule_wall()

    def set_mode(self, mode: str, *, by_key: bool) -> None:
        self.mode = mode
        self.mode_by_key = by_key
        self._show_mode()
        self._schedule_draft()

    def _show_mode(self) -> None:
        button = self.kind_buttons[self.mode]
        if not button.isChecked():
            button.setChecked(True)
        if self.mode == PICK:
            hint = "Card pick: type the table's card as #card (or “7 #card”), Return records it."
        elif self.mode_by_key:
            hint = f"{MODE_LABELS[self.mode]}, as you chose. Ctrl+1…5 changes it."
        elif self.mode == "quote":
            hint = "Quote: it is in quotation marks. Ctrl+1 makes it a theme."
        elif self.mode == "question":
            hint = "Question: it ends with “?”. Ctrl+1 makes it a theme."
        else:
            hint = "Ctrl+1…5 sets the kind; quotation marks make a quote."
        self.kind_hint.setText(hint)
        self.entry.setPlaceholderText(
            "#card for this table's pick (or “7 #card”), then Return."
            if self.mode == PICK
            else "Type what the table says. Return saves, Shift+Return starts a new line, "
            "# tags a card (#mind → Mindset)."
        )

    def _text_changed(self) -> None:
        text = self.entry.text()
        if not self.mode_by_key and self.mode != PICK:
            guess = suggest_kind(text)
            if guess != self.mode:
                self.mode = guess
                self._show_mode()
        self._show_chips(text)
        self._schedule_draft()

    def _show_chips(self, text: str) -> None:
        while self.chips_layout.count() > 1:
            item = self.chips_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for card_id in self.index.cards_in(text):
            card = self.index.card(card_id)
            if card is None:
                continue
            try:
                colour = self.index.deck.suit(card.suit).colour
            except KeyError:
                colour = "#555555"
            chip = _plain_label(card.title)
            chip.setStyleSheet(
                f"background: {colour}; color: {_readable_on(colour)}; border-radius: 9px;"
                " padding: 2px 10px; font-weight: bold;"
            )
            self.chips_layout.insertWidget(self.chips_layout.count() - 1, chip)
        typing = self.entry.typing_tag()
        being_typed = f"#{typing[1]}" if typing is not None else None
        unknown_tags = [t for t in self.index.unknown_in(text) if t != being_typed]
        for unknown in unknown_tags[:3]:
            chip = _plain_label(f"{unknown[:30]}: no such card")
            chip.setStyleSheet("color: #c0271d; padding: 2px 4px;")
            self.chips_layout.insertWidget(self.chips_layout.count() - 1, chip)

    # -- saving ----------------------------------------------------------------------------

    def show_message(self, text: str, level: str = "ok") -> None:
        styles = {
            "ok": "color: #1d7a3a;",
            "warn": "color: #8a5300; background: #fff4d6; padding: 4px;",
            "error": "color: #ffffff; background: #c0271d; padding: 4px; font-weight: bold;",
        }
        self.message.setStyleSheet(styles.get(level, ""))
        self.message.setText(text)
        self.message.setProperty("level", level)

    def save(self) -> None:
        """Return: the entry goes to be saved (see CaptureSaver) and clears at once."""
        self.saver.save()

    def pending(self) -> list[PendingEntry]:
        """Entries taken from the entry and not (yet) in the event file."""
        return list(self.saver.pending)

    def _clear_entry(self) -> None:
        self.draft_timer.stop()
        self._restoring = True
        self.entry.clear()
        self._restoring = False
        if self.mode != PICK:
            self.mode = "theme"
            self.mode_by_key = False
        self._show_mode()
        self._show_chips("")  # the save clears the draft, after the entry, in order

    def _check_repeat(self, theme: Theme) -> None:
        table_id = theme.table_id

        def arrived(value: Any, error: str | None) -> None:
            if error is not None or self.last_saved is None or self.last_saved.id != theme.id:
                return
            others = [text for theme_id, text in value if theme_id != theme.id]
            if repeats(theme.text, others):
                table = self.controller.table(table_id)
                self.show_message(
                    f"Saved, but {table.label if table else 'this table'} already has this same "
                    "text. If it was a slip, select it in the list and delete it (Ctrl+Z undoes).",
                    "warn",
                )

        self.reader.submit(lambda store: store.table_texts(table_id), arrived)

    # -- draft -----------------------------------------------------------------------------

    def _schedule_draft(self) -> None:
        if not self._restoring:
            self.draft_timer.start()

    def draft_detail(self) -> dict[str, Any]:
        return {
            "table": self.table_number,
            "round_id": self.round_id,
            "round_pinned": self.round_pinned,
            "kind": self.mode,
            "kind_by_key": self.mode_by_key,
        }

    def save_draft(self) -> None:
        """Keep what is typed, on the writer's thread (the latest draft wins)."""
        self.draft_timer.stop()
        self.saver.save_draft(self.entry.text(), self.draft_detail())

    def _restore_draft(self) -> None:
        try:
            draft = self.store.draft(DRAFT_SLOT)
        except StoreError as exc:
            log.warning("draft not read: %s", exc)
            return
        if draft is None:
            return
        detail = dict(draft.detail)
        self._restoring = True
        try:
            numbers = [t.number for t in self.controller.tables]
            if detail.get("table") in numbers:
                self.table_number = int(detail["table"])
            if detail.get("round_pinned") and self.controller.round(detail.get("round_id")):
                self.round_id = detail["round_id"]
                self.round_pinned = True
            if detail.get("kind") in MODES:
                self.mode = str(detail["kind"])
                self.mode_by_key = bool(detail.get("kind_by_key"))
            self.entry.setPlainText(draft.text)
            self.entry.moveCursor(self.entry.textCursor().MoveOperation.End)
        finally:
            self._restoring = False
        self._show_chips(draft.text)
        self._show_table()
        self._fill_rounds()
        self._show_mode()
        self.show_message(
            "Your unsaved text is back from the draft: press Return to save it.", "warn"
        )

    # -- the entries list ------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self.filter_timer.stop()
        self.model.set_filters(
            Filters(
                round_id=self.filter_round.currentData(),
                table_id=self.filter_table.currentData(),
                kind=self.filter_kind.currentData(),
                card=self.filter_card.currentData(),
                text=self.filter_text.text().strip(),
            )
        )

    def _show_counts(self) -> None:
        model = self.model
        loaded = model.rowCount()
        if model.total is None:
            self.count_label.setText(f"{loaded:,} entries loaded…")
        elif model.matching is None or model.matching == model.total:
            self.count_label.setText(f"{model.total:,} entries")
        else:
            self.count_label.setText(f"{model.matching:,} of {model.total:,} entries")

    def _changed(self, changes: Changes) -> None:
        """Any commit to the event, this panel's own included: the list and wall follow."""
        if not changes.entries_changed:
            return
        for theme in changes.added:
            self.model.theme_saved(theme)
        for theme in changes.edited + changes.deleted + changes.restored + changes.hidden:
            self._theme_changed(theme)
        if changes.entries:
            self.reload_timer.start()  # changed in bulk (an import, a merge): read afresh
        self._schedule_wall()

    def _theme_changed(self, theme: Theme) -> None:
        self.model.theme_changed(theme)
        if theme.id == self.spotlight_id and (theme.hidden or theme.deleted_at):
            self.spotlight_id = None
            self.model.set_spotlight(None)
        self._selection_changed()

    def _selection_changed(self, *_args: Any) -> None:
        theme = self.view.current_theme()
        for button in (self.edit_button, self.delete_button, self.hide_button, self.spot_button):
            button.setEnabled(theme is not None)
        self.hide_button.setChecked(bool(theme and theme.hidden))
        self.spot_button.setChecked(bool(theme and theme.id == self.spotlight_id))

    def _change_failed(self, message: str) -> None:
        self._failures += 1
        self.show_message(f"NOT SAVED — {message}", "error")

    def push(self, command: Any) -> bool:
        """Do a step through the undo stack; False (and a message shown) when it failed."""
        failures = self._failures
        self.undo_stack.push(command)
        return self._failures == failures

    def edit_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(self.model.index(index.row(), EntriesModel.TEXT))

    def _edit_requested(self, theme_id: str, field: str, value: Any) -> None:
        row = self.model.row_of(theme_id)
        theme = self.model.theme_at(row) if row is not None else None
        if theme is None:
            return
        if field == "text":
            if not str(value).strip():
                self.show_message(
                    "Not changed: an entry needs some text (Delete removes it).", "warn"
                )
                return
            changes: dict[str, Any] = {"text": value, "cards": self.index.cards_in(str(value))}
        else:
            changes = {field: value}
        self.push(EditCommand(self.service, theme, **changes))

    def delete_selected(self) -> None:
        theme = self.view.current_theme()
        if theme is None:
            return
        row = self.view.currentIndex().row()
        if self.push(DeleteCommand(self.service, theme)):
            self.show_message(f"Deleted “{one_line(theme.text, 40)}”. Ctrl+Z brings it back.", "ok")
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))

    def toggle_hidden(self) -> None:
        theme = self.view.current_theme()
        if theme is not None:
            self.push(HideCommand(self.service, theme, not theme.hidden))

    def toggle_spotlight(self) -> None:
        theme = self.view.current_theme()
        if theme is None:
            return
        self.set_spotlight(None if theme.id == self.spotlight_id else theme.id, show=True)

    def set_spotlight(self, theme_id: str | None, *, show: bool = False) -> None:
        self.spotlight_id = theme_id
        self.model.set_spotlight(theme_id)
        self.wall_clear_spot.setEnabled(theme_id is not None)
        self._selection_changed()
        if show:
            self.send_wall(live=True)
        else:
            self._schedule_wall()

    # -- the wall --------------------------------------------------------------------------

    def _wall_options_changed(self) -> None:
        self.wall_grouping = str(self.wall_grouping_combo.currentData())
        self.wall_this_round = self.wall_round_only.isChecked()
        self.wall_page = 0
        self._schedule_wall()

    def turn_wall_page(self, step: int) -> None:
        self.wall_page = max(0, self.wall_page + step)
        self._schedule_wall(now=True)

    def _wall_is_live(self) -> bool:
        state = self.controller.projector_state
        return state is not None and isinstance(state.slide, WallSlide)

    def _preview_changed(self, state: Any) -> None:
        self._preview_is_wall = isinstance(getattr(state, "slide", None), WallSlide)

    def _schedule_wall(self, *, now: bool = False) -> None:
        if self._wall_is_live() or self._preview_is_wall:
            if now:
                self._refresh_wall()
            else:
                self.wall_timer.start()

    def _refresh_wall(self) -> None:
        if self._wall_is_live():
            self.send_wall(live=True)
        if self._preview_is_wall:
            self.send_wall(live=False)

    def wall_job(self) -> Any:
        """A job for the reader that builds the wall slide as set now."""
        live = self.controller.live_round
        round_id = live.id if (self.wall_this_round and live is not None) else None
        return wall_job(
            self.controller,
            round_id=round_id,
            title=live.title if round_id is not None and live is not None else DEFAULT_TITLE,
            grouping=self.wall_grouping,
            spotlight_id=self.spotlight_id,
            page=self.wall_page,
        )

    def send_wall(self, *, live: bool) -> None:
        def arrived(slide: Any, error: str | None) -> None:
            if error is not None:
                self.show_message(f"The wall cannot be read: {error}", "error")
                return
            assert isinstance(slide, WallSlide)
            self.wall_page = slide.page
            self.wall_page_label.setText(
                f"page {slide.page + 1} of {slide.pages}"
                if slide.pages > 1
                else f"{slide.total} on the wall"
            )
            self.wall_prev.setEnabled(slide.page > 0)
            self.wall_next.setEnabled(slide.page + 1 < slide.pages)
            self.controller.show(slide, live=live)

        self.reader.submit(self.wall_job(), arrived, key=f"wall-{live}")

    # -- the event changing around us ------------------------------------------------------

    def _deck_changed(self) -> None:
        self.index = TagIndex(self.controller.deck)
        self.entry.set_index(self.index)
        self.model.set_deck(self.controller.deck)
        self._fill_filters()
        self._show_chips(self.entry.text())
        self._schedule_wall()

    def _plan_changed(self) -> None:
        if self.controller.round(self.round_id) is None:
            live = self.controller.live_round
            self.round_id, self.round_pinned = (live.id if live else None), False
        self.model.set_labels(*self._labels())
        self._fill_rounds()
        self._fill_filters()
        self.model.reload()

    def _event_changed(self) -> None:
        self.model.set_labels(*self._labels())
        self._fill_filters()
        self._show_table()

    def shutdown(self) -> None:
        """Keep the draft, finish the saves, stop reading the file (the event is closing)."""
        if self.draft_timer.isActive():
            self.save_draft()
        self.saver.close()
        self.reader.stop()


# -- the tab, and the window it can move to --------------------------------------------------


class CaptureWindow(QWidget):
    """The capture panel on its own, e.g. on a second screen; closing it docks the panel."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Capture — Facilitator")
        self.resize(1100, 700)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        self.closed.emit()


class CaptureTab(QWidget):
    """The Capture tab of the console: holds the panel, or says where it went."""

    def __init__(self, controller: EventController, host: QWidget | None = None) -> None:
        super().__init__()
        self.host = host
        self.panel = CapturePanel(controller, self)
        self.window_: CaptureWindow | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        self.placeholder = QWidget()
        holder = QVBoxLayout(self.placeholder)
        note = _plain_label("The capture panel is in its own window.")
        back = QPushButton("&Bring it back here")
        back.clicked.connect(self.dock)
        holder.addStretch(1)
        holder.addWidget(note, 0, Qt.AlignmentFlag.AlignCenter)
        holder.addWidget(back, 0, Qt.AlignmentFlag.AlignCenter)
        holder.addStretch(1)
        layout.addWidget(self.placeholder)
        self.placeholder.hide()
        self.panel.detach_requested.connect(self.toggle_detached)
        self.panel.leave_requested.connect(self.leave_entry)
        self.theme_shortcut = QShortcut(QKeySequence("Ctrl+T"), host or self)
        self.theme_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.theme_shortcut.activated.connect(self.focus_entry)

    def toggle_detached(self) -> None:
        if self.window_ is None:
            self.detach()
        else:
            self.dock()

    def detach(self) -> None:
        if self.window_ is not None:
            return
        window = CaptureWindow(self)
        layout = window.layout()
        assert layout is not None
        layout.addWidget(self.panel)
        self.panel.detach_button.setText("Back to the &console")
        self.placeholder.show()
        window.closed.connect(self.dock)
        self.window_ = window
        window.show()
        self.panel.entry.setFocus()

    def dock(self) -> None:
        window = self.window_
        if window is None:
            return
        self.window_ = None
        layout = self.layout()
        assert layout is not None
        self.placeholder.hide()
        layout.addWidget(self.panel)
        self.panel.detach_button.setText("Own window")
        self.panel.show()
        window.closed.disconnect(self.dock)
        window.close()
        window.deleteLater()

    def focus_entry(self) -> None:
        """Ctrl+T: the cursor goes to the theme entry, wherever the panel is."""
        if self.window_ is not None:
            self.window_.raise_()
            self.window_.activateWindow()
        else:
            parent = self.parentWidget()
            while parent is not None and not isinstance(parent, QTabWidget):
                parent = parent.parentWidget()
            if parent is not None:
                parent.setCurrentWidget(self)
            self.window().activateWindow()
        self.panel.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def leave_entry(self) -> None:
        """Escape: the keyboard goes back to the console, so the clicker's keys work."""
        target = self.host or self.window()
        target.activateWindow()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
