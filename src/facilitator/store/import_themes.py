"""Add entries typed elsewhere (a spreadsheet saved as CSV) to an event.

Columns are found by their header, in any order and case: ``text`` (required; also
``theme`` or ``entry``), ``round`` (the round's number or title), ``round_title``,
``table`` (number, "Table 3" or the table's name), ``kind`` (theme, quote, question,
action, or pick; theme when empty), ``cards`` (card ids or titles separated by ``;``),
``created_at`` (ISO 8601), and ``round_start`` / ``round_end`` (the round's actual times).
``#tags`` in the text tag cards as they do when typed in the app. A ``pick`` row records
the table's pick of each card it names (in ``cards`` or as ``#tags``), not an entry.
Other columns, such as ``prompt``, are ignored, so a csv exported by Facilitator imports
back as it was. How each row is read: :mod:`facilitator.store.import_rows`.

UTF-8 with or without a BOM; comma, semicolon or tab between columns. Every row is checked;
any bad row is reported with its row number (the header is row 1, as in a spreadsheet)
and nothing is imported, unless the good rows are asked for. An entry the event already
holds (same round, table, kind and text) is not added again, nor a pick it already counts
(same round, table and card, as many times), so importing twice is safe.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from msgspec import Struct

from facilitator.core.capture import PICK, TagIndex
from facilitator.core.errors import InputError, Problem
from facilitator.core.records import RoundInfo
from facilitator.core.textfile import read_user_text
from facilitator.store.db import EventStore, new_id
from facilitator.store.import_rows import HEADERS, Bad, Row, read_row, shown

MAX_FILE_BYTES = 100_000_000


class ImportResult(Struct, frozen=True):
    imported: int
    repeats: int  # rows the event already held
    bad: tuple[Problem, ...]
    ignored_columns: tuple[str, ...]
    picks: int = 0  # card picks added
    timed_rounds: tuple[int, ...] = ()  # numbers of the rounds whose times were set


def import_themes_cli(event: Path, csv_path: Path, good_rows_only: bool) -> int:
    """``facilitator import-themes EVENT FILE.csv [--good-rows]``."""
    result = import_themes(Path(event), Path(csv_path), good_rows_only=good_rows_only)
    for problem in result.bad:
        print(problem, file=sys.stderr)
    lines = [f"Imported {result.imported:,} {'entry' if result.imported == 1 else 'entries'}"]
    if result.picks:
        lines.append(f"{result.picks:,} card {'pick' if result.picks == 1 else 'picks'}")
    if result.timed_rounds:
        numbers = ", ".join(map(str, result.timed_rounds))
        lines.append(f"the times of round{'s' if len(result.timed_rounds) > 1 else ''} {numbers}")
    if result.repeats:
        lines.append(f"{result.repeats:,} already in the event, not added again")
    if result.bad:
        n = len(result.bad)
        lines.append(f"{n:,} bad {'row' if n == 1 else 'rows'} left out")
    if result.ignored_columns:
        lines.append("ignored columns: " + ", ".join(result.ignored_columns))
    print("; ".join(lines) + f" into {event}")
    done = result.imported or result.picks or result.timed_rounds
    return 0 if done or not result.bad else 1


def import_themes(event: Path, csv_path: Path, *, good_rows_only: bool = False) -> ImportResult:
    name = csv_path.name
    records = _read_csv(csv_path)
    with EventStore.open(event) as store:
        rounds, tables = store.rounds(), store.tables()
        tags = TagIndex(store.deck(images=False))
        fields, ignored = _map_header(records[0] if records else [], name)
        rows: list[Row] = []
        bad: list[tuple[int, str]] = []
        for number, record in enumerate(records[1:], start=2):
            if not any(cell.strip() for cell in record):
                continue  # a blank line
            try:
                rows.append(read_row(number, record, fields, rounds, tables, tags))
            except Bad as why:
                bad.append((number, str(why)))
        times, bad_times = _round_times(rows, rounds)
        problems = [Problem(f"{name}: row {n}", why) for n, why in sorted(bad + bad_times)]
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
        bad_rows = {n for n, _ in bad_times}
        rows = [r for r in rows if r.number not in bad_rows]
        imported, repeats, picks = _add(store, rows, times)
    numbers = tuple(r.position + 1 for r in rounds if r.id in times)
    return ImportResult(imported, repeats, tuple(problems), tuple(ignored), picks, numbers)


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


def _round_times(
    rows: Sequence[Row], rounds: Sequence[RoundInfo]
) -> tuple[dict[str, dict[str, str]], list[tuple[int, str]]]:
    """The actual times the rows give each round ({round id: {"actual_start": ...}}), and
    the rows that disagree with an earlier row or end a round before it starts."""
    numbers = {r.id: r.position + 1 for r in rounds}
    times: dict[str, dict[str, str]] = {}
    bad: list[tuple[int, str]] = []
    for row in rows:
        if row.round_id is None:
            continue
        known = times.setdefault(row.round_id, {})
        n = numbers[row.round_id]
        given = {"actual_start": row.round_start, "actual_end": row.round_end}
        clash = next(
            (k for k, v in given.items() if v and known.get(k, v) != v),
            None,
        )
        if clash is not None:
            verb = "starts" if clash == "actual_start" else "ends"
            bad.append(
                (
                    row.number,
                    f"round {n} {verb} at {shown(known[clash])} in an earlier row, "
                    f"at {shown(given[clash] or '')} here",
                )
            )
            continue
        merged = known | {k: v for k, v in given.items() if v}
        if "actual_start" in merged and merged.get("actual_end", "~") < merged["actual_start"]:
            bad.append((row.number, f"round {n} ends before it starts"))
            continue
        known.update(merged)
    return {k: v for k, v in times.items() if v}, bad


def _add(
    store: EventStore, rows: Sequence[Row], times: dict[str, dict[str, str]]
) -> tuple[int, int, int]:
    """Add the rows' entries and picks and set the rounds' times, in one transaction;
    skip the entries the event already holds and the picks it already counts."""
    existing = {(t.round_id, t.table_id, t.kind, t.text) for t in store.themes()}
    counted = Counter((p.round_id, p.table_id, p.card_key) for p in store.card_picks())
    base = datetime.now(UTC)
    values = []
    picks = []
    repeats = 0
    for n, row in enumerate(rows):
        # rows without a time keep the file's order: a microsecond apart
        stamp = (base + timedelta(microseconds=n)).isoformat(timespec="microseconds")
        if row.kind == PICK:
            for card in row.cards:
                pick = (row.round_id, row.table_id, card)
                if counted[pick] > 0:
                    counted[pick] -= 1  # this pick is in the event already
                    continue
                picks.append((new_id(), row.table_id, row.round_id, card, row.created_at or stamp))
            continue
        if not row.is_entry:
            continue  # round times alone
        key = (row.round_id, row.table_id, row.kind, row.text)
        if key in existing:
            repeats += 1
            continue
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
    if values or picks or times:
        with store._write() as conn:
            conn.executemany(
                "INSERT INTO theme (id, round_id, table_id, kind, text, cards_json, hidden,"
                " created_at, updated_at, deleted_at, origin)"
                " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, 'import')",
                values,
            )
            conn.executemany(
                "INSERT INTO card_pick (id, table_id, round_id, card_key, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                picks,
            )
            for round_id, given in times.items():
                columns = ", ".join(f"{k} = ?" for k in given)
                conn.execute(
                    f"UPDATE round SET {columns} WHERE id = ?", [*given.values(), round_id]
                )
    return len(values), repeats, len(picks)
