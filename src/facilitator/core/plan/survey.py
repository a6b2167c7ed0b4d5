"""The feedback survey of a plan: ``[[survey]]`` questions in ``plan.toml``.

```toml
[[survey]]
question = "How useful was today for your work?"
kind = "rating"          # rating (1 to 5) | choice | text
choices = []             # a choice question's answers
```
Delegates answer it on their phones when the facilitator opens it; a scribe may type
paper answers in on the laptop.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from msgspec import Struct

from facilitator.core.errors import Problem

RATING = "rating"  # 1 to 5
CHOICE = "choice"
TEXT = "text"
SURVEY_KINDS = (RATING, CHOICE, TEXT)
RATINGS = (1, 2, 3, 4, 5)
SURVEY_KEYS = ("question", "kind", "choices")
MAX_QUESTIONS = 30
MAX_QUESTION = 300
MAX_CHOICES = 20
MAX_CHOICE = 120
MAX_ANSWER = 2_000  # a free-text answer, as a phone's entry


class SurveyQuestion(Struct, frozen=True):
    question: str
    kind: str = RATING
    choices: tuple[str, ...] = ()


class AskedQuestion(Struct, frozen=True):
    """A survey question as the event file keeps it: with the id its answers point at."""

    id: str
    position: int
    question: SurveyQuestion


class SurveyAnswer(Struct, frozen=True):
    """One device's answer to one question (a paper answer: device "paper-…", laptop)."""

    question_id: str
    device: str
    answer: str
    at: str
    origin: str  # phone | laptop


_HEADER = re.compile(r"^\s*\[")


def section_line(text_lines: list[str], section: str, index: int, key: str | None) -> int | None:
    """The line of the ``index``-th ``[[section]]`` (or of its ``key``), 1-based."""
    header = re.compile(rf"^\s*\[\[\s*{re.escape(section)}\s*\]\]")
    starts = [i for i, ln in enumerate(text_lines) if header.match(ln)]
    if index >= len(starts):
        return None
    start = starts[index]
    if key is not None:
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for i in range(start + 1, len(text_lines)):
            if _HEADER.match(text_lines[i]):
                break
            if pattern.match(text_lines[i]):
                return i + 1
    return start + 1


def parse_survey(
    raw: object, text: str, at: Callable[[int | None], str], problems: list[Problem]
) -> tuple[SurveyQuestion, ...]:
    """The ``[[survey]]`` sections of a plan; each problem goes to ``problems``."""
    if raw is None:
        return ()
    lines = text.splitlines()
    if not isinstance(raw, list):
        problems.append(Problem(at(None), "survey must be [[survey]] sections"))
        return ()
    if len(raw) > MAX_QUESTIONS:
        problems.append(
            Problem(at(None), f"the survey has {len(raw)} questions (at most {MAX_QUESTIONS})")
        )
    out: list[SurveyQuestion] = []
    for index, item in enumerate(raw[:MAX_QUESTIONS]):
        before = len(problems)

        def complain(key: str | None, message: str, index: int = index) -> None:
            where = at(section_line(lines, "survey", index, key))
            problems.append(Problem(where, f"survey question {index + 1}: {message}"))

        if not isinstance(item, dict):
            complain(None, "must be a [[survey]] section")
            continue
        for key in item:
            if key not in SURVEY_KEYS:
                complain(key, f'unknown key "{key}" (expected {", ".join(SURVEY_KEYS)})')
        question = item.get("question")
        if not isinstance(question, str) or not question.strip():
            complain("question", "the question is missing")
            question = ""
        elif len(question.strip()) > MAX_QUESTION:
            complain("question", f"the question is longer than {MAX_QUESTION} characters")
        kind = item.get("kind", RATING)
        if kind not in SURVEY_KINDS:
            complain("kind", f'unknown kind "{kind}" (expected {", ".join(SURVEY_KINDS)})')
        choices = item.get("choices", [])
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            complain("choices", 'choices must be a list of text, like ["Yes", "No"]')
            choices = []
        cleaned = tuple(dict.fromkeys(c.strip() for c in choices if c.strip()))
        if kind == CHOICE and len(cleaned) < 2:
            complain("choices", "a choice question needs at least two different choices")
        elif kind != CHOICE and cleaned:
            complain("choices", f"only a choice question has choices, not a {kind} question")
        if len(cleaned) > MAX_CHOICES or any(len(c) > MAX_CHOICE for c in cleaned):
            complain("choices", f"at most {MAX_CHOICES} choices of {MAX_CHOICE} characters")
        if len(problems) == before:
            out.append(SurveyQuestion(question.strip(), str(kind), cleaned))
    return tuple(out)


def check_answer(question: SurveyQuestion, answer: object) -> str:
    """An answer as stored (text), or ValueError saying why it cannot be one."""
    if question.kind == RATING:
        value = str(answer).strip() if isinstance(answer, int | str) else ""
        if isinstance(answer, bool) or value not in {str(r) for r in RATINGS}:
            raise ValueError("a rating is a whole number from 1 to 5")
        return value
    if not isinstance(answer, str):
        raise ValueError("the answer must be text")
    if question.kind == CHOICE:
        if answer not in question.choices:
            raise ValueError("that is not one of the question's choices")
        return answer
    text = answer.strip()
    if not text:
        raise ValueError("the answer is empty")
    if len(text) > MAX_ANSWER:
        raise ValueError(f"an answer may hold at most {MAX_ANSWER:,} characters")
    return text
