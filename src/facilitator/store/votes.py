"""The room's votes in the event file: opening and closing a vote, and the ballots.

One ballot per device per vote: the ``room_ballot`` table's unique constraint holds it,
whatever the timing, and a ballot that changes is the same row, updated. At most one vote
is open at a time: opening one closes the one before.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from facilitator.core.errors import InputError
from facilitator.core.votes import CARD, CHOICE, Ballot, Vote, VoteClosed, VoteLocked
from facilitator.store.base import StoreBase, StoreError, new_id

MAX_QUESTION_CHARS = 300
MAX_CHOICES = 30
MAX_CHOICE_CHARS = 120
MAX_DEVICE_CHARS = 64
VOTE_ROW = "id, question, kind, choices_json, round_id, opened_at, closed_at, hidden, changeable"


def vote_record(row: sqlite3.Row | tuple[object, ...]) -> Vote:
    (id_, question, kind, choices, round_id, opened, closed, hidden, changeable) = tuple(row)
    return Vote(
        id=str(id_),
        question=str(question),
        kind=str(kind),
        choices=tuple(json.loads(str(choices))),
        round_id=None if round_id is None else str(round_id),
        opened_at=str(opened),
        closed_at=None if closed is None else str(closed),
        hidden=bool(hidden),
        changeable=bool(changeable),
    )


def _check_vote(question: str, kind: str, choices: Sequence[str]) -> tuple[str, list[str]]:
    question = question.strip()
    if not question:
        raise InputError("question", "a vote needs a question")
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError("question", f"a question may hold at most {MAX_QUESTION_CHARS} characters")
    if kind == CARD:
        return question, []
    if kind != CHOICE:
        raise InputError("kind", f"unknown kind of vote {kind!r}; use {CARD} or {CHOICE}")
    cleaned = list(dict.fromkeys(c.strip() for c in choices if c.strip()))
    if len(cleaned) < 2:
        raise InputError("choices", "a vote needs at least two different choices")
    if len(cleaned) > MAX_CHOICES or any(len(c) > MAX_CHOICE_CHARS for c in cleaned):
        raise InputError(
            "choices", f"at most {MAX_CHOICES} choices of {MAX_CHOICE_CHARS} characters each"
        )
    return question, cleaned


class VoteOps(StoreBase):
    """The votes put to the room, and every device's ballot."""

    def open_vote(
        self,
        question: str,
        *,
        kind: str = CARD,
        choices: Sequence[str] = (),
        round_id: str | None = None,
        hidden: bool = False,
        changeable: bool = True,
        vote_id: str | None = None,
    ) -> Vote:
        """Open a vote (and close the one open before). Raises InputError for a question
        or choices that cannot be asked."""
        question, cleaned = _check_vote(question, kind, choices)
        stamp = self._now()
        vote = Vote(
            id=vote_id or new_id(),
            question=question,
            kind=kind,
            choices=tuple(cleaned),
            round_id=round_id,
            opened_at=stamp,
            hidden=hidden,
            changeable=changeable,
        )
        with self._write() as conn:
            conn.execute("UPDATE room_vote SET closed_at = ? WHERE closed_at IS NULL", (stamp,))
            conn.execute(
                f"INSERT INTO room_vote ({VOTE_ROW}) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                (
                    vote.id,
                    vote.question,
                    vote.kind,
                    json.dumps(cleaned, ensure_ascii=False),
                    round_id,
                    stamp,
                    hidden,
                    changeable,
                ),
            )
        return vote

    def close_vote(self, vote_id: str) -> Vote:
        with self._write() as conn:
            conn.execute(
                "UPDATE room_vote SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                (self._now(), vote_id),
            )
            row = conn.execute(f"SELECT {VOTE_ROW} FROM room_vote WHERE id = ?", (vote_id,))
            found = row.fetchone()
        if found is None:
            raise StoreError("That vote is no longer in the event file.")
        return vote_record(found)

    def vote(self, vote_id: str) -> Vote | None:
        rows = self._read(f"SELECT {VOTE_ROW} FROM room_vote WHERE id = ?", (vote_id,))
        return vote_record(rows[0]) if rows else None

    def votes(self) -> list[Vote]:
        """Every vote, oldest first."""
        rows = self._read(f"SELECT {VOTE_ROW} FROM room_vote ORDER BY opened_at, id")
        return [vote_record(r) for r in rows]

    def latest_vote(self, kind: str | None = None) -> Vote | None:
        """The vote open now, or else the one opened last (its results stay in view); of
        one ``kind`` (card, choice) when given."""
        where, args = ("WHERE kind = ?", (kind,)) if kind else ("", ())
        rows = self._read(
            f"SELECT {VOTE_ROW} FROM room_vote {where}"
            " ORDER BY closed_at IS NULL DESC, opened_at DESC, id DESC LIMIT 1",
            args,
        )
        return vote_record(rows[0]) if rows else None

    def ballots(self, vote_id: str | None = None) -> list[Ballot]:
        where, args = ("WHERE vote_id = ?", (vote_id,)) if vote_id else ("", ())
        rows = self._read(
            f"SELECT vote_id, device, answer, at FROM room_ballot {where} ORDER BY at, id", args
        )
        return [Ballot(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]

    def ballot(self, vote_id: str, device: str) -> Ballot | None:
        rows = self._read(
            "SELECT vote_id, device, answer, at FROM room_ballot WHERE vote_id = ? AND device = ?",
            (vote_id, device),
        )
        return Ballot(*(str(v) for v in tuple(rows[0]))) if rows else None

    def vote_counts(self, vote_id: str) -> dict[str, int]:
        """Ballots per answer."""
        rows = self._read(
            "SELECT answer, count(*) FROM room_ballot WHERE vote_id = ? GROUP BY answer",
            (vote_id,),
        )
        return {str(r[0]): int(r[1]) for r in rows}

    def cast_ballot(self, vote_id: str, device: str, answer: str) -> tuple[Ballot, bool]:
        """The device's answer to the vote, cast or changed: (ballot, whether it changed).

        Raises VoteClosed (the vote is closed or gone), VoteLocked (a ballot that may not
        change), InputError (an answer the vote does not have: a card not in the deck)."""
        if not device or len(device) > MAX_DEVICE_CHARS or not device.isprintable():
            raise InputError("device", "the device is missing or not valid")
        stamp = self._now()
        with self._write() as conn:
            row = conn.execute(f"SELECT {VOTE_ROW} FROM room_vote WHERE id = ?", (vote_id,))
            found = row.fetchone()
            if found is None or not vote_record(found).is_open:
                raise VoteClosed("The vote is closed.")
            vote = vote_record(found)
            if vote.kind == CARD:
                known = conn.execute("SELECT 1 FROM card WHERE key = ?", (answer,)).fetchone()
            else:
                known = answer in vote.choices
            if not known:
                raise InputError("answer", "that is not one of this vote's answers")
            before = conn.execute(
                "SELECT answer, at FROM room_ballot WHERE vote_id = ? AND device = ?",
                (vote_id, device),
            ).fetchone()
            if before is not None and before[0] == answer:
                return Ballot(vote_id, device, answer, str(before[1])), False
            if before is not None and not vote.changeable:
                raise VoteLocked("Your vote is in: this vote does not allow changes.")
            conn.execute(
                "INSERT INTO room_ballot (id, vote_id, device, answer, at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (vote_id, device) DO UPDATE SET answer = excluded.answer,"
                " at = excluded.at",
                (new_id(), vote_id, device, answer, stamp),
            )
        return Ballot(vote_id, device, answer, stamp), True
