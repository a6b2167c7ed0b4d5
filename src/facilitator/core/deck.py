"""A deck of double-sided cards grouped into suits (what the deck calls, e.g., "Theme")."""

from __future__ import annotations

import textwrap
from pathlib import Path

from msgspec import Struct


class Suit(Struct, frozen=True):
    id: str
    name: str
    colour: str  # "#rrggbb"


class Card(Struct, frozen=True):
    id: str
    suit: str  # a Suit.id
    title: str
    front: str
    # (level, questions) in the deck's level order; level is "" for a deck without levels
    questions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    image: bytes | None = None  # None also in an open event's deck: read when needed
    image_name: str = ""  # the file name the image came from; set whenever there is one

    @property
    def has_image(self) -> bool:
        return self.image is not None or bool(self.image_name)


class Deck(Struct, frozen=True):
    name: str
    suits: tuple[Suit, ...]
    cards: tuple[Card, ...]
    suit_label: str = "Suit"
    levels: tuple[str, ...] = ()
    note: str = ""

    def suit(self, suit_id: str) -> Suit:
        for suit in self.suits:
            if suit.id == suit_id:
                return suit
        raise KeyError(suit_id)

    def card(self, card_id: str) -> Card:
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def cards_of(self, suit_id: str) -> tuple[Card, ...]:
        return tuple(c for c in self.cards if c.suit == suit_id)

    @property
    def image_count(self) -> int:
        return sum(1 for c in self.cards if c.has_image)


def load_deck(path: Path) -> Deck:
    """The deck at ``path`` (deck.toml, deck folder, CSV, folder of images); raises
    ``InputError`` listing every problem. See ``deck_io``."""
    from facilitator.core.deck_io import load_deck as load  # deck_io imports this module

    return load(path)


def save_deck(deck: Deck, folder: Path) -> Path:
    """Write ``deck`` as ``folder/deck.toml`` plus ``images/``. See ``deck_save``."""
    from facilitator.core.deck_save import save_deck as save  # deck_save imports this module

    return save(deck, folder)


def bundled_decks() -> dict[str, Path]:
    """The decks shipped with the app: folder name (a stable id) -> deck folder."""
    from facilitator.core.deck_io import bundled_decks as bundled

    return bundled()


def describe_deck(deck: Deck) -> str:
    """A plain-text summary for ``facilitator deck check``: suits, cards, levels, images."""
    label = deck.suit_label.lower()
    plural = label if label.endswith("s") else label + "s"
    lines = [
        deck.name,
        f"{_count(len(deck.cards), 'card')} in {len(deck.suits)} "
        f"{label if len(deck.suits) == 1 else plural}; "
        f"levels: {', '.join(deck.levels) if deck.levels else 'none'}; "
        f"{_count(deck.image_count, 'image')}",
    ]
    if deck.note:
        lines += ["", *textwrap.wrap(deck.note, 88)]
    id_width = min(28, max((len(c.id) for c in deck.cards), default=0))
    for suit in deck.suits:
        cards = deck.cards_of(suit.id)
        lines += [
            "",
            f"{suit.name}: {_count(len(cards), 'card')} "
            f'({label} id "{suit.id}", colour {suit.colour})',
        ]
        for card in cards:
            asked = sum(len(qs) for _, qs in card.questions)
            extras = [_count(asked, "question")]
            if card.has_image:
                extras.append(f"image {card.image_name}")
            lines.append(f"  {card.id:<{id_width}}  {card.title}  ({', '.join(extras)})")
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
