"""The screens there are, the one the projector should go on, and the choice remembered."""

from __future__ import annotations

from enum import StrEnum

from msgspec import Struct
from PySide6.QtCore import QObject, QRect, QSettings, Signal
from PySide6.QtGui import QGuiApplication, QScreen

from facilitator.core.settings import PROJECTOR_SCREEN, PROJECTOR_WHEN_UNPLUGGED


class WhenUnplugged(StrEnum):
    HIDE = "hide"  # the laptop stays the facilitator's; the console shows what is live
    CONSOLE = "console"  # a window on the console's screen, e.g. to share it another way


class Mode(StrEnum):
    FULLSCREEN = "fullscreen"
    WINDOW = "window"
    HIDDEN = "hidden"


class ScreenInfo(Struct, frozen=True, eq=False):
    """A screen as the placer sees it: a name (stable across plugs) and its geometry.

    Two readings of the same screen are equal: the Qt handle and the model text are not
    compared.
    """

    name: str
    geometry: QRect
    handle: QScreen | None = None
    model: str = ""  # "BenQ GW2780", when the screen says

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ScreenInfo):
            return NotImplemented
        return (self.name, self.geometry) == (other.name, other.geometry)

    def __hash__(self) -> int:
        return hash((self.name, self.geometry.getRect()))

    def describe(self) -> str:
        size = f"{self.geometry.width()}×{self.geometry.height()}"
        return f"{self.name} — {self.model} ({size})" if self.model else f"{self.name} ({size})"


class Placement(Struct, frozen=True):
    mode: Mode
    screen: ScreenInfo | None = None  # where the window is (or would be, when hidden)
    dedicated: bool = False  # on a screen of its own (not the console's)

    def describe(self) -> str:
        if self.mode is Mode.HIDDEN:
            return "Projector off"
        where = self.screen.describe() if self.screen else "the console's screen"
        if self.dedicated:
            return f"Projector on {where}"
        return f"Single-screen mode on {where}"


class ScreenSource(QObject):
    """The screens there are, and a signal when any of them comes, goes or changes."""

    changed = Signal()

    def screens(self) -> list[ScreenInfo]:
        raise NotImplementedError


class QtScreenSource(ScreenSource):
    """The real screens, from QGuiApplication."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._added)
        app.screenRemoved.connect(lambda _screen: self.changed.emit())
        app.primaryScreenChanged.connect(lambda _screen: self.changed.emit())
        for screen in QGuiApplication.screens():
            self._watch(screen)

    def _added(self, screen: QScreen) -> None:
        self._watch(screen)
        self.changed.emit()

    def _watch(self, screen: QScreen) -> None:
        screen.geometryChanged.connect(lambda _rect: self.changed.emit())

    def screens(self) -> list[ScreenInfo]:
        return [
            ScreenInfo(
                s.name(), s.geometry(), s, " ".join(filter(None, (s.manufacturer(), s.model())))
            )
            for s in QGuiApplication.screens()
        ]


def choose_screen(
    screens: list[ScreenInfo], console: str, remembered: str | None, current: str | None
) -> ScreenInfo | None:
    """The projector's screen: the remembered one when present, else the one it is on,
    else the first that is not the console's; None when there is no other screen."""
    extras = {s.name: s for s in screens if s.name != console}
    for name in (remembered, current):
        if name is not None and name in extras:
            return extras[name]
    return next(iter(extras.values()), None)


class ScreenPrefs:
    """The remembered projector screen and what to do when it goes: per machine, since
    screen names belong to a machine, not to an event."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    @property
    def screen(self) -> str | None:
        value = self.settings.value(PROJECTOR_SCREEN.key, PROJECTOR_SCREEN.default)
        return str(value) if value else None

    @screen.setter
    def screen(self, name: str | None) -> None:
        self.settings.setValue(PROJECTOR_SCREEN.key, name or "")
        self.settings.sync()

    @property
    def when_unplugged(self) -> WhenUnplugged:
        value = str(self.settings.value(PROJECTOR_WHEN_UNPLUGGED.key, WhenUnplugged.HIDE.value))
        try:
            return WhenUnplugged(value)
        except ValueError:
            return WhenUnplugged.HIDE

    @when_unplugged.setter
    def when_unplugged(self, value: WhenUnplugged) -> None:
        self.settings.setValue(PROJECTOR_WHEN_UNPLUGGED.key, value.value)
        self.settings.sync()
