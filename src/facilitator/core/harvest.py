"""The harvest: one read model of an event that every export writer uses.

Built once from the event file (:func:`build_harvest`), then handed to the writers, so a
spreadsheet, a report and a json file of the same moment never disagree. Deleted entries
are left out; entries hidden from the theme wall are kept (they are still what was said).

Times stay as stored (ISO 8601 with their offset, UTC in the event file); ``tz`` is the
zone the report shows them in, the exporting computer's own zone unless given.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import Protocol

from msgspec import Struct

from facilitator.core.deck import Deck
from facilitator.core.plan import Plan
from facilitator.core.records import (
    KINDS,
    CardPick,
    EventInfo,
    RoundInfo,
    TableInfo,
    Theme,
    TimelineEntry,
)
from facilitator.core.tally import ranked

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


class HarvestSource(Protocol):
    """What the harvest reads: an open event file (store.db.EventStore) or a stand-in."""

    def event(self) -> EventInfo: ...
    def deck(self) -> Deck: ...
    def plan(self) -> Plan: ...
    def rounds(self, *, include_retired: bool = False) -> list[RoundInfo]: ...
    def tables(self) -> list[TableInfo]: ...
    def themes(self) -> list[Theme]: ...
    def card_picks(self) -> list[CardPick]: ...
    def timeline(self) -> list[TimelineEntry]: ...


def build_harvest(store: HarvestSource, *, tz: tzinfo | None = None) -> Harvest:
    """Read everything the harvest needs from an open event file, in a few queries."""
    zone = tz or local_zone()
    info = store.event()
    deck = store.deck()
    plan = store.plan()
    event = HarvestEvent(
        id=info.id,
        title=info.title,
        date=info.date,
        venue=info.venue,
        facilitator=info.facilitator,
        created_at=info.created_at,
        app_version=info.app_version,
    )
    rounds = tuple(
        HarvestRound(
            id=r.id,
            number=n,
            title=r.round.title,
            minutes=float(r.round.minutes),
            format=r.round.format,
            prompts=tuple(r.round.prompts),
            cards=tuple(r.round.cards),
            move=r.round.move,
            planned_start=r.planned_start,
            planned_end=r.planned_end,
            actual_start=r.actual_start,
            actual_end=r.actual_end,
        )
        # retired rounds (deleted from the plan after themes were typed in them) come last
        for n, r in enumerate(store.rounds(include_retired=True), start=1)
    )
    tables = tuple(store.tables())
    round_by_id = {r.id: r for r in rounds}
    table_by_id = {t.id: t for t in tables}
    cards = _card_refs(deck)

    def card(key: str) -> CardRef:
        ref = cards.get(key)
        if ref is None:
            ref = CardRef(key, key, "", "", UNKNOWN_CARD_COLOUR, known=False)
            cards[key] = ref
        return ref

    round_order = {r.id: r.number for r in rounds}
    table_order = {t.id: t.number for t in tables}
    raw = store.themes()  # newest saved first: reversed, the save order
    themes = tuple(
        sorted(
            (
                HarvestTheme(
                    id=t.id,
                    text=t.text,
                    kind=t.kind,
                    round=round_by_id.get(t.round_id) if t.round_id else None,
                    table=table_by_id.get(t.table_id) if t.table_id else None,
                    cards=tuple(card(k) for k in t.cards),
                    created_at=t.created_at,
                    updated_at=t.updated_at,
                    hidden=t.hidden,
                )
                for t in reversed(raw)
            ),
            key=lambda t: (
                round_order.get(t.round_id or "", 1_000_000),
                table_order.get(t.table_id or "", 1_000_000),
            ),
        )
    )
    picks = tuple(
        HarvestPick(
            id=p.id,
            card=card(p.card_key),
            table=table_by_id.get(p.table_id) if p.table_id else None,
            round=round_by_id.get(p.round_id) if p.round_id else None,
            created_at=p.created_at,
        )
        for p in store.card_picks()
    )
    timeline = tuple(store.timeline())
    return Harvest(
        event=event,
        deck=deck,
        plan_title=plan.title,
        rounds=rounds,
        tables=tables,
        themes=themes,
        picks=picks,
        timeline=timeline,
        tally=_tally(picks, deck),
        most_tagged=_most_tagged(themes, deck),
        sections=_sections(themes, rounds),
        exported_at=datetime.now(zone).isoformat(timespec="seconds"),
        tz=zone,
    )


def _card_refs(deck: Deck) -> dict[str, CardRef]:
    suits = {s.id: s for s in deck.suits}
    refs: dict[str, CardRef] = {}
    for c in deck.cards:
        suit = suits.get(c.suit)
        refs[c.id] = CardRef(
            key=c.id,
            title=c.title,
            suit_id=c.suit,
            suit_name=suit.name if suit else c.suit,
            colour=suit.colour if suit else UNKNOWN_CARD_COLOUR,
        )
    return refs


def _tally(picks: Sequence[HarvestPick], deck: Deck) -> tuple[TallyBar, ...]:
    counts: Counter[str] = Counter(p.card.key for p in picks)
    refs = {p.card.key: p.card for p in picks}
    tables: dict[str, set[TableInfo]] = defaultdict(set)
    for p in picks:
        if p.table is not None:
            tables[p.card.key].add(p.table)
    keys = [k for k, _ in ranked(counts, deck)]
    return tuple(
        TallyBar(
            card=refs[k],
            picks=counts[k],
            tables=tuple(t.label for t in sorted(tables[k], key=lambda t: t.number)),
        )
        for k in keys
    )


def _most_tagged(themes: Iterable[HarvestTheme], deck: Deck) -> tuple[TaggedCard, ...]:
    tagged: dict[str, list[HarvestTheme]] = defaultdict(list)
    refs: dict[str, CardRef] = {}
    for t in themes:
        for c in dict.fromkeys(t.cards):  # a card tagged twice in one entry counts once
            tagged[c.key].append(t)
            refs[c.key] = c
    keys = [k for k, _ in ranked({k: len(v) for k, v in tagged.items()}, deck)]
    return tuple(TaggedCard(card=refs[k], themes=tuple(tagged[k])) for k in keys[:MOST_TAGGED])


def _sections(
    themes: Sequence[HarvestTheme], rounds: Sequence[HarvestRound]
) -> tuple[RoundSection, ...]:
    """Every round of the plan (even one with nothing said yet), then loose entries."""
    per_round: dict[str | None, dict[str | None, list[HarvestTheme]]] = defaultdict(
        lambda: defaultdict(list)
    )
    tables: dict[str | None, TableInfo | None] = {}
    for t in themes:  # already in round, table, time order
        per_round[t.round_id][t.table_id].append(t)
        tables[t.table_id] = t.table
    sections = []
    for r in [*rounds, None]:
        groups = per_round.get(r.id if r else None, {})
        if r is None and not groups:
            continue
        sections.append(
            RoundSection(
                round=r,
                groups=tuple(
                    TableGroup(table=tables[tid], entries=tuple(entries))
                    for tid, entries in groups.items()
                ),
            )
        )
    return tuple(sections)
