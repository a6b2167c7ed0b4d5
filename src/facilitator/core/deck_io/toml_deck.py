"""A deck from deck.toml: the [deck] table, its [[suit]]s and its [[card]]s."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from facilitator.core.deck import Deck, Suit
from facilitator.core.deck_colours import auto_colour, parse_colour
from facilitator.core.deck_io.checks import (
    CardDraft,
    Problems,
    build_deck,
    check_id,
    clean,
    derive_suits,
    one_line,
    read_image,
    settle_ids,
    slugify,
)
from facilitator.core.deck_io.limits import (
    MAX_FILE_BYTES,
    MAX_FRONT,
    MAX_ID,
    MAX_LABEL,
    MAX_LEVELS,
    MAX_NAME,
    MAX_NOTE,
    MAX_QUESTION,
    MAX_QUESTIONS_PER_CARD,
)
from facilitator.core.deck_io.toml_places import TomlReader, toml_error_place
from facilitator.core.errors import InputError
from facilitator.core.textfile import read_user_text


def load_toml(path: Path) -> Deck:
    display = path.name
    text = read_user_text(path, kind="a deck file", max_bytes=MAX_FILE_BYTES)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, message = toml_error_place(error, text)
        raise InputError(
            f"{display}:{line}" if line else display, f"TOML syntax error: {message}"
        ) from None
    problems = Problems()
    reader = TomlReader(path, text, problems)
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
    ids = settle_ids(problems, drafts)
    if suits:
        _resolve_suits(reader, suits, drafts)
    else:
        suits = derive_suits(problems, drafts)
    return build_deck(
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


def _toml_levels(reader: TomlReader, value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        reader.problems.add(
            where, '[deck]: levels must be a list of names, e.g. ["Self", "System"]'
        )
        return []
    levels = [
        clean(reader.problems, where, "[deck]: a level name", v, limit=MAX_LABEL, single=True)
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


def _toml_suits(reader: TomlReader, value: object) -> list[Suit]:
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
        check_id(problems, where, f"{label}the id", suit_id)
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
    reader: TomlReader, index: int, raw: object, counted: bool, levels: Sequence[str]
) -> CardDraft:
    problems = reader.problems

    def where(key: str = "") -> str:
        return reader.where("card", index, key, counted=counted)

    if not isinstance(raw, dict):
        problems.add(where(), f"card {index + 1} must be a table: [[card]]")
        return CardDraft(where(), "", f"card {index + 1}")
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
    draft = CardDraft(where(), label, title, suit_where=where("suit"))
    draft.front = reader.string(raw, "front", where("front"), label, limit=MAX_FRONT, single=False)
    draft.suit = reader.string(raw, "suit", where("suit"), label, limit=MAX_NAME, single=True)
    card_id = reader.string(raw, "id", where("id"), label, limit=MAX_ID * 2, single=True)
    if card_id:
        check_id(problems, where("id"), f"{label}the id", card_id)
        draft.given_id = card_id
    image = raw.get("image", "")
    if not isinstance(image, str):
        problems.add(where("image"), f"{label}image must be a file name in quotes")
    elif image.strip():
        draft.image = read_image(
            problems,
            reader.path.parent / image.strip(),
            where("image"),
            f'{label}image "{image.strip()}"',
        )
        draft.image_name = Path(image.strip()).name
    draft.questions = _toml_questions(reader, raw.get("questions", []), where, label, levels)
    return draft


def _toml_questions(
    reader: TomlReader,
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
            clean(problems, where, f"{label}a question", q, limit=MAX_QUESTION, single=False)
            for q in questions
        ]
        total += len(cleaned)
        result.append((level, [q for q in cleaned if q]))
    if total > MAX_QUESTIONS_PER_CARD:
        problems.add(where, f"{label}{total} questions; at most {MAX_QUESTIONS_PER_CARD} fit")
    return result


def _resolve_suits(reader: TomlReader, suits: Sequence[Suit], drafts: Sequence[CardDraft]) -> None:
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
