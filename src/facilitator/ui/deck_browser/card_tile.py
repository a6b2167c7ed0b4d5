"""A card in the browser's grid: a small tile in its suit colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from facilitator.core.deck import Card
from facilitator.core.deck_colours import text_colour_on
from facilitator.ui.views.card_images import image_bytes
from facilitator.ui.views.card_paint import card_image

if TYPE_CHECKING:
    from facilitator.ui.deck_browser.browser import DeckBrowser


CARD_ROLE = Qt.ItemDataRole.UserRole
TILE = QSize(176, 116)


class CardTileDelegate(QStyledItemDelegate):
    """Paints a card as a small tile in its suit colour: suit, title, image if any."""

    def __init__(self, browser: DeckBrowser) -> None:
        super().__init__(browser)
        self.browser = browser
        self._thumbs: dict[str, QPixmap] = {}

    def clear_cache(self) -> None:
        self._thumbs.clear()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return TILE

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = self.browser.card_at(index)
        if card is None:
            return
        suit = self.browser.suit_of(card)
        rect = QRectF(option.rect).adjusted(5, 5, -5, -5)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(rect, 8, 8)
        painter.fillPath(path, QColor(suit.colour))
        if selected:
            pen = painter.pen()
            pen.setColor(option.palette.highlight().color())
            pen.setWidthF(4)
            painter.setPen(pen)
            painter.drawPath(path)
        ink = QColor(text_colour_on(suit.colour))
        inner = rect.adjusted(10, 8, -10, -8)
        small = QFont(painter.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.78))
        small.setBold(True)
        painter.setFont(small)
        faded = QColor(ink)
        faded.setAlphaF(0.8)
        painter.setPen(faded)
        suit_h = painter.fontMetrics().height()
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), suit_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(
                suit.name.upper(), Qt.TextElideMode.ElideRight, int(inner.width())
            ),
        )
        body = inner.adjusted(0, suit_h + 4, 0, 0)
        if card.has_image:
            thumb = self._thumb(card, QSize(int(body.width() * 0.4), int(body.height())))
            if not thumb.isNull():
                target = QRectF(
                    body.right() - thumb.width(), body.top(), thumb.width(), thumb.height()
                )
                painter.drawPixmap(target.toRect(), thumb)
                body.setRight(target.left() - 6)
        title = QFont(painter.font())
        title.setPointSizeF(small.pointSizeF() / 0.78 * 1.05)
        painter.setFont(title)
        painter.setPen(ink)
        painter.setClipRect(body)
        painter.drawText(
            body,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            card.title,
        )
        painter.restore()

    def _thumb(self, card: Card, size: QSize) -> QPixmap:
        key = f"{card.id}:{size.width()}x{size.height()}"
        if key not in self._thumbs and (data := image_bytes(card)) is not None:
            image = card_image(data)
            self._thumbs[key] = (
                QPixmap()
                if image.isNull()
                else QPixmap.fromImage(
                    image.scaled(
                        size,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            )
        return self._thumbs.get(key, QPixmap())
