"""The harvest as an Excel workbook: Themes, By round, By table, Card picks, Summary.

Each sheet has its header row frozen and filters on, columns as wide as their content
(long text wraps), and times as real date-times in the exporting computer's zone.
Written in constant-memory mode, row by row, so 50,000 entries need no more memory than 50.
Typed text is always written as a string: a cell that looks like a formula gets the
quote-prefix style, so it shows as typed and never runs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from msgspec import Struct
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from facilitator.core.harvest import Harvest
from facilitator.core.records import KIND_PLURALS, KINDS
from facilitator.export.safety import RISKY_STARTS

MAX_CELL = 32_767  # Excel's limit on one cell's text
TRUNCATED = " … (cut here: the full text is in the csv and json exports)"
MIN_WIDTH, MAX_WIDTH, TEXT_WIDTH = 6, 50, 80
DATE_TIME = "yyyy-mm-dd hh:mm"


class _Formats(Struct):
    header: Format
    text: Format
    text_risky: Format
    wrap: Format
    wrap_risky: Format
    when: Format
    day: Format
    number: Format
    title: Format
    label: Format


Cell = str | int | float | datetime | None


class _Column(Struct, frozen=True):
    header: str
    wrap: bool = False  # long text: wraps at TEXT_WIDTH instead of widening the column


def _book_formats(book: xlsxwriter.Workbook) -> _Formats:
    base = {"valign": "top", "font_name": "Calibri", "font_size": 11}
    return _Formats(
        header=book.add_format(
            {**base, "bold": True, "bg_color": "#1f2937", "font_color": "#ffffff", "border": 0}
        ),
        text=book.add_format(base),
        text_risky=book.add_format({**base, "quote_prefix": True}),
        wrap=book.add_format({**base, "text_wrap": True}),
        wrap_risky=book.add_format({**base, "text_wrap": True, "quote_prefix": True}),
        when=book.add_format({**base, "num_format": DATE_TIME, "align": "left"}),
        day=book.add_format({**base, "num_format": "d mmmm yyyy", "align": "left"}),
        number=book.add_format({**base, "align": "right"}),
        title=book.add_format({**base, "bold": True, "font_size": 16}),
        label=book.add_format({**base, "bold": True}),
    )


def _width(value: Cell) -> int:
    if isinstance(value, str):
        if "\n" not in value:
            return len(value)
        return max(len(line) for line in value.split("\n"))
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(DATE_TIME) + 1
    return len(str(value))


def _fit(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - len(TRUNCATED)] + TRUNCATED


def _table_sheet(
    book: xlsxwriter.Workbook,
    fmt: _Formats,
    name: str,
    columns: Sequence[_Column],
    rows: Sequence[Sequence[Cell]],
    side: Sequence[Sequence[Cell]] = (),
) -> Worksheet:
    """One sheet holding a table: header frozen, filters on, columns that fit.

    ``side`` rows (their first row a header) go one column right of the table, written in
    the same pass: constant-memory mode cannot go back to a row once it has moved on.
    """
    sheet = book.add_worksheet(name)
    side_at = len(columns) + 1
    widths = [len(c.header) + 3 for c in columns]  # room for the filter button
    for row in rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], _width(value))
    for i, column in enumerate(columns):
        cap = TEXT_WIDTH if column.wrap else MAX_WIDTH
        sheet.set_column(i, i, max(MIN_WIDTH, min(cap, widths[i] + 1)))
    side_widths: dict[int, int] = defaultdict(int)
    for row in side:
        for i, value in enumerate(row):
            side_widths[i] = max(side_widths[i], _width(value))
    for i, width in side_widths.items():
        sheet.set_column(side_at + i, side_at + i, max(MIN_WIDTH, min(MAX_WIDTH, width + 1)))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    for r in range(max(len(rows), len(side) - 1) + 1):
        if r == 0:
            for i, column in enumerate(columns):
                sheet.write_string(0, i, column.header, fmt.header)
        elif r <= len(rows):
            for i, value in enumerate(rows[r - 1]):
                _write(sheet, r, i, value, fmt, wrap=columns[i].wrap)
        if r < len(side):
            for i, value in enumerate(side[r]):
                style = fmt.header if r == 0 else None
                if style is not None and isinstance(value, str):
                    sheet.write_string(r, side_at + i, value, style)
                else:
                    _write(sheet, r, side_at + i, value, fmt, wrap=False)
    return sheet


def _write(sheet: Worksheet, row: int, col: int, value: Cell, fmt: _Formats, *, wrap: bool) -> None:
    if isinstance(value, str):  # most cells: checked first
        if not value:
            return
        risky = value.startswith(RISKY_STARTS)
        if wrap:
            style = fmt.wrap_risky if risky else fmt.wrap
        else:
            style = fmt.text_risky if risky else fmt.text
        sheet.write_string(row, col, value if len(value) <= MAX_CELL else _fit(value), style)
    elif value is None:
        return
    elif isinstance(value, datetime):
        sheet.write_datetime(row, col, value, fmt.when)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "yes" if value else "", fmt.text)
    else:
        sheet.write_number(row, col, value, fmt.number)


def _naive(harvest: Harvest, iso: str | None) -> datetime | None:
    """Excel has no time zones: the local time of the report's zone, zone dropped."""
    moment = harvest.local(iso)
    return moment.replace(tzinfo=None) if moment is not None else None


