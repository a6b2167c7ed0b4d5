"""The room's votes in the harvest: each vote with its ballots, and its results ranked."""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from msgspec import Struct

from facilitator.core.deck import Deck
from facilitator.core.harvest_model import UNKNOWN_CARD_COLOUR, CardRef, TallyBar
from facilitator.core.tally import ranked
from facilitator.core.votes import CARD, Ballot, Vote

CHOICE_COLOUR = "#3f5f8f"  # a choice has no suit: one calm colour for every bar


class VoteSource(Protocol):
    def votes(self) -> list[Vote]: ...
    def ballots(self, vote_id: str | None = None) -> list[Ballot]: ...


class HarvestVote(Struct, frozen=True):
    vote: Vote
    ballots: tuple[Ballot, ...]  # one per device, in the order they were (last) cast
    bars: tuple[TallyBar, ...]  # the answers given, most first (cards: in suit colours)


def build_votes(store: VoteSource, deck: Deck) -> tuple[HarvestVote, ...]:
    """Every vote put to the room, oldest first, with its ballots and results."""
    by_vote: dict[str, list[Ballot]] = {}
    for ballot in store.ballots():
        by_vote.setdefault(ballot.vote_id, []).append(ballot)
    return tuple(
        HarvestVote(
            vote, tuple(by_vote.get(vote.id, ())), _bars(vote, by_vote.get(vote.id, ()), deck)
        )
        for vote in store.votes()
    )


def _bars(
    vote: Vote, ballots: list[Ballot] | tuple[Ballot, ...], deck: Deck
) -> tuple[TallyBar, ...]:
    counts = Counter(b.answer for b in ballots)
    if vote.kind == CARD:
        suits = {s.id: s for s in deck.suits}
        cards = {c.id: c for c in deck.cards}
        order = ranked(counts, deck)
        refs = {}
        for key, _n in order:
            card = cards.get(key)
            suit = suits.get(card.suit) if card is not None else None
            refs[key] = (
                CardRef(
                    key,
                    card.title,
                    card.suit,
                    suit.name if suit else "",
                    suit.colour if suit else UNKNOWN_CARD_COLOUR,
                )
                if card is not None
                else CardRef(key, key, "", "", UNKNOWN_CARD_COLOUR, known=False)
            )
        return tuple(TallyBar(refs[k], n, ()) for k, n in order)
    position = {c: i for i, c in enumerate(vote.choices)}
    keys = sorted(counts, key=lambda k: (-counts[k], position.get(k, len(position)), k))
    return tuple(
        TallyBar(CardRef(k, k, "", "", CHOICE_COLOUR, known=False), counts[k], ()) for k in keys
    )
