"""Shapes, colours and images shared by every card view, so all cards look alike."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter

from facilitator.core.deck_colours import text_colour_on
from facilitator.ui.views.base import PaintReport, Palette, draw_text

LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


@lru_cache(maxsize=32)
def card_image(data: bytes) -> QImage:
    """The decoded image of a card (cached: a slide repaints often, the bytes never change)."""
    return QImage.fromData(data)


def ink_on(colour: str) -> QColor:
    return QColor(text_colour_on(colour))


def faded(colour: QColor, alpha: float) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(alpha)
    return faded


def is_contrast_look(palette: Palette) -> bool:
    return palette.background == QColor("#000000") and palette.panel == palette.background


def rounded(painter: QPainter, rect: QRectF, fill: QColor, radius: float) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(fill))
    painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def card_with_shadow(painter: QPainter, rect: QRectF, fill: QColor, radius: float) -> None:
    offset = radius * 0.25
    rounded(painter, rect.translated(0, offset), QColor(0, 0, 0, 70), radius)
    rounded(painter, rect, fill, radius)


def draw_image(painter: QPainter, box: QRectF, data: bytes) -> bool:
    image = card_image(data)
    if image.isNull() or box.width() < 2 or box.height() < 2:
        return False
    scaled = image.size().scaled(box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(0, 0, scaled.width(), scaled.height())
    target.moveCenter(box.center())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
    painter.restore()
    return True


def chart_title(
    painter: QPainter, rect: QRectF, title: str, palette: Palette, report: PaintReport
) -> QRectF:
    """A chart slide's title along its top (the tally, the dot vote); returns the area
    under it, inside the slide's margins."""
    h = rect.height()
    m = h * 0.06
    area = rect.adjusted(m * 1.4, m, -m * 1.4, -m)
    header_h = h * 0.11
    draw_text(
        painter,
        QRectF(area.left(), area.top(), area.width(), header_h),
        title,
        max_px=h * 0.07,
        min_px=h * 0.035,
        colour=palette.text,
        bold=True,
        align=LEFT_MIDDLE,
        report=report,
        hero=True,
    )
    return area.adjusted(0, header_h, 0, 0)
