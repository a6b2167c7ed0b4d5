"""The run: the show items the clicker steps through, built from the plan and the deck."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date as Date

import msgspec
from msgspec import Struct

from facilitator.core.clock import format_seconds
from facilitator.core.deck import Card, Deck
from facilitator.core.harvest_votes import CHOICE_COLOUR
from facilitator.core.plan import Plan
from facilitator.core.projector_state import (
    CardSlide,
    ClockFace,
    HoldingSlide,
    RoomTally,
    RoundSlide,
    Slide,
    TallyBar,
    TallySlide,
    WallSlide,
    WelcomeSlide,
)
from facilitator.core.tally import tally as ranked_tally
from facilitator.core.votes import CARD_QUESTION, Vote

WELCOME = "welcome"
WALL = "wall"
TALLY = "tally"
HOLDING = "holding"


class ShowItem(Struct, frozen=True):
    """One step of the run: a stable key (kept across rebuilds), a label, and its slide."""

    key: str
    label: str
    slide: Slide
    round_index: int | None = None  # the plan round this item belongs to


def slide_kind(slide: Slide) -> str:
    """``RoundSlide`` -> ``"round"``: the word the timeline and the console use."""
    return type(slide).__name__.removesuffix("Slide").lower()


def ready_face(minutes: float) -> ClockFace:
    """The clock of a round that has not started: its full time, a full disc."""
    return ClockFace(text=format_seconds(round(minutes * 60)), fraction_left=1.0)


def human_date(iso: str) -> str:
    """``2025-03-14`` -> ``14 March 2025``; anything else is shown as typed."""
    try:
        day = Date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def round_key(index: int) -> str:
    return f"round:{index}"


def card_key(index: int | None, card_id: str, back: bool) -> str:
    return f"card:{'' if index is None else index}:{card_id}:{'back' if back else 'front'}"


def card_items(deck: Deck, card: Card, index: int | None) -> tuple[ShowItem, ShowItem]:
    """A card's front and its questions, as two steps."""
    suit = next((s for s in deck.suits if s.id == card.suit), None) or next(iter(deck.suits))
    front = CardSlide(card=card, suit=suit, suit_label=deck.suit_label, levels=deck.levels)
    return (
        ShowItem(card_key(index, card.id, False), card.title, front, index),
        ShowItem(
            card_key(index, card.id, True),
            f"{card.title} — questions",
            msgspec.structs.replace(front, back=True),
            index,
        ),
    )


def build_run(
    *,
    title: str,
    plan: Plan,
    deck: Deck,
    venue: str = "",
    date: str = "",
    wall: WallSlide | None = None,
    tally: TallySlide | None = None,
    holding: HoldingSlide | None = None,
) -> tuple[ShowItem, ...]:
    """The event's run of show, in the order the clicker steps through it."""
    items = [
        ShowItem(WELCOME, "Welcome", WelcomeSlide(title=title, venue=venue, date=human_date(date)))
    ]
    count = len(plan.rounds)
    for i, rnd in enumerate(plan.rounds):
        slide = RoundSlide(
            title=rnd.title,
            prompts=rnd.prompts,
            format=rnd.format,
            clock=ready_face(rnd.minutes),
            move=rnd.move,
            number=i + 1,
            of=count,
        )
        items.append(ShowItem(round_key(i), f"Round {i + 1} · {rnd.title}", slide, i))
        for card_id in rnd.cards:
            try:
                card = deck.card(card_id)
            except KeyError:
                continue  # a plan naming a card the deck lacks still runs
            items.extend(card_items(deck, card, i))
    items.append(
        ShowItem(WALL, "Theme wall", wall or WallSlide(title="What the tables said", entries=()))
    )
    items.append(ShowItem(TALLY, "Card tally", tally or TallySlide(title=CARD_QUESTION, bars=())))
    items.append(ShowItem(HOLDING, "Holding slide", holding or HoldingSlide(title=title)))
    return tuple(items)


def tally_slide(
    deck: Deck, tally: Iterable[tuple[str, int]], title: str = CARD_QUESTION
) -> TallySlide:
    """Bars for the card picks ``(card key, count)``, most picked first, in suit colours."""
    return TallySlide(title=title, bars=tally_bars(deck, tally))


def room_tally(deck: Deck, vote: Vote, counts: Mapping[str, int]) -> RoomTally:
    """The room's card vote for the tally slide: no bars while its results are hidden."""
    shown = vote.results_shown
    return RoomTally(
        bars=tally_bars(deck, counts.items()) if shown else (),
        votes=sum(counts.values()),
        open=vote.is_open,
        hidden=not shown,
    )


def choice_tally(vote: Vote, counts: Mapping[str, int]) -> RoomTally:
    """A vote with choices for its slide: one bar per choice given, most first."""
    shown = vote.results_shown
    position = {c: i for i, c in enumerate(vote.choices)}
    order = sorted(counts, key=lambda c: (-counts[c], position.get(c, len(position))))
    bars = tuple(TallyBar(label=c, count=counts[c], colour=CHOICE_COLOUR) for c in order)
    return RoomTally(
        bars=bars if shown else (),
        votes=sum(counts.values()),
        open=vote.is_open,
        hidden=not shown,
    )


def tally_bars(deck: Deck, tally: Iterable[tuple[str, int]]) -> tuple[TallyBar, ...]:
    """One bar per card key, most first, in its suit's colour."""
    bars = []
    for key, count in ranked_tally(tally, deck):  # most first, ties in the deck's order
        card = next((c for c in deck.cards if key in (c.id, c.title)), None)
        if card is None:
            bars.append(TallyBar(label=key, count=count, colour="#888888"))
            continue
        try:
            colour = deck.suit(card.suit).colour
        except KeyError:
            colour = "#888888"
        bars.append(TallyBar(label=card.title, count=count, colour=colour))
    return tuple(bars)
