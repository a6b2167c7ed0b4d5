"""A question with choices put to the room's vote, on the projector: the question, how
many voted, and the answers as bars (or, while its results are hidden, only the count)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from facilitator.core.projector_state import VoteSlide
from facilitator.ui.views.base import PaintReport, Palette
from facilitator.ui.views.card_paint import chart_title
from facilitator.ui.views.card_tally import paint_bars, paint_heading, room_heading


def paint_vote(
    painter: QPainter, rect: QRectF, slide: VoteSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    area = chart_title(painter, rect, slide.question, palette, report).adjusted(0, h * 0.03, 0, 0)
    heading_h = h * 0.065
    paint_heading(painter, area, heading_h, room_heading(slide.room), palette, report, h)
    chart = area.adjusted(0, heading_h + h * 0.02, 0, 0)
    if slide.room.hidden:
        words = "The results show when the vote closes."
    else:
        words = "Vote on your phone." if slide.room.open else "No votes."
    paint_bars(painter, chart, slide.room.bars, palette, report, h, words)
