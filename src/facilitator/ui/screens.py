"""Where the projector window goes, and what happens when screens come and go.

The projector window goes fullscreen and frameless on the first screen that is not the
console's (or the screen the facilitator chose, remembered by name). With one screen it is
an ordinary window ("single-screen mode"; F11 makes it fullscreen). Screens plugged in,
unplugged or resized are acted on after a short debounce, because a projector being
plugged in makes the system report several changes in a row: the projector moves to a new
screen when it is the remembered one or the only extra one; when its screen goes away it
hides, or moves to the console's screen, as set; replugging brings it back. Nothing else
is touched: the clock, capture and the live session carry on.

Screens are read through a small :class:`ScreenSource`, so tests can add, remove, resize
and flap screens without a display server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum

from msgspec import Struct
from PySide6.QtCore import QObject, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.settings import PROJECTOR_SCREEN, PROJECTOR_WHEN_UNPLUGGED
from facilitator.ui.deferred import after_first_paint
from facilitator.ui.projector import ProjectorWindow

log = logging.getLogger(__name__)

DEBOUNCE_MS = 350
KEYBOARD_BACK_MS = 500  # a projector that is not painted (turned off) does not hold it
FLASH_MS = 3000


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


class ProjectorScreens(QObject):
    """Places the projector window and keeps it placed as screens change."""

    placed = Signal(object)  # Placement, after it has been applied

    def __init__(
        self,
        window: ProjectorWindow,
        console: QWidget,
        *,
        source: ScreenSource | None = None,
        prefs: ScreenPrefs | None = None,
        console_screen: Callable[[], str] | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.console = console
        self.source = source or QtScreenSource(self)
        self.prefs = prefs or ScreenPrefs()
        self.console_screen = console_screen or self._real_console_screen
        self.enabled = True  # F5
        self.fullscreen = True  # F11 on a screen of its own
        self.single_fullscreen = False  # F11 in single-screen mode
        self.single_only = False  # the facilitator chose the console's screen this session
        self.unplugged = False  # its screen went away and it hid
        self.placement = Placement(Mode.HIDDEN)
        self.placed_once = False  # refresh() has put the window somewhere (or hidden it)
        self._window_rect: QRect | None = None  # where the user put the single-screen window
        self._following = False  # watching the console's own screen
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.refresh)
        self.source.changed.connect(self._screens_changed)
        window.leave_fullscreen_requested.connect(self._leave_fullscreen)

    def _screens_changed(self) -> None:
        """Act after the debounce; but a projector whose screen has gone is hidden at once,
        before the system drops it onto the console's screen over the facilitator's view."""
        placement = self.placement
        if placement.dedicated and placement.screen is not None and self.window.isVisible():
            names = {s.name for s in self.source.screens()}
            if placement.screen.name not in names:
                self.window.hide()
        self._timer.start()

    def _follow_console(self) -> None:
        """The console dragged to another screen frees its old one for the projector."""
        handle = self.console.windowHandle()
        if handle is not None and not self._following:
            handle.screenChanged.connect(lambda _screen: self._timer.start())
            self._following = True

    def _real_console_screen(self) -> str:
        screen = self.console.screen()
        return screen.name() if screen is not None else ""

    # -- decisions --------------------------------------------------------------------------

    def decide(self) -> Placement:
        screens = self.source.screens()
        console_name = self.console_screen()
        console = next((s for s in screens if s.name == console_name), None)
        console = console or (screens[0] if screens else None)
        if not self.enabled:
            return Placement(Mode.HIDDEN, self.placement.screen, self.placement.dedicated)
        target = None
        if not self.single_only:
            target = choose_screen(screens, console_name, self.prefs.screen, self._current_name())
        if target is not None:
            mode = Mode.FULLSCREEN if self.fullscreen else Mode.WINDOW
            return Placement(mode, target, dedicated=True)
        if self.unplugged and self.prefs.when_unplugged is WhenUnplugged.HIDE:
            return Placement(Mode.HIDDEN, console, dedicated=False)
        mode = Mode.FULLSCREEN if self.single_fullscreen else Mode.WINDOW
        return Placement(mode, console, dedicated=False)

    def _current_name(self) -> str | None:
        placement = self.placement
        if placement.dedicated and placement.screen is not None:
            return placement.screen.name
        return None

    # -- acting -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Look at the screens again and put the window where it belongs."""
        self._timer.stop()
        self._follow_console()
        before = self.placement
        if before.mode is Mode.WINDOW and not before.dedicated and self.window.isVisible():
            self._window_rect = self.window.geometry()
        names = {s.name for s in self.source.screens()}
        lost = before.dedicated and before.screen is not None and before.screen.name not in names
        placement = self.decide()
        if lost and not placement.dedicated:
            self.unplugged = True
            placement = self.decide()
            log.info("projector screen %s went away: %s", before.screen, placement.describe())
        if placement.dedicated:
            self.unplugged = False
        self._apply(placement)

    def _apply(self, placement: Placement) -> None:
        window = self.window
        self.placement = placement
        self.placed_once = True
        if placement.mode is Mode.HIDDEN:
            window.hide()
            self.placed.emit(placement)
            return
        had_keyboard = self.console.isActiveWindow()
        screen = placement.screen
        frameless = placement.mode is Mode.FULLSCREEN
        moved = (
            screen is not None
            and screen.handle is not None
            and window.screen() is not screen.handle
        )
        if bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint) != frameless or moved:
            if window.isVisible():
                window.hide()  # a window moves between X screens only while it is hidden
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, frameless)
        if screen is not None and screen.handle is not None:
            window.setScreen(screen.handle)
        # no pointer over the room's view; a window the facilitator moves keeps one
        window.setCursor(Qt.CursorShape.BlankCursor if frameless else Qt.CursorShape.ArrowCursor)
        if placement.mode is Mode.FULLSCREEN and screen is not None:
            window.setGeometry(screen.geometry)
            # not showFullScreen(): it also activates the window, and the keyboard would
            # leave the console (where a scribe may be typing) for the room's screen
            window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)
            window.show()
        else:
            if window.isFullScreen():
                window.showNormal()
            window.setGeometry(self._window_geometry(screen))
            window.show()
        self._keep_console_in_front(had_keyboard)
        self.placed.emit(placement)

    def _window_geometry(self, screen: ScreenInfo | None) -> QRect:
        """The window where the user left it, if that is still on a screen; else a 16:9
        window over the lower right of the screen, never off it."""
        area = screen.geometry if screen is not None else QRect(0, 0, 1280, 720)
        rect = self._window_rect
        if rect is not None and not self.placement.dedicated:
            visible = rect.intersected(area)
            if visible.width() >= 120 and visible.height() >= 80:
                return rect
        width = max(320, area.width() // 2)
        size = QSize(width, width * 9 // 16)
        if size.height() > area.height() * 3 // 4:
            size = QSize(area.height() * 3 // 4 * 16 // 9, area.height() * 3 // 4)
        margin = area.height() // 20
        return QRect(
            area.right() - size.width() - margin,
            area.bottom() - size.height() - margin,
            size.width(),
            size.height(),
        )

    def _keep_console_in_front(self, had_keyboard: bool) -> None:
        if self.console.isVisible() and self.placement.dedicated:
            self.console.activateWindow()
        if had_keyboard:
            # where a newly shown window gets the focus (some window managers; Qt's offscreen
            # platform), the console, where a scribe may be typing, takes the keyboard back
            after_first_paint(self.window, self._keyboard_back, at_latest_ms=KEYBOARD_BACK_MS)

    def _keyboard_back(self) -> None:
        if QApplication.activeWindow() is self.window:
            self.console.activateWindow()

    # -- facilitator's actions --------------------------------------------------------------

    def toggle_enabled(self) -> None:
        """F5: the projector window on or off. Turning it on after an unplug shows it on the
        console's screen when no other screen is there."""
        if self.placement.mode is Mode.HIDDEN:
            self.enabled = True
            self.unplugged = False
        else:
            self.enabled = False
        self.refresh()

    def toggle_fullscreen(self) -> None:
        """F11: fullscreen or a window, on whichever screen it is."""
        if self.placement.dedicated:
            self.fullscreen = not self.fullscreen
        else:
            self.single_fullscreen = not self.single_fullscreen
        self.enabled = True
        self.unplugged = False
        self.refresh()

    def choose(self, name: str | None, when_unplugged: WhenUnplugged | None = None) -> None:
        """The facilitator picked a screen; the console's own screen means single-screen
        mode for this session (not remembered: the next venue may have a projector)."""
        if when_unplugged is not None:
            self.prefs.when_unplugged = when_unplugged
        if name is not None and name == self.console_screen():
            self.single_only = True
        else:
            self.single_only = False
            self.prefs.screen = name
        self.enabled = True
        self.unplugged = False
        self.refresh()

    def _leave_fullscreen(self) -> None:
        if not self.placement.dedicated and self.single_fullscreen:
            self.toggle_fullscreen()


class ScreenFlash(QLabel):
    """A big number on one screen, so the facilitator can tell the screens apart."""

    def __init__(self, number: int, screen: ScreenInfo) -> None:
        super().__init__(str(number))
        self.setWindowFlags(
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.Tool
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            "QLabel { background: #14181f; color: #ffffff; border: 8px solid #6cc3ff; }"
        )
        side = max(160, screen.geometry.height() * 2 // 5)
        f = QFont(self.font())
        f.setPixelSize(side * 3 // 4)
        f.setBold(True)
        self.setFont(f)
        if screen.handle is not None:
            self.setScreen(screen.handle)
        rect = QRect(0, 0, side, side)
        rect.moveCenter(screen.geometry.center())
        self.setGeometry(rect)
        self.screen_name = screen.name
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.close)
        self._timer.start(FLASH_MS)


def flash_screens(screens: list[ScreenInfo]) -> list[ScreenFlash]:
    flashes = [ScreenFlash(i + 1, s) for i, s in enumerate(screens)]
    for flash in flashes:
        flash.show()
    return flashes


class ScreenPicker(QDialog):
    """Choose the projector's screen; each screen shows its number while this is open."""

    def __init__(self, screens: ProjectorScreens, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.setWindowTitle("Projector screen")
        self.screens = screens
        self.flashes: list[ScreenFlash] = []
        available = screens.source.screens()
        console = screens.console_screen()
        current = screens.placement.screen.name if screens.placement.screen else None
        layout = QVBoxLayout(self)
        intro = QLabel("Which screen does the room see? Each screen shows its number now.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for i, screen in enumerate(available):
            text = f"{i + 1}   {screen.describe()}"
            if screen.name == console:
                text += " — the console's screen: single-screen mode"
            button = QRadioButton(text)
            f = button.font()
            f.setPointSizeF(f.pointSizeF() * 1.3)
            button.setFont(f)
            button.setChecked(screen.name == current)
            self.group.addButton(button)
            self.buttons[screen.name] = button
            layout.addWidget(button)
        if self.group.checkedButton() is None and self.buttons:
            next(iter(self.buttons.values())).setChecked(True)
        identify = QPushButton("&Identify screens")
        identify.setToolTip("Show each screen's number on it again")
        identify.clicked.connect(self.identify)
        layout.addWidget(identify, 0, Qt.AlignmentFlag.AlignLeft)

        unplugged = QGroupBox("When the projector's screen is unplugged")
        box = QVBoxLayout(unplugged)
        self.hide_button = QRadioButton("&Hide the projector window (the console still shows live)")
        self.move_button = QRadioButton("&Move it to a window on the console's screen")
        box.addWidget(self.hide_button)
        box.addWidget(self.move_button)
        if screens.prefs.when_unplugged is WhenUnplugged.CONSOLE:
            self.move_button.setChecked(True)
        else:
            self.hide_button.setChecked(True)
        layout.addWidget(unplugged)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(self._close_flashes)
        self.identify()

    def identify(self) -> None:
        self._close_flashes()
        self.flashes = flash_screens(self.screens.source.screens())

    def _close_flashes(self) -> None:
        for flash in self.flashes:
            if flash.isVisible():
                flash.close()
        self.flashes = []

    def chosen(self) -> str | None:
        return next((n for n, b in self.buttons.items() if b.isChecked()), None)

    def accept(self) -> None:
        when = WhenUnplugged.CONSOLE if self.move_button.isChecked() else WhenUnplugged.HIDE
        self.screens.choose(self.chosen(), when)
        super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_flashes()
        super().closeEvent(event)
