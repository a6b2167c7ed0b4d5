"""Cards on the projector: every bundled card fits on a small and a 4K projector, long
text shrinks instead of spilling, and the tally reads in order of picks."""

from __future__ import annotations

import sys

import pytest
from msgspec.structs import replace
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from facilitator.core.deck import Card, Deck, bundled_decks, load_deck
from facilitator.core.projector_state import (
    CardSlide,
    DrawSlide,
    Look,
    ProjectorState,
    QuestionLine,
    QuestionsSlide,
    RoomTally,
    Slide,
    SpreadSlide,
    TallyBar,
    TallySlide,
)
from facilitator.ui.projector import render_image
from facilitator.ui.views.base import PaintReport

SMALL = QSize(1280, 720)
BIG = QSize(3840, 2160)
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)


def deck(name: str) -> Deck:
    return load_deck(bundled_decks()[name])


def render(slide: Slide, size: QSize = SMALL, look: Look = Look.DARK) -> tuple[QImage, PaintReport]:
    return render_image(ProjectorState(slide, look=look), size)


def card_slide(d: Deck, card: Card, *, back: bool) -> CardSlide:
    return CardSlide(card, d.suit(card.suit), d.suit_label, d.levels, back=back)


@pytest.mark.parametrize("name", ["system-leadership", "coaching-grow"])
def test_every_bundled_card_fits_both_sides_on_a_720p_projector(name: str, qtbot: QtBot) -> None:
    d = deck(name)
    for card in d.cards:
        for back in (False, True):
            _, report = render(card_slide(d, card, back=back))
            assert report.clipped == [], (card.id, back)
            # titles and questions stay readable from the back of a room
            assert report.smallest_cap_height >= 720 * 0.016, (card.id, back)


@pytest.mark.parametrize("name", ["system-leadership", "coaching-grow"])
def test_the_wordiest_card_and_the_whole_deck_fit_in_4k(name: str, qtbot: QtBot) -> None:
    d = deck(name)
    wordiest = max(d.cards, key=lambda c: sum(len(q) for _, qs in c.questions for q in qs))
    for slide in (
        card_slide(d, wordiest, back=True),
        card_slide(d, wordiest, back=False),
        SpreadSlide(d.name, d.cards, d.suits),
    ):
        _, small = render(slide)
        _, big = render(slide, BIG)
        assert small.clipped == big.clipped == []
        # the same layout, three times the pixels: type scales with the screen
        assert big.smallest_cap_height == pytest.approx(3 * small.smallest_cap_height, rel=0.15)


def test_the_front_is_painted_in_the_suit_colour(qtbot: QtBot) -> None:
    d = deck("system-leadership")
    card = d.card("courage")
    image, _ = render(card_slide(d, card, back=False))
    assert image.pixelColor(640, 690 - 40).name() == d.suit("changing").colour


def test_long_text_shrinks_to_fit_and_only_absurd_text_is_reported(qtbot: QtBot) -> None:
    d = deck("system-leadership")
    card = d.cards[0]
    wordy = replace(card, front=" ".join(["A rather long description of a behaviour."] * 12))
    _, report = render(card_slide(d, wordy, back=False))
    assert report.clipped == []
    many = replace(
        card,
        questions=tuple((lv, tuple(f"{q} {q}" for q in qs * 2)) for lv, qs in card.questions),
    )
    _, report = render(card_slide(d, many, back=True))
    assert report.clipped == []
    absurd = replace(card, front="word " * 2000)
    _, report = render(card_slide(d, absurd, back=False))
    assert report.clipped == [card.title]


def test_a_word_longer_than_the_card_breaks_instead_of_spilling(qtbot: QtBot) -> None:
    d = deck("system-leadership")
    long_word = replace(
        d.cards[0], title="Supercalifragilistic" * 4, questions=(("Self", ("x" * 300,)),)
    )
    for back in (False, True):
        _, report = render(card_slide(d, long_word, back=back))
        assert report.clipped == []


def test_a_card_with_an_image_and_one_without_text_render(qtbot: QtBot) -> None:
    d = deck("system-leadership")
    scanned = replace(d.cards[0], front="", image=PNG_1PX, image_name="a.png")
    for back in (False, True):
        _, report = render(card_slide(d, scanned, back=back))
        assert report.clipped == []
    _, report = render(SpreadSlide("Scans", (scanned,) * 6, d.suits))
    assert report.clipped == []


