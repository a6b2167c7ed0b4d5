"""The document: page templates (cover, numbered later pages), the story in order, and
:func:`write_pdf`.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from facilitator.core.deck_colours import parse_colour
from facilitator.core.harvest import Harvest
from facilitator.export import report
from facilitator.export.pdf.agenda import agenda
from facilitator.export.pdf.chart import tally
from facilitator.export.pdf.contents import (
    FEW_PAGES,
    SURELY_LONG,
    ContentsMark,
    draw_contents,
)
from facilitator.export.pdf.cover import cover
from facilitator.export.pdf.fonts import fonts, placed
from facilitator.export.pdf.rounds import most_tagged, round_part
from facilitator.export.pdf.style import (
    ACCENT,
    BODY_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    make_styles,
    plain,
)
from facilitator.export.pdf.summary import summary_pdf
from facilitator.export.pdf.tagging import LANG, TaggedFrame, Tags
from facilitator.export.pdf.text_block import TextBlock
from facilitator.export.pdf.votes import room_questions, room_votes, survey
from facilitator.export.sections.room_questions import RoomQuestions
from facilitator.export.sections.survey import SurveySection
from facilitator.export.sections.votes import RoomVotes
from facilitator.export.summary import Summary


class KeepStart(KeepTogether):  # type: ignore[misc]
    """Keeps a round's heading, details and prompts with the start of what follows.

    reportlab's own KeepTogether moves the whole group to the next page when it does not
    fit; with a long block of entries last, that would leave most of a page empty. Here
    the group stays when the headings and the first lines of the block fit.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        content = list(self._content)
        last = content[-1]
        if isinstance(last, TextBlock):
            need = sum(
                f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in content[:-1]
            )
            if need + last.getSpaceBefore() + last.min_first_height(aW) <= aH:
                return content
        return list(super().split(aW, aH))


# -- the document ---------------------------------------------------------------------------


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Writes "page N of M" once the page count is known, and the structure tree and
    bookmarks (:mod:`.tagging`) once every page is written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.tags = Tags()

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self.tags.contents is not None and self._pageNumber == self.tags.contents[0]:
                draw_contents(self, self.tags)
            if self._pageNumber > 1:
                self.tags.artifact(self)
                self.setFont(fonts().sans, 8.5)
                self.setFillColor(MUTED)
                self.drawCentredString(
                    PAGE_W / 2, MARGIN_BOTTOM / 2, f"{self._pageNumber} of {total}"
                )
                self.tags.end(self)
            self.tags.place_bookmarks(self)
            super().showPage()
            self.tags.mark_page(self)
        self.tags.write(self)
        self.showOutline()
        super().save()


def cover_page(harvest: Harvest) -> Any:
    suits = [parse_colour(s.colour) for s in harvest.deck.suits] or [None]

    def draw(canvas: Canvas, _doc: Any) -> None:
        Tags.artifact(canvas)
        canvas.saveState()
        band = 14 * mm
        canvas.setFillColor(ACCENT)
        canvas.rect(0, PAGE_H - band, PAGE_W, band, stroke=0, fill=1)
        stripe = PAGE_W / len(suits)
        for i, colour in enumerate(suits):
            canvas.setFillColor(colors.HexColor(colour) if colour else ACCENT)
            canvas.rect(i * stripe, PAGE_H - band - 2.2 * mm, stripe, 2.2 * mm, stroke=0, fill=1)
        canvas.setFont(fonts().sans, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM / 2, report.exported_line(harvest))
        canvas.restoreState()
        Tags.end(canvas)

    return draw


def later_pages(harvest: Harvest) -> Any:
    title = harvest.event.title
    f = fonts()

    def draw(canvas: Canvas, _doc: Any) -> None:
        Tags.artifact(canvas)
        canvas.saveState()
        canvas.setFont(f.sans, 8.5)
        canvas.setFillColor(MUTED)
        y = PAGE_H - MARGIN_TOP + 9 * mm
        shown = title if len(title) <= 90 else title[:88] + "…"
        for x, part, font in placed(plain(shown, f), f.sans, 8.5)[0]:
            canvas.setFont(font, 8.5)
            canvas.drawString(MARGIN_X + x, y, part)
        canvas.setFont(f.sans, 8.5)
        canvas.drawRightString(PAGE_W - MARGIN_X, y, "Harvest")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, y - 2.5 * mm, PAGE_W - MARGIN_X, y - 2.5 * mm)
        canvas.restoreState()
        Tags.end(canvas)

    return draw


def build_story(harvest: Harvest, *, contents: bool = False) -> list[Flowable]:
    f = fonts()
    s = make_styles(f)
    story: list[Flowable] = []
    for block in report.outline(harvest):
        match block:
            case report.Cover():
                story += [*cover(block, s), NextPageTemplate("body"), PageBreak()]
                if contents:  # drawn once the sections' pages are known
                    story += [ContentsMark(), PageBreak()]
            case Summary():
                story += summary_pdf(block, s, f)
            case report.Agenda():
                story += agenda(block, s)
            case report.RoundPart():
                story += round_part(block, s, f)
            case report.Tally():
                story += tally(block, s, f)
            case RoomVotes():
                story += room_votes(block, s, f)
            case RoomQuestions():
                story += room_questions(block, s, f)
            case SurveySection():
                story += survey(block, s, f)
            case report.MostTagged():
                story += most_tagged(block, s, f)
    return story


def write_pdf(harvest: Harvest, path: Path) -> None:
    """The report; with a contents page after the cover when it runs past a few pages (a
    short one is laid out once first to count them: a few hundredths of a second)."""
    contents = len(harvest.themes) > SURELY_LONG or _build(harvest, io.BytesIO()) > FEW_PAGES
    _build(harvest, path, contents=contents)


def _build(harvest: Harvest, target: Path | IO[bytes], *, contents: bool = False) -> int:
    """Lays the report out into ``target``; returns its number of pages."""
    # binary (zlib) streams without the ASCII85 layer: smaller, and its pure-Python encoder
    # costs a second on a big event
    rl_config.useA85 = 0
    event = harvest.event
    doc = BaseDocTemplate(
        target if not isinstance(target, Path) else str(target),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"Harvest: {event.title}",
        author=event.facilitator or "Facilitator",
        subject=harvest.plan_title,
        creator=f"Facilitator {event.app_version}",
        lang=LANG,
        displayDocTitle=True,
        # every page's preamble names the initial font: ours, not an unembedded Helvetica
        initialFontName=fonts().sans,
    )
    frame = TaggedFrame(
        MARGIN_X,
        MARGIN_BOTTOM,
        BODY_W,
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.keepTogetherClass = KeepStart
    doc.addPageTemplates(
        [
            PageTemplate("cover", frames=[frame], onPage=cover_page(harvest)),
            PageTemplate("body", frames=[frame], onPage=later_pages(harvest)),
        ]
    )
    doc.build(build_story(harvest, contents=contents), canvasmaker=NumberedCanvas)
    pages: int = doc.page
    return pages
