"""The entries list's view: one line per entry, painted in one call per repaint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from facilitator.core.records import Theme
from facilitator.ui.entries.editing import EntryDelegate
from facilitator.ui.entries.model import HIDDEN_INK, EntriesModel

_PAD = 4  # text inset in a cell
_SWATCH = 10  # the suit colour square before a row's cards
_ELIDED_KEPT = 20_000  # elided strings remembered (by text and width) before starting over


def larger(font: QFont, *, bold: bool = False) -> QFont:
    """``font`` a size up (10%), for what the eye must find at a glance."""
    bigger = QFont(font)
    if bigger.pointSizeF() > 0:
        bigger.setPointSizeF(bigger.pointSizeF() * 1.1)
    elif bigger.pixelSize() > 0:
        bigger.setPixelSize(round(bigger.pixelSize() * 1.1))
    bigger.setBold(bold)
    return bigger


class EntriesView(QTableView):
    """One line per entry, lazily filled; F2 or a double click edits in place.

    The rows are painted here, in one Python call per repaint. Qt's own table painting
    asks the model for seven roles of every cell (about 1,400 Python calls a screenful) and
    lays each cell's text out three times (to size it, to elide it, to draw it): ~9 ms a
    repaint here, which a loaded machine stretched past 50 ms while scrolling. This draws
    each row's display strings, elided once per text and column width (~3 ms a screenful);
    no grid: alternating row colours tell the rows apart. Editing, selection, tooltips and
    the model's roles are Qt's as before.
    """

    def __init__(self, model: EntriesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._elided: dict[tuple[str, int], str] = {}
        self.setModel(model)
        self.setShowGrid(False)
        self.setItemDelegate(EntryDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EntriesModel.TEXT, QHeaderView.ResizeMode.Stretch)
        # the column titles a size up and bold: found at a glance, and never cut
        header.setFont(larger(self.font(), bold=True))
        titles = QFontMetrics(header.font())
        for column, width in (
            (EntriesModel.TIME, 48),
            (EntriesModel.TABLE, 66),
            (EntriesModel.ROUND, 54),
            (EntriesModel.KIND, 72),
            (EntriesModel.CARDS, 110),
            (EntriesModel.WALL, 64),
        ):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            self.setColumnWidth(column, max(width, titles.horizontalAdvance(title) + 24))

    def entries_model(self) -> EntriesModel:
        model = self.model()
        assert isinstance(model, EntriesModel)
        return model

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elided.clear()
        super().changeEvent(event)

    def _elide(self, text: str, width: int, metrics: QFontMetrics) -> str:
        key = (text, width)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) >= _ELIDED_KEPT:
                self._elided.clear()
            found = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elided[key] = found
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.entries_model()
        count = model.rowCount()
        area = event.rect()
        first = self.rowAt(area.top())
        if count == 0 or first < 0:
            return  # nothing but the background, which the viewport fills
        header = self.horizontalHeader()
        columns = []
        for column in range(model.columnCount()):
            x, width = header.sectionViewportPosition(column), header.sectionSize(column)
            if not header.isSectionHidden(column) and x <= area.right() and x + width > area.left():
                columns.append((column, x, width))
        palette = self.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if not self.isEnabled()
            else QPalette.ColorGroup.Active
            if self.isActiveWindow()
            else QPalette.ColorGroup.Inactive
        )
        ink = palette.color(group, QPalette.ColorRole.Text)
        alternate = palette.color(group, QPalette.ColorRole.AlternateBase)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        highlighted_ink = palette.color(group, QPalette.ColorRole.HighlightedText)
        alternating = self.alternatingRowColors()
        metrics = self.fontMetrics()
        height = self.rowHeight(first)
        baseline = (height - metrics.height()) // 2 + metrics.ascent()
        selection = self.selectionModel()
        root = self.rootIndex()
        current = self.currentIndex()
        focus_row = current.row() if current.isValid() and self.hasFocus() else -1
        left, span = area.left(), area.width()
        y = self.rowViewportPosition(first)
        painter = QPainter(self.viewport())
        painter.setFont(self.font())
        row = first
        while row < count and y <= area.bottom():
            shown, hidden, swatch = model.shown_row(row)
            selected = selection.isRowSelected(row, root)
            if selected:
                painter.fillRect(left, y, span, height, highlight)
                painter.setPen(highlighted_ink)
            else:
                if alternating and row & 1:
                    painter.fillRect(left, y, span, height, alternate)
                painter.setPen(HIDDEN_INK if hidden else ink)
            for column, x, width in columns:
                text, room, start = shown[column], width - 2 * _PAD, x + _PAD
                if swatch and column == EntriesModel.CARDS:
                    square = QRect(start, y + (height - _SWATCH) // 2, _SWATCH, _SWATCH)
                    painter.fillRect(square, QColor(swatch))
                    start, room = start + _SWATCH + _PAD, room - _SWATCH - _PAD
                if text and room > 0:
                    painter.drawText(start, y + baseline, self._elide(text, room, metrics))
            if row == focus_row:
                self._draw_focus(painter, current.column(), y, height, selected)
            y += height
            row += 1
        painter.end()

    def _draw_focus(self, painter: QPainter, column: int, y: int, height: int, on: bool) -> None:
        # QStyle's many Python enums load when the list first has the focus, not at start
        from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect

        header = self.horizontalHeader()
        option = QStyleOptionFocusRect()
        option.initFrom(self)
        option.rect = QRect(
            header.sectionViewportPosition(column), y, header.sectionSize(column), height
        )
        option.backgroundColor = self.palette().color(
            QPalette.ColorRole.Highlight if on else QPalette.ColorRole.Base
        )
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)

    def current_theme(self) -> Theme | None:
        index = self.currentIndex()
        return self.entries_model().theme_at(index.row()) if index.isValid() else None
