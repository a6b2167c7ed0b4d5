"""A round of the outline: its prompts, the tables' themes and quotes, the questions
raised and the actions; and the cards the tables tagged most.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
)

from facilitator.export import report
from facilitator.export.pdf.entries import (
    entry_item,
    group_block,
    make_looks,
    quote_item,
    title_runs,
)
from facilitator.export.pdf.fonts import Fonts, para_text
from facilitator.export.pdf.runs import Run
from facilitator.export.pdf.style import (
    INK,
    MUTED,
    BoxedParagraph,
    Styles,
    section_heading,
    suit_colour,
)
from facilitator.export.pdf.text_block import Item


def round_part(part: report.RoundPart, s: Styles, f: Fonts) -> list[Flowable]:
    looks = make_looks(f)
    out: list[Flowable] = [CondPageBreak(60 * mm), *section_heading(part.title, s)]
    out.append(Paragraph(para_text(part.meta), s.meta))
    if part.prompts:
        prompts = "<br/>".join(para_text(p) for p in part.prompts)
        out.append(BoxedParagraph(prompts, s.prompt))
    if part.empty:
        out.append(Paragraph(part.empty, s.empty))
        return out
    for block in part.parts:
        if isinstance(block, report.TableEntries):
            items = [entry_item(t, looks, where=False) for t in block.themes]
            items += [quote_item(q, looks) for q in block.quotes]
        else:
            items = [entry_item(t, looks, where=True, with_round=False) for t in block.entries]
        out.append(group_block(title_runs(block.title, looks), items, looks))
    return out


def most_tagged(most: report.MostTagged, s: Styles, f: Fonts) -> list[Flowable]:
    looks = make_looks(f)
    out: list[Flowable] = [CondPageBreak(60 * mm), *section_heading(most.title, s)]
    out.append(Paragraph(para_text(most.note), s.meta))
    for tagged in most.cards:
        title = (
            Run(f.chip, f.sans, 11, suit_colour(tagged.card.colour)),
            Run(f" {tagged.title}", f.bold, 11, INK),
            Run(f" · {tagged.detail}", f.sans, 9, MUTED),
        )
        items = [entry_item(t, looks, where=True, cards=False) for t in tagged.entries]
        if tagged.rest:
            items.append(Item((Run(tagged.rest, f.italic, 10, MUTED),), looks.heading))
        out.append(group_block(title, items, looks))
    return out
