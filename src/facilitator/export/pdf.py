"""The harvest report as a PDF an organiser can send as it is (reportlab platypus).

A4: a cover with the event, venue, date and counts; the agenda; each round with its
prompts, the themes by table, quotes set apart and the round's questions and actions; the
card tally as a bar chart in suit colours; the most-tagged cards. Headings keep with what
follows them (no heading alone at a page foot); pages are numbered "3 of 12".

Fonts: the app's own, bundled and embedded (:mod:`facilitator.export.pdf_fonts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from msgspec import Struct
from reportlab import rl_config
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from facilitator.core.control_chars import strip_controls
from facilitator.core.deck_colours import parse_colour
from facilitator.core.harvest import UNKNOWN_CARD_COLOUR, Harvest, HarvestTheme, TallyBar
from facilitator.export import report
from facilitator.export.pdf_fonts import CJK_FONT, Fonts, fonts, para_text, placed
from facilitator.export.pdf_text import Faces, Item, Look, Run, TextBlock
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


def _styles(f: Fonts) -> Styles:
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


class _BoxedParagraph(Paragraph):  # type: ignore[misc]
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


class _Rule(Flowable):  # type: ignore[misc]
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


def _hex(colour: str) -> str:
    return parse_colour(colour) or UNKNOWN_CARD_COLOUR


@cache
def _suit_colour(colour: str) -> Any:
    """One reportlab colour per suit colour (the text blocks compare them by identity)."""
    return colors.HexColor(_hex(colour))


def _chips(theme: HarvestTheme, f: Fonts) -> str:
    """Tagged cards as paragraph markup (for headings)."""
    cards = dict.fromkeys(theme.cards)
    if not cards:
        return ""
    bits = " ".join(
        f'<font color="{_hex(c.colour)}">{f.chip}</font>\u00a0{para_text(c.title)}' for c in cards
    )
    return f'  <font size="8.5" color="#5b6270">{bits}</font>'


class _Looks(Struct, frozen=True):
    """The TextBlock looks of the report's entries and the headings over them."""

    faces: Faces
    entry: Look
    quote: Look
    heading: Look
    fonts: Fonts


def _looks(f: Fonts) -> _Looks:
    return _Looks(
        faces=Faces(cjk=CJK_FONT, fallbacks=f.fallbacks),
        entry=Look(
            leading=14.2,
            indent=14,
            space_after=3,
            bullet=Run("•", f.sans, 10, INK),
            bullet_indent=3,
        ),
        quote=Look(
            leading=15.5,
            indent=14,
            right_indent=10,
            space_before=7,
            space_after=9,
            back=QUOTE_BACK,
            bar=QUOTE_BAR,
            pad=5,
        ),
        heading=Look(leading=14, space_before=10, space_after=3),
        fonts=f,
    )


def _card_runs(theme: HarvestTheme, f: Fonts) -> list[Run]:
    runs: list[Run] = []
    for c in dict.fromkeys(theme.cards):
        runs += _chip(c.colour, c.title, f)
    return runs


@cache
def _chip(colour: str, title: str, f: Fonts) -> tuple[Run, Run]:
    """A tagged card: a dot in its suit's colour, its name (made once per card)."""
    return (
        Run(f"  {f.chip}", f.sans, 8.5, _suit_colour(colour)),
        Run(f"\u00a0{title}", f.sans, 8.5, MUTED),
    )


def _entry(theme: HarvestTheme, looks: _Looks, *, where: bool, cards: bool = True) -> Item:
    f = looks.fonts
    runs = [Run(theme.text.strip(), f.sans, 10, INK)]
    if where:
        runs.append(Run(f"  ({report.where(theme)})", f.sans, 8.5, MUTED))
    if cards:
        runs += _card_runs(theme, f)
    return Item(tuple(runs), looks.entry)


