"""Render the card slides (front, back, draw, suit spread, whole deck, tally) at 1280x720
and 3840x2160 into out/screenshots/, for looking at them.

    .venv/bin/python scripts/screenshots_cards.py [--out DIR] [--look dark|light|contrast]

Prints each file written, and any text that did not fit (there should be none).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from facilitator.core.deck import Deck, bundled_decks, load_deck
from facilitator.core.projector_state import (
    CardSlide,
    DrawSlide,
    Look,
    ProjectorState,
    Slide,
    SpreadSlide,
    TallyBar,
    TallySlide,
)
from facilitator.ui.projector import render_image

SIZES = {"720p": QSize(1280, 720), "4k": QSize(3840, 2160)}


def card_slides(deck: Deck) -> dict[str, Slide]:
    card = deck.cards[0]
    suit = deck.suit(card.suit)
    longest = max(deck.cards, key=lambda c: sum(len(q) for _, qs in c.questions for q in qs))
    first_suit = deck.suits[0]
    picks = [5, 4, 4, 3, 2, 2, 1, 1]
    bars = tuple(
        TallyBar(c.title, n, deck.suit(c.suit).colour)
        for c, n in zip(deck.cards[::-1], picks, strict=False)
    )
    return {
        "front": CardSlide(card, suit, deck.suit_label, deck.levels),
        "back": CardSlide(card, suit, deck.suit_label, deck.levels, back=True),
        "back-longest": CardSlide(
            longest, deck.suit(longest.suit), deck.suit_label, deck.levels, back=True
        ),
        "draw": DrawSlide(deck.name, first_suit.colour),
        "spread": SpreadSlide(
            f"{deck.suit_label}: {first_suit.name}", deck.cards_of(first_suit.id), deck.suits
        ),
        "deck": SpreadSlide(deck.name, deck.cards, deck.suits),
        "tally": TallySlide("Which card struck a chord?", bars),
    }


def browser_screenshot(out: Path) -> Path:
    """The console's Cards tab on a throwaway event, with a card selected and some picks."""
    from facilitator.core.demo import load_plan_choice
    from facilitator.store.db import EventStore
    from facilitator.ui.controller import EventController
    from facilitator.ui.deck_browser import DeckBrowser

    deck = load_deck(bundled_decks()["system-leadership"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "event.facilitator"
        EventStore.create(path, title="Demo", deck=deck, plan=load_plan_choice(None), tables=12)
        controller = EventController(EventStore.open(path))
        for n, card_id in enumerate(["courage", "mindset", "courage", "listening"]):
            controller.store.add_card_pick(card_id, table_id=controller.tables[n].id, round_id=None)
        browser = DeckBrowser(controller)
        browser.resize(1400, 860)
        browser.select_card("resilience")
        browser.table_box.setCurrentIndex(4)
        browser.show()
        target = out / "cards-browser.png"
        browser.grab().save(str(target))
        browser.close()
        controller.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="out/screenshots", help="folder to write into")
    parser.add_argument("--look", default="dark", choices=[look.value for look in Look])
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841  (fonts need it)
    clipped_any = False
    for deck_name, folder in bundled_decks().items():
        deck = load_deck(folder)
        for slide_name, slide in card_slides(deck).items():
            for size_name, size in SIZES.items():
                state = ProjectorState(slide, look=Look(args.look))
                image, report = render_image(state, size)
                path = out / f"cards-{deck_name}-{slide_name}-{size_name}-{args.look}.png"
                image.save(str(path))
                print(path)
                if report.clipped:
                    clipped_any = True
                    print(f"  did not fit: {report.clipped}")
    print(browser_screenshot(out))
    return 1 if clipped_any else 0


if __name__ == "__main__":
    sys.exit(main())
