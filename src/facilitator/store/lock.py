"""One running app writes an event file at a time: a lock file beside it.

The lock is an OS advisory lock on ``NAME.facilitator.lock``, so a crashed or killed app
never leaves a stale lock behind: the OS releases it with the process.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from facilitator.core.errors import InputError


def _computer_name() -> str:
    # os.uname, not socket.gethostname: the socket module is a few ms of every start
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "this computer")


class EventLock:
    def __init__(self, event_path: Path) -> None:
        self.path = event_path.with_name(event_path.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while open
        except OSError as exc:
            raise InputError(
                str(self.path), f"cannot create the lock file: {exc.strerror}"
            ) from None
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "another program"
            handle.close()
            raise InputError(
                str(self.path.with_suffix("")),
                f"is already open in another Facilitator ({holder}); close it there first",
            )
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} on {_computer_name()}")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is None:
            return
        # a lock file we cannot remove is harmless: the OS lock is what counts
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        self._file.close()
        self._file = None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
