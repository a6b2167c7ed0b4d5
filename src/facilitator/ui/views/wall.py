"""The theme wall on the projector: entries in grouped columns, or one entry in the spotlight.

The type is as large as the page allows: the layout tries one column and more, and the
largest type at which every entry fits wins (estimated from each text's width, then
checked by measuring). The core cuts pages small enough that this never falls below a
size the back of the room can read. Layouts are cached: a slide repaints often.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from msgspec import Struct
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter

from facilitator.core.deck_colours import contrast_ratio
from facilitator.core.projector_state import WallEntry, WallSlide
from facilitator.ui.views.base import PaintReport, Palette, draw_text, font

LEFT_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
WRAP = int(Qt.TextFlag.TextWordWrap)

MAX_PX = 0.062  # entry type, as a fraction of the screen height
MIN_PX = 0.020  # as core.wall's pages assume
REFERENCE_PX = 100.0
KIND_NAMES = {"quote": "Quote", "question": "Question", "action": "Action"}


class Block(Struct, frozen=True):
    """One painted thing: a group heading or an entry, in slide coordinates from the body."""

    x: float
    y: float
    w: float
    h: float
    entry: WallEntry | None  # None: a heading
    heading: str = ""


class Layout(Struct, frozen=True):
    px: float
    blocks: tuple[Block, ...]
    fits: bool


_LONG_WORD = re.compile(r"(\S{20})(?=\S)")


def _breakable(text: str) -> str:
    """A word longer than a column (a pasted link, a keyboard mash) may break anywhere:
    a zero-width space every 20 characters lets measuring and drawing wrap it alike."""
    return _LONG_WORD.sub("\\1\u200b", text)


def _note(entry: WallEntry) -> str:
    """The small line under an entry: its kind (when not a plain theme) and its cards."""
    parts = [KIND_NAMES[entry.kind]] if entry.kind in KIND_NAMES else []
    parts.extend(entry.cards)
    return "  ·  ".join(parts)


@lru_cache(maxsize=2048)
def _advances(text: str) -> tuple[float, ...]:
    """Width of each paragraph at the reference size: line counts at any size follow."""
    metrics = QFontMetricsF(font(REFERENCE_PX))
    return tuple(metrics.horizontalAdvance(p) for p in text.split("\n"))


def _estimate_lines(text: str, px: float, width: float) -> int:
    scale = px / REFERENCE_PX
    usable = max(1.0, width * 0.9)  # word wrap wastes the end of most lines
    return sum(max(1, math.ceil(a * scale / usable)) for a in _advances(text))


def _exact_height(text: str, px: float, width: float) -> float:
    return QFontMetricsF(font(px)).boundingRect(QRectF(0, 0, width, 1e7), WRAP, text).height()


class _Metrics:
    """Sizes of the parts of an entry box at one type size."""

    def __init__(self, px: float, column_w: float) -> None:
        self.px = px
        self.pad = px * 0.3
        self.marker = max(4.0, px * 0.34)
        self.text_w = column_w - 2 * self.pad - self.marker
        self.note_px = px * 0.7
        self.line = QFontMetricsF(font(px)).lineSpacing()
        self.note_line = QFontMetricsF(font(self.note_px)).lineSpacing()
        self.heading_px = px * 0.8
        self.heading_h = QFontMetricsF(font(self.heading_px, bold=True)).lineSpacing() + px * 0.35
        self.gap = px * 0.3

    def note_h(self, entry: WallEntry, exact: bool) -> float:
        note = _note(entry)
        if not note:
            return 0.0
        if exact:
            return _exact_height(note, self.note_px, self.text_w)
        return _estimate_lines(note, self.note_px, self.text_w) * self.note_line

    def entry_h(self, entry: WallEntry, exact: bool) -> float:
        if exact:
            text_h = _exact_height(_breakable(entry.text), self.px, self.text_w)
        else:
            text_h = _estimate_lines(entry.text, self.px, self.text_w) * self.line
        return text_h + self.note_h(entry, exact) + 2 * self.pad


def _flow(
    entries: tuple[WallEntry, ...],
    headed: bool,
    columns: int,
    px: float,
    width: float,
    height: float,
    exact: bool,
) -> tuple[Block, ...] | None:
    """Place entries top to bottom, column after column; None when they do not all fit."""
    col_gap = height * 0.03
    column_w = (width - col_gap * (columns - 1)) / columns
    m = _Metrics(px, column_w)
    if m.text_w < px * 4:
        return None
    blocks: list[Block] = []
    column, y = 0, 0.0
    group: str | None = None
    for entry in entries:
        h = m.entry_h(entry, exact)
        new_group = headed and entry.group != group
        need = h + (m.heading_h if new_group else 0.0)
        if y > 0 and y + need > height:
            column, y = column + 1, 0.0
            new_group = headed  # a group that goes on in a new column is named again
            need = h + (m.heading_h if new_group else 0.0)
        if column >= columns or need > height:
            return None
        x = column * (column_w + col_gap)
        if new_group:
            label = entry.group if entry.group != group else f"{entry.group} (continued)"
            blocks.append(Block(x, y, column_w, m.heading_h, None, label))
            y += m.heading_h
            group = entry.group
        blocks.append(Block(x, y, column_w, h, entry))
        y += h + m.gap
    return tuple(blocks)


@lru_cache(maxsize=16)
def layout_wall(
    entries: tuple[WallEntry, ...], headed: bool, width: float, height: float, screen_h: float
) -> Layout:
    """The largest type, over one to several columns, at which every entry fits."""
    max_px, min_px = screen_h * MAX_PX, screen_h * MIN_PX
    most_columns = max(1, min(len(entries), int(width / (screen_h * 0.4))))
    best: tuple[float, int] | None = None
    for columns in range(1, most_columns + 1):
        low, high = min_px, max_px
        if _flow(entries, headed, columns, low, width, height, exact=False) is None:
            continue
        if _flow(entries, headed, columns, high, width, height, exact=False) is not None:
            low = high
        else:
            for _ in range(7):
                middle = (low + high) / 2
                if _flow(entries, headed, columns, middle, width, height, exact=False):
                    low = middle
                else:
                    high = middle
        if best is None or low > best[0]:
            best = (low, columns)
    if best is None:
        best = (min_px, most_columns)
    px, columns = best
    # the estimate chose; measuring decides (shrink a little until it truly fits)
    for _ in range(12):
        blocks = _flow(entries, headed, columns, px, width, height, exact=True)
        if blocks is not None:
            return Layout(px, blocks, True)
        if px <= min_px:
            break
        px = max(min_px, px * 0.94)
    # pages are cut to fit at the smallest type; should one not, go smaller rather than clip
    for px in (min_px, min_px * 0.85, min_px * 0.7, min_px * 0.6):
        for more in range(columns, most_columns + 2):
            blocks = _flow(entries, headed, more, px, width, height, exact=True)
            if blocks is not None:
                return Layout(px, blocks, True)
    # cannot fit even at the smallest type: stack what fits, the rest is reported clipped
    m = _Metrics(min_px, width)
    stacked, y = [], 0.0
    for entry in entries:
        h = min(m.entry_h(entry, exact=True), height - y)
        if h <= m.line:
            break
        stacked.append(Block(0.0, y, width, h, entry))
        y += h + m.gap
    return Layout(min_px, tuple(stacked), False)


def _colour(entry: WallEntry, fallback: QColor, background: QColor) -> QColor:
    """The entry's suit colour, lightened or darkened until it stands out from the slide
    (a deep navy suit on the dark look would vanish)."""
    colour = QColor(entry.colour) if entry.colour else QColor()
    if not colour.isValid():
        return fallback
    back = background.name()
    for _ in range(6):
        if contrast_ratio(colour.name(), back) >= 2.2:
            break
        colour = colour.lighter(135) if background.lightnessF() < 0.5 else colour.darker(135)
    return colour


def _paint_entry(
    painter: QPainter,
    box: QRectF,
    entry: WallEntry,
    px: float,
    palette: Palette,
    report: PaintReport,
) -> None:
    m = _Metrics(px, box.width())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(palette.panel))
    painter.drawRoundedRect(box, m.pad * 0.5, m.pad * 0.5)
    marker = _colour(entry, palette.muted, palette.background)
    if not entry.colour:
        marker.setAlphaF(0.35)
    painter.setBrush(QBrush(marker))
    painter.drawRect(QRectF(box.left(), box.top(), m.marker, box.height()))
    note = _note(entry)
    note_h = m.note_h(entry, exact=True)
    inner = QRectF(
        box.left() + m.marker + m.pad,
        box.top() + m.pad,
        m.text_w,
        box.height() - 2 * m.pad - note_h,
    )
    draw_text(
        painter,
        inner,
        _breakable(entry.text),
        max_px=px,
        min_px=px * 0.75,
        colour=palette.text,
        report=report,
    )
    if note:
        draw_text(
            painter,
            QRectF(inner.left(), inner.bottom(), inner.width(), note_h),
            note,
            max_px=m.note_px,
            min_px=m.note_px * 0.7,
            colour=palette.muted,
            report=report,
        )


def _paint_spotlight(
    painter: QPainter, body: QRectF, entry: WallEntry, palette: Palette, report: PaintReport
) -> None:
    h = body.height()
    box = body.adjusted(body.width() * 0.08, h * 0.06, -body.width() * 0.08, -h * 0.06)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(palette.panel))
    painter.drawRoundedRect(box, h * 0.02, h * 0.02)
    bar = _colour(entry, palette.accent, palette.background)
    painter.setBrush(QBrush(bar))
    painter.drawRect(QRectF(box.left(), box.top(), h * 0.018, box.height()))
    inner = box.adjusted(h * 0.07, h * 0.06, -h * 0.05, -h * 0.06)
    who = "  ·  ".join(part for part in (entry.group, _note(entry)) if part)
    who_h = h * 0.08 if who else 0.0
    draw_text(
        painter,
        QRectF(inner.left(), inner.top(), inner.width(), inner.height() - who_h),
        _breakable(entry.text),
        max_px=h * 0.11,
        min_px=h * 0.04,
        colour=palette.text,
        bold=True,
        align=CENTRE,
        report=report,
        hero=True,
    )
    if who:
        draw_text(
            painter,
            QRectF(inner.left(), inner.bottom() - who_h, inner.width(), who_h),
            who,
            max_px=h * 0.045,
            min_px=h * 0.025,
            colour=palette.muted,
            align=CENTRE,
            report=report,
        )


def paint_wall(
    painter: QPainter, rect: QRectF, slide: WallSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    margin = h * 0.045
    area = rect.adjusted(margin * 1.3, margin, -margin * 1.3, -margin)
    header_h = h * 0.085
    pages = f"page {slide.page + 1} of {slide.pages}" if slide.pages > 1 else ""
    pages_w = area.width() * 0.2 if pages else 0.0
    draw_text(
        painter,
        QRectF(area.left(), area.top(), area.width() - pages_w, header_h),
        slide.title,
        max_px=h * 0.055,
        min_px=h * 0.03,
        colour=palette.text,
        bold=True,
        report=report,
    )
    if pages:
        draw_text(
            painter,
            QRectF(area.right() - pages_w, area.top(), pages_w, header_h * 0.7),
            pages,
            max_px=h * 0.032,
            min_px=h * 0.022,
            colour=palette.muted,
            align=RIGHT_MIDDLE,
            report=report,
        )
    painter.fillRect(QRectF(area.left(), area.top() + header_h, h * 0.1, h * 0.006), palette.accent)
    body = QRectF(area.left(), area.top() + header_h + h * 0.03, area.width(), 0.0)
    body.setBottom(area.bottom())
    if slide.spotlight is not None:
        _paint_spotlight(painter, body, slide.spotlight, palette, report)
        return
    if not slide.entries:
        draw_text(
            painter,
            body,
            "What the tables say appears here as it is typed.",
            max_px=h * 0.045,
            min_px=h * 0.03,
            colour=palette.muted,
            align=CENTRE,
            report=report,
        )
        return
    headed = slide.grouping != "latest"
    layout = layout_wall(slide.entries, headed, body.width(), body.height(), h)
    if not layout.fits:
        shown = {b.entry.id for b in layout.blocks if b.entry is not None}
        report.clipped.extend(e.text[:80] for e in slide.entries if e.id not in shown)
    report.note_cap_height(QFontMetricsF(font(layout.px)).capHeight())
    painter.save()
    for block in layout.blocks:
        box = QRectF(body.left() + block.x, body.top() + block.y, block.w, block.h)
        if block.entry is None:
            draw_text(
                painter,
                box,
                block.heading,
                max_px=layout.px * 0.8,
                min_px=layout.px * 0.55,
                colour=palette.accent,
                bold=True,
                report=report,
            )
        else:
            _paint_entry(painter, box, block.entry, layout.px, palette, report)
    painter.restore()
