"""The one tally rule: picked (or tagged) cards, most first, ties in the deck's order.

The projector's tally slide and the harvest (every report's tally and most-tagged cards)
rank through :func:`ranked`, so a tie reads the same on the wall and on paper.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from facilitator.core.deck import Deck


def ranked(counts: Mapping[str, int], deck: Deck) -> list[tuple[str, int]]:
    """``(card key, count)`` most first; a tie in the deck's card order, then the keys the
    deck no longer has, by key."""
    order = {c.id: i for i, c in enumerate(deck.cards)}
    keys = sorted(counts, key=lambda k: (-counts[k], order.get(k, len(order)), k))
    return [(k, counts[k]) for k in keys]


def tally(pairs: Iterable[tuple[str, int]], deck: Deck) -> list[tuple[str, int]]:
    """:func:`ranked` for ``(card key, count)`` pairs (a key given twice is added up), such
    as the store's ``card_tally()``."""
    counts: dict[str, int] = {}
    for key, count in pairs:
        counts[key] = counts.get(key, 0) + count
    return ranked(counts, deck)
