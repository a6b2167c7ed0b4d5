"""The tally of the cards that struck a chord, as a bar chart."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from facilitator.core.deck_colours import contrast_ratio
from facilitator.core.projector_state import RoomTally, TallyBar, TallySlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text
from facilitator.ui.views.card_paint import CENTRE, LEFT_MIDDLE, chart_title, rounded

MAX_TALLY_BARS = 15


def paint_tally(
    painter: QPainter, rect: QRectF, slide: TallySlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    chart = chart_title(painter, rect, slide.title, palette, report).adjusted(0, h * 0.04, 0, 0)
    room = slide.room
    if room is None:
        paint_bars(painter, chart, slide.bars, palette, report, h, "No picks yet.")
        return
    # the tables' picks and the room's votes side by side, never added together
    gap = h * 0.06
    half = (chart.width() - gap) / 2
    tables = QRectF(chart.left(), chart.top(), half, chart.height())
    phones = QRectF(chart.left() + half + gap, chart.top(), half, chart.height())
    heading_h = h * 0.065
    paint_heading(painter, tables, heading_h, "The tables", palette, report, h)
    paint_heading(painter, phones, heading_h, room_heading(room), palette, report, h)
    below = heading_h + h * 0.02
    paint_bars(
        painter, tables.adjusted(0, below, 0, 0), slide.bars, palette, report, h, "No picks yet."
    )
    if room.hidden:
        words = "The results show when the vote closes."
    else:
        words = "Vote on your phone." if room.open else "No votes."
    paint_bars(painter, phones.adjusted(0, below, 0, 0), room.bars, palette, report, h, words)


def room_heading(room: RoomTally) -> str:
    votes = f"{room.votes} vote" + ("" if room.votes == 1 else "s")
    return f"The room · {votes}" + (" · voting open" if room.open else "")


def paint_heading(
    painter: QPainter,
    column: QRectF,
    height: float,
    text: str,
    palette: Palette,
    report: PaintReport,
    h: float,
) -> None:
    draw_text(
        painter,
        QRectF(column.left(), column.top(), column.width(), height),
        text,
        max_px=h * 0.045,
        min_px=h * 0.025,
        colour=palette.muted,
        bold=True,
        align=LEFT_MIDDLE,
        report=report,
    )


def paint_bars(
    painter: QPainter,
    chart: QRectF,
    bars_: tuple[TallyBar, ...],
    palette: Palette,
    report: PaintReport,
    h: float,
    empty: str,
) -> None:
    """Bars most first in ``chart``: a label, the bar in its colour, the count."""
    bars = sorted((b for b in bars_ if b.count > 0), key=lambda b: -b.count)
    if not bars:
        draw_text(
            painter,
            chart,
            empty,
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
        rounded(painter, bar_rect, QColor(bar.colour), radius)
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
