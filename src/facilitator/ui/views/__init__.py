"""Projector views: one painter per kind of slide, chosen by the slide's type in VIEWS."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from facilitator.core.projector_state import (
    Blank,
    CardSlide,
    DotsSlide,
    DrawSlide,
    HoldingSlide,
    JoinSlide,
    MessageSlide,
    ProjectorState,
    QuestionsSlide,
    RoundSlide,
    SpreadSlide,
    TallySlide,
    VoteSlide,
    WallSlide,
    WelcomeSlide,
)
from facilitator.ui.views.base import PALETTES, PaintReport, Palette, draw_text

Painter = Callable[[QPainter, QRectF, Any, Palette, PaintReport], None]


# The one registry of projector views: each slide type and the loader of the view that
# paints it. The imports are written out so that PyInstaller's analysis collects every view
# module; each is loaded on the first paint of its slide type, so that start-up pays only
# for the slides it shows.


def _welcome() -> Painter:
    from facilitator.ui.views.slides import paint_welcome

    return paint_welcome


def _holding() -> Painter:
    from facilitator.ui.views.slides import paint_holding

    return paint_holding


def _message() -> Painter:
    from facilitator.ui.views.slides import paint_message

    return paint_message


def _round() -> Painter:
    from facilitator.ui.views.round import paint_round

    return paint_round


def _card() -> Painter:
    from facilitator.ui.views.card_front import paint_card

    return paint_card


def _draw() -> Painter:
    from facilitator.ui.views.card_draw import paint_draw

    return paint_draw


def _spread() -> Painter:
    from facilitator.ui.views.card_spread import paint_spread

    return paint_spread


def _tally() -> Painter:
    from facilitator.ui.views.card_tally import paint_tally

    return paint_tally


def _wall() -> Painter:
    from facilitator.ui.views.wall import paint_wall

    return paint_wall


def _join() -> Painter:
    from facilitator.ui.views.join import paint_join

    return paint_join


def _dots() -> Painter:
    from facilitator.ui.views.dots import paint_dots

    return paint_dots
def _questions() -> Painter:
    from facilitator.ui.views.questions import paint_questions

    return paint_questions


def _vote() -> Painter:
    from facilitator.ui.views.vote import paint_vote

    return paint_vote


VIEWS: dict[type, Callable[[], Painter]] = {
    WelcomeSlide: _welcome,
    HoldingSlide: _holding,
    MessageSlide: _message,
    RoundSlide: _round,
    CardSlide: _card,
    DrawSlide: _draw,
    SpreadSlide: _spread,
    TallySlide: _tally,
    WallSlide: _wall,
    JoinSlide: _join,
    DotsSlide: _dots,
    QuestionsSlide: _questions,
    VoteSlide: _vote,
}


def paint_state(
    painter: QPainter, rect: QRectF, state: ProjectorState, report: PaintReport | None = None
) -> PaintReport:
    """Paint what the room sees into ``rect``: the slide, or black/white when blanked."""
    report = report or PaintReport()
    painter.save()
    try:
        _paint(painter, rect, state, report)
    finally:
        painter.restore()  # a painter left with saved states crashes Qt later
    return report


def _paint(painter: QPainter, rect: QRectF, state: ProjectorState, report: PaintReport) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if state.blank is Blank.BLACK:
        painter.fillRect(rect, QColor("#000000"))
    elif state.blank is Blank.WHITE:
        painter.fillRect(rect, QColor("#ffffff"))
    else:
        palette = PALETTES[state.look]
        painter.fillRect(rect, palette.background)
        load = VIEWS.get(type(state.slide))
        if load is None:
            draw_text(
                painter,
                rect.adjusted(40, 40, -40, -40),
                type(state.slide).__name__,
                max_px=rect.height() * 0.05,
                min_px=8,
                colour=palette.muted,
                align=Qt.AlignmentFlag.AlignCenter,
            )
        else:
            load()(painter, QRectF(rect), state.slide, palette, report)


def registered_types() -> set[type]:
    """Every slide type with a view."""
    return set(VIEWS)
