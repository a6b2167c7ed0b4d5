"""The feedback survey in the harvest: each question with its answers."""

from __future__ import annotations

from typing import Protocol

from msgspec import Struct

from facilitator.core.plan.survey import AskedQuestion, SurveyAnswer


class SurveySource(Protocol):
    def survey_questions(self, *, include_retired: bool = False) -> list[AskedQuestion]: ...
    def survey_answers(self, device: str | None = None) -> list[SurveyAnswer]: ...


class HarvestQuestion(Struct, frozen=True):
    asked: AskedQuestion
    answers: tuple[SurveyAnswer, ...]  # one per phone or paper form, in the order given


def build_survey(store: SurveySource) -> tuple[HarvestQuestion, ...]:
    """The survey's questions in the plan's order (then any taken out of the plan that
    were answered), each with its answers."""
    by_question: dict[str, list[SurveyAnswer]] = {}
    for answer in store.survey_answers():
        by_question.setdefault(answer.question_id, []).append(answer)
    return tuple(
        HarvestQuestion(q, tuple(by_question.get(q.id, ())))
        for q in store.survey_questions(include_retired=True)
    )
