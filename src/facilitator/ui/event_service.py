"""The event service: the one piece of ui code that changes the event.

Every write of the GUI is a store operation (store/operations.py) run here: on the writer
thread (``submit``: entries, picks and drafts of the live session, so the UI never waits on
the disk) or at once on the UI thread's connection (``run``: steps the UI needs answered
before it goes on, and edits of the deck, plan and event). Each commit is told to every
view through one signal, ``changed(Changes)``, on the UI thread; a view refreshes from it
whether the change was its own or another's.

Another writer on another thread (the room server, with its own connection) tells the
views of its commits with ``report(changes)``, which may be called from any thread: the
signal is queued to the UI thread.

The one undo stack of the event lives here too: entries and card picks, from any panel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QUndoStack

from facilitator.core.changes import UNDO, Changes
from facilitator.core.records import Theme
from facilitator.store import operations as ops
from facilitator.store.db import EventStore, StoreError
from facilitator.ui.save_writer import Callback, SaveWriter

log = logging.getLogger(__name__)

UNDO_LIMIT = 500
T = TypeVar("T")


class EventService(QObject):
    """Runs the event's write operations and tells every view what changed."""

    changed = Signal(object)  # Changes, on the UI thread, after the commit
    failed = Signal(str)  # a human sentence: a change was not saved (nothing was lost)
    _reported = Signal(object)  # Changes from another thread, queued to this one

    def __init__(self, store: EventStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store  # the UI thread's connection
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
        """Run ``op`` on the writer's thread; ``changed`` and then ``callback(changes,
        error)`` follow on the UI thread once it committed (or failed). See SaveWriter."""
        self.writer.submit(op, callback, key=key, entry=entry)

    def run(self, op: Callable[[EventStore], Changes]) -> Changes:
        """Run ``op`` now on the UI thread's connection and tell every view. A StoreError
        (or InputError) is raised to the caller after ``failed`` said it."""
        changes: Changes = self._now(op)
        self._announce(changes)
        return changes

    def run_for(self, op: Callable[[EventStore], tuple[T, Changes]]) -> T:
        """``run`` for an operation that also returns a value (the new tables, rounds…)."""
        value: T
        changes: Changes
        value, changes = self._now(op)
        self._announce(changes)
        return value

    def _now(self, op: Callable[[EventStore], Any]) -> Any:
        try:
            return op(self.store)
        except StoreError as exc:
            log.warning("change not saved: %s", exc)
            self.failed.emit(str(exc))
            raise

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

    def edit_theme(self, theme_id: str, *, origin: str = UNDO, **values: Any) -> Theme:
        return self.run(lambda s: ops.edit_theme(s, theme_id, origin=origin, **values)).edited[0]

    def delete_theme(self, theme_id: str, *, origin: str = UNDO) -> Theme:
        return self.run(lambda s: ops.delete_theme(s, theme_id, origin=origin)).deleted[0]

    def restore_theme(self, theme_id: str, *, origin: str = UNDO) -> Theme:
        return self.run(lambda s: ops.restore_theme(s, theme_id, origin=origin)).restored[0]

    def set_theme_hidden(self, theme_id: str, hidden: bool, *, origin: str = UNDO) -> Theme:
        changes = self.run(lambda s: ops.set_theme_hidden(s, theme_id, hidden, origin=origin))
        return changes.hidden[0]

    def withdraw_pick(self, pick_id: str, *, origin: str = UNDO) -> None:
        self.run(lambda s: ops.withdraw_card_pick(s, pick_id, origin=origin))

    def restore_pick(self, pick_id: str, *, origin: str = UNDO) -> None:
        self.run(lambda s: ops.restore_card_pick(s, pick_id, origin=origin))
