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

from facilitator.ui.screens.projector_screens import DEBOUNCE_MS, KEYBOARD_BACK_MS, ProjectorScreens
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
from facilitator.ui.screens.screen_picker import FLASH_MS, ScreenFlash, ScreenPicker, flash_screens

__all__ = [
    "DEBOUNCE_MS",
    "FLASH_MS",
    "KEYBOARD_BACK_MS",
    "Mode",
    "Placement",
    "ProjectorScreens",
    "QtScreenSource",
    "ScreenFlash",
    "ScreenInfo",
    "ScreenPicker",
    "ScreenPrefs",
    "ScreenSource",
    "WhenUnplugged",
    "choose_screen",
    "flash_screens",
]
