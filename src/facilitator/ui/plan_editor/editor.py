"""The Plan tab: the plan's title and rounds, each round's form, saved as it is edited."""

from __future__ import annotations

from functools import partial

from msgspec.structs import replace
from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.changes import Changes
from facilitator.core.plan import (
    FORMATS,
    MAX_MINUTES,
    MAX_ROUNDS,
    Plan,
    Round,
    SurveyQuestion,
    bundled_plans,
    check_plan_cards,
)
from facilitator.store.base import new_id
from facilitator.ui.controller import EventController
from facilitator.ui.plan_editor.plan_files import PlanFiles
from facilitator.ui.plan_editor.round_list import RoundList
from facilitator.ui.plan_editor.round_moves import RoundMoves
from facilitator.ui.plan_editor.survey_editor import SurveyEditor
from facilitator.ui.views.round import format_label

SAVE_DELAY_MS = 400  # typing pauses this long before the plan is saved


def _minutes_text(minutes: float) -> str:
    return f"{minutes:g} min"


class PlanEditor(RoundMoves, PlanFiles, QWidget):
    """Add, reorder (drag or Alt+Up/Down), duplicate and delete rounds; edit each round."""

    def __init__(self, controller: EventController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.plan: Plan = controller.plan
        # the event's id of each round in the editor (None: not saved yet), kept in step
        # with self.plan.rounds so a moved round keeps its themes
        self.round_ids: list[str | None] = [r.id for r in controller.rounds]
        self._saves_pending = 0  # saves submitted to the writer, not yet landed
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)

        self.plan_title = QLineEdit()
        self.plan_title.setPlaceholderText("The plan's title")
        self.plan_title.textEdited.connect(self._plan_title_edited)
        self.total_label = QLabel()
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)

        self.rounds = RoundList()
        self.rounds.setAccessibleName("Rounds of the plan")
        self.rounds.currentRowChanged.connect(self._show_round)
        self.rounds.reordered.connect(self._reorder)
        self.add_button = QPushButton("&Add round")
        self.add_button.clicked.connect(self.add_round)
        self.duplicate_button = QPushButton("D&uplicate")
        self.duplicate_button.clicked.connect(self.duplicate_round)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.clicked.connect(self.delete_round)
        self.up_button = QPushButton("Move up")
        self.up_button.setToolTip("Alt+Up")
        self.up_button.clicked.connect(lambda: self.move_round(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.setToolTip("Alt+Down")
        self.down_button.clicked.connect(lambda: self.move_round(+1))
        for keys, slot in (
            ("Alt+Up", lambda: self.move_round(-1)),
            ("Alt+Down", lambda: self.move_round(+1)),
            ("Ctrl+D", self.duplicate_round),
            ("Insert", self.add_round),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.rounds)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_round)

        self.title = QLineEdit()
        self.title.textEdited.connect(self._round_edited)
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(0.5, MAX_MINUTES)
        self.minutes.setDecimals(1)
        self.minutes.setSingleStep(1.0)
        self.minutes.setSuffix(" min")
        self.minutes.valueChanged.connect(self._round_edited)
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(f"{format_label(fmt)} ({fmt})", fmt)
        self.format.currentIndexChanged.connect(self._round_edited)
        self.prompts = QPlainTextEdit()
        self.prompts.setPlaceholderText("One prompt question per line")
        self.prompts.setTabChangesFocus(True)
        self.prompts.textChanged.connect(self._round_edited)
        self.cards = QListWidget()
        self.cards.itemChanged.connect(self._round_edited)
        self.move_text = QLineEdit()
        self.move_text.setPlaceholderText('e.g. "Hosts stay, everyone else moves to a new table"')
        self.move_text.textEdited.connect(self._round_edited)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        load_button = QToolButton()
        load_button.setText("&Load plan")
        load_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        load_menu = QMenu(load_button)
        for name, path in bundled_plans().items():
            load_menu.addAction(f"Template: {name}", partial(self.load_file, path))
        load_menu.addSeparator()
        load_menu.addAction("From a plan.toml file…", self.choose_and_load)
        load_button.setMenu(load_menu)
        save_button = QPushButton("Save as plan.toml…")
        save_button.clicked.connect(self.choose_and_save)

        head = QFormLayout()
        head.addRow("Plan &title:", self.plan_title)
        files = QHBoxLayout()
        files.addWidget(self.total_label, 1)
        files.addWidget(load_button)
        files.addWidget(save_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Rounds (drag to reorder)"))
        left_layout.addWidget(self.rounds, 1)
        row1 = QHBoxLayout()
        row1.addWidget(self.add_button)
        row1.addWidget(self.duplicate_button)
        row1.addWidget(self.delete_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.up_button)
        row2.addWidget(self.down_button)
        left_layout.addLayout(row1)
        left_layout.addLayout(row2)

        self.form_widget = QWidget()
        form = QFormLayout(self.form_widget)
        form.addRow("Round t&itle:", self.title)
        form.addRow("&Minutes:", self.minutes)
        form.addRow("&Format:", self.format)
        form.addRow("&Prompts:", self.prompts)
        form.addRow("&Cards to show:", self.cards)
        form.addRow("Mo&ve at the end:", self.move_text)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form_widget)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(files)
        self.survey = SurveyEditor()
        self.survey.edited.connect(self._survey_edited)
        parts = QTabWidget()
        parts.setAccessibleName("Parts of the plan")
        parts.addTab(splitter, "Rounds")
        parts.addTab(self.survey, "Feedback survey")
        layout.addWidget(parts, 1)
        layout.addWidget(self.message)

        controller.plan_changed.connect(self._plan_changed_elsewhere)
        controller.deck_changed.connect(lambda: self._show_round(self.rounds.currentRow()))
        self._fill(select=0)

    # -- showing ---------------------------------------------------------------------------

    def _fill(self, select: int) -> None:
        with QSignalBlocker(self.rounds), QSignalBlocker(self.plan_title):
            if self.plan_title.text() != self.plan.title:
                self.plan_title.setText(self.plan.title)
            self.rounds.clear()
            for index, r in enumerate(self.plan.rounds):
                item = QListWidgetItem(self._item_text(index, r))
                item.setData(Qt.ItemDataRole.UserRole, index)
                self.rounds.addItem(item)
        count = len(self.plan.rounds)
        select = max(0, min(select, count - 1))
        self.rounds.setCurrentRow(select if count else -1)
        self._show_round(select if count else -1)
        self.total_label.setText(f"{count} rounds, {self.plan.total_minutes:g} minutes in all")
        self.survey.show_survey(self.plan.survey)
        self.delete_button.setEnabled(count > 1)
        self.add_button.setEnabled(count < MAX_ROUNDS)
        self.duplicate_button.setEnabled(0 < count < MAX_ROUNDS)

    @staticmethod
    def _item_text(index: int, r: Round) -> str:
        return f"{index + 1}. {r.title} — {_minutes_text(r.minutes)}, {format_label(r.format)}"

    def _show_round(self, row: int) -> None:
        has = 0 <= row < len(self.plan.rounds)
        self.form_widget.setEnabled(has)
        r = self.plan.rounds[row] if has else Round("", 15)
        widgets = (self.title, self.minutes, self.format, self.prompts, self.cards, self.move_text)
        blockers = [QSignalBlocker(w) for w in widgets]
        self.title.setText(r.title)
        self.minutes.setValue(r.minutes)
        self.format.setCurrentIndex(max(0, self.format.findData(r.format)))
        self.prompts.setPlainText("\n".join(r.prompts))
        self.move_text.setText(r.move)
        self._fill_cards(r.cards)
        for blocker in blockers:
            blocker.unblock()
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.plan.rounds) - 1)

    def _fill_cards(self, chosen: tuple[str, ...]) -> None:
        self.cards.clear()
        deck = self.controller.deck
        known = set()
        for card in deck.cards:
            known.add(card.id)
            try:
                suit = deck.suit(card.suit).name
            except KeyError:
                suit = card.suit
            item = QListWidgetItem(f"{card.title} ({suit})")
            item.setData(Qt.ItemDataRole.UserRole, card.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if card.id in chosen else Qt.CheckState.Unchecked
            )
            self.cards.addItem(item)
        for card_id in chosen:
            if card_id not in known:  # kept, not silently dropped, and shown as such
                item = QListWidgetItem(f'"{card_id}" (not in this deck)')
                item.setData(Qt.ItemDataRole.UserRole, card_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.cards.addItem(item)

    # -- editing ---------------------------------------------------------------------------

    def _current_round_from_form(self) -> Round:
        prompts = tuple(
            line.strip() for line in self.prompts.toPlainText().splitlines() if line.strip()
        )
        cards = tuple(
            str(self.cards.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.cards.count())
            if self.cards.item(i).checkState() == Qt.CheckState.Checked
        )
        return Round(
            title=self.title.text().strip(),
            minutes=self.minutes.value(),
            format=str(self.format.currentData()),
            prompts=prompts,
            cards=cards,
            move=self.move_text.text().strip(),
        )

    def _round_edited(self, *_args: object) -> None:
        row = self.rounds.currentRow()
        if not 0 <= row < len(self.plan.rounds):
            return
        edited = self._current_round_from_form()
        rounds = list(self.plan.rounds)
        rounds[row] = edited
        self.plan = replace(self.plan, rounds=tuple(rounds))
        item = self.rounds.item(row)
        if item is not None:
            item.setText(self._item_text(row, edited))
        self.total_label.setText(
            f"{len(rounds)} rounds, {self.plan.total_minutes:g} minutes in all"
        )
        self._save_soon()

    def _survey_edited(self, survey: tuple[SurveyQuestion, ...]) -> None:
        self.plan = replace(self.plan, survey=survey)
        self._save_soon()

    def _plan_title_edited(self, text: str) -> None:
        self.plan = replace(self.plan, title=text.strip())
        self._save_soon()

    # -- saving ----------------------------------------------------------------------------

    def _save_soon(self) -> None:
        self._save_timer.start()

    def problems(self) -> list[str]:
        out = []
        if not self.plan.title.strip():
            out.append("The plan needs a title.")
        for index, r in enumerate(self.plan.rounds):
            if not r.title:
                out.append(f"Round {index + 1} needs a title.")
        out += self.survey.problems()
        out += [str(p) for p in check_plan_cards(self.plan, self.controller.deck)]
        return out

    def save_now(self) -> bool:
        """Save the plan into the event file (on the writer thread; the message says when it
        landed); False (with the reason shown) if it cannot be saved."""
        self._save_timer.stop()
        problems = self.problems()
        blocking = [p for p in problems if "not in the deck" not in p]
        if blocking:
            self.message.setText("Not saved yet: " + " ".join(blocking))
            return False
        if self.plan == self.controller.plan and not self._saves_pending:
            self.message.setText("\n".join(problems))
            return True
        # a new round gets its id now, so a later save (before this one lands) keeps it
        self.round_ids = [round_id or new_id() for round_id in self.round_ids]
        self._saves_pending += 1

        def saved(changes: Changes | None, error: BaseException | None) -> None:
            self._saves_pending -= 1
            if error is not None:
                self.message.setText(f"Not saved: {error}")
            elif not self._saves_pending:
                self.message.setText("\n".join(problems) or "Saved in the event.")

        self.message.setText("Saving…")
        self.controller.replace_plan(self.plan, list(self.round_ids), saved)
        return True

    def _plan_changed_elsewhere(self) -> None:
        if self._saves_pending:
            return  # a save of this editor is on its way: the newest plan is this one
        self._save_timer.stop()
        self.plan = self.controller.plan
        self.round_ids = [r.id for r in self.controller.rounds]
        self._fill(self.rounds.currentRow())
