"""The console at a glance: it fits a 1366x768 laptop, the clock is large, and one key
gives a scribe the whole window for capture (and back)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from facilitator.ui.fitting import FittingSplitter


def test_the_console_fits_a_1366x768_laptop(qtbot, show_console, event_path: Path) -> None:
    console = show_console(event_path)
    wanted = console.minimumSizeHint()
    assert wanted.width() <= 1366 and wanted.height() <= 740  # a taskbar and a title bar
    splitter = console.capture.panel.findChild(FittingSplitter)
    console.resize(1366, 740)
    qtbot.waitUntil(lambda: splitter.orientation() is Qt.Orientation.Vertical)
    assert console.capture.panel.view.width() >= 600  # the list keeps the room for its text
    console.resize(1920, 1040)
    qtbot.waitUntil(lambda: splitter.orientation() is Qt.Orientation.Horizontal)


def test_the_clock_reads_from_a_metre(qtbot, show_console, event_path: Path) -> None:
    console = show_console(event_path)
    digits = console.clock.panel.digits
    body = QFontInfo(console.font()).pixelSize()
    assert QFontInfo(digits.font()).pixelSize() >= max(48, 4 * body)


def test_one_key_gives_capture_the_whole_window_and_back(
    qtbot, show_console, event_path: Path
) -> None:
    console = show_console(event_path)
    console.tabs.setCurrentIndex(1)  # the plan: the key brings capture wherever it was
    live_column = console.live.panel.parentWidget()
    action = console.keys.actions["capture_alone"]
    action.trigger()
    assert action.isChecked()
    assert not live_column.isVisible() and not console.tabs.tabBar().isVisible()
    assert console.tabs.currentWidget() is console.capture.tab
    qtbot.waitUntil(lambda: QApplication.focusWidget() is console.capture.panel.entry)
    action.trigger()
    assert not action.isChecked()
    assert live_column.isVisible() and console.tabs.tabBar().isVisible()


def test_the_clock_s_phase_is_said_in_words_not_by_colour_alone(
    qtbot, show_console, event_path: Path
) -> None:
    from msgspec.structs import replace

    from facilitator.core.clock import Phase

    panel = show_console(event_path).clock.panel
    reading = panel.driver.reading
    said = set()
    for phase in Phase:
        panel.show_reading(replace(reading, phase=phase))
        said.add(panel.state_label.text())
        assert panel.state_label.text(), phase
    assert len(said) == len(Phase)  # each phase its own words
