"""The event service: the one piece of ui code that changes the event.

Every write of the GUI is a store operation (store/operations.py) submitted here and run
on the writer thread (ui/save_writer.py), one at a time in the order submitted: entries,
edits, undo and redo, picks, drafts, the clock's and the projector's timeline, settings,
the deck, plan and event details. The UI thread never waits on the disk: what it needs
from a write comes in the callback, or it gives the write its ids up front. Each commit is
told to every view through one signal, ``changed(Changes)``, on the UI thread; a view
refreshes from it whether the change was its own or another's.

Another writer on another thread (the room server, with its own connection) tells the
views of its commits with ``report(changes)``, which may be called from any thread: the
signal is queued to the UI thread.

The one undo stack of the event lives here too: entries, card picks and the groups of the
grouping board, from any panel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QUndoStack

from facilitator.core.changes import UNDO, Changes
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.save_writer import Callback, SaveWriter

log = logging.getLogger(__name__)

UNDO_LIMIT = 500


class EventService(QObject):
    """Runs the event's write operations and tells every view what changed."""

    changed = Signal(object)  # Changes, on the UI thread, after the commit
    failed = Signal(str)  # a human sentence: a change was not saved (nothing was lost)
    _reported = Signal(object)  # Changes from another thread, queued to this one

    def __init__(self, store: EventStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store  # the UI thread's connection: for reading only
        self.writer = SaveWriter(store.path, self)
        self.writer.changed.connect(self._announce)
        self._reported.connect(self._announce, Qt.ConnectionType.QueuedConnection)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)

    # -- running operations ----------------------------------------------------------------

    def submit(
        self,
        op: Callable[[EventStore], Changes],
        callback: Callback | None = None,
        *,
        key: str = "",
        entry: bool = True,
    ) -> None:
        """Run ``op`` on the writer's thread, after every write submitted before it;
        ``changed`` and then ``callback(changes, error)`` follow on the UI thread once it
        committed (or failed). Without a callback a failure is said through ``failed``.
        ``entry``: counted among the entries waiting while the disk is slow. See SaveWriter."""
        self.writer.submit(op, callback or self.say_failure, key=key, entry=entry)

    def say_failure(self, changes: Changes | None, error: BaseException | None) -> None:
        """A callback for ``submit``: a write that failed is said through ``failed``."""
        if error is not None:
            log.warning("change not saved: %s", error)
            self.failed.emit(str(error))

    def report(self, changes: Changes) -> None:
        """Tell every view of a commit made elsewhere. Thread-safe: a writer on another
        thread (the room server) calls this after its own commit; ``changed`` follows on
        the UI thread."""
        self._reported.emit(changes)

    @Slot(object)
    def _announce(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def flush(self, timeout: float | None = None) -> bool:
        return self.writer.flush() if timeout is None else self.writer.flush(timeout)

    def close(self) -> bool:
        """Finish the writes under way and close the writer's connection."""
        self.undo_stack.clear()
        return self.writer.close()

    # -- steps on saved entries and picks (undo and redo run these) ------------------------
    # Each is submitted to the writer: it returns at once, and ``done(changes, error)``
    # follows on the UI thread (without ``done``, a failure is said through ``failed``).

    def edit_theme(
        self, theme_id: str, *, origin: str = UNDO, done: Callback | None = None, **values: Any
    ) -> None:
        self.submit(lambda s: ops.edit_theme(s, theme_id, origin=origin, **values), done)

    def delete_theme(
        self, theme_id: str, *, origin: str = UNDO, done: Callback | None = None
    ) -> None:
        self.submit(lambda s: ops.delete_theme(s, theme_id, origin=origin), done)

    def restore_theme(
        self, theme_id: str, *, origin: str = UNDO, done: Callback | None = None
    ) -> None:
        self.submit(lambda s: ops.restore_theme(s, theme_id, origin=origin), done)

    def set_theme_hidden(
        self, theme_id: str, hidden: bool, *, origin: str = UNDO, done: Callback | None = None
    ) -> None:
        self.submit(lambda s: ops.set_theme_hidden(s, theme_id, hidden, origin=origin), done)

    def withdraw_pick(
        self, pick_id: str, *, origin: str = UNDO, done: Callback | None = None
    ) -> None:
        self.submit(lambda s: ops.withdraw_card_pick(s, pick_id, origin=origin), done)

    def restore_pick(
        self, pick_id: str, *, origin: str = UNDO, done: Callback | None = None
    ) -> None:
        self.submit(lambda s: ops.restore_card_pick(s, pick_id, origin=origin), done)
