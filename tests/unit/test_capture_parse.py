"""Understanding what a scribe types: kinds, card tags, table numbers, repeats."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.capture import (
    TagIndex,
    is_quoted,
    parse_table,
    repeats,
    step_table,
    strip_known_tags,
    suggest_kind,
    tag_at,
    tag_word,
)
from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.records import KINDS

DECK = Deck(
    name="Test deck",
    suits=(Suit("being", "Being", "#1b2c5d"), Suit("connecting", "Connecting", "#0f6961")),
    cards=(
        Card("mindset", "being", "Mindset", "front"),
        Card("curiosity", "being", "Curiosity", "front"),
        Card("systems-thinking", "connecting", "Seeing the whole system", "front"),
        Card("shared-purpose", "connecting", "Shared purpose", "front"),
        Card("Card 7", "connecting", "Étoile du nord", "front"),
    ),
)


def test_the_four_kinds_in_the_order_of_their_keys() -> None:
    assert KINDS == ("theme", "quote", "question", "action")


@pytest.mark.parametrize(
    "text",
    [
        '"We need to trust each other"',
        "“We need to trust each other”",
        "„Wir brauchen Vertrauen“",
        "« Il faut de la confiance »",
        "»Wir brauchen Vertrauen«",
        "「信頼が必要だ」",
        "'Trust takes time'",
        "‘Trust takes time’",
        '"Trust takes time" — Sam',
        '"Trust takes time" - a coach at table 4',
        '"Trust takes time" #mindset',
    ],
)
def test_text_in_quotation_marks_of_any_style_is_a_quote(text: str) -> None:
    assert is_quoted(text)
    assert suggest_kind(text) == "quote"


@pytest.mark.parametrize(
    "text",
    [
        "Trust takes time",
        "'cause we never ask",  # an apostrophe, not a quotation
        "Don't rush it'",
        '"',
        '""',
        'He said "trust" twice',
        '"Trust takes time" and then a long sentence that is not an attribution at all',
    ],
)
def test_other_text_is_not_a_quote(text: str) -> None:
    assert not is_quoted(text)


def test_a_question_mark_at_the_end_suggests_a_question() -> None:
    assert suggest_kind("Who owns the system?") == "question"
    assert suggest_kind("Who owns the system? #mindset") == "question"
    assert suggest_kind('"Who owns this?"') == "quote"
    assert suggest_kind("Trust, not control") == "theme"


def test_tags_resolve_by_id_title_and_case() -> None:
    index = TagIndex(DECK)
    text = "Listen first #Mindset, then #systems-thinking and #seeing-the-whole-system #nope."
    assert index.cards_in(text) == ("mindset", "systems-thinking")
    assert index.unknown_in(text) == ("#nope",)
    assert index.resolve("etoile-du-nord") == "Card 7"
    assert index.resolve("ÉTOILE-du-Nord") == "Card 7"


def test_tag_spans_cover_what_was_typed_without_trailing_punctuation() -> None:
    index = TagIndex(DECK)
    text = "Yes (#mindset)."
    (tag,) = index.tags(text)
    assert text[tag.start : tag.end] == "#mindset"
    assert tag.card == "mindset"


def test_completion_offers_title_starts_first() -> None:
    index = TagIndex(DECK)
    assert [c.title for c in index.complete("mind")] == ["Mindset"]
    assert [c.title for c in index.complete("whole")] == ["Seeing the whole system"]
    assert next(c.title for c in index.complete("sys")) == "Seeing the whole system"
    assert index.complete("s")[0].title == "Seeing the whole system"
    assert len(index.complete("")) == len(DECK.cards)
    assert index.complete("zzz") == []


def test_tag_word_is_a_typeable_slug() -> None:
    assert tag_word(DECK.card("mindset")) == "mindset"
    assert tag_word(DECK.card("Card 7")) == "etoile-du-nord"


def test_tag_at_finds_the_tag_being_typed() -> None:
    assert tag_at("Trust #mind", 11) == (6, "mind")
    assert tag_at("Trust #", 7) == (6, "")
    assert tag_at("Trust mind", 10) is None
    assert tag_at("#a b", 4) is None


def test_strip_known_tags_keeps_unknown_ones() -> None:
    index = TagIndex(DECK)
    assert strip_known_tags("Trust #mindset takes #time", index) == "Trust takes #time"


@pytest.mark.parametrize(
    ("typed", "number"), [("7", 7), (" 12 ", 12), ("T7", 7), ("table 3", 3), ("Table 10", 10)]
)
def test_table_numbers_as_typed(typed: str, number: int) -> None:
    assert parse_table(typed, range(1, 13)) == number


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("13", "there is no table 13 (tables 1–12)"),
        ("seven", "is not a table number"),
        ("", "not a"),
    ],
)
def test_bad_table_numbers_say_why(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_table(typed, list(range(1, 13)))


def test_step_table_wraps_round() -> None:
    assert step_table(1, -1, [1, 2, 3]) == 3
    assert step_table(3, 1, [1, 2, 3]) == 1
    assert step_table(2, 1, [1, 2, 3]) == 3
    assert step_table(9, 1, [1, 2, 3]) == 1


def test_repeats_ignore_case_and_spacing() -> None:
    assert repeats("Trust  takes time ", ["trust takes TIME"])
    assert not repeats("Trust takes time", ["Trust takes longer"])
    assert not repeats("   ", ["   "])


@given(st.text(max_size=200))
def test_parsing_never_fails_on_any_text(text: str) -> None:
    index = TagIndex(DECK)
    assert suggest_kind(text) in KINDS
    for tag in index.tags(text):
        assert text[tag.start] == "#"
        assert text[tag.start + 1 : tag.end] == tag.word
    for cursor in range(len(text) + 1):
        found = tag_at(text, cursor)
        if found is not None:
            assert text[found[0]] == "#"
