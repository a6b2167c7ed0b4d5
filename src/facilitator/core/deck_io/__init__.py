"""Load a deck from deck.toml, a deck folder, a CSV file or a folder of images.

Every loader gives the same :class:`Deck` value, and reports every problem it finds at
once, each pointing at its place (``deck.toml:14: card "trust": unknown suit "relate"``,
``cards.csv: row 7: no title``), so a facilitator fixes a deck in one pass.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.core.deck import Deck
from facilitator.core.deck_io.checks import image_kind, multi_line, one_line, slugify
from facilitator.core.deck_io.csv_deck import load_csv
from facilitator.core.deck_io.image_folder import load_image_folder
from facilitator.core.deck_io.limits import DECK_FILE, MAX_ID
from facilitator.core.deck_io.toml_deck import load_toml
from facilitator.core.errors import InputError
from facilitator.paths import resource_path

__all__ = [
    "DECK_FILE",
    "MAX_ID",
    "bundled_decks",
    "image_kind",
    "load_deck",
    "multi_line",
    "one_line",
    "slugify",
]


def load_deck(path: Path) -> Deck:
    """The deck at ``path``: a ``.toml`` file, a ``.csv`` file, or a folder holding
    ``deck.toml``, one ``.csv`` file or images. Raises :class:`InputError` listing every
    problem found."""
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if path.is_dir():
        return _load_folder(path)
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return load_toml(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return load_csv(path)
    raise InputError(path.name, "not a deck: give a deck.toml file, a .csv file or a folder")


def bundled_decks() -> dict[str, Path]:
    """The decks shipped with the app: folder name (a stable id) -> deck folder."""
    root = resource_path("cards")
    if not root.is_dir():
        return {}
    return {
        folder.name: folder for folder in sorted(root.iterdir()) if (folder / DECK_FILE).is_file()
    }


def _load_folder(folder: Path) -> Deck:
    deck_file = folder / DECK_FILE
    if deck_file.is_file():
        return load_toml(deck_file)
    csvs = sorted(f for f in folder.iterdir() if f.suffix.lower() == ".csv" and f.is_file())
    if len(csvs) == 1:
        return load_csv(csvs[0])
    if len(csvs) > 1:
        raise InputError(
            folder.name + "/",
            f"{len(csvs)} CSV files and no deck.toml; give the CSV file to load",
        )
    return load_image_folder(folder)
