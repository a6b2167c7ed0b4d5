"""A deck saved as a deck.toml folder loads back equal, whatever text it holds."""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.deck import Card, Deck, Suit, load_deck, save_deck
from facilitator.core.deck_io import MAX_ID, multi_line, one_line, slugify
from facilitator.core.deck_save import toml_string

PNG = b"\x89PNG\r\n\x1a\n"

# Any character a loader keeps: no control characters but tab and newline, no surrogates.
_chars = st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\t\n\"'\\")
_text = st.text(_chars, max_size=80)
single_line = _text.map(one_line).filter(bool)
paragraph = _text.map(multi_line)
# cut to a label's length, then normalised again: a cut can leave a trailing space
short_line = single_line.map(lambda s: one_line(s[:40])).filter(bool)


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    levels = tuple(draw(st.lists(short_line, max_size=3, unique=True)))
    suit_names = draw(st.lists(single_line, min_size=1, max_size=4, unique_by=slugify))
    suits = tuple(
        Suit(slugify(name), name, draw(st.sampled_from(["#113050", "#a16108", "#842131"])))
        for name in suit_names
    )
    titles = draw(st.lists(single_line, min_size=1, max_size=5, unique_by=slugify))
    cards = []
    for title in titles:
        by_level: bool = draw(st.booleans())
        if levels and by_level:
            chosen = [lv for lv in levels if draw(st.booleans())]
            questions = tuple(
                (lv, tuple(draw(st.lists(paragraph.filter(bool), max_size=3)))) for lv in chosen
            )
        else:
            plain = tuple(draw(st.lists(paragraph.filter(bool), max_size=3)))
            questions = (("", plain),) if plain else ()
        card_id = slugify(title)[:MAX_ID]
        image = PNG + draw(st.binary(max_size=20)) if draw(st.booleans()) else None
        cards.append(
            Card(
                id=card_id,
                suit=draw(st.sampled_from(suits)).id,
                title=title,
                front=draw(paragraph),
                questions=questions,
                image=image,
                image_name=f"{card_id}.png" if image else "",
            )
        )
    return Deck(
        name=draw(single_line),
        suits=suits,
        cards=tuple(cards),
        suit_label=draw(short_line),
        levels=levels,
        note=draw(paragraph),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decks())
def test_any_deck_saved_loads_back_equal(deck: Deck) -> None:
    with tempfile.TemporaryDirectory() as folder:
        save_deck(deck, Path(folder))
        assert load_deck(Path(folder)) == deck


@given(st.text(st.characters(blacklist_categories=["Cs"])))
def test_toml_strings_read_back_as_written(text: str) -> None:
    assert tomllib.loads(f"v = {toml_string(text)}")["v"] == text


def test_an_image_deck_saves_as_an_editable_deck_toml_folder(tmp_path: Path) -> None:
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "01 mindset.png").write_bytes(PNG + b"1")
    (scans / "02 trust.png").write_bytes(PNG + b"2")
    deck = load_deck(scans)
    target = save_deck(deck, tmp_path / "out")
    assert target == tmp_path / "out" / "deck.toml"
    assert (tmp_path / "out" / "images" / "01 mindset.png").read_bytes() == PNG + b"1"
    assert load_deck(tmp_path / "out") == deck
    assert 'title = "Mindset"' in target.read_text(encoding="utf-8")


def test_a_csv_deck_saves_and_loads_back_equal(tmp_path: Path) -> None:
    csv = tmp_path / "cards.csv"
    csv.write_text(
        'suit,title,front,question (Self),question (System)\nA,"T, 1","x\ny",q1,q2\n',
        encoding="utf-8",
    )
    deck = load_deck(csv)
    save_deck(deck, tmp_path / "out")
    assert load_deck(tmp_path / "out") == deck


def test_clashing_image_names_are_kept_apart(tmp_path: Path) -> None:
    suit = Suit("s", "S", "#113050")
    deck = Deck(
        "D",
        (suit,),
        (
            Card("a", "s", "A", "", image=PNG + b"a", image_name="x.png"),
            Card("b", "s", "B", "", image=PNG + b"b", image_name="x.png"),
            Card("c", "s", "C", "", image=PNG + b"c", image_name=""),
        ),
    )
    save_deck(deck, tmp_path)
    loaded = load_deck(tmp_path)
    assert [c.image for c in loaded.cards] == [c.image for c in deck.cards]
    assert [c.image_name for c in loaded.cards] == ["x.png", "x-2.png", "c.png"]
