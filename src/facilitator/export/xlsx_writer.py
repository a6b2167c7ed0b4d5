"""The harvest as an Excel workbook: Entries, Actions, By round, By table, Card picks,
Summary. Entries are of four kinds (theme, quote, question, action); the Actions sheet is
the entries of kind action, for whoever follows them up.

Each sheet has its header row frozen and filters on, columns as wide as their content
(long text wraps), and times as real date-times in the exporting computer's zone.
Written in constant-memory mode, row by row, so 50,000 entries need no more memory than 50.
Typed text is always written as a string: a cell that looks like a formula gets the
quote-prefix style, so it shows as typed and never runs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from facilitator.core.harvest import Harvest, HarvestTheme
from facilitator.core.records import KIND_PLURALS, KINDS
from facilitator.export.groups_export import groups_sheet
from facilitator.export.report import suit_word
from facilitator.export.sections.votes_xlsx import survey_sheet, votes_sheet
from facilitator.export.xlsx_book import (
    MAX_WIDTH,
    Cell,
    Column,
    Formats,
    book_formats,
    minutes_cell,
    naive_time,
    print_setup,
    table_sheet,
    write_cell,
)


def _where(t: HarvestTheme) -> list[Cell]:
    """Round, round title, table, table name: the first columns of an entry's row."""
    r, table = t.round, t.table
    return [
        r.number if r else None,
        r.title if r else "",
        table.number if table else None,
        t.table_label,
    ]


def _entries_rows(harvest: Harvest) -> list[list[Cell]]:
    return [
        [
            *_where(t),
            t.kind,
            t.text,
            "; ".join(c.title for c in t.cards),
            naive_time(harvest, t.created_at),
            "yes" if t.hidden else "",
            t.origin,
        ]
        for t in harvest.themes
    ]


ENTRIES_COLUMNS = (
    Column("Round"),
    Column("Round title"),
    Column("Table"),
    Column("Table name"),
    Column("Kind"),
    Column("Text", wrap=True),
    Column("Cards"),
    Column("Time"),
    Column("Hidden from wall"),
    Column("Origin"),
)


def _actions_rows(harvest: Harvest) -> list[list[Cell]]:
    return [
        [
            *_where(t),
            t.text,
            "; ".join(dict.fromkeys(c.title for c in t.cards)),
            naive_time(harvest, t.created_at),
        ]
        for t in harvest.themes
        if t.kind == "action"
    ]


ACTIONS_COLUMNS = (
    Column("Round"),
    Column("Round title"),
    Column("Table"),
    Column("Table name"),
    Column("Action", wrap=True),
    Column("Cards"),
    Column("Time"),
)


def _count_by(keys: Iterable[tuple[str | None, str]]) -> dict[str | None, Counter[str]]:
    out: dict[str | None, Counter[str]] = defaultdict(Counter)
    for owner, kind in keys:
        out[owner][kind] += 1
    return out


def _by_round_rows(harvest: Harvest) -> list[list[Cell]]:
    counts = _count_by((t.round_id, t.kind) for t in harvest.themes)
    tables: dict[str | None, set[str]] = defaultdict(set)
    for t in harvest.themes:
        if t.table_id is not None:
            tables[t.round_id].add(t.table_id)
    rows: list[list[Cell]] = []
    for r in harvest.rounds:
        c = counts.get(r.id, Counter())
        rows.append(
            [
                r.number,
                r.title,
                "\n".join(r.prompts),
                naive_time(harvest, r.planned_start),
                naive_time(harvest, r.planned_end),
                naive_time(harvest, r.actual_start),
                naive_time(harvest, r.actual_end),
                r.minutes,
                minutes_cell(r.actual_minutes),
                *[c.get(k, 0) for k in KINDS],
                sum(c.values()),
                len(tables.get(r.id, ())),
            ]
        )
    loose = counts.get(None)
    if loose:
        rows.append(
            [
                None,
                "Not tied to a round",
                "",
                None,
                None,
                None,
                None,
                None,
                None,
                *[loose.get(k, 0) for k in KINDS],
                sum(loose.values()),
                len(tables.get(None, ())),
            ]
        )
    return rows


