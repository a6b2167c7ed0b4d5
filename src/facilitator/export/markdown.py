"""The harvest report as Markdown (CommonMark), for pasting into a wiki, an email or a repo.

Typed text is escaped so a renderer shows it as typed: ``<script>``, ``*stars*`` and a line
starting with ``#`` stay text.
"""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.core.harvest import Harvest, HarvestTheme
from facilitator.export import report
from facilitator.export.sections.room_questions import RoomQuestions
from facilitator.export.sections.survey import SurveySection
from facilitator.export.sections.votes import RoomVotes

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=\-]|\d+[.)])")
BAR = "█"
BAR_WIDTH = 30


def md_escape(text: str) -> str:
    """One line of typed text as Markdown that renders exactly as typed."""
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def md_block(text: str, indent: str = "") -> str:
    """Typed text that may hold line breaks: each line escaped, breaks kept (hard breaks)."""
    # a blank line would end the paragraph (or the list item) early: breaks are kept, blanks not
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [md_escape(line) for line in raw if line.strip()] or [""]
    return ("\\\n" + indent).join(lines)


def _entry(theme: HarvestTheme, *, where: bool = False) -> str:
    body = md_block(theme.text, "  ")
    notes = []
    if where:
        notes.append(report.where(theme))
    cards = report.cards_note(theme)
    if cards:
        notes.append(f"cards: {cards}")
    return f"- {body}" + (f" *({md_escape('; '.join(notes))})*" if notes else "")


def _quote(theme: HarvestTheme) -> list[str]:
    lines = [f"> {md_block(report.quoted(theme.text), '> ')}"]
    cards = report.cards_note(theme)
    attribution = theme.table_label + (f" · cards: {cards}" if cards else "")
    return [*lines, ">", f"> — *{md_escape(attribution)}*", ""]


def render_markdown(harvest: Harvest) -> str:
    out: list[str] = []
    for block in report.outline(harvest):
        match block:
            case report.Cover():
                out += _cover(block)
            case report.Agenda():
                out += _agenda(block)
            case report.RoundPart():
                out += _round(block)
            case report.Tally():
                out += _tally(block)
            case RoomVotes():
                from facilitator.export.sections.votes_render import votes_markdown

                out += votes_markdown(block)
            case RoomQuestions():
                from facilitator.export.sections.votes_render import questions_markdown

                out += questions_markdown(block)
            case SurveySection():
                from facilitator.export.sections.votes_render import survey_markdown

                out += survey_markdown(block)
            case report.MostTagged():
                out += _most_tagged(block)
    return "\n".join(out).rstrip("\n") + "\n"


def _cover(cover: report.Cover) -> list[str]:
    out = [f"# {md_escape(cover.title)}", ""]
    if cover.subtitle:
        out += [f"**{md_escape(cover.subtitle)}**", ""]
    counts = " · ".join(f"{figure} {label}" for figure, label in cover.counts)
    out += [md_escape(cover.people), "", md_escape(counts), ""]
    if cover.top_card:
        out += [f"**{md_escape(cover.top_card)}**", ""]
    if cover.questions:
        out += ["The questions:", ""] + [f"- {md_escape(q)}" for q in cover.questions]
        more = cover.more_questions
        out += [f"- *and {more} more in the rounds*"] if more else []
        out.append("")
    return [*out, f"*{md_escape(cover.exported)}*", ""]


def _agenda(agenda: report.Agenda) -> list[str]:
    out = [
        f"## {agenda.title}",
        "",
        "| # | Round | Format | Planned | Actual |",
        "|---|---|---|---|---|",
    ]
    for row in agenda.rows:
        cells = (row.number, row.title, row.format, row.planned, row.actual or "–")
        out.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    return [*out, ""]


def _round(part: report.RoundPart) -> list[str]:
    out = [f"## {md_escape(part.title)}", "", f"*{md_escape(part.meta)}*", ""]
    for prompt in part.prompts:
        out += [f"**{md_escape(prompt)}**", ""]
    if part.empty:
        return [*out, part.empty, ""]
    for block in part.parts:
        out += [f"### {md_escape(block.title)}", ""]
        if isinstance(block, report.TableEntries):
            if block.themes:
                out += [_entry(t) for t in block.themes] + [""]
            for q in block.quotes:
                out += _quote(q)
        else:
            out += [_entry(t, where=True) for t in block.entries] + [""]
    return out


def _tally(tally: report.Tally) -> list[str]:
    out = [f"## {md_escape(tally.title)}", ""]
    if not tally.bars:
        return [*out, tally.empty, ""]
    top = max(b.picks for b in tally.bars)
    label = md_escape(tally.suit_label or "Suit")
    out += [f"| Card | {label} | Picks | |", "|---|---|--:|---|"]
    for bar in tally.bars:
        blocks = BAR * max(1, round(BAR_WIDTH * bar.picks / top))
        out.append(
            f"| {md_escape(bar.card.title)} | {md_escape(bar.card.suit_name)} "
            f"| {bar.picks} | {blocks} |"
        )
    return [*out, ""]


def _most_tagged(most: report.MostTagged) -> list[str]:
    out = [f"## {md_escape(most.title)}", ""]
    for tagged in most.cards:
        out += [f"### {md_escape(tagged.title)} · {md_escape(tagged.detail)}", ""]
        out += [
            f"- {md_block(t.text, '  ')} *({md_escape(report.where(t))})*" for t in tagged.entries
        ]
        if tagged.more:
            out.append(f"- *and {tagged.more:,} more*")
        out.append("")
    return out


def write_markdown(harvest: Harvest, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render_markdown(harvest))
