"""The harvest report as Markdown, for pasting into a wiki, an email, a repo or MkDocs.

Written to read the same in CommonMark (and GitHub's) renderers and in Python-Markdown,
which MkDocs uses: typed text is escaped only in ways both understand. A backslash escape
works in both for ``\\ ` * _ { } [ ] # + - . ( ) !`` only; ``<``, ``|``, ``~`` and an
``&`` that would start an entity become entities. A line break inside an entry is two
trailing spaces (Python-Markdown shows CommonMark's backslash break literally); a blank
line inside an entry is a paragraph break, continued with four spaces in a list item (as
Python-Markdown needs). ``<script>``, ``*stars*`` and a line starting with ``#`` stay text.
"""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.core.harvest import Harvest, HarvestTheme
from facilitator.export import report
from facilitator.export.sections.room_questions import RoomQuestions
from facilitator.export.sections.survey import SurveySection
from facilitator.export.sections.votes import RoomVotes
from facilitator.export.summary import Summary

_BACKSLASHED = re.compile(r"([\\`*_\[\]{}])")
_ENTITIES = {"<": "&lt;", "|": "&#124;", "~": "&#126;"}
_AS_ENTITY = re.compile(r"&(?=#?\w+;)|[<|~]")
_LINE_START = re.compile(r"^([#>+\-]|\d+[.)])")
_UNDERLINE = re.compile(r"^=+\s*$")  # a line of = under a paragraph makes it a heading
HARD_BREAK = "  \n"
LIST_INDENT = "    "
BAR = "█"
BAR_WIDTH = 30


def md_escape(text: str) -> str:
    """One line of typed text as Markdown that renders exactly as typed (leading spaces,
    which would start a code block, dropped)."""
    text = _BACKSLASHED.sub(r"\\\1", text.strip())
    text = _AS_ENTITY.sub(lambda m: _ENTITIES.get(m.group(0), "&amp;"), text)
    if _UNDERLINE.match(text):
        return "&#61;" + text[1:]
    # "1." and "1)" start a list: the dot or bracket is escaped, the digits cannot be
    return _LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def md_block(text: str, indent: str = "") -> str:
    """Typed text that may hold line breaks and blank lines: each line escaped, breaks
    kept as hard breaks, a blank line as a paragraph break; ``indent`` continues the
    block (four spaces in a list item, ``> `` in a quote)."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    paragraphs: list[list[str]] = [[]]
    for line in raw:
        if line.strip():
            paragraphs[-1].append(md_escape(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    between = "\n" + indent.rstrip() + "\n" + indent
    return between.join((HARD_BREAK + indent).join(p) for p in paragraphs if p) or ""


def _entry(
    theme: HarvestTheme, *, where: bool = False, with_round: bool = True, cards: bool = True
) -> str:
    body = md_block(theme.text, LIST_INDENT)
    notes = []
    if where:
        notes.append(report.where(theme, with_round=with_round))
    tagged = report.cards_note(theme) if cards else ""
    if tagged:
        notes.append(f"cards: {tagged}")
    item = f"- {body}" + (f" *({md_escape('; '.join(notes))})*" if notes else "")
    # after an item of two paragraphs, Python-Markdown takes the next "- " line into the
    # second paragraph unless a blank line comes between
    return item + "\n" if "\n\n" in body else item


def _quote(theme: HarvestTheme) -> list[str]:
    lines = [f"> {md_block(report.quoted(theme.text), '> ')}"]
    cards = report.cards_note(theme)
    attribution = theme.table_label + (f" · cards: {cards}" if cards else "")
    return [*lines, ">", f"> — *{md_escape(attribution)}*", ""]


def render_markdown(harvest: Harvest) -> str:
    out: list[str] = []
    from facilitator.export.summary_render import summary_markdown  # it uses this module's escaping

    for block in report.outline(harvest):
        match block:
            case report.Cover():
                out += _cover(block)
            case Summary():
                out += summary_markdown(block)
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
    if cover.organiser:  # a logo is in the pdf and the web page; Markdown has the words
        out += [md_escape(cover.organiser), ""]
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
            for n, q in enumerate(block.quotes):
                # Python-Markdown joins quotes that only a blank line parts into one
                out += (["<!-- -->", ""] if n else []) + _quote(q)
        else:
            out += [_entry(t, where=True, with_round=False) for t in block.entries] + [""]
    return out


def _tally(tally: report.Tally) -> list[str]:
    out = [f"## {md_escape(tally.title)}", ""]
    if not tally.bars:
        return [*out, tally.empty, ""]
    top = max(b.picks for b in tally.bars)
    label = md_escape(tally.suit_word.capitalize())
    out += [md_escape(tally.picks_line) + ":", ""]
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
        out += [_entry(t, where=True, cards=False) for t in tagged.entries]
        out += [f"- *{md_escape(tagged.rest)}*"] if tagged.rest else []
        out.append("")
    return out


def write_markdown(harvest: Harvest, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render_markdown(harvest))