BY_ROUND_COLUMNS = (
    Column("Round"),
    Column("Title"),
    Column("Prompts", wrap=True),
    Column("Planned start"),
    Column("Planned end"),
    Column("Actual start"),
    Column("Actual end"),
    Column("Planned minutes"),
    Column("Actual minutes"),
    *[Column(KIND_PLURALS[k]) for k in KINDS],
    Column("Entries"),
    Column("Tables heard"),
)


def _by_table_rows(harvest: Harvest) -> tuple[list[Column], list[list[Cell]]]:
    per_round: dict[tuple[str | None, str | None], int] = Counter(
        (t.table_id, t.round_id) for t in harvest.themes
    )
    kinds = _count_by((t.table_id, t.kind) for t in harvest.themes)
    picks: dict[str, Counter[str]] = defaultdict(Counter)
    for p in harvest.picks:
        if p.table is not None:
            picks[p.table.id][p.card.title] += 1
    columns = [
        Column("Table"),
        Column("Name"),
        *[Column(f"Round {r.number}") for r in harvest.rounds],
        *[Column(KIND_PLURALS[k]) for k in KINDS],
        Column("Entries"),
        Column("Card picked"),
    ]
    rows: list[list[Cell]] = []
    owners: list[tuple[str | None, int | None, str]] = [
        (t.id, t.number, t.label) for t in harvest.tables
    ]
    if None in kinds:
        owners.append((None, None, "Whole room"))
    for table_id, number, label in owners:
        c = kinds.get(table_id, Counter())
        rows.append(
            [
                number,
                label,
                *[per_round.get((table_id, r.id), 0) for r in harvest.rounds],
                *[c.get(k, 0) for k in KINDS],
                sum(c.values()),
                _picked(picks.get(table_id or "", Counter())),
            ]
        )
    return columns, rows


def _picked(cards: Counter[str]) -> str:
    """Each card once, most picked first, with its count where a table picked it again:
    "Deep listening (2); Courage"."""
    return "; ".join(f"{title} ({n})" if n > 1 else title for title, n in cards.most_common())


def _card_rows(harvest: Harvest) -> list[list[Cell]]:
    tally = {b.card.key: b for b in harvest.tally}
    tagged = Counter(c.key for t in harvest.themes for c in dict.fromkeys(t.cards))
    suits = {s.id: s.name for s in harvest.deck.suits}
    rows: list[list[Cell]] = []
    seen = set()
    for card in harvest.deck.cards:
        seen.add(card.id)
        bar = tally.get(card.id)
        rows.append(
            [
                card.title,
                suits.get(card.suit, card.suit),
                bar.picks if bar else 0,
                ", ".join(bar.tables) if bar else "",
                tagged.get(card.id, 0),
            ]
        )
    for bar in harvest.tally:  # picks of cards the deck no longer has
        if bar.card.key not in seen:
            rows.append(
                [bar.card.title, "", bar.picks, ", ".join(bar.tables), tagged.get(bar.card.key, 0)]
            )
    return rows


def _card_sheet(book: xlsxwriter.Workbook, fmt: Formats, harvest: Harvest) -> None:
    label = suit_word(harvest.deck)[0].capitalize()
    rows = _card_rows(harvest)
    columns = (
        Column("Card"),
        Column(label),
        Column("Picks"),
        Column("Picked by"),
        Column("Entries tagged"),
    )
    picked = [b for b in harvest.tally if b.picks]
    # the chart reads a small range right of the table: most picked first
    side: list[list[Cell]] = [["Tally", "Picks"]]
    side += [[b.card.title, b.picks] for b in picked]
    sheet = table_sheet(book, fmt, "Card picks", columns, rows, side if picked else ())
    if not picked:
        return
    first_col = len(columns) + 1
    chart = book.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": "Picks",
            "categories": ["Card picks", 1, first_col, len(picked), first_col],
            "values": ["Card picks", 1, first_col + 1, len(picked), first_col + 1],
            "points": [
                {"fill": {"color": b.card.colour}, "border": {"none": True}} for b in picked
            ],
            "data_labels": {"value": True},
        }
    )
    chart.set_title({"name": "Which card struck a chord?"})
    chart.set_legend({"none": True})
    chart.set_y_axis({"reverse": True, "major_gridlines": {"visible": False}})
    chart.set_x_axis({"major_gridlines": {"visible": True}, "min": 0})
    chart.set_size({"width": 560, "height": max(220, 30 * len(picked) + 90)})
    sheet.insert_chart(len(picked) + 3, first_col, chart)


