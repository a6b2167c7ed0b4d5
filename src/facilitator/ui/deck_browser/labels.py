"""Labels and suit chips for the deck browser: deck text is never read as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from facilitator.core.deck_colours import text_colour_on


def plain_label(text: str = "", *, wrap: bool = True) -> QLabel:
    """A label that never interprets deck or user text as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def chip_style(colour: str) -> str:
    ink = text_colour_on(colour)
    return (
        f"QPushButton {{ background: {colour}; color: {ink}; border: 3px solid {colour};"
        " border-radius: 11px; padding: 2px 12px; font-weight: bold; }"
        " QPushButton:checked { border: 3px solid palette(text); }"
    )


ALL_CHIP_STYLE = (
    "QPushButton { background: palette(button); border: 3px solid palette(mid);"
    " border-radius: 11px; padding: 2px 12px; font-weight: bold; }"
    " QPushButton:checked { border: 3px solid palette(text); }"
)
