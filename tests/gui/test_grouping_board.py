"""The grouping board, by keyboard and by drag and drop: group, name, move, split, take
out, undo and redo; accept, name and ignore suggestions; locked once the dot vote opens."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from facilitator.core.changes import GROUPING
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.grouping.board import GroupingBoard
from facilitator.ui.grouping.lists import ids_mime
from gui.conftest import SAID

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def groups(store: EventStore) -> list[tuple[str, list[str]]]:
    """The groups of the first round (the live one, which the board starts on)."""
    texts = {t.id: t.text for t in store.themes()}
    first = store.rounds()[0].id
    return [(g.name, [texts[i] for i in g.entry_ids]) for g in store.groups(first)]


def settle(qtbot: Any, board: GroupingBoard, store: EventStore, want: object) -> None:
    """Wait until the file holds ``want`` and the board has drawn it."""
    qtbot.waitUntil(lambda: groups(store) == want)
    qtbot.waitUntil(lambda: board.groups.topLevelItemCount() == len(want))  # type: ignore[arg-type]


def test_group_name_undo_and_redo_by_keyboard(
    qtbot: Any, board: GroupingBoard, store: EventStore
) -> None:
    board.ungrouped.setFocus()
    QTest.keyClick(board.ungrouped, Qt.Key.Key_Home)
    QTest.keyClick(board.ungrouped, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(board.ungrouped, Qt.Key.Key_G, CTRL)
    settle(qtbot, board, store, [("Trust takes time", ["Trust takes time", "trust takes time!"])])
    # the new group's name is open for typing
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not board.groups)
    editor = QApplication.focusWidget()
    editor.selectAll()  # type: ignore[union-attr]
    QTest.keyClicks(editor, "Patience")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    settle(qtbot, board, store, [("Patience", ["Trust takes time", "trust takes time!"])])
    assert board.ungrouped.count() == 3

    board.groups.setFocus()
    QTest.keyClick(board.groups, Qt.Key.Key_Z, CTRL)  # the name
    settle(qtbot, board, store, [("Trust takes time", ["Trust takes time", "trust takes time!"])])
    QTest.keyClick(board.groups, Qt.Key.Key_Z, CTRL)  # the group
    settle(qtbot, board, store, [])
    assert board.ungrouped.count() == 5
    QTest.keyClick(board.groups, Qt.Key.Key_Z, CTRL | SHIFT)
    QTest.keyClick(board.groups, Qt.Key.Key_Y, CTRL)
    settle(qtbot, board, store, [("Patience", ["Trust takes time", "trust takes time!"])])


def test_split_take_out_and_move_by_keyboard(
    qtbot: Any, board: GroupingBoard, store: EventStore
) -> None:
    ids = [t.id for t in reversed(store.themes())]
    board.new_group(ids[:4], "Four", name_it=False)
    settle(qtbot, board, store, [("Four", [s for s, _ in SAID[:4]])])
    # split: two of its entries chosen, Ctrl+G makes them a group of their own
    board.groups.setFocus()
    board.groups.setCurrentItem(board.groups.topLevelItem(0).child(2))
    QTest.keyClick(board.groups, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(board.groups, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: len(groups(store)) == 2)
    assert groups(store)[1][1] == ["Listening before fixing", "Time to reflect"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not board.groups)  # its name
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # keeps the name it has
    # take one out: Ctrl+Shift+G
    qtbot.waitUntil(lambda: board.groups.topLevelItemCount() == 2)
    board.groups.setFocus()
    board.groups.setCurrentItem(board.groups.topLevelItem(0).child(0))
    QTest.keyClick(board.groups, Qt.Key.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: groups(store)[0][1] == ["trust takes time!"])
    # move "Trust takes time" into the second group with Ctrl+M and the list of groups
    qtbot.waitUntil(lambda: board.ungrouped.count() == 2)
    board.ungrouped.setFocus()
    board.ungrouped.set_current_row(0)
    QTest.keyClick(board.ungrouped, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    QTest.keyClick(menu, Qt.Key.Key_Down)
    QTest.keyClick(menu, Qt.Key.Key_Down)
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: groups(store)[1][1][-1] == "Trust takes time")


def test_a_drop_moves_entries_or_makes_a_group(
    qtbot: Any, board: GroupingBoard, store: EventStore
) -> None:
    ids = [t.id for t in reversed(store.themes())]

    def drop(view: Any, data: QMimeData, at: QPoint) -> None:
        event = QDropEvent(
            QPointF(at),
            Qt.DropAction.MoveAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        view.dropEvent(event)

    empty = QPoint(10, board.groups.viewport().height() - 5)
    drop(board.groups, ids_mime(ids[:2]), empty)  # onto the empty part: a new group
    settle(qtbot, board, store, [("Trust takes time", ["Trust takes time", "trust takes time!"])])
    onto = board.groups.visualItemRect(board.groups.topLevelItem(0)).center()
    drop(board.groups, ids_mime([ids[4]]), onto)  # onto a group: into it
    settle(qtbot, board, store, [("Trust takes time", [SAID[0][0], SAID[1][0], SAID[4][0]])])
    drop(board.ungrouped, ids_mime(ids[:1]), QPoint(5, 5))  # back to "Not grouped"
    settle(qtbot, board, store, [("Trust takes time", [SAID[1][0], SAID[4][0]])])
    bad = QMimeData()
    bad.setData("application/x-facilitator-entry-ids", b"not json")
    drop(board.groups, bad, empty)  # a foreign drop changes nothing
    settle(qtbot, board, store, [("Trust takes time", [SAID[1][0], SAID[4][0]])])


def test_suggestions_accept_name_and_ignore(
    qtbot: Any, board: GroupingBoard, store: EventStore
) -> None:
    assert board.suggestions.count() == 1
    assert "said at 2 tables" in board.suggestions.text(0)
    board.ignore_suggestion()
    assert board.suggestions.count() == 0
    board.ignored.clear()
    board.reload()
    qtbot.waitUntil(lambda: board.suggestions.count() == 1)
    board.suggestions.setFocus()
    QTest.keyClick(board.suggestions, Qt.Key.Key_Return, CTRL)
    settle(qtbot, board, store, [("Trust takes time", ["Trust takes time", "trust takes time!"])])
    qtbot.waitUntil(lambda: board.suggestions.count() == 0)


def test_locked_groups_refuse_every_change(
    qtbot: Any, board: GroupingBoard, store: EventStore
) -> None:
    ids = [t.id for t in reversed(store.themes())]
    board.new_group(ids[:2], "One", name_it=False)
    board.new_group(ids[2:3], "Two", name_it=False)
    qtbot.waitUntil(lambda: len(groups(store)) == 2)
    first = store.rounds()[0].id
    board.service.submit(lambda s: ops.open_dot_vote(s, first, origin=GROUPING))
    qtbot.waitUntil(lambda: board.data is not None and board.data.locked)
    assert "Locked" in board.message.text()
    assert not board.group_button.isEnabled()
    before = groups(store)
    board.ungrouped.setFocus()
    QTest.keyClick(board.ungrouped, Qt.Key.Key_Home)
    QTest.keyClick(board.ungrouped, Qt.Key.Key_G, CTRL)
    QTest.keyClick(board.ungrouped, Qt.Key.Key_Z, CTRL)  # undo of a grouping: refused too
    board.service.flush()
    qtbot.waitUntil(lambda: "locked" in board.message.text().lower())
    assert groups(store) == before
