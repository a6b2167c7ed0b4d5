"""The feedback survey in the event file: its questions (copied in with the plan) and the
answers, one per device per question (a unique constraint holds it).

Questions keep their ids by position when the plan is edited; a question taken out of the
plan that has answers is retired (kept, after the plan's), never erased.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from facilitator.core.errors import InputError
from facilitator.core.plan.plan_votes import PlanVote
from facilitator.core.plan.survey import (
    AskedQuestion,
    SurveyAnswer,
    SurveyQuestion,
    check_answer,
)
from facilitator.store.base import StoreBase, StoreError, new_id

RETIRED = 10_000  # questions at this position and beyond were taken out of the plan
MAX_DEVICE_CHARS = 64


def _question(row: sqlite3.Row | tuple[object, ...]) -> AskedQuestion:
    id_, position, question, kind, choices = tuple(row)
    return AskedQuestion(
        str(id_),
        int(str(position)),
        SurveyQuestion(str(question), str(kind), tuple(json.loads(str(choices)))),
    )


def _values(q: SurveyQuestion, position: int) -> tuple[object, ...]:
    return (position, q.question, q.kind, json.dumps(list(q.choices), ensure_ascii=False))


def write_survey(conn: sqlite3.Connection, survey: Sequence[SurveyQuestion]) -> None:
    """The plan's survey as it is now (inside the caller's transaction): ids by position."""
    current = conn.execute(
        f"SELECT id, position FROM survey_question WHERE position < {RETIRED} ORDER BY position"
    ).fetchall()
    for position, question in enumerate(survey):
        if position < len(current):
            conn.execute(
                "UPDATE survey_question SET position = ?, question = ?, kind = ?,"
                " choices_json = ? WHERE id = ?",
                (*_values(question, position), current[position][0]),
            )
        else:
            conn.execute(
                "INSERT INTO survey_question (id, position, question, kind, choices_json)"
                " VALUES (?, ?, ?, ?, ?)",
                (new_id(), *_values(question, position)),
            )
    for gone_id, gone_position in current[len(survey) :]:
        if conn.execute("SELECT 1 FROM survey_answer WHERE question_id = ?", (gone_id,)).fetchone():
            conn.execute(
                "UPDATE survey_question SET position = ? WHERE id = ?",
                (RETIRED + gone_position, gone_id),
            )
        else:
            conn.execute("DELETE FROM survey_question WHERE id = ?", (gone_id,))


def write_plan_votes(conn: sqlite3.Connection, votes: Sequence[PlanVote]) -> None:
    """The plan's vote questions as they are now (inside the caller's transaction). Nothing
    points at them: a vote put to the room keeps its own copy of the question."""
    conn.execute("DELETE FROM plan_vote")
    conn.executemany(
        "INSERT INTO plan_vote (id, position, question, choices_json) VALUES (?, ?, ?, ?)",
        [
            (new_id(), n, v.question, json.dumps(list(v.choices), ensure_ascii=False))
            for n, v in enumerate(votes)
        ],
    )


class SurveyOps(StoreBase):
    """The survey's questions and answers."""

    def survey_questions(self, *, include_retired: bool = False) -> list[AskedQuestion]:
        where = "" if include_retired else f"WHERE position < {RETIRED}"
        rows = self._read(
            "SELECT id, position, question, kind, choices_json FROM survey_question"
            f" {where} ORDER BY position"
        )
        return [_question(r) for r in rows]

    def survey_answers(self, device: str | None = None) -> list[SurveyAnswer]:
        where, args = ("WHERE device = ?", (device,)) if device else ("", ())
        rows = self._read(
            f"SELECT question_id, device, answer, at, origin FROM survey_answer {where}"
            " ORDER BY at, id",
            args,
        )
        return [SurveyAnswer(*(str(v) for v in tuple(r))) for r in rows]

    def answer_survey(
        self, question_id: str, device: str, answer: object, *, origin: str = "phone"
    ) -> tuple[SurveyAnswer, bool]:
        """A device's answer, given or changed: (answer, whether it changed). Raises
        InputError for an answer the question cannot take (a rating of 6), StoreError for
        a question no longer in the plan."""
        if not device or len(device) > MAX_DEVICE_CHARS or not device.isprintable():
            raise InputError("device", "the device is missing or not valid")
        stamp = self._now()
        with self._write() as conn:
            row = conn.execute(
                "SELECT id, position, question, kind, choices_json FROM survey_question"
                f" WHERE id = ? AND position < {RETIRED}",
                (question_id,),
            ).fetchone()
            if row is None:
                raise StoreError("That question is no longer in the survey.")
            try:
                value = check_answer(_question(row).question, answer)
            except ValueError as exc:
                raise InputError("answer", str(exc)) from None
            before = conn.execute(
                "SELECT answer, at FROM survey_answer WHERE question_id = ? AND device = ?",
                (question_id, device),
            ).fetchone()
            if before is not None and before[0] == value:
                return SurveyAnswer(question_id, device, value, str(before[1]), origin), False
            conn.execute(
                "INSERT INTO survey_answer (id, question_id, device, answer, at, origin)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (question_id, device) DO UPDATE SET"
                " answer = excluded.answer, at = excluded.at, origin = excluded.origin",
                (new_id(), question_id, device, value, stamp, origin),
            )
        return SurveyAnswer(question_id, device, value, stamp, origin), True
