"""Cards on the projector: a card's front and back, a face-down draw, a spread of cards,
and the tally of the cards that struck a chord.

Every size is a fraction of the slide's height, so a card reads the same at 1280x720 and
at 3840x2160; text wraps, then shrinks to fit, and what cannot fit even at the smallest
size is cut at its box and reported.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from msgspec import Struct
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

from facilitator.core.deck import Card, Suit
from facilitator.core.deck_colours import contrast_ratio, text_colour_on
from facilitator.core.projector_state import CardSlide, DrawSlide, SpreadSlide, TallySlide
from facilitator.ui.views import painter_for
from facilitator.ui.views.base import PaintReport, Palette, draw_text, font
from facilitator.ui.views.card_images import image_bytes

LEFT_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
WRAP = int(Qt.TextFlag.TextWordWrap)

CARD_BACK = QColor("#fbf9f4")  # the back of a card is paper, whatever the look
CARD_BACK_INK = QColor("#1d2129")
CARD_BACK_MUTED = QColor("#5b6270")
MISSING_SUIT = Suit("", "", "#444444")
MAX_TALLY_BARS = 15


# -- small painting helpers --------------------------------------------------------------


@lru_cache(maxsize=32)
def card_image(data: bytes) -> QImage:
    """The decoded image of a card (cached: a slide repaints often, the bytes never change)."""
    return QImage.fromData(data)


def _ink(colour: str) -> QColor:
    return QColor(text_colour_on(colour))


def _faded(colour: QColor, alpha: float) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(alpha)
    return faded


def _is_contrast_look(palette: Palette) -> bool:
    return palette.background == QColor("#000000") and palette.panel == palette.background


def _rounded(painter: QPainter, rect: QRectF, fill: QColor, radius: float) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(fill))
    painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def _card_with_shadow(painter: QPainter, rect: QRectF, fill: QColor, radius: float) -> None:
    offset = radius * 0.25
    _rounded(painter, rect.translated(0, offset), QColor(0, 0, 0, 70), radius)
    _rounded(painter, rect, fill, radius)


def _size_of(text: str, width: float, f: QFont, flags: int = WRAP) -> tuple[float, float]:
    """(width, height) of ``text`` wrapped at ``width``; a word longer than the line
    makes the width exceed it, unless ``flags`` wraps anywhere."""
    if not text:
        return 0.0, 0.0
    bound = QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 1e7), flags, text)
    return bound.width(), bound.height()


def _height_of(text: str, width: float, f: QFont, flags: int = WRAP) -> float:
    return _size_of(text, width, f, flags)[1]


def _draw_wrapped(
    painter: QPainter,
    rect: QRectF,
    text: str,
    f: QFont,
    colour: QColor,
    flags: int = WRAP,
) -> None:
    painter.save()
    painter.setClipRect(rect)
    painter.setFont(f)
    painter.setPen(colour)
    painter.drawText(rect, flags | int(LEFT_TOP), text)
    painter.restore()


def _draw_image(painter: QPainter, box: QRectF, data: bytes) -> bool:
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


class _Stack(Struct, frozen=True):
    """Title over description, both sized by one scale so they shrink together."""

    title_font: QFont
    text_font: QFont
    title_h: float
    text_h: float
    gap: float
    fits: bool
    flags: int = WRAP  # wraps anywhere when a word is too long even at the smallest size

    @property
    def height(self) -> float:
        return self.title_h + (self.gap + self.text_h if self.text_h else 0.0)


def _fit_stack(
    title: str,
    text: str,
    width: float,
    height: float,
    *,
    title_px: tuple[float, float],
    text_px: tuple[float, float],
    gap_ratio: float = 0.9,
) -> _Stack:
    """The largest sizes (between max and min) at which title and text fit one above the
    other in ``width`` x ``height``."""
    scale = 1.0
    while True:
        tf = font(max(title_px[1], title_px[0] * scale), bold=True)
        xf = font(max(text_px[1], text_px[0] * scale))
        tw, th = _size_of(title, width, tf)
        xw, xh = _size_of(text, width, xf)
        gap = xf.pixelSize() * gap_ratio
        at_min = title_px[0] * scale <= title_px[1] and text_px[0] * scale <= text_px[1]
        total = th + (gap + xh if xh else 0.0)
        wide = max(tw, xw) > width + 0.5
        if (total <= height + 0.5 and not wide) or at_min:
            if not wide:
                return _Stack(tf, xf, th, xh, gap, total <= height + 0.5)
            anywhere = int(Qt.TextFlag.TextWrapAnywhere)
            th = _height_of(title, width, tf, anywhere)
            xh = _height_of(text, width, xf, anywhere)
            total = th + (gap + xh if xh else 0.0)
            return _Stack(tf, xf, th, xh, gap, total <= height + 0.5, anywhere)
        scale *= 0.93


# -- front -------------------------------------------------------------------------------


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
    ink = _ink(suit.colour)
    _card_with_shadow(painter, card_rect, fill, radius)
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
        colour=_faded(ink, 0.82),
        bold=True,
        align=LEFT_MIDDLE,
        report=report,
    )
    body = QRectF(inner.left(), inner.top() + kicker_h + h * 0.03, inner.width(), 0)
    body.setBottom(inner.bottom())

    if (data := image_bytes(card)) is not None:
        image_w = body.width() * (0.62 if not card.front else 0.42)
        image_box = QRectF(body.right() - image_w, body.top(), image_w, body.height())
        if _draw_image(painter, image_box, data):
            body.setRight(image_box.left() - h * 0.04)

    stack = _fit_stack(
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
    _draw_wrapped(painter, title_box, card.title, stack.title_font, ink, stack.flags)
    if stack.text_h:
        rule_y = title_box.bottom() + stack.gap * 0.45
        painter.fillRect(
            QRectF(body.left(), rule_y, min(body.width(), h * 0.1), max(1.0, h * 0.005)),
            _faded(ink, 0.55),
        )
        text_top = title_box.bottom() + stack.gap
        _draw_wrapped(
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
    pen = QPen(_faded(ink, 0.06))
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


@painter_for(CardSlide)
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


# -- back --------------------------------------------------------------------------------


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
        w, lh = _size_of(level.upper(), width, heading_f, flags)
        if w > width + 0.5:
            return math.inf
        height = lh + px * 0.9
    for n, question in enumerate(questions):
        w, qh = _size_of(question, width - bullet_w, text_f, flags)
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
        heading_h = _height_of(level.upper(), box.width(), heading_f, flags)
        heading = QRectF(box.left(), y, box.width(), heading_h)
        _draw_wrapped(painter, heading, level.upper(), heading_f, accent, flags)
        y += heading_h + px * 0.3
        painter.fillRect(QRectF(box.left(), y, box.width(), max(1.0, px * 0.08)), accent)
        y += px * 0.6
    metrics = QFontMetricsF(text_f)
    dot = px * 0.22
    for n, question in enumerate(questions):
        if n:
            y += px * 0.75
        qh = _height_of(question, box.width() - bullet_w, text_f, flags)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(accent))
        cap_mid = y + metrics.ascent() - metrics.capHeight() / 2
        painter.drawEllipse(QPointF(box.left() + dot, cap_mid), dot, dot)
        text_box = QRectF(box.left() + bullet_w, y, box.width() - bullet_w, qh)
        _draw_wrapped(painter, text_box, question, text_f, ink, flags)
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
    contrast_look = _is_contrast_look(palette)
    paper = palette.background if contrast_look else CARD_BACK
    ink = palette.text if contrast_look else CARD_BACK_INK
    suit_colour = QColor(suit.colour)
    accent = (
        suit_colour
        if not contrast_look and contrast_ratio(suit.colour, CARD_BACK.name()) >= 4.5
        else ink
    )
    _card_with_shadow(painter, card_rect, paper, radius)
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
    _rounded(painter, card_rect, suit_colour, radius)
    painter.restore()
    pad = h * 0.05
    band_ink = _ink(suit.colour)
    kicker = f"{slide.suit_label}: {suit.name}".upper() if suit.name else slide.suit_label.upper()
    kicker_w = band.width() * 0.3
    draw_text(
        painter,
        QRectF(band.right() - pad * 1.2 - kicker_w, band.top(), kicker_w, band_h),
        kicker,
        max_px=h * 0.03,
        min_px=h * 0.018,
        colour=_faded(band_ink, 0.85),
        bold=True,
        align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        report=report,
    )
    title_area = QRectF(
        band.left() + pad * 1.2, band.top(), band.width() - kicker_w - pad * 3.4, band_h
    )
    title = _fit_stack(
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
    _draw_wrapped(painter, title_box, card.title, title.title_font, band_ink, title.flags)

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


# -- face-down draw ----------------------------------------------------------------------


@painter_for(DrawSlide)
def paint_draw(
    painter: QPainter, rect: QRectF, slide: DrawSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    card_h = h * 0.78
    card = QRectF(0, 0, card_h * 0.68, card_h)
    card.moveCenter(QPointF(rect.center().x(), rect.top() + h * 0.5))
    radius = card.width() * 0.06
    colour = QColor(slide.colour)
    ink = _ink(slide.colour)
    _card_with_shadow(painter, card, colour, radius)
    painter.save()
    pen = QPen(_faded(ink, 0.5))
    pen.setWidthF(max(1.0, h * 0.004))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = card.width() * 0.06
    frame = card.adjusted(inset, inset, -inset, -inset)
    painter.drawRoundedRect(frame, radius * 0.6, radius * 0.6)
    # a quiet diamond lattice, like the back of a playing card, symmetric about the centre
    lattice = frame.adjusted(inset * 0.5, inset * 0.5, -inset * 0.5, -inset * 0.5)
    painter.setClipRect(lattice)
    pen.setColor(_faded(ink, 0.1))
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
    painter.setBrush(QBrush(_faded(ink, 0.95)))
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
    _rounded(painter, name_box, colour, name_box.height() * 0.12)
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


# -- spread and whole deck ---------------------------------------------------------------


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
        _fit_stack(
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
        _fit_stack(
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
    ink = _ink(suit.colour)
    _card_with_shadow(painter, tile, QColor(suit.colour), radius)
    body, kicker_px, kicker_h = _tile_body(tile, card, suit, h)
    pad = min(tile.width(), tile.height()) * 0.08
    if suit.name:
        draw_text(
            painter,
            QRectF(body.left(), tile.top() + pad, body.width(), kicker_h),
            suit.name.upper(),
            max_px=kicker_px,
            min_px=h * 0.014,
            colour=_faded(ink, 0.8),
            bold=True,
            align=LEFT_MIDDLE,
        )
    if card.has_image and not card.front:
        top = tile.top() + pad + kicker_h + pad * 0.4
        image_box = QRectF(body.left(), top, body.width(), body.top() - pad * 0.4 - top)
        data = image_bytes(card)
        if data is None or not _draw_image(painter, image_box, data):
            body.setTop(top)
    stack = _fit_stack(
        card.title,
        card.front if kind.show_front else "",
        body.width(),
        body.height(),
        title_px=kind.title_px,
        text_px=kind.text_px,
        gap_ratio=0.6,
    )
    title_box = QRectF(body.left(), body.top(), body.width(), min(stack.title_h, body.height()))
    _draw_wrapped(painter, title_box, card.title, stack.title_font, ink, stack.flags)
    if stack.text_h:
        top = title_box.bottom() + stack.gap
        _draw_wrapped(
            painter,
            QRectF(body.left(), top, body.width(), max(0.0, body.bottom() - top)),
            card.front,
            stack.text_font,
            _faded(ink, 0.9),
            stack.flags,
        )


@painter_for(SpreadSlide)
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
        _rounded(painter, chip, QColor(suit.colour), chip_h / 2)
        painter.setPen(_ink(suit.colour))
        painter.drawText(chip, int(CENTRE), suit.name)
        x += w + gap
    painter.restore()


# -- tally -------------------------------------------------------------------------------


@painter_for(TallySlide)
def paint_tally(
    painter: QPainter, rect: QRectF, slide: TallySlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    m = h * 0.06
    area = rect.adjusted(m * 1.4, m, -m * 1.4, -m)
    header_h = h * 0.11
    draw_text(
        painter,
        QRectF(area.left(), area.top(), area.width(), header_h),
        slide.title,
        max_px=h * 0.07,
        min_px=h * 0.035,
        colour=palette.text,
        bold=True,
        align=LEFT_MIDDLE,
        report=report,
        hero=True,
    )
    chart = area.adjusted(0, header_h + h * 0.04, 0, 0)
    bars = sorted((b for b in slide.bars if b.count > 0), key=lambda b: -b.count)
    if not bars:
        draw_text(
            painter,
            chart,
            "No picks yet.",
            max_px=h * 0.06,
            min_px=h * 0.03,
            colour=palette.muted,
            align=CENTRE,
            report=report,
        )
        return
    hidden = bars[MAX_TALLY_BARS:]
    bars = bars[:MAX_TALLY_BARS]
    note_h = h * 0.05 if hidden else 0.0
    chart.setBottom(chart.bottom() - note_h)
    row_h = min(chart.height() / len(bars), h * 0.1)
    label_w = chart.width() * 0.36
    count_w = h * 0.09
    bar_left = chart.left() + label_w + h * 0.025
    bar_max = chart.right() - count_w - bar_left
    top = chart.top()
    most = bars[0].count
    label_px = min(h * 0.042, row_h * 0.5)
    for n, bar in enumerate(bars):
        y = top + n * row_h
        draw_text(
            painter,
            QRectF(chart.left(), y, label_w, row_h),
            bar.label,
            max_px=label_px,
            min_px=min(label_px, h * 0.02),
            colour=palette.text,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            report=report,
        )
        length = max(h * 0.01, bar_max * bar.count / most)
        bar_rect = QRectF(bar_left, y + row_h * 0.14, length, row_h * 0.72)
        radius = min(bar_rect.height() * 0.18, h * 0.01)
        _rounded(painter, bar_rect, QColor(bar.colour), radius)
        if contrast_ratio(bar.colour, palette.background.name()) < 3:
            # a dark suit on the dark look: a light edge keeps the bar visible at the back
            painter.save()
            painter.setPen(QPen(palette.muted, max(1.0, h * 0.002)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bar_rect, radius, radius)
            painter.restore()
        draw_text(
            painter,
            QRectF(bar_rect.right() + h * 0.015, y, count_w, row_h),
            str(bar.count),
            max_px=label_px * 1.1,
            min_px=min(label_px, h * 0.02),
            colour=palette.text,
            bold=True,
            align=LEFT_MIDDLE,
            report=report,
        )
    if hidden:
        picks = sum(b.count for b in hidden)
        draw_text(
            painter,
            QRectF(chart.left(), chart.bottom(), chart.width(), note_h),
            f"and {len(hidden)} more cards with {picks} picks between them",
            max_px=h * 0.03,
            min_px=h * 0.02,
            colour=palette.muted,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            report=report,
        )
