"""The room's votes in the exports: the report's section (one chart per vote, with its
count of phones), and the json rows (one per device per vote).

The report writers render :class:`RoomVotes` (md and html: ``votes_render``; pdf:
``export/pdf/votes.py``) after the tables' card tally, the tables' picks and the room's
votes never added together.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from facilitator.core.harvest import Harvest, TallyBar
from facilitator.core.votes import CARD

ROOM_VOTES_TITLE = "The room's votes"
NO_BALLOTS = "No phone voted."


class VoteResult(Struct, frozen=True):
    question: str
    detail: str  # "34 phones voted · results hidden until the vote closed"
    bars: tuple[TallyBar, ...]  # most first; none: say ``empty``
    empty: str
    suit_label: str  # the deck's word for a suit, for a card vote's legend; "" otherwise


class RoomVotes(Struct, frozen=True):
    title: str
    votes: tuple[VoteResult, ...]


def room_votes(harvest: Harvest) -> RoomVotes | None:
    """The report's section, or None when no vote was put to the room."""
    if not harvest.votes:
        return None
    results = []
    for item in harvest.votes:
        vote = item.vote
        n = len(item.ballots)
        parts = [f"{n:,} {'phone' if n == 1 else 'phones'} voted"]
        if vote.is_open:
            parts.append("still open at the export")
        if vote.hidden:
            parts.append("results hidden until the vote closed")
        when = harvest.clock(vote.opened_at)
        if when:
            parts.append(f"opened {when}")
        results.append(
            VoteResult(
                question=vote.question,
                detail=" · ".join(parts),
                bars=item.bars,
                empty=NO_BALLOTS,
                suit_label=harvest.deck.suit_label if vote.kind == CARD else "",
            )
        )
    return RoomVotes(ROOM_VOTES_TITLE, tuple(results))


def json_votes(harvest: Harvest) -> dict[str, list[dict[str, Any]]]:
    """``room_votes``: the questions put; ``votes``: one row per device per vote."""
    questions = [
        {
            "id": v.vote.id,
            "question": v.vote.question,
            "kind": v.vote.kind,
            "choices": list(v.vote.choices),
            "round_id": v.vote.round_id,
            "opened_at": v.vote.opened_at,
            "closed_at": v.vote.closed_at,
            "results_hidden_until_closed": v.vote.hidden,
            "changeable": v.vote.changeable,
        }
        for v in harvest.votes
    ]
    answer = {v.vote.id: "card" if v.vote.kind == CARD else "choice" for v in harvest.votes}
    rows = [
        {"vote": b.vote_id, "device": b.device, answer[b.vote_id]: b.answer, "at": b.at}
        for v in harvest.votes
        for b in v.ballots
    ]
    return {"room_votes": questions, "votes": rows}
