"""Vote questions of a plan: ``[[vote]]`` sections in ``plan.toml``, each a question with
its choices, that the facilitator puts to the delegates' phones from the Room menu.

```toml
[[vote]]
question = "Which theme should the room take forward?"
choices = ["Trust", "Time", "Money"]
```
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec import Struct

from facilitator.core.errors import Problem
from facilitator.core.plan.survey import section_line

VOTE_KEYS = ("question", "choices")
MAX_VOTES = 30
MAX_VOTE_QUESTION = 300  # as the store's room vote
MAX_VOTE_CHOICES = 30
MAX_VOTE_CHOICE = 120


class PlanVote(Struct, frozen=True):
    question: str
    choices: tuple[str, ...]


def parse_votes(
    raw: object, text: str, at: Callable[[int | None], str], problems: list[Problem]
) -> tuple[PlanVote, ...]:
    """The ``[[vote]]`` sections of a plan; each problem goes to ``problems``."""
    if raw is None:
        return ()
    lines = text.splitlines()
    if not isinstance(raw, list):
        problems.append(Problem(at(None), "vote must be [[vote]] sections"))
        return ()
    if len(raw) > MAX_VOTES:
        problems.append(Problem(at(None), f"the plan has {len(raw)} votes (at most {MAX_VOTES})"))
    out: list[PlanVote] = []
    for index, item in enumerate(raw[:MAX_VOTES]):
        before = len(problems)

        def complain(key: str | None, message: str, index: int = index) -> None:
            where = at(section_line(lines, "vote", index, key))
            problems.append(Problem(where, f"vote {index + 1}: {message}"))

        if not isinstance(item, dict):
            complain(None, "must be a [[vote]] section")
            continue
        for key in item:
            if key not in VOTE_KEYS:
                complain(key, f'unknown key "{key}" (expected {", ".join(VOTE_KEYS)})')
        question = item.get("question")
        if not isinstance(question, str) or not question.strip():
            complain("question", "the question is missing")
            question = ""
        elif len(question.strip()) > MAX_VOTE_QUESTION:
            complain("question", f"the question is longer than {MAX_VOTE_QUESTION} characters")
        choices = item.get("choices")
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            complain("choices", 'choices must be a list of text, like ["Yes", "No"]')
            choices = []
        cleaned = tuple(dict.fromkeys(c.strip() for c in choices if c.strip()))
        if len(cleaned) < 2:
            complain("choices", "a vote needs at least two different choices")
        if len(cleaned) > MAX_VOTE_CHOICES or any(len(c) > MAX_VOTE_CHOICE for c in cleaned):
            complain(
                "choices", f"at most {MAX_VOTE_CHOICES} choices of {MAX_VOTE_CHOICE} characters"
            )
        if len(problems) == before:
            out.append(PlanVote(question.strip(), cleaned))
    return tuple(out)
