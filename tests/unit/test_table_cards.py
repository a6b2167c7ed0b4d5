"""Table cards: one A4 page per table with its number, its scribe link (as text and as a
QR code) and the instructions; written atomically with the app's own fonts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from facilitator.core.errors import InputError
from facilitator.export.table_cards import TableCard, instructions, write_table_cards

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

CARDS = [
    TableCard(n, f"http://192.168.137.1:8765/t/token-of-table-{n}-Xq9VbT2kLmNp")
    for n in range(1, 4)
]


def pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    # each page ends with a form feed; spaces as pdftotext guessed them do not matter
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def test_one_page_per_table_with_its_number_link_and_instructions(tmp_path: Path) -> None:
    out = write_table_cards(tmp_path / "cards.pdf", CARDS, title="Spring forum", wifi="Room-5G")
    texts = pages(out)
    assert len(texts) == len(CARDS)
    for card, text in zip(CARDS, texts, strict=True):
        assert f"Table {card.number}" in text
        assert card.url in text
        for line in instructions("Room-5G"):
            assert line in text
        others = [c.url for c in CARDS if c is not card]
        assert not any(url in text for url in others)
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True)
    assert "A4" in info.stdout
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True)
    assert "Helvetica" not in fonts.stdout  # the bundled fonts, embedded
    assert list(tmp_path.iterdir()) == [out]  # no part file left behind


def test_names_and_any_script_are_printed(tmp_path: Path) -> None:
    cards = [TableCard(7, "http://10.42.0.1:8765/t/abc", name="Café 東京 🚀")]
    text = pages(write_table_cards(tmp_path / "c.pdf", cards, title="Forum <b>&</b>"))[0]
    assert "Table 7" in text and "Café 東京" in text
    assert "the room\u2019s wifi" in text  # no network named: said in general


def test_bad_places_and_no_tables_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        write_table_cards(tmp_path / "missing" / "c.pdf", CARDS)
    with pytest.raises(InputError):
        write_table_cards(tmp_path, CARDS)
    with pytest.raises(InputError):
        write_table_cards(tmp_path / "c.pdf", [])
    assert list(tmp_path.iterdir()) == []
