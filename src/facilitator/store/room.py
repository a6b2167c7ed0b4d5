"""The room network's side of the event file: the tokens in its links, and entries from phones.

A token is the only secret in a link (``/j/EVENTTOKEN`` for delegates, ``/t/TABLETOKEN`` for
a table's scribe): random, at least 128 bits, made when the event is created. Renewing a
link revokes its token, so the old link stops working at once.

An entry from a phone carries the id the phone gave it: sending it again stores nothing
twice. A phone may edit, delete and restore only the entries it sent itself (its device id).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from msgspec import Struct

from facilitator.core.control_chars import strip_controls
from facilitator.core.errors import InputError
from facilitator.core.records import KINDS, TableInfo, Theme
from facilitator.store.base import StoreBase, StoreError, now_iso
from facilitator.store.rows import THEME_ROW, theme_record

MAX_PHONE_CHARS = 2_000  # an entry from a phone; the app's own limit is far larger
MAX_ID_CHARS = 64  # an entry id or a device id from a phone


class RoomTokens(Struct, frozen=True):
    event: str
    tables: dict[str, str]  # table id -> token


class NotYours(Exception):
    """A phone asked to change an entry another device (or the laptop) wrote."""


def new_token() -> str:
    import secrets  # here: its OpenSSL import is ~8 ms of every start

    return secrets.token_urlsafe(16)  # 128 bits


def make_missing_tokens(conn: sqlite3.Connection) -> None:
    """An event token, and a token for every table, where one is missing (inside the
    caller's transaction)."""
    stamp = now_iso()
    live = "revoked_at IS NULL"
    if conn.execute(f"SELECT 1 FROM room_token WHERE kind = 'event' AND {live}").fetchone() is None:
        conn.execute(
            "INSERT INTO room_token (token, kind, table_id, created_at)"
            " VALUES (?, 'event', NULL, ?)",
            (new_token(), stamp),
        )
    missing = conn.execute(
        "SELECT id FROM event_table WHERE id NOT IN"
        f" (SELECT table_id FROM room_token WHERE kind = 'table' AND {live})"
    ).fetchall()
    conn.executemany(
        "INSERT INTO room_token (token, kind, table_id, created_at) VALUES (?, 'table', ?, ?)",
        [(new_token(), row[0], stamp) for row in missing],
    )


def clean_text(text: str) -> str:
    """A phone's text as the app keeps typed text: line ends normalised, control characters
    (other than tab and newline) removed, the rest exactly as sent."""
    return strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


def check_phone_entry(text: str, kind: str) -> str:
    if kind not in KINDS:
        raise InputError("kind", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    if len(text) > MAX_PHONE_CHARS:
        raise InputError("text", f"an entry may hold at most {MAX_PHONE_CHARS:,} characters")
    text = clean_text(text)
    if not text.strip():
        raise InputError("text", "an entry needs some text")
    return text


def check_id(value: str, what: str) -> None:
    if not value or len(value) > MAX_ID_CHARS or not value.isprintable():
        raise InputError(what, f"the {what} is missing or not valid")


class PhoneEntry(Struct, frozen=True):
    """An entry as a phone sent it, before it is checked."""

    id: str
    table_id: str
    round_id: str | None
    kind: str
    text: str
    cards: tuple[str, ...]
    device: str


def _insert_phone_entry(
    conn: sqlite3.Connection, entry: PhoneEntry, text: str, stamp: str
) -> tuple[Theme, bool] | InputError:
    """Inside the caller's transaction: the entry stored once (writes nothing if refused)."""
    row = conn.execute(f"SELECT {THEME_ROW} FROM theme WHERE id = ?", (entry.id,)).fetchone()
    if row is not None:
        stored = theme_record(row)
        if stored.device != entry.device or stored.table_id != entry.table_id:
            return InputError("id", "that id is already used; send the entry with a new id")
        return stored, False
    conn.execute(
        "INSERT INTO theme (id, round_id, table_id, kind, text, cards_json, hidden,"
        " created_at, updated_at, deleted_at, origin, device)"
        " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, 'phone', ?)",
        (
            entry.id,
            entry.round_id,
            entry.table_id,
            entry.kind,
            text,
            json.dumps(list(entry.cards), ensure_ascii=False),
            stamp,
            stamp,
            entry.device,
        ),
    )
    row = conn.execute(f"SELECT {THEME_ROW} FROM theme WHERE id = ?", (entry.id,)).fetchone()
    return theme_record(row), True


class RoomOps(StoreBase):
    """Tokens and phone entries, over the store's connection."""

    def room_tokens(self) -> RoomTokens:
        rows = self._read("SELECT kind, table_id, token FROM room_token WHERE revoked_at IS NULL")
        event = next((str(r["token"]) for r in rows if r["kind"] == "event"), "")
        tables = {str(r["table_id"]): str(r["token"]) for r in rows if r["kind"] == "table"}
        return RoomTokens(event=event, tables=tables)

    def renew_table_token(self, table_id: str) -> str:
        if not self._read("SELECT 1 FROM event_table WHERE id = ?", (table_id,)):
            raise StoreError("That table is no longer in the event file.")
        return self._renew("table", table_id)

    def renew_event_token(self) -> str:
        return self._renew("event", None)

    def _renew(self, kind: str, table_id: str | None) -> str:
        stamp = self._now()
        token = new_token()
        with self._write() as conn:
            conn.execute(
                "UPDATE room_token SET revoked_at = ? WHERE kind = ? AND table_id IS ?"
                " AND revoked_at IS NULL",
                (stamp, kind, table_id),
            )
            conn.execute(
                "INSERT INTO room_token (token, kind, table_id, created_at) VALUES (?, ?, ?, ?)",
                (token, kind, table_id, stamp),
            )
        return token

    def table_for_token(self, token: str) -> TableInfo | None:
        rows = self._read(
            "SELECT t.id, t.number, t.name FROM room_token r JOIN event_table t"
            " ON t.id = r.table_id WHERE r.token = ? AND r.kind = 'table'"
            " AND r.revoked_at IS NULL",
            (token,),
        )
        if not rows:
            return None
        return TableInfo(id=rows[0]["id"], number=rows[0]["number"], name=rows[0]["name"])

    def event_token_valid(self, token: str) -> bool:
        return bool(
            self._read(
                "SELECT 1 FROM room_token WHERE token = ? AND kind = 'event'"
                " AND revoked_at IS NULL",
                (token,),
            )
        )

    def find_theme(self, theme_id: str) -> Theme | None:
        rows = self._read(f"SELECT {THEME_ROW} FROM theme WHERE id = ?", (theme_id,))
        return theme_record(rows[0]) if rows else None

    def add_phone_entry(
        self,
        entry_id: str,
        table_id: str,
        round_id: str | None,
        kind: str,
        text: str,
        cards: Sequence[str],
        device: str,
    ) -> tuple[Theme, bool]:
        """Store a phone's entry once: a replay of ``entry_id`` returns the stored entry and
        False. Raises InputError for bad input (nothing stored)."""
        entry = PhoneEntry(entry_id, table_id, round_id, kind, text, tuple(cards), device)
        result = self.add_phone_entries([entry])[0]
        if isinstance(result, InputError):
            raise result
        return result

    def add_phone_entries(
        self, entries: Sequence[PhoneEntry]
    ) -> list[tuple[Theme, bool] | InputError]:
        """Store the entries that phones sent together in one durable commit (one fsync
        for a burst, not one each). Each is checked alone: a bad one gets its InputError
        and stores nothing; the others are stored. A replayed id returns the stored entry
        and False. Raises StoreError if the commit fails (then nothing is stored)."""
        results: list[tuple[Theme, bool] | InputError | None] = [None] * len(entries)
        checked: list[tuple[int, PhoneEntry, str]] = []
        for i, entry in enumerate(entries):
            try:
                check_id(entry.id, "id")
                check_id(entry.device, "device")
                checked.append((i, entry, check_phone_entry(entry.text, entry.kind)))
            except InputError as exc:
                results[i] = exc
        if checked:
            stamp = self._now()
            with self._write() as conn:
                for i, entry, text in checked:
                    results[i] = _insert_phone_entry(conn, entry, text, stamp)
        return [r for r in results if r is not None]

    def _own(self, entry_id: str, device: str, table_id: str | None) -> Theme:
        theme = self.find_theme(entry_id)
        if theme is None or (table_id is not None and theme.table_id != table_id):
            raise StoreError("That entry is no longer in the event file.")
        if theme.origin != "phone" or theme.device != device:
            raise NotYours("Only the phone that sent an entry may change it.")
        return theme

    def _set_phone_entry(self, entry_id: str, values: dict[str, object]) -> Theme:
        columns = ", ".join(f"{c} = ?" for c in values)  # column names from this module only
        with self._write() as conn:
            conn.execute(f"UPDATE theme SET {columns} WHERE id = ?", [*values.values(), entry_id])
            row = conn.execute(
                f"SELECT {THEME_ROW} FROM theme WHERE id = ?", (entry_id,)
            ).fetchone()
        return theme_record(row)

    def edit_phone_entry(
        self,
        entry_id: str,
        device: str,
        *,
        text: str,
        kind: str,
        cards: Sequence[str] | None = None,
        table_id: str | None = None,
    ) -> Theme:
        text = check_phone_entry(text, kind)
        self._own(entry_id, device, table_id)
        values: dict[str, object] = {"text": text, "kind": kind, "updated_at": self._now()}
        if cards is not None:
            values["cards_json"] = json.dumps(list(cards), ensure_ascii=False)
        return self._set_phone_entry(entry_id, values)

    def delete_phone_entry(self, entry_id: str, device: str, table_id: str | None = None) -> Theme:
        self._own(entry_id, device, table_id)
        stamp = self._now()
        return self._set_phone_entry(entry_id, {"deleted_at": stamp, "updated_at": stamp})

    def restore_phone_entry(self, entry_id: str, device: str, table_id: str | None = None) -> Theme:
        self._own(entry_id, device, table_id)
        return self._set_phone_entry(entry_id, {"deleted_at": None, "updated_at": self._now()})


# the contract's names, as functions of a store


def room_tokens(store: RoomOps) -> RoomTokens:
    return store.room_tokens()


def renew_table_token(store: RoomOps, table_id: str) -> str:
    return store.renew_table_token(table_id)


def renew_event_token(store: RoomOps) -> str:
    return store.renew_event_token()


def table_for_token(store: RoomOps, token: str) -> TableInfo | None:
    return store.table_for_token(token)


def add_phone_entry(
    store: RoomOps,
    entry_id: str,
    table_id: str,
    round_id: str | None,
    kind: str,
    text: str,
    cards: Sequence[str],
    device: str,
) -> tuple[Theme, bool]:
    return store.add_phone_entry(entry_id, table_id, round_id, kind, text, cards, device)


def edit_phone_entry(store: RoomOps, entry_id: str, device: str, *, text: str, kind: str) -> Theme:
    return store.edit_phone_entry(entry_id, device, text=text, kind=kind)


def delete_phone_entry(store: RoomOps, entry_id: str, device: str) -> Theme:
    return store.delete_phone_entry(entry_id, device)


def restore_phone_entry(store: RoomOps, entry_id: str, device: str) -> Theme:
    return store.restore_phone_entry(entry_id, device)
