"""A spread of cards (or the whole deck) as tiles in a grid, with a legend of suits."""

from __future__ import annotations

import math
from collections.abc import Sequence

from msgspec import Struct
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from facilitator.core.deck import Card, Suit
from facilitator.core.projector_state import SpreadSlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text, font
from facilitator.ui.views.card_images import image_bytes
from facilitator.ui.views.card_paint import (
    CENTRE,
    LEFT_MIDDLE,
    card_with_shadow,
    draw_image,
    faded,
    ink_on,
    rounded,
)
from facilitator.ui.views.card_text import draw_wrapped, fit_stack

MISSING_SUIT = Suit("", "", "#444444")


def _grid(
    n: int, area: QRectF, gap: float, aspects: tuple[float, float] = (0.7, 1.45)
) -> tuple[int, int, float, float]:
    """(columns, rows, tile width, tile height) for the largest tiles whose shape (w/h)
    stays within ``aspects``: portrait for a few cards, landscape for many."""
    best = (n, 1, 0.0, 0.0)
    for rows in range(1, n + 1):
        cols = math.ceil(n / rows)
        w = (area.width() - gap * (cols - 1)) / cols
        hh = (area.height() - gap * (rows - 1)) / rows
        w = min(w, hh * aspects[1])
        hh = min(hh, w / aspects[0])
        if w * hh > best[2] * best[3]:
            best = (cols, rows, w, hh)
    return best


class _TileType(Struct, frozen=True):
    """Type sizes shared by every tile of a spread, so the tiles read as one set."""

    title_px: tuple[float, float]
    text_px: tuple[float, float]
    show_front: bool


def _tile_body(tile: QRectF, card: Card, suit: Suit, h: float) -> tuple[QRectF, float, float]:
    """(text body, kicker px, kicker height) of a tile, before any image."""
    pad = min(tile.width(), tile.height()) * 0.08
    inner = tile.adjusted(pad, pad, -pad, -pad)
    kicker_px = max(h * 0.016, min(h * 0.024, inner.height() * 0.07))
    kicker_h = kicker_px * 1.5 if suit.name else 0.0
    body = inner.adjusted(0, kicker_h + pad * 0.4, 0, 0)
    if card.has_image and not card.front:
        body.setTop(body.top() + body.height() * 0.62 + pad * 0.4)
    return body, kicker_px, kicker_h


def _tile_type(
    tiles: Sequence[tuple[QRectF, Card, Suit]], h: float, report: PaintReport
) -> _TileType:
    """The largest title and text sizes at which every tile fits; descriptions only when
    all of them can be read."""
    title_max = (h * 0.065, h * 0.024)
    text_range = (h * 0.04, h * 0.025)
    bodies = [(_tile_body(t, c, s, h)[0], c) for t, c, s in tiles]
    show_front = any(c.front for _, c in bodies) and all(
        fit_stack(
            c.title,
            c.front,
            b.width(),
            b.height(),
            title_px=(min(title_max[0], b.height() * 0.3), title_max[1]),
            text_px=text_range,
            gap_ratio=0.6,
        ).fits
        for b, c in bodies
    )
    stacks = [
        fit_stack(
            c.title,
            c.front if show_front else "",
            b.width(),
            b.height(),
            title_px=(min(title_max[0], b.height() * 0.3), title_max[1]),
            text_px=text_range if show_front else (0, 0),
            gap_ratio=0.6,
        )
        for b, c in bodies
    ]
    for stack, (_, card) in zip(stacks, bodies, strict=True):
        if not stack.fits:
            report.clipped.append(card.title[:80])
    title_px = min(st.title_font.pixelSize() for st in stacks)
    text_px = min((st.text_font.pixelSize() for st in stacks if st.text_h), default=0)
    return _TileType((title_px, title_px), (text_px, text_px), show_front)


