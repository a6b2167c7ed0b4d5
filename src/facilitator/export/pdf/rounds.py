"""The rounds: each with its prompts, the tables' themes and quotes, the questions
raised and the actions; then the cards the tables tagged most.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
)

from facilitator.core.harvest import Harvest
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

MOST_TAGGED_NOTE = "The cards tagged most often in what the tables said, with those entries."


def rounds(harvest: Harvest, s: Styles, f: Fonts) -> list[Flowable]:
    looks = make_looks(f)
    out: list[Flowable] = []
    for section in harvest.sections:
        out.append(CondPageBreak(60 * mm))
        out += section_heading(section.title, s)
        out.append(Paragraph(para_text(report.round_meta(harvest, section.round)), s.meta))
        if section.round is not None and section.round.prompts:
            prompts = "<br/>".join(para_text(p) for p in section.round.prompts)
            out.append(BoxedParagraph(prompts, s.prompt))
        if not section.count:
            out.append(Paragraph(report.EMPTY_ROUND, s.empty))
            continue
        for group in section.groups:
            themes, quotes = group.of_kind("theme"), group.of_kind("quote")
            if not themes and not quotes:
                continue
            items = [entry_item(t, looks, where=False) for t in themes]
            items += [quote_item(q, looks) for q in quotes]
            out.append(group_block(title_runs(group.label, looks), items, looks))
        for kind, heading in (("question", "Questions raised"), ("action", "Actions")):
            entries = section.of_kind(kind)
            if entries:
                items = [entry_item(t, looks, where=True) for t in entries]
                out.append(group_block(title_runs(heading, looks), items, looks))
    return out


def most_tagged(harvest: Harvest, s: Styles, f: Fonts) -> list[Flowable]:
    if not harvest.most_tagged:
        return []
    looks = make_looks(f)
    out: list[Flowable] = [CondPageBreak(60 * mm), *section_heading(report.MOST_TAGGED_TITLE, s)]
    out.append(Paragraph(MOST_TAGGED_NOTE, s.meta))
    for tagged in harvest.most_tagged:
        n = len(tagged.themes)
        card = tagged.card
        suit = f"  ·  {card.suit_name}" if card.suit_name else ""
        title = (
            Run(f.chip, f.sans, 11, suit_colour(card.colour)),
            Run(f" {card.title}", f.bold, 11, INK),
            Run(f"{suit}  ·  {n:,} {'entry' if n == 1 else 'entries'}", f.sans, 9, MUTED),
        )
        shown = tagged.themes[: report.MOST_TAGGED_SHOWN]
        items = [entry_item(t, looks, where=True, cards=False) for t in shown]
        if n > len(shown):
            items.append(
                Item((Run(f"and {n - len(shown):,} more", f.italic, 10, MUTED),), looks.heading)
            )
        out.append(group_block(title, items, looks))
    return out
