"""The key map: every key of the app with where it acts, the text-field rule, the F1 guide.

The map is the one source of keys: menus, buttons, tooltips, the key guide and the README's
key table (checked by a test) read it. Each live key is a QAction on the console and on the
projector window (a click on the projector
in single-screen mode must not leave the clicker dead), with its shortcut shown in the
menus. Keys that type (letters, Space, + and -, arrows) give way to a text field that has
the cursor: Qt asks the focused widget first (a ShortcutOverride event), and we answer
"yours" for every such key while the focus is in a text field, so the key types there.
The clicker's PageDown/PageUp and the function keys work from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from msgspec import Struct
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

NAVIGATION_WITH_CTRL = {Qt.Key.Key_Left, Qt.Key.Key_Right}  # move by words in a text field
SCRIM = QColor(0, 0, 0, 150)


class Scope(StrEnum):
    """Where a key acts."""

    CONSOLE = "console"  # the console window: menus
    PROJECTOR = "console and projector"  # the live keys: on the projector window too
    CAPTURE = "capture entry"  # the capture panel: its entry, table field and list
    GROUPING = "grouping board"  # the Groups tab: its lists of entries, groups, suggestions


class KeyBinding(Struct, frozen=True):
    name: str
    text: str  # menu text, with its & mnemonic
    keys: tuple[str, ...]  # QKeySequence strings; the first is the one menus and buttons show
    group: str  # heading in the key guide
    help: str = ""  # the key guide's words, when the menu text is not enough
    scope: Scope = Scope.PROJECTOR

    @property
    def what(self) -> str:
        """What the key does, in the key guide and the README's key table."""
        return self.help or self.text.replace("&", "").rstrip("…")

    @property
    def key(self) -> str:
        """The key a menu, a button or a tooltip shows."""
        return self.keys[0]


C = Scope.CONSOLE


def _capture(name: str, keys: tuple[str, ...], what: str) -> KeyBinding:
    """A key of the capture panel's own widgets: the panel binds it, the map names it."""
    return KeyBinding(name, what, keys, "Capture", scope=Scope.CAPTURE)


def _grouping(name: str, keys: tuple[str, ...], what: str) -> KeyBinding:
    """A key of the grouping board: the board binds it, the map names it."""
    return KeyBinding(name, what, keys, "Groups", scope=Scope.GROUPING)


