"""The event file: one SQLite file per event, and the API the rest of the app uses.

Every call that creates or changes data is one short transaction, committed before it
returns: when a call returns, the data is on disk.

The schema is defined by the SQLModel tables in ``models.py`` and changed only by Alembic
migrations; the queries here go through the standard library's sqlite3. Importing
SQLAlchemy, pydantic and Alembic costs more than the app's whole start-up budget, so
they load only when a file is created or migrated.

``EventStore`` is the API: it opens, creates, copies and closes the file here, and takes its
operations from one module per role (``entries``, ``picks``, ``timeline``, ``deck_plan``,
``drafts_settings``, ``event_info``) over the connection in ``base``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator import __version__
from facilitator.core import atomic
from facilitator.core.deck import Deck
from facilitator.core.errors import InputError
from facilitator.core.plan import Plan
from facilitator.store import migrate
from facilitator.store.base import StoreError, new_id, now_iso
from facilitator.store.deck_plan import RETIRED, DeckPlanOps, write_deck, write_plan
from facilitator.store.dots import DotOps
from facilitator.store.drafts_settings import DraftSettingOps, put_setting
from facilitator.store.entries import MAX_THEME_CHARS, EntryOps
from facilitator.store.event_file import (
    canonical,
    check_event_file,
    check_name,
    connect,
    human_error,
    open_readonly,
    sidecars,
    uri,
)
from facilitator.store.event_info import MAX_TABLES, EventInfoOps
from facilitator.store.lock import EventLock
from facilitator.store.opening import inspect_revision, sidecars_present, tidy_sidecars
from facilitator.store.picks import PickOps
from facilitator.store.room import RoomOps, make_missing_tokens
from facilitator.store.room_questions import RoomQuestionOps
from facilitator.store.rows import THEME_COLUMNS, THEME_ROW, insert_row
from facilitator.store.survey import SurveyOps
from facilitator.store.timeline import TimelineOps, timeline_values
from facilitator.store.votes import VoteOps

__all__ = [
    "MAX_TABLES",
    "MAX_THEME_CHARS",
    "RETIRED",
    "THEME_COLUMNS",
    "THEME_ROW",
    "EventStore",
    "StoreError",
    "new_id",
    "now_iso",
    "sidecars_present",
    "tidy_sidecars",
]

_inspect = inspect_revision  # the name merge and older callers know


class EventStore(
    EventInfoOps,
    DeckPlanOps,
    EntryOps,
    PickOps,
    TimelineOps,
    DraftSettingOps,
    RoomOps,
    VoteOps,
    SurveyOps,
    RoomQuestionOps,
    DotOps,
):
    """An open event file. Create with :meth:`create` or :meth:`open`; close when done.

    One store is used from one thread; a worker thread opens its own, read-only.
    """

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        title: str,
        deck: Deck,
        plan: Plan,
        tables: int = 12,
        date: str = "",
        venue: str = "",
        facilitator: str = "",
    ) -> EventStore:
        name = str(path)
        path = canonical(path)
        if not title.strip():
            raise InputError(name, "the event needs a title")
        if not 1 <= tables <= MAX_TABLES:
            raise InputError(name, f"the number of tables must be between 1 and {MAX_TABLES}")
        if path.exists() or Path(name).is_symlink():
            raise InputError(name, "already exists; choose another name or open it")
        if not path.parent.is_dir():
            raise InputError(name, f"the folder {path.parent} does not exist")
        if not os.access(path.parent, os.W_OK):
            raise InputError(name, f"the folder {path.parent} cannot be written")
        check_name(path)
        lock = EventLock(path)
        lock.acquire()
        conn: sqlite3.Connection | None = None
        try:
            conn = connect(path, readonly=False)  # WAL from the first byte
            lock.hold_event_file()
            migrate.create_at_head(path)
            store = cls(path, conn, lock, readonly=False)
            with store._write() as write:
                write.execute(
                    "INSERT INTO event (id, title, date, venue, facilitator, created_at,"
                    " app_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (new_id(), title.strip(), date, venue, facilitator, now_iso(), __version__),
                )
                write.executemany(
                    "INSERT INTO event_table (id, number, name) VALUES (?, ?, '')",
                    [(new_id(), n) for n in range(1, tables + 1)],
                )
                write_deck(write, deck, now_iso())
                write_plan(write, plan)
                make_missing_tokens(write)  # the room's links, from the event's creation
        except BaseException as exc:
            if conn is not None:
                conn.close()
            lock.release()
            for leftover in (path, *sidecars(path)):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
            if isinstance(exc, (sqlite3.Error, OSError)):
                raise InputError(name, f"cannot be created: {human_error(exc)}") from None
            raise
        return store

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False) -> EventStore:
        name = str(path)
        check_event_file(Path(name))
        path = canonical(path)
        lock: EventLock | None = None
        if not readonly:
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise InputError(
                    name,
                    "is read-only; copy it to a folder you can write to, then open the copy",
                )
            check_name(path)
            lock = EventLock(path)
            lock.acquire()
        sidecars_before = sidecars_present(path)
        closing: Callable[[], None] | None = None
        try:
            revision = inspect_revision(path)
            backup: Path | None = None
            if not readonly and revision != migrate.HEAD:
                backup = migrate.backup_before_migrating(path, revision)
                migrate.upgrade_file(path)
            if readonly:
                conn, closing = open_readonly(path)
            else:
                conn = connect(path, readonly=False)
        except sqlite3.Error as exc:
            if lock is not None:
                lock.release()
            raise InputError(name, f"cannot be opened: {human_error(exc, path)}") from None
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store = cls(path, conn, lock, readonly, closing)
        if readonly:
            store._sidecars_before = sidecars_before
        if backup is not None:
            store.migrated_from = revision
            store.backup_path = backup
        return store

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.stop()
        if self._conn is not None:
            # closing the last connection checkpoints the WAL into the file and removes it
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
            if self._closing is not None:
                self._closing()
            if self._sidecars_before is not None:
                tidy_sidecars(self.path, self._sidecars_before)
        if self._lock is not None:
            self._lock.release()  # after SQLite closed the file: its locks are not ours
            self._lock = None

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save_copy(self, target: Path) -> Path:
        """A whole, consistent copy of the open event (what is in the WAL included), made
        with SQLite's backup API while the event stays open; written beside ``target`` and
        renamed into place when complete. Safe to call from a worker thread."""
        name = str(target)
        target = canonical(target)
        if target == self.path:
            raise InputError(name, "is the open event itself; choose another name")
        if not target.parent.is_dir():
            raise InputError(name, f"the folder {target.parent} does not exist")
        check_name(target)
        part = atomic.part_path(target, "copy")
        try:
            # a connection of its own: a copy made from a worker thread never holds up the
            # connection the UI reads through
            source = connect(self.path, readonly=True)
            copy = sqlite3.connect(uri(part), uri=True)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
            finally:
                copy.close()
                source.close()
            atomic.publish(part, target)  # flushed, then renamed into place
        except (sqlite3.Error, OSError) as exc:
            for leftover in (part, Path(f"{part}-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
            raise InputError(name, f"cannot be written: {human_error(exc, None)}") from None
        return target

    def _now(self) -> str:
        # this module's ``now_iso``, looked up at each call: the one clock to replace
        return now_iso()

    # -- the save thread's own connection ---------------------------------------------------

    @classmethod
    def open_writer(cls, path: Path) -> EventStore:
        """A second connection of an event this app has open, for the thread that saves.

        It takes no lock (the app holds it) and neither checks nor migrates the file (the
        app did that when it opened it). Use it from one thread; close it before the app's
        store closes.
        """
        path = Path(path)
        if not path.exists():
            raise StoreError(
                "The event file is gone (moved, deleted or on a removed drive). Nothing was saved."
            )
        try:
            conn = connect(path, readonly=False)
        except sqlite3.Error as exc:
            raise StoreError(human_error(exc, path)) from exc
        return cls(path, conn, None, readonly=False)

    # -- steps of the live session -----------------------------------------------------------

    def now(self) -> str:
        """The time this store stamps on what it saves (ISO 8601, UTC): for a step taken
        now and saved later by the writer thread."""
        return self._now()

    def add_timeline_with_settings(
        self,
        kind: str,
        settings: dict[str, Any],
        *,
        round_id: str | None = None,
        detail: dict[str, Any] | None = None,
        at: str | None = None,
    ) -> None:
        """A timeline record and the settings that go with it (a projector step: the
        item on screen, the look) in one transaction: all are saved, or none."""
        values = timeline_values(kind, round_id, detail, at or self._now())
        with self._write() as conn:
            insert_row(conn, "timeline", values)
            for key, value in settings.items():
                put_setting(conn, key, value)