def _quote(theme: HarvestTheme, looks: _Looks) -> Item:
    f = looks.fonts
    text = report.quoted(theme.text)
    runs = (
        Run(text, f.serif_italic, 11, INK),
        Run(f"\n— {theme.table_label}", f.sans, 8.5, MUTED),
        *_card_runs(theme, f),
    )
    return Item(runs, looks.quote)


def _group(title: tuple[Run, ...], items: Sequence[Item], looks: _Looks) -> TextBlock:
    """A heading and the entries under it, as one block that never ends on the heading."""
    more = (Run("  (continued)", looks.fonts.sans, 9, MUTED),)
    return TextBlock(
        [Item(title, looks.heading, heading=True, continued=more), *items], looks.faces
    )


def _title(text: str, looks: _Looks) -> tuple[Run, ...]:
    return (Run(text, looks.fonts.bold, 11, INK),)


class _KeepStart(KeepTogether):  # type: ignore[misc]
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


def _heading(text: str, s: Styles) -> list[Flowable]:
    return [_Rule(), Paragraph(para_text(text), s.h2)]


# -- the document ---------------------------------------------------------------------------


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Writes "page N of M" once the page count is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self.setFont(fonts().sans, 8.5)
                self.setFillColor(MUTED)
                self.drawCentredString(
                    PAGE_W / 2, MARGIN_BOTTOM / 2, f"{self._pageNumber} of {total}"
                )
            super().showPage()
        super().save()


def _cover_page(harvest: Harvest) -> Any:
    suits = [parse_colour(s.colour) for s in harvest.deck.suits] or [None]

    def draw(canvas: Canvas, _doc: Any) -> None:
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

    return draw


def _later_pages(harvest: Harvest) -> Any:
    title = harvest.event.title
    f = fonts()

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(f.sans, 8.5)
        canvas.setFillColor(MUTED)
        y = PAGE_H - MARGIN_TOP + 9 * mm
        shown = title if len(title) <= 90 else title[:88] + "…"
        for x, part, font in placed(_plain(shown, f), f.sans, 8.5)[0]:
            canvas.setFont(font, 8.5)
            canvas.drawString(MARGIN_X + x, y, part)
        canvas.setFont(f.sans, 8.5)
        canvas.drawRightString(PAGE_W - MARGIN_X, y, "Harvest")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, y - 2.5 * mm, PAGE_W - MARGIN_X, y - 2.5 * mm)
        canvas.restoreState()

    return draw


def _plain(text: str, f: Fonts) -> str:
    """Text for drawString (no markup): controls dropped, right-to-left words turned."""
    return visual_line(strip_controls(text).replace("\n", " "))


def _cover(harvest: Harvest, s: Styles) -> list[Flowable]:
    event = harvest.event
    out: list[Flowable] = [
        Spacer(1, 28 * mm),
        Paragraph("HARVEST", s.kicker),
        Paragraph(para_text(event.title), s.title),
    ]
    sub = report.subtitle(harvest)
    if sub:
        out.append(Paragraph(para_text(sub), s.subtitle))
    out.append(Paragraph(para_text(report.people_line(harvest)), s.people))
    pairs = report.counts(harvest)
    per_row = 4
    cells = [
        [Paragraph(para_text(n), s.figure), Paragraph(para_text(label), s.figure_label)]
        for n, label in pairs
    ]
    rows: list[list[Any]] = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    for row in rows:
        row += [""] * (per_row - len(row))
    grid = Table(rows, colWidths=[BODY_W / per_row] * per_row, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.body.fontName),  # each cell sets it
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ("LINEABOVE", (0, 0), (-1, -1), 0.6, RULE),
            ]
        )
    )
    out.append(grid)
    top = report.top_card_line(harvest)
    if top:
        out += [Spacer(1, 6), Paragraph(para_text(top), s.subtitle)]
    questions, more = report.cover_questions(harvest)
    if questions:
        out += [Spacer(1, 16), Paragraph("THE QUESTIONS", s.kicker)]
        text = "<br/>".join(para_text(q) for q in questions)
        if more:
            text += f'<br/><font color="#5b6270">and {more} more in the rounds</font>'
        out.append(_BoxedParagraph(text, s.prompt))
    if harvest.plan_title and harvest.plan_title != event.title:
        out += [Spacer(1, 14), Paragraph(para_text(f"Plan: {harvest.plan_title}"), s.small)]
    return out