# Every key of the app, once: menus, buttons, tooltips, the F1 guide and the README's key
# table (checked by a test) all read it.
KEY_MAP: tuple[KeyBinding, ...] = (
    KeyBinding("next", "&Next", ("PgDown", "Right"), "Projector", "Next item (clicker)"),
    KeyBinding("previous", "&Previous", ("PgUp", "Left"), "Projector", "Previous item (clicker)"),
    KeyBinding("take", "&Take preview live", ("T",), "Projector"),
    KeyBinding("black", "&Black", ("B", "."), "Projector", "Black screen on / off"),
    KeyBinding("white", "&White", ("W",), "Projector", "White screen on / off"),
    KeyBinding("message", "&Message…", ("M",), "Projector", "Type a message for the room"),
    KeyBinding("welcome", "W&elcome slide", ("Home",), "Projector"),
    KeyBinding("wall", "Theme wa&ll", ("F6",), "Projector"),
    KeyBinding("tally", "Card ta&lly", ("F7",), "Projector"),
    KeyBinding("holding", "&Holding slide", ("End",), "Projector"),
    KeyBinding("look", "Next l&ook", ("L",), "Projector", "Dark, light, high contrast"),
    KeyBinding("projector", "Projector &window", ("F5",), "Screens", "Projector on / off"),
    KeyBinding("fullscreen", "&Fullscreen", ("F11",), "Screens", "Projector fullscreen / window"),
    KeyBinding(
        "capture_alone",
        "&Capture fills the window",
        ("F12",),
        "Screens",
        "Capture fills the window (for a scribe) / back",
        scope=C,
    ),
    KeyBinding("clock", "&Start / pause the clock", ("Space",), "Round clock"),
    KeyBinding("add_minute", "&Add a minute", ("+", "="), "Round clock"),
    KeyBinding("take_minute", "&Take a minute", ("-",), "Round clock"),
    KeyBinding("next_round", "&Next round", ("Ctrl+Right",), "Round clock"),
    KeyBinding("previous_round", "&Previous round", ("Ctrl+Left",), "Round clock"),
    KeyBinding("keys", "&Keys", ("F1",), "Help", "This key guide"),
    KeyBinding("new", "&New event…", ("Ctrl+N",), "Event", scope=C),
    KeyBinding("open", "&Open event…", ("Ctrl+O",), "Event", scope=C),
    KeyBinding("close", "&Close event", ("Ctrl+W",), "Event", scope=C),
    KeyBinding("quit", "&Quit", ("Ctrl+Q",), "Event", scope=C),
    KeyBinding("export", "&Export the harvest…", ("Ctrl+E",), "Event", scope=C),
    KeyBinding(
        "room", "Room &network open", ("F9",), "Room", "Open / close the room network", scope=C
    ),
    KeyBinding(
        "vote",
        "Room's &vote open",
        ("F8",),
        "Room",
        "Open / close the room's vote on the card tally (Which card struck a chord?)",
    ),
    KeyBinding(
        "survey",
        "Feedback &survey open",
        ("Shift+F8",),
        "Room",
        "Open / close the feedback survey on the phones",
        scope=C,
    ),
    KeyBinding(
        "harvest",
        "Share the &harvest on the phones",
        ("Ctrl+Shift+E",),
        "Room",
        "Share / withdraw the harvest so far on the delegates' phones",
        scope=C,
    ),
    _capture("theme_entry", ("Ctrl+T",), "Put the cursor in the theme entry"),
    _capture("save_entry", ("Return",), "Save the entry"),
    _capture("new_line", ("Shift+Return",), "New line in the entry"),
    _capture("leave_entry", ("Escape",), "Leave the entry: the clicker keys work again"),
    _capture("previous_table", ("Ctrl+Up",), "Previous table (or type its number)"),
    _capture("next_table", ("Ctrl+Down",), "Next table (or type its number)"),
    _capture("kind", ("Ctrl+1 … Ctrl+5",), "Theme, quote, question, action, card pick"),
    _capture("tag", ("#",), "Tag a card: a list of the deck's cards opens (#mind: Mindset)"),
    _capture("edit_entry", ("F2",), "Edit the chosen entry in the list"),
    _capture("delete_entry", ("Delete",), "Delete the chosen entry (undo brings it back)"),
    _capture("undo", ("Ctrl+Z",), "Undo"),
    _capture("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo"),
    _grouping("group", ("Ctrl+G",), "Group the chosen entries (from a group: split them off)"),
    _grouping("ungroup", ("Ctrl+Shift+G",), "Take the chosen entries out of their group"),
    _grouping("move_to_group", ("Ctrl+M",), "Move the chosen entries to a group (a list opens)"),
    _grouping("name_group", ("F2",), "Name the chosen group"),
    _grouping("accept_suggestion", ("Ctrl+Return",), "Accept the chosen suggestion"),
    _grouping("accept_and_name", ("Ctrl+Shift+Return",), "Accept the suggestion and name it"),
    _grouping("ignore_suggestion", ("Ctrl+Delete",), "Ignore the chosen suggestion"),
    _grouping("group_undo", ("Ctrl+Z",), "Undo"),
    _grouping("group_redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo"),
)
BINDINGS = {b.name: b for b in KEY_MAP}


def in_text_field(widget: QWidget | None = None) -> bool:
    """Whether ``widget`` (default: the focused one) is somewhere the user types."""
    widget = widget if widget is not None else QApplication.focusWidget()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)


