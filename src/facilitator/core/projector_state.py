"""What the room sees, as one immutable value.

The live session produces a :class:`ProjectorState`; the projector window, the console's
live thumbnail and the screenshot script are pure renderers of it. Each kind of slide is
its own frozen struct (msgspec), so a renderer can match on the type.
"""

from __future__ import annotations

from enum import StrEnum

from msgspec import Struct

from facilitator.core.deck import Card, Suit


class Look(StrEnum):
    DARK = "dark"
    LIGHT = "light"
    CONTRAST = "contrast"  # high contrast: pure black and white, heavier type


class Blank(StrEnum):
    NONE = "none"
    BLACK = "black"
    WHITE = "white"


class ClockPhase(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    AMBER = "amber"
    RED = "red"
    OVERTIME = "overtime"


class ClockFace(Struct, frozen=True):
    """The round clock as shown: text, how full the disc is, and its colour phase."""

    text: str  # "14:59", "+0:12"
    fraction_left: float  # 1.0 full disc .. 0.0 empty
    phase: ClockPhase = ClockPhase.READY
    flash: bool = False  # the zero flash


class WelcomeSlide(Struct, frozen=True):
    title: str
    venue: str = ""
    date: str = ""
    subtitle: str = ""


class HoldingSlide(Struct, frozen=True):
    """Logo / holding slide between parts of the event."""

    title: str
    logo_png: bytes | None = None


class MessageSlide(Struct, frozen=True):
    text: str


class RoundSlide(Struct, frozen=True):
    title: str
    prompts: tuple[str, ...]
    format: str
    clock: ClockFace
    move: str = ""
    show_move: bool = False  # the move instruction is shown at the end of the round
    number: int = 0  # 1-based position in the plan
    of: int = 0


class CardSlide(Struct, frozen=True):
    card: Card
    suit: Suit
    suit_label: str
    levels: tuple[str, ...]
    back: bool = False  # False: the front (description); True: the back (questions)


class DrawSlide(Struct, frozen=True):
    """A face-down card, before it is turned."""

    deck_name: str
    colour: str = "#444444"


class SpreadSlide(Struct, frozen=True):
    """Several cards side by side: one suit, or the whole deck at a glance."""

    title: str
    cards: tuple[Card, ...]
    suits: tuple[Suit, ...]


class TallyBar(Struct, frozen=True):
    label: str
    count: int
    colour: str


class RoomTally(Struct, frozen=True):
    """The room's vote on the cards, beside the tables' picks (kept apart)."""

    bars: tuple[TallyBar, ...]  # empty while the results are hidden
    votes: int  # ballots cast
    open: bool  # the vote is open: phones may still vote
    hidden: bool = False  # the results stay hidden until the vote closes


class TallySlide(Struct, frozen=True):
    title: str
    bars: tuple[TallyBar, ...]  # the tables' picks
    room: RoomTally | None = None  # the delegates' votes, when the room has voted


class WallEntry(Struct, frozen=True):
    id: str
    text: str
    kind: str
    group: str  # table, card or round label, by the wall's grouping
    colour: str = ""  # suit colour of the first tagged card, "" when untagged
    cards: tuple[str, ...] = ()  # titles of the tagged cards


class WallSlide(Struct, frozen=True):
    title: str
    entries: tuple[WallEntry, ...]
    grouping: str = "table"  # table | card | round | latest
    spotlight: WallEntry | None = None
    page: int = 0
    pages: int = 1  # entries holds only this page's entries
    total: int = 0  # entries on the wall across all pages
    round_id: str | None = None  # the round whose entries show; None: every round


class JoinSlide(Struct, frozen=True):
    """How phones join the room network: its link, shown as a QR code and in large type.
    ``url`` is empty when the room is closed (the slide says so)."""

    url: str
    title: str = "Join on your phone"
    wifi: str = ""  # the network's name, when the facilitator gave it


class DotRow(Struct, frozen=True):
    """A group in the dot vote: its name, which tables said it, its dots, its place."""

    name: str
    tables: str
    dots: int
    place: int = 0  # 1 = the most dots, once the vote has closed; 0 while it is open


class DotsSlide(Struct, frozen=True):
    """The dot vote: the groups and their dots as they arrive (or hidden until the vote
    closes), then the groups ranked."""

    title: str
    rows: tuple[DotRow, ...]
    closed: bool = False
    hidden: bool = False  # the dots are hidden until the vote closes
    voters: int = 0  # phones that placed dots
    url: str = ""  # the page phones vote on, when the room is open
class VoteSlide(Struct, frozen=True):
    """A question with choices put to the room's vote, and how the room answered."""

    question: str
    room: RoomTally


class QuestionLine(Struct, frozen=True):
    text: str
    upvotes: int


class QuestionsSlide(Struct, frozen=True):
    """The delegates' questions the facilitator approved, most up-voted first."""

    questions: tuple[QuestionLine, ...]
    title: str = "Questions from the room"


Slide = (
    WelcomeSlide
    | HoldingSlide
    | MessageSlide
    | RoundSlide
    | CardSlide
    | DrawSlide
    | SpreadSlide
    | TallySlide
    | WallSlide
    | JoinSlide
    | DotsSlide
    | QuestionsSlide
    | VoteSlide
)


class ProjectorState(Struct, frozen=True):
    slide: Slide
    blank: Blank = Blank.NONE
    look: Look = Look.DARK