def _summary_sheet(book: xlsxwriter.Workbook, fmt: Formats, harvest: Harvest) -> None:
    sheet = book.add_worksheet("Summary")
    event = harvest.event
    counts = harvest.kind_counts
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, min(MAX_WIDTH * 2, max(30, len(event.title) + 2)))
    sheet.set_column(2, 2, 60)
    for col, head in enumerate(("Harvest", "", "What it counts")):
        sheet.write_string(0, col, head, fmt.header)
    sheet.freeze_panes(1, 0)
    rows: list[tuple[str, Any, str]] = [
        ("Event", event.title, ""),
        ("Date", _event_day(event.date), ""),
        ("Venue", event.venue, ""),
        ("Organiser", event.organiser, ""),
        ("Facilitator", event.facilitator, ""),
        ("Plan", harvest.plan_title, ""),
        ("Deck", harvest.deck.name, ""),
        ("Tables", len(harvest.tables), "tables in the event"),
        ("Tables heard", harvest.tables_heard, "tables with at least one entry"),
        ("Rounds", len(harvest.rounds), "rounds in the plan"),
        ("Entries", len(harvest.themes), ENTRIES_NOTE),
        *[(KIND_PLURALS[k], counts[k], _kind_note(k)) for k in KINDS],
        ("Card picks", len(harvest.picks), PICKS_NOTE),
        ("Exported", naive_time(harvest, harvest.exported_at), ""),
    ]
    for r, (label, value, note) in enumerate(rows, start=1):
        sheet.write_string(r, 0, label, fmt.label)
        if isinstance(value, datetime) and label == "Date":
            sheet.write_datetime(r, 1, value, fmt.day)
        else:
            write_cell(sheet, r, 1, value, fmt, wrap=False)
        write_cell(sheet, r, 2, note, fmt, wrap=False)
    sheet.autofilter(0, 0, len(rows), 2)
    print_setup(sheet, landscape=False)


PICKS_NOTE = "cards picked: the Card picks sheet's Picks column, added up"
ENTRIES_NOTE = (
    "every entry, of all four kinds: the rows of the Entries sheet (hidden from the wall "
    "included, deleted left out)"
)


def _kind_note(kind: str) -> str:
    note = f"entries of kind “{kind}” (the Entries sheet's Kind column)"
    return note + ": the rows of the Actions sheet" if kind == "action" else note


def _event_day(date: str) -> datetime | str:
    try:
        return datetime.strptime(date, "%Y-%m-%d")
    except ValueError:
        return date


def write_xlsx(harvest: Harvest, path: Path) -> None:
    book = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    book.set_properties({"title": f"Harvest: {harvest.event.title}", "subject": harvest.plan_title})
    fmt = book_formats(book)
    table_sheet(book, fmt, "Entries", ENTRIES_COLUMNS, _entries_rows(harvest))
    table_sheet(book, fmt, "Actions", ACTIONS_COLUMNS, _actions_rows(harvest))
    table_sheet(book, fmt, "By round", BY_ROUND_COLUMNS, _by_round_rows(harvest))
    columns, rows = _by_table_rows(harvest)
    table_sheet(book, fmt, "By table", columns, rows)
    _card_sheet(book, fmt, harvest)
    groups_sheet(book, fmt, harvest)
    votes_sheet(book, fmt, harvest)
    survey_sheet(book, fmt, harvest)
    _summary_sheet(book, fmt, harvest)
    try:
        book.close()
    except FileCreateError as exc:  # not an OSError: the caller's "cannot be written"
        cause = exc.args[0] if exc.args else None
        raise cause if isinstance(cause, OSError) else OSError(str(exc)) from None
