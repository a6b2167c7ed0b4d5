"""The decks shipped with the app pass the check and read well for colour-blind people."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.core.deck import bundled_decks, load_deck
from facilitator.core.deck_colours import AUTO_COLOURS, contrast_ratio, relative_luminance

# Suits must differ in lightness, not only in hue: as a contrast ratio between suit colours
# (1.0 = same lightness). 1.3 keeps four suits apart in greyscale.
MIN_SUIT_LIGHTNESS_RATIO = 1.3
MIN_WHITE_TEXT_CONTRAST = 4.5


def test_both_bundled_decks_are_found() -> None:
    assert set(bundled_decks()) == {"system-leadership", "coaching-grow"}


@pytest.mark.parametrize("name", ["system-leadership", "coaching-grow"])
def test_a_bundled_deck_passes_deck_check(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deck", "check", str(bundled_decks()[name])]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert load_deck(bundled_decks()[name]).name in out


def test_the_system_leadership_deck_matches_the_event() -> None:
    deck = load_deck(bundled_decks()["system-leadership"])
    assert deck.suit_label == "Theme"
    assert len(deck.suits) == 4
    assert len(deck.cards) == 13
    assert deck.levels == ("Self", "Organisation", "System")
    titles = {c.title for c in deck.cards}
    assert {"Mindset", "Resilience", "Relationships", "Authenticity"} <= titles
    assert "illustrative" in deck.note and "licensed" in deck.note
    for card in deck.cards:
        assert [level for level, qs in card.questions if qs] == list(deck.levels), card.id


def test_the_grow_deck_has_the_four_stages() -> None:
    deck = load_deck(bundled_decks()["coaching-grow"])
    assert [s.name for s in deck.suits] == ["Goal", "Reality", "Options", "Will"]
    assert all(deck.cards_of(s.id) for s in deck.suits)
    assert all(c.questions for c in deck.cards)


@pytest.mark.parametrize("name", ["system-leadership", "coaching-grow"])
def test_bundled_suit_colours_differ_in_lightness_and_carry_white_text(name: str) -> None:
    colours = {s.name: s.colour for s in load_deck(bundled_decks()[name]).suits}
    for (a, ca), (b, cb) in combinations(colours.items(), 2):
        assert contrast_ratio(ca, cb) >= MIN_SUIT_LIGHTNESS_RATIO, (a, b)
    for suit, colour in colours.items():
        assert contrast_ratio(colour, "#ffffff") >= MIN_WHITE_TEXT_CONTRAST, suit


def test_auto_colours_carry_white_text_and_the_first_four_differ_in_lightness() -> None:
    for colour in AUTO_COLOURS:
        assert contrast_ratio(colour, "#ffffff") >= MIN_WHITE_TEXT_CONTRAST, colour
    for a, b in combinations(AUTO_COLOURS[:4], 2):
        assert contrast_ratio(a, b) >= MIN_SUIT_LIGHTNESS_RATIO, (a, b)


def test_luminance_and_contrast_follow_wcag() -> None:
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)


def test_deck_check_prints_every_problem_on_stderr_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cards.csv").write_text("suit,title\nA,\n,B\nA,C\n", encoding="utf-8")
    assert main(["deck", "check", str(tmp_path / "cards.csv")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == ["cards.csv: row 2: no title", "cards.csv: row 3: no suit"]
