"""List items of a launcher: a bold title over a line or two of detail, the last muted
(the start page's recent events, the new-event dialog's plans). Each item holds its lines
in LINES_ROLE; its text stays the title, and its accessible text says every line."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

LINES_ROLE = Qt.ItemDataRole.UserRole + 2


def lines_item(lines: tuple[str, ...]) -> QListWidgetItem:
    """An item showing ``lines``: the first is the title (and the item's text)."""
    item = QListWidgetItem(lines[0])
    item.setData(LINES_ROLE, lines)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(line for line in lines if line))
    return item


class LinesDelegate(QStyledItemDelegate):
    """Draws an item's lines: its title larger and bold, the last line muted."""

    def __init__(self, lines: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines = lines

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, int(line * (self.lines + 0.6)) + 16)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        lines: tuple[str, ...] = index.data(LINES_ROLE) or (str(index.data()),)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        ink = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = ink if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        rect: QRect = option.rect.adjusted(12, 8, -12, -8)
        base = QFont(option.font)
        big = QFont(base)
        big.setPointSizeF(base.pointSizeF() * 1.15)
        big.setBold(True)
        line = option.fontMetrics.height()
        painter.save()
        y = rect.top()
        for number, text in enumerate(lines):
            first, last = number == 0, number == len(lines) - 1 and number > 0
            height = int(line * 1.3) if first else line
            painter.setFont(big if first else base)
            painter.setPen(muted if last and len(lines) > 2 else ink)
            box = QRect(rect.left(), y, rect.width(), height)
            elided = painter.fontMetrics().elidedText(
                text,
                Qt.TextElideMode.ElideMiddle if last else Qt.TextElideMode.ElideRight,
                rect.width(),
            )
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
            )
            y += height + 2
        painter.restore()
