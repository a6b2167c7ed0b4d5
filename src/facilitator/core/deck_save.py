"""Write a deck as a ``deck.toml`` folder (with its images) that loads back equal."""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.core import atomic
from facilitator.core.deck import Card, Deck
from facilitator.core.deck_io import DECK_FILE, image_kind
from facilitator.core.errors import InputError

IMAGES_FOLDER = "images"

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\f": "\\f", "\r": "\\r"}


def toml_string(text: str) -> str:
    """A TOML basic string; text with line breaks becomes a readable multi-line string."""

    def escape(ch: str) -> str:
        if ch in _ESCAPES:
            return _ESCAPES[ch]
        if ch != "\n" and (ord(ch) < 0x20 or ord(ch) == 0x7F):
            return f"\\u{ord(ch):04X}"
        return ch

    if "\n" in text:
        body = "".join(escape(ch) for ch in text)
        return f'"""\n{body}"""'
    return '"' + "".join("\\n" if ch == "\n" else escape(ch) for ch in text) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key.replace("\n", " "))


def _string_list(items: tuple[str, ...], indent: str = "") -> str:
    if not items:
        return "[]"
    if all("\n" not in q for q in items) and sum(len(q) for q in items) < 60:
        return "[" + ", ".join(toml_string(q) for q in items) + "]"
    inner = "".join(f"{indent}    {toml_string(q)},\n" for q in items)
    return f"[\n{inner}{indent}]"


def _image_file_names(deck: Deck) -> dict[str, str]:
    """card id -> the file name its image is saved under: its own name, made unique."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for card in deck.cards:
        if card.image is None:
            continue
        name = Path(card.image_name.replace("\\", "/")).name.strip()
        if not name or name.startswith("."):
            name = f"{card.id}.{image_kind(card.image) or 'png'}"
        stem, dot, suffix = name.rpartition(".")
        stem, suffix = (stem, "." + suffix) if dot else (name, "")
        candidate, n = name, 2
        while candidate.casefold() in taken:
            candidate = f"{stem}-{n}{suffix}"
            n += 1
        taken.add(candidate.casefold())
        names[card.id] = candidate
    return names


def deck_to_toml(deck: Deck, image_files: dict[str, str] | None = None) -> str:
    """The text of ``deck.toml`` for ``deck``; ``image_files`` maps card id -> file name
    inside ``images/``."""
    image_files = image_files if image_files is not None else _image_file_names(deck)
    out = [
        "[deck]",
        f"name = {toml_string(deck.name)}",
        f"suit_label = {toml_string(deck.suit_label)}",
    ]
    if deck.levels:
        out.append(f"levels = {_string_list(deck.levels)}")
    if deck.note:
        out.append(f"note = {toml_string(deck.note)}")
    for suit in deck.suits:
        out += ["", "[[suit]]", f"id = {toml_string(suit.id)}", f"name = {toml_string(suit.name)}"]
        out.append(f"colour = {toml_string(suit.colour)}")
    for card in deck.cards:
        out += ["", *_card_lines(card, image_files.get(card.id))]
    return "\n".join(out) + "\n"


def _card_lines(card: Card, image_file: str | None) -> list[str]:
    lines = [
        "[[card]]",
        f"id = {toml_string(card.id)}",
        f"suit = {toml_string(card.suit)}",
        f"title = {toml_string(card.title)}",
    ]
    if card.front:
        lines.append(f"front = {toml_string(card.front)}")
    if image_file:
        lines.append(f"image = {toml_string(f'{IMAGES_FOLDER}/{image_file}')}")
    if len(card.questions) == 1 and card.questions[0][0] == "":
        lines.append(f"questions = {_string_list(card.questions[0][1])}")
    elif card.questions:
        lines.append("[card.questions]")
        lines += [f"{toml_key(level)} = {_string_list(qs)}" for level, qs in card.questions]
    return lines


def save_deck(deck: Deck, folder: Path) -> Path:
    """Write ``deck`` into ``folder`` as ``deck.toml`` plus ``images/``; return the
    ``deck.toml`` path. The file is replaced in one step, so a failed save leaves the
    previous one whole."""
    folder = Path(folder)
    image_files = _image_file_names(deck)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if image_files:
            (folder / IMAGES_FOLDER).mkdir(exist_ok=True)
        for card in deck.cards:
            if card.image is not None:
                atomic.write_bytes(folder / IMAGES_FOLDER / image_files[card.id], card.image)
        target = folder / DECK_FILE
        atomic.write_bytes(target, deck_to_toml(deck, image_files).encode("utf-8"))
    except OSError as error:
        raise InputError(str(folder), f"cannot save the deck here ({error.strerror})") from None
    return target
