"""The event file: one SQLite file per event, and the API the rest of the app uses.

Every call that creates or changes data is one short transaction, committed before it
returns: when a call returns, the data is on disk.

The schema is defined by the SQLModel tables in ``models.py`` and changed only by Alembic
migrations; the queries here go through the standard library's sqlite3. Importing
SQLAlchemy, pydantic and Alembic costs more than the app's whole start-up budget, so
they load only when a file is created or migrated.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from msgspec.structs import asdict

from facilitator import __version__
from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.errors import InputError
from facilitator.core.plan import Plan, Round
from facilitator.core.records import (
    KINDS,
    CardPick,
    Draft,
    EventInfo,
    RoundInfo,
    TableInfo,
    Theme,
    TimelineEntry,
)
from facilitator.store import migrate
from facilitator.store.checkpoint import Checkpointer
from facilitator.store.event_file import (
    canonical,
    check_event_file,
    check_name,
    connect,
    human_error,
    not_sqlite,
    open_readonly,
    sidecars,
    uri,
)
from facilitator.store.lock import EventLock

MAX_TABLES = 500
MAX_THEME_CHARS = 1_000_000
RETIRED = 10_000  # rounds at this position and beyond were deleted from the plan
THEME_COLUMNS = (
    "id, round_id, table_id, kind, text, cards_json, hidden, created_at, updated_at, deleted_at"
)


class StoreError(Exception):
    """A save or read that failed for a reason outside the user's input (disk full, file gone).

    The message is one human sentence; the transaction was rolled back, so nothing is half-saved.
    """


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    import uuid  # here, not at the top: it loads `platform`, a few ms of every start

    return str(uuid.uuid4())


def sidecars_present(path: Path) -> list[bool]:
    """Whether ``path``'s -wal and -shm exist now, for :func:`tidy_sidecars` afterwards."""
    return [p.exists() for p in sidecars(path)]


def tidy_sidecars(path: Path, existed: list[bool]) -> None:
    """Remove the empty -wal and -shm a read-only reader leaves, unless the app has the file.

    Holding the event's lock proves no app writes it, so the sidecars are ours to remove.
    """
    wal_shm = sidecars(path)
    if any(existed) or not wal_shm[0].exists() or wal_shm[0].stat().st_size:
        return
    lock = EventLock(path)
    try:
        lock.acquire()
    except InputError:
        return  # the app has it open: the sidecars are in use
    try:
        for sidecar in wal_shm:
            with contextlib.suppress(OSError):
                sidecar.unlink(missing_ok=True)
    finally:
        lock.release()


def _inspect(path: Path) -> str:
    """The file's schema revision, after checking it is SQLite, whole and ours."""
    name = str(path)
    existed = sidecars_present(path)
    def leave_as_found() -> None:
        for sidecar, was_there in zip(sidecars(path), existed, strict=True):
            if not was_there:
                with contextlib.suppress(OSError):
                    sidecar.unlink(missing_ok=True)

    try:
        conn, done = open_readonly(path)
    except sqlite3.Error as exc:
        leave_as_found()
        if not_sqlite(exc):
            raise InputError(
                name, "is not a Facilitator event file (not an SQLite database)"
            ) from None
        if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"):
            raise InputError(
                name, "is damaged (truncated or corrupted) and cannot be opened"
            ) from None
        raise InputError(name, f"cannot be opened: {human_error(exc, path)}") from None
    try:
        try:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            check = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            if not_sqlite(exc):
                raise InputError(
                    name, "is not a Facilitator event file (not an SQLite database)"
                ) from None
            raise InputError(
                name, "is damaged (truncated or corrupted) and cannot be opened"
            ) from None
        if [tuple(row) for row in check] != [("ok",)]:
            raise InputError(name, "is damaged (truncated or corrupted) and cannot be opened")
        if "alembic_version" not in tables or "event" not in tables:
            raise InputError(name, "is an SQLite database but not a Facilitator event file")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise InputError(name, "is an SQLite database but not a Facilitator event file")
        revision = str(row[0])
        if revision not in migrate.REVISIONS:
            raise InputError(
                name,
                f"was made by a newer version of Facilitator (schema {revision}); "
                f"update Facilitator {__version__} to open it",
            )
    except InputError:
        conn.close()
        done()
        leave_as_found()  # a refused file's folder as we found it
        raise
    conn.close()
    done()
    return revision