def test_draw_spread_and_tally_render_in_every_look(qtbot: QtBot) -> None:
    d = deck("coaching-grow")
    bars = tuple(TallyBar(c.title, n, d.suit(c.suit).colour) for n, c in enumerate(d.cards))
    slides: list[Slide] = [
        DrawSlide(d.name, d.suits[0].colour),
        SpreadSlide("Stage: Goal", d.cards_of("goal"), d.suits),
        TallySlide("Which card struck a chord?", bars),
        TallySlide("Which card struck a chord?", ()),
        TallySlide("Which card struck a chord?", bars, RoomTally(bars[::-1], 87, open=True)),
        TallySlide("Which card struck a chord?", (), RoomTally((), 12, open=True, hidden=True)),
        TallySlide("Which card struck a chord?", bars[:3], RoomTally((), 0, open=False)),
        QuestionsSlide(()),
        QuestionsSlide(tuple(QuestionLine(f"Question {n}? " * 12, n) for n in range(9))),
        SpreadSlide("Nothing", (), d.suits),
    ]
    for look in Look:
        for slide in slides:
            _, report = render(slide, look=look)
            assert report.clipped == [], (type(slide).__name__, look)


def test_the_tally_is_drawn_most_picked_first_whatever_the_order_given(qtbot: QtBot) -> None:
    bars = (
        TallyBar("Few", 1, "#113050"),
        TallyBar("Most", 9, "#a16108"),
        TallyBar("Some", 4, "#842131"),
    )
    ordered = tuple(sorted(bars, key=lambda b: -b.count))
    given, _ = render(TallySlide("T", bars))
    sorted_, _ = render(TallySlide("T", ordered))
    assert given == sorted_
    # the longest bar is the first one, in its card's suit colour
    row_y = int(720 * 0.06 + 720 * 0.15 + 720 * 0.05)
    assert any(given.pixelColor(x, row_y).name() == "#a16108" for x in range(400, 1100, 10))


def test_painting_cards_all_day_cannot_use_up_pythons_none(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call, so
    a projector repainting for hours aborts the interpreter (none_dealloc); pyproject.toml
    keeps PySide6 below 6.12. This fails if a binding with that bug is installed."""
    d = deck("system-leadership")
    slide = card_slide(d, d.cards[0], back=True)
    before = sys.getrefcount(None)
    for _ in range(5):
        render(slide)
    spent_per_paint = max(0, before - sys.getrefcount(None)) / 5
    a_day_of_paints = 60 * 60 * 24 * 60  # a day at 60 paints a second
    assert sys.getrefcount(None) > spent_per_paint * a_day_of_paints


def test_an_open_event_reads_card_images_only_when_a_slide_shows_them(
    qtbot: QtBot, tmp_path, demo_plan
) -> None:
    """A deck of photographs can be hundreds of megabytes: the open event holds none of
    it, and a card's picture is read from the file when the projector shows the card."""
    from PySide6.QtGui import QColor

    from facilitator.store.db import EventStore
    from facilitator.ui.controller import EventController

    picture = QImage(60, 90, QImage.Format.Format_RGB32)
    picture.fill(QColor("#ff00ff"))
    png = tmp_path / "magenta.png"
    assert picture.save(str(png))
    d = deck("system-leadership")
    scanned = replace(d.cards[0], front="", image=png.read_bytes(), image_name="magenta.png")
    path = tmp_path / "photos.facilitator"
    EventStore.create(
        path, title="Photos", deck=replace(d, cards=(scanned, *d.cards[1:])), plan=demo_plan
    ).close()

    controller = EventController(EventStore.open(path))
    try:
        held = controller.deck.card(scanned.id)
        assert held.image is None and held.has_image  # not in memory, but known to be there
        image, report = render(card_slide(controller.deck, held, back=False))
        assert report.clipped == []
        magenta = QColor("#ff00ff").rgb()
        assert any(
            image.pixel(x, y) == magenta
            for x in range(0, image.width(), 8)
            for y in range(0, image.height(), 8)
        ), "the card's picture is on the projector"
    finally:
        controller.close()
    # the event closed: a card without bytes is drawn without its picture, not an error
    image, _ = render(card_slide(d, held, back=False))
    assert not any(
        image.pixel(x, y) == QColor("#ff00ff").rgb()
        for x in range(0, image.width(), 8)
        for y in range(0, image.height(), 8)
    )


def test_the_rooms_votes_are_drawn_beside_the_tables_picks(qtbot: QtBot) -> None:
    picks = (TallyBar("Picked by tables", 3, "#a16108"),)
    votes = (TallyBar("Voted by the room", 40, "#1b6ca8"),)
    image, report = render(TallySlide("Which card?", picks, RoomTally(votes, 40, open=True)))
    assert report.clipped == []
    row_y = int(720 * 0.06 + 720 * 0.15 + 720 * 0.065 + 720 * 0.05)
    left = {image.pixelColor(x, row_y).name() for x in range(0, 640, 4)}
    right = {image.pixelColor(x, row_y).name() for x in range(640, 1280, 4)}
    # the tables' bar on the left, the room's on the right: never one bar for both
    assert "#a16108" in left and "#a16108" not in right
    assert "#1b6ca8" in right and "#1b6ca8" not in left