def _minutes(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def _themes_rows(harvest: Harvest) -> list[list[Cell]]:
    return [
        [
            t.round.number if t.round else None,
            t.round.title if t.round else "",
            t.table.number if t.table else None,
            t.table_label,
            t.kind,
            t.text,
            "; ".join(c.title for c in t.cards),
            _naive(harvest, t.created_at),
            "yes" if t.hidden else "",
        ]
        for t in harvest.themes
    ]


THEMES_COLUMNS = (
    _Column("Round"),
    _Column("Round title"),
    _Column("Table"),
    _Column("Table name"),
    _Column("Kind"),
    _Column("Text", wrap=True),
    _Column("Cards"),
    _Column("Time"),
    _Column("Hidden from wall"),
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
                _naive(harvest, r.planned_start),
                _naive(harvest, r.planned_end),
                _naive(harvest, r.actual_start),
                _naive(harvest, r.actual_end),
                r.minutes,
                _minutes(r.actual_minutes),
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
    _Column("Round"),
    _Column("Title"),
    _Column("Prompts", wrap=True),
    _Column("Planned start"),
    _Column("Planned end"),
    _Column("Actual start"),
    _Column("Actual end"),
    _Column("Planned minutes"),
    _Column("Actual minutes"),
    *[_Column(KIND_PLURALS[k]) for k in KINDS],
    _Column("Total"),
    _Column("Tables heard"),
)


def _by_table_rows(harvest: Harvest) -> tuple[list[_Column], list[list[Cell]]]:
    per_round: dict[tuple[str | None, str | None], int] = Counter(
        (t.table_id, t.round_id) for t in harvest.themes
    )
    kinds = _count_by((t.table_id, t.kind) for t in harvest.themes)
    picks: dict[str, list[str]] = defaultdict(list)
    for p in harvest.picks:
        if p.table is not None:
            picks[p.table.id].append(p.card.title)
    columns = [
        _Column("Table"),
        _Column("Name"),
        *[_Column(f"Round {r.number}") for r in harvest.rounds],
        *[_Column(KIND_PLURALS[k]) for k in KINDS],
        _Column("Total"),
        _Column("Card picked"),
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
                "; ".join(picks.get(table_id or "", [])),
            ]
        )
    return columns, rows


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


def _card_sheet(book: xlsxwriter.Workbook, fmt: _Formats, harvest: Harvest) -> None:
    label = harvest.deck.suit_label or "Suit"
    rows = _card_rows(harvest)
    columns = (
        _Column("Card"),
        _Column(label),
        _Column("Picks"),
        _Column("Picked by"),
        _Column("Entries tagged"),
    )
    picked = [b for b in harvest.tally if b.picks]
    # the chart reads a small range right of the table: most picked first
    side: list[list[Cell]] = [["Tally", "Picks"]]
    side += [[b.card.title, b.picks] for b in picked]
    sheet = _table_sheet(book, fmt, "Card picks", columns, rows, side if picked else ())
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


def _summary_sheet(book: xlsxwriter.Workbook, fmt: _Formats, harvest: Harvest) -> None:
    sheet = book.add_worksheet("Summary")
    event = harvest.event
    counts = harvest.kind_counts
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, min(MAX_WIDTH * 2, max(30, len(event.title) + 2)))
    sheet.write_string(0, 0, "Harvest", fmt.header)
    sheet.write_string(0, 1, "", fmt.header)
    sheet.freeze_panes(1, 0)
    rows: list[tuple[str, Any]] = [
        ("Event", event.title),
        ("Date", _event_day(event.date)),
        ("Venue", event.venue),
        ("Facilitator", event.facilitator),
        ("Plan", harvest.plan_title),
        ("Deck", harvest.deck.name),
        ("Tables", len(harvest.tables)),
        ("Tables heard", harvest.tables_heard),
        ("Rounds", len(harvest.rounds)),
        *[(KIND_PLURALS[k], counts[k]) for k in KINDS],
        ("All entries", len(harvest.themes)),
        ("Card picks", len(harvest.picks)),
        ("Exported", _naive(harvest, harvest.exported_at)),
    ]
    for r, (label, value) in enumerate(rows, start=1):
        sheet.write_string(r, 0, label, fmt.label)
        if isinstance(value, datetime) and label == "Date":
            sheet.write_datetime(r, 1, value, fmt.day)
        else:
            _write(sheet, r, 1, value, fmt, wrap=False)
    sheet.autofilter(0, 0, len(rows), 1)


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
    fmt = _book_formats(book)
    _table_sheet(book, fmt, "Themes", THEMES_COLUMNS, _themes_rows(harvest))
    _table_sheet(book, fmt, "By round", BY_ROUND_COLUMNS, _by_round_rows(harvest))
    columns, rows = _by_table_rows(harvest)
    _table_sheet(book, fmt, "By table", columns, rows)
    _card_sheet(book, fmt, harvest)
    _summary_sheet(book, fmt, harvest)
    try:
        book.close()
    except FileCreateError as exc:  # not an OSError: the caller's "cannot be written"
        cause = exc.args[0] if exc.args else None
        raise cause if isinstance(cause, OSError) else OSError(str(exc)) from None
