"""What every store operation stands on: one open connection, its transactions and reads.

The operations themselves live by role (``entries``, ``picks``, ``timeline``,
``deck_plan``, ``drafts_settings``, ``event_info``), each a mixin of :class:`StoreBase`;
``db.EventStore`` puts them together with opening and closing the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from facilitator.store.checkpoint import Checkpointer
from facilitator.store.event_file import connect, human_error
from facilitator.store.lock import EventLock


class StoreError(Exception):
    """A save or read that failed for a reason outside the user's input (disk full, file gone).

    The message is one human sentence; the transaction was rolled back, so nothing is half-saved.
    """


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    import uuid  # here, not at the top: it loads `platform`, a few ms of every start

    return str(uuid.uuid4())


class StoreBase:
    """An open event file's connection. Every operation that changes data is one
    :meth:`_write` transaction; every read goes through :meth:`_read`."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        lock: EventLock | None,
        readonly: bool,
        closing: Callable[[], None] | None = None,
    ) -> None:
        self.path = path
        self.readonly = readonly
        self.migrated_from: str | None = None
        self.backup_path: Path | None = None
        self._lock = lock
        self._conn: sqlite3.Connection | None = conn
        self._grouped = False  # inside grouped(): each _write is a savepoint of one commit
        self._closing = closing  # what a read-only open must tidy after closing
        # a reader tidies the empty -wal/-shm that SQLite makes for it, if it made them
        self._sidecars_before: list[bool] | None = None
        self.checkpointer: Checkpointer | None = (
            None if readonly else Checkpointer(lambda: connect(self.path, readonly=False))
        )

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("The event file is closed.")
        return self._conn

    @contextmanager
    def grouped(self) -> Iterator[None]:
        """Every write inside is a savepoint of one transaction, committed durably once at
        the end (one fsync for a burst, not one each); a write that fails is undone alone
        and the others stay. Raises StoreError if the commit fails: then nothing is stored."""
        with self._write():
            self._grouped = True
            try:
                yield
            finally:
                self._grouped = False

    @contextmanager
    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        conn = self.conn
        conn.execute("SAVEPOINT one_write")
        try:
            yield conn
        except BaseException as exc:
            conn.execute("ROLLBACK TO one_write")
            conn.execute("RELEASE one_write")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(human_error(exc, self.path)) from exc
            raise
        conn.execute("RELEASE one_write")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (durably: synchronous=FULL) before the block exits."""
        if self._grouped:
            with self._savepoint() as conn:
                yield conn
            return
        if self.readonly:
            raise StoreError("This event is open read-only. Nothing was saved.")
        if not self.path.exists():
            raise StoreError(
                "The event file is gone (moved, deleted or on a removed drive). Nothing was saved."
            )
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(human_error(exc, self.path)) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(human_error(exc, self.path)) from exc
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if self.checkpointer is not None:
            self.checkpointer.poke()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            message = human_error(exc, self.path).replace(" Nothing was saved.", "")
            raise StoreError(message) from exc

    def _now(self) -> str:
        """The time an operation stamps on what it saves (ISO 8601, UTC)."""
        return now_iso()
