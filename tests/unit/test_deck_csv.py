"""Loading a deck kept in a spreadsheet and saved as CSV, as spreadsheet programs write it."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.deck import load_deck
from facilitator.core.errors import InputError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def write(tmp_path: Path, text: str, *, name: str = "cards.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_deck(path)
    return [str(p) for p in caught.value.problems]


def test_a_csv_gives_suits_in_order_with_auto_colours_and_any_number_of_questions(
    tmp_path: Path,
) -> None:
    text = (
        "suit,title,front,question,question 2,question 3\n"
        "Being,Mindset,How we hold things,Q1,Q2,\n"
        "Doing,Trust,Earned slowly,Q3,,\n"
        "Being,Curiosity,Asks,,,Q4\n"
    )
    deck = load_deck(write(tmp_path, text))
    assert deck.name == "Cards"
    assert [(s.id, s.name) for s in deck.suits] == [("being", "Being"), ("doing", "Doing")]
    assert len({s.colour for s in deck.suits}) == 2
    assert [c.id for c in deck.cards] == ["mindset", "trust", "curiosity"]
    assert [c.suit for c in deck.cards] == ["being", "doing", "being"]
    assert deck.cards[0].questions == (("", ("Q1", "Q2")),)
    assert deck.cards[2].questions == (("", ("Q4",)),)
    assert deck.levels == ()


def test_semicolons_bom_crlf_and_quoted_cells_with_commas_and_newlines(tmp_path: Path) -> None:
    text = (
        "Suit;Title;Front;Question\r\n"
        'Être;"Café; crème";"One, two\r\nthree ""quoted""";"Why?"\r\n'
        "\r\n"
        ";;;\r\n"
    )
    deck = load_deck(write(tmp_path, text, bom=True))
    [card] = deck.cards
    assert card.title == "Café; crème"
    assert card.front == 'One, two\nthree "quoted"'
    assert card.id == "cafe-creme"
    assert deck.suits[0].name == "Être"
    assert deck.suits[0].id == "etre"


def test_question_columns_can_name_levels(tmp_path: Path) -> None:
    text = "suit,title,front,Question (Self),Question: System,question self 2\nA,T,F,s1,y1,s2\n"
    deck = load_deck(write(tmp_path, text))
    assert deck.levels == ("Self", "System")
    assert deck.cards[0].questions == (("Self", ("s1", "s2")), ("System", ("y1",)))


def test_optional_id_and_image_columns(tmp_path: Path) -> None:
    (tmp_path / "m.png").write_bytes(PNG)
    text = "id,suit,title,front,image\nmind,A,Mindset,F,m.png\n,A,Other,F,\n"
    deck = load_deck(write(tmp_path, text))
    assert deck.cards[0].id == "mind"
    assert deck.cards[0].image == PNG
    assert deck.cards[0].image_name == "m.png"
    assert deck.cards[1].image is None


def test_without_a_suit_column_all_cards_share_one_suit(tmp_path: Path) -> None:
    deck = load_deck(write(tmp_path, "title,front\nA,a\nB,b\n"))
    assert len(deck.suits) == 1
    assert {c.suit for c in deck.cards} == {deck.suits[0].id}


def test_a_folder_with_one_csv_loads_it(tmp_path: Path) -> None:
    write(tmp_path, "title\nA\n", name="my_deck.csv")
    deck = load_deck(tmp_path)
    assert deck.name == "My deck"


def test_a_tab_separated_file_loads(tmp_path: Path) -> None:
    deck = load_deck(write(tmp_path, "suit\ttitle\tfront\nA\tT, with comma\tF\n", name="d.tsv"))
    assert deck.cards[0].title == "T, with comma"


# -- bad input ---------------------------------------------------------------------------


def test_a_row_without_title_gives_the_spreadsheet_row_number(tmp_path: Path) -> None:
    text = 'suit,title,front\nA,One,"two\nlines"\nA,,x\n'
    assert problems_of(write(tmp_path, text)) == ["cards.csv: row 3: no title"]


def test_all_row_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (
        "id,suit,title,front,image\n"
        "a,A,One,,\n"
        "a,A,Two,,\n"
        ",,Three,,\n"
        ",A,Four,,nope.png\n"
        ",A,Five,x,,extra\n"
        f",A,{'long ' * 40},,\n"
    )
    assert problems_of(write(tmp_path, text)) == [
        'cards.csv: row 5: the image "nope.png" not found',
        "cards.csv: row 6: more cells than the header row has columns",
        "cards.csv: row 7: the title is 199 characters long; at most 120 fit",
        'cards.csv: row 3: card id "a" is used twice (first at cards.csv: row 2)',
        "cards.csv: row 4: no suit",
    ]


def test_unknown_and_repeated_columns_and_no_title_column(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "suit,titel,front,front\nA,B,C,D\n")) == [
        'cards.csv: row 1: unknown column "titel" '
        "(the columns are suit, title, front, question..., and optionally id, image)",
        'cards.csv: row 1: the column "front" appears twice',
        "cards.csv: row 1: no title column (the header row names suit, title, front, question...)",
    ]


def test_a_value_under_a_column_with_no_name_is_not_silently_dropped(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "title,,front\nA,lost,F\n")) == [
        "cards.csv: row 2: a value in column 2, which has no name"
    ]


def test_a_file_saved_in_a_windows_code_page_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_bytes("title\nCafé\n".encode("cp1252"))
    assert problems_of(path) == [
        "cards.csv:2: the text is not UTF-8; save the file as UTF-8 (in a spreadsheet: CSV UTF-8)"
    ]


def test_an_empty_csv_and_a_header_only_csv_are_refused(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "\n\n")) == [
        "cards.csv: the file is empty; the first row names the columns"
    ]
    assert problems_of(write(tmp_path, "suit,title\n")) == ["cards.csv: the deck has no cards"]


def test_a_control_character_in_a_question_is_refused(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "title,question\nA,bad\x1bthing\n")) == [
        "cards.csv: row 2: a question contains a control character (U+001B)"
    ]


def test_several_csv_files_in_a_folder_need_a_choice(tmp_path: Path) -> None:
    write(tmp_path, "title\nA\n", name="a.csv")
    write(tmp_path, "title\nB\n", name="b.csv")
    assert problems_of(tmp_path) == [
        f"{tmp_path.name}/: 2 CSV files and no deck.toml; give the CSV file to load"
    ]
