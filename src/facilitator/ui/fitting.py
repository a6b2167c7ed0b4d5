"""A splitter that puts its panels side by side when they fit, one above the other when
they do not: the capture panel beside its list on a wide screen, above it at 1366x768."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class FittingSplitter(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def _panels(self) -> list[QWidget]:
        found = (self.widget(i) for i in range(self.count()))
        return [w for w in found if w is not None and not w.isHidden()]

    def side_by_side_width(self) -> int:
        """The narrowest width at which the panels fit side by side."""
        panels = self._panels()
        widths = sum(w.minimumSizeHint().width() for w in panels)
        return widths + self.handleWidth() * max(0, len(panels) - 1)

    def minimumSizeHint(self) -> QSize:
        # as narrow as the panels stacked: the window never grows past the screen for them
        hints = [w.minimumSizeHint() for w in self._panels()]
        if not hints:
            return super().minimumSizeHint()
        width = max(h.width() for h in hints)
        if self.orientation() is Qt.Orientation.Horizontal:
            return QSize(width, max(h.height() for h in hints))
        handles = self.handleWidth() * (len(hints) - 1)
        return QSize(width, sum(h.height() for h in hints) + handles)

    def resizeEvent(self, event: QResizeEvent) -> None:
        fits = event.size().width() >= self.side_by_side_width()
        wanted = Qt.Orientation.Horizontal if fits else Qt.Orientation.Vertical
        if wanted is not self.orientation():
            self.setOrientation(wanted)
        super().resizeEvent(event)
