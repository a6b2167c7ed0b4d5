"""Welcome, holding and message slides.

Each is a block of lines laid out from the middle of the screen: the block is measured
first (every line at the largest size that fits), then drawn centred, so a short title
sits in the middle and a long one still fits. Sizes are fractions of the screen height.
"""

from __future__ import annotations

import math
from functools import lru_cache

from msgspec import Struct
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from facilitator.core.projector_state import HoldingSlide, MessageSlide, WelcomeSlide
from facilitator.ui.views.base import PaintReport, Palette, fit_font, font

WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignHCenter)


def _area(rect: QRectF) -> QRectF:
    """The safe area: projectors crop edges, and the back row sees the middle best."""
    m = rect.height() * 0.07
    return rect.adjusted(m * 1.4, m, -m * 1.4, -m)


class Line(Struct):
    """One line (or wrapped paragraph) of a centred block."""

    text: str
    max_px: float
    min_px: float
    colour: QColor
    bold: bool = False
    hero: bool = False
    share: float = 1.0  # of the block's height this line may take at most
    gap_before: float = 0.0  # px
    spaced: bool = False  # letter-spaced small capitals (an eyebrow)


def _line_font(line: Line, area: QRectF) -> tuple[QFont, float, bool]:
    box = QRectF(0, 0, area.width(), area.height() * line.share)
    f, fits = fit_font(line.text, box, max_px=line.max_px, min_px=line.min_px, bold=line.bold)
    if line.spaced:
        f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 118)
        f.setCapitalization(QFont.Capitalization.AllUppercase)
    height = QFontMetricsF(f).boundingRect(box, WRAP, line.text).height()
    return f, min(height, box.height()), fits


def balanced_width(text: str, f: QFont, width: float) -> float:
    """The narrowest width that wraps ``text`` into as few lines as ``width`` does, so a
    title breaks into even lines instead of a long line and a lonely last word."""
    return _balanced_width(text, f.pixelSize(), f.bold(), round(width, 1))


@lru_cache(maxsize=512)
def _balanced_width(text: str, px: int, bold: bool, width: float) -> float:
    metrics = QFontMetricsF(font(px, bold=bold))
    line_height = metrics.lineSpacing()

    def lines_at(w: float) -> float:
        """Lines the text takes at width ``w``; infinite if a word sticks out."""
        bound = metrics.boundingRect(QRectF(0, 0, w, 1e6), WRAP, text)
        return math.inf if bound.width() > w + 0.5 else round(bound.height() / line_height)

    wanted = lines_at(width)
    if wanted <= 1 or wanted == math.inf:
        return width
    low, high = width / wanted * 0.9, width
    for _ in range(12):
        mid = (low + high) / 2
        if lines_at(mid) > wanted:
            low = mid
        else:
            high = mid
    return min(width, high + 1)


def paint_block(
    painter: QPainter,
    area: QRectF,
    lines: list[Line],
    report: PaintReport,
    *,
    rule: QColor | None = None,
    rule_after: int = 0,
    top: float | None = None,
) -> QRectF:
    """Measure ``lines`` at their largest fitting sizes, then draw them centred in ``area``
    (or from ``top``), with an accent rule after line ``rule_after``. Returns the block."""
    h = area.height()
    rule_h = max(2.0, h * 0.012) if rule is not None else 0.0
    rule_gap = h * 0.05 if rule is not None else 0.0
    measured = []
    for line in lines:
        if line.text:
            measured.append((line, *_line_font(line, area)))
    total = sum(height + line.gap_before for line, _f, height, _fits in measured)
    total += rule_gap * 2 + rule_h if rule is not None and measured else 0.0
    if total > area.height():  # shrink everything in proportion, never past the area
        scale = area.height() / total
        for line in lines:
            line.max_px = max(line.min_px, line.max_px * scale)
            line.gap_before *= scale
        measured = [(line, *_line_font(line, area)) for line in lines if line.text]
        total = min(area.height(), sum(m[2] + m[0].gap_before for m in measured))
        total += rule_gap * 2 + rule_h if rule is not None else 0.0
    y = area.top() + max(0.0, (area.height() - total) / 2) if top is None else top
    start = y
    for index, (line, f, height, fits) in enumerate(measured):
        y += line.gap_before
        box = QRectF(area.left(), y, area.width(), height)
        if not fits or box.bottom() > area.bottom() + 0.5:
            report.clipped.append(line.text[:80])
        if line.hero:
            report.note_cap_height(QFontMetricsF(f).capHeight())
        if line.hero:
            narrow = balanced_width(line.text, f, box.width())
            box = QRectF(box.center().x() - narrow / 2, box.top(), narrow, box.height())
        painter.save()
        painter.setFont(f)
        painter.setPen(line.colour)
        painter.setClipRect(area)
        painter.drawText(box, WRAP, line.text)
        painter.restore()
        y += height
        if rule is not None and index == rule_after:
            y += rule_gap
            width = h * 0.14
            painter.fillRect(QRectF(area.center().x() - width / 2, y, width, rule_h), rule)
            y += rule_h + rule_gap
    return QRectF(area.left(), start, area.width(), y - start)


