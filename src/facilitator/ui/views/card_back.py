"""A card's back on the projector: its questions in columns, one per level."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen

from facilitator.core.deck import Card
from facilitator.core.deck_colours import contrast_ratio
from facilitator.core.projector_state import CardSlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text, font
from facilitator.ui.views.card_paint import (
    CENTRE,
    card_with_shadow,
    faded,
    ink_on,
    is_contrast_look,
    rounded,
)
from facilitator.ui.views.card_text import WRAP, draw_wrapped, fit_stack, height_of, size_of

CARD_BACK = QColor("#fbf9f4")  # the back of a card is paper, whatever the look
CARD_BACK_INK = QColor("#1d2129")
CARD_BACK_MUTED = QColor("#5b6270")


def _question_groups(card: Card) -> list[tuple[str, tuple[str, ...]]]:
    return [(level, qs) for level, qs in card.questions if qs]


def _columns_for(groups: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, list[str]]]:
    """Side-by-side columns: one per level; a long list without levels splits in two."""
    if len(groups) == 1 and not groups[0][0] and len(groups[0][1]) > 4:
        qs = list(groups[0][1])
        half = math.ceil(len(qs) / 2)
        return [("", qs[:half]), ("", qs[half:])]
    return [(level, list(qs)) for level, qs in groups]


def _column_height(
    level: str, questions: Sequence[str], width: float, px: float, flags: int = WRAP
) -> float:
    """The column's height, or infinity when a word is wider than the column."""
    heading_f, text_f = font(px * 0.82, bold=True), font(px)
    bullet_w = px * 1.0
    height = 0.0
    if level:
        w, lh = size_of(level.upper(), width, heading_f, flags)
        if w > width + 0.5:
            return math.inf
        height = lh + px * 0.9
    for n, question in enumerate(questions):
        w, qh = size_of(question, width - bullet_w, text_f, flags)
        if w > width - bullet_w + 0.5:
            return math.inf
        height += qh + (px * 0.75 if n else 0.0)
    return height


def _paint_column(
    painter: QPainter,
    box: QRectF,
    level: str,
    questions: Sequence[str],
    px: float,
    colours: tuple[QColor, QColor],
    flags: int,
) -> None:
    ink, accent = colours
    heading_f, text_f = font(px * 0.82, bold=True), font(px)
    bullet_w = px * 1.0
    painter.save()
    painter.setClipRect(box)
    y = box.top()
    if level:
        heading_h = height_of(level.upper(), box.width(), heading_f, flags)
        heading = QRectF(box.left(), y, box.width(), heading_h)
        draw_wrapped(painter, heading, level.upper(), heading_f, accent, flags)
        y += heading_h + px * 0.3
        painter.fillRect(QRectF(box.left(), y, box.width(), max(1.0, px * 0.08)), accent)
        y += px * 0.6
    metrics = QFontMetricsF(text_f)
    dot = px * 0.22
    for n, question in enumerate(questions):
        if n:
            y += px * 0.75
        qh = height_of(question, box.width() - bullet_w, text_f, flags)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(accent))
        cap_mid = y + metrics.ascent() - metrics.capHeight() / 2
        painter.drawEllipse(QPointF(box.left() + dot, cap_mid), dot, dot)
        text_box = QRectF(box.left() + bullet_w, y, box.width() - bullet_w, qh)
        draw_wrapped(painter, text_box, question, text_f, ink, flags)
        y += qh
    painter.restore()


def paint_card_back(
    painter: QPainter,
    card_rect: QRectF,
    slide: CardSlide,
    palette: Palette,
    report: PaintReport,
    *,
    scale_h: float,
) -> None:
    h = scale_h
    card, suit = slide.card, slide.suit
    radius = card_rect.height() * 0.045
    contrast_look = is_contrast_look(palette)
    paper = palette.background if contrast_look else CARD_BACK
    ink = palette.text if contrast_look else CARD_BACK_INK
    suit_colour = QColor(suit.colour)
    accent = (
        suit_colour
        if not contrast_look and contrast_ratio(suit.colour, CARD_BACK.name()) >= 4.5
        else ink
    )
    card_with_shadow(painter, card_rect, paper, radius)
    if contrast_look:
        painter.save()
        pen = QPen(palette.text)
        pen.setWidthF(max(1.0, h * 0.004))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(card_rect, radius, radius)
        painter.restore()

    # Header band in the suit colour: which card this is the back of.
    band_h = h * 0.15
    band = QRectF(card_rect.left(), card_rect.top(), card_rect.width(), band_h)
    painter.save()
    painter.setClipRect(band)
    rounded(painter, card_rect, suit_colour, radius)
    painter.restore()
    pad = h * 0.05
    band_ink = ink_on(suit.colour)
    kicker = f"{slide.suit_label}: {suit.name}".upper() if suit.name else slide.suit_label.upper()
    kicker_w = band.width() * 0.3
    draw_text(
        painter,
        QRectF(band.right() - pad * 1.2 - kicker_w, band.top(), kicker_w, band_h),
        kicker,
        max_px=h * 0.03,
        min_px=h * 0.018,
        colour=faded(band_ink, 0.85),
        bold=True,
        align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        report=report,
    )
    title_area = QRectF(
        band.left() + pad * 1.2, band.top(), band.width() - kicker_w - pad * 3.4, band_h
    )
    title = fit_stack(
        card.title,
        "",
        title_area.width(),
        title_area.height() * 0.92,
        title_px=(h * 0.07, h * 0.03),
        text_px=(0, 0),
    )
    if not title.fits:
        report.clipped.append(card.title[:80])
    title_box = QRectF(title_area.left(), 0, title_area.width(), min(title.title_h, band_h))
    title_box.moveCenter(QPointF(title_box.center().x(), band.center().y()))
    draw_wrapped(painter, title_box, card.title, title.title_font, band_ink, title.flags)

    body = QRectF(
        card_rect.left() + pad * 1.2,
        band.bottom() + pad * 0.8,
        card_rect.width() - pad * 2.4,
        card_rect.bottom() - band.bottom() - pad * 1.6,
    )
    columns = _columns_for(_question_groups(card))
    if not columns:
        draw_text(
            painter,
            body,
            "No questions on the back of this card.",
            max_px=h * 0.045,
            min_px=h * 0.03,
            colour=CARD_BACK_MUTED if not contrast_look else ink,
            align=CENTRE,
            report=report,
        )
        return
    per_row = min(3, len(columns))
    rows = math.ceil(len(columns) / per_row)
    gutter = h * 0.05
    col_w = (body.width() - gutter * (per_row - 1)) / per_row
    row_h = (body.height() - gutter * (rows - 1)) / rows
    px, min_px = h * 0.05, h * 0.024
    flags = WRAP

    def too_tall() -> bool:
        return any(_column_height(lv, qs, col_w, px, flags) > row_h for lv, qs in columns)

    while px > min_px and too_tall():
        px = max(min_px, px * 0.94)
    if too_tall():
        flags = int(Qt.TextFlag.TextWrapAnywhere)  # a word longer than a column
        if too_tall():
            report.clipped.append(f"back of {card.title}"[:80])
    report.note_cap_height(QFontMetricsF(font(px)).capHeight())
    for index, (level, questions) in enumerate(columns):
        r, c = divmod(index, per_row)
        box = QRectF(
            body.left() + c * (col_w + gutter), body.top() + r * (row_h + gutter), col_w, row_h
        )
        _paint_column(painter, box, level, questions, px, (ink, accent), flags)
