"""The room's votes in the md and html reports (the pdf's are in export/pdf/votes.py)."""

from __future__ import annotations

from facilitator.export.html import esc, tally_svg
from facilitator.export.markdown import BAR, BAR_WIDTH, md_escape
from facilitator.export.sections.votes import RoomVotes


def votes_markdown(block: RoomVotes) -> list[str]:
    out = [f"## {md_escape(block.title)}", ""]
    for result in block.votes:
        out += [f"### {md_escape(result.question)}", "", md_escape(result.detail), ""]
        if not result.bars:
            out += [result.empty, ""]
            continue
        top = max(b.picks for b in result.bars)
        out += ["| Answer | Votes | |", "|---|--:|---|"]
        for bar in result.bars:
            blocks = BAR * max(1, round(BAR_WIDTH * bar.picks / top))
            out.append(f"| {md_escape(bar.card.title)} | {bar.picks} | {blocks} |")
        out.append("")
    return out


def votes_html(block: RoomVotes) -> list[str]:
    out = [f"<section><h2>{esc(block.title)}</h2>"]
    for result in block.votes:
        out.append(f'<h3 dir="auto">{esc(result.question)}</h3>')
        out.append(f'<p class="meta">{esc(result.detail)}</p>')
        if result.bars:
            out.append(tally_svg(result.bars, result.question))
        else:
            out.append(f'<p class="empty">{esc(result.empty)}</p>')
    out.append("</section>")
    return out
