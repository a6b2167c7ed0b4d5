"""The theme wall: what tables said, grouped for the room, one page at a time.

Pure: builds a :class:`WallSlide` value from the event's themes; the projector paints it.
Pages are cut here, by entry count and by the amount of text, so a page always fits the
screen at a readable size whatever the projector's resolution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from msgspec import Struct

from facilitator.core.capture import TagIndex, strip_known_tags
from facilitator.core.control_chars import INVISIBLE_ON_WALL
from facilitator.core.deck import Deck
from facilitator.core.group_wall import by_group
from facilitator.core.groups import Group
from facilitator.core.projector_state import WallEntry, WallSlide

GROUPINGS: tuple[str, ...] = ("table", "card", "round", "latest", "groups")
GROUPING_LABELS: dict[str, str] = {
    "table": "By table",
    "card": "By card",
    "round": "By round",
    "latest": "Latest",
    "groups": "By the room's groups",
}
PAGE_ENTRIES = 60  # entries on one page at most
# A page holds about this many lines of the smallest wall type (2% of the screen height) in
# four columns on a 16:9 screen, each line about LINE_CHARS characters; the painter shrinks
# type to fit what a page holds, so pages cut to this size never clip.
PAGE_LINES = 125.0
LINE_CHARS = 28
ENTRY_CHARS = 280  # longer entries are cut with "…" on the wall (the harvest keeps them whole)
SPOTLIGHT_CHARS = 600
LATEST_COUNT = 12
NO_CARD = "No card"
NO_TABLE = "No table"
NO_ROUND = "No round"


class WallTheme(Protocol):
    """What the wall needs of a theme (``core.records.Theme`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def table_id(self) -> str | None: ...
    @property
    def round_id(self) -> str | None: ...
    @property
    def cards(self) -> tuple[str, ...]: ...
    @property
    def hidden(self) -> bool: ...
    @property
    def deleted_at(self) -> str | None: ...
    @property
    def created_at(self) -> str: ...


class Labelled(Struct, frozen=True):
    """A table or a round as the wall names it, in the event's order."""

    id: str
    label: str


def display_text(text: str, index: TagIndex, limit: int = ENTRY_CHARS) -> str:
    """The entry as the room reads it: card tags taken out (they show as colour), invisible
    control characters made spaces, blank lines squeezed, cut at ``limit`` with "…"."""
    shown = strip_known_tags(INVISIBLE_ON_WALL.sub(" ", text.replace("\r\n", "\n")), index)
    shown = re.sub(r"\n{3,}", "\n\n", shown)
    shown = re.sub(r"[ \t]{2,}", " ", shown)
    if len(shown) > limit:
        cut = shown[: limit - 1]
        space = cut.rfind(" ")
        if space > limit * 0.7:
            cut = cut[:space]
        shown = cut.rstrip() + "…"
    return shown


def _entry(theme: WallTheme, group: str, index: TagIndex, limit: int) -> WallEntry:
    cards = [c for c in (index.card(key) for key in theme.cards) if c is not None]
    colour = ""
    if cards:
        try:
            colour = index.deck.suit(cards[0].suit).colour
        except KeyError:
            colour = ""
    text = display_text(theme.text, index, limit) or " · ".join(c.title for c in cards)
    return WallEntry(
        id=theme.id,
        text=text or theme.text[:limit],
        kind=theme.kind,
        group=group,
        colour=colour,
        cards=tuple(c.title for c in cards),
    )


def _grouped(
    themes: Sequence[WallTheme],
    grouping: str,
    index: TagIndex,
    tables: Sequence[Labelled],
    rounds: Sequence[Labelled],
    groups: Sequence[Group] = (),
) -> list[WallEntry]:
    """Entries in wall order: groups in the event's order, each group oldest first."""
    oldest_first = sorted(themes, key=lambda t: (t.created_at, t.id))
    if grouping == "groups":
        return [
            _entry(t, label, index, ENTRY_CHARS)
            for label, t in by_group(oldest_first, groups, tables)
        ]
    if grouping == "latest":
        newest = list(reversed(oldest_first))[:LATEST_COUNT]
        return [_entry(t, "Latest", index, ENTRY_CHARS) for t in newest]
    keyed: list[tuple[int, str, WallTheme]] = []
    if grouping == "card":
        order = {c.id: i for i, c in enumerate(index.deck.cards)}
        for theme in oldest_first:
            known = [k for k in theme.cards if k in order]
            if known:
                card = index.card(known[0])
                keyed.append((order[known[0]], card.title if card else known[0], theme))
            else:
                keyed.append((len(order), NO_CARD, theme))
    else:
        places = tables if grouping == "table" else rounds
        missing = NO_TABLE if grouping == "table" else NO_ROUND
        position = {p.id: (i, p.label) for i, p in enumerate(places)}
        for theme in oldest_first:
            key = theme.table_id if grouping == "table" else theme.round_id
            rank, label = position.get(key or "", (len(places), missing))
            keyed.append((rank, label, theme))
    keyed.sort(key=lambda item: item[0])  # stable: oldest first inside each group
    return [_entry(theme, label, index, ENTRY_CHARS) for _, label, theme in keyed]


def _lines(entry: WallEntry, new_group: bool) -> float:
    """Room an entry takes on a page, in lines of the smallest wall type: its wrapped text,
    its frame, the small line naming its kind and cards, and a group heading before it."""
    text = sum(max(1, -(-len(p) // LINE_CHARS)) for p in entry.text.split("\n"))
    note = 0.7 if entry.cards or entry.kind != "theme" else 0.0
    return text + 0.8 + note + (1.1 if new_group else 0.0)


def paginate(
    entries: Sequence[WallEntry],
    max_entries: int = PAGE_ENTRIES,
    max_lines: float | None = None,
) -> list[tuple[WallEntry, ...]]:
    """Cut the wall into pages of at most ``max_entries`` entries that fit ``max_lines``."""
    limit = PAGE_LINES if max_lines is None else max_lines
    pages: list[tuple[WallEntry, ...]] = []
    current: list[WallEntry] = []
    used = 0.0
    group: str | None = None
    for entry in entries:
        size = _lines(entry, entry.group != group or not current)
        if current and (len(current) >= max_entries or used + size > limit):
            pages.append(tuple(current))
            current, used = [], 0.0
            size = _lines(entry, True)
        current.append(entry)
        used += size
        group = entry.group
    if current or not pages:
        pages.append(tuple(current))
    return pages


def visible(themes: Iterable[WallTheme]) -> list[WallTheme]:
    """The themes the wall may show: not deleted, not hidden from the wall."""
    return [t for t in themes if t.deleted_at is None and not t.hidden]


def build_wall(
    themes: Sequence[WallTheme],
    *,
    deck: Deck,
    tables: Sequence[Labelled],
    rounds: Sequence[Labelled],
    grouping: str = "table",
    title: str = "What the tables said",
    spotlight_id: str | None = None,
    page: int = 0,
    round_id: str | None = None,
    groups: Sequence[Group] = (),
) -> WallSlide:
    """The wall slide for one page: every round's entries, or ``round_id``'s only.
    Deleted and hidden themes never show. ``groups``: the room's groups, for ``"groups"``."""
    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}")
    index = TagIndex(deck)
    shown = visible(themes)
    if round_id is not None:
        shown = [t for t in shown if t.round_id == round_id]
    entries = _grouped(shown, grouping, index, tables, rounds, groups)
    pages = paginate(entries)
    page = max(0, min(page, len(pages) - 1))
    spotlight: WallEntry | None = None
    if spotlight_id is not None:
        spot = next((t for t in shown if t.id == spotlight_id), None)
        if spot is not None:
            # the spotlight says who said it, whatever the grouping
            table = next((t.label for t in tables if t.id == spot.table_id), NO_TABLE)
            spotlight = _entry(spot, table, index, SPOTLIGHT_CHARS)
    return WallSlide(
        title=title,
        entries=pages[page],
        grouping=grouping,
        spotlight=spotlight,
        page=page,
        pages=len(pages),
        total=len(entries),
        round_id=round_id,
    )
