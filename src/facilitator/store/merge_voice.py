"""The room's voice in a merge of event files: each laptop's votes and ballots, survey
answers, questions to the room with their up-votes, and banned phones come along.

Run inside the merge's transaction with the other file attached as ``src`` (and its tables
and rounds already mapped in ``temp.idmap``). A ballot, an answer or an up-vote already in
the merged file for the same device is kept, not doubled (the tables' unique constraints);
a survey answer follows its question by place and wording, since each file made its own
ids for the plan's survey.
"""

from __future__ import annotations

import sqlite3

BY_ROW = ("room_vote", "room_ballot", "room_question", "room_upvote", "room_ban")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA main.table_info({table})")]


def _value(column: str) -> str:
    if column == "round_id":  # the other file's round, as this file knows it
        return "coalesce((SELECT out_id FROM temp.idmap WHERE src_id = s.round_id), s.round_id)"
    return f"s.{column}"


def merge_room_voice(conn: sqlite3.Connection) -> None:
    for table in BY_ROW:  # parents first: votes before ballots, questions before up-votes
        columns = _columns(conn, table)
        conn.execute(
            f"INSERT OR IGNORE INTO main.{table} ({', '.join(columns)})"
            f" SELECT {', '.join(_value(c) for c in columns)} FROM src.{table} s"
        )
    conn.execute(
        "INSERT OR IGNORE INTO main.survey_answer"
        " (id, question_id, device, answer, at, origin)"
        " SELECT a.id, m.id, a.device, a.answer, a.at, a.origin"
        " FROM src.survey_answer a"
        " JOIN src.survey_question q ON q.id = a.question_id"
        " JOIN main.survey_question m ON m.position = q.position AND m.question = q.question"
    )
