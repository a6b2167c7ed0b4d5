"""The clock's keys in the console, and the room and the console showing the same time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.core.clock import Phase
from facilitator.core.projector_state import ClockPhase, RoundSlide
from facilitator.ui.clock_driver import ClockDriver
from facilitator.ui.clock_panel import ClockPanel
from facilitator.ui.console import ConsoleWindow
from gui.writes import landed


@pytest.fixture
def console(show_console: Any, event_path: Path) -> ConsoleWindow:
    window: ConsoleWindow = show_console(event_path)
    window.setFocus()
    return window


def press(
    qtbot: QtBot, console: ConsoleWindow, key: Qt.Key, mods: Qt.KeyboardModifier | None = None
) -> None:
    target = QApplication.focusWidget() or console
    qtbot.keyClick(target, key, mods or Qt.KeyboardModifier.NoModifier)


def driver_of(console: ConsoleWindow) -> ClockDriver:
    driver = console.clock.driver
    assert isinstance(driver, ClockDriver)
    return driver


def panel_of(console: ConsoleWindow) -> ClockPanel:
    panel = console.clock.panel
    assert isinstance(panel, ClockPanel)
    return panel


def room_clock(console: ConsoleWindow) -> str:
    slide = console.projector.state.slide
    assert isinstance(slide, RoundSlide)
    return slide.clock.text


def test_space_starts_and_pauses_and_the_room_sees_the_console_time(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    press(qtbot, console, Qt.Key.Key_PageDown)  # the first round's slide goes up
    driver = driver_of(console)
    assert room_clock(console) == panel_of(console).digits.text() == "5:00"
    press(qtbot, console, Qt.Key.Key_Space)
    assert driver.reading.running
    qtbot.waitUntil(lambda: panel_of(console).digits.text() == "4:59", timeout=2500)
    assert room_clock(console) == panel_of(console).digits.text()
    assert console.live.live_view.state == console.projector.state
    press(qtbot, console, Qt.Key.Key_Space)
    assert driver.reading.phase is Phase.PAUSED
    assert panel_of(console).start_button.text() == "Start"


def test_plus_and_minus_add_and_take_a_minute(qtbot: QtBot, console: ConsoleWindow) -> None:
    press(qtbot, console, Qt.Key.Key_PageDown)
    press(qtbot, console, Qt.Key.Key_Plus)
    assert room_clock(console) == "6:00"
    press(qtbot, console, Qt.Key.Key_Equal)
    assert room_clock(console) == "7:00"
    press(qtbot, console, Qt.Key.Key_Minus)
    assert room_clock(console) == panel_of(console).digits.text() == "6:00"
    assert "+1 min" in panel_of(console).state_label.text()


def test_ctrl_arrows_move_between_rounds_and_the_room_follows(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    press(qtbot, console, Qt.Key.Key_PageDown)
    press(qtbot, console, Qt.Key.Key_Space)
    press(qtbot, console, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    controller = console.controller
    assert controller.live_round_index() == 1
    slide = console.projector.state.slide
    assert isinstance(slide, RoundSlide) and slide.number == 2
    assert slide.clock.text == "15:00" and slide.clock.phase is ClockPhase.READY
    assert "Round 2 of 6" in panel_of(console).round_label.text()
    landed(qtbot, controller)
    assert controller.store.rounds()[0].actual_end is not None
    press(qtbot, console, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert controller.live_round_index() == 0


def test_space_and_plus_type_in_a_text_field(qtbot: QtBot, console: ConsoleWindow) -> None:
    editor = console.panel("plan_editor")
    entry = editor.move_text  # type: ignore[attr-defined]
    console.tabs.setCurrentWidget(editor.parentWidget())
    entry.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry)
    entry.clear()
    qtbot.keyClicks(entry, "a +1")
    assert entry.text() == "a +1"
    assert driver_of(console).reading.phase is Phase.READY
    assert driver_of(console).reading.total == 300


def test_the_console_says_when_there_is_no_sound(qtbot: QtBot, console: ConsoleWindow) -> None:
    qtbot.waitUntil(lambda: "flashes" in panel_of(console).sound_label.text())
