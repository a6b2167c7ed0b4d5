"""The agenda: each round with its planned and actual times."""

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
from facilitator.export.pdf.style import BODY_W, INK, RULE, Styles, section_heading
from facilitator.export.pdf.tagging import table_tags


def agenda(block: report.Agenda, s: Styles) -> list[Flowable]:
    head = [Paragraph(h, s.cell_head) for h in ("#", "ROUND", "FORMAT", "PLANNED", "ACTUAL")]
    rows: list[list[Any]] = [head]
    for row in block.rows:
        rows.append(
            [
                Paragraph(row.number, s.cell),
                Paragraph(para_text(row.title), s.cell),
                Paragraph(para_text(row.format), s.cell),
                Paragraph(para_text(row.planned), s.cell),
                Paragraph(para_text(row.actual or "–"), s.cell),
            ]
        )
    widths = [9 * mm, BODY_W - 9 * mm - 24 * mm - 2 * 38 * mm, 24 * mm, 38 * mm, 38 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", renderCB=table_tags(1))
    table.self_tagging = True
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.body.fontName),  # each cell sets it
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return [*section_heading(block.title, s), Spacer(1, 4), table]
