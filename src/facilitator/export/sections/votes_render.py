"""The room's votes and the feedback survey in the md and html reports (the pdf's are in
export/pdf/votes.py)."""

from __future__ import annotations

from facilitator.core.harvest import TallyBar
from facilitator.export.html import esc, esc_lines, tally_bars
from facilitator.export.markdown import BAR, BAR_WIDTH, md_block, md_escape
from facilitator.export.sections.room_questions import RoomQuestions, upvotes_text
from facilitator.export.sections.survey import SurveySection
from facilitator.export.sections.votes import RoomVotes


def votes_markdown(block: RoomVotes) -> list[str]:
    out = [f"## {md_escape(block.title)}", ""]
    for result in block.votes:
        out += [f"### {md_escape(result.question)}", "", md_escape(result.detail), ""]
        if not result.bars:
            out += [result.empty, ""]
            continue
        out += [*_md_chart(result.bars, "Votes"), ""]
    return out


def _md_chart(bars: tuple[TallyBar, ...], counted: str) -> list[str]:
    top = max(b.picks for b in bars) or 1
    out = [f"| Answer | {counted} | |", "|---|--:|---|"]
    for bar in bars:
        blocks = BAR * round(BAR_WIDTH * bar.picks / top)
        out.append(f"| {md_escape(bar.card.title)} | {bar.picks} | {blocks} |")
    return out


def survey_markdown(block: SurveySection) -> list[str]:
    out = [f"## {md_escape(block.title)}", ""]
    for result in block.results:
        out += [f"### {md_escape(result.question)}", "", md_escape(result.detail), ""]
        if result.bars:
            out += [*_md_chart(result.bars, "Answers"), ""]
        elif result.texts:
            out += [*(f"- {md_block(t, '  ')}" for t in result.texts), ""]
        else:
            out += [result.empty, ""]
    return out


def survey_html(block: SurveySection) -> list[str]:
    out = [f"<section><h2>{esc(block.title)}</h2>"]
    for result in block.results:
        out.append(f'<h3 dir="auto">{esc(result.question)}</h3>')
        out.append(f'<p class="meta">{esc(result.detail)}</p>')
        if result.bars:
            out.append(tally_bars(result.bars, result.question, "answer"))
        elif result.texts:
            items = "".join(f'<li dir="auto">{esc_lines(t)}</li>' for t in result.texts)
            out.append(f'<ul class="entries">{items}</ul>')
        else:
            out.append(f'<p class="empty">{esc(result.empty)}</p>')
    out.append("</section>")
    return out


def votes_html(block: RoomVotes) -> list[str]:
    out = [f"<section><h2>{esc(block.title)}</h2>"]
    for result in block.votes:
        out.append(f'<h3 dir="auto">{esc(result.question)}</h3>')
        out.append(f'<p class="meta">{esc(result.detail)}</p>')
        if result.bars:
            out.append(tally_bars(result.bars, result.question, "vote"))
        else:
            out.append(f'<p class="empty">{esc(result.empty)}</p>')
    out.append("</section>")
    return out


def questions_markdown(block: RoomQuestions) -> list[str]:
    out = [f"## {md_escape(block.title)}", "", md_escape(block.note), ""]
    for q in block.questions:
        out.append(f"- {md_block(q.text, '  ')} ({upvotes_text(q.upvotes)})")
    return [*out, ""]


def questions_html(block: RoomQuestions) -> list[str]:
    items = "".join(
        f'<li dir="auto">{esc_lines(q.text)} '
        f'<span class="where">({esc(upvotes_text(q.upvotes))})</span></li>'
        for q in block.questions
    )
    return [
        f"<section><h2>{esc(block.title)}</h2>",
        f'<p class="meta">{esc(block.note)}</p>',
        f'<ul class="entries">{items}</ul></section>',
    ]
