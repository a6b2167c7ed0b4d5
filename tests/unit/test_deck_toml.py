"""Loading deck.toml files and deck folders, and every way such a file can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.deck import describe_deck, load_deck
from facilitator.core.errors import InputError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

GOOD = """\
[deck]
name = "Test deck"
suit_label = "Theme"
levels = ["Self", "Organisation", "System"]
note = "Illustrative."

[[suit]]
id = "being"
name = "Being"
colour = "#1B6CA8"

[[suit]]
id = "doing"
name = "Doing"
colour = "#a50"

[[card]]
id = "mindset"
suit = "being"
title = "Mindset"
front = "How we hold things."
image = "images/mindset.png"
[card.questions]
System = ["Sys?"]
Self = ["Me?", "Me again?"]

[[card]]
suit = "Doing"
title = "Trust  building"
front = "Line one\\r\\nline two"
questions = ["Plain?"]
"""


def write(folder: Path, text: str, name: str = "deck.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_deck(path)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "deck"
    write(folder, GOOD)
    (folder / "images").mkdir()
    (folder / "images" / "mindset.png").write_bytes(PNG)
    return folder


def test_a_deck_toml_gives_suits_cards_levels_and_images(good_folder: Path) -> None:
    deck = load_deck(good_folder / "deck.toml")
    assert deck.name == "Test deck"
    assert deck.suit_label == "Theme"
    assert deck.levels == ("Self", "Organisation", "System")
    assert [(s.id, s.colour) for s in deck.suits] == [("being", "#1b6ca8"), ("doing", "#aa5500")]
    mindset = deck.card("mindset")
    assert mindset.image == PNG
    assert mindset.image_name == "mindset.png"
    # questions come in the deck's level order, whatever order the card lists them in
    assert mindset.questions == (("Self", ("Me?", "Me again?")), ("System", ("Sys?",)))


def test_a_card_without_id_gets_a_slug_of_its_title_and_suits_match_by_name(
    good_folder: Path,
) -> None:
    card = load_deck(good_folder).cards[1]
    assert card.id == "trust-building"
    assert card.title == "Trust building"
    assert card.suit == "doing"
    assert card.front == "Line one\nline two"
    assert card.questions == (("", ("Plain?",)),)


def test_a_folder_with_deck_toml_loads_like_the_file(good_folder: Path) -> None:
    assert load_deck(good_folder) == load_deck(good_folder / "deck.toml")


def test_a_deck_with_a_bom_and_crlf_loads(tmp_path: Path) -> None:
    path = tmp_path / "deck.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "mindset.png").write_bytes(PNG)
    assert load_deck(path).card("mindset").title == "Mindset"


def test_without_suit_tables_the_cards_name_their_suits(tmp_path: Path) -> None:
    text = '[deck]\nname = "D"\n[[card]]\ntitle = "A"\nsuit = "Red team"\n'
    text += '[[card]]\ntitle = "B"\nsuit = "Blue"\n[[card]]\ntitle = "C"\nsuit = "red team"\n'
    deck = load_deck(write(tmp_path, text))
    assert [s.name for s in deck.suits] == ["Red team", "Blue"]
    assert [c.suit for c in deck.cards] == ["red-team", "blue", "red-team"]
    assert deck.suits[0].colour != deck.suits[1].colour


def test_cards_with_no_suit_at_all_form_one_suit(tmp_path: Path) -> None:
    deck = load_deck(write(tmp_path, '[deck]\nname = "D"\n[[card]]\ntitle = "A"\n'))
    assert len(deck.suits) == 1
    assert deck.cards[0].suit == deck.suits[0].id


def test_titles_that_slug_alike_get_unique_ids(tmp_path: Path) -> None:
    text = '[deck]\nname = "D"\n[[card]]\nid = "trust"\ntitle = "X"\n'
    text += '[[card]]\ntitle = "Trust"\n[[card]]\ntitle = "TRUST!"\n[[card]]\ntitle = "Ωμέγα"\n'
    deck = load_deck(write(tmp_path, text))
    assert [c.id for c in deck.cards] == ["trust", "trust-2", "trust-3", "ωμεγα"]


def test_describe_lists_suits_cards_levels_and_images(good_folder: Path) -> None:
    text = describe_deck(load_deck(good_folder))
    assert "Test deck" in text
    assert "2 cards in 2 themes" in text
    assert "levels: Self, Organisation, System" in text
    assert "1 image" in text
    assert "Being: 1 card" in text
    assert "Mindset" in text


# -- bad input ---------------------------------------------------------------------------


def test_an_unknown_suit_points_at_the_line_of_the_card(tmp_path: Path) -> None:
    text = GOOD.replace('suit = "being"', 'suit = "relate"')
    folder = tmp_path / "d"
    write(folder, text)
    (folder / "images").mkdir()
    (folder / "images" / "mindset.png").write_bytes(PNG)
    line = text.splitlines().index('suit = "relate"') + 1
    assert problems_of(folder / "deck.toml") == [
        f'deck.toml:{line}: card "mindset": unknown suit "relate"'
    ]


def test_all_problems_are_reported_at_once_each_with_its_line(tmp_path: Path) -> None:
    text = """\
