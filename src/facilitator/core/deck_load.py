"""Load a deck from deck.toml, a deck folder, a CSV file or a folder of images.

Every loader gives the same :class:`Deck` value, and reports every problem it finds at
once, each pointing at its place (``deck.toml:14: card "trust": unknown suit "relate"``,
``cards.csv: row 7: no title``), so a facilitator fixes a deck in one pass.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.deck_colours import auto_colour, parse_colour
from facilitator.core.errors import InputError, Problem
from facilitator.core.textfile import read_user_text
from facilitator.paths import resource_path

# Limits: generous for any real deck, small enough that a runaway paste or a wrong file
# is caught before it reaches the projector or the event file.
MAX_FILE_BYTES = 5_000_000
MAX_IMAGE_BYTES = 20_000_000
MAX_CARDS = 500
MAX_SUITS = 40
MAX_LEVELS = 10
MAX_QUESTIONS_PER_CARD = 50
MAX_ID = 64
MAX_NAME = 120  # deck name, suit name, card title
MAX_LABEL = 40  # suit label, level name
MAX_FRONT = 3000
MAX_QUESTION = 1000
MAX_NOTE = 5000

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg")
DECK_FILE = "deck.toml"
DEFAULT_SUIT = Suit("cards", "Cards", auto_colour(0))

_ID = re.compile(r"\w[\w.-]*")


# -- public ------------------------------------------------------------------------------


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
        return _load_toml(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return _load_csv(path)
    raise InputError(path.name, "not a deck: give a deck.toml file, a .csv file or a folder")


def bundled_decks() -> dict[str, Path]:
    """The decks shipped with the app: folder name (a stable id) -> deck folder."""
    root = resource_path("cards")
    if not root.is_dir():
        return {}
    return {
        folder.name: folder for folder in sorted(root.iterdir()) if (folder / DECK_FILE).is_file()
    }


def slugify(text: str) -> str:
    """A card id from a title: lower case, accents dropped, words joined by hyphens."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    slug = re.sub(r"[\W_]+", "-", text.casefold()).strip("-")
    return slug[:MAX_ID].strip("-") or "card"


def one_line(text: str) -> str:
    """Text for a one-line field: outer whitespace dropped, inner runs made one space."""
    return " ".join(text.split())


