"""The console's looks: light, dark, or following the system's light or dark setting.

A look is a palette for every console window (the projector's looks, in ui/views/, are the
room's and stay separate) and a few named inks for what the palette has no role for:
warnings, errors, the clock's amber and red. Every pair of ink and ground a look uses is
listed in :data:`PAIRS`, and a test holds each to a contrast of at least 4.5:1.
The chosen look is a machine preference (``console/look``): this laptop, every event.
"""

from __future__ import annotations

from enum import StrEnum

from msgspec import Struct
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from facilitator.core.settings import CONSOLE_LOOK, SYSTEM_LOOK_WAS_DARK

R = QPalette.ColorRole
MIN_CONTRAST = 4.5
# a QApplication property: true when it was made with ``-style Fusion`` (app.py)
FUSION_FROM_START = "facilitator_fusion"


class ConsoleLook(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


LOOK_NAMES = {
    ConsoleLook.SYSTEM: "Follow the &system",
    ConsoleLook.LIGHT: "&Light",
    ConsoleLook.DARK: "&Dark",
}


class Look(Struct, frozen=True):
    window: str
    text: str
    base: str
    alternate: str
    button: str
    muted: str  # secondary text and placeholders
    disabled: str
    highlight: str
    highlighted_text: str
    link: str
    mid: str  # frames and separators (not text)
    error: str  # error text on the window or base
    ok: str
    warn_text: str  # a warning line: its text on its ground
    warn_ground: str
    alarm_text: str  # an alarm line (entries not saved): its text on its ground
    alarm_ground: str
    amber: str  # the clock's amber and red, on the window
    red: str
    focus: str  # the focus ring


LIGHT = Look(
    window="#f4f5f7",
    text="#1b1f24",
    base="#ffffff",
    alternate="#eef0f3",
    button="#e8eaee",
    muted="#596170",
    disabled="#5f6672",
    highlight="#1d5fa8",
    highlighted_text="#ffffff",
    link="#1a56a0",
    mid="#b8bdc6",
    error="#b3261e",
    ok="#1d6b35",
    warn_text="#6b3f00",
    warn_ground="#fff1cc",
    alarm_text="#ffffff",
    alarm_ground="#b3261e",
    amber="#8f5400",
    red="#b3261e",
    focus="#1d5fa8",
)

# fields a shade lighter than the window: Fusion outlines check boxes and frames in the
# window's colour darkened, which must show against a field
DARK = Look(
    window="#1d2025",
    text="#e8eaed",
    base="#2a2e35",
    alternate="#30343c",
    button="#363b44",
    muted="#a4acb9",
    disabled="#a8afba",
    highlight="#2f6bb8",
    highlighted_text="#ffffff",
    link="#8cc2ff",
    mid="#5a616d",
    error="#ff8a80",
    ok="#7bd88f",
    warn_text="#ffd98a",
    warn_ground="#3a2e12",
    alarm_text="#ffffff",
    alarm_ground="#a3231b",
    amber="#ffb547",
    red="#ff7b70",
    focus="#8cc2ff",
)

LOOKS = {ConsoleLook.LIGHT: LIGHT, ConsoleLook.DARK: DARK}

# (what, ink, ground): every text colour a look puts on a ground
PAIRS: tuple[tuple[str, str, str], ...] = (
    ("text on the window", "text", "window"),
    ("text in a field or list", "text", "base"),
    ("text on alternate rows", "text", "alternate"),
    ("text on a button", "text", "button"),
    ("secondary text on the window", "muted", "window"),
    ("placeholder in a field", "muted", "base"),
    ("disabled text on the window", "disabled", "window"),
    ("disabled text on a button", "disabled", "button"),
    ("selected text", "highlighted_text", "highlight"),
    ("a link in a field", "link", "base"),
    ("an error on the window", "error", "window"),
    ("an error in a field", "error", "base"),
    ("a success on the window", "ok", "window"),
    ("a warning line", "warn_text", "warn_ground"),
    ("an alarm line", "alarm_text", "alarm_ground"),
    ("the clock in amber", "amber", "window"),
    ("the clock in red", "red", "window"),
    ("a focus ring on the window", "focus", "window"),
)


def palette(look: Look) -> QPalette:
    p = QPalette()
    c = QColor
    for role, colour in (
        (R.Window, look.window),
        (R.WindowText, look.text),
        (R.Base, look.base),
        (R.AlternateBase, look.alternate),
        (R.Text, look.text),
        (R.Button, look.button),
        (R.ButtonText, look.text),
        (R.BrightText, look.error),
        (R.Highlight, look.highlight),
        (R.HighlightedText, look.highlighted_text),
        (R.Link, look.link),
        (R.LinkVisited, look.link),
        (R.ToolTipBase, look.base),
        (R.ToolTipText, look.text),
        (R.PlaceholderText, look.muted),
        (R.Mid, look.mid),
        (R.Dark, look.mid),
        (R.Midlight, look.alternate),
        (R.Light, look.base),
        (R.Shadow, "#000000"),
        (R.Accent, look.highlight),
    ):
        p.setColor(role, c(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (R.WindowText, R.Text, R.ButtonText, R.PlaceholderText):
        p.setColor(disabled, role, c(look.disabled))
    p.setColor(disabled, R.Highlight, c(look.mid))
    p.setColor(disabled, R.Button, c(look.window))  # a control that does nothing looks flat
    return p


def system_is_dark() -> bool:
    """Asks the platform (~12 ms the first time: never before the first paint)."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: ConsoleLook, system_dark: bool) -> Look:
    """The look a choice means: ``system`` follows the system's light or dark."""
    if choice is ConsoleLook.SYSTEM:
        return DARK if system_dark else LIGHT
    return LOOKS[choice]


def _read_choice() -> ConsoleLook:
    stored = QSettings().value(CONSOLE_LOOK.key, CONSOLE_LOOK.default)
    try:
        return ConsoleLook(str(stored))
    except ValueError:
        return ConsoleLook(CONSOLE_LOOK.default)


class Looks(QObject):
    """The console look of this app: chosen, remembered, applied, and followed.

    Following the system starts with what the system said last time (asking it costs a
    start ~12 ms); :meth:`follow_system`, after the first paint, asks it and listens."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = _read_choice()
        stored = QSettings().value(SYSTEM_LOOK_WAS_DARK.key, SYSTEM_LOOK_WAS_DARK.default)
        self.system_dark = str(stored).lower() == "true"
        self.current = resolve(self.choice, self.system_dark)
        self._following = False
        self._fusion = False  # the style made Fusion (once: nothing else changes it)

    def apply(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.current = resolve(self.choice, self.system_dark)
        if not self._fusion:
            # the one style that draws every control from the palette on every platform;
            # an app made with it from the start is not asked: the first touch of QStyle from
            # Python builds its many enums, ~6 ms of the start
            self._fusion = True
            app = QApplication.instance()
            if app is not None and not app.property(FUSION_FROM_START):
                style = QApplication.style()
                if style is not None and style.name().lower() != "fusion":
                    QApplication.setStyle("Fusion")
        QApplication.setPalette(palette(self.current))
        self.changed.emit()

    def choose(self, choice: ConsoleLook) -> None:
        self.choice = choice
        QSettings().setValue(CONSOLE_LOOK.key, choice.value)
        self.apply()

    def follow_system(self) -> None:
        """Ask the system for its look now, and follow its changes from here on."""
        if not self._following:
            self._following = True
            QGuiApplication.styleHints().colorSchemeChanged.connect(self.system_changed)
        self.system_changed()

    def system_changed(self) -> None:
        dark = system_is_dark()
        if dark == self.system_dark:
            return
        self.system_dark = dark
        QSettings().setValue(SYSTEM_LOOK_WAS_DARK.key, dark)
        if self.choice is ConsoleLook.SYSTEM:
            self.apply()


_looks: Looks | None = None


def looks() -> Looks:
    """The app's one :class:`Looks` (made, and applied, on first use)."""
    global _looks
    if _looks is None:
        _looks = Looks()
        _looks.apply()
    return _looks


def ink(name: str) -> str:
    """A named colour of the look in use (``error``, ``amber``…), for a style sheet."""
    return str(getattr(looks().current, name))


def warn_style() -> str:
    current = looks().current
    return f"color: {current.warn_text}; background: {current.warn_ground}; padding: 4px;"


def alarm_style() -> str:
    current = looks().current
    return f"color: {current.alarm_text}; background: {current.alarm_ground}; padding: 4px;"


ERROR_STYLE = "color: palette(bright-text);"
MUTED_STYLE = "color: palette(placeholder-text);"
# a chosen toggle (the kind of entry): filled and bold, not by a shade alone
CHECKED_STYLE = (
    "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " font-weight: bold; border: 1px solid palette(highlight); border-radius: 3px;"
    " padding: 3px; }"
)
