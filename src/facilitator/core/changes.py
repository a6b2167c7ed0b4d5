"""What one write to an event changed, and who made it: ``Changes``.

Every store operation (store/operations.py) returns one. The GUI's event service tells
every view through one ``changed(changes)`` signal; a view refreshes from it whether the
change was its own or not, so no view ignores its own echo. A second writer (the room
server, on its own thread and connection) reports its commits as ``Changes`` too.
"""

from __future__ import annotations

from msgspec import Struct

from facilitator.core.records import CardPick, Theme

# origins: who asked for the change
CAPTURE = "capture"  # the scribe's capture panel (entries, picks, the draft)
ENTRIES = "entries"  # edits, deletes and hides from the entries list
UNDO = "undo"  # an undo or redo step
DECK = "deck"  # the deck browser (its picks, an imported deck)
LIVE = "live"  # the live control (projector steps, logo)
CLOCK = "clock"  # the clock driver (timeline, round times, clock settings)
EDITOR = "editor"  # the plan editor, the event details
SETTINGS = "settings"  # a dialog that keeps its choices in the event (export)
PHONE = "phone"  # a phone at a table, through the room server
IMPORT = "import"  # entries typed elsewhere and imported
MERGE = "merge"  # another laptop's file merged in
ROOM = "room"  # the room's links renewed from the console
GROUPING = "grouping"  # the grouping board and the dot vote's controls


class Changes(Struct, frozen=True, kw_only=True):
    """Which records one operation changed, and its origin."""

    added: tuple[Theme, ...] = ()  # entries saved
    edited: tuple[Theme, ...] = ()  # entries edited (text, kind, table, round, cards)
    deleted: tuple[Theme, ...] = ()  # entries deleted (softly: still in the file)
    restored: tuple[Theme, ...] = ()  # entries brought back by an undo
    hidden: tuple[Theme, ...] = ()  # entries hidden from the wall or shown again
    entries: bool = False  # entries changed in bulk (an import, a merge): read them afresh
    picks: tuple[CardPick, ...] = ()  # card picks recorded
    withdrawn_picks: tuple[str, ...] = ()  # ids of card picks withdrawn (an undo)
    restored_picks: tuple[str, ...] = ()  # ids of card picks counted again (a redo)
    timeline: bool = False  # a step of the clock or the projector was recorded
    round_times: tuple[str, ...] = ()  # ids of rounds whose times were kept
    settings: tuple[str, ...] = ()  # keys of the event's settings that were set
    deck: bool = False
    plan: bool = False
    event: bool = False  # the event's details (title, venue, date, tables)
    tables: bool = False  # the number of tables
    draft: bool = False
    links: bool = False  # a room link (the join link or a table's) was renewed
    groups: bool = False  # groups of entries made, named, changed or put back
    dots: bool = False  # a dot vote opened or closed, or a device's dots placed
    votes: tuple[str, ...] = ()  # ids of the room's votes opened, closed or voted in
    survey: bool = False  # answers to the feedback survey were given or changed
    questions: tuple[str, ...] = ()  # ids of questions to the room asked, moderated, up-voted
    origin: str = CAPTURE

    @property
    def themes(self) -> tuple[Theme, ...]:
        """Every entry this changed, as it is now."""
        return self.added + self.edited + self.deleted + self.restored + self.hidden

    @property
    def entries_changed(self) -> bool:
        return self.entries or bool(self.themes)

    @property
    def picks_changed(self) -> bool:
        return bool(self.picks or self.withdrawn_picks or self.restored_picks)

    def merged(self, other: Changes) -> Changes:
        """This and ``other`` as one (origin: this one's)."""
        return Changes(
            added=self.added + other.added,
            edited=self.edited + other.edited,
            deleted=self.deleted + other.deleted,
            restored=self.restored + other.restored,
            hidden=self.hidden + other.hidden,
            entries=self.entries or other.entries,
            picks=self.picks + other.picks,
            withdrawn_picks=self.withdrawn_picks + other.withdrawn_picks,
            restored_picks=self.restored_picks + other.restored_picks,
            timeline=self.timeline or other.timeline,
            round_times=self.round_times + other.round_times,
            settings=self.settings + other.settings,
            deck=self.deck or other.deck,
            plan=self.plan or other.plan,
            event=self.event or other.event,
            tables=self.tables or other.tables,
            draft=self.draft or other.draft,
            links=self.links or other.links,
            groups=self.groups or other.groups,
            dots=self.dots or other.dots,
            votes=tuple(dict.fromkeys(self.votes + other.votes)),
            survey=self.survey or other.survey,
            questions=tuple(dict.fromkeys(self.questions + other.questions)),
            origin=self.origin,
        )
