"""The event file: one SQLite file per event, and the API the rest of the app uses.

Every call that creates or changes data is one short transaction, committed before it
returns: when a call returns, the data is on disk.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool
from sqlmodel import create_engine

from facilitator import __version__
from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.errors import InputError
from facilitator.core.plan import Plan, Round
from facilitator.store import migrate
from facilitator.store.lock import EventLock
from facilitator.store.models import (
    CardPickRow,
    CardRow,
    DeckRow,
    DraftRow,
    EventRow,
    PlanRow,
    RoundRow,
    SettingRow,
    SuitRow,
    TableRow,
    ThemeRow,
    TimelineRow,
)
from facilitator.store.records import (
    KINDS,
    CardPick,
    Draft,
    EventInfo,
    RoundInfo,
    TableInfo,
    Theme,
    TimelineEntry,
)

SUFFIX = ".facilitator"
SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_TABLES = 500

_THEME = ThemeRow.__table__  # type: ignore[attr-defined]
_PICK = CardPickRow.__table__  # type: ignore[attr-defined]
_TIMELINE = TimelineRow.__table__  # type: ignore[attr-defined]
_DRAFT = DraftRow.__table__  # type: ignore[attr-defined]
_SETTING = SettingRow.__table__  # type: ignore[attr-defined]
_ROUND = RoundRow.__table__  # type: ignore[attr-defined]
_TABLE = TableRow.__table__  # type: ignore[attr-defined]
_EVENT = EventRow.__table__  # type: ignore[attr-defined]
_DECK = DeckRow.__table__  # type: ignore[attr-defined]
_SUIT = SuitRow.__table__  # type: ignore[attr-defined]
_CARD = CardRow.__table__  # type: ignore[attr-defined]
_PLAN = PlanRow.__table__  # type: ignore[attr-defined]


class StoreError(Exception):
    """A save or read that failed for a reason outside the user's input (disk full, file gone).

    The message is one human sentence; the transaction was rolled back, so nothing is half-saved.
    """


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def _human_db_error(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return "The disk is full: nothing was saved. Free some space, then try again."
    if "readonly" in text or "read-only" in text:
        return "The event file cannot be written (it is read-only). Nothing was saved."
    if "unable to open" in text or "disk i/o" in text or "no such table" in text:
        return (
            "The event file cannot be reached (moved, deleted or on a removed drive). "
            "Nothing was saved."
        )
    if "locked" in text or "busy" in text:
        return "The event file is busy in another program. Nothing was saved; try again."
    if "malformed" in text or "not a database" in text:
        return "The event file is damaged. Nothing was saved."
    return f"The event file could not be written ({text}). Nothing was saved."


def _engine(path: Path, *, readonly: bool) -> Engine:
    """An engine whose transactions are real SQLite transactions.

    pysqlite's own transaction handling is switched off (isolation_level=None) and
    SQLAlchemy's begin emits BEGIN, so each ``with conn.begin()`` is exactly one
    SQLite transaction, committed with synchronous=FULL.
    """
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if readonly else f"sqlite:///{path}"
    engine = create_engine(
        url,
        poolclass=NullPool,
        connect_args={"check_same_thread": False, "isolation_level": None},
    )

    def set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        if not readonly:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    def begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    event.listen(engine, "connect", set_pragmas)
    event.listen(engine, "begin", begin)
    return engine


def check_event_file(path: Path) -> None:
    """Refuse, with a one-line reason, anything that is not an event file we can open.

    Reads only: a refused file is left byte for byte as it was.
    """
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a folder, not an event file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except PermissionError:
        raise InputError(name, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})") from None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise InputError(name, "is not a Facilitator event file (not an SQLite database)")


def _inspect(path: Path) -> str:
    """The file's schema revision, after checking it is whole and ours."""
    name = str(path)
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [p.exists() for p in sidecars]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InputError(name, f"cannot be opened ({exc})") from None
    try:
        try:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            check = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError:
            raise InputError(
                name, "is damaged (truncated or corrupted) and cannot be opened"
            ) from None
        if check != [("ok",)]:
            raise InputError(name, "is damaged (truncated or corrupted) and cannot be opened")
        if "alembic_version" not in tables or "event" not in tables:
            raise InputError(name, "is an SQLite database but not a Facilitator event file")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise InputError(name, "is an SQLite database but not a Facilitator event file")
        revision = str(row[0])
        if revision not in migrate.known_revisions():
            raise InputError(
                name,
                f"was made by a newer version of Facilitator (schema {revision}); "
                f"update Facilitator {__version__} to open it",
            )
    except InputError:
        conn.close()
        # leave a refused file's folder as we found it
        for sidecar, was_there in zip(sidecars, existed, strict=True):
            if not was_there:
                sidecar.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    return revision