def _agenda(harvest: Harvest, s: Styles) -> list[Flowable]:
    head = [Paragraph(h, s.cell_head) for h in ("#", "ROUND", "FORMAT", "PLANNED", "ACTUAL")]
    rows: list[list[Any]] = [head]
    for row in report.agenda(harvest):
        rows.append(
            [
                Paragraph(row.number, s.cell),
                Paragraph(para_text(row.title), s.cell),
                Paragraph(para_text(row.format), s.cell),
                Paragraph(para_text(row.planned), s.cell),
                Paragraph(para_text(row.actual or "–"), s.cell),
            ]
        )
    widths = [9 * mm, BODY_W - 9 * mm - 24 * mm - 2 * 38 * mm, 24 * mm, 38 * mm, 38 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.body.fontName),  # each cell sets it
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return [*_heading("Agenda", s), Spacer(1, 4), table]


def _rounds(harvest: Harvest, s: Styles, f: Fonts) -> list[Flowable]:
    looks = _looks(f)
    out: list[Flowable] = []
    for section in harvest.sections:
        out.append(CondPageBreak(60 * mm))
        out += _heading(section.title, s)
        out.append(Paragraph(para_text(report.round_meta(harvest, section.round)), s.meta))
        if section.round is not None and section.round.prompts:
            prompts = "<br/>".join(para_text(p) for p in section.round.prompts)
            out.append(_BoxedParagraph(prompts, s.prompt))
        if not section.count:
            out.append(Paragraph(report.EMPTY_ROUND, s.empty))
            continue
        for group in section.groups:
            themes, quotes = group.of_kind("theme"), group.of_kind("quote")
            if not themes and not quotes:
                continue
            items = [_entry(t, looks, where=False) for t in themes]
            items += [_quote(q, looks) for q in quotes]
            out.append(_group(_title(group.label, looks), items, looks))
        for kind, heading in (("question", "Questions raised"), ("action", "Actions")):
            entries = section.of_kind(kind)
            if entries:
                items = [_entry(t, looks, where=True) for t in entries]
                out.append(_group(_title(heading, looks), items, looks))
    return out


MOST_TAGGED_NOTE = "The cards tagged most often in what the tables said, with those entries."
BAR_ROW = 21.0
LABEL_W = 62 * mm
BARS_PER_CHART = 28


def tally_drawing(bars: Sequence[TallyBar], top: int, f: Fonts) -> Drawing:
    """Horizontal bars in suit colours, most picked at the top, counts at the bar ends."""
    area = BODY_W - LABEL_W - 14 * mm
    height = BAR_ROW * len(bars) + 4
    drawing = Drawing(BODY_W, height)
    for i, bar in enumerate(bars):
        y = height - (i + 1) * BAR_ROW
        length = max(2.0, area * bar.picks / top)
        label = _plain(bar.card.title, f)
        while len(label) > 4 and placed(label, f.sans, 9.5)[1] > LABEL_W - 10:
            label = label[:-2].rstrip() + "…"
        parts, width = placed(label, f.sans, 9.5)
        for x, part, font in parts:  # right-aligned, each part in a font that has it
            start = LABEL_W - 8 - width + x
            drawing.add(String(start, y + 7, part, fontName=font, fontSize=9.5, fillColor=INK))
        drawing.add(
            Rect(
                LABEL_W,
                y + 3,
                length,
                BAR_ROW - 6,
                fillColor=_suit_colour(bar.card.colour),
                strokeColor=None,
            )
        )
        drawing.add(
            String(
                LABEL_W + length + 5,
                y + 7,
                str(bar.picks),
                fontName=f.bold,
                fontSize=9.5,
                fillColor=INK,
            )
        )
    return drawing


