"""The session plan as values: a plan is a title and a sequence of timed rounds."""

from __future__ import annotations

from msgspec import Struct

from facilitator.core.plan.plan_votes import PlanVote
from facilitator.core.plan.survey import SurveyQuestion

FORMATS = ("tables", "pairs", "trios", "solo", "plenary")

# What a room can sensibly plan; anything beyond is a typo (150 instead of 15), not a plan.
MAX_MINUTES = 480.0
MAX_ROUNDS = 100
MAX_PROMPTS = 10
MAX_CARDS = 60
MAX_TITLE = 200
MAX_PROMPT = 1000
MAX_MOVE = 500
MAX_CARD_ID = 100
MAX_FILE_BYTES = 1_000_000

ROUND_KEYS = ("title", "minutes", "format", "prompts", "cards", "move")
PLAN_KEYS = ("title",)


class Round(Struct, frozen=True):
    title: str
    minutes: float
    format: str = "tables"
    prompts: tuple[str, ...] = ()
    cards: tuple[str, ...] = ()  # ids of deck cards to show during the round
    move: str = ""  # instruction shown at the end, e.g. "Hosts stay, everyone else moves"

    @property
    def seconds(self) -> float:
        return self.minutes * 60.0


class Plan(Struct, frozen=True):
    title: str
    rounds: tuple[Round, ...]
    survey: tuple[SurveyQuestion, ...] = ()  # the feedback survey, asked on the phones
    votes: tuple[PlanVote, ...] = ()  # questions with choices to put to the room's vote

    @property
    def total_minutes(self) -> float:
        return sum(r.minutes for r in self.rounds)
