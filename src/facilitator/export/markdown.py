"""The harvest report as Markdown (CommonMark), for pasting into a wiki, an email or a repo.

Typed text is escaped so a renderer shows it as typed: ``<script>``, ``*stars*`` and a line
starting with ``#`` stay text.
"""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.core.harvest import Harvest, HarvestTheme
from facilitator.export import report

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
    event = harvest.event
    out: list[str] = [f"# {md_escape(event.title)}", ""]
    sub = report.subtitle(harvest)
    if sub:
        out += [f"**{md_escape(sub)}**", ""]
    out += [md_escape(report.people_line(harvest)), "", md_escape(report.counts_line(harvest)), ""]
    top_card = report.top_card_line(harvest)
    if top_card:
        out += [f"**{md_escape(top_card)}**", ""]
    questions, more = report.cover_questions(harvest)
    if questions:
        out += ["The questions:", ""] + [f"- {md_escape(q)}" for q in questions]
        out += [f"- *and {more} more in the rounds*"] if more else []
        out.append("")
    out += [f"*{md_escape(report.exported_line(harvest))}*", ""]

    out += ["## Agenda", "", "| # | Round | Format | Planned | Actual |", "|---|---|---|---|---|"]
    for row in report.agenda(harvest):
        cells = (row.number, row.title, row.format, row.planned, row.actual or "–")
        out.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    out.append("")

    for section in harvest.sections:
        meta = report.round_meta(harvest, section.round)
        out += [f"## {md_escape(section.title)}", "", f"*{md_escape(meta)}*", ""]
        if section.round is not None:
            for prompt in section.round.prompts:
                out += [f"**{md_escape(prompt)}**", ""]
        if not section.count:
            out += [f"{report.EMPTY_ROUND}", ""]
            continue
        for group in section.groups:
            themes, quotes = group.of_kind("theme"), group.of_kind("quote")
            if not themes and not quotes:
                continue
            out += [f"### {md_escape(group.label)}", ""]
            if themes:
                out += [_entry(t) for t in themes] + [""]
            for q in quotes:
                out += _quote(q)
        for kind, heading in (("question", "Questions raised"), ("action", "Actions")):
            entries = section.of_kind(kind)
            if entries:
                out += [f"### {heading}", ""]
                out += [_entry(t, where=True) for t in entries] + [""]

    out += [f"## {report.TALLY_TITLE}", ""]
    if harvest.tally:
        top = max(b.picks for b in harvest.tally)
        label = md_escape(harvest.deck.suit_label or "Suit")
        out += [f"| Card | {label} | Picks | |", "|---|---|--:|---|"]
        for bar in harvest.tally:
            blocks = BAR * max(1, round(BAR_WIDTH * bar.picks / top))
            out.append(
                f"| {md_escape(bar.card.title)} | {md_escape(bar.card.suit_name)} "
                f"| {bar.picks} | {blocks} |"
            )
        out.append("")
    else:
        out += [report.NO_PICKS, ""]

    if harvest.most_tagged:
        out += [f"## {report.MOST_TAGGED_TITLE}", ""]
        for tagged in harvest.most_tagged:
            n = len(tagged.themes)
            suit = f" ({md_escape(tagged.card.suit_name)})" if tagged.card.suit_name else ""
            out += [
                f"### {md_escape(tagged.card.title)}{suit}: {n} {'entry' if n == 1 else 'entries'}",
                "",
            ]
            shown = tagged.themes[: report.MOST_TAGGED_SHOWN]
            out += [f"- {md_block(t.text, '  ')} *({md_escape(report.where(t))})*" for t in shown]
            if n > len(shown):
                out.append(f"- *and {n - len(shown):,} more*")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def write_markdown(harvest: Harvest, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render_markdown(harvest))
