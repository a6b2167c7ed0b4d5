"""Screens plugged in, unplugged, resized and flapping: the projector window follows.

A fake screen source stands in for the display server, so each case runs on the plain
offscreen platform. Decisions are checked on the placement the placer applied, and the
window's visibility and frame on the real (offscreen) window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QWidget

from facilitator.ui.projector import ProjectorWindow
from facilitator.ui.screens import (
    Mode,
    ProjectorScreens,
    ScreenInfo,
    ScreenPrefs,
    ScreenSource,
    WhenUnplugged,
    choose_screen,
)

LAPTOP = ScreenInfo("eDP-1", QRect(0, 0, 1920, 1080))
PROJECTOR = ScreenInfo("HDMI-1", QRect(1920, 0, 1280, 720))
OTHER = ScreenInfo("DP-2", QRect(3200, 0, 3840, 2160))


class FakeScreens(ScreenSource):
    """Screens a test adds, removes and resizes; each change is announced like Qt does."""

    def __init__(self, *screens: ScreenInfo) -> None:
        super().__init__()
        self.list = list(screens)

    def screens(self) -> list[ScreenInfo]:
        return list(self.list)

    def add(self, screen: ScreenInfo) -> None:
        self.list.append(screen)
        self.changed.emit()

    def remove(self, name: str) -> None:
        self.list = [s for s in self.list if s.name != name]
        self.changed.emit()

    def resize(self, name: str, rect: QRect) -> None:
        self.list = [ScreenInfo(s.name, rect) if s.name == name else s for s in self.list]
        self.changed.emit()


@pytest.fixture
def prefs(tmp_path: Path) -> ScreenPrefs:
    return ScreenPrefs(QSettings(str(tmp_path / "screens.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def rig(qtbot, prefs):  # type: ignore[no-untyped-def]
    """(placer, fake screens, projector window) with the console on the laptop screen."""
    made: list[tuple[ProjectorScreens, ProjectorWindow]] = []

    def make(*screens: ScreenInfo) -> tuple[ProjectorScreens, FakeScreens, ProjectorWindow]:
        source = FakeScreens(*screens)
        console = QWidget()
        qtbot.addWidget(console)
        window = ProjectorWindow()
        placer = ProjectorScreens(
            window, console, source=source, prefs=prefs, console_screen=lambda: LAPTOP.name
        )
        made.append((placer, window))
        placer.refresh()
        return placer, source, window

    yield make
    for _placer, window in made:
        window.close_for_real()


def settle(qtbot, placer: ProjectorScreens) -> None:  # type: ignore[no-untyped-def]
    """Wait for the debounced placement."""
    with qtbot.waitSignal(placer.placed, timeout=2000):
        pass


def frameless(window: ProjectorWindow) -> bool:
    return bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)


def test_one_screen_is_single_screen_mode_a_normal_window_f11_makes_it_fullscreen(rig) -> None:
    placer, _source, window = rig(LAPTOP)
    assert placer.placement.mode is Mode.WINDOW and not placer.placement.dedicated
    assert window.isVisible() and not frameless(window)
    assert LAPTOP.geometry.contains(window.geometry())
    placer.toggle_fullscreen()
    assert placer.placement.mode is Mode.FULLSCREEN and window.isFullScreen()
    window.leave_fullscreen_requested.emit()  # Escape on the projector window
    assert placer.placement.mode is Mode.WINDOW and not window.isFullScreen()


def test_with_two_screens_it_is_frameless_fullscreen_on_the_other_one(rig) -> None:
    placer, _source, window = rig(LAPTOP, PROJECTOR)
    assert placer.placement.mode is Mode.FULLSCREEN
    assert placer.placement.screen == PROJECTOR
    assert window.isVisible() and frameless(window) and window.isFullScreen()


def test_a_projector_plugged_in_late_gets_the_projector_after_the_debounce(qtbot, rig) -> None:
    placer, source, window = rig(LAPTOP)
    source.add(PROJECTOR)
    assert placer.placement.screen == LAPTOP  # nothing yet: the system may still be settling
    settle(qtbot, placer)
    assert placer.placement.screen == PROJECTOR and placer.placement.mode is Mode.FULLSCREEN
    assert window.isVisible() and frameless(window)


def test_unplugged_it_hides_and_replugged_it_comes_back(qtbot, rig) -> None:
    placer, source, window = rig(LAPTOP, PROJECTOR)
    source.remove(PROJECTOR.name)
    assert not window.isVisible()  # at once: never dropped over the console meanwhile
    settle(qtbot, placer)
    assert placer.placement.mode is Mode.HIDDEN and not window.isVisible()
    source.add(PROJECTOR)
    settle(qtbot, placer)
    assert placer.placement.mode is Mode.FULLSCREEN and placer.placement.screen == PROJECTOR
    assert window.isVisible()


def test_unplugged_it_can_move_to_the_console_screen_instead(qtbot, rig, prefs) -> None:
    prefs.when_unplugged = WhenUnplugged.CONSOLE
    placer, source, window = rig(LAPTOP, PROJECTOR)
    source.remove(PROJECTOR.name)
    settle(qtbot, placer)
    assert placer.placement.mode is Mode.WINDOW and placer.placement.screen == LAPTOP
    assert window.isVisible() and not frameless(window)
    assert LAPTOP.geometry.contains(window.geometry())


def test_a_resized_projector_screen_refits_the_window(qtbot, rig) -> None:
    placer, source, _window = rig(LAPTOP, PROJECTOR)
    bigger = QRect(1920, 0, 3840, 2160)
    source.resize(PROJECTOR.name, bigger)
    settle(qtbot, placer)
    assert placer.placement.screen is not None
    assert placer.placement.screen.geometry == bigger


def test_flapping_within_the_debounce_is_acted_on_once(qtbot, rig) -> None:
    placer, source, window = rig(LAPTOP, PROJECTOR)
    placements: list[object] = []
    placer.placed.connect(placements.append)
    source.remove(PROJECTOR.name)
    source.add(PROJECTOR)
    source.remove(PROJECTOR.name)
    source.add(PROJECTOR)
    settle(qtbot, placer)
    assert len(placements) == 1
    assert placer.placement.screen == PROJECTOR and window.isVisible()


def test_a_new_screen_does_not_take_the_projector_from_its_screen(qtbot, rig) -> None:
    placer, source, _window = rig(LAPTOP, PROJECTOR)
    source.add(OTHER)
    settle(qtbot, placer)
    assert placer.placement.screen == PROJECTOR


def test_the_remembered_screen_wins_and_is_taken_when_it_appears(qtbot, rig, prefs) -> None:
    prefs.screen = OTHER.name
    placer, source, _window = rig(LAPTOP, PROJECTOR)
    assert placer.placement.screen == PROJECTOR  # the remembered one is not here
    source.add(OTHER)
    settle(qtbot, placer)
    assert placer.placement.screen == OTHER


def test_choosing_a_screen_remembers_it_by_name(rig, prefs) -> None:
    placer, _source, _window = rig(LAPTOP, PROJECTOR, OTHER)
    placer.choose(OTHER.name)
    assert prefs.screen == OTHER.name and placer.placement.screen == OTHER
    again = ScreenPrefs(prefs.settings)
    assert again.screen == OTHER.name


def test_choosing_the_console_screen_is_single_screen_mode_not_remembered(rig, prefs) -> None:
    placer, _source, window = rig(LAPTOP, PROJECTOR)
    placer.choose(LAPTOP.name)
    assert placer.placement.mode is Mode.WINDOW and not placer.placement.dedicated
    assert prefs.screen is None
    assert window.isVisible()


def test_f5_turns_the_projector_off_and_on(rig) -> None:
    placer, _source, window = rig(LAPTOP, PROJECTOR)
    placer.toggle_enabled()
    assert placer.placement.mode is Mode.HIDDEN and not window.isVisible()
    placer.toggle_enabled()
    assert placer.placement.mode is Mode.FULLSCREEN and window.isVisible()


def test_f5_after_an_unplug_shows_it_on_the_console_screen(qtbot, rig) -> None:
    placer, source, window = rig(LAPTOP, PROJECTOR)
    source.remove(PROJECTOR.name)
    settle(qtbot, placer)
    placer.toggle_enabled()
    assert placer.placement.mode is Mode.WINDOW and window.isVisible()


def test_a_stray_close_is_ignored_in_a_window_and_fullscreen(rig) -> None:
    for screens in ((LAPTOP,), (LAPTOP, PROJECTOR)):
        placer, _source, window = rig(*screens)
        refused: list[bool] = []
        window.close_requested.connect(lambda r=refused: r.append(True))
        window.close()
        assert window.isVisible() and placer.placement.mode is not Mode.HIDDEN
        assert refused == [True]  # the console says how to turn it off (F5)


def test_a_window_left_off_screen_comes_back(qtbot, rig) -> None:
    placer, source, window = rig(LAPTOP)
    window.setGeometry(QRect(5000, 4000, 640, 360))  # where a screen used to be
    source.resize(LAPTOP.name, QRect(0, 0, 1280, 800))
    settle(qtbot, placer)
    assert QRect(0, 0, 1280, 800).contains(window.geometry())


def test_the_console_screen_is_never_chosen() -> None:
    assert choose_screen([LAPTOP], LAPTOP.name, LAPTOP.name, None) is None
    assert choose_screen([LAPTOP, PROJECTOR], LAPTOP.name, None, None) == PROJECTOR
    assert choose_screen([PROJECTOR, LAPTOP], LAPTOP.name, None, None) == PROJECTOR


def test_nothing_else_is_touched_by_an_unplug(qtbot, event_path: Path, prefs) -> None:
    """The console, its live state and the round clock carry on while screens change."""
    from facilitator.store.db import EventStore
    from facilitator.ui.console import ConsoleWindow

    console = ConsoleWindow(EventStore.open(event_path))
    source = FakeScreens(LAPTOP, PROJECTOR)
    placer = ProjectorScreens(
        console.projector, console, source=source, prefs=prefs, console_screen=lambda: LAPTOP.name
    )
    placer.refresh()
    console.live.control.next()
    driver = console.clock.driver
    driver.toggle()
    state = console.controller.projector_state
    source.remove(PROJECTOR.name)
    settle(qtbot, placer)
    assert not console.projector.isVisible()
    assert console.controller.projector_state.slide.title == state.slide.title
    assert driver.clock.is_running
    source.add(PROJECTOR)
    settle(qtbot, placer)
    assert console.projector.isVisible()
    assert console.projector.state.slide.title == state.slide.title
    driver.toggle()
    console.close()
