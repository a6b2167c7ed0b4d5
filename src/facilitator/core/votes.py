"""The room's votes: a question put to every delegate's phone, and the ballots cast.

The built-in kind asks "Which card struck a chord?" with the deck's cards as the answers;
a vote may also ask a question with its own choices. One ballot per device per vote (the
event file enforces it); a ballot may change until the vote closes, unless the vote says
otherwise, and the results may stay hidden until it closes (against groupthink).
"""

from __future__ import annotations

from msgspec import Struct

CARD = "card"  # the answers are the deck's cards
CHOICE = "choice"  # the answers are the vote's own choices
VOTE_KINDS = (CARD, CHOICE)
CARD_QUESTION = "Which card struck a chord?"


class Vote(Struct, frozen=True):
    id: str
    question: str
    kind: str  # card | choice
    opened_at: str
    choices: tuple[str, ...] = ()  # a choice vote's answers, in order
    round_id: str | None = None
    closed_at: str | None = None
    hidden: bool = False  # results hidden until the vote closes
    changeable: bool = True  # a ballot may change until the vote closes

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def results_shown(self) -> bool:
        return not (self.hidden and self.is_open)


class Ballot(Struct, frozen=True):
    """One device's answer to one vote: a card key (a card vote) or a choice."""

    vote_id: str
    device: str
    answer: str
    at: str


class VoteClosed(Exception):
    """A ballot came for a vote that is closed (or no longer in the file)."""


class VoteLocked(Exception):
    """A device that voted asked to change its ballot in a vote that allows no change."""
