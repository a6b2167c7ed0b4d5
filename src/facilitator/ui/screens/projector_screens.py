"""Places the projector window on its screen, and follows screens as they come and go."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

from facilitator.ui.deferred import after_first_paint
from facilitator.ui.projector import ProjectorWindow
from facilitator.ui.screens.screen_choice import (
    Mode,
    Placement,
    QtScreenSource,
    ScreenInfo,
    ScreenPrefs,
    ScreenSource,
    WhenUnplugged,
    choose_screen,
)

log = logging.getLogger(__name__)


DEBOUNCE_MS = 350
KEYBOARD_BACK_MS = 500  # a projector that is not painted (turned off) does not hold it


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
