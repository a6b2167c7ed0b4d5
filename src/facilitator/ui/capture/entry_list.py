"""The capture panel's entries list: its filters, counts and buttons, kept in step with
every commit to the event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.changes import Changes
from facilitator.core.records import KIND_LABELS, KINDS, Theme
from facilitator.ui.capture.labels import plain_label
from facilitator.ui.controller import EventController
from facilitator.ui.deferred import clear_button_after_first_paint
from facilitator.ui.entries import BackgroundReader, EntriesModel, EntriesView, Filters
from facilitator.ui.entries.view import larger

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    _Widget = QWidget
else:
    _Widget = object


class EntryList(_Widget):
    """The right-hand side of the capture panel: filters, the list, its buttons."""

    if TYPE_CHECKING:
        controller: EventController
        reader: BackgroundReader
        undo_stack: QUndoStack
        filter_timer: QTimer
        reload_timer: QTimer
        spotlight_id: str | None

        def _selection_changed(self, *_args: Any) -> None: ...

    def _build_list(self) -> QWidget:
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
        self.filter_text.setAccessibleName("Find text in the entries")
        clear_button_after_first_paint(self.filter_text)
        for control in (
            self.filter_round, self.filter_table, self.filter_kind, self.filter_card,
            self.filter_text,
        ):  # fmt: skip
            control.setFont(larger(control.font()))  # read at a glance, as the titles
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
        self.count_label = plain_label("Loading entries…")
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
        return right

    def _labels(self) -> tuple[dict[str, str], dict[str, str]]:
        tables = {t.id: t.label for t in self.controller.tables}
        rounds = {r.id: str(r.position + 1) for r in self.controller.rounds}  # titles: filter
        return tables, rounds

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
        """Any commit to the event, this panel's own included: the list follows (and the
        wall: its owner, controller.wall, hears the same signal)."""
        if not changes.entries_changed:
            return
        for theme in changes.added:
            self.model.theme_saved(theme)
        for theme in changes.edited + changes.deleted + changes.restored + changes.hidden:
            self._theme_changed(theme)
        if changes.entries:
            self.reload_timer.start()  # changed in bulk (an import, a merge): read afresh

    def _theme_changed(self, theme: Theme) -> None:
        self.model.theme_changed(theme)
        if theme.id == self.spotlight_id and (theme.hidden or theme.deleted_at):
            self.spotlight_id = None
            self.model.set_spotlight(None)
        self._selection_changed()
