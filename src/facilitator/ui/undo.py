"""Undo and redo for what a scribe does to entries: save, edit, delete, hide, card picks.

Every step is a store call committed at once; undo is another committed call (a deleted
entry is restored, never re-created), so the file is always what the screen says.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from facilitator.core.records import KIND_LABELS, CardPick, Theme
from facilitator.store.db import StoreError
from facilitator.ui.controller import EventController

log = logging.getLogger(__name__)


def _short(text: str, limit: int = 30) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class ThemeActions(QObject):
    """Changes to saved entries, each committed, each announced.

    ``changed(Theme)`` tells the entries list exactly what changed; the controller's
    ``themes_changed`` then tells everyone else.
    """

    changed = Signal(object)  # Theme after the change
    failed = Signal(str)  # a human sentence: the change was not saved

    def __init__(self, controller: EventController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    def _apply(self, call: Any, *args: Any, **kwargs: Any) -> Theme:
        try:
            theme: Theme = call(*args, **kwargs)
        except StoreError as exc:
            log.warning("change not saved: %s", exc)
            self.failed.emit(str(exc))
            self.controller.store_error.emit(str(exc))
            raise
        self.changed.emit(theme)
        self.controller.themes_changed.emit()
        return theme

    def edit(self, theme_id: str, **values: Any) -> Theme:
        return self._apply(self.controller.store.edit_theme, theme_id, **values)

    def delete(self, theme_id: str) -> Theme:
        return self._apply(self.controller.store.delete_theme, theme_id)

    def restore(self, theme_id: str) -> Theme:
        return self._apply(self.controller.store.restore_theme, theme_id)

    def set_hidden(self, theme_id: str, hidden: bool) -> Theme:
        return self._apply(self.controller.store.set_theme_hidden, theme_id, hidden)

    def delete_pick(self, pick_id: str) -> None:
        self._pick_call(self.controller.store.delete_card_pick, pick_id)

    def restore_pick(self, pick_id: str) -> None:
        self._pick_call(self.controller.store.restore_card_pick, pick_id)

    def _pick_call(self, call: Any, pick_id: str) -> None:
        try:
            call(pick_id)
        except StoreError as exc:
            self.failed.emit(str(exc))
            self.controller.store_error.emit(str(exc))
            raise
        self.controller.picks_changed.emit()


class _Command(QUndoCommand):
    """A step whose undo or redo could not be saved is dropped from the stack, with a message."""

    def __init__(self, actions: ThemeActions, text: str) -> None:
        super().__init__(text)
        self.actions = actions

    def _run(self, step: Any) -> None:
        try:
            step()
        except StoreError:
            self.setObsolete(True)


class SaveCommand(_Command):
    """A saved entry: undo deletes it (softly), redo brings it back."""

    def __init__(self, actions: ThemeActions, theme: Theme) -> None:
        super().__init__(actions, f"save “{_short(theme.text)}”")
        self.theme_id = theme.id
        self._first = True

    def redo(self) -> None:
        if self._first:  # already committed by the save itself
            self._first = False
            return
        self._run(lambda: self.actions.restore(self.theme_id))

    def undo(self) -> None:
        self._run(lambda: self.actions.delete(self.theme_id))


class DeleteCommand(_Command):
    def __init__(self, actions: ThemeActions, theme: Theme) -> None:
        super().__init__(actions, f"delete “{_short(theme.text)}”")
        self.theme_id = theme.id

    def redo(self) -> None:
        self._run(lambda: self.actions.delete(self.theme_id))

    def undo(self) -> None:
        self._run(lambda: self.actions.restore(self.theme_id))


class EditCommand(_Command):
    def __init__(self, actions: ThemeActions, theme: Theme, **after: Any) -> None:
        what = "kind" if set(after) == {"kind"} else "entry"
        label = KIND_LABELS.get(str(after.get("kind", "")), "")
        super().__init__(
            actions, f"make “{_short(theme.text)}” a {label}" if label else f"edit {what}"
        )
        self.theme_id = theme.id
        self.before = {key: getattr(theme, key) for key in after}
        self.after = after

    def redo(self) -> None:
        self._run(lambda: self.actions.edit(self.theme_id, **self.after))

    def undo(self) -> None:
        self._run(lambda: self.actions.edit(self.theme_id, **self.before))


class HideCommand(_Command):
    def __init__(self, actions: ThemeActions, theme: Theme, hidden: bool) -> None:
        verb = "hide" if hidden else "show"
        super().__init__(actions, f"{verb} “{_short(theme.text)}” on the wall")
        self.theme_id = theme.id
        self.hidden = hidden

    def redo(self) -> None:
        self._run(lambda: self.actions.set_hidden(self.theme_id, self.hidden))

    def undo(self) -> None:
        self._run(lambda: self.actions.set_hidden(self.theme_id, not self.hidden))


class PickCommand(_Command):
    """A card pick already committed: undo withdraws it, redo counts it again."""

    def __init__(self, actions: ThemeActions, pick: CardPick, title: str) -> None:
        super().__init__(actions, f"pick of {title}")
        self.pick_id = pick.id
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(lambda: self.actions.restore_pick(self.pick_id))

    def undo(self) -> None:
        self._run(lambda: self.actions.delete_pick(self.pick_id))


def make_stack(parent: QObject | None = None) -> QUndoStack:
    stack = QUndoStack(parent)
    stack.setUndoLimit(500)
    return stack
