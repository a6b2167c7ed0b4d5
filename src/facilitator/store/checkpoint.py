"""Keep the event file alone complete: copy the WAL into it when writes go quiet.

In WAL mode a commit lands in ``NAME-wal``; the main file catches up only at a
checkpoint. Someone copying or emailing just the ``.facilitator`` file while the event is
open would otherwise get an old event. A checkpoint runs on a thread of its own, with a
connection of its own, shortly after the last write: a slow disk delays it, never a save.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

IDLE_SECONDS = 1.0  # quiet time after a write before the file is brought up to date


class Checkpointer:
    def __init__(
        self, open_connection: Callable[[], sqlite3.Connection], idle: float = IDLE_SECONDS
    ) -> None:
        self._open = open_connection
        self._idle = idle
        self._wake = threading.Condition()
        self._due: float | None = None
        self._busy = False
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self.done = 0  # checkpoints completed, for tests and logs

    def poke(self) -> None:
        """A write was committed: check the file in once writes have been quiet a while."""
        with self._wake:
            if self._stopping:
                return
            self._due = time.monotonic() + self._idle
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="facilitator-checkpoint", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def wait_idle(self, timeout: float) -> bool:
        """Until no checkpoint is due (for tests and close); False when ``timeout`` passed."""
        end = time.monotonic() + timeout
        with self._wake:
            while self._due is not None or self._busy:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._wake.wait(left)
        return True

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop the thread and close its connection; False if a stalled disk held it."""
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the checkpoint is stuck on a slow disk; closing without it")
                return False
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        return True

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._stopping and (self._due is None or time.monotonic() < self._due):
                    self._wake.wait(None if self._due is None else self._due - time.monotonic())
                if self._stopping:
                    return
                self._due = None
                self._busy = True
            self._checkpoint()
            with self._wake:
                self._busy = False
                self._wake.notify_all()

    def _checkpoint(self) -> None:
        try:
            if self._conn is None:
                self._conn = self._open()
            busy, _, _ = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.done += 1
            if busy:
                log.info("checkpoint deferred: another program is writing the event file")
        except sqlite3.Error as exc:
            log.warning("checkpoint failed: %s", exc)
