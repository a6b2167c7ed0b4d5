"""The one-page summary (export/summary.py) as Markdown and as html, for their writers.

Typed text is escaped by each format's own escaping (md_escape, esc): never markup."""

from __future__ import annotations

from facilitator.export import report
from facilitator.export.html import esc
from facilitator.export.markdown import md_block, md_escape
from facilitator.export.summary import Summary


def summary_markdown(block: Summary) -> list[str]:
    out = [f"## {md_escape(block.title)}", ""]
    if block.groups:
        out += [f"### {md_escape(block.groups_title)}", ""]
        for g in block.groups:
            place = f"{g.place} " if g.place else "- "
            out.append(f"{place}**{md_escape(g.name)}** · {md_escape(g.detail)}")
        out.append("")
    if block.quotes:
        out += [f"### {md_escape(block.quotes_title)}", ""]
        for n, q in enumerate(block.quotes):
            # Python-Markdown joins quotes that only a blank line parts into one
            out += ["<!-- -->", ""] if n else []
            out += [f"> {md_block(report.quoted(q.text), '> ')} — *{md_escape(q.where)}*", ""]
    if block.cards:
        out += [f"### {md_escape(block.cards_title)}", ""]
        out += [f"- {md_escape(c)}" for c in block.cards] + [""]
    if block.actions:
        out += [f"### {md_escape(block.actions_title)}", ""]
        out += [f"- {md_escape(a.text)} *({md_escape(a.where)})*" for a in block.actions]
        if block.more_actions:
            out.append(f"- *and {block.more_actions:,} more in the rounds*")
        out.append("")
    return out


def summary_html(block: Summary) -> list[str]:
    out = [f'<section class="summary"><h2>{esc(block.title)}</h2>']
    if block.groups:
        out.append(f"<h3>{esc(block.groups_title)}</h3>")
        tag = "ol" if any(g.place for g in block.groups) else "ul"
        out.append(f'<{tag} class="entries">')
        out += [
            f'<li dir="auto"><b>{esc(g.name)}</b> <span class="where">· {esc(g.detail)}</span></li>'
            for g in block.groups
        ]
        out.append(f"</{tag}>")
    if block.quotes:
        out.append(f"<h3>{esc(block.quotes_title)}</h3>")
        out += [
            f'<blockquote dir="auto">{esc(report.quoted(q.text))}'
            f"<footer>— {esc(q.where)}</footer></blockquote>"
            for q in block.quotes
        ]
    if block.cards:
        out.append(f'<h3>{esc(block.cards_title)}</h3><ul class="entries">')
        out += [f"<li>{esc(c)}</li>" for c in block.cards]
        out.append("</ul>")
    if block.actions:
        out.append(f'<h3>{esc(block.actions_title)}</h3><ul class="entries">')
        out += [
            f'<li dir="auto">{esc(a.text)} <span class="where">({esc(a.where)})</span></li>'
            for a in block.actions
        ]
        if block.more_actions:
            out.append(f'<li class="empty">and {block.more_actions:,} more in the rounds</li>')
        out.append("</ul>")
    out.append("</section>")
    return out
