"""Render every projector view in every look at 1280x720, 1920x1080 and 3840x2160.

    .venv/bin/python scripts/screenshots.py [--out DIR] [--long] [--only NAME...]

Writes ``out/screenshots/projector-<view>-<look>-<size>.png`` for each kind of slide the
projector has a painter for (welcome, holding, message, round, cards, wall, tally, and any
added later), built from the bundled deck and plan. ``--long`` uses long, awkward texts
instead (what tests/gui/test_projector_fit.py checks). Prints each file and any text that
did not fit, or any hero text under 4% of the screen height (less for dense views, see
DENSE); exits 1 if there was one.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from msgspec.structs import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from facilitator.core.clock import format_seconds
from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.core.projector_state import (
    Blank,
    CardSlide,
    ClockFace,
    ClockPhase,
    DotRow,
    DotsSlide,
    DrawSlide,
    HoldingSlide,
    JoinSlide,
    Look,
    MessageSlide,
    ProjectorState,
    QuestionLine,
    QuestionsSlide,
    RoomTally,
    RoundSlide,
    Slide,
    SpreadSlide,
    TallyBar,
    TallySlide,
    VoteSlide,
    WallEntry,
    WallSlide,
    WelcomeSlide,
)
from facilitator.core.session import build_run, human_date
from facilitator.core.wall import paginate
from facilitator.paths import resource_path
from facilitator.ui.projector import render_image
from facilitator.ui.views import registered_types

SIZES = {"720p": QSize(1280, 720), "1080p": QSize(1920, 1080), "4k": QSize(3840, 2160)}
HERO_CAP = 0.04  # the prompt, title or message: cap height at least 4% of the screen
# Views that show many texts at once (a page of the wall, a card's questions in three
# columns, a spread of cards) keep their texts readable at a lower floor.
DENSE = {
    "wall": 0.02,
    "wall-many": 0.02,
    "card-back": 0.03,
    "spread": 0.02,
    "dots": 0.02,
    "dots-hidden": 0.02,
    "dots-ranked": 0.02,
}
LONG_WORD = "Interdisciplinaryresponsibilityframeworks"
JOIN_URL = "http://192.168.137.1:8765/j/Jq3x9VbT2kLmNpQrStUvWx"
LONG_PROMPT = (
    "Thinking about the last twelve months in your organisation and in the wider local "
    "system, what are you observing about how people lead across boundaries, and what "
    "would you like to see more of — and less of — in the year ahead?"
)
TABLES = [f"Table {n}" for n in range(1, 13)]
SAYINGS = [
    "Trust is built in the small moments between meetings",
    "We keep solving the same problem in three different places",
    "\u201cLeadership is a practice, not a position\u201d",
    "Curiosity before certainty",
    "The system we have is perfectly designed for the results we get",
    "Give people permission to stop doing things",
    "Shared purpose came from telling each other stories",
    "Clients notice when we are not joined up",
]


def _sample_logo() -> bytes:
    """The app's icon as a PNG, standing in for an event's logo."""
    image = QImage(str(resource_path("icons", "facilitator.svg"))).scaled(
        512, 512, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def sample_slides(long: bool = False) -> dict[str, Slide]:
    """One or more slides of each kind, from the bundled deck and plan (or long texts)."""
    deck = load_deck_choice(None)
    plan = load_plan_choice(None)
    run = build_run(
        title=plan.title, plan=plan, deck=deck, venue="The Assembly Rooms", date="2026-03-12"
    )
    slides: dict[str, Slide] = {}
    round_slides = [it.slide for it in run if isinstance(it.slide, RoundSlide)]
    two_prompts = next(s for s in round_slides if len(s.prompts) > 1)
    card = deck.card("mindset") if any(c.id == "mindset" for c in deck.cards) else deck.cards[0]
    suit = deck.suit(card.suit)
    longest = max(deck.cards, key=lambda c: sum(len(q) for _, qs in c.questions for q in qs))
    running = ClockFace("11:42", 0.78, ClockPhase.RUNNING)
    entries = tuple(
        WallEntry(
            id=str(i),
            text=SAYINGS[i % len(SAYINGS)],
            kind="quote" if SAYINGS[i % len(SAYINGS)].startswith("\u201c") else "theme",
            group=TABLES[i % 6],
            colour=deck.suits[i % len(deck.suits)].colour if i % 3 else "",
        )
        for i in range(14)
    )
    tally = tuple(
        TallyBar(c.title, n, deck.suit(c.suit).colour)
        for c, n in zip(deck.cards, [6, 5, 4, 4, 3, 2, 2, 1, 1], strict=False)
    )
    slides["welcome"] = WelcomeSlide(
        plan.title, venue="The Assembly Rooms", date=human_date("2026-03-12")
    )
    slides["holding"] = HoldingSlide(plan.title)
    slides["holding-logo"] = HoldingSlide(plan.title, logo_png=_sample_logo())
    slides["message"] = MessageSlide("Five minutes left")
    slides["round"] = replace(round_slides[1], clock=running)
    slides["round-two-prompts"] = replace(
        two_prompts, clock=ClockFace("1:48", 0.12, ClockPhase.AMBER)
    )
    slides["round-move"] = replace(
        two_prompts,
        clock=ClockFace("+0:25", 0.0, ClockPhase.OVERTIME),
        show_move=True,
    )
    slides["round-ready"] = round_slides[0]
    slides["card-front"] = CardSlide(card, suit, deck.suit_label, deck.levels)
    slides["card-back"] = CardSlide(card, suit, deck.suit_label, deck.levels, back=True)
    slides["draw"] = DrawSlide(deck.name, suit.colour)
    slides["spread"] = SpreadSlide(
        f"{deck.suit_label}: {suit.name}", deck.cards_of(suit.id), deck.suits
    )
    slides["wall"] = WallSlide("What the tables said", entries, pages=1, total=len(entries))
    slides["tally"] = TallySlide("Which card struck a chord?", tally)
    slides["join"] = JoinSlide(JOIN_URL)
    slides["join-wifi"] = JoinSlide(JOIN_URL, wifi="Facilitator-Room")
    slides["join-closed"] = JoinSlide("")
    groups = ["Trust takes time", "Primary care voices are missing", "Time to reflect", "Silos"]
    dots = [DotRow(name, f"{6 - n} tables: 1, 3, 5", 17 - n * 4) for n, name in enumerate(groups)]
    slides["dots"] = DotsSlide("What matters most? Place your dots", tuple(dots), voters=12)
    slides["dots-hidden"] = DotsSlide(
        "What matters most? Place your dots", tuple(dots), hidden=True, voters=12
    )
    slides["dots-ranked"] = DotsSlide(
        "What the room chose",
        tuple(replace(d, place=n + 1) for n, d in enumerate(dots)),
        closed=True,
        voters=12,
    )
    slides["tally-room"] = TallySlide(
        "Which card struck a chord?", tally[:5], RoomTally(tally[::-1], 87, open=True)
    )
    slides["vote"] = VoteSlide(
        "Where do you want to work on this next?",
        RoomTally(
            tuple(
                TallyBar(c, n, "#3f5f8f")
                for c, n in (("Self", 31), ("System", 22), ("Organisation", 9))
            ),
            62,
            open=True,
        ),
    )
    slides["questions"] = QuestionsSlide(
        (
            QuestionLine("How do we keep this going after today?", 12),
            QuestionLine("Who else should be in the room next time?", 7),
            QuestionLine("Can we have the cards to take back to our teams?", 3),
        )
    )
    if not long:
        return slides
    slides["questions"] = QuestionsSlide(
        tuple(QuestionLine(f"{LONG_PROMPT} {n}", 20 - n) for n in range(9))
    )

    long_title = (
        "Coaching and mentoring for system leadership: a network learning event for "
        "coaches, mentors and the organisations they work with across the region"
    )
    slides["welcome"] = WelcomeSlide(
        long_title,
        venue="The Great Hall, Assembly Rooms, Upper Long Street Conference Centre",
        date="Thursday 12 March 2026, 09:30 to 16:30",
        subtitle="Welcome! Find a table, get a coffee, and say hello to someone new.",
    )
    slides["holding"] = HoldingSlide(long_title)
    slides["message"] = MessageSlide(
        "Please return to your tables: the next conversation starts in two minutes, "
        "and hosts stay where they are while everyone else moves to a new table. " + LONG_WORD
    )
    slides["round"] = RoundSlide(
        title="A round with a long title for testing how the header copes with it",
        prompts=(LONG_PROMPT, LONG_PROMPT[:120], LONG_WORD),
        format="tables",
        clock=ClockFace(format_seconds(-3725), 0.0, ClockPhase.OVERTIME, flash=True),
        move="Hosts stay at their table; everyone else moves to a table they have not sat "
        "at yet, taking one card with them.",
        show_move=True,
        number=12,
        of=12,
    )
    slides["card-front"] = CardSlide(
        replace(card, title=card.title + " and " + LONG_WORD, front=LONG_PROMPT * 2),
        suit,
        deck.suit_label,
        deck.levels,
    )
    slides["card-back"] = CardSlide(
        longest, deck.suit(longest.suit), deck.suit_label, deck.levels, back=True
    )
    slides["join"] = JoinSlide(
        "http://facilitator-laptop.the-assembly-rooms.example:65535/j/" + "Xq" * 22,
        title="Join the conversation on your phone: the room network of this event",
        wifi="The Assembly Rooms conference centre guest network 5GHz",
    )
    slides["spread"] = SpreadSlide(deck.name + " — the whole deck", deck.cards, deck.suits)
    # the wall is cut into pages by core.wall; the fullest page is the test
    many = [
        replace(e, id=f"{e.id}-{n}", text=e.text + " — " + LONG_PROMPT[: 20 + n * 5])
        for n, e in enumerate(entries * 4)
    ]
    short = [
        replace(e, id=f"s{n}", text=w, group=TABLES[n % 12])
        for n, (e, w) in enumerate(
            zip(entries * 5, ["Trust", "Listening", "Courage"] * 20, strict=False)
        )
    ]
    pages = paginate(many) + paginate(short)
    fullest = max(pages, key=lambda p: sum(len(e.text) for e in p))
    most = max(pages, key=len)
    slides["wall"] = WallSlide("What the tables said", fullest, pages=len(pages), total=150)
    slides["wall-many"] = WallSlide("What the tables said", most, pages=len(pages), total=150)
    slides["tally"] = TallySlide(
        "Which card struck a chord at your table, and why did it?",
        tuple(
            TallyBar(
                c.title + (" across boundaries" if i % 2 else ""), 13 - i, deck.suit(c.suit).colour
            )
            for i, c in enumerate(deck.cards)
        ),
    )
    slides["dots"] = DotsSlide(
        "What matters most? Place your dots on the groups that matter most to you",
        tuple(
            DotRow(
                (f"{SAYINGS[n % len(SAYINGS)]} {LONG_WORD}" if n % 3 == 0 else SAYINGS[n % 6])[:70],
                f"{12 - n} tables: " + ", ".join(str(t) for t in range(1, 13 - n)),
                40 - n * 3,
                n + 1,
            )
            for n in range(14)
        ),
        closed=True,
        voters=120,
    )
    return slides


def render_all(out: Path, *, long: bool = False, only: list[str] | None = None) -> list[str]:
    """Write every view in every look and size; returns the problems found."""
    problems: list[str] = []
    slides = sample_slides(long)
    kinds = {type(s) for s in slides.values()}
    for missing in sorted(t.__name__ for t in registered_types() - kinds):
        problems.append(f"no sample slide for {missing}: add one to scripts/screenshots.py")
    suffix = "-long" if long else ""
    for name, slide in slides.items():
        if only and name not in only:
            continue
        for look in Look:
            for size_name, size in SIZES.items():
                image, report = render_image(ProjectorState(slide, look=look), size)
                path = out / f"projector-{name}{suffix}-{look.value}-{size_name}.png"
                image.save(str(path))
                print(path)
                where = f"{name}{suffix} {look.value} {size_name}"
                if report.clipped:
                    problems.append(
                        f"{where}: {len(report.clipped)} texts did not fit, "
                        f"first: {report.clipped[0]!r}"
                    )
                cap = report.smallest_cap_height / size.height()
                if not long and 0 < cap < DENSE.get(name, HERO_CAP):
                    problems.append(f"{where}: hero cap height {cap:.1%} of the screen")
    for blank in (Blank.BLACK, Blank.WHITE):
        image, _ = render_image(ProjectorState(slides["welcome"], blank=blank), SIZES["720p"])
        path = out / f"projector-blank-{blank.value}.png"
        image.save(str(path))
        print(path)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="out/screenshots", help="folder to write into")
    parser.add_argument("--long", action="store_true", help="long, awkward texts")
    parser.add_argument("--only", nargs="*", help="names of the views to render")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841  (fonts need it)
    problems = render_all(out, long=args.long, only=args.only)
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
