"""Work tied to a widget's first paint: at it, or just after it.

The console's first frame is what the facilitator waits for at start; setting up what
cannot be seen in it yet (a clear button that appears only with text, say) can wait a
few milliseconds more.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QWidget


class _FirstPaint(QObject):
    def __init__(
        self,
        widget: QWidget,
        slot: Callable[[], object],
        *,
        queued: bool,
        at_latest_ms: int | None,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._slot: Callable[[], object] | None = slot
        self._queued = queued
        widget.installEventFilter(self)
        if at_latest_ms is not None:
            QTimer.singleShot(at_latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if self._queued:
                # the paint (and the rest of the window's frame) finishes first
                QTimer.singleShot(0, self, self._run)
            else:
                self._run()
        return False

    def _run(self) -> None:
        slot, self._slot = self._slot, None
        if slot is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        slot()


def on_first_paint(widget: QWidget, slot: Callable[[], object]) -> None:
    """Call ``slot`` once, as ``widget``'s first paint begins."""
    _FirstPaint(widget, slot, queued=False, at_latest_ms=None)


def after_first_paint(
    widget: QWidget, slot: Callable[[], object], at_latest_ms: int | None = None
) -> None:
    """Call ``slot`` once, just after ``widget`` is first painted.

    A widget that is never painted never calls it, unless ``at_latest_ms`` says when to call
    it anyway (a window that starts minimised is not painted).
    """
    _FirstPaint(widget, slot, queued=True, at_latest_ms=at_latest_ms)


def clear_button_after_first_paint(field: QLineEdit) -> None:
    """The clear button of a line edit, which shows only once there is text to clear.

    Its icon is the first themed icon the console asks for: looking up the desktop's icon
    theme costs ~5 ms of the start on X11.
    """
    after_first_paint(field, lambda: field.setClearButtonEnabled(True))
