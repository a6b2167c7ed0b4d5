"""The projector: a pure renderer of the projector state, in a window or as a thumbnail."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from facilitator.core.projector_state import MessageSlide, ProjectorState
from facilitator.ui.views import paint_state
from facilitator.ui.views.base import PaintReport

EMPTY = ProjectorState(slide=MessageSlide(text=""))


def render_image(state: ProjectorState, size: QSize) -> tuple[QImage, PaintReport]:
    """The slide as an image of the given size (screenshots, tests)."""
    image = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        report = paint_state(painter, QRectF(0, 0, size.width(), size.height()), state)
    finally:
        painter.end()
    return image, report


class ProjectorCanvas(QWidget):
    """Paints a projector state scaled to its own size; also the console's thumbnails."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: ProjectorState = EMPTY
        self.last_report = PaintReport()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_state(self, state: ProjectorState) -> None:
        if state != self.state:
            self.state = state
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.last_report = paint_state(painter, QRectF(self.rect()), self.state)
        finally:
            painter.end()


class Thumbnail(ProjectorCanvas):
    """A 16:9 miniature of the projector for the console."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(240, 135)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16

    def sizeHint(self) -> QSize:
        return QSize(400, 225)


class ProjectorWindow(ProjectorCanvas):
    """The window the room sees: frameless fullscreen on the projector screen.

    It ignores close requests (a stray Alt+F4 or click must not kill the room's view) and
    says so with ``close_requested`` (the console tells how to turn it off: F5); the app
    closes it with :meth:`close_for_real`. Escape asks to leave
    fullscreen (single-screen mode, where it covers the console).
    """

    close_requested = Signal()
    leave_fullscreen_requested = Signal()

    def __init__(self) -> None:
        super().__init__(None)
        self.setWindowTitle("Facilitator — projector")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setMinimumSize(160, 90)
        # coming up (at start, a screen plugged back in) it never takes the keyboard from
        # the console, where a scribe may be typing; a click still gives it the focus
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._closing = False

    def close_for_real(self) -> None:
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing or QApplication.closingDown():
            event.accept()
        else:
            event.ignore()
            self.close_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave_fullscreen_requested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)
