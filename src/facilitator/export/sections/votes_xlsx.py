"""The room's votes in the workbook: one sheet, a row per device per vote."""

from __future__ import annotations

import xlsxwriter

from facilitator.core.harvest import Harvest
from facilitator.export.xlsx_book import Cell, Column, Formats, naive_time, table_sheet

VOTES_SHEET = "Votes"
VOTE_COLUMNS = (
    Column("Question", wrap=True),
    Column("Answer"),
    Column("Device"),
    Column("Voted at"),
    Column("Opened at"),
    Column("Closed at"),
)


def vote_rows(harvest: Harvest) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for item in harvest.votes:
        titles = {b.card.key: b.card.title for b in item.bars}
        for ballot in item.ballots:
            rows.append(
                [
                    item.vote.question,
                    titles.get(ballot.answer, ballot.answer),
                    ballot.device,
                    naive_time(harvest, ballot.at),
                    naive_time(harvest, item.vote.opened_at),
                    naive_time(harvest, item.vote.closed_at),
                ]
            )
    return rows


def votes_sheet(book: xlsxwriter.Workbook, fmt: Formats, harvest: Harvest) -> None:
    """The Votes sheet, when the room voted."""
    if harvest.votes:
        table_sheet(book, fmt, VOTES_SHEET, VOTE_COLUMNS, vote_rows(harvest))
