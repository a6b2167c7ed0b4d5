"""The feedback survey from the console: Shift+F8 opens and closes it on the phones, and
paper answers typed in the dialog are saved like a phone's, one paper at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
from PySide6.QtCore import Qt

from facilitator.core.settings import SURVEY_OPEN
from facilitator.store.db import EventStore
from facilitator.ui.room.paper_survey import PaperSurveyDialog
from gui.test_room_panel import open_console


def test_shift_f8_opens_and_closes_the_survey(qtbot, show_console: Any, event_path: Path) -> None:
    console = open_console(show_console, event_path)
    store = console.controller.store
    assert store.survey_questions(), "the demo plan has a survey"
    console.room.open()
    qtbot.keyClick(console, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: SURVEY_OPEN.read(store) is True)
    qtbot.waitUntil(lambda: "survey is open on every phone" in console.statusBar().currentMessage())
    assert console.room.survey_action.isChecked()
    qtbot.keyClick(console, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: SURVEY_OPEN.read(store) is False)
    assert not console.room.survey_action.isChecked()


def test_a_plan_without_a_survey_says_so(qtbot, show_console: Any, event_path: Path) -> None:
    with EventStore.open(event_path) as store:
        store.replace_plan(msgspec.structs.replace(store.plan(), survey=()))
    console = open_console(show_console, event_path)
    qtbot.keyClick(console, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "has no survey" in console.statusBar().currentMessage())
    assert SURVEY_OPEN.read(console.controller.store) is False


def test_paper_answers_are_saved_one_form_at_a_time(
    qtbot, show_console: Any, event_path: Path
) -> None:
    console = open_console(show_console, event_path)
    dialog = PaperSurveyDialog(console.controller, console)
    qtbot.addWidget(dialog)
    rating, _second, choice, text = dialog.answers
    dialog.save()
    assert "Nothing to save" in dialog.status.text()
    rating.group.button(4).setChecked(True)
    choice.combo.setCurrentIndex(2)
    text.text.setPlainText("=SUM(A1) <b>more breaks</b>")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved == 1)
    assert rating.value() == "" and text.value() == ""  # cleared for the next paper
    rating.group.button(2).setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved == 2)
    assert dialog.status.text() == "Saved: 2 paper forms typed in."
    answers = console.controller.store.survey_answers()
    assert {a.origin for a in answers} == {"laptop"}
    assert len({a.device for a in answers}) == 2 and all(
        a.device.startswith("paper-") for a in answers
    )
    assert sorted(a.answer for a in answers) == sorted(
        ["4", choice.asked.question.choices[1], "=SUM(A1) <b>more breaks</b>", "2"]
    )
