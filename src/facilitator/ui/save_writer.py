"""The writer: every write of the GUI to the event runs here, off the UI thread (saves,
edits, undo and redo, picks, drafts, the clock's and projector's records, settings, the
deck, plan and event details: the event service submits them all).

One worker thread with its own connection to the event file (``EventStore.open_writer``)
runs operations one at a time, in the order they were submitted. The UI thread never
waits on the disk: it submits an operation with a callback, and the callback runs back on
the UI thread (a queued signal) once the transaction has committed, or failed.

An operation is ``op(store) -> Changes``: it calls store operations and says what changed.
Each committed operation is reported through ``changed(changes)``, which the event service
(ui/event_service.py) passes on to every view.

A disk that stalls (a slow or failing USB stick) shows as ``slow(waiting)`` once an
operation has waited more than ``STALL_AFTER_S``; ``slow(0)`` when it has caught up.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from msgspec import Struct, field
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from facilitator.core.changes import Changes
from facilitator.store.db import EventStore

log = logging.getLogger(__name__)
__all__ = ["Callback", "Changes", "Operation", "SaveWriter"]

STALL_AFTER_S = 1.0
WATCH_MS = 200
CLOSE_WAIT_S = 5.0


Operation = Callable[[EventStore], Changes]
Callback = Callable[[Changes | None, BaseException | None], None]


class _Job(Struct):
    token: int
    op: Operation
    key: str
    entry: bool  # an entry or a pick (counted as waiting); a draft is not
    submitted: float = field(default_factory=time.monotonic)


_STOP = object()


class SaveWriter(QObject):
    """Runs write operations on one thread of its own, in order; see the module's text."""

    changed = Signal(object)  # Changes, on the UI thread, after the commit
    slow = Signal(int)  # entries waiting while the disk is slow; 0 once it caught up
    _done = Signal(int, object, object)  # (token, Changes | None, error), from the thread

    def __init__(
        self,
        path: Path,
        parent: QObject | None = None,
        *,
        open_store: Callable[[Path], EventStore] = EventStore.open_writer,
        stall_after: float = STALL_AFTER_S,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._open_store = open_store
        self.stall_after = stall_after
        self._jobs: dict[int, _Job] = {}
        self._callbacks: dict[int, Callback] = {}
        self._latest: dict[str, int] = {}
        self._tokens = itertools.count(1)
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.store: EventStore | None = None  # the thread's, opened there at its first job
        self.is_slow = False
        self._slow_since = 0.0
        self._reported = -1
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_stall)
        self._done.connect(self._deliver)

    # -- the UI thread's side --------------------------------------------------------------

    def submit(
        self, op: Operation, callback: Callback | None = None, *, key: str = "", entry: bool = True
    ) -> None:
        """Run ``op`` on the writer's thread; ``callback(changes, error)`` on this one.

        A job with a ``key`` is skipped unrun when a newer one with that key was submitted
        meanwhile (only the latest draft is written).
        """
        token = next(self._tokens)
        job = _Job(token, op, key, entry)
        self._jobs[token] = job
        if callback is not None:
            self._callbacks[token] = callback
        if key:
            self._latest[key] = token
        if self._thread is None:
            self._start()  # puts every job not yet run, this one included
        else:
            self._queue.put(job)
        if not self._watch.isActive():
            self._watch.start()

    def waiting(self) -> int:
        """Entries and picks submitted and not yet committed (or failed)."""
        return sum(1 for job in self._jobs.values() if job.entry)

    def busy(self) -> bool:
        return bool(self._jobs)

    def flush(self, timeout: float = CLOSE_WAIT_S) -> bool:
        """Wait (blocking: only when the event closes) until every job has run and its
        callback has been called; False when the disk did not finish in ``timeout``."""
        if not self._jobs:
            return True
        finished = threading.Event()
        self._start()  # (a thread given up on leaves its jobs to a new one)
        self._queue.put(finished)
        if not finished.wait(timeout):
            log.warning("the disk did not finish saving within %.0f s", timeout)
            return False
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.sendPostedEvents(self)  # the queued results: callbacks run now
        return not self._jobs

    def close(self, timeout: float = CLOSE_WAIT_S) -> bool:
        """Finish what was submitted, end the thread, close its connection.

        A later ``submit`` starts a new thread. False when the disk did not finish in time
        (the thread is left to finish on its own; it holds no lock)."""
        done = self.flush(timeout)
        thread = self._thread
        if thread is not None:
            self._queue.put(_STOP)
            thread.join(timeout if done else 0.1)
            self._thread = None
        self._watch.stop()
        return done

    def _start(self) -> None:
        if self._thread is None:
            self._queue = queue.Queue()
            self._thread = threading.Thread(
                target=self._run, args=(self._queue,), name="facilitator-writer", daemon=True
            )
            self._thread.start()
            for job in self._jobs.values():  # left unrun by a thread that was given up on
                self._queue.put(job)

    @Slot(int, object, object)
    def _deliver(self, token: int, changes: Changes | None, error: BaseException | None) -> None:
        job = self._jobs.pop(token, None)
        callback = self._callbacks.pop(token, None)
        if job is None:
            return
        if changes is not None:
            self.changed.emit(changes)
        if callback is not None and (changes is not None or error is not None):
            try:
                callback(changes, error)
            except RuntimeError as exc:
                # the panel that asked was closed meanwhile: like a Qt connection to a
                # deleted receiver, its answer goes nowhere (the commit itself stands)
                if "already deleted" not in str(exc):
                    raise
                log.info("a save finished after the panel that asked was closed")
        self._check_stall()

    def _check_stall(self) -> None:
        now = time.monotonic()
        oldest = min((job.submitted for job in self._jobs.values()), default=None)
        waiting = self.waiting()
        if oldest is not None and now - oldest > self.stall_after:
            if not self.is_slow:
                self.is_slow = True
                self._slow_since = oldest
                log.warning("the disk is slow: %d entries waiting to be saved", waiting)
            if waiting != self._reported:
                self._reported = waiting
                self.slow.emit(waiting)
            return
        if not self._jobs:
            self._watch.stop()
        if self.is_slow:
            self.is_slow = False
            self._reported = -1
            log.warning("the disk caught up after %.1f s", now - self._slow_since)
            self.slow.emit(0)

    # -- the writer's thread ---------------------------------------------------------------

    def _run(self, jobs: queue.Queue[Any]) -> None:
        store: EventStore | None = None
        while True:
            job = jobs.get()
            if job is _STOP:
                break
            if isinstance(job, threading.Event):
                job.set()
                continue
            assert isinstance(job, _Job)
            if job.key and self._latest.get(job.key) != job.token:
                self._done.emit(job.token, None, None)  # a newer one of its kind follows
                continue
            try:
                if store is None:
                    store = self.store = self._open_store(self.path)
                result = job.op(store)
            except Exception as exc:  # reported to the UI, which says it in words
                self._done.emit(job.token, None, exc)
            else:
                self._done.emit(job.token, result, None)
        if store is not None:
            store.close()
            if self.store is store:
                self.store = None
