"""An entry, a quote and a heading over them as runs of text in a :class:`TextBlock`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from msgspec import Struct

from facilitator.core.harvest import HarvestTheme
from facilitator.export import report
from facilitator.export.pdf.fonts import CJK_FONT, Fonts
from facilitator.export.pdf.runs import Faces, Look, Run
from facilitator.export.pdf.style import INK, MUTED, QUOTE_BACK, QUOTE_BAR, suit_colour
from facilitator.export.pdf.text_block import Item, TextBlock


class Looks(Struct, frozen=True):
    """The TextBlock looks of the report's entries and the headings over them."""

    faces: Faces
    entry: Look
    quote: Look
    heading: Look
    fonts: Fonts


def make_looks(f: Fonts) -> Looks:
    return Looks(
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


def card_runs(theme: HarvestTheme, f: Fonts) -> list[Run]:
    runs: list[Run] = []
    for c in dict.fromkeys(theme.cards):
        runs += chip(c.colour, c.title, f)
    return runs


@cache
def chip(colour: str, title: str, f: Fonts) -> tuple[Run, Run]:
    """A tagged card: a dot in its suit's colour, its name (made once per card)."""
    return (
        Run(f"  {f.chip}", f.sans, 8.5, suit_colour(colour)),
        Run(f"\u00a0{title}", f.sans, 8.5, MUTED),
    )


def entry_item(
    theme: HarvestTheme,
    looks: Looks,
    *,
    where: bool,
    with_round: bool = True,
    cards: bool = True,
) -> Item:
    f = looks.fonts
    runs = [Run(theme.text.strip(), f.sans, 10, INK)]
    if where:
        runs.append(Run(f"  ({report.where(theme, with_round=with_round)})", f.sans, 8.5, MUTED))
    if cards:
        runs += card_runs(theme, f)
    return Item(tuple(runs), looks.entry, role="LI")


def quote_item(theme: HarvestTheme, looks: Looks) -> Item:
    f = looks.fonts
    text = report.quoted(theme.text)
    runs = (
        Run(text, f.serif_italic, 11, INK),
        Run(f"\n— {theme.table_label}", f.sans, 8.5, MUTED),
        *card_runs(theme, f),
    )
    return Item(runs, looks.quote, role="BlockQuote")


def group_block(title: tuple[Run, ...], items: Sequence[Item], looks: Looks) -> TextBlock:
    """A heading and the entries under it, as one block that never ends on the heading."""
    more = (Run("  (continued)", looks.fonts.sans, 9, MUTED),)
    return TextBlock(
        [Item(title, looks.heading, heading=True, continued=more, role="H3"), *items],
        looks.faces,
    )


def title_runs(text: str, looks: Looks) -> tuple[Run, ...]:
    return (Run(text, looks.fonts.bold, 11, INK),)
