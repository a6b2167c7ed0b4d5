"""The card tally as horizontal bars in suit colours."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.units import mm
from reportlab.lib.validators import isString
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
)

from facilitator.core.harvest import TallyBar
from facilitator.export import report
from facilitator.export.pdf.fonts import Fonts, para_text, placed
from facilitator.export.pdf.style import (
    BODY_W,
    INK,
    Styles,
    hex_colour,
    plain,
    section_heading,
    suit_colour,
)

BAR_ROW = 21.0
LABEL_W = 62 * mm
BARS_PER_CHART = 28


class Chart(Drawing):  # type: ignore[misc]
    """A drawing with the text a screen reader says for it (its Figure's /Alt)."""

    _attrMap = AttrMap(BASE=Drawing, alt=AttrMapValue(isString, desc="alternative text"))


def tally_drawing(bars: Sequence[TallyBar], top: int, f: Fonts) -> Chart:
    """Horizontal bars in suit colours, most picked at the top, counts at the bar ends."""
    area = BODY_W - LABEL_W - 14 * mm
    height = BAR_ROW * len(bars) + 4
    drawing = Chart(BODY_W, height)
    for i, bar in enumerate(bars):
        y = height - (i + 1) * BAR_ROW
        length = max(2.0, area * bar.picks / top)
        label = plain(bar.card.title, f)
        while len(label) > 4 and placed(label, f.sans, 9.5)[1] > LABEL_W - 10:
            label = label[:-2].rstrip() + "…"
        parts, width = placed(label, f.sans, 9.5)
        for x, part, font in parts:  # right-aligned, each part in a font that has it
            start = LABEL_W - 8 - width + x
            drawing.add(String(start, y + 7, part, fontName=font, fontSize=9.5, fillColor=INK))
        drawing.add(
            Rect(
                LABEL_W,
                y + 3,
                length,
                BAR_ROW - 6,
                fillColor=suit_colour(bar.card.colour),
                strokeColor=None,
            )
        )
        drawing.add(
            String(
                LABEL_W + length + 5,
                y + 7,
                str(bar.picks),
                fontName=f.bold,
                fontSize=9.5,
                fillColor=INK,
            )
        )
    return drawing


def tally(block: report.Tally, s: Styles, f: Fonts) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(70 * mm), *section_heading(block.title, s)]
    if not block.bars:
        return [*out, Paragraph(para_text(block.empty), s.empty)]
    suits = dict.fromkeys((b.card.suit_name, b.card.colour) for b in block.bars)
    legend = "   ".join(
        f'<font color="{hex_colour(colour)}">{f.chip}</font>\u00a0{para_text(name or "Other")}'
        for name, colour in suits
    )
    out.append(Paragraph(f"{para_text(block.picks_line)}: {legend}", s.meta))
    top = max(b.picks for b in block.bars)
    for start in range(0, len(block.bars), BARS_PER_CHART):
        bars = block.bars[start : start + BARS_PER_CHART]
        drawing = tally_drawing(bars, top, f)
        drawing.alt = "Bar chart of card picks: " + "; ".join(
            f"{b.card.title} {b.picks}" for b in bars
        )
        out += [Spacer(1, 4), drawing]
    return out
