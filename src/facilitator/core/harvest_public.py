"""The harvest as delegates may take it home: what the room was shown, never more.

:class:`PublicSource` stands between an open event file and :func:`build_harvest`, so
every part of the report (rounds, quotes, most tagged cards, groups, summary) is built
from the same filtered records:

- entries hidden on the laptop are left out (the full export keeps them);
- questions to the room: only the approved ones;
- a vote whose results are still hidden (open, "results hidden until it closes"), and a
  dot vote still open, are left out with their ballots, as the phones do not show them;
- the survey's free-text questions are left out with their answers: a delegate's
  feedback to the organisers is unmoderated text, never published to the room (ratings
  and choices stay, as counts).
"""

from __future__ import annotations

from typing import Any

from facilitator.core.groups import DotVote
from facilitator.core.harvest import HarvestSource
from facilitator.core.plan.survey import TEXT, AskedQuestion, SurveyAnswer
from facilitator.core.records import Theme
from facilitator.core.room_questions import APPROVED, RoomQuestion
from facilitator.core.votes import Ballot, Vote


class PublicSource:
    """A :class:`HarvestSource` showing only what may be published to the room."""

    def __init__(self, store: HarvestSource) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:  # event, deck, plan, rounds, tables, picks...
        return getattr(self._store, name)

    def themes(self) -> list[Theme]:
        return [t for t in self._store.themes() if not t.hidden]

    def room_questions(self, status: str | None = None) -> list[RoomQuestion]:
        return self._store.room_questions(APPROVED) if status in (None, APPROVED) else []

    def votes(self) -> list[Vote]:
        return [v for v in self._store.votes() if v.results_shown]

    def ballots(self, vote_id: str | None = None) -> list[Ballot]:
        shown = {v.id for v in self.votes()}
        return [b for b in self._store.ballots(vote_id) if b.vote_id in shown]

    def dot_votes(self) -> list[DotVote]:
        return [v for v in self._store.dot_votes() if not v.is_open]

    def survey_questions(self, *, include_retired: bool = False) -> list[AskedQuestion]:
        asked = self._store.survey_questions(include_retired=include_retired)
        return [q for q in asked if q.question.kind != TEXT]

    def survey_answers(self, device: str | None = None) -> list[SurveyAnswer]:
        shown = {q.id for q in self.survey_questions(include_retired=True)}
        return [a for a in self._store.survey_answers(device) if a.question_id in shown]
