"""The theme wall as the room sees it: everything fits, nothing is clipped, at any size."""

from __future__ import annotations

from typing import Any

import pytest
from msgspec.structs import replace
from PySide6.QtCore import QSize

from facilitator.core.deck import Deck
from facilitator.core.projector_state import Look, ProjectorState, WallEntry, WallSlide
from facilitator.core.records import Theme
from facilitator.core.wall import Labelled, build_wall
from facilitator.ui.projector import render_image

SIZES = [QSize(1280, 720), QSize(1920, 1080), QSize(3840, 2160), QSize(1024, 768)]
WORDS = [
    "trust",
    "system",
    "coaching",
    "clients",
    "observe",
    "change",
    "listen",
    "power",
    "purpose",
    "learning",
]


def themes(count: int, words: int, deck: Deck, tables: int = 12) -> list[Theme]:
    made = []
    for n in range(count):
        text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(words)).capitalize()
        card = deck.cards[n % len(deck.cards)].id if n % 3 == 0 else None
        made.append(
            Theme(
                id=f"id{n:04d}",
                text=text + (f" #{card}" if card else ""),
                kind=("theme", "quote", "question", "action")[n % 4],
                table_id=f"t{n % tables + 1}",
                round_id="r1",
                cards=(card,) if card else (),
                created_at=f"2024-05-01T10:{n // 60:02d}:{n % 60:02d}+00:00",
                updated_at="",
            )
        )
    return made


def wall(deck: Deck, items: list[Theme], **kw: Any) -> WallSlide:
    return build_wall(
        items,
        deck=deck,
        tables=[Labelled(f"t{n}", f"Table {n}") for n in range(1, 101)],
        rounds=[Labelled("r1", "First conversation")],
        **kw,
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize(
    ("count", "words", "grouping"),
    [(1, 6, "table"), (12, 12, "table"), (60, 2, "card"), (40, 25, "round"), (30, 8, "latest")],
)
def test_every_page_fits_without_clipping(
    qapp: Any, demo_deck: Deck, size: QSize, count: int, words: int, grouping: str
) -> None:
    first = wall(demo_deck, themes(count, words, demo_deck), grouping=grouping)
    for page in range(first.pages):
        slide = wall(demo_deck, themes(count, words, demo_deck), grouping=grouping, page=page)
        _image, report = render_image(ProjectorState(slide), size)
        assert report.clipped == [], (page, report.clipped)
        # readable from the back: capitals never below ~1.1% of the screen height
        assert report.smallest_cap_height >= size.height() * 0.011


def test_sixty_one_line_themes_share_one_page(qapp: Any, demo_deck: Deck) -> None:
    items = [replace(t, kind="theme", cards=()) for t in themes(60, 2, demo_deck)]
    slide = wall(demo_deck, items)
    assert (slide.pages, len(slide.entries)) == (1, 60)
    _image, report = render_image(ProjectorState(slide), QSize(1280, 720))
    assert report.clipped == []


def test_the_spotlight_is_large(qapp: Any, demo_deck: Deck) -> None:
    items = themes(20, 10, demo_deck)
    slide = wall(demo_deck, items, spotlight_id=items[4].id)
    for size in SIZES:
        _image, report = render_image(ProjectorState(slide), size)
        assert report.clipped == []
        assert report.smallest_cap_height >= size.height() * 0.03


@pytest.mark.parametrize("look", list(Look))
def test_markup_and_odd_text_paint_as_text(qapp: Any, look: Look) -> None:
    entries = (
        WallEntry("a", "<b>x</b> <img src=x>", "theme", "Table 1"),
        WallEntry("b", "שלום עולם — مرحبا", "quote", "Table 2", "#1b2c5d", ("Mindset",)),
        WallEntry("c", "a\tb " + "x" * 300, "theme", "Table 3"),
    )
    slide = WallSlide(title="Wall", entries=entries, total=3)
    _image, report = render_image(ProjectorState(slide, look=look), QSize(1280, 720))
    assert report.clipped == []


def test_an_empty_wall_says_what_will_appear(qapp: Any) -> None:
    _image, report = render_image(
        ProjectorState(WallSlide(title="Wall", entries=())), QSize(1280, 720)
    )
    assert report.clipped == []
