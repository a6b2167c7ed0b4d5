"""The room's groups in the json and xlsx exports (hooked into their writers).

json ``groups``: one object per group, most dots first: ``id``, ``name``, ``round_id``
(null: a group of the whole event), ``entries`` (entry ids, as in ``themes``), ``tables``
(labels of the tables that said it), ``dots`` (null: no dot vote on it) and ``place``.
xlsx: a Groups sheet, one row per group, when the room made groups.
"""

from __future__ import annotations

from typing import Any

import xlsxwriter

from facilitator.core.harvest import Harvest
from facilitator.export.xlsx_book import Cell, Column, Formats, table_sheet

GROUPS_COLUMNS = (
    Column("place"),
    Column("group"),
    Column("dots"),
    Column("tables"),
    Column("table_count"),
    Column("round"),
    Column("entries"),
    Column("what_was_said", wrap=True),
)


def groups_json(harvest: Harvest) -> list[dict[str, Any]]:
    return [
        {
            "id": g.id,
            "name": g.name,
            "round_id": g.round.id if g.round else None,
            "entries": [t.id for t in g.entries],
            "tables": list(g.tables),
            "dots": g.dots,
            "place": g.place,
        }
        for g in harvest.groups
    ]


def _rows(harvest: Harvest) -> list[list[Cell]]:
    return [
        [
            g.place,
            g.name,
            g.dots,
            ", ".join(g.tables),
            len(g.tables),
            g.round.label if g.round else "Whole event",
            len(g.entries),
            "\n".join(f"{t.text} ({t.table_label})" for t in g.entries),
        ]
        for g in harvest.groups
    ]


def groups_sheet(book: xlsxwriter.Workbook, fmt: Formats, harvest: Harvest) -> None:
    """The Groups sheet, when the room made groups."""
    if harvest.groups:
        table_sheet(book, fmt, "Groups", GROUPS_COLUMNS, _rows(harvest))
