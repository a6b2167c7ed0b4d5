"""The dot vote on the projector: each group with its dots as they arrive (or hidden until
the vote closes), then the groups ranked with their places."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from facilitator.core.projector_state import DotsSlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text
from facilitator.ui.views.card_paint import LEFT_MIDDLE, chart_title, rounded

MAX_ROWS = 10


def _footer(slide: DotsSlide, left_out: int) -> str:
    parts = []
    if slide.voters or not slide.closed:
        people = "person has" if slide.voters == 1 else "people have"
        parts.append(f"{slide.voters} {people} placed dots")
    if slide.hidden:
        parts.append("the dots show when the vote closes")
    elif slide.url:
        parts.append(f"vote on your phone: {slide.url}")
    if left_out:
        parts.append(f"and {left_out} more groups")
    return "  ·  ".join(parts)


def paint_dots(
    painter: QPainter, rect: QRectF, slide: DotsSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    footer_h = h * 0.06
    area = chart_title(painter, rect, slide.title, palette, report)
    rows = slide.rows[:MAX_ROWS]
    chart = area.adjusted(0, h * 0.03, 0, -footer_h)
    draw_text(
        painter,
        QRectF(area.left(), area.bottom() - footer_h, area.width(), footer_h),
        _footer(slide, len(slide.rows) - len(rows)),
        max_px=h * 0.032,
        min_px=h * 0.018,
        colour=palette.muted,
        align=LEFT_MIDDLE,
        report=report,
    )
    if not rows:
        return
    row_h = min(chart.height() / len(rows), h * 0.11)
    place_w = h * 0.07 if slide.closed else 0.0
    label_w = chart.width() * (0.6 if slide.hidden else 0.45)
    count_w = h * 0.09
    bar_left = chart.left() + place_w + label_w + h * 0.025
    bar_max = chart.right() - count_w - bar_left
    most = max((r.dots for r in rows), default=0) or 1
    label_px = min(h * 0.04, row_h * 0.42)
    for n, row in enumerate(rows):
        y = chart.top() + n * row_h
        if slide.closed:
            draw_text(
                painter,
                QRectF(chart.left(), y, place_w, row_h),
                f"{row.place}.",
                max_px=label_px,
                min_px=min(label_px, h * 0.02),
                colour=palette.muted,
                bold=True,
                align=LEFT_MIDDLE,
                report=report,
            )
        label = QRectF(chart.left() + place_w, y, label_w, row_h * 0.66)
        draw_text(
            painter,
            label,
            row.name,
            max_px=label_px,
            min_px=min(label_px, h * 0.014),
            colour=palette.text,
            bold=True,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            report=report,
        )
        draw_text(
            painter,
            QRectF(label.left(), label.bottom(), label_w, row_h * 0.32),
            row.tables,
            max_px=label_px * 0.6,
            min_px=min(label_px * 0.6, h * 0.012),
            colour=palette.muted,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            report=report,
        )
        if slide.hidden:
            continue
        length = max(h * 0.008, bar_max * row.dots / most) if row.dots else h * 0.004
        bar = QRectF(bar_left, y + row_h * 0.18, length, row_h * 0.64)
        rounded(painter, bar, palette.accent, min(bar.height() * 0.18, h * 0.01))
        draw_text(
            painter,
            QRectF(bar.right() + h * 0.015, y, count_w, row_h),
            str(row.dots),
            max_px=label_px * 1.1,
            min_px=min(label_px, h * 0.02),
            colour=palette.text,
            bold=True,
            align=LEFT_MIDDLE,
            report=report,
        )
