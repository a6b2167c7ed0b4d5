"""The scribe's panel: type what a table says, Return saves it; the list of entries beside it;
the theme wall's controls. It can leave the console for a window of its own.

Nothing typed is lost: saves run on the writer's thread (saving.py); an entry
waits in the pending list until it is committed, a failed one stays there apart, with the
reason in words, and is tried again; what is being typed is kept as a draft in the event
file (debounced) so a crash or a kill gives it back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.capture import PICK, TagIndex, repeats
from facilitator.core.records import Theme
from facilitator.store.db import EventStore
from facilitator.ui.capture.drafts import Drafts
from facilitator.ui.capture.entry_actions import EntryActions
from facilitator.ui.capture.entry_box import EntryEdit, TagChips
from facilitator.ui.capture.entry_list import EntryList
from facilitator.ui.capture.kinds import MODE_LABELS, MODES, KindChoice
from facilitator.ui.capture.labels import plain_label
from facilitator.ui.capture.rounds import RoundChoice
from facilitator.ui.capture.saving import CaptureSaver
from facilitator.ui.capture.table_field import TableField, TableStepping
from facilitator.ui.capture.wall_controls import WallControls
from facilitator.ui.controller import EventController
from facilitator.ui.entries import BackgroundReader
from facilitator.ui.fitting import FittingSplitter
from facilitator.ui.looks import CHECKED_STYLE, MUTED_STYLE, alarm_style, ink, warn_style
from facilitator.ui.pending import PendingBox, PendingEntry

DRAFT_DELAY_MS = 300
FILTER_DELAY_MS = 250
WALL_DELAY_MS = 150


class CapturePanel(
    TableStepping,
    RoundChoice,
    KindChoice,
    TagChips,
    Drafts,
    EntryList,
    EntryActions,
    WallControls,
    QWidget,
):
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
        self.spotlight_id: str | None = None
        self.last_saved: Theme | None = None
        self._restoring = False

        self._build()
        self.saver = CaptureSaver(self, controller.service, self.pending_box)
        self._connect()
        self._restore_draft()
        self.model.reload()

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
        up.setAccessibleName("Previous table")
        up.clicked.connect(lambda: self.step_table(-1))
        down = QToolButton()
        down.setArrowType(Qt.ArrowType.DownArrow)
        down.setToolTip("Next table (Ctrl+Down)")
        down.setAccessibleName("Next table")
        down.clicked.connect(lambda: self.step_table(1))
        for b in (up, down):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            steps.addWidget(b)
        self.table_name = plain_label()
        self.table_name.setStyleSheet(MUTED_STYLE)
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
        self.round_hint = plain_label()
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
            button.setStyleSheet(CHECKED_STYLE)
            button.setToolTip(f"{MODE_LABELS[mode]} (Ctrl+{number})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.kind_group.addButton(button, number)
            self.kind_buttons[mode] = button
            kind_row.addWidget(button)
        self.kind_buttons["theme"].setChecked(True)
        left_layout.addLayout(kind_row)
        self.kind_hint = plain_label("Ctrl+1…5 sets the kind; quotation marks make a quote.")
        self.kind_hint.setStyleSheet(MUTED_STYLE)
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

        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.message.fontMetrics().height() * 2 + 8)
        self.message.setAccessibleName("Capture message")
        left_layout.addWidget(self.message)
        self.pending_box = PendingBox()
        left_layout.addWidget(self.pending_box)

        left_layout.addWidget(self._build_wall_box())

        right = self._build_list()

        splitter = FittingSplitter()  # the list below the entry on a narrow screen
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
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(WALL_DELAY_MS)

        for watched in (self.entry, self.table_field, self.round_combo):
            watched.installEventFilter(self)

    # -- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        c = self.controller
        c.live_round_changed.connect(self._live_round_changed)
        c.changed.connect(self._changed)
        c.deck_changed.connect(self._deck_changed)
        c.plan_changed.connect(self._plan_changed)
        c.event_changed.connect(self._event_changed)
        c.wall.shown.connect(self._wall_shown)
        c.wall.failed.connect(lambda m: self.show_message(m, "error"))
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

    # -- saving ----------------------------------------------------------------------------

    def show_message(self, text: str, level: str = "ok") -> None:
        styles = {
            "ok": f"color: {ink('ok')};",
            "warn": warn_style(),
            "error": alarm_style() + " font-weight: bold;",
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

    # -- the event changing around us ------------------------------------------------------

    def _deck_changed(self) -> None:
        self.index = TagIndex(self.controller.deck)
        self.entry.set_index(self.index)
        self.model.set_deck(self.controller.deck)
        self._fill_filters()
        self._show_chips(self.entry.text())

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
