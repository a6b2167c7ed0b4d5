"""The harvest's records: what one event looks like to the export writers (the event, its
rounds, entries, picks, the tally, the rounds' sections by table), and how its stored times
are shown. :mod:`facilitator.core.harvest` builds them from the event file.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from msgspec import Struct

from facilitator.core.deck import Deck

if TYPE_CHECKING:  # harvest_votes builds on this module's bars and card references
    from facilitator.core.harvest_survey import HarvestQuestion
    from facilitator.core.harvest_votes import HarvestVote
    from facilitator.core.room_questions import RoomQuestion
from facilitator.core.records import (
    KINDS,
    TableInfo,
    TimelineEntry,
)

UNKNOWN_CARD_COLOUR = "#6b7280"
MOST_TAGGED = 5  # cards listed with their themes in the report


class HarvestEvent(Struct, frozen=True):
    id: str
    title: str
    date: str  # ISO date, "" when not set
    venue: str
    facilitator: str
    created_at: str
    app_version: str
    organiser: str = ""  # the organiser's line on the reports (an event setting)
    logo_png: bytes | None = None  # the organiser's logo, an RGB PNG; None when none


class HarvestRound(Struct, frozen=True):
    id: str
    number: int  # 1-based, in plan order; rounds removed from the plan but holding themes last
    title: str
    minutes: float
    format: str
    prompts: tuple[str, ...]
    cards: tuple[str, ...]
    move: str
    planned_start: str | None = None
    planned_end: str | None = None
    actual_start: str | None = None
    actual_end: str | None = None

    @property
    def label(self) -> str:
        return f"Round {self.number}: {self.title}"

    @property
    def actual_minutes(self) -> float | None:
        start, end = parse_time(self.actual_start), parse_time(self.actual_end)
        if start is None or end is None:
            return None
        return max(0.0, (end - start).total_seconds() / 60.0)


class CardRef(Struct, frozen=True):
    """A card as tagged or picked; a key the deck no longer has keeps its key as title."""

    key: str
    title: str
    suit_id: str
    suit_name: str
    colour: str
    known: bool = True


class HarvestTheme(Struct, frozen=True):
    id: str
    text: str
    kind: str
    round: HarvestRound | None
    table: TableInfo | None
    cards: tuple[CardRef, ...]
    created_at: str
    updated_at: str
    hidden: bool = False
    origin: str = "laptop"  # laptop | phone | import | merge

    @property
    def round_id(self) -> str | None:
        return self.round.id if self.round else None

    @property
    def table_id(self) -> str | None:
        return self.table.id if self.table else None

    @property
    def table_label(self) -> str:
        return self.table.label if self.table else "Whole room"


class HarvestPick(Struct, frozen=True):
    id: str
    card: CardRef
    table: TableInfo | None
    round: HarvestRound | None
    created_at: str


class TallyBar(Struct, frozen=True):
    card: CardRef
    picks: int
    tables: tuple[str, ...]  # labels of the tables that picked it, in table order


class TaggedCard(Struct, frozen=True):
    card: CardRef
    themes: tuple[HarvestTheme, ...]


class TableGroup(Struct, frozen=True):
    """What one table said in one round, by kind."""

    table: TableInfo | None
    entries: tuple[HarvestTheme, ...]

    def of_kind(self, kind: str) -> tuple[HarvestTheme, ...]:
        return tuple(t for t in self.entries if t.kind == kind)

    @property
    def label(self) -> str:
        return self.table.label if self.table else "Whole room"


class RoundSection(Struct, frozen=True):
    """A round of the report: its prompts, then what each table said."""

    round: HarvestRound | None  # None: entries not tied to a round
    groups: tuple[TableGroup, ...]

    @property
    def title(self) -> str:
        return self.round.label if self.round else "Not tied to a round"

    def of_kind(self, kind: str) -> tuple[HarvestTheme, ...]:
        return tuple(t for g in self.groups for t in g.entries if t.kind == kind)

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


class HarvestGroup(Struct, frozen=True):
    """A group the room made of its entries, with the dots it got (None: no dot vote)."""

    id: str
    name: str
    round: HarvestRound | None  # None: a group of the whole event
    entries: tuple[HarvestTheme, ...]
    tables: tuple[str, ...]  # labels of the tables that said it, in table order
    dots: int | None = None
    place: int | None = None  # 1 = the most dots in its vote (a tie shares a place)


class Harvest(Struct, frozen=True):
    event: HarvestEvent
    deck: Deck
    plan_title: str
    rounds: tuple[HarvestRound, ...]
    tables: tuple[TableInfo, ...]
    themes: tuple[HarvestTheme, ...]  # by round, table, then time
    picks: tuple[HarvestPick, ...]  # in time order
    timeline: tuple[TimelineEntry, ...]
    tally: tuple[TallyBar, ...]  # most picked first
    most_tagged: tuple[TaggedCard, ...]
    sections: tuple[RoundSection, ...]
    exported_at: str
    tz: tzinfo
    groups: tuple[HarvestGroup, ...] = ()  # the room's groups, most dots first
    votes: tuple[HarvestVote, ...] = ()  # the room's votes, oldest first
    survey: tuple[HarvestQuestion, ...] = ()  # the feedback survey and its answers
    room_questions: tuple[RoomQuestion, ...] = ()  # delegates' questions, oldest first

    # -- counts and lookups ----------------------------------------------------------------

    @property
    def kind_counts(self) -> dict[str, int]:
        counts = Counter(t.kind for t in self.themes)
        return {k: counts.get(k, 0) for k in KINDS}

    @property
    def tables_heard(self) -> int:
        """Tables with at least one entry."""
        return len({t.table_id for t in self.themes if t.table_id is not None})

    def by_round(self) -> dict[str | None, list[HarvestTheme]]:
        out: dict[str | None, list[HarvestTheme]] = defaultdict(list)
        for t in self.themes:
            out[t.round_id].append(t)
        return dict(out)

    # -- showing times ---------------------------------------------------------------------

    def local(self, iso: str | None) -> datetime | None:
        """A stored time in the report's zone; None when unset or unreadable."""
        moment = parse_time(iso)
        return moment.astimezone(self.tz) if moment is not None else None

    def clock(self, iso: str | None) -> str:
        """``14:05`` in the report's zone, "" when unset."""
        moment = self.local(iso)
        return moment.strftime("%H:%M") if moment is not None else ""

    @property
    def date_text(self) -> str:
        """The event's date for people (``14 March 2025``); "" when not set."""
        try:
            day = datetime.strptime(self.event.date, "%Y-%m-%d")
        except ValueError:
            return self.event.date
        return f"{day.day} {day.strftime('%B %Y')}"


def parse_time(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if moment.tzinfo is None:  # written by something else: read it as UTC, as the store does
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone
