"""One tally rule (core/tally.py): most picked first, ties in the deck's order, everywhere."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.core.harvest import build_harvest
from facilitator.core.session import tally_slide
from facilitator.core.tally import ranked, tally
from facilitator.store.db import EventStore

DECK = load_deck_choice(None)


def test_ties_follow_the_deck_and_unknown_keys_come_after_by_key() -> None:
    first, second, third = (c.id for c in DECK.cards[:3])
    counts = {"zz-gone": 2, third: 2, "aa-gone": 2, first: 2, second: 5}
    assert ranked(counts, DECK) == [
        (second, 5),
        (first, 2),
        (third, 2),
        ("aa-gone", 2),
        ("zz-gone", 2),
    ]


def test_pairs_given_twice_are_added_up() -> None:
    first, second = (c.id for c in DECK.cards[:2])
    assert tally([(second, 1), (first, 1), (second, 1)], DECK) == [(second, 2), (first, 1)]


def test_the_projector_and_the_reports_sort_ties_the_same(tmp_path: Path) -> None:
    # every card picked once: the alphabet and the deck disagree about these ties
    cards = list(reversed(DECK.cards))
    assert sorted(c.id for c in cards) != [c.id for c in DECK.cards]
    store = EventStore.create(
        tmp_path / "tally.facilitator",
        title="Tally",
        deck=DECK,
        plan=load_plan_choice(None),
        tables=2,
    )
    try:
        for card in cards:
            store.add_card_pick(card.id, table_id=None, round_id=None)
        slide = tally_slide(DECK, store.card_tally())
        harvest = build_harvest(store)
    finally:
        store.close()
    deck_order = [c.title for c in DECK.cards]
    assert [b.label for b in slide.bars] == deck_order
    assert [b.card.title for b in harvest.tally] == deck_order
