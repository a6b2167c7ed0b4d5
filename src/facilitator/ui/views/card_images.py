"""Where painters find a card's image when the card carries only its name.

The open event's deck is held without its image bytes (a deck of photographs can be
hundreds of megabytes: memory and start time); the controller names a source that reads
one card's image from the event file when a slide or a thumbnail needs it.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.deck import Card

_source: Callable[[str], bytes | None] | None = None


def use_source(source: Callable[[str], bytes | None]) -> None:
    """Card id -> image bytes, for the event just opened."""
    global _source
    _source = source


def drop_source(source: Callable[[str], bytes | None]) -> None:
    """The event behind ``source`` closed (another one may have been opened since)."""
    global _source
    if _source == source:
        _source = None


def image_bytes(card: Card) -> bytes | None:
    """The card's image: its own bytes, else read through the open event's source."""
    if card.image is not None:
        return card.image
    if card.image_name and _source is not None:
        return _source(card.id)
    return None
