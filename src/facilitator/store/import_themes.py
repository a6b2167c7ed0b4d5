"""Add themes typed elsewhere (a spreadsheet saved as CSV) to an event.

Columns are found by their header, in any order and case: ``text`` (required; also
``theme`` or ``entry``), ``round`` (the round's number or title), ``round_title``,
``table`` (number, "Table 3" or the table's name), ``kind`` (theme, quote, question,
action; theme when empty), ``cards`` (card ids or titles separated by ``;``), and
``created_at`` (ISO 8601). Other columns, such as ``prompt``, are ignored, so a csv
exported by Facilitator imports back as it was.

UTF-8 with or without a BOM; comma, semicolon or tab between columns. Every row is checked;
any bad row is reported with its row number (the header is row 1, as in a spreadsheet)
and nothing is imported, unless the good rows are asked for. An entry the event already
holds (same round, table, kind and text) is not added again, so importing twice is safe.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from msgspec import Struct

from facilitator.core.deck import Deck
from facilitator.core.errors import InputError, Problem
from facilitator.core.records import KINDS, RoundInfo, TableInfo
from facilitator.core.textfile import read_user_text
from facilitator.store.db import MAX_THEME_CHARS, EventStore, new_id

MAX_FILE_BYTES = 100_000_000
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
}
KIND_WORDS = {k: k for k in KINDS} | {f"{k}s": k for k in KINDS}


class Row(Struct, frozen=True):
    number: int  # as a spreadsheet counts: the header is row 1
    text: str
    kind: str
    round_id: str | None
    table_id: str | None
    cards: tuple[str, ...]
    created_at: str | None


class ImportResult(Struct, frozen=True):
    imported: int
    repeats: int  # rows the event already held
    bad: tuple[Problem, ...]
    ignored_columns: tuple[str, ...]


def import_themes_cli(event: Path, csv_path: Path, good_rows_only: bool) -> int:
    """``facilitator import-themes EVENT FILE.csv [--good-rows]``."""
    result = import_themes(Path(event), Path(csv_path), good_rows_only=good_rows_only)
    for problem in result.bad:
        print(problem, file=sys.stderr)
    lines = [f"Imported {result.imported:,} {'entry' if result.imported == 1 else 'entries'}"]
    if result.repeats:
        lines.append(f"{result.repeats:,} already in the event, not added again")
    if result.bad:
        n = len(result.bad)
        lines.append(f"{n:,} bad {'row' if n == 1 else 'rows'} left out")
    if result.ignored_columns:
        lines.append("ignored columns: " + ", ".join(result.ignored_columns))
    print("; ".join(lines) + f" into {event}")
    return 0 if result.imported or not result.bad else 1


def import_themes(event: Path, csv_path: Path, *, good_rows_only: bool = False) -> ImportResult:
    name = csv_path.name
    records = _read_csv(csv_path)
    with EventStore.open(event) as store:
        rounds, tables, deck = store.rounds(), store.tables(), store.deck(images=False)
        fields, ignored = _map_header(records[0] if records else [], name)
        rows: list[Row] = []
        problems: list[Problem] = []
        for number, record in enumerate(records[1:], start=2):
            if not any(cell.strip() for cell in record):
                continue  # a blank line
            try:
                rows.append(_row(number, record, fields, rounds, tables, deck))
            except _Bad as bad:
                problems.append(Problem(f"{name}: row {number}", str(bad)))
        if problems and not good_rows_only:
            problems.append(
                Problem(
                    name,
                    f"nothing was imported: {len(problems):,} bad "
                    f"{'row' if len(problems) == 1 else 'rows'}; fix "
                    f"{'it' if len(problems) == 1 else 'them'}, or import the good rows "
                    "with --good-rows",
                )
            )
            raise InputError(problems)
        imported, repeats = _add(store, rows)
    return ImportResult(imported, repeats, tuple(problems), tuple(ignored))


class _Bad(Exception):
    """One thing wrong with a row."""


def _read_csv(path: Path) -> list[list[str]]:
    name = path.name
    text = read_user_text(path, kind="a CSV file", max_bytes=MAX_FILE_BYTES)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(name, f"is not a readable CSV file ({exc})") from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise InputError(name, "is empty: the first row must name the columns (text, table...)")
    return records


def _map_header(header: Sequence[str], name: str) -> tuple[dict[str, int], list[str]]:
    fields: dict[str, int] = {}
    ignored: list[str] = []
    for index, raw in enumerate(header):
        key = re.sub(r"[\s_]+", " ", raw.strip().lower())
        field = HEADERS.get(key)
        if field is None:
            if raw.strip() and key not in ("prompt", "hidden from wall", "id"):
                ignored.append(raw.strip())
            continue
        if field in fields:
            raise InputError(
                f"{name}: row 1",
                f'two columns give the {field.replace("_", " ")} ("{header[fields[field]]}" '
                f'and "{raw.strip()}"); keep one',
            )
        fields[field] = index
    if "text" not in fields:
        found = ", ".join(f'"{h.strip()}"' for h in header if h.strip())
        raise InputError(
            f"{name}: row 1", f'no "text" column naming what was said (the columns are {found})'
        )
    return fields, ignored


def _cell(record: Sequence[str], fields: dict[str, int], field: str) -> str:
    index = fields.get(field)
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def _row(
    number: int,
    record: Sequence[str],
    fields: dict[str, int],
    rounds: Sequence[RoundInfo],
    tables: Sequence[TableInfo],
    deck: Deck,
) -> Row:
    text = _cell(record, fields, "text")
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(RISKY):
        text = text[1:]  # the apostrophe a csv export puts before a formula-like cell
    if not text:
        raise _Bad("no text in this row")
    if len(text) > MAX_THEME_CHARS:
        raise _Bad(f"the text is longer than {MAX_THEME_CHARS:,} characters")
    kind_raw = _cell(record, fields, "kind")
    kind = KIND_WORDS.get(kind_raw.lower() or "theme")
    if kind is None:
        raise _Bad(f'unknown kind "{kind_raw}" (use theme, quote, question or action)')
    return Row(
        number=number,
        text=text,
        kind=kind,
        round_id=_round(
            _cell(record, fields, "round"), _cell(record, fields, "round_title"), rounds
        ),
        table_id=_table(
            _cell(record, fields, "table") or _cell(record, fields, "table_name"), tables
        ),
        cards=_cards(_cell(record, fields, "cards"), deck),
        created_at=_time(_cell(record, fields, "created_at")),
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
                raise _Bad(f'unknown round "{number}"')
            return found.id
        n = int(digits.group(1))
        if not 1 <= n <= len(rounds):
            raise _Bad(f'unknown round "{number}" (the plan has rounds 1 to {len(rounds)})')
        chosen = rounds[n - 1]
        if title and chosen.title.strip().lower() != title.lower():
            raise _Bad(f'round {n} is "{chosen.title}", not "{title}"')
        return chosen.id
    found = by_title.get(title.lower())
    if found is None:
        raise _Bad(f'unknown round "{title}"')
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
        raise _Bad(
            f'unknown table "{value}" (the event has tables {min(numbers)} to {max(numbers)})'
        )
    raise _Bad(f'unknown table "{value}"')


def _cards(value: str, deck: Deck) -> tuple[str, ...]:
    if not value:
        return ()
    keys = {c.id.lower(): c.id for c in deck.cards} | {c.title.lower(): c.id for c in deck.cards}
    out: list[str] = []
    for raw in re.split(r"[;|,]", value):
        name = raw.strip()
        if not name:
            continue
        key = keys.get(name.lower())
        if key is None:
            raise _Bad(f'unknown card "{name}" (not in the deck "{deck.name}")')
        if key not in out:
            out.append(key)
    return tuple(out)


def _time(value: str) -> str | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        raise _Bad(
            f'created_at "{value}" is not a date and time like 2025-03-14T10:05:00+00:00'
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a time without a zone is the importing computer's
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _add(store: EventStore, rows: Sequence[Row]) -> tuple[int, int]:
    """Add the rows in one transaction; skip those the event already holds."""
    existing = {(t.round_id, t.table_id, t.kind, t.text) for t in store.themes()}
    base = datetime.now(UTC)
    values = []
    repeats = 0
    for n, row in enumerate(rows):
        key = (row.round_id, row.table_id, row.kind, row.text)
        if key in existing:
            repeats += 1
            continue
        # rows without a time keep the file's order: a microsecond apart
        stamp = (base + timedelta(microseconds=n)).isoformat(timespec="microseconds")
        values.append(
            (
                new_id(),
                row.round_id,
                row.table_id,
                row.kind,
                row.text,
                json.dumps(list(row.cards), ensure_ascii=False),
                row.created_at or stamp,
                stamp,
            )
        )
    if values:
        with store._write() as conn:
            conn.executemany(
                "INSERT INTO theme (id, round_id, table_id, kind, text, cards_json, hidden,"
                " created_at, updated_at, deleted_at, origin)"
                " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, 'import')",
                values,
            )
    return len(values), repeats
