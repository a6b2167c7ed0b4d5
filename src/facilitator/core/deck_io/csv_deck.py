"""A deck from a CSV file kept in a spreadsheet: a header row, then one card a row."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from msgspec import Struct

from facilitator.core.deck import Deck
from facilitator.core.deck_io.checks import (
    CardDraft,
    Problems,
    build_deck,
    check_id,
    clean,
    derive_suits,
    one_line,
    pretty_stem,
    read_image,
    settle_ids,
)
from facilitator.core.deck_io.limits import (
    MAX_FILE_BYTES,
    MAX_FRONT,
    MAX_NAME,
    MAX_QUESTION,
    MAX_QUESTIONS_PER_CARD,
)
from facilitator.core.errors import InputError
from facilitator.core.textfile import read_user_text


class _Column(Struct, frozen=True):
    index: int
    role: str  # id | suit | title | front | image | question | ignore
    level: str = ""


_ROLE_NAMES = {
    "id": "id",
    "suit": "suit",
    "title": "title",
    "front": "front",
    "description": "front",
    "image": "image",
}


def _sniff_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_header(problems: Problems, display: str, header: list[str]) -> list[_Column]:
    columns = []
    seen: set[str] = set()
    for index, raw in enumerate(header):
        name = one_line(raw).casefold()
        where = f"{display}: row 1"
        if not name:
            columns.append(_Column(index, "ignore"))
            continue
        if name.startswith("question"):
            level = one_line(re.sub(r"[\d:()\[\]#.\-]+", " ", one_line(raw)[len("question") :]))
            level = re.sub(r"^s\b", "", level).strip()  # "questions" -> ""
            columns.append(_Column(index, "question", level[:1].upper() + level[1:]))
            continue
        role = _ROLE_NAMES.get(name)
        if role is None:
            problems.add(
                where,
                f'unknown column "{one_line(raw)}" '
                "(the columns are suit, title, front, question..., and optionally id, image)",
            )
            continue
        if role in seen:
            problems.add(where, f'the column "{role}" appears twice')
            continue
        seen.add(role)
        columns.append(_Column(index, role))
    if "title" not in seen:
        problems.add(
            f"{display}: row 1",
            "no title column (the header row names suit, title, front, question...)",
        )
    return columns


def load_csv(path: Path) -> Deck:
    display = path.name
    text = read_user_text(path, kind="a deck file", max_bytes=MAX_FILE_BYTES)
    problems = Problems()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    try:
        rows = [row for row in reader]
    except csv.Error as error:
        raise InputError(
            f"{display}: line {reader.line_num}", f"cannot read the CSV ({error})"
        ) from None
    numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
    if not numbered:
        raise InputError(display, "the file is empty; the first row names the columns")
    header = numbered[0][1]
    columns = _read_header(problems, display, header)
    problems.raise_if_any()
    levels = list(dict.fromkeys(c.level for c in columns if c.role == "question" and c.level))
    drafts = []
    for number, row in numbered[1:]:
        where = f"{display}: row {number}"
        drafts.append(_csv_card(problems, path, where, columns, row))
    ids = settle_ids(problems, drafts)
    suits = derive_suits(problems, drafts)
    return build_deck(
        problems,
        display,
        name=pretty_stem(path.stem)[:MAX_NAME],
        suits=suits,
        drafts=drafts,
        ids=ids,
        levels=levels,
    )


def _csv_card(
    problems: Problems, path: Path, where: str, columns: list[_Column], row: list[str]
) -> CardDraft:
    cells: dict[str, str] = {}
    by_level: dict[str, list[str]] = {}
    for column in columns:
        cell = row[column.index] if column.index < len(row) else ""
        if column.role == "ignore":
            if cell.strip():
                problems.add(where, f"a value in column {column.index + 1}, which has no name")
        elif column.role == "question":
            question = clean(problems, where, "a question", cell, limit=MAX_QUESTION, single=False)
            if question:
                by_level.setdefault(column.level, []).append(question)
        else:
            cells[column.role] = cell
    if any(c.strip() for c in row[len(columns) :]):
        problems.add(where, "more cells than the header row has columns")
    title = clean(problems, where, "the title", cells.get("title", ""), limit=MAX_NAME, single=True)
    if not title:
        problems.add(where, "no title")
    draft = CardDraft(where, "", title, suit_where=where)
    draft.front = clean(
        problems, where, "the front", cells.get("front", ""), limit=MAX_FRONT, single=False
    )
    draft.suit = clean(
        problems, where, "the suit", cells.get("suit", ""), limit=MAX_NAME, single=True
    )
    given_id = one_line(cells.get("id", ""))
    if given_id:
        check_id(problems, where, "the card id", given_id)
        draft.given_id = given_id
    image = one_line(cells.get("image", ""))
    if image:
        draft.image = read_image(problems, path.parent / image, where, f'the image "{image}"')
        draft.image_name = Path(image).name
    ordered = sorted(by_level.items(), key=lambda item: item[0] != "")
    draft.questions = ordered
    if sum(len(qs) for _, qs in ordered) > MAX_QUESTIONS_PER_CARD:
        problems.add(where, f"more than {MAX_QUESTIONS_PER_CARD} questions")
    return draft
