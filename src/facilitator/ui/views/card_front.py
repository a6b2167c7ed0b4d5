"""A card's front on the projector, and the card slide that shows a front or a back."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from facilitator.core.deck import Card, Suit
from facilitator.core.projector_state import CardSlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text
from facilitator.ui.views.card_back import paint_card_back
from facilitator.ui.views.card_images import image_bytes
from facilitator.ui.views.card_paint import LEFT_MIDDLE, card_with_shadow, draw_image, faded, ink_on
from facilitator.ui.views.card_text import draw_wrapped, fit_stack


def paint_card_front(
    painter: QPainter,
    card_rect: QRectF,
    card: Card,
    suit: Suit,
    suit_label: str,
    report: PaintReport,
    *,
    scale_h: float,
    hero: bool = True,
) -> None:
    """One card's front in ``card_rect``; ``scale_h`` is the slide height all sizes follow."""
    h = scale_h
    radius = min(card_rect.height(), card_rect.width()) * 0.045
    fill = QColor(suit.colour)
    ink = ink_on(suit.colour)
    card_with_shadow(painter, card_rect, fill, radius)
    if not card.has_image and hero:
        _paint_rings(painter, card_rect, radius, ink)
    pad = max(h * 0.045, radius)
    inner = card_rect.adjusted(pad * 1.2, pad, -pad * 1.2, -pad)

    kicker = f"{suit_label}: {suit.name}" if suit.name else suit_label
    kicker_h = h * 0.05
    draw_text(
        painter,
        QRectF(inner.left(), inner.top(), inner.width(), kicker_h),
        kicker.upper(),
        max_px=h * 0.032,
        min_px=h * 0.02,
        colour=faded(ink, 0.82),
        bold=True,
        align=LEFT_MIDDLE,
        report=report,
    )
    body = QRectF(inner.left(), inner.top() + kicker_h + h * 0.03, inner.width(), 0)
    body.setBottom(inner.bottom())

    if (data := image_bytes(card)) is not None:
        image_w = body.width() * (0.62 if not card.front else 0.42)
        image_box = QRectF(body.right() - image_w, body.top(), image_w, body.height())
        if draw_image(painter, image_box, data):
            body.setRight(image_box.left() - h * 0.04)

    stack = fit_stack(
        card.title,
        card.front,
        body.width(),
        body.height(),
        title_px=(h * 0.115, h * 0.05),
        text_px=(h * 0.06, h * 0.03),
    )
    if not stack.fits:
        report.clipped.append(card.title[:80])
    if hero:
        report.note_cap_height(QFontMetricsF(stack.title_font).capHeight())
    top = body.top() + max(0.0, (body.height() - stack.height) / 2 - h * 0.03)
    title_box = QRectF(body.left(), top, body.width(), min(stack.title_h, body.bottom() - top))
    draw_wrapped(painter, title_box, card.title, stack.title_font, ink, stack.flags)
    if stack.text_h:
        rule_y = title_box.bottom() + stack.gap * 0.45
        painter.fillRect(
            QRectF(body.left(), rule_y, min(body.width(), h * 0.1), max(1.0, h * 0.005)),
            faded(ink, 0.55),
        )
        text_top = title_box.bottom() + stack.gap
        draw_wrapped(
            painter,
            QRectF(body.left(), text_top, body.width(), max(0.0, body.bottom() - text_top)),
            card.front,
            stack.text_font,
            ink,
            stack.flags,
        )


def _paint_rings(painter: QPainter, card_rect: QRectF, radius: float, ink: QColor) -> None:
    """Faint concentric rings from the lower right corner: the card's ornament."""
    painter.save()
    path = QPainterPath()
    path.addRoundedRect(card_rect, radius, radius)
    painter.setClipPath(path)
    pen = QPen(faded(ink, 0.06))
    pen.setWidthF(card_rect.height() * 0.04)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    corner = card_rect.bottomRight()
    for n in range(1, 4):
        r = card_rect.height() * 0.24 * n
        painter.drawEllipse(corner, r, r)
    painter.restore()


def _slide_card_rect(rect: QRectF) -> QRectF:
    m = rect.height() * 0.06
    return rect.adjusted(m * 1.4, m, -m * 1.4, -m)


def paint_card(
    painter: QPainter, rect: QRectF, slide: CardSlide, palette: Palette, report: PaintReport
) -> None:
    card_rect = _slide_card_rect(rect)
    if slide.back:
        paint_card_back(painter, card_rect, slide, palette, report, scale_h=rect.height())
    else:
        paint_card_front(
            painter,
            card_rect,
            slide.card,
            slide.suit,
            slide.suit_label,
            report,
            scale_h=rect.height(),
        )
