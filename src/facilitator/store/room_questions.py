"""Questions to the room in the event file: asked once per id, moderated, up-voted (one
up-vote per device per question: a unique constraint), and banned devices."""

from __future__ import annotations

from facilitator.core.errors import InputError
from facilitator.core.room_questions import (
    APPROVED,
    MAX_QUESTION_CHARS,
    STATUSES,
    WAITING,
    Banned,
    RoomQuestion,
)
from facilitator.store.base import StoreBase, StoreError, new_id
from facilitator.store.room import check_id, clean_text

QUESTION_ROW = (
    "q.id, q.text, q.device, q.created_at, q.status,"
    " (SELECT count(*) FROM room_upvote u WHERE u.question_id = q.id), q.moderated_at"
)
BANNED = "This phone can no longer send to the room."


def _record(row: tuple[object, ...]) -> RoomQuestion:
    id_, text, device, created, status, upvotes, moderated = row
    return RoomQuestion(
        str(id_),
        str(text),
        str(device),
        str(created),
        str(status),
        int(str(upvotes)),
        None if moderated is None else str(moderated),
    )


class RoomQuestionOps(StoreBase):
    """Delegates' questions, their moderation and up-votes, and banned devices."""

    def is_banned(self, device: str) -> bool:
        return bool(self._read("SELECT 1 FROM room_ban WHERE device = ?", (device,)))

    def room_questions(self, status: str | None = None) -> list[RoomQuestion]:
        """Questions, oldest first (of one ``status``, or all)."""
        where, args = ("WHERE q.status = ?", (status,)) if status else ("", ())
        rows = self._read(
            f"SELECT {QUESTION_ROW} FROM room_question q {where} ORDER BY q.created_at, q.id",
            args,
        )
        return [_record(tuple(r)) for r in rows]

    def room_question(self, question_id: str) -> RoomQuestion | None:
        rows = self._read(
            f"SELECT {QUESTION_ROW} FROM room_question q WHERE q.id = ?", (question_id,)
        )
        return _record(tuple(rows[0])) if rows else None

    def upvoted_by(self, device: str) -> set[str]:
        rows = self._read("SELECT question_id FROM room_upvote WHERE device = ?", (device,))
        return {str(r[0]) for r in rows}

    def ask_room(self, question_id: str, device: str, text: str) -> tuple[RoomQuestion, bool]:
        """Store a delegate's question once (a replay of its id returns it, False). Raises
        Banned, or InputError for text that cannot be a question."""
        check_id(question_id, "id")
        check_id(device, "device")
        if len(text) > MAX_QUESTION_CHARS:
            raise InputError(
                "text", f"a question may hold at most {MAX_QUESTION_CHARS:,} characters"
            )
        text = clean_text(text).strip()
        if not text:
            raise InputError("text", "a question needs some text")
        stamp = self._now()
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM room_ban WHERE device = ?", (device,)).fetchone():
                raise Banned(BANNED)
            row = conn.execute(
                f"SELECT {QUESTION_ROW} FROM room_question q WHERE q.id = ?", (question_id,)
            ).fetchone()
            if row is not None:
                stored = _record(tuple(row))
                if stored.device != device:
                    raise InputError("id", "that id is already used; send it with a new id")
                return stored, False
            conn.execute(
                "INSERT INTO room_question (id, text, device, created_at, status)"
                " VALUES (?, ?, ?, ?, ?)",
                (question_id, text, device, stamp, WAITING),
            )
        return RoomQuestion(question_id, text, device, stamp, WAITING), True

    def moderate(self, question_id: str, status: str) -> RoomQuestion:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self._write() as conn:
            conn.execute(
                "UPDATE room_question SET status = ?, moderated_at = ? WHERE id = ?",
                (status, self._now(), question_id),
            )
        found = self.room_question(question_id)
        if found is None:
            raise StoreError("That question is no longer in the event file.")
        return found

    def ban_device(self, device: str) -> list[str]:
        """Ban a device: its waiting questions are hidden. Returns their ids."""
        stamp = self._now()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO room_ban (device, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (device, stamp),
            )
            hidden = [
                str(r[0])
                for r in conn.execute(
                    "SELECT id FROM room_question WHERE device = ? AND status = ?",
                    (device, WAITING),
                )
            ]
            conn.execute(
                "UPDATE room_question SET status = 'hidden', moderated_at = ?"
                " WHERE device = ? AND status = ?",
                (stamp, device, WAITING),
            )
        return hidden

    def upvote(self, question_id: str, device: str) -> tuple[int, bool]:
        """A device's up-vote of an approved question, once: (up-votes now, whether it is
        new). Raises Banned, or StoreError for a question not on the screen."""
        check_id(device, "device")
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM room_ban WHERE device = ?", (device,)).fetchone():
                raise Banned(BANNED)
            status = conn.execute(
                "SELECT status FROM room_question WHERE id = ?", (question_id,)
            ).fetchone()
            if status is None or status[0] != APPROVED:
                raise StoreError("That question is not up for votes.")
            cursor = conn.execute(
                "INSERT INTO room_upvote (id, question_id, device, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (question_id, device) DO NOTHING",
                (new_id(), question_id, device, self._now()),
            )
            count = conn.execute(
                "SELECT count(*) FROM room_upvote WHERE question_id = ?", (question_id,)
            ).fetchone()[0]
        return int(count), cursor.rowcount == 1
