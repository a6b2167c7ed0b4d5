"""The feedback survey from the console: Shift+F8 (and the Room menu) opens it on every
delegate's phone and closes it; answers on paper are typed in through a dialog. Every step
is a store operation on the writer thread."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal

from facilitator.core.changes import ROOM, Changes
from facilitator.core.settings import SURVEY_OPEN
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.keys import BINDINGS
from facilitator.ui.room.control import RoomControl

NO_SURVEY = "The plan has no survey: add its questions in the plan editor (Survey)."


class RoomSurvey(QObject):
    said = Signal(str)  # a sentence for the status bar

    def __init__(self, control: RoomControl, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = control
        self.controller = control.controller

    def is_open(self) -> bool:
        return bool(SURVEY_OPEN.read(self.controller.store))

    def toggle(self) -> None:
        if self.is_open():
            self._set(False)
        elif not self.controller.store.survey_questions():
            self.said.emit(NO_SURVEY)
        else:
            self._set(True)

    def _set(self, value: bool) -> None:
        operation = partial(_set_open, value=value)
        self.controller.service.submit(operation, partial(self._done, value=value), entry=False)

    def _done(self, changes: Changes | None, error: BaseException | None, *, value: bool) -> None:
        if error is not None:
            self.said.emit(f"The survey did not change: {error}")
            return
        key = BINDINGS["survey"].key
        if value and not self.control.is_open:
            self.said.emit(
                f"The survey is open, but the room network is closed: open it (F9) for the "
                f"phones, or type paper answers in (Room menu). {key} closes the survey."
            )
        elif value:
            self.said.emit(f"The feedback survey is open on every phone: {key} closes it.")
        else:
            self.said.emit("The feedback survey is closed.")


def _set_open(store: EventStore, *, value: bool) -> Changes:
    return ops.set_setting(store, SURVEY_OPEN.key, value, origin=ROOM)
