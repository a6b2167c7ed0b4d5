"""The event file on disk: its canonical path, checks before opening, SQLite connections.

Two rules keep SQLite's own locks intact (SQLite's documentation, "How To Corrupt An
SQLite Database File", 2.2): on POSIX, closing *any* descriptor of a file drops every
lock the process holds on it. So nothing here opens the database file with Python while
SQLite may have it open: headers are read through SQLite, sizes through ``stat``. And a
path is data, never syntax: every URI built from a path is percent-encoded.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from facilitator.core.errors import InputError

SUFFIX = ".facilitator"
# the longest sidecar SQLite or we put beside an event file: NAME-journal, NAME.lock
LONGEST_SIDECAR = len("-journal")
SQLITE_NOTADB = 26


def canonical(path: Path) -> Path:
    """One name per event file: absolute, symbolic links resolved.

    Two names for one file (a link and its target) would give two lock files, and one
    process could then open the file twice and lose SQLite's locks on the second close.
    """
    return Path(os.path.realpath(Path(path).expanduser()))


def uri(path: Path, **options: str) -> str:
    """An SQLite URI for ``path``: ``#``, ``?``, ``%`` and the rest stay part of the name."""
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return canonical(path).as_uri() + (f"?{query}" if query else "")


def check_name(path: Path) -> None:
    """Refuse a name too long for the folder's file system, sidecars included."""
    if sys.platform == "win32":
        # NTFS, FAT32 and exFAT: 255 UTF-16 code units, whatever the script (no pathconf)
        limit = 255
        size = len(path.name.encode("utf-16-le")) // 2 + LONGEST_SIDECAR
    else:
        try:
            limit = os.pathconf(path.parent if path.parent.is_dir() else ".", "PC_NAME_MAX")
        except (OSError, ValueError):
            limit = 255
        size = len(os.fsencode(path.name)) + LONGEST_SIDECAR
    if size > limit:
        longest = limit - LONGEST_SIDECAR - len(SUFFIX.encode())
        raise InputError(
            str(path),
            f"the file name is too long for this disk; use a name of at most {longest} "
            "letters (fewer with accents or other scripts)",
        )


def check_event_file(path: Path) -> None:
    """Refuse, with a one-line reason, what cannot be an event file; reads only metadata.

    The content (is it SQLite, whole, ours, not too new) is checked through SQLite by
    ``store.db``; never with Python's ``open()``, which would cost the app its locks.
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "cannot be reached (permission denied on its folder)") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})") from None
    if path.is_dir():
        raise InputError(name, "is a folder, not an event file")
    if not os.access(path, os.R_OK):
        raise InputError(name, "cannot be read (permission denied)")
    if info.st_size < 100:  # an SQLite file has a 100-byte header
        raise InputError(name, "is not a Facilitator event file (not an SQLite database)")


def not_sqlite(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == SQLITE_NOTADB


def sidecars(path: Path) -> list[Path]:
    return [Path(f"{path}-wal"), Path(f"{path}-shm")]


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection in autocommit mode: each write block is one explicit transaction."""
    if readonly:
        conn = sqlite3.connect(
            uri(path, mode="ro"), uri=True, isolation_level=None, check_same_thread=False
        )
    else:
        conn = sqlite3.connect(uri(path), uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
    return _configured(conn)


def _configured(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def _cannot_write_beside(exc: sqlite3.Error) -> bool:
    """SQLite could not make the -shm a WAL file needs: a read-only or full drive."""
    code = getattr(exc, "sqlite_errorname", "")
    return code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR"))


def open_readonly(path: Path) -> tuple[sqlite3.Connection, Callable[[], None]]:
    """A read-only connection that changes nothing on disk, and what to call when done.

    On a read-only or full drive SQLite cannot make the -shm a WAL file needs. With no
    -wal there, the file alone is the whole event: opened immutable. With a -wal beside
    it, the two are copied to a private folder and read there, so nothing is lost.
    """
    try:
        conn = connect(path, readonly=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, lambda: None
    except sqlite3.Error as exc:
        if not _cannot_write_beside(exc):
            raise
        with contextlib.suppress(UnboundLocalError):
            conn.close()
    wal = sidecars(path)[0]
    if not wal.exists() or wal.stat().st_size == 0:
        conn = sqlite3.connect(
            uri(path, mode="ro", immutable="1"),
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
        return _configured(conn), lambda: None
    # this process has no SQLite connection to the file (it could not open one), so
    # reading it with Python costs no locks
    folder = Path(tempfile.mkdtemp(prefix="facilitator-readonly-"))
    copy = folder / "event.facilitator"
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, f"{copy}-wal")
    except OSError as err:
        shutil.rmtree(folder, ignore_errors=True)
        raise InputError(str(path), f"cannot be read ({err.strerror})") from None
    conn = connect(copy, readonly=True)

    def cleanup() -> None:
        shutil.rmtree(folder, ignore_errors=True)

    return conn, cleanup


def human_error(exc: BaseException, path: Path | None = None) -> str:
    """One sentence for a failed save: what happened, and what to do."""
    text = str(getattr(exc, "orig", exc)).lower()
    code = getattr(exc, "errno", None)
    if "full" in text or code == errno.ENOSPC or (path is not None and _disk_full(path)):
        return "The disk is full: nothing was saved. Free some space, then try again."
    if path is not None and not path.exists():
        return "The event file is gone (moved, deleted or on a removed drive). Nothing was saved."
    if "readonly" in text or "read-only" in text or code == errno.EROFS:
        if path is not None and os.access(path, os.F_OK) and not os.access(path, os.W_OK):
            return (
                "The event file cannot be written (permission denied: it is read-only for "
                "you). Nothing was saved."
            )
        return "The event file cannot be written (it is read-only). Nothing was saved."
    if code == errno.EACCES or "permission" in text:
        return "The event file cannot be written (permission denied). Nothing was saved."
    if "disk i/o" in text or code == errno.EIO:
        return (
            "The drive holding the event file stopped answering (removed or failing). "
            "Nothing was saved; put it back, or save a copy elsewhere."
        )
    if "unable to open" in text or "no such table" in text:
        return (
            "The event file cannot be reached (moved, deleted or on a removed drive). "
            "Nothing was saved."
        )
    if "locked" in text or "busy" in text:
        return "The event file is busy in another program. Nothing was saved; try again."
    if "malformed" in text or "not a database" in text:
        return "The event file is damaged. Nothing was saved."
    return f"The event file could not be written ({text}). Nothing was saved."


def _disk_full(path: Path) -> bool:
    """Less room than SQLite needs for its -shm (32 KB) beside the file."""
    try:
        info = os.statvfs(path.parent)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024
