"""Cases that need two screens: run by test_projector_two_screens.py in a subprocess.

Qt reads its platform once per process, and the test session's platform is plain offscreen
(one screen). This file is run by its own pytest with ``QT_QPA_PLATFORM=offscreen:
configfile=...`` naming two simulated screens, "Laptop" and "Projector". Its name does not
start with ``test_``, so the main run does not collect it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from facilitator.core.projector_state import Blank, RoundSlide
from facilitator.store.db import EventStore
from facilitator.ui.console import ConsoleWindow
from facilitator.ui.screens import Mode, ScreenPicker


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()


@pytest.fixture
def console(qtbot, event_path: Path) -> Iterator[ConsoleWindow]:
    laptop = QGuiApplication.screens()[0]
    window = ConsoleWindow(EventStore.open(event_path))
    window.setScreen(laptop)
    window.move(laptop.geometry().topLeft())
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.live.screens.refresh()
    yield window
    if shiboken6.isValid(window):
        window.close()


def test_there_are_two_screens(qapp) -> None:
    assert [s.name() for s in QGuiApplication.screens()] == ["Laptop", "Projector"]


def test_the_projector_lands_fullscreen_and_frameless_on_the_second_screen(qtbot, console) -> None:
    projector = console.projector
    qtbot.waitExposed(projector)
    assert projector.screen().name() == "Projector"
    assert projector.isFullScreen()
    assert projector.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert projector.geometry() == QGuiApplication.screens()[1].geometry()
    assert console.screen().name() == "Laptop"
    assert console.live.panel.screen_status.text() == "Projector on Projector (1280×720)"


def test_the_projector_ignores_close(qtbot, console) -> None:
    console.projector.close()
    assert console.projector.isVisible()


def test_keys_on_the_console_drive_what_the_second_screen_shows(qtbot, console) -> None:
    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    assert isinstance(console.projector.state.slide, RoundSlide)
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert console.projector.state.blank is Blank.BLACK
    image = console.projector.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"


def test_keys_work_when_the_projector_window_has_the_focus(qtbot, console) -> None:
    console.projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.projector)
    qtbot.keyClick(console.projector, Qt.Key.Key_PageDown)
    assert isinstance(console.projector.state.slide, RoundSlide)


def test_the_picker_flashes_a_number_on_each_screen_and_moves_the_projector(qtbot, console) -> None:
    picker = ScreenPicker(console.live.screens, console)
    flashes = {f.screen_name: f for f in picker.flashes}
    assert set(flashes) == {"Laptop", "Projector"}
    for number, name in ((1, "Laptop"), (2, "Projector")):
        flash = flashes[name]
        assert flash.text() == str(number) and flash.isVisible()
        assert flash.screen().name() == name
        assert QGuiApplication.screens()[number - 1].geometry().contains(flash.geometry())
    assert picker.buttons["Projector"].isChecked()
    picker.buttons["Laptop"].setChecked(True)
    picker.accept()
    assert not any(shiboken6.isValid(f) and f.isVisible() for f in flashes.values())
    placement = console.live.screens.placement
    assert placement.mode is Mode.WINDOW and not placement.dedicated
    assert console.projector.screen().name() == "Laptop"
    assert not console.projector.isFullScreen()
    picker = ScreenPicker(console.live.screens, console)
    picker.buttons["Projector"].setChecked(True)
    picker.accept()
    assert console.projector.screen().name() == "Projector" and console.projector.isFullScreen()
    assert QSettings().value("projector/screen") == "Projector"