def multi_line(text: str) -> str:
    """Text for a paragraph field: line ends made ``\\n``, outer whitespace dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def image_kind(data: bytes) -> str | None:
    """The image format of ``data`` from its first bytes (``"png"``, ...), or None."""
    head = data[:512]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"BM"):
        return "bmp"
    if b"<svg" in head.lstrip(b"\xef\xbb\xbf").lower():
        return "svg"
    return None


# -- shared checks -----------------------------------------------------------------------


class _Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(Problem(where, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise InputError(self.items)


def _control_char(text: str) -> str | None:
    for ch in text:
        if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs"):
            return f"U+{ord(ch):04X}"
    return None


def _clean(
    problems: _Problems, where: str, what: str, value: str, *, limit: int, single: bool
) -> str:
    value = one_line(value) if single else multi_line(value)
    if len(value) > limit:
        problems.add(where, f"{what} is {len(value):,} characters long; at most {limit:,} fit")
    bad = _control_char(value)
    if bad:
        problems.add(where, f"{what} contains a control character ({bad})")
    return value


def _read_image(problems: _Problems, file: Path, where: str, what: str) -> bytes | None:
    if not file.is_file():
        problems.add(where, f"{what} not found")
        return None
    try:
        size = file.stat().st_size
        if size > MAX_IMAGE_BYTES:
            problems.add(where, f"{what} is {size / 1e6:.0f} MB; an image is at most 20 MB")
            return None
        data = file.read_bytes()
    except OSError as error:
        problems.add(where, f"{what} cannot be read ({error.strerror})")
        return None
    if image_kind(data) is None:
        problems.add(where, f"{what} is not a PNG, JPEG, GIF, WebP, BMP or SVG image")
        return None
    return data


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate = base[: MAX_ID - len(suffix)] + suffix
        n += 1
    return candidate


class _CardDraft(Struct):
    """A card as read, before ids and suits are settled."""

    where: str
    label: str  # names the card in messages, e.g. 'card "trust": ' or ""
    title: str
    front: str = ""
    given_id: str = ""
    suit: str = ""  # a suit id, a suit name, or "" for none given
    suit_where: str = ""
    questions: list[tuple[str, list[str]]] = field(default_factory=list)
    image: bytes | None = None
    image_name: str = ""


def _settle_ids(problems: _Problems, drafts: Sequence[_CardDraft]) -> list[str]:
    """Card ids: the given ones (no repeats), then slugs of titles made unique."""
    first_seen: dict[str, str] = {}
    taken: set[str] = set()
    for draft in drafts:
        if not draft.given_id:
            continue
        if draft.given_id in first_seen:
            problems.add(
                draft.where,
                f'card id "{draft.given_id}" is used twice (first at {first_seen[draft.given_id]})',
            )
        else:
            first_seen[draft.given_id] = draft.where
        taken.add(draft.given_id)
    ids = []
    for draft in drafts:
        if draft.given_id:
            ids.append(draft.given_id)
        else:
            new_id = _unique(slugify(draft.title), taken)
            taken.add(new_id)
            ids.append(new_id)
    return ids


def _check_id(problems: _Problems, where: str, what: str, value: str) -> None:
    if len(value) > MAX_ID:
        problems.add(where, f"{what} is longer than {MAX_ID} characters")
    elif not _ID.fullmatch(value):
        problems.add(
            where,
            f'{what} "{value}" must start with a letter or digit and hold only letters, '
            "digits, '-', '_' and '.'",
        )


def _derive_suits(problems: _Problems, drafts: Sequence[_CardDraft]) -> list[Suit]:
    """Suits named by the cards themselves (CSV, TOML without [[suit]]), auto-coloured.

    Sets each draft's ``suit`` to the suit id."""
    if not any(d.suit for d in drafts):
        for draft in drafts:
            draft.suit = DEFAULT_SUIT.id
        return [DEFAULT_SUIT]
    suits: dict[str, Suit] = {}
    for draft in drafts:
        if not draft.suit:
            problems.add(draft.suit_where or draft.where, f"{draft.label}no suit")
            continue
        suit_id = slugify(draft.suit)
        if suit_id not in suits:
            suits[suit_id] = Suit(suit_id, draft.suit, auto_colour(len(suits)))
        draft.suit = suit_id
    return list(suits.values())


def _build(
    problems: _Problems,
    display: str,
    *,
    name: str,
    suits: Sequence[Suit],
    drafts: Sequence[_CardDraft],
    ids: Sequence[str],
    suit_label: str = "Suit",
    levels: Iterable[str] = (),
    note: str = "",
) -> Deck:
    if not drafts:
        problems.add(display, "the deck has no cards")
    if len(drafts) > MAX_CARDS:
        problems.add(display, f"the deck has {len(drafts)} cards; at most {MAX_CARDS} fit")
    if len(suits) > MAX_SUITS:
        problems.add(display, f"the deck has {len(suits)} suits; at most {MAX_SUITS} fit")
    problems.raise_if_any()
    cards = tuple(
        Card(
            id=card_id,
            suit=d.suit,
            title=d.title,
            front=d.front,
            questions=tuple((level, tuple(qs)) for level, qs in d.questions),
            image=d.image,
            image_name=d.image_name if d.image is not None else "",
        )
        for card_id, d in zip(ids, drafts, strict=True)
    )
    return Deck(
        name=name,
        suits=tuple(suits),
        cards=cards,
        suit_label=suit_label,
        levels=tuple(levels),
        note=note,
    )