def is_typing_key(event: QKeyEvent) -> bool:
    """A key that means something in a text field: it types, or moves the cursor."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = Qt.Key(event.key())
    if mods & Qt.KeyboardModifier.ControlModifier:
        return key in NAVIGATION_WITH_CTRL and not (mods & Qt.KeyboardModifier.AltModifier)
    if mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier):
        return False
    if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
        return True
    return bool(event.text()) and event.text().isprintable()


class TextFieldGuard(QObject):
    """Gives typing keys to the focused text field instead of to shortcuts."""

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and in_text_field(new):
            new.installEventFilter(self)  # installing again is harmless

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and in_text_field(watched)
            and is_typing_key(event)
        ):
            event.accept()
            return True
        return False


class WindowKeys:
    """Makes the actions of the key map and attaches them to the windows they serve: the
    console (the first window) and, for the live keys, the projector window too."""

    def __init__(self, windows: Iterable[QWidget]) -> None:
        self.windows = list(windows)
        self.actions: dict[str, QAction] = {}
        self.guard = TextFieldGuard(self.windows[0] if self.windows else None)
        # The guard sits on each text field as it takes the focus, not on the whole
        # application: an application-wide Python filter sees every event of every widget,
        # which costs at start (each internal widget gets a Python wrapper) and all day.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # connected to the guard's own slot: the connection goes when the guard does
            app.focusChanged.connect(self.guard.focus_changed)
            self.guard.focus_changed(None, app.focusWidget())

    def bind(self, name: str, slot: Callable[[], object], *, checkable: bool = False) -> QAction:
        binding = BINDINGS[name]
        if binding.scope in (Scope.CAPTURE, Scope.GROUPING):
            raise ValueError(f"{name}: its panel binds its own keys")
        owner = self.windows[0]
        action = QAction(binding.text, owner)
        action.setShortcuts([QKeySequence(k) for k in binding.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        if binding.help:
            action.setToolTip(f"{binding.help} ({binding.key})")
        action.triggered.connect(lambda _checked=False: slot())
        for window in self.windows if binding.scope is Scope.PROJECTOR else self.windows[:1]:
            window.addAction(action)
        self.actions[name] = action
        return action


def native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def shown_keys(binding: KeyBinding) -> str:
    """The keys as the key guide shows them: as this platform writes them, for the keys
    that are shortcuts; the capture panel's keys as written in the key map."""
    if binding.scope in (Scope.CAPTURE, Scope.GROUPING):
        return " or ".join(binding.keys)
    return " or ".join(native(k) for k in binding.keys)


def guide_rows() -> list[tuple[str, str, str]]:
    """(group, keys, what) for every key of the key map, in its order."""
    return [(b.group, shown_keys(b), b.what) for b in KEY_MAP]


class KeyGuide(QWidget):
    """The F1 overlay: every key, over the console; any key or click closes it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Keys")
        self.setAccessibleDescription("Every key of the app; any key closes this list")
        self.panel = QWidget(self)
        self.panel.setObjectName("keyGuidePanel")
        self.panel.setStyleSheet(
            "#keyGuidePanel { background: palette(window); border-radius: 10px;"
            " border: 1px solid palette(mid); }"
        )
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(4)
        outer = QVBoxLayout(self.panel)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(10)
        heading = QLabel("Keys")
        f = heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        heading.setFont(f)
        outer.addWidget(heading)
        outer.addLayout(self.grid)
        hint = QLabel(
            "Letters and Space act only when the cursor is not in a text field."
            "  Press any key to close."
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.hide()

    def open(self) -> None:
        self._fill(guide_rows())
        self.setGeometry(self.window_.rect())
        self.panel.adjustSize()
        size = self.panel.sizeHint()
        self.panel.setGeometry(
            max(0, (self.width() - size.width()) // 2),
            max(0, (self.height() - size.height()) // 2),
            min(size.width(), self.width()),
            min(size.height(), self.height()),
        )
        self.show()
        self.raise_()
        self.setFocus()

    def _fill(self, rows: list[tuple[str, str, str]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        row = 0
        group = ""
        columns = 2
        per_column = (len(rows) + len({g for g, _, _ in rows}) + 1) // columns + 1
        column = 0
        for g, keys, what in rows:
            if row >= per_column and g != group:
                column += 1
                row = 0
            if g != group:
                title = QLabel(g)
                f = title.font()
                f.setBold(True)
                title.setFont(f)
                self.grid.addWidget(title, row, column * 2, 1, 2)
                row += 1
                group = g
            key_label = QLabel(keys)
            key_label.setTextFormat(Qt.TextFormat.PlainText)
            f = key_label.font()
            f.setBold(True)
            key_label.setFont(f)
            what_label = QLabel(what)
            what_label.setTextFormat(Qt.TextFormat.PlainText)
            self.grid.addWidget(key_label, row, column * 2, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(what_label, row, column * 2 + 1)
            row += 1

    def texts(self) -> list[str]:
        return [w.text() for w in self.panel.findChildren(QLabel)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), SCRIM)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.hide()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.hide()
        super().focusOutEvent(event)