class EventStore:
    """An open event file. Create with :meth:`create` or :meth:`open`; close when done."""

    def __init__(self, path: Path, engine: Engine, lock: EventLock | None, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self.migrated_from: str | None = None
        self.backup_path: Path | None = None
        self._engine = engine
        self._lock = lock
        self._conn: Connection | None = engine.connect()

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
        path = Path(path)
        name = str(path)
        if not title.strip():
            raise InputError(name, "the event needs a title")
        if not 1 <= tables <= MAX_TABLES:
            raise InputError(name, f"the number of tables must be between 1 and {MAX_TABLES}")
        if path.exists() or path.is_symlink():
            raise InputError(name, "already exists; choose another name or open it")
        if not path.parent.is_dir():
            raise InputError(name, f"the folder {path.parent} does not exist")
        if not os.access(path.parent, os.W_OK):
            raise InputError(name, f"the folder {path.parent} cannot be written")
        lock = EventLock(path)
        lock.acquire()
        engine = _engine(path, readonly=False)
        try:
            with engine.connect() as conn:
                migrate.upgrade(conn)
                conn.commit()
            store = cls(path, engine, lock, readonly=False)
            with store._write() as conn:
                conn.execute(
                    insert(_EVENT).values(
                        id=new_id(),
                        title=title.strip(),
                        date=date,
                        venue=venue,
                        facilitator=facilitator,
                        created_at=now_iso(),
                        app_version=__version__,
                    )
                )
                conn.execute(
                    insert(_TABLE),
                    [{"id": new_id(), "number": n, "name": ""} for n in range(1, tables + 1)],
                )
                _write_deck(conn, deck)
                _write_plan(conn, plan)
        except BaseException:
            engine.dispose()
            lock.release()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            raise
        return store

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False) -> EventStore:
        path = Path(path)
        check_event_file(path)
        lock: EventLock | None = None
        if not readonly:
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise InputError(
                    str(path),
                    "is read-only; copy it to a folder you can write to, then open the copy",
                )
            lock = EventLock(path)
            lock.acquire()
        try:
            revision = _inspect(path)
            backup: Path | None = None
            if not readonly and revision != migrate.head_revision():
                backup = migrate.backup_before_migrating(path, revision)
            engine = _engine(path, readonly=readonly)
            if backup is not None:
                with engine.connect() as conn:
                    migrate.upgrade(conn)
                    conn.commit()
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store = cls(path, engine, lock, readonly)
        if backup is not None:
            store.migrated_from = revision
            store.backup_path = backup
        return store

    def close(self) -> None:
        if self._conn is not None:
            # closing the last connection checkpoints the WAL into the file and removes it
            self._conn.close()
            self._conn = None
        self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise StoreError("The event file is closed.")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction, committed (durably: synchronous=FULL) before the block exits."""
        if self.readonly:
            raise StoreError("This event is open read-only. Nothing was saved.")
        if not self.path.exists():
            raise StoreError(
                "The event file is gone (moved, deleted or on a removed drive). Nothing was saved."
            )
        conn = self.conn
        try:
            with conn.begin():
                yield conn
        except DBAPIError as exc:
            raise StoreError(_human_db_error(exc)) from exc

    def _read(self, statement: Any) -> Sequence[Any]:
        conn = self.conn
        try:
            with conn.begin():
                return conn.execute(statement).all()
        except DBAPIError as exc:
            raise StoreError(_human_db_error(exc).replace("Nothing was saved.", "")) from exc

    # -- the event -------------------------------------------------------------------------

    def schema_revision(self) -> str:
        return str(self._read(text("SELECT version_num FROM alembic_version"))[0][0])

    def event(self) -> EventInfo:
        row = self._read(select(_EVENT))[0]
        return EventInfo(
            id=row.id,
            title=row.title,
            date=row.date,
            venue=row.venue,
            facilitator=row.facilitator,
            created_at=row.created_at,
            app_version=row.app_version,
        )

    def update_event(
        self,
        *,
        title: str | None = None,
        date: str | None = None,
        venue: str | None = None,
        facilitator: str | None = None,
    ) -> EventInfo:
        values = {
            k: v
            for k, v in {
                "title": title,
                "date": date,
                "venue": venue,
                "facilitator": facilitator,
            }.items()
            if v is not None
        }
        if "title" in values and not str(values["title"]).strip():
            raise InputError("title", "the event needs a title")
        if values:
            with self._write() as conn:
                conn.execute(update(_EVENT).values(**values))
        return self.event()

    def tables(self) -> list[TableInfo]:
        rows = self._read(select(_TABLE).order_by(_TABLE.c.number))
        return [TableInfo(id=r.id, number=r.number, name=r.name) for r in rows]

    def set_table_count(self, count: int) -> list[TableInfo]:
        """Add tables up to ``count``. Tables are never removed: themes may point at them."""
        if not 1 <= count <= MAX_TABLES:
            raise InputError("tables", f"the number of tables must be between 1 and {MAX_TABLES}")
        existing = self.tables()
        if count > len(existing):
            start = max((t.number for t in existing), default=0) + 1
            with self._write() as conn:
                conn.execute(
                    insert(_TABLE),
                    [
                        {"id": new_id(), "number": n, "name": ""}
                        for n in range(start, start + count - len(existing))
                    ],
                )
        return self.tables()

    # -- deck and plan snapshots -----------------------------------------------------------

    def deck(self) -> Deck:
        deck_row = self._read(select(_DECK))[0]
        suits = tuple(
            Suit(id=r.key, name=r.name, colour=r.colour)
            for r in self._read(select(_SUIT).order_by(_SUIT.c.position))
        )
        cards = tuple(
            Card(
                id=r.key,
                suit=r.suit_key,
                title=r.title,
                front=r.front,
                questions=tuple(
                    (level, tuple(questions)) for level, questions in json.loads(r.questions_json)
                ),
                image=r.image,
                image_name=r.image_name,
            )
            for r in self._read(select(_CARD).order_by(_CARD.c.position))
        )
        return Deck(
            name=deck_row.name,
            suits=suits,
            cards=cards,
            suit_label=deck_row.suit_label,
            levels=tuple(json.loads(deck_row.levels_json)),
            note=deck_row.note,
        )

    def replace_deck(self, deck: Deck) -> None:
        """Snapshot another deck into the event. Themes keep their card tags as typed."""
        with self._write() as conn:
            conn.execute(delete(_CARD))
            conn.execute(delete(_SUIT))
            conn.execute(delete(_DECK))
            _write_deck(conn, deck)

    def plan(self) -> Plan:
        plan_row = self._read(select(_PLAN))[0]
        return Plan(title=plan_row.title, rounds=tuple(r.round for r in self.rounds()))

    def rounds(self) -> list[RoundInfo]:
        rows = self._read(select(_ROUND).order_by(_ROUND.c.position))
        return [_round_info(r) for r in rows]

    def replace_plan(self, plan: Plan) -> list[RoundInfo]:
        """Save an edited plan. Rounds keep their ids by position, so themes stay attached."""
        current = self.rounds()
        with self._write() as conn:
            conn.execute(update(_PLAN).values(title=plan.title))
            plan_id: str = conn.execute(select(_PLAN.c.id)).scalar_one()
            for position, round_ in enumerate(plan.rounds):
                values = _round_values(round_)
                if position < len(current):
                    conn.execute(
                        update(_ROUND)
                        .where(_ROUND.c.id == current[position].id)
                        .values(position=position, **values)
                    )
                else:
                    conn.execute(
                        insert(_ROUND).values(
                            id=new_id(), plan_id=plan_id, position=position, **values
                        )
                    )
            for stale in current[len(plan.rounds) :]:
                # a round that carries themes is kept (past the end) rather than orphan them
                used = conn.execute(
                    select(func.count()).select_from(_THEME).where(_THEME.c.round_id == stale.id)
                ).scalar_one()
                if used:
                    conn.execute(
                        update(_ROUND)
                        .where(_ROUND.c.id == stale.id)
                        .values(position=10_000 + stale.position)
                    )
                else:
                    conn.execute(delete(_ROUND).where(_ROUND.c.id == stale.id))
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
        values = {
            k: v
            for k, v in {
                "planned_start": planned_start,
                "planned_end": planned_end,
                "actual_start": actual_start,
                "actual_end": actual_end,
            }.items()
            if v is not None
        }
        if values:
            with self._write() as conn:
                conn.execute(update(_ROUND).where(_ROUND.c.id == round_id).values(**values))

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
        values = {
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
            conn.execute(insert(_THEME).values(**values))
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
        values: dict[str, Any] = {"updated_at": now_iso()}
        if text is not None:
            values["text"] = text
        if kind is not None:
            values["kind"] = kind
        if cards is not None:
            values["cards_json"] = json.dumps(list(cards), ensure_ascii=False)
        if table_id is not None:
            values["table_id"] = table_id
        if round_id is not None:
            values["round_id"] = round_id
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
            result = conn.execute(update(_THEME).where(_THEME.c.id == theme_id).values(**values))
            if result.rowcount != 1:
                raise StoreError("That entry is no longer in the event file.")
        return self.theme(theme_id)

    def theme(self, theme_id: str) -> Theme:
        rows = self._read(select(_THEME).where(_THEME.c.id == theme_id))
        if not rows:
            raise StoreError("That entry is no longer in the event file.")
        return _theme(rows[0]._mapping)

    def themes(
        self,
        *,
        round_id: str | None = None,
        table_id: str | None = None,
        card: str | None = None,
        kind: str | None = None,
        text: str | None = None,
        include_deleted: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Theme]:
        """Themes, newest first, narrowed by any of the filters."""
        query = _theme_filter(
            select(_THEME), round_id, table_id, card, kind, text, include_deleted
        ).order_by(_THEME.c.created_at.desc(), _THEME.c.id.desc())
        if limit is not None:
            query = query.limit(limit).offset(offset)
        return [_theme(r._mapping) for r in self._read(query)]

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
        query = _theme_filter(
            select(func.count()).select_from(_THEME),
            round_id,
            table_id,
            card,
            kind,
            text,
            include_deleted,
        )
        return int(self._read(query)[0][0])

    # -- card picks ("which card struck a chord?") ---------------------------------------

    def add_card_pick(
        self, card_key: str, *, table_id: str | None, round_id: str | None
    ) -> CardPick:
        values = {
            "id": new_id(),
            "table_id": table_id,
            "round_id": round_id,
            "card_key": card_key,
            "created_at": now_iso(),
            "deleted_at": None,
        }
        with self._write() as conn:
            conn.execute(insert(_PICK).values(**values))
        return CardPick(**values)  # type: ignore[arg-type]

    def delete_card_pick(self, pick_id: str) -> None:
        with self._write() as conn:
            conn.execute(update(_PICK).where(_PICK.c.id == pick_id).values(deleted_at=now_iso()))

    def restore_card_pick(self, pick_id: str) -> None:
        with self._write() as conn:
            conn.execute(update(_PICK).where(_PICK.c.id == pick_id).values(deleted_at=None))

    def card_picks(self, *, include_deleted: bool = False) -> list[CardPick]:
        query = select(_PICK).order_by(_PICK.c.created_at)
        if not include_deleted:
            query = query.where(_PICK.c.deleted_at.is_(None))
        return [CardPick(**dict(r._mapping)) for r in self._read(query)]

    def card_tally(self) -> list[tuple[str, int]]:
        """(card key, picks), most picked first."""
        query = (
            select(_PICK.c.card_key, func.count())
            .where(_PICK.c.deleted_at.is_(None))
            .group_by(_PICK.c.card_key)
            .order_by(func.count().desc(), _PICK.c.card_key)
        )
        return [(r[0], int(r[1])) for r in self._read(query)]

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
            conn.execute(insert(_TIMELINE).values(**values))
        return _timeline(values)

    def timeline(self) -> list[TimelineEntry]:
        rows = self._read(select(_TIMELINE).order_by(_TIMELINE.c.at, _TIMELINE.c.id))
        return [_timeline(r._mapping) for r in rows]

    # -- drafts and settings ---------------------------------------------------------------

    def save_draft(self, slot: str, text: str, detail: dict[str, Any] | None = None) -> None:
        """Keep what is being typed; an empty text clears the draft."""
        with self._write() as conn:
            conn.execute(delete(_DRAFT).where(_DRAFT.c.slot == slot))
            if text:
                conn.execute(
                    insert(_DRAFT).values(
                        slot=slot,
                        text=text,
                        detail_json=json.dumps(detail or {}, ensure_ascii=False),
                        updated_at=now_iso(),
                    )
                )

    def draft(self, slot: str) -> Draft | None:
        rows = self._read(select(_DRAFT).where(_DRAFT.c.slot == slot))
        if not rows:
            return None
        r = rows[0]
        return Draft(
            slot=r.slot, text=r.text, detail=json.loads(r.detail_json), updated_at=r.updated_at
        )

    def setting(self, key: str, default: Any = None) -> Any:
        rows = self._read(select(_SETTING.c.value_json).where(_SETTING.c.key == key))
        return json.loads(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._write() as conn:
            conn.execute(delete(_SETTING).where(_SETTING.c.key == key))
            conn.execute(insert(_SETTING).values(key=key, value_json=json.dumps(value)))

    # -- capture: the entries list, repeats ------------------------------------------------

    def themes_page(
        self,
        *,
        round_id: str | None = None,
        table_id: str | None = None,
        card: str | None = None,
        kind: str | None = None,
        text: str | None = None,
        after: tuple[str, str] | None = None,
        limit: int = 200,
    ) -> list[Theme]:
        """Themes newest first: the ``limit`` that come after ``after`` = (created_at, id).

        Keyset paging: the 250th page costs what the first does, unlike an OFFSET.
        """
        query = _theme_filter(select(_THEME), round_id, table_id, card, kind, text, False)
        if after is not None:
            stamp, theme_id = after
            query = query.where(
                (_THEME.c.created_at < stamp)
                | ((_THEME.c.created_at == stamp) & (_THEME.c.id < theme_id))
            )
        query = query.order_by(_THEME.c.created_at.desc(), _THEME.c.id.desc()).limit(limit)
        return [_theme(r._mapping) for r in self._read(query)]

    def table_texts(self, table_id: str | None) -> list[tuple[str, str]]:
        """(id, text) of one table's entries that are not deleted, to spot a repeat."""
        where = _THEME.c.table_id.is_(None) if table_id is None else _THEME.c.table_id == table_id
        query = select(_THEME.c.id, _THEME.c.text).where(where, _THEME.c.deleted_at.is_(None))
        return [(str(r[0]), str(r[1])) for r in self._read(query)]