def paint_tile(
    painter: QPainter, tile: QRectF, card: Card, suit: Suit, h: float, kind: _TileType
) -> None:
    """A small card face: suit, title, and the description when there is room to read it."""
    radius = min(tile.width(), tile.height()) * 0.06
    ink = ink_on(suit.colour)
    card_with_shadow(painter, tile, QColor(suit.colour), radius)
    body, kicker_px, kicker_h = _tile_body(tile, card, suit, h)
    pad = min(tile.width(), tile.height()) * 0.08
    if suit.name:
        draw_text(
            painter,
            QRectF(body.left(), tile.top() + pad, body.width(), kicker_h),
            suit.name.upper(),
            max_px=kicker_px,
            min_px=h * 0.014,
            colour=faded(ink, 0.8),
            bold=True,
            align=LEFT_MIDDLE,
        )
    if card.has_image and not card.front:
        top = tile.top() + pad + kicker_h + pad * 0.4
        image_box = QRectF(body.left(), top, body.width(), body.top() - pad * 0.4 - top)
        data = image_bytes(card)
        if data is None or not draw_image(painter, image_box, data):
            body.setTop(top)
    stack = fit_stack(
        card.title,
        card.front if kind.show_front else "",
        body.width(),
        body.height(),
        title_px=kind.title_px,
        text_px=kind.text_px,
        gap_ratio=0.6,
    )
    title_box = QRectF(body.left(), body.top(), body.width(), min(stack.title_h, body.height()))
    draw_wrapped(painter, title_box, card.title, stack.title_font, ink, stack.flags)
    if stack.text_h:
        top = title_box.bottom() + stack.gap
        draw_wrapped(
            painter,
            QRectF(body.left(), top, body.width(), max(0.0, body.bottom() - top)),
            card.front,
            stack.text_font,
            faded(ink, 0.9),
            stack.flags,
        )


def paint_spread(
    painter: QPainter, rect: QRectF, slide: SpreadSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    m = h * 0.055
    area = rect.adjusted(m * 1.3, m, -m * 1.3, -m)
    header_h = h * 0.09
    suits = {s.id: s for s in slide.suits}
    used = [s for s in slide.suits if any(c.suit == s.id for c in slide.cards)]
    legend_w = area.width() * 0.45 if len(used) > 1 else 0.0
    draw_text(
        painter,
        QRectF(area.left(), area.top(), area.width() - legend_w, header_h),
        slide.title,
        max_px=h * 0.06,
        min_px=h * 0.032,
        colour=palette.text,
        bold=True,
        align=LEFT_MIDDLE,
        report=report,
        hero=True,
    )
    if legend_w:
        _paint_legend(
            painter,
            QRectF(area.right() - legend_w, area.top(), legend_w, header_h),
            used,
            palette,
            h,
        )
    grid_area = area.adjusted(0, header_h + h * 0.035, 0, 0)
    if not slide.cards:
        draw_text(
            painter,
            grid_area,
            "No cards to show.",
            max_px=h * 0.05,
            min_px=h * 0.03,
            colour=palette.muted,
            align=CENTRE,
            report=report,
        )
        return
    gap = h * 0.025
    cols, rows, tw, th = _grid(len(slide.cards), grid_area, gap)
    total_w = cols * tw + (cols - 1) * gap
    total_h = rows * th + (rows - 1) * gap
    left = grid_area.left() + (grid_area.width() - total_w) / 2
    top = grid_area.top() + (grid_area.height() - total_h) / 2
    tiles = []
    for index, card in enumerate(slide.cards):
        r, c = divmod(index, cols)
        in_row = min(cols, len(slide.cards) - r * cols)
        row_left = left + (cols - in_row) * (tw + gap) / 2  # centre a short last row
        tile = QRectF(row_left + c * (tw + gap), top + r * (th + gap), tw, th)
        tiles.append((tile, card, suits.get(card.suit, MISSING_SUIT)))
    kind = _tile_type(tiles, h, report)
    for tile, card, suit in tiles:
        paint_tile(painter, tile, card, suit, h, kind)


def _paint_legend(
    painter: QPainter, box: QRectF, suits: Sequence[Suit], palette: Palette, h: float
) -> None:
    """Suit chips, right-aligned, so colours can be read without relying on hue alone."""
    px = h * 0.026
    f = font(px, bold=True)
    metrics = QFontMetricsF(f)
    chip_h = px * 1.9
    widths = [metrics.horizontalAdvance(s.name) + chip_h * 0.9 for s in suits]
    gap = px * 0.6
    while sum(widths) + gap * (len(widths) - 1) > box.width() and px > h * 0.016:
        px *= 0.92
        f = font(px, bold=True)
        metrics = QFontMetricsF(f)
        chip_h = px * 1.9
        widths = [metrics.horizontalAdvance(s.name) + chip_h * 0.9 for s in suits]
    x = box.right() - (sum(widths) + gap * (len(widths) - 1))
    y = box.center().y() - chip_h / 2
    painter.save()
    painter.setClipRect(box)
    painter.setFont(f)
    for suit, w in zip(suits, widths, strict=True):
        chip = QRectF(x, y, w, chip_h)
        rounded(painter, chip, QColor(suit.colour), chip_h / 2)
        painter.setPen(ink_on(suit.colour))
        painter.drawText(chip, int(CENTRE), suit.name)
        x += w + gap
    painter.restore()
