"""The feedback survey in plan.toml: read, checked line by line, written back equal."""

from __future__ import annotations

import pytest

from facilitator.core.errors import InputError
from facilitator.core.plan import bundled_plans, load_plan, parse_plan, plan_to_toml
from facilitator.core.plan.survey import CHOICE, RATING, TEXT, SurveyQuestion, check_answer

HEAD = '[plan]\ntitle = "T"\n[[round]]\ntitle = "R"\nminutes = 1\n'


def test_a_survey_reads_and_writes_back_equal() -> None:
    plan = parse_plan(
        HEAD
        + '[[survey]]\nquestion = "Useful?"\n'
        + '[[survey]]\nquestion = "Again?"\nkind = "choice"\nchoices = ["Yes", "No", "Yes"]\n'
        + '[[survey]]\nquestion = "Ideas?"\nkind = "text"\n'
    )
    assert plan.survey == (
        SurveyQuestion("Useful?", RATING),
        SurveyQuestion("Again?", CHOICE, ("Yes", "No")),
        SurveyQuestion("Ideas?", TEXT),
    )
    assert parse_plan(plan_to_toml(plan)) == plan


def test_the_learning_event_plan_has_a_survey() -> None:
    plan = load_plan(bundled_plans()["learning-event"])
    kinds = {q.kind for q in plan.survey}
    assert kinds == {RATING, CHOICE, TEXT}


@pytest.mark.parametrize(
    ("survey", "message"),
    [
        (
            '[[survey]]\nkind = "rating"\n',
            "plan.toml:6: survey question 1: the question is missing",
        ),
        (
            '[[survey]]\nquestion = "Q"\nkind = "stars"\n',
            'plan.toml:8: survey question 1: unknown kind "stars"',
        ),
        (
            '[[survey]]\nquestion = "Q"\nkind = "choice"\nchoices = ["Only"]\n',
            "plan.toml:9: survey question 1: a choice question needs at least two",
        ),
        (
            '[[survey]]\nquestion = "Q"\nchoices = ["A", "B"]\n',
            "plan.toml:8: survey question 1: only a choice question has choices",
        ),
        ('[[survey]]\nquestion = "Q"\ncolour = 1\n', 'survey question 1: unknown key "colour"'),
    ],
)
def test_a_bad_survey_is_named_at_its_line(survey: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_plan(HEAD + survey)
    assert message in str(caught.value)


def test_a_survey_that_is_not_sections_is_refused() -> None:
    with pytest.raises(InputError, match=r"survey must be \[\[survey\]\] sections"):
        parse_plan('survey = "Q"\n' + HEAD)


@pytest.mark.parametrize(
    ("question", "answer", "stored"),
    [
        (SurveyQuestion("Q", RATING), 5, "5"),
        (SurveyQuestion("Q", RATING), "1", "1"),
        (SurveyQuestion("Q", CHOICE, ("Yes", "No")), "No", "No"),
        (SurveyQuestion("Q", TEXT), "  more breaks  ", "more breaks"),
    ],
)
def test_good_answers_are_kept_as_text(
    question: SurveyQuestion, answer: object, stored: str
) -> None:
    assert check_answer(question, answer) == stored


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (SurveyQuestion("Q", RATING), 6),
        (SurveyQuestion("Q", RATING), 0),
        (SurveyQuestion("Q", RATING), True),
        (SurveyQuestion("Q", RATING), "4.5"),
        (SurveyQuestion("Q", RATING), None),
        (SurveyQuestion("Q", CHOICE, ("Yes", "No")), "Maybe"),
        (SurveyQuestion("Q", TEXT), "   "),
        (SurveyQuestion("Q", TEXT), "x" * 2001),
        (SurveyQuestion("Q", TEXT), 3),
    ],
)
def test_answers_out_of_range_are_refused(question: SurveyQuestion, answer: object) -> None:
    with pytest.raises(ValueError):
        check_answer(question, answer)


def test_vote_questions_read_and_write_back_equal() -> None:
    from facilitator.core.plan.plan_votes import PlanVote

    plan = parse_plan(
        HEAD + '[[vote]]\nquestion = "Next?"\nchoices = ["Self", "System", "Self", " "]\n'
    )
    assert plan.votes == (PlanVote("Next?", ("Self", "System")),)
    assert parse_plan(plan_to_toml(plan)) == plan
    assert load_plan(bundled_plans()["learning-event"]).votes


@pytest.mark.parametrize(
    ("vote", "message"),
    [
        ('[[vote]]\nchoices = ["A", "B"]\n', "plan.toml:6: vote 1: the question is missing"),
        (
            '[[vote]]\nquestion = "Q"\nchoices = ["A"]\n',
            "plan.toml:8: vote 1: a vote needs at least two",
        ),
        ('[[vote]]\nquestion = "Q"\n', "vote 1: choices must be a list of text"),
        ('[[vote]]\nquestion = "Q"\nchoices = ["A", "B"]\nhidden = true\n', 'unknown key "hidden"'),
    ],
)
def test_a_bad_vote_question_is_named_at_its_line(vote: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_plan(HEAD + vote)
    assert message in str(caught.value)


def test_the_plans_vote_questions_are_kept_in_the_event_file(event_path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.db import EventStore

    plan = load_plan(bundled_plans()["learning-event"])
    with EventStore.open(event_path) as store:
        store.replace_plan(plan)
        assert store.plan().votes == plan.votes
