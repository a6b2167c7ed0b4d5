"""Undo and redo for what is done to entries and card picks: save, edit, delete, hide, pick.

The steps go on the event service's one undo stack, from whichever panel made them. Every
step is a store operation submitted to the service's writer thread (so an undo never waits
on the disk); undo is another operation (a deleted entry is restored, never re-created),
and the writer runs them in order, so the file follows what the screen says. A save or a
pick is committed before its step is pushed: its first redo does nothing more.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from facilitator.core.changes import Changes
from facilitator.core.records import KIND_LABELS, CardPick, Theme
from facilitator.ui.event_service import EventService

log = logging.getLogger(__name__)


def _short(text: str, limit: int = 30) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class _Command(QUndoCommand):
    """A step whose undo or redo could not be saved is dropped from the stack, with a
    message (the service's ``failed``, and ``on_failed`` if a panel set it)."""

    def __init__(self, service: EventService, text: str) -> None:
        super().__init__(text)
        self.service = service
        self.on_failed: Callable[[str], None] | None = None

    def _run(self, step: Callable[..., None], *args: Any, **values: Any) -> None:
        """Submit ``step`` (a service method) to the writer: this returns at once."""
        on_failed, service = self.on_failed, self.service

        def landed(changes: Changes | None, error: BaseException | None) -> None:
            if error is None:
                return
            service.say_failure(changes, error)
            with contextlib.suppress(RuntimeError):  # the stack let go of it meanwhile
                self.setObsolete(True)
            if on_failed is not None:
                on_failed(str(error))

        step(*args, done=landed, **values)


class SaveCommand(_Command):
    """A saved entry: undo deletes it (softly), redo brings it back."""

    def __init__(self, service: EventService, theme: Theme) -> None:
        super().__init__(service, f"save “{_short(theme.text)}”")
        self.theme_id = theme.id
        self._first = True

    def redo(self) -> None:
        if self._first:  # already committed by the save itself
            self._first = False
            return
        self._run(self.service.restore_theme, self.theme_id)

    def undo(self) -> None:
        self._run(self.service.delete_theme, self.theme_id)


class DeleteCommand(_Command):
    def __init__(self, service: EventService, theme: Theme) -> None:
        super().__init__(service, f"delete “{_short(theme.text)}”")
        self.theme_id = theme.id

    def redo(self) -> None:
        self._run(self.service.delete_theme, self.theme_id)

    def undo(self) -> None:
        self._run(self.service.restore_theme, self.theme_id)


class EditCommand(_Command):
    def __init__(self, service: EventService, theme: Theme, **after: Any) -> None:
        what = "kind" if set(after) == {"kind"} else "entry"
        label = KIND_LABELS.get(str(after.get("kind", "")), "")
        super().__init__(
            service, f"make “{_short(theme.text)}” a {label}" if label else f"edit {what}"
        )
        self.theme_id = theme.id
        self.before = {key: getattr(theme, key) for key in after}
        self.after = after

    def redo(self) -> None:
        self._run(self.service.edit_theme, self.theme_id, **self.after)

    def undo(self) -> None:
        self._run(self.service.edit_theme, self.theme_id, **self.before)


class HideCommand(_Command):
    def __init__(self, service: EventService, theme: Theme, hidden: bool) -> None:
        verb = "hide" if hidden else "show"
        super().__init__(service, f"{verb} “{_short(theme.text)}” on the wall")
        self.theme_id = theme.id
        self.hidden = hidden

    def redo(self) -> None:
        self._run(self.service.set_theme_hidden, self.theme_id, self.hidden)

    def undo(self) -> None:
        self._run(self.service.set_theme_hidden, self.theme_id, not self.hidden)


class PickCommand(_Command):
    """A card pick already committed: undo withdraws it, redo counts it again."""

    def __init__(self, service: EventService, pick: CardPick, title: str) -> None:
        super().__init__(service, f"pick of {title}")
        self.pick_id = pick.id
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.service.restore_pick, self.pick_id)

    def undo(self) -> None:
        self._run(self.service.withdraw_pick, self.pick_id)
