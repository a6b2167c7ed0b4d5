"""Survey answers from paper: a scribe types one paper form at a time on the laptop.

Each form is one "device" (``paper-…``), so a paper counts once per question like a phone;
its answers are saved through the event service on the writer thread, origin laptop.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.changes import ROOM, Changes
from facilitator.core.plan.survey import CHOICE, RATING, RATINGS, AskedQuestion
from facilitator.store import operations as ops
from facilitator.store.base import new_id
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController

NOT_ANSWERED = "(not answered)"


class Answer:
    """One question's field in the form, and what was put in it ("" for nothing)."""

    def __init__(self, asked: AskedQuestion) -> None:
        self.asked = asked
        kind = asked.question.kind
        self.widget: QWidget
        if kind == RATING:
            self.widget = QWidget()
            row = QHBoxLayout(self.widget)
            row.setContentsMargins(0, 0, 0, 0)
            self.group = QButtonGroup(self.widget)
            for value in RATINGS:
                button = QRadioButton(str(value))
                self.group.addButton(button, value)
                row.addWidget(button)
            row.addStretch(1)
        elif kind == CHOICE:
            self.combo = QComboBox()
            self.combo.addItems([NOT_ANSWERED, *asked.question.choices])
            self.widget = self.combo
        else:
            self.text = QPlainTextEdit()
            self.text.setTabChangesFocus(True)
            self.text.setFixedHeight(70)
            self.widget = self.text

    def value(self) -> str:
        kind = self.asked.question.kind
        if kind == RATING:
            checked = self.group.checkedId()
            return str(checked) if checked > 0 else ""
        if kind == CHOICE:
            return self.combo.currentText() if self.combo.currentIndex() > 0 else ""
        return self.text.toPlainText().strip()

    def clear(self) -> None:
        kind = self.asked.question.kind
        if kind == RATING:
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
        elif kind == CHOICE:
            self.combo.setCurrentIndex(0)
        else:
            self.text.clear()


class PaperSurveyDialog(QDialog):
    """One paper form at a time: Save this paper, the form clears for the next."""

    def __init__(self, controller: EventController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Survey answers from paper")
        self.saved = 0
        self.answers = [Answer(q) for q in controller.store.survey_questions()]
        form = QFormLayout()
        for answer in self.answers:
            label = QLabel(answer.asked.question.question)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            form.addRow(label, answer.widget)
        self.status = QLabel("Type one paper form, then Save this paper.")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton("&Save this paper")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def save(self) -> None:
        given = [(a.asked.id, a.value()) for a in self.answers if a.value()]
        if not given:
            self.status.setText("Nothing to save: this form has no answer yet.")
            return
        paper = f"paper-{new_id()}"
        self.controller.service.submit(
            partial(_save_paper, paper=paper, given=given), self._saved, entry=False
        )
        for answer in self.answers:
            answer.clear()

    def _saved(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            self.status.setText(f"That paper was not saved: {error}")
            return
        self.saved += 1
        n = self.saved
        self.status.setText(f"Saved: {n} paper {'form' if n == 1 else 'forms'} typed in.")


def _save_paper(store: EventStore, *, paper: str, given: list[tuple[str, str]]) -> Changes:
    """Each answer of one paper form (one transaction per answer, as a phone's)."""
    for question_id, value in given:
        ops.answer_survey(store, question_id, paper, value, origin=ROOM)
    return Changes(survey=True, origin=ROOM)
