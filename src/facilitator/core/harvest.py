"""The harvest: one read model of an event that every export writer uses.

Built once from the event file (:func:`build_harvest`), then handed to the writers, so a
spreadsheet, a report and a json file of the same moment never disagree. Deleted entries
are left out; entries hidden from the theme wall are kept (they are still what was said).

Times stay as stored (ISO 8601 with their offset, UTC in the event file); ``tz`` is the
zone the report shows them in, the exporting computer's own zone unless given.
"""

from __future__ import annotations

import base64
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import Any, Protocol

from facilitator.core.deck import Deck
from facilitator.core.groups import DotVote, Group
from facilitator.core.harvest_groups import read_groups
from facilitator.core.harvest_model import (
    MOST_TAGGED,
    UNKNOWN_CARD_COLOUR,
    CardRef,
    Harvest,
    HarvestEvent,
    HarvestPick,
    HarvestRound,
    HarvestTheme,
    RoundSection,
    TableGroup,
    TaggedCard,
    TallyBar,
    local_zone,
    parse_time,
)
from facilitator.core.harvest_survey import build_survey
from facilitator.core.harvest_votes import build_votes
from facilitator.core.plan import Plan
from facilitator.core.plan.survey import AskedQuestion, SurveyAnswer
from facilitator.core.records import (
    CardPick,
    EventInfo,
    RoundInfo,
    TableInfo,
    Theme,
    TimelineEntry,
)
from facilitator.core.room_questions import RoomQuestion
from facilitator.core.settings import EVENT_LOGO, EVENT_ORGANISER
from facilitator.core.tally import ranked
from facilitator.core.votes import Ballot, Vote

__all__ = [
    "MOST_TAGGED",
    "UNKNOWN_CARD_COLOUR",
    "CardRef",
    "Harvest",
    "HarvestEvent",
    "HarvestPick",
    "HarvestRound",
    "HarvestSource",
    "HarvestTheme",
    "RoundSection",
    "TableGroup",
    "TaggedCard",
    "TallyBar",
    "build_harvest",
    "local_zone",
    "parse_time",
]


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
    def all_groups(self) -> list[Group]: ...
    def dot_votes(self) -> list[DotVote]: ...
    def dot_tally(self, vote_id: str) -> tuple[dict[str, int], int]: ...
    def votes(self) -> list[Vote]: ...
    def ballots(self, vote_id: str | None = None) -> list[Ballot]: ...
    def survey_questions(self, *, include_retired: bool = False) -> list[AskedQuestion]: ...
    def survey_answers(self, device: str | None = None) -> list[SurveyAnswer]: ...
    def room_questions(self, status: str | None = None) -> list[RoomQuestion]: ...
    def setting(self, key: str, default: Any = None) -> Any: ...


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
        organiser=str(EVENT_ORGANISER.read(store) or "").strip(),
        logo_png=_logo(store),
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
                    origin=t.origin,
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
        groups=read_groups(store, themes, rounds),
        votes=build_votes(store, deck),
        survey=build_survey(store),
        room_questions=tuple(store.room_questions()),
    )


def _logo(store: HarvestSource) -> bytes | None:
    """The organiser's logo as stored (base64 of a PNG); None when unset or unreadable."""
    value = EVENT_LOGO.read(store)
    try:
        return base64.b64decode(value, validate=True) if isinstance(value, str) and value else None
    except ValueError:
        return None


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
