"""The one-page summary (export/summary.py) in the pdf, on a page of its own."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from facilitator.export import report
from facilitator.export.pdf.entries import group_block, make_looks, title_runs
from facilitator.export.pdf.fonts import Fonts
from facilitator.export.pdf.runs import Run
from facilitator.export.pdf.style import INK, MUTED, Styles, section_heading
from facilitator.export.pdf.text_block import Item
from facilitator.export.summary import Summary


def summary_pdf(block: Summary, s: Styles, f: Fonts) -> list[Flowable]:
    looks = make_looks(f)
    out: list[Flowable] = [*section_heading(block.title, s)]
    if block.groups:
        items = [
            Item(
                (
                    Run(f"{g.place} " if g.place else "", f.bold, 10.5, MUTED),
                    Run(g.name, f.bold, 10.5, INK),
                    Run(f"  · {g.detail}", f.sans, 8.5, MUTED),
                ),
                looks.entry,
            )
            for g in block.groups
        ]
        out.append(group_block(title_runs(block.groups_title, looks), items, looks))
    if block.quotes:
        items = [
            Item(
                (
                    Run(report.quoted(q.text), f.serif_italic, 11, INK),
                    Run(f"\n— {q.where}", f.sans, 8.5, MUTED),
                ),
                looks.quote,
            )
            for q in block.quotes
        ]
        out.append(group_block(title_runs(block.quotes_title, looks), items, looks))
    if block.cards:
        items = [Item((Run(c, f.sans, 10, INK),), looks.entry) for c in block.cards]
        out.append(group_block(title_runs(block.cards_title, looks), items, looks))
    if block.actions:
        items = [
            Item(
                (Run(a.text, f.sans, 10, INK), Run(f"  ({a.where})", f.sans, 8.5, MUTED)),
                looks.entry,
            )
            for a in block.actions
        ]
        if block.more_actions:
            items.append(
                Item(
                    (Run(f"and {block.more_actions:,} more in the rounds", f.italic, 10, MUTED),),
                    looks.entry,
                )
            )
        out.append(group_block(title_runs(block.actions_title, looks), items, looks))
    return [*out, PageBreak()]
