"""The deck browser: filtering, seeing both sides, flipping, drawing, picking, importing."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from facilitator.core.deck import bundled_decks, load_deck
from facilitator.core.projector_state import CardSlide, DrawSlide, SpreadSlide, TallySlide
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.deck_browser import DeckBrowser


@pytest.fixture
def controller(tmp_path: Path, qtbot: QtBot) -> Iterator[EventController]:
    from facilitator.core.demo import load_plan_choice

    deck = load_deck(bundled_decks()["system-leadership"])
    path = tmp_path / "event.facilitator"
    EventStore.create(path, title="T", deck=deck, plan=load_plan_choice(None), tables=12).close()
    ctl = EventController(EventStore.open(path))
    yield ctl
    ctl.close()


@pytest.fixture
def browser(controller: EventController, qtbot: QtBot) -> DeckBrowser:
    widget = DeckBrowser(controller)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_titles(browser: DeckBrowser) -> list[str]:
    return [c.title for c in browser.visible_cards()]


def suit_button(browser: DeckBrowser, name: str) -> QAbstractButton:
    return next(b for b in browser.suit_buttons.buttons() if b.text() == name)


def click(button: QAbstractButton) -> None:
    """What a mouse click on the button does."""
    button.click()


def test_the_grid_shows_every_card_and_a_chip_per_suit(browser: DeckBrowser) -> None:
    assert len(shown_titles(browser)) == 13
    assert browser.count_label.text() == "13 cards"
    assert [b.text() for b in browser.suit_buttons.buttons()] == [
        "All themes",
        "Being",
        "Relating",
        "Connecting",
        "Leading change",
    ]


def test_filtering_by_suit_and_searching_narrow_the_grid(
    browser: DeckBrowser, qtbot: QtBot
) -> None:
    click(suit_button(browser, "Relating"))
    assert shown_titles(browser) == ["Relationships", "Deep listening", "Empowering others"]
    assert browser.count_label.text() == "3 of 13 cards"
    QTest.keyClicks(browser.search, "difficulty")  # in the front of Relationships only
    assert shown_titles(browser) == ["Relationships"]
    click(suit_button(browser, "All themes"))
    browser.search.clear()
    QTest.keyClicks(browser.search, "ORGANISATION unspoken")  # a question on the back
    assert shown_titles(browser) == ["Mindset"]
    browser.search.setText("no such words anywhere")
    assert shown_titles(browser) == []
    assert browser.count_label.text() == "0 of 13 cards"
    assert not browser.spread_button.isEnabled()


def test_selecting_a_card_shows_both_its_sides_as_plain_text(browser: DeckBrowser) -> None:
    browser.select_card("resilience")
    detail = browser.detail
    assert detail.title.text() == "Resilience"
    assert detail.suit.text() == "BEING"
    assert detail.front.text().startswith("Stays steady under pressure")
    assert "Organisation" in detail.back_text()
    assert "What restores you when the work gets heavy?" in detail.back_text()
    assert detail.title.textFormat() == Qt.TextFormat.PlainText


def test_show_front_then_flip_sends_both_sides_to_the_room(
    browser: DeckBrowser, controller: EventController, qtbot: QtBot
) -> None:
    browser.select_card("courage")
    with qtbot.waitSignal(controller.show_requested) as front:
        click(browser.front_button)
    slide, live = front.args
    assert live is True
    assert isinstance(slide, CardSlide)
    assert (slide.card.id, slide.back, slide.suit.name) == ("courage", False, "Leading change")
    browser.select_card("mindset")  # browsing on does not change what the room sees
    with qtbot.waitSignal(controller.show_requested) as flipped:
        click(browser.flip_button)
    assert (flipped.args[0].card.id, flipped.args[0].back) == ("courage", True)
    with qtbot.waitSignal(controller.show_requested) as again:
        click(browser.flip_button)
    assert (again.args[0].card.id, again.args[0].back) == ("courage", False)


def test_preview_stages_a_card_without_showing_it(
    browser: DeckBrowser, controller: EventController, qtbot: QtBot
) -> None:
    browser.select_card("curiosity")
    with qtbot.waitSignal(controller.show_requested) as staged:
        click(browser.preview_button)
    assert staged.args[1] is False
    assert staged.args[0].card.id == "curiosity"


def test_draw_shows_a_face_down_card_of_the_filtered_suit_then_turns_it_over(
    browser: DeckBrowser, controller: EventController, qtbot: QtBot
) -> None:
    browser.random = random.Random(7)
    click(suit_button(browser, "Connecting"))
    with qtbot.waitSignal(controller.show_requested) as down:
        click(browser.draw_button)
    assert isinstance(down.args[0], DrawSlide)
    assert down.args[0].colour == controller.deck.suit("connecting").colour
    assert browser.draw_button.text() == "Turn it over"
    with qtbot.waitSignal(controller.show_requested) as up:
        click(browser.draw_button)
    card = up.args[0]
    assert isinstance(card, CardSlide) and not card.back
    assert card.card.suit == "connecting"
    assert browser.current_card() == card.card  # the drawn card is selected in the grid
    assert browser.draw_button.text() == "Draw a card"


def test_draws_are_spread_over_the_deck(browser: DeckBrowser) -> None:
    browser.random = random.Random(1)
    drawn = set()
    for _ in range(60):
        browser.draw_or_turn()
        assert browser.drawn is not None
        drawn.add(browser.drawn.id)
        browser.drawn = None
    assert len(drawn) >= 10


def test_show_these_cards_spreads_a_suit_or_the_whole_deck(
    browser: DeckBrowser, controller: EventController, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(controller.show_requested) as whole:
        click(browser.spread_button)
    assert isinstance(whole.args[0], SpreadSlide)
    assert whole.args[0].title == "System leadership behaviours"
    assert len(whole.args[0].cards) == 13
    click(suit_button(browser, "Being"))
    with qtbot.waitSignal(controller.show_requested) as suit:
        click(browser.spread_button)
    assert suit.args[0].title == "Theme: Being"
    assert [c.id for c in suit.args[0].cards] == [
        "mindset",
        "resilience",
        "authenticity",
        "curiosity",
    ]


def test_a_pick_is_saved_for_the_table_and_live_round_and_the_tally_follows(
    browser: DeckBrowser, controller: EventController, qtbot: QtBot
) -> None:
    controller.go_to_round(1)
    browser.select_card("courage")
    browser.table_box.setCurrentIndex(2)
    with qtbot.waitSignal(controller.picks_changed):
        click(browser.pick_button)
    [pick] = controller.store.card_picks()
    assert pick.card_key == "courage"
    assert pick.table_id == controller.tables[2].id
    assert pick.round_id == controller.rounds[1].id
    assert browser.pick_message.text() == "Saved: Table 3 picked Courage."
    assert browser.table_box.currentIndex() == 3  # ready for the next table
    with qtbot.waitSignal(controller.picks_changed):  # saved on the writer's thread
        click(browser.pick_button)
    browser.select_card("mindset")
    with qtbot.waitSignal(controller.picks_changed):
        click(browser.pick_button)
    assert browser.tally_label.text() == "3 picks. Most: Courage 2, Mindset 1"
    with qtbot.waitSignal(controller.show_requested) as tally:
        click(browser.tally_button)
    slide = tally.args[0]
    assert isinstance(slide, TallySlide)
    assert [(b.label, b.count) for b in slide.bars] == [("Courage", 2), ("Mindset", 1)]
    assert slide.bars[0].colour == controller.deck.suit("changing").colour


def test_undo_takes_the_last_pick_back(
    browser: DeckBrowser, controller: EventController, qtbot: QtBot
) -> None:
    browser.select_card("courage")
    with qtbot.waitSignal(controller.picks_changed):  # saved on the writer's thread
        click(browser.pick_button)
    assert browser.undo_pick_button.isEnabled()
    with qtbot.waitSignal(controller.picks_changed):  # taken back on the writer's thread
        click(browser.undo_pick_button)
    assert controller.store.card_picks() == []
    assert browser.tally_label.text() == "No picks yet."
    assert browser.table_box.currentIndex() == 0
    assert not browser.undo_pick_button.isEnabled()


def test_importing_a_deck_snapshots_it_into_the_event(
    browser: DeckBrowser, monkeypatch: pytest.MonkeyPatch, controller: EventController, qtbot: QtBot
) -> None:
    monkeypatch.setattr(browser, "confirm_replace", lambda new: True)
    with qtbot.waitSignal(controller.deck_changed):
        assert browser.import_deck(bundled_decks()["coaching-grow"])
    assert controller.store.deck().name == "Coaching conversations: GROW"
    assert len(shown_titles(browser)) == 16
    assert browser.suit_buttons.buttons()[0].text() == "All stages"


def test_a_bad_deck_is_refused_with_every_problem_and_changes_nothing(
    browser: DeckBrowser,
    monkeypatch: pytest.MonkeyPatch,
    controller: EventController,
    tmp_path: Path,
) -> None:
    reported: list[tuple[str, str]] = []
    monkeypatch.setattr(
        browser, "report_problem", lambda title, text: reported.append((title, text))
    )
    bad = tmp_path / "cards.csv"
    bad.write_text("suit,title\nA,\n,B\n", encoding="utf-8")
    assert not browser.import_deck(bad)
    assert reported == [
        (
            "cards.csv is not a deck that can be used",
            "cards.csv: row 2: no title\ncards.csv: row 3: no suit",
        )
    ]
    assert controller.store.deck().name == "System leadership behaviours"


def test_declining_the_import_keeps_the_deck(
    browser: DeckBrowser, monkeypatch: pytest.MonkeyPatch, controller: EventController
) -> None:
    monkeypatch.setattr(browser, "confirm_replace", lambda new: False)
    assert not browser.import_deck(bundled_decks()["coaching-grow"])
    assert controller.store.deck().name == "System leadership behaviours"


def test_dropping_a_deck_folder_imports_it(
    browser: DeckBrowser, monkeypatch: pytest.MonkeyPatch, controller: EventController, qtbot: QtBot
) -> None:
    monkeypatch.setattr(browser, "confirm_replace", lambda new: True)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundled_decks()["coaching-grow"]))])
    drop = QDropEvent(
        QPointF(QPoint(20, 20)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(controller.deck_changed):
        browser.dropEvent(drop)
    assert controller.deck.name == "Coaching conversations: GROW"


def test_deck_text_is_never_read_as_markup(
    browser: DeckBrowser,
    monkeypatch: pytest.MonkeyPatch,
    controller: EventController,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    csv = tmp_path / "cards.csv"
    csv.write_text('suit,title,front\nA,<b>Bold?</b>,"<i>x</i> & <a href=y>z</a>"\n', "utf-8")
    monkeypatch.setattr(browser, "confirm_replace", lambda new: True)
    with qtbot.waitSignal(controller.deck_changed):
        assert browser.import_deck(csv)
    assert browser.detail.title.text() == "<b>Bold?</b>"
    assert browser.detail.front.textFormat() == Qt.TextFormat.PlainText
