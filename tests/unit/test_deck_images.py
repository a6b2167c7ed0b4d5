"""A folder of scanned card images is a deck: one card per image, title from the file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.deck import load_deck
from facilitator.core.errors import InputError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16


def test_each_image_is_a_card_in_natural_order_with_a_title_from_its_name(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "scanned_cards"
    folder.mkdir()
    (folder / "10-courage.PNG").write_bytes(PNG)
    (folder / "2_deep_listening.jpg").write_bytes(JPEG)
    (folder / "1 mindset.png").write_bytes(PNG)
    (folder / "IMG_2041.jpeg").write_bytes(JPEG)
    (folder / ".DS_Store").write_bytes(b"junk")
    (folder / "notes.txt").write_text("ignored")
    deck = load_deck(folder)
    assert deck.name == "Scanned cards"
    assert [c.title for c in deck.cards] == ["Mindset", "Deep listening", "Courage", "IMG 2041"]
    assert [c.id for c in deck.cards] == ["mindset", "deep-listening", "courage", "img-2041"]
    assert deck.cards[1].image == JPEG
    assert deck.cards[0].image_name == "1 mindset.png"
    assert len(deck.suits) == 1
    assert deck.image_count == 4


def test_a_broken_image_in_the_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "b.png").write_bytes(b"not really")
    with pytest.raises(InputError) as caught:
        load_deck(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "b.png: the image is not a PNG, JPEG, GIF, WebP, BMP or SVG image"
    ]


def test_a_folder_with_nothing_usable_is_refused(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("hi")
    with pytest.raises(InputError) as caught:
        load_deck(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path.name}/: no deck.toml, no CSV file and no images in this folder"
    )
