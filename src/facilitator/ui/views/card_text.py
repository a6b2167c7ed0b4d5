"""Text fitting for cards: wrap, then shrink title and description together to fit.

Every size is a fraction of the slide's height, so a card reads the same at 1280x720 and
at 3840x2160; text wraps, then shrinks to fit, and what cannot fit even at the smallest
size is cut at its box and reported.
"""

from __future__ import annotations

from msgspec import Struct
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from facilitator.ui.views.base import font

LEFT_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
WRAP = int(Qt.TextFlag.TextWordWrap)


def size_of(text: str, width: float, f: QFont, flags: int = WRAP) -> tuple[float, float]:
    """(width, height) of ``text`` wrapped at ``width``; a word longer than the line
    makes the width exceed it, unless ``flags`` wraps anywhere."""
    if not text:
        return 0.0, 0.0
    bound = QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 1e7), flags, text)
    return bound.width(), bound.height()


def height_of(text: str, width: float, f: QFont, flags: int = WRAP) -> float:
    return size_of(text, width, f, flags)[1]


def draw_wrapped(
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


class Stack(Struct, frozen=True):
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


def fit_stack(
    title: str,
    text: str,
    width: float,
    height: float,
    *,
    title_px: tuple[float, float],
    text_px: tuple[float, float],
    gap_ratio: float = 0.9,
) -> Stack:
    """The largest sizes (between max and min) at which title and text fit one above the
    other in ``width`` x ``height``."""
    scale = 1.0
    while True:
        tf = font(max(title_px[1], title_px[0] * scale), bold=True)
        xf = font(max(text_px[1], text_px[0] * scale))
        tw, th = size_of(title, width, tf)
        xw, xh = size_of(text, width, xf)
        gap = xf.pixelSize() * gap_ratio
        at_min = title_px[0] * scale <= title_px[1] and text_px[0] * scale <= text_px[1]
        total = th + (gap + xh if xh else 0.0)
        wide = max(tw, xw) > width + 0.5
        if (total <= height + 0.5 and not wide) or at_min:
            if not wide:
                return Stack(tf, xf, th, xh, gap, total <= height + 0.5)
            anywhere = int(Qt.TextFlag.TextWrapAnywhere)
            th = height_of(title, width, tf, anywhere)
            xh = height_of(text, width, xf, anywhere)
            total = th + (gap + xh if xh else 0.0)
            return Stack(tf, xf, th, xh, gap, total <= height + 0.5, anywhere)
        scale *= 0.93
