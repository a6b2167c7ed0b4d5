"""The harvest so far on the delegates' phones, from the console: Ctrl+Shift+E (and the
Room menu) shares it (the join page offers a link to it, served by the room) and
withdraws it. The choice is an event setting, saved on the writer thread like every step."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal

from facilitator.core.changes import ROOM, Changes
from facilitator.core.settings import HARVEST_PUBLISHED
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.keys import BINDINGS
from facilitator.ui.room.control import RoomControl


class RoomHarvest(QObject):
    said = Signal(str)  # a sentence for the status bar

    def __init__(self, control: RoomControl, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = control
        self.controller = control.controller

    def is_shared(self) -> bool:
        return bool(HARVEST_PUBLISHED.read(self.controller.store))

    def toggle(self) -> None:
        value = not self.is_shared()
        operation = partial(_set_shared, value=value)
        self.controller.service.submit(operation, partial(self._done, value=value), entry=False)

    def _done(self, changes: Changes | None, error: BaseException | None, *, value: bool) -> None:
        if error is not None:
            self.said.emit(f"The harvest's sharing did not change: {error}")
            return
        key = BINDINGS["harvest"].key
        if value and not self.control.is_open:
            self.said.emit(
                f"The harvest is shared, but the room network is closed: open it (F9) for "
                f"the phones. {key} withdraws it."
            )
        elif value:
            self.said.emit(
                "The join page now offers the harvest so far (no hidden entry, only approved "
                f"questions): {key} withdraws it."
            )
        else:
            self.said.emit("The harvest is withdrawn: its link is gone from the phones.")


def _set_shared(store: EventStore, *, value: bool) -> Changes:
    return ops.set_setting(store, HARVEST_PUBLISHED.key, value, origin=ROOM)
