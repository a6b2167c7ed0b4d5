"""The contents page of a long report: after the cover, the agenda, each round and the
charts, each with its page number and a link to it.

The pages of the sections are known only once every page is laid out, so the page is
kept empty while the report is laid out (:class:`ContentsMark` marks where it goes) and
drawn when the pages are written (:func:`draw_contents`, from the numbered canvas), as the
"3 of 12" page numbers are. Its structure (an H2 and a TOC of TOCI items) goes into the
tree where the page is, after the cover.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from facilitator.export.pdf import style as st
from facilitator.export.pdf.fonts import fonts, placed
from facilitator.export.pdf.tagging import Elem, Tags, tags_of

TITLE = "Contents"
FEW_PAGES = 4  # a report of more pages than this (cover included) has a contents page
SURELY_LONG = 150  # entries: a report this long runs past FEW_PAGES, no need to measure
LINE, SMALLEST_LINE = 20.0, 11.0  # points between the lines, shrunk to fit one page
TITLE_SIZE = 20.0


class ContentsMark(Flowable):  # type: ignore[misc]
    """Where the contents page goes: its page, and its place in the structure tree."""

    self_tagging = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        tags = tags_of(self.canv)
        if tags is not None:
            tags.contents = (self.canv.getPageNumber(), len(tags.root.kids))


def _fitted(text: str, size: float, width: float) -> tuple[list[tuple[float, str, str]], float]:
    f = fonts()
    shown = st.plain(text, f)
    parts, used = placed(shown, f.sans, size)
    while used > width and len(shown) > 4:
        shown = shown[:-2].rstrip() + "…"
        parts, used = placed(shown, f.sans, size)
    return parts, used


def draw_contents(canvas: Any, tags: Tags) -> None:
    """Draws the contents on the page being written: a line per bookmarked section."""
    assert tags.contents is not None
    f = fonts()
    at = tags.contents[1]
    heading, toc = Elem("H2", tags.root), Elem("TOC", tags.root)
    tags.root.kids[at:at] = [heading, toc]
    top = st.PAGE_H - st.MARGIN_TOP - TITLE_SIZE
    tags.begin(canvas, heading)
    canvas.setFont(f.bold, TITLE_SIZE)
    canvas.setFillColor(st.ACCENT)
    canvas.drawString(st.MARGIN_X, top, TITLE)
    tags.end(canvas)
    sections = tags.sections
    room = top - 14 - st.MARGIN_BOTTOM
    line = max(SMALLEST_LINE, min(LINE, room / max(1, len(sections))))
    size = min(11.0, line * 0.62)
    y = top - 14
    for title, key, page in sections:
        y -= line
        if y < st.MARGIN_BOTTOM:  # more sections than lines: the bookmarks list them all
            break
        number = str(page)
        number_w = canvas.stringWidth(number, f.sans, size)
        parts, used = _fitted(title, size, st.BODY_W - number_w - 24)
        tags.begin(canvas, tags.element("TOCI", toc))
        canvas.setFillColor(st.INK)
        for x, part, font in parts:
            canvas.setFont(font, size)
            canvas.drawString(st.MARGIN_X + x, y, part)
        canvas.setFont(f.sans, size)
        canvas.drawString(st.MARGIN_X + used, y, " ")  # read out as "Agenda 3", not "Agenda3"
        canvas.drawRightString(st.PAGE_W - st.MARGIN_X, y, number)
        tags.end(canvas)
        tags.artifact(canvas)  # the dotted leader between title and number
        canvas.setFillColor(st.MUTED)
        dots = st.MARGIN_X + used + 6
        end = st.PAGE_W - st.MARGIN_X - number_w - 6
        step = canvas.stringWidth(". ", f.sans, size)
        if end > dots + step:
            canvas.drawString(dots, y, ". " * int((end - dots) / step))
        tags.end(canvas)
        canvas.linkRect(
            "",
            key,
            (st.MARGIN_X, y - 3, st.PAGE_W - st.MARGIN_X, y + size),
            relative=0,
            thickness=0,
        )
