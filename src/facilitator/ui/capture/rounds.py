"""The round an entry is for: the live one, unless the scribe chose another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel

from facilitator.core.records import RoundInfo

if TYPE_CHECKING:
    from facilitator.ui.controller import EventController


class RoundChoice:
    """The capture panel's round: follows the live round until the scribe pins another."""

    if TYPE_CHECKING:
        controller: EventController
        round_id: str | None
        round_pinned: bool
        round_combo: QComboBox
        round_hint: QLabel

        def _schedule_draft(self) -> None: ...

    def _fill_rounds(self) -> None:
        live = self.controller.live_round
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for info in self.controller.rounds:
            text = f"{info.position + 1}. {info.title}"
            if live is not None and info.id == live.id:
                text += "  (live)"
            self.round_combo.addItem(text, info.id)
        self.round_combo.addItem("No round", None)
        self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(self.round_id)))
        self.round_combo.blockSignals(False)
        self.round_hint.setText("chosen by you" if self.round_pinned else "follows the live round")

    def round(self) -> RoundInfo | None:
        return self.controller.round(self.round_id)

    def set_round(self, round_id: str | None, *, pinned: bool) -> None:
        self.round_id = round_id
        self.round_pinned = pinned
        self._fill_rounds()
        self._schedule_draft()

    def _round_chosen(self, position: int) -> None:
        round_id = self.round_combo.itemData(position)
        live = self.controller.live_round
        self.set_round(round_id, pinned=live is None or round_id != live.id)

    def _live_round_changed(self, info: RoundInfo | None) -> None:
        if not self.round_pinned:
            self.round_id = info.id if info else None
        elif info is not None and info.id == self.round_id:
            self.round_pinned = False
        self._fill_rounds()