def _tally(harvest: Harvest, s: Styles, f: Fonts) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(70 * mm), *_heading(report.TALLY_TITLE, s)]
    if not harvest.tally:
        return [*out, Paragraph(report.NO_PICKS, s.empty)]
    suits = dict.fromkeys((b.card.suit_name, b.card.colour) for b in harvest.tally)
    legend = "   ".join(
        f'<font color="{_hex(colour)}">{f.chip}</font>\u00a0{para_text(name or "Other")}'
        for name, colour in suits
    )
    total = len(harvest.picks)
    out.append(
        Paragraph(
            f"{total:,} {'pick' if total == 1 else 'picks'} by "
            f"{para_text(harvest.deck.suit_label.lower() or 'suit')}: {legend}",
            s.meta,
        )
    )
    top = max(b.picks for b in harvest.tally)
    for start in range(0, len(harvest.tally), BARS_PER_CHART):
        out += [Spacer(1, 4), tally_drawing(harvest.tally[start : start + BARS_PER_CHART], top, f)]
    return out


def _most_tagged(harvest: Harvest, s: Styles, f: Fonts) -> list[Flowable]:
    if not harvest.most_tagged:
        return []
    looks = _looks(f)
    out: list[Flowable] = [CondPageBreak(60 * mm), *_heading(report.MOST_TAGGED_TITLE, s)]
    out.append(Paragraph(MOST_TAGGED_NOTE, s.meta))
    for tagged in harvest.most_tagged:
        n = len(tagged.themes)
        card = tagged.card
        suit = f"  ·  {card.suit_name}" if card.suit_name else ""
        title = (
            Run(f.chip, f.sans, 11, _suit_colour(card.colour)),
            Run(f" {card.title}", f.bold, 11, INK),
            Run(f"{suit}  ·  {n:,} {'entry' if n == 1 else 'entries'}", f.sans, 9, MUTED),
        )
        shown = tagged.themes[: report.MOST_TAGGED_SHOWN]
        items = [_entry(t, looks, where=True, cards=False) for t in shown]
        if n > len(shown):
            items.append(
                Item((Run(f"and {n - len(shown):,} more", f.italic, 10, MUTED),), looks.heading)
            )
        out.append(_group(title, items, looks))
    return out


def build_story(harvest: Harvest) -> list[Flowable]:
    f = fonts()
    s = _styles(f)
    return [
        *_cover(harvest, s),
        NextPageTemplate("body"),
        PageBreak(),
        *_agenda(harvest, s),
        *_rounds(harvest, s, f),
        *_tally(harvest, s, f),
        *_most_tagged(harvest, s, f),
    ]


def write_pdf(harvest: Harvest, path: Path) -> None:
    # binary (zlib) streams without the ASCII85 layer: smaller, and its pure-Python encoder
    # costs a second on a big event
    rl_config.useA85 = 0
    event = harvest.event
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"Harvest: {event.title}",
        author=event.facilitator or "Facilitator",
        subject=harvest.plan_title,
        creator=f"Facilitator {event.app_version}",
        # every page's preamble names the initial font: ours, not an unembedded Helvetica
        initialFontName=fonts().sans,
    )
    frame = Frame(
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
    doc.keepTogetherClass = _KeepStart
    doc.addPageTemplates(
        [
            PageTemplate("cover", frames=[frame], onPage=_cover_page(harvest)),
            PageTemplate("body", frames=[frame], onPage=_later_pages(harvest)),
        ]
    )
    doc.build(build_story(harvest), canvasmaker=_NumberedCanvas)


__all__ = ["build_story", "fonts", "para_text", "write_pdf"]
