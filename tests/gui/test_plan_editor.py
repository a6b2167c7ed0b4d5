"""The plan editor: rounds and the feedback survey edited in the console land in the event
file, and plan.toml files go in and out unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from facilitator.core.plan import bundled_plans, load_plan
from facilitator.core.plan.survey import CHOICE, TEXT, SurveyQuestion
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.plan_editor import PlanEditor
from gui.writes import add_theme, landed


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


def titles(controller: EventController) -> list[str]:
    return [r.title for r in controller.store.plan().rounds]


def saved_titles(qtbot: QtBot, controller: EventController) -> list[str]:
    """The titles in the file, once the editor's saves have landed (the writer thread)."""
    landed(qtbot, controller)
    return titles(controller)


def test_a_template_loaded_and_saved_round_trips(
    qtbot: QtBot, editor: PlanEditor, controller: EventController, tmp_path: Path
) -> None:
    source = bundled_plans()["world-cafe"]
    editor.load_file(source)
    landed(qtbot, controller)
    assert controller.store.plan() == load_plan(source)
    assert editor.rounds.count() == len(load_plan(source).rounds)
    out = tmp_path / "plan.toml"
    assert editor.save_file(out)
    assert load_plan(out) == load_plan(source)


def test_editing_a_round_is_saved_in_the_event(
    qtbot: QtBot, editor: PlanEditor, controller: EventController
) -> None:
    editor.rounds.setCurrentRow(1)
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Opening conversation")
    editor.minutes.setValue(12)
    editor.format.setCurrentIndex(editor.format.findData("pairs"))
    editor.prompts.setPlainText("First question?\n\n  Second question?  ")
    editor.move_text.setText("Swap partners")
    editor.move_text.textEdited.emit("Swap partners")
    editor.cards.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: controller.store.plan().rounds[1].title == "Opening conversation")
    saved = controller.store.plan().rounds[1]
    assert (saved.minutes, saved.format, saved.prompts, saved.move) == (
        12,
        "pairs",
        ("First question?", "Second question?"),
        "Swap partners",
    )
    assert saved.cards == (controller.deck.cards[0].id,)
    assert editor.rounds.item(1).text() == "2. Opening conversation — 12 min, In pairs"


def test_add_duplicate_delete_and_move_rounds(
    qtbot: QtBot, editor: PlanEditor, controller: EventController
) -> None:
    before = titles(controller)
    editor.rounds.setCurrentRow(0)
    editor.add_round()
    assert saved_titles(qtbot, controller) == [before[0], "Round 7", *before[1:]]
    editor.duplicate_round()
    assert saved_titles(qtbot, controller)[1:3] == ["Round 7", "Round 7"]
    editor.delete_round()
    editor.rounds.setCurrentRow(1)
    editor.delete_round()
    assert saved_titles(qtbot, controller) == before
    editor.rounds.setCurrentRow(0)
    editor.rounds.setFocus()
    qtbot.keyClick(editor.rounds, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert saved_titles(qtbot, controller)[:2] == [before[1], before[0]]
    assert editor.rounds.currentRow() == 1
    qtbot.keyClick(editor.rounds, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert saved_titles(qtbot, controller) == before


def test_dragging_a_round_reorders_the_plan(
    qtbot: QtBot, editor: PlanEditor, controller: EventController
) -> None:
    before = titles(controller)
    editor.rounds.setCurrentRow(0)
    moved = editor.rounds.model().moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert moved
    qtbot.waitUntil(lambda: titles(controller)[2] == before[0])
    assert titles(controller) == [before[1], before[2], before[0], *before[3:]]


def test_the_last_round_cannot_be_deleted_and_a_blank_title_is_not_saved(
    qtbot: QtBot, editor: PlanEditor, controller: EventController
) -> None:
    while editor.rounds.count() > 1:
        editor.delete_round()
    assert not editor.delete_button.isEnabled()
    editor.delete_round()
    landed(qtbot, controller)
    assert len(controller.store.plan().rounds) == 1
    editor.title.clear()
    editor.title.textEdited.emit("")
    assert not editor.save_now()
    assert "Round 1 needs a title" in editor.message.text()
    landed(qtbot, controller)
    assert controller.store.plan().rounds[0].title != ""


def test_a_bad_plan_file_is_refused_with_its_line(
    editor: PlanEditor, controller: EventController, tmp_path: Path
) -> None:
    before = controller.store.plan()
    bad = tmp_path / "plan.toml"
    bad.write_text('[plan]\ntitle = "X"\n[[round]]\ntitle = "A"\nminutes = -5\n', encoding="utf-8")
    editor.load_file(bad)
    assert 'plan.toml:5: round 1 "A": minutes must be a positive number' in editor.message.text()
    assert controller.store.plan() == before


def test_a_plan_changed_elsewhere_shows_in_the_editor(
    qtbot: QtBot, editor: PlanEditor, controller: EventController
) -> None:
    plan = load_plan(bundled_plans()["one-two-four-all"])
    controller.replace_plan(plan)
    landed(qtbot, controller)
    assert editor.rounds.count() == 4
    assert editor.plan_title.text() == "1-2-4-All"


def test_moving_a_round_keeps_the_themes_typed_in_it(
    qtbot: QtBot, editor: PlanEditor, controller: EventController
) -> None:
    second = controller.rounds[1]
    theme = add_theme(
        qtbot, controller, "said in the second round", table_id=None, round_id=second.id
    )
    editor.rounds.setCurrentRow(1)
    qtbot.keyClick(editor.rounds, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert saved_titles(qtbot, controller)[0] == second.title
    assert controller.rounds[0].id == second.id
    assert controller.store.theme(theme.id).round_id == controller.rounds[0].id


# -- the Feedback survey tab ---------------------------------------------------------------


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
