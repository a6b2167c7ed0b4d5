"""Rows and records: the SQL fragments the store's operations share, and the functions that
turn a row of the event file into a record (and a record into a row's values)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from facilitator.core.plan import Round
from facilitator.core.records import RoundInfo, Theme, TimelineEntry

THEME_COLUMNS = (
    "id, round_id, table_id, kind, text, cards_json, hidden, created_at, updated_at, deleted_at,"
    " origin, device"
)


def given(**values: Any) -> dict[str, Any]:
    """The keyword arguments that were given (not None)."""
    return {k: v for k, v in values.items() if v is not None}


def assignments(values: dict[str, Any]) -> str:
    # column names come from our own code, never from user input
    return ", ".join(f"{column} = ?" for column in values)


def insert_row(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))


# a theme's columns and its place in the save order
THEME_ROW = f"{THEME_COLUMNS}, rowid AS seq"


def theme_record(row: Any) -> Theme:
    return Theme(
        id=row["id"],
        text=row["text"],
        kind=row["kind"],
        table_id=row["table_id"],
        round_id=row["round_id"],
        cards=tuple(json.loads(row["cards_json"])),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        hidden=bool(row["hidden"]),
        deleted_at=row["deleted_at"],
        seq=row["seq"],
        origin=row["origin"],
        device=row["device"],
    )


def timeline_record(row: Any) -> TimelineEntry:
    return TimelineEntry(
        id=row["id"],
        at=row["at"],
        kind=row["kind"],
        round_id=row["round_id"],
        detail=json.loads(row["detail_json"]),
    )


def round_values(round_: Round) -> dict[str, Any]:
    return {
        "title": round_.title,
        "minutes": float(round_.minutes),
        "format": round_.format,
        "prompts_json": json.dumps(list(round_.prompts), ensure_ascii=False),
        "cards_json": json.dumps(list(round_.cards), ensure_ascii=False),
        "move": round_.move,
    }


def round_record(row: Any) -> RoundInfo:
    minutes = float(row["minutes"])
    return RoundInfo(
        id=row["id"],
        position=row["position"],
        round=Round(
            title=row["title"],
            minutes=int(minutes) if minutes.is_integer() else minutes,
            format=row["format"],
            prompts=tuple(json.loads(row["prompts_json"])),
            cards=tuple(json.loads(row["cards_json"])),
            move=row["move"],
        ),
        planned_start=row["planned_start"],
        planned_end=row["planned_end"],
        actual_start=row["actual_start"],
        actual_end=row["actual_end"],
    )
