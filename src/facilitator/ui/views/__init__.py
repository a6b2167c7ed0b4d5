"""Projector views: one painter per kind of slide, chosen by the slide's type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from facilitator.core.projector_state import Blank, ProjectorState
from facilitator.ui.views.base import PALETTES, PaintReport, Palette, draw_text

Painter = Callable[[QPainter, QRectF, Any, Palette, PaintReport], None]
_PAINTERS: dict[type, Painter] = {}
F = TypeVar("F", bound=Painter)


def painter_for(slide_type: type) -> Callable[[F], F]:
    """Register the painter of one slide type."""

    def register(func: F) -> F:
        _PAINTERS[slide_type] = func
        return func

    return register


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
        paint = _painter(type(state.slide))
        if paint is None:
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
            paint(painter, QRectF(rect), state.slide, palette, report)


# the module whose import registers each slide type's painter: loaded on the first paint of
# that type, so start-up pays only for the slides it shows
_MODULES = {
    "WelcomeSlide": "slides",
    "HoldingSlide": "slides",
    "MessageSlide": "slides",
    "RoundSlide": "round",
    "CardSlide": "card_front",
    "DrawSlide": "card_draw",
    "SpreadSlide": "card_spread",
    "TallySlide": "card_tally",
    "WallSlide": "wall",
}


def _load(module: str) -> None:
    # written-out imports, so that PyInstaller's analysis finds every view module
    if module == "slides":
        from facilitator.ui.views import slides  # noqa: F401
    elif module == "round":
        from facilitator.ui.views import round  # noqa: F401
    elif module == "card_front":
        from facilitator.ui.views import card_front  # noqa: F401
    elif module == "card_draw":
        from facilitator.ui.views import card_draw  # noqa: F401
    elif module == "card_spread":
        from facilitator.ui.views import card_spread  # noqa: F401
    elif module == "card_tally":
        from facilitator.ui.views import card_tally  # noqa: F401
    elif module == "wall":
        from facilitator.ui.views import wall  # noqa: F401


def _painter(slide_type: type) -> Painter | None:
    if slide_type not in _PAINTERS and slide_type.__name__ in _MODULES:
        _load(_MODULES[slide_type.__name__])
    return _PAINTERS.get(slide_type)


def registered_types() -> set[type]:
    """Every slide type with a painter (all view modules loaded)."""
    for module in set(_MODULES.values()):
        _load(module)
    return set(_PAINTERS)
