"""Groups of entries: make, name, move between, split, dissolve, and put back (undo).

An entry is in at most one group (the membership is keyed by the entry). A group that
loses its last entry is deleted (softly: an undo puts it back). Groups of a round hold
only that round's entries; groups of the whole event (no round) any entry. Once a dot
vote has been opened on a scope its groups are locked: every change is refused.

A membership outlives what happens to its entry: an entry deleted or hidden after it was
grouped stays in its group (restored, it is back), and readers leave it out (``live``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from facilitator.core.control_chars import strip_controls
from facilitator.core.errors import InputError
from facilitator.core.groups import MAX_GROUP_NAME, Group, GroupSnapshot, short_label
from facilitator.store.base import StoreBase, StoreError, new_id

LOCKED = "the groups are locked: a dot vote has been opened on them"


def check_name(name: str) -> str:
    name = " ".join(strip_controls(name).split())
    if len(name) > MAX_GROUP_NAME:
        raise InputError("name", f"a group's name may hold at most {MAX_GROUP_NAME} characters")
    return name


class GroupOps(StoreBase):
    """The event's groups of entries."""

    # -- reading ---------------------------------------------------------------------------

    def groups(self, round_id: str | None = None, *, live: bool = True) -> list[Group]:
        """The groups of a round (``round_id``) or of the whole event (None), in order.

        ``live``: only entries not deleted, and only groups that still hold one."""
        rows = self._read(
            "SELECT id, name, round_id, position FROM entry_group"
            " WHERE round_id IS ? AND deleted_at IS NULL ORDER BY position, created_at",
            (round_id,),
        )
        members = self._members([str(r["id"]) for r in rows], live=live)
        out = []
        for r in rows:
            ids = members.get(str(r["id"]), ())
            if live and not ids:
                continue
            out.append(Group(str(r["id"]), str(r["name"]), r["round_id"], int(r["position"]), ids))
        return out

    def all_groups(self) -> list[Group]:
        """Every group of the event that holds an entry not deleted, any round's."""
        rows = self._read(
            "SELECT id, name, round_id, position FROM entry_group WHERE deleted_at IS NULL"
            " ORDER BY position, created_at"
        )
        members = self._members([str(r["id"]) for r in rows], live=True)
        return [
            Group(str(r["id"]), str(r["name"]), r["round_id"], int(r["position"]), ids)
            for r in rows
            if (ids := members.get(str(r["id"]), ()))
        ]

    def group(self, group_id: str) -> Group:
        rows = self._read(
            "SELECT id, name, round_id, position FROM entry_group WHERE id = ?", (group_id,)
        )
        if not rows:
            raise StoreError("That group is no longer in the event file.")
        r = rows[0]
        ids = self._members([group_id], live=False).get(group_id, ())
        return Group(str(r["id"]), str(r["name"]), r["round_id"], int(r["position"]), ids)

    def group_of(self) -> dict[str, str]:
        """entry id -> id of its (undeleted) group, for every grouped entry."""
        rows = self._read(
            "SELECT m.theme_id, m.group_id FROM group_member m"
            " JOIN entry_group g ON g.id = m.group_id WHERE g.deleted_at IS NULL"
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def _members(self, group_ids: Sequence[str], *, live: bool) -> dict[str, tuple[str, ...]]:
        if not group_ids:
            return {}
        alive = " AND t.deleted_at IS NULL" if live else ""
        rows = self._read(
            "SELECT m.group_id, m.theme_id FROM group_member m JOIN theme t ON t.id = m.theme_id"
            f" JOIN json_each(?) g ON g.value = m.group_id WHERE 1{alive}"
            " ORDER BY m.position, t.rowid",
            (_json_list(group_ids),),
        )
        out: dict[str, list[str]] = {}
        for group_id, theme_id in rows:
            out.setdefault(str(group_id), []).append(str(theme_id))
        return {k: tuple(v) for k, v in out.items()}

    def group_snapshot(self) -> GroupSnapshot:
        groups = self._read(
            "SELECT id, round_id, name, position, created_at, updated_at, deleted_at"
            " FROM entry_group ORDER BY rowid"
        )
        members = self._read("SELECT theme_id, group_id, position FROM group_member ORDER BY rowid")
        return GroupSnapshot(
            groups=tuple(
                (str(r[0]), r[1], str(r[2]), int(r[3]), str(r[4]), str(r[5]), r[6]) for r in groups
            ),
            members=tuple((str(r[0]), str(r[1]), int(r[2])) for r in members),
        )

    # -- changing --------------------------------------------------------------------------

    def create_group(
        self,
        entry_ids: Sequence[str],
        *,
        round_id: str | None,
        name: str = "",
        group_id: str | None = None,
    ) -> Group:
        """A new group of ``entry_ids`` (taken out of the groups they were in), placed last."""
        name = check_name(name)
        ids = _distinct(entry_ids)
        if not ids:
            raise InputError("entries", "choose at least one entry to group")
        stamp = self._now()
        group_id = group_id or new_id()
        with self._write() as conn:
            self._check_unlocked(conn, round_id)
            texts = self._check_entries(conn, ids, round_id)
            position = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM entry_group WHERE round_id IS ?",
                (round_id,),
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO entry_group (id, round_id, name, position, created_at, updated_at,"
                " deleted_at) VALUES (?, ?, ?, ?, ?, ?, NULL)",
                (group_id, round_id, name or short_label(texts[0]), position, stamp, stamp),
            )
            self._put(conn, ids, group_id, stamp)
        return self.group(group_id)

    def rename_group(self, group_id: str, name: str) -> Group:
        name = check_name(name)
        if not name:
            raise InputError("name", "a group needs a name")
        with self._write() as conn:
            self._check_unlocked(conn, self._scope_of(conn, group_id))
            conn.execute(
                "UPDATE entry_group SET name = ?, updated_at = ? WHERE id = ?",
                (name, self._now(), group_id),
            )
        return self.group(group_id)

    def move_entries(self, entry_ids: Sequence[str], group_id: str | None) -> None:
        """Put entries into ``group_id`` (out of any group with None). A group left with no
        entry is deleted; an undo puts it back."""
        ids = _distinct(entry_ids)
        if not ids:
            raise InputError("entries", "choose at least one entry to move")
        stamp = self._now()
        with self._write() as conn:
            if group_id is None:
                self._take_out(conn, ids, stamp)
                return
            scope = self._scope_of(conn, group_id)
            self._check_unlocked(conn, scope)
            self._check_entries(conn, ids, scope)
            self._put(conn, ids, group_id, stamp)

    def dissolve_group(self, group_id: str) -> None:
        """Take every entry out of a group and delete it (an undo puts it back)."""
        stamp = self._now()
        with self._write() as conn:
            self._check_unlocked(conn, self._scope_of(conn, group_id))
            conn.execute("DELETE FROM group_member WHERE group_id = ?", (group_id,))
            conn.execute(
                "UPDATE entry_group SET deleted_at = ?, updated_at = ? WHERE id = ?",
                (stamp, stamp, group_id),
            )

    def restore_group_snapshot(self, snapshot: GroupSnapshot) -> None:
        """Put every group and membership back as in ``snapshot`` (an undo or a redo).
        Refused when a scope it would change is locked."""
        with self._write() as conn:
            now = self.group_snapshot()
            changed = set(now.groups) ^ set(snapshot.groups)
            changed_members = set(now.members) ^ set(snapshot.members)
            scopes = {g[1] for g in changed}
            for _theme_id, group_id, _position in changed_members:
                scopes.update(g[1] for g in (*now.groups, *snapshot.groups) if g[0] == group_id)
            for scope in scopes:
                self._check_unlocked(conn, scope)
            conn.execute("DELETE FROM group_member")
            conn.execute("DELETE FROM entry_group")
            conn.executemany(
                "INSERT INTO entry_group (id, round_id, name, position, created_at, updated_at,"
                " deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                snapshot.groups,
            )
            conn.executemany(
                "INSERT INTO group_member (theme_id, group_id, position) VALUES (?, ?, ?)",
                snapshot.members,
            )

    # -- checks and steps inside a transaction -----------------------------------------------

    def _check_unlocked(self, conn: sqlite3.Connection, round_id: str | None) -> None:
        if conn.execute("SELECT 1 FROM dot_vote WHERE round_id IS ?", (round_id,)).fetchone():
            raise InputError("groups", LOCKED)

    def _scope_of(self, conn: sqlite3.Connection, group_id: str) -> str | None:
        row = conn.execute(
            "SELECT round_id FROM entry_group WHERE id = ? AND deleted_at IS NULL", (group_id,)
        ).fetchone()
        if row is None:
            raise StoreError("That group is no longer in the event file.")
        return row[0]  # type: ignore[no-any-return]

    def _check_entries(
        self, conn: sqlite3.Connection, ids: list[str], round_id: str | None
    ) -> list[str]:
        """The entries' texts, in order; refused when one is not in this event file (an id
        from another file), deleted, or of another round than the group's."""
        rows = {
            str(r[0]): (r[1], r[2], r[3])
            for r in conn.execute(
                "SELECT id, text, round_id, deleted_at FROM theme"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (_json_list(ids),),
            )
        }
        for entry_id in ids:
            if entry_id not in rows:
                raise InputError(
                    "entries", "an entry is not in this event file (from another event?)"
                )
            text, entry_round, deleted_at = rows[entry_id]
            if deleted_at is not None:
                raise InputError("entries", f"“{short_label(text, 40)}” has been deleted")
            if round_id is not None and entry_round != round_id:
                raise InputError("entries", f"“{short_label(text, 40)}” was said in another round")
        return [str(rows[i][0]) for i in ids]

    def _put(self, conn: sqlite3.Connection, ids: list[str], group_id: str, stamp: str) -> None:
        self._take_out(conn, ids, stamp, keep=group_id)
        start = conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM group_member WHERE group_id = ?",
            (group_id,),
        ).fetchone()[0]
        conn.executemany(
            "INSERT OR REPLACE INTO group_member (theme_id, group_id, position) VALUES (?, ?, ?)",
            [(entry_id, group_id, start + n) for n, entry_id in enumerate(ids)],
        )
        conn.execute("UPDATE entry_group SET updated_at = ? WHERE id = ?", (stamp, group_id))

    def _take_out(
        self, conn: sqlite3.Connection, ids: list[str], stamp: str, keep: str | None = None
    ) -> None:
        """Take entries out of their groups; a group (other than ``keep``) left with none
        is deleted."""
        listed = _json_list(ids)
        was_in = {
            str(r[0])
            for r in conn.execute(
                "SELECT DISTINCT group_id FROM group_member"
                " WHERE theme_id IN (SELECT value FROM json_each(?))",
                (listed,),
            )
        }
        for scope in {self._scope_or_none(conn, g) for g in was_in - {keep or ""}}:
            self._check_unlocked(conn, scope)
        conn.execute(
            "DELETE FROM group_member WHERE theme_id IN (SELECT value FROM json_each(?))",
            (listed,),
        )
        for group_id in was_in - {keep or ""}:
            if (
                conn.execute(
                    "SELECT 1 FROM group_member WHERE group_id = ?", (group_id,)
                ).fetchone()
                is None
            ):
                conn.execute(
                    "UPDATE entry_group SET deleted_at = ?, updated_at = ? WHERE id = ?",
                    (stamp, stamp, group_id),
                )

    def _scope_or_none(self, conn: sqlite3.Connection, group_id: str) -> str | None:
        row = conn.execute("SELECT round_id FROM entry_group WHERE id = ?", (group_id,)).fetchone()
        return None if row is None else row[0]


def _distinct(ids: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(str(i) for i in ids))


def _json_list(ids: Sequence[str]) -> str:
    import json

    return json.dumps(list(ids))
