"""The face-down card shown before a card is drawn from the deck."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from facilitator.core.projector_state import DrawSlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text
from facilitator.ui.views.card_paint import CENTRE, card_with_shadow, faded, ink_on, rounded


def paint_draw(
    painter: QPainter, rect: QRectF, slide: DrawSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    card_h = h * 0.78
    card = QRectF(0, 0, card_h * 0.68, card_h)
    card.moveCenter(QPointF(rect.center().x(), rect.top() + h * 0.5))
    radius = card.width() * 0.06
    colour = QColor(slide.colour)
    ink = ink_on(slide.colour)
    card_with_shadow(painter, card, colour, radius)
    painter.save()
    pen = QPen(faded(ink, 0.5))
    pen.setWidthF(max(1.0, h * 0.004))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = card.width() * 0.06
    frame = card.adjusted(inset, inset, -inset, -inset)
    painter.drawRoundedRect(frame, radius * 0.6, radius * 0.6)
    # a quiet diamond lattice, like the back of a playing card, symmetric about the centre
    lattice = frame.adjusted(inset * 0.5, inset * 0.5, -inset * 0.5, -inset * 0.5)
    painter.setClipRect(lattice)
    pen.setColor(faded(ink, 0.1))
    painter.setPen(pen)
    step = lattice.width() / 5
    reach = lattice.height() + lattice.width()
    c = lattice.center()
    for k in range(-12, 13):
        x = c.x() + k * step
        painter.drawLine(QPointF(x - reach, c.y() - reach), QPointF(x + reach, c.y() + reach))
        painter.drawLine(QPointF(x - reach, c.y() + reach), QPointF(x + reach, c.y() - reach))
    painter.restore()
    disc_r = card.width() * 0.2
    centre = QPointF(card.center().x(), card.center().y() - card_h * 0.06)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(centre, disc_r * 1.25, disc_r * 1.25)
    painter.setBrush(QBrush(faded(ink, 0.95)))
    painter.drawEllipse(centre, disc_r, disc_r)
    painter.restore()
    draw_text(
        painter,
        QRectF(centre.x() - disc_r, centre.y() - disc_r, disc_r * 2, disc_r * 2),
        "?",
        max_px=disc_r * 1.4,
        min_px=8,
        colour=colour,
        bold=True,
        align=CENTRE,
        report=report,
    )
    name_box = QRectF(
        card.left() + inset * 2, centre.y() + disc_r * 1.6, card.width() - inset * 4, card_h * 0.2
    )
    rounded(painter, name_box, colour, name_box.height() * 0.12)
    draw_text(
        painter,
        name_box,
        slide.deck_name,
        max_px=h * 0.04,
        min_px=h * 0.02,
        colour=ink,
        bold=True,
        align=CENTRE,
        report=report,
    )
