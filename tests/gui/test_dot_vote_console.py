"""The dot vote from the console: lock the groups and open it, dots from phones arrive on
the projector (or stay hidden), close it, and the projector ranks the groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitator.core.changes import PHONE, Changes
from facilitator.core.projector_state import Blank, DotsSlide
from facilitator.store.db import EventStore
from facilitator.ui.grouping.board import GroupingBoard


def _slide(board: GroupingBoard) -> DotsSlide | None:
    state = board.controller.projector_state
    return state.slide if state is not None and isinstance(state.slide, DotsSlide) else None


def _phone(board: GroupingBoard, device: str, dots: dict[str, int]) -> None:
    """A phone's ballot, committed by another connection (the room server's), then told."""
    path = board.controller.store.path
    with EventStore.open_writer(path) as writer:
        vote = writer.latest_dot_vote()
        assert vote is not None
        writer.cast_dots(vote.id, device, dots, 1)
    board.service.report(Changes(dots=True, origin=PHONE))


def test_open_vote_close_and_rank(qtbot: Any, board: GroupingBoard, store: EventStore) -> None:
    ids = [t.id for t in reversed(store.themes())]
    board.new_group(ids[:2], "Trust", name_it=False)
    board.new_group(ids[2:4], "Time", name_it=False)
    qtbot.waitUntil(lambda: board.data is not None and len(board.data.groups) == 2)
    controls = board.dot_controls
    controls.budget.setValue(4)
    controls.per_group.setValue(2)
    controls.open_button.click()
    qtbot.waitUntil(lambda: _slide(board) is not None)
    qtbot.waitUntil(lambda: not controls.open_button.isEnabled())
    assert "Locked" in board.message.text() and not board.group_button.isEnabled()
    vote = store.latest_dot_vote()
    assert vote is not None and (vote.budget, vote.per_group) == (4, 2)
    trust, time = (g.id for g in store.vote_groups(vote))

    _phone(board, "phone-1", {time: 2, trust: 1})
    qtbot.waitUntil(lambda: [r.dots for r in _slide(board).rows] == [1, 2])  # type: ignore[union-attr]
    controls.hidden.setChecked(True)
    qtbot.waitUntil(lambda: _slide(board).hidden)  # type: ignore[union-attr]
    _phone(board, "phone-2", {time: 1})
    qtbot.waitUntil(lambda: _slide(board).voters == 2)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "2 people have placed dots" in controls.status.text())

    controls.close_button.click()
    qtbot.waitUntil(lambda: _slide(board).closed)  # type: ignore[union-attr]
    ranked = _slide(board)
    assert ranked is not None and not ranked.hidden
    assert [(r.place, r.name, r.dots) for r in ranked.rows] == [(1, "Time", 3), (2, "Trust", 1)]
    qtbot.waitUntil(lambda: not controls.close_button.isEnabled())


def test_a_vote_needs_two_groups_and_sane_limits(qtbot: Any, board: GroupingBoard) -> None:
    controls = board.dot_controls
    controls.open_button.click()
    qtbot.waitUntil(lambda: "at least two groups" in board.message.text())
    controls.budget.setValue(2)
    controls.per_group.setValue(3)
    controls.open_button.click()
    assert "cannot be more than" in board.message.text()
    assert _slide(board) is None


def test_on_the_console_the_vote_says_where_and_dots_arriving_keep_a_black_out(
    qtbot: Any, show_console: Any, event_path: Path
) -> None:
    with EventStore.open(event_path) as store:
        first, tables = store.rounds()[0].id, store.tables()
        ids = [
            store.add_theme(t, table_id=tables[n].id, round_id=first).id
            for n, t in enumerate("ABCD")
        ]
        trust = store.create_group(ids[:2], round_id=first, name="Trust").id
        store.create_group(ids[2:], round_id=first, name="Time")
        store.open_dot_vote(first, budget=5, per_group=3)
    console = show_console(event_path)
    console.grouping.dots.show()
    qtbot.waitUntil(lambda: isinstance(console.controller.projector_state.slide, DotsSlide))
    assert console.controller.projector_state.slide.url == ""  # the room is closed
    control = console.room.control
    control.host, control.port = "127.0.0.1", 0  # never another address in a test
    console.room.open()
    console.grouping.dots.show()
    token = console.controller.store.room_tokens().event
    want = f"http://127.0.0.1:{control.port}/j/{token}/dots"
    qtbot.waitUntil(lambda: console.controller.projector_state.slide.url == want)
    console.keys.actions["black"].trigger()
    assert console.controller.projector_state.blank is Blank.BLACK
    with EventStore.open_writer(event_path) as writer:
        vote = writer.latest_dot_vote()
        assert vote is not None
        writer.cast_dots(vote.id, "phone-1", {trust: 3}, 1)
    console.controller.service.report(Changes(dots=True, origin=PHONE))
    qtbot.waitUntil(lambda: console.controller.projector_state.slide.rows[0].dots == 3)
    assert console.controller.projector_state.blank is Blank.BLACK  # the room still sees black
