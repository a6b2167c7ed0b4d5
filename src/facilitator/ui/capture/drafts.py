"""What is being typed, kept as a draft in the event file, and given back after a crash."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from facilitator.store.db import EventStore, StoreError
from facilitator.ui.capture.kinds import MODES
from facilitator.ui.capture.saving import DRAFT_SLOT, CaptureSaver
from facilitator.ui.controller import EventController

if TYPE_CHECKING:
    from facilitator.ui.capture.entry_box import EntryEdit

log = logging.getLogger(__name__)


class Drafts:
    """The capture panel's draft: saved (debounced) as it is typed, restored on opening."""

    if TYPE_CHECKING:
        controller: EventController
        store: EventStore
        saver: CaptureSaver
        entry: EntryEdit
        draft_timer: QTimer
        table_number: int
        round_id: str | None
        round_pinned: bool
        mode: str
        mode_by_key: bool
        _restoring: bool

        def _show_chips(self, text: str) -> None: ...
        def _show_table(self) -> None: ...
        def _fill_rounds(self) -> None: ...
        def _show_mode(self) -> None: ...
        def show_message(self, text: str, level: str = "ok") -> None: ...

    def _schedule_draft(self) -> None:
        if not self._restoring:
            self.draft_timer.start()

    def draft_detail(self) -> dict[str, Any]:
        return {
            "table": self.table_number,
            "round_id": self.round_id,
            "round_pinned": self.round_pinned,
            "kind": self.mode,
            "kind_by_key": self.mode_by_key,
        }

    def save_draft(self) -> None:
        """Keep what is typed, on the writer's thread (the latest draft wins)."""
        self.draft_timer.stop()
        self.saver.save_draft(self.entry.text(), self.draft_detail())

    def _restore_draft(self) -> None:
        try:
            draft = self.store.draft(DRAFT_SLOT)
        except StoreError as exc:
            log.warning("draft not read: %s", exc)
            return
        if draft is None:
            return
        detail = dict(draft.detail)
        self._restoring = True
        try:
            numbers = [t.number for t in self.controller.tables]
            if detail.get("table") in numbers:
                self.table_number = int(detail["table"])
            if detail.get("round_pinned") and self.controller.round(detail.get("round_id")):
                self.round_id = detail["round_id"]
                self.round_pinned = True
            if detail.get("kind") in MODES:
                self.mode = str(detail["kind"])
                self.mode_by_key = bool(detail.get("kind_by_key"))
            self.entry.setPlainText(draft.text)
            self.entry.moveCursor(self.entry.textCursor().MoveOperation.End)
        finally:
            self._restoring = False
        self._show_chips(draft.text)
        self._show_table()
        self._fill_rounds()
        self._show_mode()
        self.show_message(
            "Your unsaved text is back from the draft: press Return to save it.", "warn"
        )
