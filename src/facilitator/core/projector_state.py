"""What the room sees, as one immutable value.

The live session produces a :class:`ProjectorState`; the projector window, the console's
live thumbnail and the screenshot script are pure renderers of it. Each kind of slide is
its own frozen dataclass, so a renderer can match on the type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

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


@dataclass(frozen=True)
class ClockFace:
    """The round clock as shown: text, how full the disc is, and its colour phase."""

    text: str  # "14:59", "+0:12"
    fraction_left: float  # 1.0 full disc .. 0.0 empty
    phase: ClockPhase = ClockPhase.READY
    flash: bool = False  # the zero flash


@dataclass(frozen=True)
class WelcomeSlide:
    title: str
    venue: str = ""
    date: str = ""
    subtitle: str = ""


@dataclass(frozen=True)
class HoldingSlide:
    """Logo / holding slide between parts of the event."""

    title: str
    logo_png: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class MessageSlide:
    text: str


@dataclass(frozen=True)
class RoundSlide:
    title: str
    prompts: tuple[str, ...]
    format: str
    clock: ClockFace
    move: str = ""
    show_move: bool = False  # the move instruction is shown at the end of the round
    number: int = 0  # 1-based position in the plan
    of: int = 0


@dataclass(frozen=True)
class CardSlide:
    card: Card
    suit: Suit
    suit_label: str
    levels: tuple[str, ...]
    back: bool = False  # False: the front (description); True: the back (questions)


@dataclass(frozen=True)
class DrawSlide:
    """A face-down card, before it is turned."""

    deck_name: str
    colour: str = "#444444"


@dataclass(frozen=True)
class SpreadSlide:
    """Several cards side by side: one suit, or the whole deck at a glance."""

    title: str
    cards: tuple[Card, ...]
    suits: tuple[Suit, ...]


@dataclass(frozen=True)
class TallyBar:
    label: str
    count: int
    colour: str


@dataclass(frozen=True)
class TallySlide:
    title: str
    bars: tuple[TallyBar, ...]


@dataclass(frozen=True)
class WallEntry:
    id: str
    text: str
    kind: str
    group: str  # table, card or round label, by the wall's grouping
    colour: str = ""  # suit colour of the first tagged card, "" when untagged
    cards: tuple[str, ...] = ()  # titles of the tagged cards


@dataclass(frozen=True)
class WallSlide:
    title: str
    entries: tuple[WallEntry, ...]
    grouping: str = "table"  # table | card | round | latest
    spotlight: WallEntry | None = None
    page: int = 0
    pages: int = 1  # entries holds only this page's entries
    total: int = 0  # entries on the wall across all pages
    round_id: str | None = None  # the round whose entries show; None: every round


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
)


@dataclass(frozen=True)
class ProjectorState:
    slide: Slide
    blank: Blank = Blank.NONE
    look: Look = Look.DARK
