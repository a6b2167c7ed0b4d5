"""The dialog where the facilitator picks which screen the projector uses, each one numbered."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui.screens.projector_screens import ProjectorScreens
from facilitator.ui.screens.screen_choice import ScreenInfo, WhenUnplugged

FLASH_MS = 3000


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
