"""What a phone sees of the event: the snapshot the page renders, as plain JSON values.

Built from the store and the live state; a device id is never in it (it is what lets a
phone change its own entries), only ``mine`` for the phone asking.
"""

from __future__ import annotations

from typing import Any, Literal

from facilitator.core.plan.survey import AskedQuestion
from facilitator.core.records import KINDS, RoundInfo, TableInfo, Theme
from facilitator.core.room_questions import RoomQuestion
from facilitator.core.votes import CARD, Vote
from facilitator.store.db import EventStore

MAX_ENTRIES = 200


def entry(theme: Theme, device: str | None) -> dict[str, Any]:
    return {
        "id": theme.id,
        "kind": theme.kind,
        "text": theme.text,
        "cards": list(theme.cards),
        "created_at": theme.created_at,
        "mine": bool(device) and theme.origin == "phone" and theme.device == device,
        "deleted": theme.deleted_at is not None,
    }


def running_round(store: EventStore) -> RoundInfo | None:
    """The round started last and not yet ended, if any."""
    running = [r for r in store.rounds() if r.actual_start and not r.actual_end]
    return max(running, key=lambda r: r.actual_start or "", default=None)


def round_value(info: RoundInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {
        "id": info.id,
        "number": info.position + 1,
        "title": info.round.title,
        "prompts": list(info.round.prompts),
    }


CARD_FIELDS = ("id", "title", "suit", "colour")  # what a scribe's page needs of a card


def cards(store: EventStore) -> list[dict[str, str]]:
    """The deck's cards; ``front`` is for the delegates' card votes only."""
    deck = store.deck(images=False)
    suits = {s.id: s for s in deck.suits}
    return [
        {
            "id": c.id,
            "title": c.title,
            "suit": suits[c.suit].name if c.suit in suits else "",
            "colour": suits[c.suit].colour if c.suit in suits else "",
            "front": c.front,
        }
        for c in deck.cards
    ]


def table_entries(store: EventStore, table_id: str) -> list[Theme]:
    """The table's entries, newest first (deleted ones too: their phone may undo)."""
    return store.themes(table_id=table_id, include_deleted=True, limit=MAX_ENTRIES)


def public_round(round_: dict[str, Any] | None) -> dict[str, Any] | None:
    """The live round as phones see it (not its id)."""
    if round_ is None:
        return None
    return {k: round_.get(k) for k in ("number", "title", "prompts")}


def vote_view(
    vote: Vote,
    deck_cards: list[dict[str, str]],
    counts: dict[str, int],
    mine: str | Literal[False] | None = False,
) -> dict[str, Any]:
    """A vote as the delegates' pages show it: its answers (the deck's cards, or its
    choices), how many voted, the results when they may be seen, and for one device
    (``mine`` not False) the answer it gave."""
    if vote.kind == CARD:
        options = deck_cards
    else:
        options = [
            {"id": c, "title": c, "suit": "", "colour": "", "front": ""} for c in vote.choices
        ]
    view: dict[str, Any] = {
        "id": vote.id,
        "question": vote.question,
        "kind": vote.kind,
        "open": vote.is_open,
        "hidden": vote.hidden,
        "changeable": vote.changeable,
        "options": options,
        "total": sum(counts.values()),
        "results": dict(counts) if vote.results_shown else None,
    }
    if mine is not False:
        view["mine"] = mine
    return view


def survey_view(
    questions: list[AskedQuestion], open_: bool, mine: dict[str, str] | None
) -> dict[str, Any]:
    """The feedback survey as the phones show it: its questions when it is open, and for
    one device (``mine`` given) the answers it gave."""
    view: dict[str, Any] = {
        "open": open_ and bool(questions),
        "questions": [
            {
                "id": q.id,
                "question": q.question.question,
                "kind": q.question.kind,
                "choices": list(q.question.choices),
            }
            for q in questions
        ]
        if open_
        else [],
    }
    if mine is not None:
        view["mine"] = mine
    return view


def questions_view(
    approved: list[RoomQuestion], mine: list[RoomQuestion] | None, upvoted: set[str] | None
) -> dict[str, Any]:
    """Questions to the room: the approved ones, most up-voted first; for one device
    (``mine`` given) its own questions with where they stand, and what it up-voted."""
    ranked = sorted(approved, key=lambda q: (-q.upvotes, q.created_at, q.id))
    view: dict[str, Any] = {
        "approved": [{"id": q.id, "text": q.text, "upvotes": q.upvotes} for q in ranked],
    }
    if mine is not None:
        view["mine"] = [{"id": q.id, "text": q.text, "status": q.status} for q in mine]
        view["upvoted"] = sorted(upvoted or ())
    return view


def delegate_snapshot(
    *,
    title: str,
    round_: dict[str, Any] | None,
    vote: dict[str, Any] | None,
    survey: dict[str, Any],
    questions: dict[str, Any],
    harvest: bool = False,
) -> dict[str, Any]:
    """What every delegate's page shows: the event, the live round and its prompts, the
    vote open now (or the last one, with its results), the survey when it is open, and
    whether the harvest so far is published (its link: the join link and /harvest)."""
    return {
        "event": {"title": title},
        "round": public_round(round_),
        "vote": vote,
        "survey": survey,
        "questions": questions,
        "harvest": harvest,
    }


def snapshot(
    *,
    title: str,
    table: TableInfo,
    round_: dict[str, Any] | None,
    deck_cards: list[dict[str, str]],
    themes: list[Theme],
    device: str | None,
) -> dict[str, Any]:
    shown = [t for t in themes if t.deleted_at is None or (device and t.device == device)]
    return {
        "event": {"title": title},
        "table": {"number": table.number, "name": table.name},
        "round": public_round(round_),
        "kinds": list(KINDS),
        "cards": [{k: c[k] for k in CARD_FIELDS} for c in deck_cards],
        "entries": [entry(t, device) for t in shown],
    }
