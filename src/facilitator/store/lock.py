"""One running app writes an event file at a time.

Two OS advisory locks, both released by the OS with the process, so a crashed or killed
app never leaves a stale lock behind:

- on ``NAME.facilitator.lock`` beside the event, which also says who holds it;
- on Linux, on the event file itself (``flock``, which never touches SQLite's ``fcntl``
  locks there), so a deleted lock file or a file moved while open still finds it locked.

A descriptor of the event file is closed only after SQLite has closed the file: on POSIX,
closing any descriptor of a file drops every ``fcntl`` lock the process holds on it,
SQLite's included. This process keeps at most one such descriptor per file (``_HELD``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from facilitator.core.errors import InputError

HOLD_EVENT_FILE = sys.platform.startswith("linux")
# event files this process holds, by (device, inode): the descriptor that holds each
_HELD: dict[tuple[int, int], int] = {}


def _computer_name() -> str:
    # os.uname, not socket.gethostname: the socket module is a few ms of every start
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "this computer")


def _this_process() -> str:
    return f"process {os.getpid()} on {_computer_name()}"


def _key(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def held_here(path: Path) -> bool:
    """Whether this process has the event file open for writing."""
    key = _key(path)
    return key is not None and key in _HELD


class EventLock:
    def __init__(self, event_path: Path) -> None:
        self.event_path = event_path
        self.path = event_path.with_name(event_path.name + ".lock")
        self._file: IO[bytes] | None = None
        self._held: tuple[int, int] | None = None

    def acquire(self) -> None:
        if held_here(self.event_path):
            raise _taken(self.event_path, _this_process())
        try:
            # unbuffered: a write that fails on a full disk fails here, not at close
            handle = open(self.path, "a+b", buffering=0)  # noqa: SIM115 - held while open
        except OSError as exc:
            raise InputError(
                str(self.path), f"cannot create the lock file: {exc.strerror}"
            ) from None
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().decode("utf-8", "replace").strip() or "another program"
            handle.close()
            raise _taken(self.event_path, holder)
        # who holds it is a courtesy for the next one: a full disk must not stop the open
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.write(_this_process().encode())
        self._file = handle
        if self.event_path.exists():
            try:
                self.hold_event_file()
            except BaseException:
                self.release()
                raise

    def hold_event_file(self) -> None:
        """Lock the event file itself (Linux); call once it exists, before SQLite opens it
        or while SQLite has it open, never after SQLite closed it and opened it again."""
        if not HOLD_EVENT_FILE or self._held is not None:
            return
        key = _key(self.event_path)
        if key is None:
            return
        if key in _HELD:
            raise _taken(self.event_path, _this_process())
        fd = os.open(self.event_path, os.O_RDONLY | os.O_CLOEXEC)
        if not _try_flock(fd):
            os.close(fd)  # this process has no SQLite connection to it yet: no lock lost
            raise _taken(self.event_path, "another program")
        _HELD[key] = fd
        self._held = key

    def release(self) -> None:
        """Give the locks back; SQLite must have closed the event file before this."""
        if self._held is not None:
            os.close(_HELD.pop(self._held))
            self._held = None
        if self._file is None:
            return
        # a lock file we cannot remove is harmless: the OS lock is what counts. Windows
        # deletes no open file: there it is closed first (a second app that opened it
        # meanwhile keeps it, as the delete then fails)
        steps = (
            [self._file.close, self._remove]
            if sys.platform == "win32"
            else [self._remove, self._file.close]
        )
        for step in steps:
            with contextlib.suppress(OSError):
                step()
        self._file = None

    def _remove(self) -> None:
        self.path.unlink(missing_ok=True)


def _taken(event_path: Path, holder: str) -> InputError:
    return InputError(
        str(event_path),
        f"is already open in another Facilitator ({holder}); close it there first",
    )


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        # msvcrt locks bytes from the current position, and append mode opens at the
        # end: without this seek each app locked a byte of its own (both "held" the file)
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _try_flock(fd: int) -> bool:
        return True

else:
    import fcntl

    def _try_flock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _try_lock(handle: IO[bytes]) -> bool:
        return _try_flock(handle.fileno())
