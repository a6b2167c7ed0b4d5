"""The cover: the organiser's logo, event, venue, date, organiser, counts, the most chosen
card and the questions."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from facilitator.export import report
from facilitator.export.pdf.fonts import para_text
from facilitator.export.pdf.logo import Logo, read_png
from facilitator.export.pdf.style import BODY_W, RULE, BoxedParagraph, Styles
from facilitator.export.pdf.tagging import table_tags

LOGO_W, LOGO_H = 60 * mm, 24 * mm  # the most a logo takes on the cover


def cover(block: report.Cover, s: Styles) -> list[Flowable]:
    png = read_png(block.logo_png) if block.logo_png else None
    out: list[Flowable] = [Spacer(1, 28 * mm)]
    if png is not None:
        alt = f"Logo of {block.organiser}" if block.organiser else "The organiser's logo"
        logo = Logo(png, alt, LOGO_W, LOGO_H)
        out = [Spacer(1, max(4 * mm, 28 * mm - logo.height - 6 * mm)), logo, Spacer(1, 6 * mm)]
    out += [Paragraph("HARVEST", s.kicker), Paragraph(para_text(block.title), s.title)]
    if block.subtitle:
        out.append(Paragraph(para_text(block.subtitle), s.subtitle))
    if block.organiser:
        out.append(Paragraph(para_text(block.organiser), s.subtitle))
    out.append(Paragraph(para_text(block.people), s.people))
    pairs = block.counts
    per_row = 4
    cells = [
        [Paragraph(para_text(n), s.figure), Paragraph(para_text(label), s.figure_label)]
        for n, label in pairs
    ]
    rows: list[list[Any]] = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    for row in rows:
        row += [""] * (per_row - len(row))
    grid = Table(
        rows, colWidths=[BODY_W / per_row] * per_row, hAlign="LEFT", renderCB=table_tags(0)
    )
    grid.self_tagging = True
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.body.fontName),  # each cell sets it
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ("LINEABOVE", (0, 0), (-1, -1), 0.6, RULE),
            ]
        )
    )
    out.append(grid)
    if block.top_card:
        out += [Spacer(1, 6), Paragraph(para_text(block.top_card), s.subtitle)]
    questions, more = block.questions, block.more_questions
    if questions:
        out += [Spacer(1, 16), Paragraph("THE QUESTIONS", s.kicker)]
        text = "<br/>".join(para_text(q) for q in questions)
        if more:
            text += f'<br/><font color="#5b6270">and {more} more in the rounds</font>'
        out.append(BoxedParagraph(text, s.prompt))
    if block.plan_title:
        out += [Spacer(1, 14), Paragraph(para_text(f"Plan: {block.plan_title}"), s.small)]
    return out
