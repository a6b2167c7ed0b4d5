"""The room's votes and the feedback survey in the pdf report: each question, its count,
its chart (a survey's free texts listed)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from facilitator.core.harvest import TallyBar
from facilitator.export.pdf.chart import BARS_PER_CHART, tally_drawing
from facilitator.export.pdf.fonts import Fonts, para_text
from facilitator.export.pdf.style import Styles, section_heading
from facilitator.export.sections.room_questions import RoomQuestions, upvotes_text
from facilitator.export.sections.survey import SurveySection
from facilitator.export.sections.votes import RoomVotes


def room_votes(block: RoomVotes, s: Styles, f: Fonts) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(70 * mm), *section_heading(block.title, s)]
    for result in block.votes:
        out += [
            CondPageBreak(40 * mm),
            Paragraph(para_text(result.question), s.h3),
            Paragraph(para_text(result.detail), s.meta),
        ]
        if not result.bars:
            out.append(Paragraph(para_text(result.empty), s.empty))
            continue
        out += _chart(result.bars, f)
    return out


def _chart(bars_: tuple[TallyBar, ...], f: Fonts) -> list[Flowable]:
    out: list[Flowable] = []
    top = max(b.picks for b in bars_) or 1
    for start in range(0, len(bars_), BARS_PER_CHART):
        bars = bars_[start : start + BARS_PER_CHART]
        out += [Spacer(1, 4), tally_drawing(bars, top, f)]
    return out


def survey(block: SurveySection, s: Styles, f: Fonts) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(70 * mm), *section_heading(block.title, s)]
    for result in block.results:
        out += [
            CondPageBreak(40 * mm),
            Paragraph(para_text(result.question), s.h3),
            Paragraph(para_text(result.detail), s.meta),
        ]
        if result.bars:
            out += _chart(result.bars, f)
        elif result.texts:
            out += [Paragraph(para_text(t), s.bullet, bulletText="•") for t in result.texts]
        else:
            out.append(Paragraph(para_text(result.empty), s.empty))
    return out


def room_questions(block: RoomQuestions, s: Styles, f: Fonts) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(50 * mm), *section_heading(block.title, s)]
    out.append(Paragraph(para_text(block.note), s.meta))
    for q in block.questions:
        text = f"{para_text(q.text)} ({para_text(upvotes_text(q.upvotes))})"
        out.append(Paragraph(text, s.bullet, bulletText="•"))
    return out
