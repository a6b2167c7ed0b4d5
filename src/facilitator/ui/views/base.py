"""Painting helpers shared by every projector view.

Views paint with QPainter into any rectangle, so the projector window, the console's
thumbnails and the screenshot script all draw the same thing at any size. Sizes are
fractions of the rectangle's height: a slide looks the same at 720p and at 4K.
"""

from __future__ import annotations

from functools import lru_cache

from msgspec import Struct, field
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextOption

from facilitator.core.projector_state import Look

FONT_FAMILY = "DejaVu Sans"


class Palette(Struct, frozen=True):
    background: QColor
    text: QColor
    muted: QColor
    accent: QColor
    amber: QColor
    red: QColor
    panel: QColor


PALETTES: dict[Look, Palette] = {
    Look.DARK: Palette(
        background=QColor("#14181f"),
        text=QColor("#f4f1ea"),
        muted=QColor("#a9b0bb"),
        accent=QColor("#6cc3ff"),
        amber=QColor("#ffb020"),
        red=QColor("#ff5a4f"),
        panel=QColor("#222834"),
    ),
    Look.LIGHT: Palette(
        background=QColor("#f7f5f0"),
        text=QColor("#1b1f27"),
        muted=QColor("#5b6270"),
        accent=QColor("#0b5fa5"),
        amber=QColor("#a85d00"),
        red=QColor("#c0271d"),
        panel=QColor("#e8e4da"),
    ),
    Look.CONTRAST: Palette(
        background=QColor("#000000"),
        text=QColor("#ffffff"),
        muted=QColor("#ffffff"),
        accent=QColor("#ffff00"),
        amber=QColor("#ffff00"),
        red=QColor("#ff4040"),
        panel=QColor("#000000"),
    ),
}


class PaintReport(Struct):
    """What a paint did, for tests: text that could not fit even at the smallest size."""

    clipped: list[str] = field(default_factory=list)
    smallest_cap_height: float = 0.0  # px; the smallest cap height of any hero text drawn

    def note_cap_height(self, cap: float) -> None:
        if self.smallest_cap_height == 0.0 or cap < self.smallest_cap_height:
            self.smallest_cap_height = cap


def font(px: float, *, bold: bool = False, family: str = FONT_FAMILY) -> QFont:
    f = QFont(family)
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    return f


def fit_font(
    text: str,
    rect: QRectF,
    *,
    max_px: float,
    min_px: float,
    bold: bool = False,
    wrap: bool = True,
) -> tuple[QFont, bool]:
    """The largest font (max_px down to min_px) at which ``text`` fits ``rect``.

    Returns the font and whether it fits; a caller that gets False at min_px elides or
    pages, and reports the clip. Answers are remembered: the projector repaints the same
    slide at every second of the clock, and fitting is most of the cost of a paint.
    """
    px, fits = _fit_px(
        text, round(rect.width(), 1), round(rect.height(), 1), max_px, min_px, bold, wrap
    )
    return font(px, bold=bold), fits


@lru_cache(maxsize=4096)
def _fit_px(
    text: str, width: float, height: float, max_px: float, min_px: float, bold: bool, wrap: bool
) -> tuple[float, bool]:
    flags = int(Qt.TextFlag.TextWordWrap) if wrap else 0
    box = QRectF(0, 0, width, height)
    px = max_px
    while True:
        bound = QFontMetricsF(font(px, bold=bold)).boundingRect(box, flags, text)
        if bound.width() <= width + 0.5 and bound.height() <= height + 0.5:
            return px, True
        if px <= min_px:
            return px, False
        px = max(min_px, px * 0.92)


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    *,
    max_px: float,
    min_px: float,
    colour: QColor,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    report: PaintReport | None = None,
    hero: bool = False,
) -> QRectF:
    """Wrap and shrink ``text`` into ``rect``; never draws outside it. Returns the used rect.

    User text is drawn as plain text: QPainter never interprets markup.
    """
    f, fits = fit_font(text, rect, max_px=max_px, min_px=min_px, bold=bold)
    if not fits and report is not None:
        report.clipped.append(text[:80])
    if hero and report is not None:
        report.note_cap_height(QFontMetricsF(f).capHeight())
    painter.save()
    painter.setFont(f)
    painter.setPen(colour)
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    painter.setClipRect(rect)
    bound = QFontMetricsF(f).boundingRect(rect, int(Qt.TextFlag.TextWordWrap) | int(align), text)
    painter.drawText(rect, text, option)
    painter.restore()
    return bound.intersected(rect)
