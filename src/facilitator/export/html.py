"""The harvest report as one self-contained web page: no scripts, no links out, printable.

Everything typed is escaped (``html.escape``), so an entry holding ``<script>`` shows the
characters and never becomes an element. The one thing read in an entry is a web address:
``http://`` or ``https://`` up to the next space becomes a link (``rel="noopener
noreferrer"``); no other scheme (``javascript:``, ``data:``) ever does. The organiser's
logo is in the page as data, never fetched. The card tally is a chart of HTML bars, so its
labels are text at the page's size on any screen. On a phone nothing scrolls sideways: long
words and links wrap, and the agenda's rows stack, each cell naming its column.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from facilitator.core.deck_colours import parse_colour
from facilitator.core.harvest import UNKNOWN_CARD_COLOUR, Harvest, HarvestTheme, TallyBar
from facilitator.export import report
from facilitator.export.sections.room_questions import RoomQuestions
from facilitator.export.sections.survey import SurveySection
from facilitator.export.sections.votes import RoomVotes
from facilitator.export.summary import Summary

CSS = """
:root { --ink: #1f2430; --muted: #5b6270; --rule: #d9dce3; --accent: #1b2c5d; --paper: #fff; }
* { box-sizing: border-box; }
html { background: #f3f4f7; }
body { margin: 0; color: var(--ink); overflow-wrap: anywhere; font: 16px/1.55 "Segoe UI",
  "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
main { max-width: 52rem; margin: 2rem auto; background: var(--paper); padding: 3rem 3.5rem;
  box-shadow: 0 1px 4px rgba(0,0,0,.08); }
h1 { font-size: 2.3rem; line-height: 1.15; margin: .2rem 0 .6rem; color: var(--accent); }
h2 { font-size: 1.45rem; margin: 2.6rem 0 .3rem; padding-top: .8rem;
  border-top: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; text-transform: none; }
h3.card { border-left: .35rem solid var(--rule); padding-left: .5rem; }
.logo { display: block; max-width: min(16rem, 100%); max-height: 6rem; margin: 0 0 1.2rem; }
a { color: #1a4fa0; }
.kicker { text-transform: uppercase; letter-spacing: .14em; font-size: .8rem; color: var(--muted);
  margin: 0; }
.sub { font-size: 1.2rem; margin: 0 0 .3rem; }
.top { margin: 1.2rem 0 1.4rem; }
.people, .meta, .exported, .where { color: var(--muted); }
.meta { margin: 0 0 .8rem; font-size: .92rem; }
.exported { font-size: .85rem; margin-top: 1.5rem; }
.counts { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0;
  margin: 1.6rem 0 0; }
.counts li { border: 1px solid var(--rule); border-radius: 6px; padding: .45rem .8rem;
  min-width: 6.5rem; }
.counts b { display: block; font-size: 1.5rem; line-height: 1.1; color: var(--accent); }
table.agenda { width: 100%; border-collapse: collapse; font-size: .95rem; }
.agenda th, .agenda td { text-align: left; padding: .45rem .5rem; vertical-align: top;
  border-bottom: 1px solid var(--rule); }
.agenda th { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em;
  color: var(--muted); }
.agenda td.num { width: 2rem; color: var(--muted); }
.agenda td.time { white-space: nowrap; }
.prompts { margin: .2rem 0 1rem; padding: .7rem 1rem; background: #f5f6f9;
  border-left: 4px solid var(--accent); list-style: none; }
.prompts li { font-weight: 600; margin: .15rem 0; }
ul.entries { margin: .2rem 0 .6rem; padding-left: 1.3rem; }
ul.entries li { margin: .25rem 0; }
ul.entries li:dir(rtl) { list-style-position: inside; } /* its bullet would stick out right */
.chip { display: inline-block; max-width: 100%; font-size: .75rem; line-height: 1.4;
  padding: 0 .45rem; margin-left: .3rem; border-radius: 999px; color: #fff; vertical-align: 1px; }
.where { font-size: .85rem; }
blockquote { margin: .8rem 0 1rem 0; padding: .5rem 1rem .5rem 1.4rem;
  border-left: 4px solid #b6540f; background: #fbf7f3; font-family: Georgia, "DejaVu Serif",
  serif; font-size: 1.08rem; font-style: italic; }
blockquote p { margin: 0; }
blockquote footer { font-family: inherit; font-style: normal; font-size: .85rem;
  color: var(--muted); margin-top: .3rem; }
.empty { color: var(--muted); font-style: italic; }
.tally { list-style: none; padding: 0; margin: .8rem 0; max-width: 46rem; }
.tally li { display: grid; grid-template-columns: minmax(6rem, 15rem) 1fr; gap: .2rem .8rem;
  align-items: center; margin: .35rem 0; }
.tally .label { text-align: right; font-size: .95rem; line-height: 1.25; }
.tally .track { display: flex; align-items: center; gap: .5rem; }
.tally .fill { display: block; height: 1.35rem; min-width: 3px; border-radius: 3px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.tally .n { font-weight: 700; font-size: .95rem; }
@media (max-width: 40rem) {
  main { margin: 0; padding: 1.4rem 1rem 2rem; box-shadow: none; }
  h1 { font-size: 1.75rem; }
  .tally li { grid-template-columns: 1fr; gap: .1rem; margin: .55rem 0; }
  .tally .label { text-align: left; }
  table.agenda, .agenda tbody, .agenda tr, .agenda td { display: block; width: auto; }
  .agenda thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  .agenda tr { border-bottom: 1px solid var(--rule); padding: .4rem 0; }
  .agenda td { border: 0; padding: .1rem 0; }
  .agenda td.num, .agenda td.num + td { display: inline; font-weight: 600; color: var(--ink); }
  .agenda td.num { margin-right: .4rem; }
  .agenda td.time { white-space: normal; }
  .agenda td[data-label]::before { content: attr(data-label); display: inline-block;
    min-width: 5.2rem; font-size: .8rem; color: var(--muted); }
}
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h2 { break-before: auto; }
  h1, h2, h3, .meta, .prompts { break-after: avoid; page-break-after: avoid; }
  li, blockquote, tr, svg { break-inside: avoid; page-break-inside: avoid; }
  .cover { break-after: page; page-break-after: always; }
  .chip { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def esc_lines(text: str) -> str:
    """Typed text that may hold line breaks: escaped, breaks shown, web addresses linked."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(linked(line) for line in lines)


# a web address as typed: the scheme, then a host, up to a space or a character that cannot
# be in one; the punctuation that ends a sentence after it is not part of it
_URL = re.compile(r"\bhttps?://[^\s<>\"`{}|\\^\x00-\x1f\x7f]+", re.IGNORECASE)
_TRAILING = ".,;:!?'’”»"


def _link_end(url: str) -> str:
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


def linked(text: str) -> str:
    """One line of typed text, escaped, with each http(s) address a link; nothing else in
    it is read as markup."""
    out, at = [], 0
    for match in _URL.finditer(text):
        url = _link_end(match.group(0))
        if len(url) <= url.index("//") + 2:  # "http://" and nothing after it
            continue
        out.append(esc(text[at : match.start()]))
        out.append(f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>')
        at = match.start() + len(url)
    out.append(esc(text[at:]))
    return "".join(out)


def _colour(value: str) -> str:
    return parse_colour(value) or UNKNOWN_CARD_COLOUR


def _chips(theme: HarvestTheme) -> str:
    seen = dict.fromkeys(theme.cards)
    return "".join(
        f'<span class="chip" style="background:{_colour(c.colour)}">{esc(c.title)}</span>'
        for c in seen
    )


def _entry(theme: HarvestTheme, *, where: bool = False) -> str:
    place = report.where(theme, with_round=False)  # in its round's section
    extra = f' <span class="where">({esc(place)})</span>' if where else ""
    return f'<li dir="auto">{esc_lines(theme.text)}{extra}{_chips(theme)}</li>'


def _quote(theme: HarvestTheme) -> str:
    return (
        f'<blockquote><p dir="auto">{esc_lines(report.quoted(theme.text))}</p>'
        f"<footer>— {esc(theme.table_label)}{_chips(theme)}</footer></blockquote>"
    )


def tally_bars(bars: tuple[TallyBar, ...], title: str, counted: str = "pick") -> str:
    """A bar chart in HTML, one bar per picked card in its suit's colour, most picked
    first: the labels are the page's own text, readable at any width."""
    top = max(b.picks for b in bars)
    rows = []
    for bar in bars:
        share = max(0.5, 100 * bar.picks / top)
        picks = f"{bar.picks} {counted}{'' if bar.picks == 1 else 's'}"
        rows.append(
            f'<li><span class="label">{esc(bar.card.title)}</span><span class="track">'
            f'<span class="fill" style="width:{share:.1f}%;background:{_colour(bar.card.colour)}">'
            f'</span><span class="n" aria-label="{picks}">{bar.picks}</span></span></li>'
        )
    return f'<ol class="tally" aria-label="{esc(title)}">{"".join(rows)}</ol>'


def _legend(tally: report.Tally) -> str:
    suits = dict.fromkeys((b.card.suit_name, b.card.colour) for b in tally.bars)
    items = "".join(
        f'<span class="chip" style="background:{_colour(colour)}">{esc(name or "Other")}</span>'
        for name, colour in suits
    )
    return f'<p class="meta">{esc(tally.picks_line)}: {items}</p>'


def render_html(harvest: Harvest) -> str:
    event = harvest.event
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="Facilitator {esc(event.app_version)}">',
        f"<title>Harvest: {esc(event.title)}</title>",
        f"<style>{CSS}</style></head><body><main>",
    ]
    from facilitator.export.summary_render import summary_html  # it uses this module's escaping

    for block in report.outline(harvest):
        match block:
            case report.Cover():
                out += _cover(block)
            case Summary():
                out += summary_html(block)
            case report.Agenda():
                out += _agenda(block)
            case report.RoundPart():
                out += _round(block)
            case report.Tally():
                out += _tally(block)
            case RoomVotes():
                from facilitator.export.sections.votes_render import votes_html

                out += votes_html(block)
            case RoomQuestions():
                from facilitator.export.sections.votes_render import questions_html

                out += questions_html(block)
            case SurveySection():
                from facilitator.export.sections.votes_render import survey_html

                out += survey_html(block)
            case report.MostTagged():
                out += _most_tagged(block)
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


def _cover(cover: report.Cover) -> list[str]:
    out = ['<header class="cover">']
    if cover.logo_png:
        data = base64.b64encode(cover.logo_png).decode("ascii")
        alt = esc(f"Logo of {cover.organiser}" if cover.organiser else "The organiser's logo")
        out.append(f'<img class="logo" alt="{alt}" src="data:image/png;base64,{data}">')
    out += ['<p class="kicker">Harvest</p>', f'<h1 dir="auto">{esc(cover.title)}</h1>']
    if cover.subtitle:
        out.append(f'<p class="sub">{esc(cover.subtitle)}</p>')
    if cover.organiser:
        out.append(f'<p class="sub" dir="auto">{esc(cover.organiser)}</p>')
    out.append(f'<p class="people">{esc(cover.people)}</p>')
    out.append('<ul class="counts">')
    out += [f"<li><b>{esc(n)}</b>{esc(label)}</li>" for n, label in cover.counts]
    out.append("</ul>")
    if cover.top_card:
        out.append(f'<p class="sub top">{esc(cover.top_card)}</p>')
    if cover.questions:
        out.append('<p class="kicker">The questions</p><ul class="prompts">')
        out += [f'<li dir="auto">{esc(q)}</li>' for q in cover.questions]
        if cover.more_questions:
            out.append(f'<li class="where">and {cover.more_questions} more in the rounds</li>')
        out.append("</ul>")
    out.append(f'<p class="exported">{esc(cover.exported)}</p>')
    out.append("</header>")
    return out


def _agenda(agenda: report.Agenda) -> list[str]:
    out = [
        f"<section><h2>{esc(agenda.title)}</h2>",
        '<table class="agenda"><thead><tr><th>#</th><th>Round</th><th>Format</th>'
        "<th>Planned</th><th>Actual</th></tr></thead><tbody>",
    ]
    for row in agenda.rows:
        out.append(
            f'<tr><td class="num">{esc(row.number)}</td><td>{esc(row.title)}</td>'
            f'<td data-label="Format">{esc(row.format)}</td>'
            f'<td class="time" data-label="Planned">{esc(row.planned)}</td>'
            f'<td class="time" data-label="Actual">{esc(row.actual or "–")}</td></tr>'
        )
    out.append("</tbody></table></section>")
    return out


def _round(part: report.RoundPart) -> list[str]:
    out = [
        '<section class="round">',
        f"<h2>{esc(part.title)}</h2>",
        f'<p class="meta">{esc(part.meta)}</p>',
    ]
    if part.prompts:
        out.append('<ul class="prompts">')
        out += [f'<li dir="auto">{esc(p)}</li>' for p in part.prompts]
        out.append("</ul>")
    if part.empty:
        out.append(f'<p class="empty">{esc(part.empty)}</p></section>')
        return out
    for block in part.parts:
        out.append(f"<h3>{esc(block.title)}</h3>")
        if isinstance(block, report.TableEntries):
            if block.themes:
                out.append(
                    '<ul class="entries">' + "".join(_entry(t) for t in block.themes) + "</ul>"
                )
            out += [_quote(q) for q in block.quotes]
        else:
            out.append(
                '<ul class="entries">'
                + "".join(_entry(t, where=True) for t in block.entries)
                + "</ul>"
            )
    out.append("</section>")
    return out


def _tally(tally: report.Tally) -> list[str]:
    out = [f"<section><h2>{esc(tally.title)}</h2>"]
    if tally.bars:
        out.append(_legend(tally))
        out.append(tally_bars(tally.bars, tally.title))
    else:
        out.append(f'<p class="empty">{esc(tally.empty)}</p>')
    out.append("</section>")
    return out


def _most_tagged(most: report.MostTagged) -> list[str]:
    out = [f"<section><h2>{esc(most.title)}</h2>"]
    for tagged in most.cards:
        colour = _colour(tagged.card.colour)
        out.append(
            f'<h3 class="card" style="border-left-color:{colour}">{esc(tagged.title)} '
            f'<span class="where">· {esc(tagged.detail)}</span></h3>'
        )
        items = "".join(
            f'<li dir="auto">{esc_lines(t.text)} '
            f'<span class="where">({esc(report.where(t))})</span></li>'
            for t in tagged.entries
        )
        rest = f'<li class="empty">{esc(tagged.rest)}</li>' if tagged.rest else ""
        out.append(f'<ul class="entries">{items}{rest}</ul>')
    out.append("</section>")
    return out


def write_html(harvest: Harvest, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render_html(harvest))
