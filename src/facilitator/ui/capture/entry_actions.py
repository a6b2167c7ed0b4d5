"""What the scribe does to the entry selected in the list: edit, delete, hide, spotlight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton

from facilitator.core.capture import TagIndex
from facilitator.ui.entries import EntriesModel, EntriesView, one_line
from facilitator.ui.undo import DeleteCommand, EditCommand, HideCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from facilitator.ui.controller import EventController
    from facilitator.ui.event_service import EventService


class EntryActions:
    """Edit, delete, hide from the wall, spotlight: each a step of the event's undo stack."""

    if TYPE_CHECKING:
        controller: EventController
        service: EventService
        undo_stack: QUndoStack
        index: TagIndex
        model: EntriesModel
        view: EntriesView
        edit_button: QPushButton
        delete_button: QPushButton
        hide_button: QPushButton
        spot_button: QPushButton
        wall_clear_spot: QPushButton
        spotlight_id: str | None

        def show_message(self, text: str, level: str = "ok") -> None: ...
        def send_wall(self, *, live: bool) -> None: ...

    def _selection_changed(self, *_args: Any) -> None:
        theme = self.view.current_theme()
        for button in (self.edit_button, self.delete_button, self.hide_button, self.spot_button):
            button.setEnabled(theme is not None)
        self.hide_button.setChecked(bool(theme and theme.hidden))
        self.spot_button.setChecked(bool(theme and theme.id == self.spotlight_id))

    def _change_failed(self, message: str) -> None:
        self.show_message(f"NOT SAVED — {message}", "error")

    def push(self, command: Any) -> None:
        """Do a step through the undo stack. It is saved on the writer thread: a failure is
        said when it lands (``_change_failed``), and the step leaves the stack."""
        self.undo_stack.push(command)

    def edit_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(self.model.index(index.row(), EntriesModel.TEXT))

    def _edit_requested(self, theme_id: str, field: str, value: Any) -> None:
        row = self.model.row_of(theme_id)
        theme = self.model.theme_at(row) if row is not None else None
        if theme is None:
            return
        if field == "text":
            if not str(value).strip():
                self.show_message(
                    "Not changed: an entry needs some text (Delete removes it).", "warn"
                )
                return
            changes: dict[str, Any] = {"text": value, "cards": self.index.cards_in(str(value))}
        else:
            changes = {field: value}
        self.push(EditCommand(self.service, theme, **changes))

    def delete_selected(self) -> None:
        theme = self.view.current_theme()
        if theme is None:
            return
        row = self.view.currentIndex().row()
        self.push(DeleteCommand(self.service, theme))
        self.show_message(f"Deleted “{one_line(theme.text, 40)}”. Ctrl+Z brings it back.", "ok")
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))

    def toggle_hidden(self) -> None:
        theme = self.view.current_theme()
        if theme is not None:
            self.push(HideCommand(self.service, theme, not theme.hidden))

    def toggle_spotlight(self) -> None:
        theme = self.view.current_theme()
        if theme is None:
            return
        self.set_spotlight(None if theme.id == self.spotlight_id else theme.id, show=True)

    def set_spotlight(self, theme_id: str | None, *, show: bool = False) -> None:
        self.spotlight_id = theme_id
        self.model.set_spotlight(theme_id)
        self.wall_clear_spot.setEnabled(theme_id is not None)
        self._selection_changed()
        self.controller.wall.choose(spotlight_id=theme_id)
        if show:
            self.send_wall(live=True)
