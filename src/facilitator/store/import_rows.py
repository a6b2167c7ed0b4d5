"""One row of an imported spreadsheet, understood and checked against the event: its
round, table, kind, cards (from the ``cards`` column and the ``#tags`` in the text, as
the app reads typing), time, and the actual times of its round. :mod:`import_themes`
reads the file and adds the rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from msgspec import Struct

from facilitator.core.capture import PICK, TagIndex
from facilitator.core.deck import Deck
from facilitator.core.records import KINDS, RoundInfo, TableInfo
from facilitator.store.db import MAX_THEME_CHARS

RISKY = ("=", "+", "-", "@", "\t", "\r")

# header (lower case, single spaces) -> field
HEADERS = {
    "text": "text",
    "theme": "text",
    "entry": "text",
    "round": "round",
    "round number": "round",
    "round title": "round_title",
    "table": "table",
    "table number": "table",
    "table name": "table_name",
    "kind": "kind",
    "type": "kind",
    "cards": "cards",
    "card": "cards",
    "created at": "created_at",
    "time": "created_at",
    "round start": "round_start",
    "round started": "round_start",
    "actual start": "round_start",
    "round end": "round_end",
    "round ended": "round_end",
    "actual end": "round_end",
}
PICK_WORDS = ("pick", "picks", "card pick", "card picks")
KIND_WORDS = {k: k for k in KINDS} | {f"{k}s": k for k in KINDS} | dict.fromkeys(PICK_WORDS, PICK)


class Row(Struct, frozen=True):
    number: int  # as a spreadsheet counts: the header is row 1
    text: str  # "" only in a row that holds a pick or round times alone
    kind: str  # an entry's kind, or PICK: the row records card picks, not an entry
    round_id: str | None
    table_id: str | None
    cards: tuple[str, ...]
    created_at: str | None
    round_start: str | None = None
    round_end: str | None = None

    @property
    def is_entry(self) -> bool:
        return self.kind != PICK and bool(self.text)


class Bad(Exception):
    """One thing wrong with a row."""


def cell(record: Sequence[str], fields: dict[str, int], field: str) -> str:
    index = fields.get(field)
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def read_row(
    number: int,
    record: Sequence[str],
    fields: dict[str, int],
    rounds: Sequence[RoundInfo],
    tables: Sequence[TableInfo],
    tags: TagIndex,
) -> Row:
    text = cell(record, fields, "text")
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(RISKY):
        text = text[1:]  # the apostrophe a csv export puts before a formula-like cell
    if len(text) > MAX_THEME_CHARS:
        raise Bad(f"the text is longer than {MAX_THEME_CHARS:,} characters")
    kind_raw = cell(record, fields, "kind")
    kind = KIND_WORDS.get(re.sub(r"\s+", " ", kind_raw.lower()) or "theme")
    if kind is None:
        raise Bad(f'unknown kind "{kind_raw}" (use theme, quote, question, action or pick)')
    round_id = _round(cell(record, fields, "round"), cell(record, fields, "round_title"), rounds)
    start = _time(cell(record, fields, "round_start"), "round_start")
    end = _time(cell(record, fields, "round_end"), "round_end")
    if (start or end) and round_id is None:
        raise Bad("round times need a round: say which in the round column")
    # the cards column first, then the #tags in the text, as the app tags typed text
    cards = _cards(cell(record, fields, "cards"), tags.deck)
    cards += tuple(c for c in tags.cards_in(text) if c not in cards)
    if kind == PICK:
        unknown = tags.unknown_in(text)
        if unknown:
            raise Bad(f'unknown card "{unknown[0]}" (not in the deck "{tags.deck.name}")')
        if not cards:
            raise Bad("a card pick names no card: put it in the cards column or as #card")
    elif not text and not (start or end):
        raise Bad("no text in this row")
    return Row(
        number=number,
        text=text,
        kind=kind,
        round_id=round_id,
        table_id=_table(
            cell(record, fields, "table") or cell(record, fields, "table_name"), tables
        ),
        cards=cards,
        created_at=_time(cell(record, fields, "created_at"), "created_at"),
        round_start=start,
        round_end=end,
    )


def _round(number: str, title: str, rounds: Sequence[RoundInfo]) -> str | None:
    if not number and not title:
        return None
    by_title = {r.title.strip().lower(): r for r in rounds}
    if number:
        digits = re.fullmatch(r"(?:round\s*)?(\d+)", number.lower())
        if digits is None:
            found = by_title.get(number.lower())
            if found is None:
                raise Bad(f'unknown round "{number}"')
            return found.id
        n = int(digits.group(1))
        if not 1 <= n <= len(rounds):
            raise Bad(f'unknown round "{number}" (the plan has rounds 1 to {len(rounds)})')
        chosen = rounds[n - 1]
        if title and chosen.title.strip().lower() != title.lower():
            raise Bad(f'round {n} is "{chosen.title}", not "{title}"')
        return chosen.id
    found = by_title.get(title.lower())
    if found is None:
        raise Bad(f'unknown round "{title}"')
    return found.id


def _table(value: str, tables: Sequence[TableInfo]) -> str | None:
    if not value:
        return None
    digits = re.fullmatch(r"(?:table\s*)?(\d+)", value.lower())
    for t in tables:
        if digits is not None and t.number == int(digits.group(1)):
            return t.id
        if t.name and t.name.strip().lower() == value.lower():
            return t.id
    if digits is not None and tables:
        numbers = [t.number for t in tables]
        raise Bad(
            f'unknown table "{value}" (the event has tables {min(numbers)} to {max(numbers)})'
        )
    raise Bad(f'unknown table "{value}"')


def _cards(value: str, deck: Deck) -> tuple[str, ...]:
    if not value:
        return ()
    keys = {c.id.lower(): c.id for c in deck.cards} | {c.title.lower(): c.id for c in deck.cards}
    out: list[str] = []
    for raw in re.split(r"[;|,]", value):
        name = raw.strip()
        if not name:
            continue
        key = keys.get(name.removeprefix("#").lower())
        if key is None:
            raise Bad(f'unknown card "{name}" (not in the deck "{deck.name}")')
        if key not in out:
            out.append(key)
    return tuple(out)


def _time(value: str, column: str) -> str | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        raise Bad(
            f'{column} "{value}" is not a date and time like 2025-03-14T10:05:00+00:00'
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a time without a zone is the importing computer's
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def shown(iso: str) -> str:
    """A stored time as a message shows it: 2025-03-14 09:30 UTC."""
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M UTC")