class EventStore:
    """An open event file. Create with :meth:`create` or :meth:`open`; close when done.

    One store is used from one thread; a worker thread opens its own, read-only.
    """

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
        self._closing = closing  # what a read-only open must tidy after closing
        # a reader tidies the empty -wal/-shm that SQLite makes for it, if it made them
        self._sidecars_before: list[bool] | None = None
        self.checkpointer: Checkpointer | None = (
            None if readonly else Checkpointer(lambda: connect(self.path, readonly=False))
        )

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
                _write_deck(write, deck)
                _write_plan(write, plan)
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
            revision = _inspect(path)
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

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("The event file is closed.")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (durably: synchronous=FULL) before the block exits."""
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
        part = target.with_name(f".facilitator-copy-{os.getpid()}-{new_id()[:8]}.part")
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
            os.replace(part, target)
        except (sqlite3.Error, OSError) as exc:
            for leftover in (part, Path(f"{part}-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
            raise InputError(name, f"cannot be written: {human_error(exc, None)}") from None
        return target

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            message = human_error(exc, self.path).replace(" Nothing was saved.", "")
            raise StoreError(message) from exc

    # -- the event -------------------------------------------------------------------------

    def schema_revision(self) -> str:
        return str(self._read("SELECT version_num FROM alembic_version")[0][0])

    def event(self) -> EventInfo:
        row = self._read(
            "SELECT id, title, date, venue, facilitator, created_at, app_version FROM event"
        )[0]
        return EventInfo(**dict(row))

    def update_event(
        self,
        *,
        title: str | None = None,
        date: str | None = None,
        venue: str | None = None,
        facilitator: str | None = None,
    ) -> EventInfo:
        values = _given(title=title, date=date, venue=venue, facilitator=facilitator)
        if "title" in values:
            values["title"] = str(values["title"]).strip()
            if not values["title"]:
                raise InputError("title", "the event needs a title")
        if values:
            with self._write() as conn:
                conn.execute(f"UPDATE event SET {_assignments(values)}", list(values.values()))
        return self.event()

    def tables(self) -> list[TableInfo]:
        rows = self._read("SELECT id, number, name FROM event_table ORDER BY number")
        return [TableInfo(id=r["id"], number=r["number"], name=r["name"]) for r in rows]

    def set_table_count(self, count: int) -> list[TableInfo]:
        """Add tables up to ``count``. Tables are never removed: themes may point at them."""
        if not 1 <= count <= MAX_TABLES:
            raise InputError("tables", f"the number of tables must be between 1 and {MAX_TABLES}")
        existing = self.tables()
        if count > len(existing):
            start = max((t.number for t in existing), default=0) + 1
            with self._write() as conn:
                conn.executemany(
                    "INSERT INTO event_table (id, number, name) VALUES (?, ?, '')",
                    [(new_id(), n) for n in range(start, start + count - len(existing))],
                )
        return self.tables()

    # -- deck and plan snapshots -----------------------------------------------------------

    def card_image(self, card_id: str) -> bytes | None:
        """One card's image bytes, read from the file when a slide or thumbnail needs it."""
        rows = self._read(
            "SELECT i.image FROM card c JOIN card_image i ON i.card_id = c.id WHERE c.key = ?",
            (card_id,),
        )
        return rows[0]["image"] if rows else None

    def deck(self, images: bool = True) -> Deck:
        """The event's deck; with ``images=False`` its cards carry their image's name but
        not its bytes (read one with :meth:`card_image`): a deck of photographs can be
        hundreds of megabytes, and the console needs none of them to start."""
        deck_row = self._read("SELECT name, suit_label, levels_json, note FROM deck")[0]
        suits = tuple(
            Suit(id=r["key"], name=r["name"], colour=r["colour"])
            for r in self._read("SELECT key, name, colour FROM suit ORDER BY position")
        )
        image = "i.image" if images else "NULL"
        cards = tuple(
            Card(
                id=r["key"],
                suit=r["suit_key"],
                title=r["title"],
                front=r["front"],
                questions=tuple(
                    (level, tuple(qs)) for level, qs in json.loads(r["questions_json"])
                ),
                image=r["image"],
                # a name is how a card without its bytes says it has an image
                image_name=r["image_name"] or (r["key"] if not images and r["has_image"] else ""),
            )
            for r in self._read(
                "SELECT c.key, c.suit_key, c.title, c.front, c.questions_json, c.image_name,"
                f" i.card_id IS NOT NULL AS has_image, {image} AS image"
                " FROM card c LEFT JOIN card_image i ON i.card_id = c.id ORDER BY c.position"
            )
        )
        return Deck(
            name=deck_row["name"],
            suits=suits,
            cards=cards,
            suit_label=deck_row["suit_label"],
            levels=tuple(json.loads(deck_row["levels_json"])),
            note=deck_row["note"],
        )

    def replace_deck(self, deck: Deck) -> None:
        """Snapshot another deck into the event. Themes keep their card tags as typed."""
        with self._write() as conn:
            conn.execute("DELETE FROM card_image")
            conn.execute("DELETE FROM card")
            conn.execute("DELETE FROM suit")
            conn.execute("DELETE FROM deck")
            _write_deck(conn, deck)

    def plan(self) -> Plan:
        title = self._read("SELECT title FROM plan")[0]["title"]
        return Plan(title=title, rounds=tuple(r.round for r in self.rounds()))

    def rounds(self, *, include_retired: bool = False) -> list[RoundInfo]:
        """The plan's rounds in order. A round deleted from the plan while themes point at it
        is retired, not erased: ``include_retired`` lists those too, after the plan's."""
        where = "" if include_retired else f"WHERE position < {RETIRED}"
        rows = self._read(f"SELECT * FROM round {where} ORDER BY position")
        return [_round_info(r) for r in rows]

    def replace_plan(
        self, plan: Plan, round_ids: Sequence[str | None] | None = None
    ) -> list[RoundInfo]:
        """Save an edited plan; themes stay attached to their rounds.

        ``round_ids`` gives, for each round of ``plan``, the id of the round it was (None
        for a new one), so moved rounds keep their themes. Without it, rounds keep their
        ids by position. A round left out is removed, or retired if themes point at it.
        """
        current = self.rounds()
        if round_ids is None:
            round_ids = [r.id for r in current[: len(plan.rounds)]]
            round_ids += [None] * (len(plan.rounds) - len(round_ids))
        if len(round_ids) != len(plan.rounds):
            raise ValueError("one round id (or None) is needed for each round of the plan")
        known = {r.id for r in self.rounds(include_retired=True)}
        with self._write() as conn:
            conn.execute("UPDATE plan SET title = ?", (plan.title,))
            plan_id = conn.execute("SELECT id FROM plan").fetchone()[0]
            kept: set[str] = set()
            for position, (round_, round_id) in enumerate(zip(plan.rounds, round_ids, strict=True)):
                values = _round_values(round_)
                values["position"] = position
                if round_id is not None and round_id in known and round_id not in kept:
                    conn.execute(
                        f"UPDATE round SET {_assignments(values)} WHERE id = ?",
                        [*values.values(), round_id],
                    )
                    kept.add(round_id)
                else:
                    _insert(conn, "round", {"id": new_id(), "plan_id": plan_id, **values})
            for gone in current:
                if gone.id in kept:
                    continue
                used = conn.execute(
                    "SELECT count(*) FROM theme WHERE round_id = ?", (gone.id,)
                ).fetchone()[0]
                if used:
                    conn.execute(
                        "UPDATE round SET position = ? WHERE id = ?",
                        (RETIRED + gone.position, gone.id),
                    )
                else:
                    conn.execute("DELETE FROM round WHERE id = ?", (gone.id,))
        return self.rounds()

    def set_round_times(
        self,
        round_id: str,
        *,
        planned_start: str | None = None,
        planned_end: str | None = None,
        actual_start: str | None = None,
        actual_end: str | None = None,
    ) -> None:
        values = _given(
            planned_start=planned_start,
            planned_end=planned_end,
            actual_start=actual_start,
            actual_end=actual_end,
        )
        if values:
            with self._write() as conn:
                conn.execute(
                    f"UPDATE round SET {_assignments(values)} WHERE id = ?",
                    [*values.values(), round_id],
                )

    # -- themes ----------------------------------------------------------------------------

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
        _check_theme(text, kind)
        stamp = now_iso()
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
        }
        with self._write() as conn:
            _insert(conn, "theme", values)
            values["seq"] = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        return _theme(values)

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
        values = _given(text=text, kind=kind, table_id=table_id, round_id=round_id)
        if cards is not None:
            values["cards_json"] = json.dumps(list(cards), ensure_ascii=False)
        values["updated_at"] = now_iso()
        _check_theme(values.get("text", current.text), values.get("kind", current.kind))
        return self._update_theme(theme_id, values)

    def delete_theme(self, theme_id: str) -> Theme:
        """Hide the theme everywhere; :meth:`restore_theme` brings it back. Nothing is erased."""
        stamp = now_iso()
        return self._update_theme(theme_id, {"deleted_at": stamp, "updated_at": stamp})

    def restore_theme(self, theme_id: str) -> Theme:
        return self._update_theme(theme_id, {"deleted_at": None, "updated_at": now_iso()})

    def set_theme_hidden(self, theme_id: str, hidden: bool) -> Theme:
        """Hide a theme from the wall without deleting it (it stays in the harvest)."""
        return self._update_theme(theme_id, {"hidden": hidden, "updated_at": now_iso()})

    def _update_theme(self, theme_id: str, values: dict[str, Any]) -> Theme:
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE theme SET {_assignments(values)} WHERE id = ?",
                [*values.values(), theme_id],
            )
            if cursor.rowcount != 1:
                raise StoreError("That entry is no longer in the event file.")
        return self.theme(theme_id)

    def theme(self, theme_id: str) -> Theme:
        rows = self._read(f"SELECT {THEME_ROW} FROM theme WHERE id = ?", (theme_id,))
        if not rows:
            raise StoreError("That entry is no longer in the event file.")
        return _theme(rows[0])

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
        where, params = _theme_filter(round_id, table_id, card, kind, text, include_deleted)
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
        return [_theme(r) for r in self._read(sql, params)]

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
        where, params = _theme_filter(round_id, table_id, card, kind, text, include_deleted)
        return int(self._read(f"SELECT count(*) FROM theme {where}", params)[0][0])

    # -- card picks ("which card struck a chord?") ---------------------------------------

    def add_card_pick(
        self, card_key: str, *, table_id: str | None, round_id: str | None
    ) -> CardPick:
        pick = CardPick(
            id=new_id(),
            table_id=table_id,
            round_id=round_id,
            card_key=card_key,
            created_at=now_iso(),
        )
        with self._write() as conn:
            _insert(conn, "card_pick", asdict(pick))
        return pick

    def delete_card_pick(self, pick_id: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE card_pick SET deleted_at = ? WHERE id = ?", (now_iso(), pick_id))

    def restore_card_pick(self, pick_id: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE card_pick SET deleted_at = NULL WHERE id = ?", (pick_id,))

    def card_picks(self, *, include_deleted: bool = False) -> list[CardPick]:
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        rows = self._read(
            "SELECT id, table_id, round_id, card_key, created_at, deleted_at"
            f" FROM card_pick {where} ORDER BY created_at, id"
        )
        return [CardPick(**dict(r)) for r in rows]

    def card_tally(self) -> list[tuple[str, int]]:
        """(card key, picks), most picked first."""
        rows = self._read(
            "SELECT card_key, count(*) AS n FROM card_pick WHERE deleted_at IS NULL"
            " GROUP BY card_key ORDER BY n DESC, card_key"
        )
        return [(r[0], int(r[1])) for r in rows]

    # -- timeline --------------------------------------------------------------------------

    def add_timeline(
        self, kind: str, *, round_id: str | None = None, detail: dict[str, Any] | None = None
    ) -> TimelineEntry:
        values = {
            "id": new_id(),
            "at": now_iso(),
            "kind": kind,
            "round_id": round_id,
            "detail_json": json.dumps(detail or {}, ensure_ascii=False),
        }
        with self._write() as conn:
            _insert(conn, "timeline", values)
        return _timeline(values)

    def timeline(self, *, saved_order: bool = False) -> list[TimelineEntry]:
        """By time, or (``saved_order``) in the order this file saved them, which a jump
        of the wall clock does not disturb."""
        order = "rowid" if saved_order else "at, id"
        rows = self._read(f"SELECT * FROM timeline ORDER BY {order}")
        return [_timeline(r) for r in rows]

    # -- drafts and settings ---------------------------------------------------------------

    def save_draft(self, slot: str, text: str, detail: dict[str, Any] | None = None) -> None:
        """Keep what is being typed; an empty text clears the draft."""
        with self._write() as conn:
            conn.execute("DELETE FROM draft WHERE slot = ?", (slot,))
            if text:
                _insert(
                    conn,
                    "draft",
                    {
                        "slot": slot,
                        "text": text,
                        "detail_json": json.dumps(detail or {}, ensure_ascii=False),
                        "updated_at": now_iso(),
                    },
                )

    def draft(self, slot: str) -> Draft | None:
        rows = self._read("SELECT * FROM draft WHERE slot = ?", (slot,))
        if not rows:
            return None
        r = rows[0]
        return Draft(
            slot=r["slot"],
            text=r["text"],
            detail=json.loads(r["detail_json"]),
            updated_at=r["updated_at"],
        )

    def setting(self, key: str, default: Any = None) -> Any:
        rows = self._read("SELECT value_json FROM setting WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO setting (key, value_json) VALUES (?, ?)",
                (key, json.dumps(value)),
            )

    # -- capture: repeats ----------------------------------------------------------------

    def table_texts(self, table_id: str | None) -> list[tuple[str, str]]:
        """(id, text) of one table's entries that are not deleted, to spot a repeat."""
        where = "table_id IS NULL" if table_id is None else "table_id = ?"
        params = () if table_id is None else (table_id,)
        rows = self._read(
            f"SELECT id, text FROM theme WHERE {where} AND deleted_at IS NULL", params
        )
        return [(str(r[0]), str(r[1])) for r in rows]

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

    def add_card_picks(
        self,
        card_keys: Sequence[str],
        *,
        table_id: str | None,
        round_id: str | None,
        pick_ids: Sequence[str] | None = None,
    ) -> list[CardPick]:
        """Several picks of one table in one transaction: all are counted, or none.

        ``pick_ids`` (one per card) given up front make a retry safe: a pick already in the
        file fails on its id instead of counting twice.
        """
        ids = list(pick_ids) if pick_ids is not None else [new_id() for _ in card_keys]
        if len(ids) != len(card_keys):
            raise ValueError("one pick id is needed for each card")
        stamp = now_iso()
        picks = [
            CardPick(
                id=pick_id, table_id=table_id, round_id=round_id, card_key=key, created_at=stamp
            )
            for pick_id, key in zip(ids, card_keys, strict=True)
        ]
        with self._write() as conn:
            for pick in picks:
                _insert(conn, "card_pick", asdict(pick))
        return picks


# -- helpers ---------------------------------------------------------------------------------


def _given(**values: Any) -> dict[str, Any]:
    """The keyword arguments that were given (not None)."""
    return {k: v for k, v in values.items() if v is not None}


def _assignments(values: dict[str, Any]) -> str:
    # column names come from our own code, never from user input
    return ", ".join(f"{column} = ?" for column in values)


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))


