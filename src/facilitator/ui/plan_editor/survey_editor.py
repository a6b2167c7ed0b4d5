"""The plan editor's Survey tab: the feedback survey's questions, each a rating (1 to 5), a
choice or free text, asked on the delegates' phones at the end."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.plan.survey import (
    CHOICE,
    MAX_QUESTION,
    MAX_QUESTIONS,
    RATING,
    TEXT,
    SurveyQuestion,
)

KIND_LABELS = {RATING: "Rating, 1 to 5", CHOICE: "Choice", TEXT: "Free text"}


class SurveyEditor(QWidget):
    edited = Signal(object)  # tuple[SurveyQuestion, ...]: the survey as it is now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.survey: tuple[SurveyQuestion, ...] = ()
        self.questions = QListWidget()
        self.questions.setAccessibleName("The survey's questions")
        self.questions.currentRowChanged.connect(self._show)
        self.add_button = QPushButton("&Add question")
        self.add_button.clicked.connect(self.add_question)
        self.delete_button = QPushButton("&Delete question")
        self.delete_button.clicked.connect(self.delete_question)
        self.question = QLineEdit()
        self.question.setMaxLength(MAX_QUESTION)
        self.question.setPlaceholderText("e.g. How useful was today for your work?")
        self.question.textEdited.connect(self._edited)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(self._edited)
        self.choices = QPlainTextEdit()
        self.choices.setPlaceholderText("One choice per line (at least two)")
        self.choices.setTabChangesFocus(True)
        self.choices.textChanged.connect(self._edited)
        note = QLabel(
            "Asked on the delegates' phones when you open the survey (Shift+F8); answers "
            "on paper can be typed in from the Room menu."
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        self.form_widget = QWidget()
        form = QFormLayout(self.form_widget)
        form.addRow("&Question:", self.question)
        form.addRow("&Kind:", self.kind)
        form.addRow("C&hoices:", self.choices)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.questions, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.form_widget)
        self.show_survey(())

    def show_survey(self, survey: tuple[SurveyQuestion, ...], select: int | None = None) -> None:
        row = self.questions.currentRow() if select is None else select
        self.survey = survey
        with QSignalBlocker(self.questions):
            self.questions.clear()
            for index, q in enumerate(survey):
                self.questions.addItem(self._item_text(index, q))
        row = max(0, min(row, len(survey) - 1))
        self.questions.setCurrentRow(row if survey else -1)
        self._show(row if survey else -1)
        self.add_button.setEnabled(len(survey) < MAX_QUESTIONS)
        self.delete_button.setEnabled(bool(survey))

    @staticmethod
    def _item_text(index: int, q: SurveyQuestion) -> str:
        return f"{index + 1}. {q.question or '(no question yet)'} — {KIND_LABELS[q.kind]}"

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self.survey)
        self.form_widget.setEnabled(has)
        q = self.survey[row] if has else SurveyQuestion("")
        with QSignalBlocker(self.question), QSignalBlocker(self.kind), QSignalBlocker(self.choices):
            self.question.setText(q.question)
            self.kind.setCurrentIndex(max(0, self.kind.findData(q.kind)))
            self.choices.setPlainText("\n".join(q.choices))
        self.choices.setEnabled(has and q.kind == CHOICE)

    def _edited(self, *_args: object) -> None:
        row = self.questions.currentRow()
        if not 0 <= row < len(self.survey):
            return
        kind = str(self.kind.currentData())
        lines = self.choices.toPlainText().splitlines()
        choices = tuple(dict.fromkeys(c.strip() for c in lines if c.strip()))
        edited = SurveyQuestion(
            self.question.text().strip(), kind, choices if kind == CHOICE else ()
        )
        self.choices.setEnabled(kind == CHOICE)
        survey = list(self.survey)
        survey[row] = edited
        self.survey = tuple(survey)
        item = self.questions.item(row)
        if item is not None:
            item.setText(self._item_text(row, edited))
        self.edited.emit(self.survey)

    def add_question(self) -> None:
        if len(self.survey) >= MAX_QUESTIONS:
            return
        self.show_survey((*self.survey, SurveyQuestion("")), select=len(self.survey))
        self.question.setFocus()
        self.edited.emit(self.survey)

    def delete_question(self) -> None:
        row = self.questions.currentRow()
        if 0 <= row < len(self.survey):
            self.show_survey(self.survey[:row] + self.survey[row + 1 :], select=row)
            self.edited.emit(self.survey)

    def problems(self) -> list[str]:
        out = []
        for index, q in enumerate(self.survey, start=1):
            if not q.question:
                out.append(f"Survey question {index} needs its question.")
            if q.kind == CHOICE and len(q.choices) < 2:
                out.append(f"Survey question {index} needs at least two choices.")
        return out
