"""Reading the event off the UI thread: a read-only connection on a thread of its own.

Every read of the entries list (pages, counts, a filter over the whole event) runs here, so
the UI thread never waits on SQLite.
"""

from __future__ import annotations

import atexit
import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from facilitator.store.db import EventStore

log = logging.getLogger(__name__)

Job = Callable[[EventStore], Any]


class _Worker(QObject):
    done = Signal(int, object, object)  # token, value, error (str) or None; skipped: both None

    def __init__(self, path: Path, latest: dict[str, int]) -> None:
        super().__init__()
        self._path = path
        self._latest = latest
        self.store: EventStore | None = None

    @Slot(int, str, object)
    def run(self, token: int, key: str, job: Job) -> None:
        if key and self._latest.get(key, token) != token:
            self.done.emit(token, None, None)  # a newer request of the same kind is queued
            return
        try:
            if self.store is None:
                self.store = EventStore.open(self._path, readonly=True)
            value = job(self.store)
        except Exception as exc:  # reported to the panel in words; the UI keeps running
            log.warning("background read failed: %s", exc)
            self.done.emit(token, None, str(exc) or type(exc).__name__)
            return
        self.done.emit(token, value, None)


class _ReaderThread:
    """The thread and worker of one reader; ended once, whoever gets there first (the
    panel when the event closes, the reader's deletion, or the interpreter exiting: Qt
    aborts the process if a running QThread is destroyed)."""

    running: ClassVar[set[_ReaderThread]] = set()

    def __init__(self, path: Path, latest: dict[str, int]) -> None:
        self.thread = QThread()
        self.thread.setObjectName("facilitator-reader")
        self.worker = _Worker(path, latest)
        self.worker.moveToThread(self.thread)
        self.thread.start()
        _ReaderThread.running.add(self)

    def end(self) -> None:
        if self not in _ReaderThread.running:
            return
        _ReaderThread.running.discard(self)
        self.thread.quit()
        self.thread.wait()
        if self.worker.store is not None:
            self.worker.store.close()
            self.worker.store = None


@atexit.register
def _end_all_readers() -> None:
    for reader in list(_ReaderThread.running):
        reader.end()


class BackgroundReader(QObject):
    """Runs read jobs against a read-only connection on a thread of its own.

    ``submit(job, callback, key)``: ``job(store)`` runs on the thread; ``callback(value,
    error)`` runs on the UI thread. A job with a ``key`` is dropped unrun when a newer job
    with the same key was submitted meanwhile (typing a filter queues only one query).
    """

    _submit = Signal(int, str, object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest: dict[str, int] = {}
        self._callbacks: dict[int, Callable[[Any, str | None], None]] = {}
        self._tokens = itertools.count(1)
        self._reader = _ReaderThread(path, self._latest)
        self._submit.connect(self._reader.worker.run)
        self._reader.worker.done.connect(self._deliver)
        self.destroyed.connect(self._reader.end)
        self.stopped = False

    def submit(self, job: Job, callback: Callable[[Any, str | None], None], key: str = "") -> None:
        if self.stopped:
            return
        token = next(self._tokens)
        self._callbacks[token] = callback
        if key:
            self._latest[key] = token
        self._submit.emit(token, key, job)

    def busy(self) -> bool:
        return bool(self._callbacks)

    @Slot(int, object, object)
    def _deliver(self, token: int, value: Any, error: str | None) -> None:
        callback = self._callbacks.pop(token, None)
        if callback is None or (value is None and error is None):
            return
        callback(value, error)

    def stop(self) -> None:
        """Finish the running job, end the thread, close the read-only connection."""
        if self.stopped:
            return
        self.stopped = True
        self._reader.end()
        self._callbacks.clear()