def _check_theme(text: str, kind: str) -> None:
    if kind not in KINDS:
        raise InputError("kind", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    if not text.strip():
        raise InputError("text", "an entry needs some text")
    if len(text) > MAX_THEME_CHARS:
        raise InputError("text", f"an entry may hold at most {MAX_THEME_CHARS:,} characters")


def _theme_filter(
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


# a theme's columns and its place in the save order
THEME_ROW = f"{THEME_COLUMNS}, rowid AS seq"


def _theme(row: Any) -> Theme:
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
    )


def _timeline(row: Any) -> TimelineEntry:
    return TimelineEntry(
        id=row["id"],
        at=row["at"],
        kind=row["kind"],
        round_id=row["round_id"],
        detail=json.loads(row["detail_json"]),
    )


def _round_values(round_: Round) -> dict[str, Any]:
    return {
        "title": round_.title,
        "minutes": float(round_.minutes),
        "format": round_.format,
        "prompts_json": json.dumps(list(round_.prompts), ensure_ascii=False),
        "cards_json": json.dumps(list(round_.cards), ensure_ascii=False),
        "move": round_.move,
    }


def _round_info(row: Any) -> RoundInfo:
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


def _write_deck(conn: sqlite3.Connection, deck: Deck) -> None:
    deck_id = new_id()
    _insert(
        conn,
        "deck",
        {
            "id": deck_id,
            "name": deck.name,
            "suit_label": deck.suit_label,
            "levels_json": json.dumps(list(deck.levels), ensure_ascii=False),
            "note": deck.note,
            "imported_at": now_iso(),
        },
    )
    for position, suit in enumerate(deck.suits):
        _insert(
            conn,
            "suit",
            {
                "id": new_id(),
                "deck_id": deck_id,
                "key": suit.id,
                "name": suit.name,
                "colour": suit.colour,
                "position": position,
            },
        )
    for position, card in enumerate(deck.cards):
        card_id = new_id()
        _insert(
            conn,
            "card",
            {
                "id": card_id,
                "deck_id": deck_id,
                "key": card.id,
                "suit_key": card.suit,
                "title": card.title,
                "front": card.front,
                "questions_json": json.dumps(
                    [[level, list(qs)] for level, qs in card.questions], ensure_ascii=False
                ),
                "image_name": card.image_name,
                "position": position,
            },
        )
        if card.image is not None:
            _insert(conn, "card_image", {"card_id": card_id, "image": card.image})


def _write_plan(conn: sqlite3.Connection, plan: Plan) -> None:
    plan_id = new_id()
    _insert(conn, "plan", {"id": plan_id, "title": plan.title})
    for position, round_ in enumerate(plan.rounds):
        _insert(
            conn,
            "round",
            {"id": new_id(), "plan_id": plan_id, "position": position, **_round_values(round_)},
        )
