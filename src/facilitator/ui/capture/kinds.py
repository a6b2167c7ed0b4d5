"""The kind of what is typed: theme, quote, question, action or a card pick; chosen with
Ctrl+1…5 or a click, or guessed from the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QToolButton

from facilitator.core.capture import PICK, suggest_kind
from facilitator.core.records import KIND_LABELS, KINDS

if TYPE_CHECKING:
    from facilitator.ui.capture.entry_box import EntryEdit

MODES = (*KINDS, PICK)
MODE_LABELS = {**KIND_LABELS, PICK: "Card pick"}


class KindChoice:
    """The capture panel's kind buttons and hint; the kind follows the text until chosen."""

    if TYPE_CHECKING:
        mode: str
        mode_by_key: bool
        kind_buttons: dict[str, QToolButton]
        kind_hint: QLabel
        entry: EntryEdit

        def _schedule_draft(self) -> None: ...
        def _show_chips(self, text: str) -> None: ...

    def set_mode(self, mode: str, *, by_key: bool) -> None:
        self.mode = mode
        self.mode_by_key = by_key
        self._show_mode()
        self._schedule_draft()

    def _show_mode(self) -> None:
        button = self.kind_buttons[self.mode]
        if not button.isChecked():
            button.setChecked(True)
        if self.mode == PICK:
            hint = "Card pick: type the table's card as #card (or “7 #card”), Return records it."
        elif self.mode_by_key:
            hint = f"{MODE_LABELS[self.mode]}, as you chose. Ctrl+1…5 changes it."
        elif self.mode == "quote":
            hint = "Quote: it is in quotation marks. Ctrl+1 makes it a theme."
        elif self.mode == "question":
            hint = "Question: it ends with “?”. Ctrl+1 makes it a theme."
        else:
            hint = "Ctrl+1…5 sets the kind; quotation marks make a quote."
        self.kind_hint.setText(hint)
        self.entry.setPlaceholderText(
            "#card for this table's pick (or “7 #card”), then Return."
            if self.mode == PICK
            else "Type what the table says. Return saves, Shift+Return starts a new line, "
            "# tags a card (#mind → Mindset)."
        )

    def _text_changed(self) -> None:
        text = self.entry.text()
        if not self.mode_by_key and self.mode != PICK:
            guess = suggest_kind(text)
            if guess != self.mode:
                self.mode = guess
                self._show_mode()
        self._show_chips(text)
        self._schedule_draft()
