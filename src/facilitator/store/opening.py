"""Before an event file is opened: is it SQLite, whole, ours and not too new; and the
empty -wal/-shm a read-only look leaves behind, tidied."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from facilitator import __version__
from facilitator.core.errors import InputError
from facilitator.store import migrate
from facilitator.store.event_file import human_error, not_sqlite, open_readonly, sidecars
from facilitator.store.lock import EventLock


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


def inspect_revision(path: Path) -> str:
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
