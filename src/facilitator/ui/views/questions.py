"""The room's questions on the projector: the approved ones, most up-voted first, each with
its up-votes; as many as fit readably, the rest counted."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from facilitator.core.projector_state import QuestionsSlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text
from facilitator.ui.views.card_paint import LEFT_MIDDLE, chart_title

MAX_SHOWN = 6
EMPTY = "No question yet: ask yours on your phone."


def paint_questions(
    painter: QPainter, rect: QRectF, slide: QuestionsSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    body = chart_title(painter, rect, slide.title, palette, report).adjusted(0, h * 0.03, 0, 0)
    ranked = sorted(slide.questions, key=lambda q: -q.upvotes)
    if not ranked:
        draw_text(
            painter,
            body,
            EMPTY,
            max_px=h * 0.06,
            min_px=h * 0.03,
            colour=palette.muted,
            align=Qt.AlignmentFlag.AlignCenter,
            report=report,
        )
        return
    shown, rest = ranked[:MAX_SHOWN], ranked[MAX_SHOWN:]
    note_h = h * 0.05 if rest else 0.0
    row_h = (body.height() - note_h) / len(shown)
    count_w = h * 0.14
    for n, question in enumerate(shown):
        y = body.top() + n * row_h
        draw_text(
            painter,
            QRectF(body.left(), y, count_w, row_h),
            f"▲ {question.upvotes}",
            max_px=min(h * 0.05, row_h * 0.5),
            min_px=h * 0.02,
            colour=palette.muted,
            bold=True,
            align=LEFT_MIDDLE,
            report=report,
        )
        draw_text(
            painter,
            QRectF(body.left() + count_w, y + row_h * 0.05, body.width() - count_w, row_h * 0.9),
            question.text,
            max_px=min(h * 0.05, row_h * 0.45),
            min_px=h * 0.018,
            colour=palette.text,
            align=LEFT_MIDDLE,
            report=report,
        )
    if rest:
        draw_text(
            painter,
            QRectF(body.left(), body.bottom() - note_h, body.width(), note_h),
            f"and {len(rest)} more on your phones",
            max_px=h * 0.03,
            min_px=h * 0.02,
            colour=palette.muted,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            report=report,
        )