def paint_welcome(
    painter: QPainter, rect: QRectF, slide: WelcomeSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    details = "  ·  ".join(part for part in (slide.venue, slide.date) if part)
    lines = [
        Line("Welcome", h * 0.036, h * 0.022, palette.accent, bold=True, share=0.1, spaced=True),
        Line(
            slide.title,
            h * 0.1,
            h * 0.056,
            palette.text,
            bold=True,
            hero=True,
            share=0.55,
            gap_before=h * 0.03,
        ),
        Line(details, h * 0.05, h * 0.034, palette.muted, share=0.2),
        Line(slide.subtitle, h * 0.045, h * 0.03, palette.muted, share=0.2, gap_before=h * 0.02),
    ]
    paint_block(painter, _area(rect), lines, report, rule=palette.accent, rule_after=1)


def paint_message(
    painter: QPainter, rect: QRectF, slide: MessageSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    # a short message is set very large; a long one wraps and shrinks, never below 4% caps
    lines = [Line(slide.text, h * 0.15, h * 0.056, palette.text, bold=True, hero=True)]
    paint_block(painter, _area(rect), lines, report)


def paint_holding(
    painter: QPainter, rect: QRectF, slide: HoldingSlide, palette: Palette, report: PaintReport
) -> None:
    """The logo (or a quiet mark) above the title, the pair centred on the screen."""
    area = _area(rect)
    h = rect.height()
    title = Line(slide.title, h * 0.085, h * 0.056, palette.text, bold=True, hero=True, share=0.5)
    _font, title_h, _fits = _line_font(title, area)
    gap = h * 0.06
    mark_h = min(area.height() * 0.45, area.height() - title_h - gap)
    top = area.top() + max(0.0, (area.height() - mark_h - gap - title_h) / 2)
    mark = QRectF(area.left(), top, area.width(), mark_h)
    image = QImage.fromData(slide.logo_png) if slide.logo_png else QImage()
    if not image.isNull():
        scaled = image.size().scaled(mark.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(0, 0, scaled.width(), scaled.height())
        target.moveCenter(mark.center())
        painter.drawImage(target, image)
    else:
        _paint_tables_mark(painter, mark, palette)
    # the title gets the box it was measured in, so it is set at the measured size
    text_area = QRectF(area.left(), mark.bottom() + gap, area.width(), title_h)
    title.share = 1.0
    paint_block(painter, text_area, [title], report, top=text_area.top())


def _paint_tables_mark(painter: QPainter, box: QRectF, palette: Palette) -> None:
    """A quiet mark for the holding slide: a round table seen from above, seats around."""
    side = min(box.width(), box.height()) * 0.8
    centre = box.center()
    table_r = side * 0.26
    seat_r = side * 0.07
    ring_r = side * 0.41
    painter.save()
    pen = QPen(palette.accent)
    pen.setWidthF(max(1.0, side * 0.022))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, table_r, table_r)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.muted)
    seats = 8
    for i in range(seats):
        angle = math.tau * i / seats - math.pi / 2
        painter.drawEllipse(
            QPointF(centre.x() + ring_r * math.cos(angle), centre.y() + ring_r * math.sin(angle)),
            seat_r,
            seat_r,
        )
    painter.restore()
