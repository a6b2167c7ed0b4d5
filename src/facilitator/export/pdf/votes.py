"""The room's votes in the pdf report: each vote's question, its count, its chart."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from facilitator.export.pdf.chart import BARS_PER_CHART, tally_drawing
from facilitator.export.pdf.fonts import Fonts, para_text
from facilitator.export.pdf.style import Styles, section_heading
from facilitator.export.sections.votes import RoomVotes


def room_votes(block: RoomVotes, s: Styles, f: Fonts) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(70 * mm), *section_heading(block.title, s)]
    for result in block.votes:
        out += [
            CondPageBreak(40 * mm),
            Paragraph(para_text(result.question), s.h3),
            Paragraph(para_text(result.detail), s.meta),
        ]
        if not result.bars:
            out.append(Paragraph(para_text(result.empty), s.empty))
            continue
        top = max(b.picks for b in result.bars)
        for start in range(0, len(result.bars), BARS_PER_CHART):
            bars = result.bars[start : start + BARS_PER_CHART]
            out += [Spacer(1, 4), tally_drawing(bars, top, f)]
    return out
