"""Welcome, holding and message slides."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from facilitator.core.projector_state import HoldingSlide, MessageSlide, WelcomeSlide
from facilitator.ui.views import painter_for
from facilitator.ui.views.base import PaintReport, Palette, draw_text

CENTRE = Qt.AlignmentFlag.AlignCenter


def _margins(rect: QRectF) -> QRectF:
    m = rect.height() * 0.07
    return rect.adjusted(m * 1.4, m, -m * 1.4, -m)


@painter_for(WelcomeSlide)
def paint_welcome(
    painter: QPainter, rect: QRectF, slide: WelcomeSlide, palette: Palette, report: PaintReport
) -> None:
    area = _margins(rect)
    h = rect.height()
    title_box = QRectF(
        area.left(), area.top() + area.height() * 0.18, area.width(), area.height() * 0.45
    )
    draw_text(
        painter,
        title_box,
        slide.title,
        max_px=h * 0.11,
        min_px=h * 0.045,
        colour=palette.text,
        bold=True,
        align=CENTRE,
        report=report,
        hero=True,
    )
    painter.fillRect(
        QRectF(rect.center().x() - h * 0.06, title_box.bottom() + h * 0.03, h * 0.12, h * 0.008),
        palette.accent,
    )
    details = "  ·  ".join(part for part in (slide.venue, slide.date) if part)
    lines = "\n".join(part for part in (slide.subtitle, details) if part)
    if lines:
        draw_text(
            painter,
            QRectF(
                area.left(),
                title_box.bottom() + h * 0.07,
                area.width(),
                area.bottom() - title_box.bottom() - h * 0.07,
            ),
            lines,
            max_px=h * 0.045,
            min_px=h * 0.025,
            colour=palette.muted,
            align=CENTRE,
            report=report,
        )


@painter_for(MessageSlide)
def paint_message(
    painter: QPainter, rect: QRectF, slide: MessageSlide, palette: Palette, report: PaintReport
) -> None:
    draw_text(
        painter,
        _margins(rect),
        slide.text,
        max_px=rect.height() * 0.13,
        min_px=rect.height() * 0.04,
        colour=palette.text,
        bold=True,
        align=CENTRE,
        report=report,
        hero=True,
    )


@painter_for(HoldingSlide)
def paint_holding(
    painter: QPainter, rect: QRectF, slide: HoldingSlide, palette: Palette, report: PaintReport
) -> None:
    area = _margins(rect)
    h = rect.height()
    text_top = area.top() + area.height() * 0.55
    if slide.logo_png:
        image = QImage.fromData(slide.logo_png)
        if not image.isNull():
            box = QRectF(area.left(), area.top(), area.width(), area.height() * 0.5)
            scaled = image.size().scaled(box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(0, 0, scaled.width(), scaled.height())
            target.moveCenter(box.center())
            painter.drawImage(target, image)
    else:
        text_top = area.top() + area.height() * 0.3
    draw_text(
        painter,
        QRectF(area.left(), text_top, area.width(), area.bottom() - text_top),
        slide.title,
        max_px=h * 0.08,
        min_px=h * 0.035,
        colour=palette.text,
        bold=True,
        align=CENTRE,
        report=report,
        hero=True,
    )
