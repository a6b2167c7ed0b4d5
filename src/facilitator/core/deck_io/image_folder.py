"""A deck from a plain folder of images: one card per image, for scanned cards."""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.core.deck import Deck
from facilitator.core.deck_io.checks import (
    CardDraft,
    Problems,
    build_deck,
    pretty_stem,
    read_image,
    settle_ids,
)
from facilitator.core.deck_io.limits import DEFAULT_SUIT, IMAGE_SUFFIXES, MAX_NAME
from facilitator.core.errors import InputError


def _natural_key(name: str) -> list[str | int]:
    return [int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", name)]


def _title_from_file_name(stem: str) -> str:
    title = pretty_stem(re.sub(r"^\d+[\s._-]+(?=\D)", "", stem))
    return title[:MAX_NAME]


def load_image_folder(folder: Path) -> Deck:
    images = sorted(
        (
            f
            for f in folder.iterdir()
            if f.is_file() and not f.name.startswith(".") and f.suffix.lower() in IMAGE_SUFFIXES
        ),
        key=lambda f: _natural_key(f.name),
    )
    display = folder.name + "/"
    if not images:
        raise InputError(display, "no deck.toml, no CSV file and no images in this folder")
    problems = Problems()
    drafts = []
    for file in images:
        data = read_image(problems, file, file.name, "the image")
        title = _title_from_file_name(file.stem)
        drafts.append(
            CardDraft(file.name, "", title, suit=DEFAULT_SUIT.id, image=data, image_name=file.name)
        )
    ids = settle_ids(problems, drafts)
    return build_deck(
        problems,
        display,
        name=pretty_stem(folder.name)[:MAX_NAME] or "Cards",
        suits=[DEFAULT_SUIT],
        drafts=drafts,
        ids=ids,
    )
