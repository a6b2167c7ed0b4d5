"""F8 from the console: the card vote opens on the phones and the card tally goes up with
the room's votes beside the tables' picks (kept apart); phones' votes move it; F8 closes
it; the Room menu's options shape the next vote."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from facilitator.core.projector_state import TallySlide
from facilitator.ui.console import ConsoleWindow
from gui.test_room_panel import open_console


def press_f8(qtbot: Any, console: ConsoleWindow) -> None:
    qtbot.keyClick(console, Qt.Key.Key_F8)


def vote_from_a_phone(port: int, token: str, vote: str, card: str, device: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/j/{token}/vote",
        data=json.dumps({"vote": vote, "answer": card, "device": device}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        return int(answer.status)


def tally(console: ConsoleWindow) -> TallySlide | None:
    state = console.controller.projector_state
    return state.slide if state is not None and isinstance(state.slide, TallySlide) else None


def test_f8_needs_the_room_open_and_says_so(qtbot, show_console: Any, event_path: Path) -> None:
    console = open_console(show_console, event_path)
    press_f8(qtbot, console)
    qtbot.waitUntil(lambda: "Open the room network first" in console.statusBar().currentMessage())
    assert console.controller.store.votes() == []
    assert not console.room.vote_action.isChecked()


def test_f8_opens_the_vote_phones_move_the_tally_and_f8_closes_it(
    qtbot, show_console: Any, event_path: Path
) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    store = console.controller.store
    press_f8(qtbot, console)
    qtbot.waitUntil(lambda: tally(console) is not None and tally(console).room is not None)  # type: ignore[union-attr]
    vote = store.latest_vote()
    assert vote is not None and vote.is_open and not vote.hidden and vote.changeable
    assert console.room.vote_action.isChecked()
    slide = tally(console)
    assert slide is not None and slide.room is not None
    assert (slide.room.votes, slide.room.open, slide.room.bars) == (0, True, ())

    cards = store.deck(images=False).cards
    port, token = console.room.control.port, store.room_tokens().event
    for n, card in enumerate([cards[0], cards[0], cards[1]]):
        assert vote_from_a_phone(port, token, vote.id, card.id, f"phone-{n}") == 200

    def room_bars() -> list[tuple[str, int]]:
        slide = tally(console)
        room = slide.room if slide is not None else None
        return [(b.label, b.count) for b in room.bars] if room is not None else []

    qtbot.waitUntil(lambda: room_bars() == [(cards[0].title, 2), (cards[1].title, 1)])
    slide = tally(console)
    assert slide is not None and slide.bars == ()  # the tables' picks stay apart

    press_f8(qtbot, console)
    qtbot.waitUntil(lambda: tally(console).room.open is False)  # type: ignore[union-attr]
    assert not console.room.vote_action.isChecked()
    closed = store.vote(vote.id)
    assert closed is not None and not closed.is_open


def test_the_menu_option_hides_the_next_votes_results(
    qtbot, show_console: Any, event_path: Path
) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    store = console.controller.store
    with qtbot.waitSignal(console.controller.service.changed, timeout=5000):
        console.room.hidden_action.setChecked(True)
    press_f8(qtbot, console)
    qtbot.waitUntil(lambda: tally(console) is not None and tally(console).room is not None)  # type: ignore[union-attr]
    vote = store.latest_vote()
    assert vote is not None and vote.hidden
    card = store.deck(images=False).cards[0]
    port, token = console.room.control.port, store.room_tokens().event
    vote_from_a_phone(port, token, vote.id, card.id, "phone-1")
    qtbot.waitUntil(lambda: tally(console).room.votes == 1)  # type: ignore[union-attr]
    slide = tally(console)
    assert slide is not None and slide.room is not None
    assert slide.room.hidden and slide.room.bars == ()
    press_f8(qtbot, console)
    qtbot.waitUntil(lambda: tally(console).room.bars != ())  # type: ignore[union-attr]


def test_a_plan_vote_question_goes_to_the_phones_and_the_projector(
    qtbot, show_console: Any, event_path: Path
) -> None:
    from facilitator.core.projector_state import VoteSlide

    console = open_console(show_console, event_path)
    store = console.controller.store
    (plan_vote,) = console.controller.plan.votes  # the learning event's
    console.room.open()
    console.room._fill_plan_votes()
    (action,) = console.room.plan_votes_menu.actions()
    assert action.text() == plan_vote.question
    action.trigger()

    def shown() -> VoteSlide | None:
        state = console.controller.projector_state
        return state.slide if state is not None and isinstance(state.slide, VoteSlide) else None

    qtbot.waitUntil(lambda: shown() is not None)
    vote = store.latest_vote()
    assert vote is not None and vote.kind == "choice" and vote.choices == plan_vote.choices
    port, token = console.room.control.port, store.room_tokens().event
    for n, choice in enumerate([plan_vote.choices[2], plan_vote.choices[2], plan_vote.choices[0]]):
        assert vote_from_a_phone(port, token, vote.id, choice, f"phone-{n}") == 200
    qtbot.waitUntil(
        lambda: (
            [(b.label, b.count) for b in shown().room.bars]  # type: ignore[union-attr]
            == [(plan_vote.choices[2], 2), (plan_vote.choices[0], 1)]
        )
    )
    press_f8(qtbot, console)  # F8 closes whichever vote is open
    qtbot.waitUntil(lambda: shown().room.open is False)  # type: ignore[union-attr]
