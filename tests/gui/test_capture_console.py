"""The capture panel inside the real console: Ctrl+T, typing, Escape, the clicker's keys,
and the theme wall going live through the live session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.core.projector_state import Blank, WallSlide
from facilitator.ui.console import ConsoleWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def console(show_console: Any, event_path: Path) -> ConsoleWindow:
    window: ConsoleWindow = show_console(event_path)
    return window


def press(qtbot: Any, console: ConsoleWindow, key: Qt.Key, mods: Any = None) -> None:
    target = QApplication.focusWidget() or console
    qtbot.keyClick(target, key, mods or Qt.KeyboardModifier.NoModifier)


def test_capture_is_the_first_tab(console: ConsoleWindow) -> None:
    assert console.tabs.widget(0) is console.capture.tab
    assert console.tabs.currentWidget() is console.capture.tab


def test_ctrl_t_types_escape_gives_the_clicker_its_keys(qtbot: Any, console: ConsoleWindow) -> None:
    entry = console.capture.panel.entry
    console.tabs.setCurrentIndex(console.tabs.count() - 1)  # another tab is open
    press(qtbot, console, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(entry.hasFocus)
    assert console.tabs.currentWidget() is console.capture.tab
    for key in (Qt.Key.Key_B, Qt.Key.Key_W):  # letters in the entry are text, not keys
        press(qtbot, console, key)
    assert entry.text() == "bw"
    assert console.controller.projector_state.blank is Blank.NONE
    press(qtbot, console, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: console.capture.panel.message.text().startswith("Saved for"))
    assert console.controller.store.themes()[0].text == "bw"
    press(qtbot, console, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not entry.hasFocus())
    press(qtbot, console, Qt.Key.Key_B)
    assert console.controller.projector_state.blank is Blank.BLACK


def test_show_wall_puts_the_wall_on_the_projector_and_it_follows(
    qtbot: Any, console: ConsoleWindow
) -> None:
    panel = console.capture.panel
    c = console.controller
    panel.entry.setFocus()
    qtbot.keyClicks(panel.entry, "On the wall")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.message.text().startswith("Saved for"))
    panel.wall_show.click()
    qtbot.waitUntil(lambda: isinstance(c.projector_state.slide, WallSlide))
    assert [e.text for e in c.projector_state.slide.entries] == ["On the wall"]
    assert console.projector.state.slide == c.projector_state.slide
    qtbot.keyClicks(panel.entry, "Arrives while live")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            [e.text for e in c.projector_state.slide.entries]
            == ["On the wall", "Arrives while live"]
        ),
        timeout=3000,
    )


def test_find_and_message_boxes_get_their_clear_buttons_once_on_screen(
    qtbot: Any, console: ConsoleWindow
) -> None:
    """Set up just after the first paint (their icon lookup would slow the start)."""
    find = console.capture.panel.filter_text
    message = console.live.panel.message
    qtbot.waitUntil(lambda: find.isClearButtonEnabled() and message.isClearButtonEnabled())


def test_the_console_keeps_the_keyboard_when_its_projector_comes_up(
    qtbot: Any, console: ConsoleWindow
) -> None:
    """The projector is placed after the console is up; the offscreen platform, like some
    window managers, gives a new window the focus: the console takes it back."""
    assert console.projector.isVisible()
    assert QApplication.activeWindow() is console
    press(qtbot, console, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Still ours")
    assert console.capture.panel.entry.toPlainText() == "Still ours"
