"""The round on the projector: the prompt questions as the hero, and a clock the back of
the room can read (large digits and a disc that empties, like a visual timer)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from facilitator.core.projector_state import ClockFace, ClockPhase, RoundSlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text, fit_font

FORMAT_LABELS = {
    "tables": "At your tables",
    "pairs": "In pairs",
    "trios": "In threes",
    "solo": "On your own",
    "plenary": "Whole room",
}

# Cap height of DejaVu Sans is ~0.73 of the pixel size; the hero's smallest size keeps
# prompts at a cap height of 4% of the screen height, readable from the back.
HERO_MIN_PX = 0.056
HERO_MAX_PX = 0.085
HERO_FLOOR_PX = 0.025
REFERENCE_DIGITS = "00:00"


def format_label(fmt: str) -> str:
    return FORMAT_LABELS.get(fmt, fmt.capitalize())


def clock_colour(face: ClockFace, palette: Palette) -> QColor:
    if face.phase is ClockPhase.AMBER:
        return palette.amber
    if face.phase in (ClockPhase.RED, ClockPhase.OVERTIME):
        return palette.red
    if face.phase in (ClockPhase.READY, ClockPhase.PAUSED):
        return palette.muted
    return palette.text


def disc_colour(face: ClockFace, palette: Palette) -> QColor:
    if face.phase is ClockPhase.AMBER:
        return palette.amber
    if face.phase in (ClockPhase.RED, ClockPhase.OVERTIME):
        return palette.red
    return palette.accent


def paint_disc(painter: QPainter, box: QRectF, face: ClockFace, palette: Palette) -> None:
    """A full disc at the start that empties clockwise to nothing at zero."""
    side = min(box.width(), box.height())
    disc = QRectF(0, 0, side, side)
    disc.moveCenter(box.center())
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(palette.panel))
    painter.drawEllipse(disc)
    left = max(0.0, min(1.0, face.fraction_left))
    colour = disc_colour(face, palette)
    if face.phase is ClockPhase.PAUSED:
        colour = QColor(colour)
        colour.setAlphaF(0.55)
    if left > 0:
        path = QPainterPath(disc.center())
        # Qt angles: degrees counter-clockwise from 3 o'clock; start at 12, sweep back.
        path.arcTo(disc, 90.0, -360.0 * left)
        path.closeSubpath()
        painter.setBrush(QBrush(colour))
        painter.drawPath(path)
    ring = QPen(colour if face.phase is ClockPhase.OVERTIME else palette.muted)
    ring.setWidthF(max(1.0, side * (0.03 if face.phase is ClockPhase.OVERTIME else 0.012)))
    painter.setPen(ring)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = ring.widthF() / 2
    painter.drawEllipse(disc.adjusted(inset, inset, -inset, -inset))
    hub = side * 0.035
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(palette.background))
    painter.drawEllipse(disc.center(), hub, hub)
    painter.restore()


def paint_clock(
    painter: QPainter, box: QRectF, face: ClockFace, palette: Palette, report: PaintReport
) -> None:
    """Disc above, digits below, a word under them when the clock is not running."""
    h = box.height()
    word = {ClockPhase.PAUSED: "Paused", ClockPhase.READY: "Ready"}.get(face.phase, "")
    if face.phase is ClockPhase.OVERTIME:
        word = "Time is up"
    digits_h = h * 0.3
    word_h = h * 0.1
    disc_box = QRectF(box.left(), box.top(), box.width(), h - digits_h - word_h - h * 0.03)
    paint_disc(painter, disc_box, face, palette)
    digits_box = QRectF(box.left(), disc_box.bottom() + h * 0.03, box.width(), digits_h)
    # Sized for the widest text of a normal round, so the digits do not jump in size
    # when 10:00 becomes 9:59; only overtime or hours can make them smaller.
    sample = face.text if len(face.text) > len(REFERENCE_DIGITS) else REFERENCE_DIGITS
    f, fits = fit_font(sample, digits_box, max_px=digits_h * 1.1, min_px=8, wrap=False, bold=True)
    if not fits:
        report.clipped.append(face.text)
    painter.save()
    painter.setFont(f)
    painter.setPen(clock_colour(face, palette))
    painter.drawText(digits_box, int(Qt.AlignmentFlag.AlignCenter), face.text)
    painter.restore()
    if word:
        draw_text(
            painter,
            QRectF(box.left(), digits_box.bottom(), box.width(), word_h),
            word,
            max_px=word_h * 0.8,
            min_px=8,
            colour=clock_colour(face, palette)
            if face.phase is ClockPhase.OVERTIME
            else palette.muted,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            report=report,
        )


def paint_round(
    painter: QPainter, rect: QRectF, slide: RoundSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    margin = h * 0.055
    area = rect.adjusted(margin * 1.3, margin, -margin * 1.3, -margin)

    if slide.clock.flash:
        wash = QColor(palette.red)
        wash.setAlphaF(0.28)
        painter.fillRect(rect, wash)
        border = QPen(palette.red)
        border.setWidthF(h * 0.025)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = border.widthF() / 2
        painter.drawRect(rect.adjusted(half, half, -half, -half))

    # Header: where we are in the plan, the round's title, and how people work.
    header_h = h * 0.075
    header = QRectF(area.left(), area.top(), area.width(), header_h)
    place = f"Round {slide.number} of {slide.of}" if slide.number and slide.of else ""
    fmt = format_label(slide.format)
    left_text = "  ·  ".join(p for p in (place, slide.title) if p)
    pill_w = area.width() * 0.26
    draw_text(
        painter,
        QRectF(header.left(), header.top(), header.width() - pill_w - h * 0.03, header_h),
        left_text,
        max_px=h * 0.045,
        min_px=h * 0.028,
        colour=palette.muted,
        align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        report=report,
    )
    pill = QRectF(header.right() - pill_w, header.top() + header_h * 0.08, pill_w, header_h * 0.84)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(palette.panel))
    painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
    painter.restore()
    draw_text(
        painter,
        pill.adjusted(pill.height() * 0.4, 0, -pill.height() * 0.4, 0),
        fmt,
        max_px=h * 0.04,
        min_px=h * 0.025,
        colour=palette.accent,
        bold=True,
        align=Qt.AlignmentFlag.AlignCenter,
        report=report,
    )

    body_top = header.bottom() + h * 0.05
    move_h = h * 0.13 if slide.show_move and slide.move else 0.0
    body = QRectF(area.left(), body_top, area.width(), area.bottom() - body_top - move_h)

    prompts = [p for p in slide.prompts if p.strip()]
    gap = h * 0.07
    # The prompts are the hero: when long ones do not fit at their smallest size, they
    # first lose the blank line between them, then take room from the clock, and only
    # then (a wall of text) go smaller than a size readable from the back: never clipped.
    min_px = h * HERO_MIN_PX
    layouts = [(sep, share) for share in (0.34, 0.27, 0.22) for sep in ("\n\n", "\n")]
    for sep, share in layouts:
        clock_w = min(body.width() * share, body.height() * 0.78)
        hero = sep.join(prompts) if prompts else slide.title
        prompt_box = QRectF(body.left(), body.top(), body.width() - clock_w - gap, body.height())
        _, fits = fit_font(hero, prompt_box, max_px=h * HERO_MAX_PX, min_px=min_px, bold=True)
        if fits:
            break
    else:
        min_px = h * HERO_FLOOR_PX
    clock_box = QRectF(body.right() - clock_w, body.top(), clock_w, body.height())
    paint_clock(painter, clock_box, slide.clock, palette, report)

    draw_text(
        painter,
        prompt_box,
        hero,
        max_px=h * HERO_MAX_PX,
        min_px=min_px,
        colour=palette.text,
        bold=True,
        align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        report=report,
        hero=True,
    )

    if move_h:
        band = QRectF(
            area.left(), area.bottom() - move_h + h * 0.02, area.width(), move_h - h * 0.02
        )
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(palette.panel))
        painter.drawRoundedRect(band, h * 0.015, h * 0.015)
        painter.setBrush(QBrush(palette.accent))
        painter.drawRect(QRectF(band.left(), band.top(), h * 0.012, band.height()))
        painter.restore()
        draw_text(
            painter,
            band.adjusted(h * 0.04, h * 0.01, -h * 0.03, -h * 0.01),
            slide.move,
            max_px=h * 0.05,
            min_px=h * 0.03,
            colour=palette.text,
            bold=True,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            report=report,
        )
