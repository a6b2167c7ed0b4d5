"""Questions to the room in the exports: the report lists the approved ones, most
up-voted first (what was never approved stays out of anything published); the json keeps
every question with where it stood."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from facilitator.core.harvest import Harvest
from facilitator.core.room_questions import APPROVED

QUESTIONS_TITLE = "Questions from the room"
QUESTIONS_NOTE = "Asked on the delegates' phones and approved by the facilitator."


class QuestionItem(Struct, frozen=True):
    text: str
    upvotes: int


class RoomQuestions(Struct, frozen=True):
    title: str
    note: str
    questions: tuple[QuestionItem, ...]


def room_questions_section(harvest: Harvest) -> RoomQuestions | None:
    approved = [q for q in harvest.room_questions if q.status == APPROVED]
    if not approved:
        return None
    ranked = sorted(approved, key=lambda q: (-q.upvotes, q.created_at))
    items = tuple(QuestionItem(q.text, q.upvotes) for q in ranked)
    return RoomQuestions(QUESTIONS_TITLE, QUESTIONS_NOTE, items)


def json_room_questions(harvest: Harvest) -> dict[str, list[dict[str, Any]]]:
    return {
        "room_questions": [
            {
                "id": q.id,
                "text": q.text,
                "status": q.status,
                "upvotes": q.upvotes,
                "created_at": q.created_at,
                "moderated_at": q.moderated_at,
            }
            for q in harvest.room_questions
        ]
    }


def upvotes_text(n: int) -> str:
    return f"{n:,} {'up-vote' if n == 1 else 'up-votes'}"