def _pretty_stem(stem: str) -> str:
    text = one_line(re.sub(r"[_-]+", " ", stem))
    return text[:1].upper() + text[1:] if text else stem


# -- folders -----------------------------------------------------------------------------


def _load_folder(folder: Path) -> Deck:
    deck_file = folder / DECK_FILE
    if deck_file.is_file():
        return _load_toml(deck_file)
    csvs = sorted(f for f in folder.iterdir() if f.suffix.lower() == ".csv" and f.is_file())
    if len(csvs) == 1:
        return _load_csv(csvs[0])
    if len(csvs) > 1:
        raise InputError(
            folder.name + "/",
            f"{len(csvs)} CSV files and no deck.toml; give the CSV file to load",
        )
    return _load_image_folder(folder)


def _natural_key(name: str) -> list[str | int]:
    return [int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", name)]


def _title_from_file_name(stem: str) -> str:
    title = _pretty_stem(re.sub(r"^\d+[\s._-]+(?=\D)", "", stem))
    return title[:MAX_NAME]


def _load_image_folder(folder: Path) -> Deck:
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
    problems = _Problems()
    drafts = []
    for file in images:
        data = _read_image(problems, file, file.name, "the image")
        title = _title_from_file_name(file.stem)
        drafts.append(
            _CardDraft(file.name, "", title, suit=DEFAULT_SUIT.id, image=data, image_name=file.name)
        )
    ids = _settle_ids(problems, drafts)
    return _build(
        problems,
        display,
        name=_pretty_stem(folder.name)[:MAX_NAME] or "Cards",
        suits=[DEFAULT_SUIT],
        drafts=drafts,
        ids=ids,
    )


# -- CSV ---------------------------------------------------------------------------------


class _Column(Struct, frozen=True):
    index: int
    role: str  # id | suit | title | front | image | question | ignore
    level: str = ""


_ROLE_NAMES = {
    "id": "id",
    "suit": "suit",
    "title": "title",
    "front": "front",
    "description": "front",
    "image": "image",
}


def _sniff_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_header(problems: _Problems, display: str, header: list[str]) -> list[_Column]:
    columns = []
    seen: set[str] = set()
    for index, raw in enumerate(header):
        name = one_line(raw).casefold()
        where = f"{display}: row 1"
        if not name:
            columns.append(_Column(index, "ignore"))
            continue
        if name.startswith("question"):
            level = one_line(re.sub(r"[\d:()\[\]#.\-]+", " ", one_line(raw)[len("question") :]))
            level = re.sub(r"^s\b", "", level).strip()  # "questions" -> ""
            columns.append(_Column(index, "question", level[:1].upper() + level[1:]))
            continue
        role = _ROLE_NAMES.get(name)
        if role is None:
            problems.add(
                where,
                f'unknown column "{one_line(raw)}" '
                "(the columns are suit, title, front, question..., and optionally id, image)",
            )
            continue
        if role in seen:
            problems.add(where, f'the column "{role}" appears twice')
            continue
        seen.add(role)
        columns.append(_Column(index, role))
    if "title" not in seen:
        problems.add(
            f"{display}: row 1",
            "no title column (the header row names suit, title, front, question...)",
        )
    return columns


def _load_csv(path: Path) -> Deck:
    display = path.name
    text = read_user_text(path, kind="a deck file", max_bytes=MAX_FILE_BYTES)
    problems = _Problems()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    try:
        rows = [row for row in reader]
    except csv.Error as error:
        raise InputError(
            f"{display}: line {reader.line_num}", f"cannot read the CSV ({error})"
        ) from None
    numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
    if not numbered:
        raise InputError(display, "the file is empty; the first row names the columns")
    header = numbered[0][1]
    columns = _read_header(problems, display, header)
    problems.raise_if_any()
    levels = list(dict.fromkeys(c.level for c in columns if c.role == "question" and c.level))
    drafts = []
    for number, row in numbered[1:]:
        where = f"{display}: row {number}"
        drafts.append(_csv_card(problems, path, where, columns, row))
    ids = _settle_ids(problems, drafts)
    suits = _derive_suits(problems, drafts)
    return _build(
        problems,
        display,
        name=_pretty_stem(path.stem)[:MAX_NAME],
        suits=suits,
        drafts=drafts,
        ids=ids,
        levels=levels,
    )


def _csv_card(
    problems: _Problems, path: Path, where: str, columns: list[_Column], row: list[str]
) -> _CardDraft:
    cells: dict[str, str] = {}
    by_level: dict[str, list[str]] = {}
    for column in columns:
        cell = row[column.index] if column.index < len(row) else ""
        if column.role == "ignore":
            if cell.strip():
                problems.add(where, f"a value in column {column.index + 1}, which has no name")
        elif column.role == "question":
            question = _clean(problems, where, "a question", cell, limit=MAX_QUESTION, single=False)
            if question:
                by_level.setdefault(column.level, []).append(question)
        else:
            cells[column.role] = cell
    if any(c.strip() for c in row[len(columns) :]):
        problems.add(where, "more cells than the header row has columns")
    title = _clean(
        problems, where, "the title", cells.get("title", ""), limit=MAX_NAME, single=True
    )
    if not title:
        problems.add(where, "no title")
    draft = _CardDraft(where, "", title, suit_where=where)
    draft.front = _clean(
        problems, where, "the front", cells.get("front", ""), limit=MAX_FRONT, single=False
    )
    draft.suit = _clean(
        problems, where, "the suit", cells.get("suit", ""), limit=MAX_NAME, single=True
    )
    given_id = one_line(cells.get("id", ""))
    if given_id:
        _check_id(problems, where, "the card id", given_id)
        draft.given_id = given_id
    image = one_line(cells.get("image", ""))
    if image:
        draft.image = _read_image(problems, path.parent / image, where, f'the image "{image}"')
        draft.image_name = Path(image).name
    ordered = sorted(by_level.items(), key=lambda item: item[0] != "")
    draft.questions = ordered
    if sum(len(qs) for _, qs in ordered) > MAX_QUESTIONS_PER_CARD:
        problems.add(where, f"more than {MAX_QUESTIONS_PER_CARD} questions")
    return draft


# -- TOML --------------------------------------------------------------------------------


_HEADER = re.compile(r"\s*\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")


class _TomlLines:
    """Line numbers of tables and keys, found by scanning the text (tomllib gives none).

    ``line(kind, index, key)`` is the line of ``key`` in the ``index``-th ``[[kind]]``
    table (or ``[kind]``), falling back to the table's header, or 0 when not found.
    """

    def __init__(self, text: str) -> None:
        self._headers: dict[str, list[int]] = {}
        self._keys: dict[tuple[str, int], dict[str, int]] = {}
        block: tuple[str, int] | None = None
        in_string = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = ""
                continue
            header = _HEADER.match(line)
            if header:
                name = header.group(1)
                top = name.split(".")[0]
                if "." in name and block and block[0] == top:
                    # [card.questions] belongs to the current card
                    self._keys.setdefault(block, {}).setdefault(name.split(".")[1], number)
                    continue
                self._headers.setdefault(top, []).append(number)
                block = (top, len(self._headers[top]) - 1)
                continue
            key = _KEY.match(line)
            if key and block:
                self._keys.setdefault(block, {}).setdefault(key.group(1).strip("\"'"), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
                    break

    def count(self, kind: str) -> int:
        return len(self._headers.get(kind, []))

    def line(self, kind: str, index: int, key: str = "") -> int:
        found = self._keys.get((kind, index), {}).get(key) if key else None
        if found:
            return found
        headers = self._headers.get(kind, [])
        return headers[index] if index < len(headers) else 0


def _toml_error_place(error: tomllib.TOMLDecodeError, text: str) -> tuple[int, str]:
    message = str(error)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match:
        return int(match.group(1)), message[: match.start()].strip()
    if "(at end of document)" in message:
        return max(1, len(text.splitlines())), message.replace("(at end of document)", "").strip()
    return 0, message


class _TomlReader:
    def __init__(self, path: Path, text: str, problems: _Problems) -> None:
        self.path = path
        self.display = path.name
        self.lines = _TomlLines(text)
        self.problems = problems

    def where(self, kind: str, index: int, key: str = "", *, counted: bool = True) -> str:
        line = self.lines.line(kind, index, key) if counted else 0
        return f"{self.display}:{line}" if line else self.display

    def string(
        self,
        table: dict[str, Any],
        key: str,
        where: str,
        label: str,
        *,
        limit: int,
        single: bool,
        what: str = "",
    ) -> str:
        value = table.get(key, "")
        what = what or key
        if not isinstance(value, str):
            self.problems.add(where, f"{label}{what} must be text in quotes, not {_kind(value)}")
            return ""
        return _clean(self.problems, where, f"{label}{what}", value, limit=limit, single=single)

    def unknown_keys(
        self,
        table: dict[str, Any],
        allowed: Sequence[str],
        place: tuple[str, int],
        label: str,
        *,
        counted: bool = True,
    ) -> None:
        for key in table:
            if key not in allowed:
                self.problems.add(
                    self.where(*place, key, counted=counted),
                    f'{label}unknown key "{key}" (expected {", ".join(allowed)})',
                )


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, str):
        return "text"
    return "a date or time"


def _load_toml(path: Path) -> Deck:
    display = path.name
    text = read_user_text(path, kind="a deck file", max_bytes=MAX_FILE_BYTES)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, message = _toml_error_place(error, text)
        raise InputError(
            f"{display}:{line}" if line else display, f"TOML syntax error: {message}"
        ) from None
    problems = _Problems()
    reader = _TomlReader(path, text, problems)
    for key in data:
        if key not in ("deck", "suit", "card"):
            problems.add(
                display, f'unknown table or key "{key}" (expected [deck], [[suit]], [[card]])'
            )

    deck_table = data.get("deck", {})
    deck_where = reader.where("deck", 0)
    if not isinstance(deck_table, dict):
        problems.add(display, "deck must be a table: [deck]")
        deck_table = {}
    elif "deck" not in data:
        problems.add(display, 'no [deck] table; it names the deck: [deck] name = "..."')
    reader.unknown_keys(
        deck_table, ("name", "suit_label", "levels", "note"), ("deck", 0), "[deck]: "
    )
    name = reader.string(
        deck_table, "name", reader.where("deck", 0, "name"), "[deck]: ", limit=MAX_NAME, single=True
    )
    if not name and "deck" in data and isinstance(deck_table.get("name", ""), str):
        problems.add(deck_where, "[deck]: no name")
    suit_label = (
        reader.string(
            deck_table,
            "suit_label",
            reader.where("deck", 0, "suit_label"),
            "[deck]: ",
            limit=MAX_LABEL,
            single=True,
        )
        or "Suit"
    )
    note = reader.string(
        deck_table,
        "note",
        reader.where("deck", 0, "note"),
        "[deck]: ",
        limit=MAX_NOTE,
        single=False,
    )
    levels = _toml_levels(reader, deck_table.get("levels", []), reader.where("deck", 0, "levels"))

    suits = _toml_suits(reader, data.get("suit", []))
    raw_cards = data.get("card", [])
    if not isinstance(raw_cards, list):
        problems.add(display, "card must be a list of tables: [[card]]")
        raw_cards = []
    counted = reader.lines.count("card") == len(raw_cards)
    drafts = [
        _toml_card(reader, index, raw, counted, levels) for index, raw in enumerate(raw_cards)
    ]
    if not levels:
        levels = list(dict.fromkeys(lv for d in drafts for lv, _ in d.questions if lv))
    for draft in drafts:
        order = {level: n for n, level in enumerate(levels)}
        draft.questions.sort(key=lambda item: order.get(item[0], -1))
    ids = _settle_ids(problems, drafts)
    if suits:
        _resolve_suits(reader, suits, drafts)
    else:
        suits = _derive_suits(problems, drafts)
    return _build(
        problems,
        display,
        name=name,
        suits=suits,
        drafts=drafts,
        ids=ids,
        suit_label=suit_label,
        levels=levels,
        note=note,
    )


def _toml_levels(reader: _TomlReader, value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        reader.problems.add(
            where, '[deck]: levels must be a list of names, e.g. ["Self", "System"]'
        )
        return []
    levels = [
        _clean(reader.problems, where, "[deck]: a level name", v, limit=MAX_LABEL, single=True)
        for v in value
    ]
    if len(levels) > MAX_LEVELS:
        reader.problems.add(where, f"[deck]: {len(levels)} levels; at most {MAX_LEVELS} fit")
    if "" in levels:
        reader.problems.add(where, "[deck]: a level has an empty name")
    repeated = sorted({lv for lv in levels if levels.count(lv) > 1})
    if repeated:
        reader.problems.add(where, f'[deck]: the level "{repeated[0]}" is listed twice')
    return levels


def _toml_suits(reader: _TomlReader, value: object) -> list[Suit]:
    problems = reader.problems
    if not isinstance(value, list):
        problems.add(reader.display, "suit must be a list of tables: [[suit]]")
        return []
    counted = reader.lines.count("suit") == len(value)
    suits: list[Suit] = []
    seen: dict[str, str] = {}
    for index, raw in enumerate(value):
        where = reader.where("suit", index, counted=counted)
        if not isinstance(raw, dict):
            problems.add(where, "each suit must be a table: [[suit]]")
            continue
        label = f"suit {index + 1}: "
        reader.unknown_keys(
            raw, ("id", "name", "colour", "color"), ("suit", index), label, counted=counted
        )
        suit_id = reader.string(
            raw,
            "id",
            reader.where("suit", index, "id", counted=counted),
            label,
            limit=MAX_ID * 2,
            single=True,
        )
        name = reader.string(
            raw,
            "name",
            reader.where("suit", index, "name", counted=counted),
            label,
            limit=MAX_NAME,
            single=True,
        )
        if not suit_id and not name:
            problems.add(where, f"{label}no id and no name")
            continue
        suit_id = suit_id or slugify(name)
        name = name or suit_id
        label = f'suit "{suit_id}": '
        _check_id(problems, where, f"{label}the id", suit_id)
        if suit_id in seen:
            problems.add(where, f'suit id "{suit_id}" is used twice (first at {seen[suit_id]})')
        seen.setdefault(suit_id, where)
        colour_key = "colour" if "colour" in raw else "color"
        colour_where = reader.where("suit", index, colour_key, counted=counted)
        colour = auto_colour(index)
        if colour_key in raw:
            text = raw[colour_key]
            parsed = parse_colour(text) if isinstance(text, str) else None
            if parsed is None:
                problems.add(colour_where, f'{label}colour "{text}" is not a colour like "#1b6ca8"')
            else:
                colour = parsed
        suits.append(Suit(suit_id, name, colour))
    return suits


def _toml_card(
    reader: _TomlReader, index: int, raw: object, counted: bool, levels: Sequence[str]
) -> _CardDraft:
    problems = reader.problems

    def where(key: str = "") -> str:
        return reader.where("card", index, key, counted=counted)

    if not isinstance(raw, dict):
        problems.add(where(), f"card {index + 1} must be a table: [[card]]")
        return _CardDraft(where(), "", f"card {index + 1}")
    given_id = raw.get("id", "")
    title_value = raw.get("title", "")
    if isinstance(given_id, str) and one_line(given_id):
        label = f'card "{one_line(given_id)}": '
    elif isinstance(title_value, str) and one_line(title_value):
        label = f'card "{one_line(title_value)[:40]}": '
    else:
        label = f"card {index + 1}: "
    reader.unknown_keys(
        raw,
        ("id", "suit", "title", "front", "image", "questions"),
        ("card", index),
        label,
        counted=counted,
    )
    title = reader.string(raw, "title", where("title"), label, limit=MAX_NAME, single=True)
    if not title and isinstance(title_value, str):
        problems.add(where("title"), f"{label}no title")
    draft = _CardDraft(where(), label, title, suit_where=where("suit"))
    draft.front = reader.string(raw, "front", where("front"), label, limit=MAX_FRONT, single=False)
    draft.suit = reader.string(raw, "suit", where("suit"), label, limit=MAX_NAME, single=True)
    card_id = reader.string(raw, "id", where("id"), label, limit=MAX_ID * 2, single=True)
    if card_id:
        _check_id(problems, where("id"), f"{label}the id", card_id)
        draft.given_id = card_id
    image = raw.get("image", "")
    if not isinstance(image, str):
        problems.add(where("image"), f"{label}image must be a file name in quotes")
    elif image.strip():
        draft.image = _read_image(
            problems,
            reader.path.parent / image.strip(),
            where("image"),
            f'{label}image "{image.strip()}"',
        )
        draft.image_name = Path(image.strip()).name
    draft.questions = _toml_questions(reader, raw.get("questions", []), where, label, levels)
    return draft


def _toml_questions(
    reader: _TomlReader,
    value: object,
    where_of: Callable[[str], str],
    label: str,
    levels: Sequence[str],
) -> list[tuple[str, list[str]]]:
    problems = reader.problems
    where = where_of("questions")
    groups: list[tuple[str, object]]
    if isinstance(value, list):
        groups = [("", value)] if value else []
    elif isinstance(value, dict):
        groups = list(value.items())
    else:
        problems.add(where, f"{label}questions must be a list or a table of levels")
        return []
    result: list[tuple[str, list[str]]] = []
    total = 0
    for raw_level, questions in groups:
        level = one_line(raw_level)
        if level and levels and level not in levels:
            problems.add(
                where_of(raw_level),
                f'{label}unknown level "{level}" (the levels are {", ".join(levels)})',
            )
        if isinstance(questions, str):
            questions = [questions]
        if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
            problems.add(
                where, f"{label}questions{f' for {level}' if level else ''} must be a list of text"
            )
            continue
        cleaned = [
            _clean(problems, where, f"{label}a question", q, limit=MAX_QUESTION, single=False)
            for q in questions
        ]
        total += len(cleaned)
        result.append((level, [q for q in cleaned if q]))
    if total > MAX_QUESTIONS_PER_CARD:
        problems.add(where, f"{label}{total} questions; at most {MAX_QUESTIONS_PER_CARD} fit")
    return result


def _resolve_suits(
    reader: _TomlReader, suits: Sequence[Suit], drafts: Sequence[_CardDraft]
) -> None:
    """Point each card at a declared suit, by id or (forgivingly) by name."""
    by_id = {s.id: s.id for s in suits}
    by_name = {s.name.casefold(): s.id for s in suits}
    for draft in drafts:
        if not draft.suit:
            if len(suits) == 1:
                draft.suit = suits[0].id
            else:
                reader.problems.add(
                    draft.suit_where,
                    f"{draft.label}no suit (one of {', '.join(s.id for s in suits)})",
                )
            continue
        found = by_id.get(draft.suit) or by_name.get(draft.suit.casefold())
        if found is None:
            reader.problems.add(draft.suit_where, f'{draft.label}unknown suit "{draft.suit}"')
        else:
            draft.suit = found
