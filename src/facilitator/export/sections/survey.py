"""The feedback survey in the exports: the report's section (each rating as a chart with
its count and average, each choice as a chart, the free texts listed) and the json."""

from __future__ import annotations

from collections import Counter
from typing import Any

from msgspec import Struct

from facilitator.core.harvest import Harvest, TallyBar
from facilitator.core.harvest_model import CardRef
from facilitator.core.harvest_votes import CHOICE_COLOUR
from facilitator.core.plan.survey import CHOICE, RATING, RATINGS, TEXT
from facilitator.store.survey import RETIRED

SURVEY_TITLE = "Feedback survey"
NO_ANSWERS = "No answers."


class SurveyResult(Struct, frozen=True):
    question: str
    detail: str  # "12 answers · average 4.2 out of 5"
    bars: tuple[TallyBar, ...]  # a rating's 1 to 5, or a choice's answers; none for text
    texts: tuple[str, ...]  # a free-text question's answers, in the order given
    empty: str


class SurveySection(Struct, frozen=True):
    title: str
    results: tuple[SurveyResult, ...]


def _bar(label: str, count: int) -> TallyBar:
    return TallyBar(CardRef(label, label, "", "", CHOICE_COLOUR, known=False), count, ())


def survey_section(harvest: Harvest) -> SurveySection | None:
    """The report's section, or None when the plan has no survey and none was answered."""
    if not harvest.survey:
        return None
    results = []
    for item in harvest.survey:
        q = item.asked.question
        values = [a.answer for a in item.answers]
        n = len(values)
        detail = f"{n:,} {'answer' if n == 1 else 'answers'}"
        bars: tuple[TallyBar, ...] = ()
        texts: tuple[str, ...] = ()
        counts = Counter(values)
        if q.kind == RATING and n:
            average = sum(int(v) for v in values) / n
            detail += f" · average {average:.1f} out of 5"
            bars = tuple(_bar(str(r), counts.get(str(r), 0)) for r in RATINGS)
        elif q.kind == CHOICE and n:
            bars = tuple(_bar(c, counts.get(c, 0)) for c in q.choices)
        elif q.kind == TEXT:
            texts = tuple(values)
        results.append(SurveyResult(q.question, detail, bars, texts, NO_ANSWERS))
    return SurveySection(SURVEY_TITLE, tuple(results))


def json_survey(harvest: Harvest) -> dict[str, Any]:
    """``survey``: the questions, and one response per phone (or paper form) per question."""
    return {
        "survey": {
            "questions": [
                {
                    "id": item.asked.id,
                    "question": item.asked.question.question,
                    "kind": item.asked.question.kind,
                    "choices": list(item.asked.question.choices),
                    "in_plan": item.asked.position < RETIRED,
                }
                for item in harvest.survey
            ],
            "responses": [
                {
                    "question": a.question_id,
                    "device": a.device,
                    "answer": a.answer,
                    "at": a.at,
                    "origin": a.origin,
                }
                for item in harvest.survey
                for a in item.answers
            ],
        }
    }
