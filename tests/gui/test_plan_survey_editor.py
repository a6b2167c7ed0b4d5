"""The plan editor's Feedback survey tab: questions added, edited and deleted land in the
event file; a choice question without two choices is not saved, and says why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from facilitator.core.plan import bundled_plans, load_plan
from facilitator.core.plan.survey import CHOICE, TEXT, SurveyQuestion
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.plan_editor import PlanEditor
from gui.writes import landed


@pytest.fixture
def controller(event_path: Path) -> Iterator[EventController]:
    ctl = EventController(EventStore.open(event_path))
    yield ctl
    ctl.close()


@pytest.fixture
def editor(qtbot: QtBot, controller: EventController) -> PlanEditor:
    widget = PlanEditor(controller)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_learning_event_survey_is_shown_and_round_trips(
    qtbot: QtBot, editor: PlanEditor, controller: EventController, tmp_path: Path
) -> None:
    source = bundled_plans()["learning-event"]
    editor.load_file(source)
    landed(qtbot, controller)
    assert editor.survey.questions.count() == len(load_plan(source).survey)
    out = tmp_path / "plan.toml"
    assert editor.save_file(out)
    assert load_plan(out).survey == load_plan(source).survey


def test_questions_are_added_edited_and_deleted(
    qtbot: QtBot, editor: PlanEditor, controller: EventController
) -> None:
    before = len(controller.plan.survey)
    survey = editor.survey
    survey.add_question()
    qtbot.keyClicks(survey.question, "Would you come back?")
    survey.kind.setCurrentIndex(survey.kind.findData(CHOICE))
    survey.choices.setPlainText("Yes")
    editor.save_now()
    assert "needs at least two choices" in editor.message.text()
    survey.choices.setPlainText("Yes\nNo\n")
    qtbot.waitUntil(lambda: len(controller.store.plan().survey) == before + 1)
    assert controller.store.plan().survey[-1] == SurveyQuestion(
        "Would you come back?", CHOICE, ("Yes", "No")
    )
    survey.kind.setCurrentIndex(survey.kind.findData(TEXT))
    qtbot.waitUntil(lambda: controller.store.plan().survey[-1].kind == TEXT)
    assert controller.store.plan().survey[-1].choices == ()
    survey.questions.setCurrentRow(0)
    survey.delete_question()
    qtbot.waitUntil(lambda: len(controller.store.plan().survey) == before)
