"""The report's page size, colours, paragraph styles and the small flowables they use
(a tinted prompt band, the rule over a section heading).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from msgspec import Struct
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Paragraph,
)

from facilitator.core.control_chars import strip_controls
from facilitator.core.deck_colours import parse_colour
from facilitator.core.harvest import UNKNOWN_CARD_COLOUR, HarvestTheme
from facilitator.export.pdf.fonts import Fonts, para_text
from facilitator.export.rtl import visual_line

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 24 * mm, 20 * mm
BODY_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#1f2430")
MUTED = colors.HexColor("#5b6270")
RULE = colors.HexColor("#d9dce3")
ACCENT = colors.HexColor("#1b2c5d")
PROMPT_BACK = colors.HexColor("#f1f3f8")
QUOTE_BAR = colors.HexColor("#b6540f")
QUOTE_BACK = colors.HexColor("#fbf6f1")


# -- styles ---------------------------------------------------------------------------------


class Styles(Struct, frozen=True):
    kicker: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    people: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    small: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    meta: ParagraphStyle
    prompt: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    quote: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    empty: ParagraphStyle


def make_styles(f: Fonts) -> Styles:
    body = ParagraphStyle(
        "body",
        fontName=f.sans,
        fontSize=10,
        leading=14.2,
        textColor=INK,
        allowWidows=0,
        allowOrphans=0,
    )
    return Styles(
        kicker=ParagraphStyle(
            "kicker",
            parent=body,
            fontName=f.bold,
            fontSize=9,
            leading=12,
            textColor=MUTED,
            spaceAfter=6,
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=f.bold,
            fontSize=28,
            leading=34,
            textColor=ACCENT,
            spaceAfter=12,
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=14, leading=19, spaceAfter=4),
        people=ParagraphStyle("people", parent=body, textColor=MUTED, spaceAfter=26),
        figure=ParagraphStyle(
            "figure", parent=body, fontName=f.bold, fontSize=22, leading=26, textColor=ACCENT
        ),
        figure_label=ParagraphStyle(
            "figure_label", parent=body, fontSize=9, leading=11, textColor=MUTED
        ),
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=f.bold,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=2,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=f.bold,
            fontSize=11,
            leading=14,
            spaceBefore=10,
            spaceAfter=3,
            keepWithNext=1,
        ),
        meta=ParagraphStyle(
            "meta",
            parent=body,
            fontSize=9,
            leading=12,
            textColor=MUTED,
            spaceAfter=6,
            keepWithNext=1,
        ),
        prompt=ParagraphStyle(
            "prompt",
            parent=body,
            fontName=f.bold,
            fontSize=10.5,
            leading=15,
            leftIndent=12,
            rightIndent=8,
            spaceBefore=6,
            spaceAfter=10,
            keepWithNext=1,
        ),
        body=body,
        bullet=ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=14,
            bulletIndent=3,
            spaceAfter=3,
            bulletFontName=f.sans,
        ),
        quote=ParagraphStyle(
            "quote",
            parent=body,
            fontName=f.serif_italic,
            fontSize=11,
            leading=15.5,
            leftIndent=14,
            rightIndent=10,
            spaceBefore=7,
            spaceAfter=9,
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=12),
        cell_head=ParagraphStyle(
            "cell_head", parent=body, fontName=f.bold, fontSize=8, leading=10, textColor=MUTED
        ),
        empty=ParagraphStyle("empty", parent=body, fontName=f.italic, textColor=MUTED),
    )


# -- flowables ------------------------------------------------------------------------------


class BoxedParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph on a tinted band with a coloured bar at its left; splits across pages."""

    back: Any = PROMPT_BACK
    bar: Any = ACCENT
    pad = 4.0

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.back)
        canvas.rect(0, -self.pad, self.width, self.height + 2 * self.pad, stroke=0, fill=1)
        canvas.setFillColor(self.bar)
        canvas.rect(0, -self.pad, 3, self.height + 2 * self.pad, stroke=0, fill=1)
        canvas.restoreState()
        super().draw()


class Rule(Flowable):  # type: ignore[misc]
    """The line above a section heading; it keeps with the heading."""

    def __init__(self, colour: Any = ACCENT, thickness: float = 1.6) -> None:
        super().__init__()
        self.colour = colour
        self.thickness = thickness
        self.keepWithNext = 1
        self.spaceBefore = 14

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.thickness + 6

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.thickness + 5, self.width, self.thickness + 5)


def hex_colour(colour: str) -> str:
    return parse_colour(colour) or UNKNOWN_CARD_COLOUR


@cache
def suit_colour(colour: str) -> Any:
    """One reportlab colour per suit colour (the text blocks compare them by identity)."""
    return colors.HexColor(hex_colour(colour))


def chips_markup(theme: HarvestTheme, f: Fonts) -> str:
    """Tagged cards as paragraph markup (for headings)."""
    cards = dict.fromkeys(theme.cards)
    if not cards:
        return ""
    bits = " ".join(
        f'<font color="{hex_colour(c.colour)}">{f.chip}</font>\u00a0{para_text(c.title)}'
        for c in cards
    )
    return f'  <font size="8.5" color="#5b6270">{bits}</font>'


def section_heading(text: str, s: Styles) -> list[Flowable]:
    """A section's rule and heading; the heading is the section's bookmark."""
    heading = Paragraph(para_text(text), s.h2)
    heading.outline_title = " ".join(strip_controls(text).split())
    return [Rule(), heading]


def plain(text: str, f: Fonts) -> str:
    """Text for drawString (no markup): controls dropped, right-to-left words turned."""
    return visual_line(strip_controls(text).replace("\n", " "))
