"""Building the theme wall: grouping, hidden and deleted entries, spotlight, pages."""

from __future__ import annotations

import pytest

from facilitator.core.capture import TagIndex
from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.records import Theme
from facilitator.core.wall import (
    ENTRY_CHARS,
    LATEST_COUNT,
    PAGE_ENTRIES,
    Labelled,
    build_wall,
    display_text,
    paginate,
)

DECK = Deck(
    name="Test deck",
    suits=(Suit("being", "Being", "#1b2c5d"), Suit("connecting", "Connecting", "#0f6961")),
    cards=(
        Card("mindset", "being", "Mindset", "front"),
        Card("shared-purpose", "connecting", "Shared purpose", "front"),
    ),
)
TABLES = [Labelled(f"t{n}", f"Table {n}") for n in range(1, 4)]
ROUNDS = [Labelled("r1", "First conversation"), Labelled("r2", "Second conversation")]


def theme(
    n: int,
    text: str = "",
    *,
    table: str | None = "t1",
    round_: str | None = "r1",
    cards: tuple[str, ...] = (),
    hidden: bool = False,
    deleted: bool = False,
    kind: str = "theme",
) -> Theme:
    stamp = f"2024-05-01T10:{n // 60:02d}:{n % 60:02d}+00:00"
    return Theme(
        id=f"id{n:05d}",
        text=text or f"entry {n}",
        kind=kind,
        table_id=table,
        round_id=round_,
        cards=cards,
        created_at=stamp,
        updated_at=stamp,
        hidden=hidden,
        deleted_at=stamp if deleted else None,
    )


def wall(themes: list[Theme], **kw: object):  # type: ignore[no-untyped-def]
    return build_wall(themes, deck=DECK, tables=TABLES, rounds=ROUNDS, **kw)  # type: ignore[arg-type]


def test_grouped_by_table_in_table_order_oldest_first() -> None:
    themes = [
        theme(3, table="t2"),
        theme(2, table="t1"),
        theme(1, table="t2"),
        theme(4, table=None),
    ]
    slide = wall(themes, grouping="table")
    assert [(e.group, e.text) for e in slide.entries] == [
        ("Table 1", "entry 2"),
        ("Table 2", "entry 1"),
        ("Table 2", "entry 3"),
        ("No table", "entry 4"),
    ]
    assert slide.total == 4 and slide.pages == 1


def test_grouped_by_card_uses_deck_order_and_suit_colour() -> None:
    themes = [
        theme(1, "Purpose first #shared-purpose", cards=("shared-purpose",)),
        theme(2, "Minds #mindset #shared-purpose", cards=("mindset", "shared-purpose")),
        theme(3, "No card here"),
    ]
    slide = wall(themes, grouping="card")
    assert [(e.group, e.text, e.colour) for e in slide.entries] == [
        ("Mindset", "Minds", "#1b2c5d"),
        ("Shared purpose", "Purpose first", "#0f6961"),
        ("No card", "No card here", ""),
    ]
    assert slide.entries[0].cards == ("Mindset", "Shared purpose")


def test_grouped_by_round() -> None:
    slide = wall([theme(1, round_="r2"), theme(2, round_="r1")], grouping="round")
    assert [e.group for e in slide.entries] == ["First conversation", "Second conversation"]


def test_latest_shows_the_newest_first() -> None:
    slide = wall([theme(n) for n in range(30)], grouping="latest")
    assert len(slide.entries) == LATEST_COUNT
    assert slide.entries[0].text == "entry 29"


def test_hidden_and_deleted_entries_never_show() -> None:
    themes = [theme(1), theme(2, hidden=True), theme(3, deleted=True)]
    slide = wall(themes, spotlight_id="id00002")
    assert [e.id for e in slide.entries] == ["id00001"]
    assert slide.spotlight is None


def test_spotlight_names_the_table() -> None:
    slide = wall([theme(1, "Trust", table="t3")], grouping="card", spotlight_id="id00001")
    assert slide.spotlight is not None
    assert (slide.spotlight.text, slide.spotlight.group) == ("Trust", "Table 3")


def test_pages_beyond_sixty_entries() -> None:
    themes = [theme(n, "short") for n in range(PAGE_ENTRIES + 5)]
    first = wall(themes, page=0)
    second = wall(themes, page=1)
    assert (first.pages, len(first.entries)) == (2, PAGE_ENTRIES)
    assert (second.page, len(second.entries)) == (1, 5)
    assert wall(themes, page=99).page == 1
    assert wall([], page=3).page == 0


def test_long_text_is_shortened_and_pages_by_amount_of_text() -> None:
    themes = [theme(n, "word " * 200) for n in range(14)]
    slide = wall(themes)
    assert all(len(e.text) <= ENTRY_CHARS for e in slide.entries)
    assert all(e.text.endswith("…") for e in slide.entries)
    assert slide.pages > 1


def test_display_text_makes_control_characters_spaces() -> None:
    index = TagIndex(DECK)
    assert display_text("a\x00b\x07c\u202eד", index) == "a b c\u202eד"
    assert display_text("<b>x</b>", index) == "<b>x</b>"


def test_paginate_keeps_a_giant_entry_alone() -> None:
    from facilitator.core.projector_state import WallEntry

    small = WallEntry("a", "x", "theme", "g")
    big = WallEntry("b", "y" * 5000, "theme", "g")
    assert [len(p) for p in paginate([small, big, small])] == [1, 1, 1]


def test_unknown_grouping_is_refused() -> None:
    with pytest.raises(ValueError):
        wall([], grouping="colour")


def test_one_rounds_wall_leaves_other_rounds_out() -> None:
    slide = wall([theme(1, round_="r1"), theme(2, round_="r2")], round_id="r2")
    assert [e.id for e in slide.entries] == ["id00002"]
    assert slide.round_id == "r2"
