"""The dot vote's controls under the grouping board: the dots each person has, at most on
one group, hidden or not until it closes; lock the groups and open it, close it, show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from facilitator.core.changes import GROUPING, Changes
from facilitator.core.groups import DEFAULT_BUDGET, DEFAULT_PER_GROUP, MAX_BUDGET
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.grouping.dots_screen import DotsScreen
from facilitator.ui.grouping.steps import BoardData, error_text


def _spin(value: int, label: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, MAX_BUDGET)
    spin.setValue(value)
    spin.setAccessibleName(label)
    return spin


class DotControls(QWidget):
    def __init__(
        self,
        controller: EventController,
        screen: DotsScreen,
        round_id: Callable[[], str | None],
        say: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.service = controller.service
        self.dots_screen = screen
        self.round_id = round_id
        self.say = say
        self.vote_id: str | None = None
        self.budget = _spin(DEFAULT_BUDGET, "Dots for each person")
        self.per_group = _spin(DEFAULT_PER_GROUP, "At most on one group")
        self.hidden = QCheckBox("Hide the dots until the vote closes")
        self.open_button = QPushButton("Lock the groups and open the dot vote")
        self.close_button = QPushButton("Close the dot vote")
        self.show_button = QPushButton("Show the dot vote on the projector")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            ("Dots each:", self.budget),
            ("At most on one group:", self.per_group),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        for control in (self.hidden, self.open_button, self.close_button, self.show_button):
            layout.addWidget(control)
        layout.addWidget(self.status, 1)
        self.open_button.clicked.connect(self.open_vote)
        self.close_button.clicked.connect(self.close_vote)
        self.show_button.clicked.connect(screen.show)
        self.hidden.toggled.connect(self._hidden_changed)
        screen.failed.connect(say)

    def sync(self, data: BoardData) -> None:
        vote = data.vote
        self.vote_id = vote.id if vote is not None else None
        is_open = vote is not None and vote.is_open
        for spin in (self.budget, self.per_group):
            spin.setEnabled(vote is None)
        self.open_button.setEnabled(vote is None)
        self.close_button.setEnabled(is_open)
        self.show_button.setEnabled(vote is not None)
        self.hidden.blockSignals(True)
        if vote is not None:
            self.budget.setValue(vote.budget)
            self.per_group.setValue(vote.per_group)
            self.hidden.setChecked(vote.hidden)
        self.hidden.setEnabled(vote is None or is_open)
        self.hidden.blockSignals(False)
        people = "person has" if data.voters == 1 else "people have"
        if vote is None:
            self.status.setText("")
        elif is_open:
            self.status.setText(f"Dot vote open: {data.voters} {people} placed dots")
        else:
            self.status.setText(f"Dot vote closed: {data.voters} {people} placed dots")

    def open_vote(self) -> None:
        if self.per_group.value() > self.budget.value():
            self.say("At most on one group cannot be more than the dots each person has.")
            return
        round_id, budget, per_group = self.round_id(), self.budget.value(), self.per_group.value()
        hidden = self.hidden.isChecked()

        def op(store: EventStore) -> Changes:
            return ops.open_dot_vote(
                store,
                round_id,
                budget=budget,
                per_group=per_group,
                hidden=hidden,
                origin=GROUPING,
            )

        self.service.submit(op, self._opened)

    def _opened(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            self.say(error_text(error))
            return
        self.say("The groups are locked and the dot vote is open.")
        self.dots_screen.show()

    def close_vote(self) -> None:
        vote_id = self.vote_id
        if vote_id is None:
            return
        self.service.submit(lambda s: ops.close_dot_vote(s, vote_id, origin=GROUPING), self._closed)

    def _closed(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            self.say(error_text(error))
            return
        self.say("The dot vote is closed.")
        self.dots_screen.show()

    def _hidden_changed(self, hidden: bool) -> None:
        vote_id = self.vote_id
        if vote_id is not None:
            self.service.submit(lambda s: ops.set_dots_hidden(s, vote_id, hidden, origin=GROUPING))
