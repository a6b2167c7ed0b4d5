"""Entries (themes, quotes, questions, actions): add, edit, hide, delete, restore, list."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from facilitator.core.errors import InputError
from facilitator.core.records import KINDS, Theme
from facilitator.store.base import StoreBase, StoreError, new_id
from facilitator.store.rows import (
    THEME_ROW,
    assignments,
    given,
    insert_row,
    theme_record,
)

MAX_THEME_CHARS = 1_000_000


class EntryOps(StoreBase):
    """The event's entries. Nothing a scribe typed is ever physically removed."""

    def add_theme(
        self,
        text: str,
        *,
        table_id: str | None,
        round_id: str | None,
        kind: str = "theme",
        cards: Sequence[str] = (),
        theme_id: str | None = None,
    ) -> Theme:
        check_theme(text, kind)
        stamp = self._now()
        values: dict[str, Any] = {
            "id": theme_id or new_id(),
            "round_id": round_id,
            "table_id": table_id,
            "kind": kind,
            "text": text,
            "cards_json": json.dumps(list(cards), ensure_ascii=False),
            "hidden": False,
            "created_at": stamp,
            "updated_at": stamp,
            "deleted_at": None,
            "origin": "laptop",
            "device": None,
        }
        with self._write() as conn:
            insert_row(conn, "theme", values)
            values["seq"] = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        return theme_record(values)

    def edit_theme(
        self,
        theme_id: str,
        *,
        text: str | None = None,
        kind: str | None = None,
        cards: Sequence[str] | None = None,
        table_id: str | None = None,
        round_id: str | None = None,
    ) -> Theme:
        current = self.theme(theme_id)
        values = given(text=text, kind=kind, table_id=table_id, round_id=round_id)
        if cards is not None:
            values["cards_json"] = json.dumps(list(cards), ensure_ascii=False)
        values["updated_at"] = self._now()
        check_theme(values.get("text", current.text), values.get("kind", current.kind))
        return self._update_theme(theme_id, values)

    def delete_theme(self, theme_id: str) -> Theme:
        """Hide the theme everywhere; :meth:`restore_theme` brings it back. Nothing is erased."""
        stamp = self._now()
        return self._update_theme(theme_id, {"deleted_at": stamp, "updated_at": stamp})

    def restore_theme(self, theme_id: str) -> Theme:
        return self._update_theme(theme_id, {"deleted_at": None, "updated_at": self._now()})

    def set_theme_hidden(self, theme_id: str, hidden: bool) -> Theme:
        """Hide a theme from the wall without deleting it (it stays in the harvest)."""
        return self._update_theme(theme_id, {"hidden": hidden, "updated_at": self._now()})

    def _update_theme(self, theme_id: str, values: dict[str, Any]) -> Theme:
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE theme SET {assignments(values)} WHERE id = ?",
                [*values.values(), theme_id],
            )
            if cursor.rowcount != 1:
                raise StoreError("That entry is no longer in the event file.")
        return self.theme(theme_id)

    def theme(self, theme_id: str) -> Theme:
        rows = self._read(f"SELECT {THEME_ROW} FROM theme WHERE id = ?", (theme_id,))
        if not rows:
            raise StoreError("That entry is no longer in the event file.")
        return theme_record(rows[0])

    def themes(
        self,
        *,
        round_id: str | None = None,
        table_id: str | None = None,
        card: str | None = None,
        kind: str | None = None,
        text: str | None = None,
        include_deleted: bool = False,
        after: int | tuple[str, str] | None = None,
        limit: int | None = None,
    ) -> list[Theme]:
        """Themes, newest saved first, narrowed by any of the filters.

        Save order is the file's own (the rowid rises with each insert and entries are never
        physically deleted), not the wall clock's ``created_at``, which jumps when the
        laptop's clock is set. A page: the ``limit`` that come after ``after`` = the
        ``seq`` of the last one seen (or its (created_at, id), as before). Keyset paging:
        the 250th page of a big event costs what the first does.
        """
        where, params = theme_filter(round_id, table_id, card, kind, text, include_deleted)
        if isinstance(after, tuple):
            where += " AND rowid < (SELECT rowid FROM theme WHERE id = ?)"
            params.append(after[1])
        elif after is not None:
            where += " AND rowid < ?"
            params.append(after)
        sql = f"SELECT {THEME_ROW} FROM theme {where} ORDER BY rowid DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [theme_record(r) for r in self._read(sql, params)]

    def count_themes(
        self,
        *,
        round_id: str | None = None,
        table_id: str | None = None,
        card: str | None = None,
        kind: str | None = None,
        text: str | None = None,
        include_deleted: bool = False,
    ) -> int:
        where, params = theme_filter(round_id, table_id, card, kind, text, include_deleted)
        return int(self._read(f"SELECT count(*) FROM theme {where}", params)[0][0])

    # -- capture: repeats ----------------------------------------------------------------

    def table_texts(self, table_id: str | None) -> list[tuple[str, str]]:
        """(id, text) of one table's entries that are not deleted, to spot a repeat."""
        where = "table_id IS NULL" if table_id is None else "table_id = ?"
        params = () if table_id is None else (table_id,)
        rows = self._read(
            f"SELECT id, text FROM theme WHERE {where} AND deleted_at IS NULL", params
        )
        return [(str(r[0]), str(r[1])) for r in rows]


def check_theme(text: str, kind: str) -> None:
    if kind not in KINDS:
        raise InputError("kind", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    if not text.strip():
        raise InputError("text", "an entry needs some text")
    if len(text) > MAX_THEME_CHARS:
        raise InputError("text", f"an entry may hold at most {MAX_THEME_CHARS:,} characters")


def theme_filter(
    round_id: str | None,
    table_id: str | None,
    card: str | None,
    kind: str | None,
    text: str | None,
    include_deleted: bool,
) -> tuple[str, list[Any]]:
    """A WHERE clause (always present, so callers may append AND ...) and its parameters."""
    clauses = ["1"]
    params: list[Any] = []
    if not include_deleted:
        clauses.append("deleted_at IS NULL")
    for column, value in (("round_id", round_id), ("table_id", table_id), ("kind", kind)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if card is not None:
        clauses.append("EXISTS (SELECT 1 FROM json_each(theme.cards_json) WHERE value = ?)")
        params.append(card)
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("text LIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    return "WHERE " + " AND ".join(clauses), params
