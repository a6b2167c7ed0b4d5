"""The room's votes and the feedback survey in the workbook: a Votes sheet (a row per
device per vote) and a Survey sheet (a row per answer)."""

from __future__ import annotations

import xlsxwriter

from facilitator.core.harvest import Harvest
from facilitator.core.plan.survey import RATING
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


SURVEY_SHEET = "Survey"
SURVEY_COLUMNS = (
    Column("Question", wrap=True),
    Column("Kind"),
    Column("Answer", wrap=True),
    Column("Rating"),
    Column("From"),
    Column("Device"),
    Column("Answered at"),
)


def survey_rows(harvest: Harvest) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for item in harvest.survey:
        q = item.asked.question
        for a in item.answers:
            rating = int(a.answer) if q.kind == RATING else None
            source = "paper" if a.device.startswith("paper-") else "phone"
            row: list[Cell] = [q.question, q.kind, a.answer, rating, source, a.device]
            rows.append([*row, naive_time(harvest, a.at)])
    return rows


def survey_sheet(book: xlsxwriter.Workbook, fmt: Formats, harvest: Harvest) -> None:
    """The Survey sheet, when the survey was answered."""
    if any(item.answers for item in harvest.survey):
        table_sheet(book, fmt, SURVEY_SHEET, SURVEY_COLUMNS, survey_rows(harvest))