[deck]
name = "D"

[[suit]]
id = "a"
name = "A"
colour = "blue"

[[card]]
id = "x"
suit = "a"
title = "One"
image = "missing.png"

[[card]]
id = "x"
suit = "nope"
title = ""
"""
    problems = problems_of(write(tmp_path, text))
    assert problems == [
        'deck.toml:7: suit "a": colour "blue" is not a colour like "#1b6ca8"',
        'deck.toml:13: card "x": image "missing.png" not found',
        'deck.toml:18: card "x": no title',
        'deck.toml:15: card id "x" is used twice (first at deck.toml:9)',
        'deck.toml:17: card "x": unknown suit "nope"',
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[deck]\nname = \n", "deck.toml:2: TOML syntax error: Invalid value"),
        ('[deck]\nname = "a\\q"\n', "deck.toml:2: TOML syntax error: Unescaped '\\' in a string"),
        ('[deck]\nname = "D"\n[deck]\n', "deck.toml:3: TOML syntax error"),
    ],
)
def test_a_toml_syntax_error_gives_its_line(tmp_path: Path, text: str, expected: str) -> None:
    [problem] = problems_of(write(tmp_path, text))
    assert problem.startswith(expected)


def test_invalid_utf8_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "deck.toml"
    path.write_bytes(b'[deck]\nname = "D"\n[[card]]\ntitle = "caf\xe9"\n')
    [problem] = problems_of(path)
    assert problem.startswith("deck.toml:4: the text is not UTF-8")


def test_an_empty_deck_is_refused(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, '[deck]\nname = "D"\n')) == [
        "deck.toml: the deck has no cards"
    ]


def test_a_missing_deck_table_and_name_are_reported(tmp_path: Path) -> None:
    problems = problems_of(write(tmp_path, '[[card]]\ntitle = "A"\n'))
    assert problems == ['deck.toml: no [deck] table; it names the deck: [deck] name = "..."']
    problems = problems_of(write(tmp_path, '[deck]\nsuit_label = "T"\n[[card]]\ntitle = "A"\n'))
    assert problems == ["deck.toml:1: [deck]: no name"]


def test_wrong_types_are_named(tmp_path: Path) -> None:
    text = (
        '[deck]\nname = 3\nlevels = "Self"\n'
        '[[card]]\ntitle = ["A"]\nfront = true\nquestions = 5\nimage = 1\n'
    )
    problems = problems_of(write(tmp_path, text))
    assert problems == [
        "deck.toml:2: [deck]: name must be text in quotes, not a number",
        'deck.toml:3: [deck]: levels must be a list of names, e.g. ["Self", "System"]',
        "deck.toml:5: card 1: title must be text in quotes, not a list",
        "deck.toml:6: card 1: front must be text in quotes, not true/false",
        "deck.toml:8: card 1: image must be a file name in quotes",
        "deck.toml:7: card 1: questions must be a list or a table of levels",
    ]


def test_unknown_keys_and_levels_are_typos_caught(tmp_path: Path) -> None:
    text = (
        '[deck]\nname = "D"\nlevels = ["Self"]\n'
        '[[card]]\ntitel = "A"\ntitle = "B"\n[card.questions]\nSefl = ["?"]\n'
    )
    problems = problems_of(write(tmp_path, text))
    assert problems == [
        'deck.toml:5: card "B": unknown key "titel" '
        "(expected id, suit, title, front, image, questions)",
        'deck.toml:8: card "B": unknown level "Sefl" (the levels are Self)',
    ]


def test_absurdly_long_text_is_refused(tmp_path: Path) -> None:
    text = f'[deck]\nname = "D"\n[[card]]\ntitle = "{"x" * 500}"\nfront = "{"y" * 10_000}"\n'
    problems = problems_of(write(tmp_path, text))
    assert problems == [
        'deck.toml:4: card "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": title is 500 characters '
        "long; at most 120 fit",
        'deck.toml:5: card "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": front is 10,000 characters '
        "long; at most 3,000 fit",
    ]


def test_control_characters_are_refused(tmp_path: Path) -> None:
    text = '[deck]\nname = "D"\n[[card]]\ntitle = "A\\u0007"\n'
    assert problems_of(write(tmp_path, text)) == [
        'deck.toml:4: card "A\x07": title contains a control character (U+0007)'
    ]


def test_duplicate_suit_ids_and_bad_ids_are_reported(tmp_path: Path) -> None:
    text = (
        '[deck]\nname = "D"\n[[suit]]\nid = "a"\n[[suit]]\nid = "a"\n[[suit]]\nid = "a b"\n'
        '[[card]]\nid = "-x"\ntitle = "T"\nsuit = "a"\n'
    )
    problems = problems_of(write(tmp_path, text))
    assert problems == [
        'deck.toml:5: suit id "a" is used twice (first at deck.toml:3)',
        'deck.toml:7: suit "a b": the id "a b" must start with a letter or digit and hold '
        "only letters, digits, '-', '_' and '.'",
        'deck.toml:10: card "-x": the id "-x" must start with a letter or digit and hold '
        "only letters, digits, '-', '_' and '.'",
    ]


def test_an_image_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"hello, I am text")
    (tmp_path / "folder.png").mkdir()
    text = (
        '[deck]\nname = "D"\n[[card]]\ntitle = "A"\nimage = "a.png"\n'
        '[[card]]\ntitle = "B"\nimage = "folder.png"\n'
    )
    assert problems_of(write(tmp_path, text)) == [
        'deck.toml:5: card "A": image "a.png" is not a PNG, JPEG, GIF, WebP, BMP or SVG image',
        'deck.toml:8: card "B": image "folder.png" not found',
    ]


def test_an_unreadable_image_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(PNG)
    image.chmod(0)
    try:
        if _readable(image):
            # root reads any file: refuse this one the way the OS refuses an ordinary user
            real_read = Path.read_bytes

            def refuse(path: Path) -> bytes:
                if path == image:
                    raise PermissionError(13, "Permission denied", str(path))
                return real_read(path)

            monkeypatch.setattr(Path, "read_bytes", refuse)
        text = '[deck]\nname = "D"\n[[card]]\ntitle = "A"\nimage = "a.png"\n'
        [problem] = problems_of(write(tmp_path, text))
        assert problem.startswith('deck.toml:5: card "A": image "a.png" cannot be read')
    finally:
        image.chmod(0o644)


def _readable(path: Path) -> bool:
    try:
        path.read_bytes()
    except OSError:
        return False
    return True


def test_a_missing_path_and_a_wrong_file_kind_are_refused(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope") == [f"{tmp_path / 'nope'}: no such file or folder"]
    other = tmp_path / "deck.xlsx"
    other.write_bytes(b"PK")
    assert problems_of(other) == [
        "deck.xlsx: not a deck: give a deck.toml file, a .csv file or a folder"
    ]


def test_a_binary_file_is_not_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "deck.toml"
    path.write_bytes(b"\x00\x01\x02")
    assert problems_of(path) == ["deck.toml: this is not a text file"]


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "deck.toml"
    path.write_bytes(b"#" * 6_000_000)
    assert problems_of(path) == ["deck.toml: the file is 6.0 MB; a deck file is at most 5 MB"]