# -- helpers ---------------------------------------------------------------------------------


MAX_THEME_CHARS = 1_000_000


def _check_theme(text: str, kind: str) -> None:
    if kind not in KINDS:
        raise InputError("kind", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    if not text.strip():
        raise InputError("text", "an entry needs some text")
    if len(text) > MAX_THEME_CHARS:
        raise InputError("text", f"an entry may hold at most {MAX_THEME_CHARS:,} characters")


def _theme_filter(
    query: Any,
    round_id: str | None,
    table_id: str | None,
    card: str | None,
    kind: str | None,
    text: str | None,
    include_deleted: bool,
) -> Any:
    if not include_deleted:
        query = query.where(_THEME.c.deleted_at.is_(None))
    if round_id is not None:
        query = query.where(_THEME.c.round_id == round_id)
    if table_id is not None:
        query = query.where(_THEME.c.table_id == table_id)
    if kind is not None:
        query = query.where(_THEME.c.kind == kind)
    if card is not None:
        query = query.where(_THEME.c.cards_json.like(f"%{json.dumps(card, ensure_ascii=False)}%"))
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(_THEME.c.text.ilike(f"%{escaped}%", escape="\\"))
    return query


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
    minutes = float(row.minutes)
    return RoundInfo(
        id=row.id,
        position=row.position,
        round=Round(
            title=row.title,
            minutes=int(minutes) if minutes.is_integer() else minutes,
            format=row.format,
            prompts=tuple(json.loads(row.prompts_json)),
            cards=tuple(json.loads(row.cards_json)),
            move=row.move,
        ),
        planned_start=row.planned_start,
        planned_end=row.planned_end,
        actual_start=row.actual_start,
        actual_end=row.actual_end,
    )


def _write_deck(conn: Connection, deck: Deck) -> None:
    deck_id = new_id()
    conn.execute(
        insert(_DECK).values(
            id=deck_id,
            name=deck.name,
            suit_label=deck.suit_label,
            levels_json=json.dumps(list(deck.levels), ensure_ascii=False),
            note=deck.note,
            imported_at=now_iso(),
        )
    )
    if deck.suits:
        conn.execute(
            insert(_SUIT),
            [
                {
                    "id": new_id(),
                    "deck_id": deck_id,
                    "key": s.id,
                    "name": s.name,
                    "colour": s.colour,
                    "position": i,
                }
                for i, s in enumerate(deck.suits)
            ],
        )
    if deck.cards:
        conn.execute(
            insert(_CARD),
            [
                {
                    "id": new_id(),
                    "deck_id": deck_id,
                    "key": c.id,
                    "suit_key": c.suit,
                    "title": c.title,
                    "front": c.front,
                    "questions_json": json.dumps(
                        [[level, list(qs)] for level, qs in c.questions], ensure_ascii=False
                    ),
                    "image": c.image,
                    "image_name": c.image_name,
                    "position": i,
                }
                for i, c in enumerate(deck.cards)
            ],
        )


def _write_plan(conn: Connection, plan: Plan) -> None:
    plan_id = new_id()
    conn.execute(insert(_PLAN).values(id=plan_id, title=plan.title))
    if plan.rounds:
        conn.execute(
            insert(_ROUND),
            [
                {"id": new_id(), "plan_id": plan_id, "position": i, **_round_values(r)}
                for i, r in enumerate(plan.rounds)
            ],
        )
