"""The workbook's side of the xlsx export: cell formats, column widths, and a sheet written
row by row from rows of cells (text always as strings, times as date-times). The sheets
themselves, and :func:`write_xlsx`, are in :mod:`facilitator.export.xlsx_writer`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

import xlsxwriter
from msgspec import Struct
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from facilitator.core.harvest import Harvest
from facilitator.export.safety import formula_if_edited

MAX_CELL = 32_767  # Excel's limit on one cell's text
TRUNCATED = " … (cut here: the full text is in the csv and json exports)"
MIN_WIDTH, MAX_WIDTH, TEXT_WIDTH = 6, 50, 80
DATE_TIME = "yyyy-mm-dd hh:mm"
LINE_HEIGHT = 15  # points, one line of Calibri 11


class Formats(Struct):
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


class Column(Struct, frozen=True):
    header: str
    wrap: bool = False  # long text: wraps at TEXT_WIDTH instead of widening the column


def book_formats(book: xlsxwriter.Workbook) -> Formats:
    base = {"valign": "top", "font_name": "Calibri", "font_size": 11}
    return Formats(
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


def _lines(value: Cell) -> int:
    """About how many lines a wrapped text cell takes at TEXT_WIDTH characters a line."""
    if not isinstance(value, str) or (len(value) < TEXT_WIDTH and "\n" not in value):
        return 1
    return sum(max(1, -(-len(line) // TEXT_WIDTH)) for line in value.split("\n"))


def _fit(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - len(TRUNCATED)] + TRUNCATED


def table_sheet(
    book: xlsxwriter.Workbook,
    fmt: Formats,
    name: str,
    columns: Sequence[Column],
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
    print_setup(sheet, landscape=True)
    wrapped = [i for i, column in enumerate(columns) if column.wrap]
    for r in range(max(len(rows), len(side) - 1) + 1):
        if r == 0:
            for i, column in enumerate(columns):
                sheet.write_string(0, i, column.header, fmt.header)
        elif r <= len(rows):
            lines = max((_lines(rows[r - 1][i]) for i in wrapped), default=1)
            if lines > 1:  # not every program sizes a row to its wrapped text itself
                sheet.set_row(r, LINE_HEIGHT * lines)
            for i, value in enumerate(rows[r - 1]):
                write_cell(sheet, r, i, value, fmt, wrap=columns[i].wrap)
        if r < len(side):
            for i, value in enumerate(side[r]):
                style = fmt.header if r == 0 else None
                if style is not None and isinstance(value, str):
                    sheet.write_string(r, side_at + i, value, style)
                else:
                    write_cell(sheet, r, side_at + i, value, fmt, wrap=False)
    return sheet


def print_setup(sheet: Worksheet, *, landscape: bool) -> None:
    """Printed, every column of a row on one page (fit to the page's width, as many pages
    down as it takes), the header row on each page, the sheet and page number below."""
    if landscape:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.set_footer("&L&A&RPage &P of &N")


def write_cell(
    sheet: Worksheet, row: int, col: int, value: Cell, fmt: Formats, *, wrap: bool
) -> None:
    if isinstance(value, str):  # most cells: checked first
        if not value:
            return
        risky = formula_if_edited(value)
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


def naive_time(harvest: Harvest, iso: str | None) -> datetime | None:
    """Excel has no time zones: the local time of the report's zone, zone dropped."""
    moment = harvest.local(iso)
    return moment.replace(tzinfo=None) if moment is not None else None


def minutes_cell(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None
