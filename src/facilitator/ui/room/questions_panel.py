"""The Questions tab: delegates' questions to the room wait here for the facilitator, who
approves them (on the projector and every phone), hides them, or bans the phone that sent
them. Nothing a delegate typed reaches the projector without approval. Every step is a store
operation on the writer thread."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.changes import ROOM, Changes
from facilitator.core.projector_state import QuestionsSlide
from facilitator.core.room_questions import APPROVED, HIDDEN, WAITING, RoomQuestion
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController

ID = Qt.ItemDataRole.UserRole


def _moderate(store: EventStore, *, question_id: str, status: str) -> Changes:
    return ops.moderate_question(store, question_id, status, origin=ROOM)[1]


def _ban(store: EventStore, *, device: str) -> Changes:
    return ops.ban_device(store, device, origin=ROOM)


class QuestionsPanel(QWidget):
    def __init__(self, controller: EventController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.questions: dict[str, RoomQuestion] = {}
        self.waiting = QListWidget()
        self.waiting.setAccessibleName("Questions waiting for you")
        self.waiting.setWordWrap(True)
        self.approved = QListWidget()
        self.approved.setAccessibleName("Approved questions")
        self.approved.setWordWrap(True)
        self.approve_button = QPushButton("&Approve")
        self.approve_button.setToolTip("On the projector's questions and every phone")
        self.approve_button.clicked.connect(lambda: self._set(self.waiting, APPROVED))
        self.hide_button = QPushButton("&Hide")
        self.hide_button.clicked.connect(lambda: self._set(self.waiting, HIDDEN))
        self.ban_button = QPushButton("&Ban this phone…")
        self.ban_button.clicked.connect(self.ban)
        self.take_down_button = QPushButton("&Take down")
        self.take_down_button.clicked.connect(lambda: self._set(self.approved, HIDDEN))
        self.show_button = QPushButton("&Show the questions on the projector")
        self.show_button.clicked.connect(self.show_on_projector)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        waiting_buttons = QHBoxLayout()
        for button in (self.approve_button, self.hide_button, self.ban_button):
            waiting_buttons.addWidget(button)
        approved_buttons = QHBoxLayout()
        approved_buttons.addWidget(self.take_down_button)
        approved_buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Waiting for you (not on the projector until approved):"))
        layout.addWidget(self.waiting, 1)
        layout.addLayout(waiting_buttons)
        layout.addWidget(QLabel("Approved: on the projector's questions and every phone"))
        layout.addWidget(self.approved, 1)
        layout.addLayout(approved_buttons)
        layout.addWidget(self.status)
        controller.service.changed.connect(self._changed)
        self.waiting.itemSelectionChanged.connect(self._buttons)
        self.approved.itemSelectionChanged.connect(self._buttons)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.questions:
            self.refresh()

    def refresh(self) -> None:
        found = self.controller.store.room_questions()
        self.questions = {q.id: q for q in found}
        self._fill(self.waiting, [q for q in found if q.status == WAITING], votes=False)
        ranked = sorted(
            (q for q in found if q.status == APPROVED), key=lambda q: (-q.upvotes, q.created_at)
        )
        self._fill(self.approved, ranked, votes=True)
        self._buttons()

    def _fill(self, view: QListWidget, questions: list[RoomQuestion], *, votes: bool) -> None:
        chosen = {i.data(ID) for i in view.selectedItems()}
        view.clear()
        for q in questions:
            item = QListWidgetItem(f"▲ {q.upvotes}   {q.text}" if votes else q.text)
            item.setData(ID, q.id)
            view.addItem(item)
            item.setSelected(q.id in chosen)
        if view.currentRow() < 0 and view.count() and not votes:
            view.setCurrentRow(0)

    def _buttons(self) -> None:
        waiting = bool(self.waiting.selectedItems())
        for button in (self.approve_button, self.hide_button, self.ban_button):
            button.setEnabled(waiting)
        self.take_down_button.setEnabled(bool(self.approved.selectedItems()))

    def _chosen(self, view: QListWidget) -> RoomQuestion | None:
        items = view.selectedItems()
        return self.questions.get(str(items[0].data(ID))) if items else None

    def _set(self, view: QListWidget, status: str) -> None:
        question = self._chosen(view)
        if question is None:
            return
        operation = partial(_moderate, question_id=question.id, status=status)
        self.controller.service.submit(operation, entry=False)

    def ban(self) -> None:
        question = self._chosen(self.waiting)
        if question is None:
            return
        answer = QMessageBox.question(
            self,
            "Ban this phone",
            "Nothing more from the phone that sent this question will reach the room (its "
            "questions, votes, survey answers); its waiting questions are hidden. Ban it?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.service.submit(partial(_ban, device=question.device), entry=False)
            self.status.setText("The phone is banned: nothing more from it reaches the room.")

    def show_on_projector(self) -> None:
        self.controller.show(QuestionsSlide(()))  # the live control fills in the questions
