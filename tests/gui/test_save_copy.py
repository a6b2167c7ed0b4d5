"""File > Save a copy… gives a whole event file while the event stays open and in use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.save_copy import save_copy, suggested_copy_name
from gui.writes import add_theme


def test_a_copy_holds_every_saved_entry_and_the_event_stays_open(
    qtbot, event_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    controller = EventController(EventStore.open(event_path))
    try:
        for n in range(4):
            add_theme(qtbot, controller, f"said at table {n}", table_id=None, round_id=None)
        target = tmp_path / "Backup #1.facilitator"
        results: list[tuple[Path | None, str]] = []
        task = save_copy(controller, target, lambda path, error: results.append((path, error)))
        qtbot.waitUntil(lambda: bool(results) and not task.running)
        assert results == [(target, "")]
        add_theme(qtbot, controller, "after the copy", table_id=None, round_id=None)
    finally:
        controller.close()
    conn = sqlite3.connect(target)
    texts = {row[0] for row in conn.execute("SELECT text FROM theme")}
    conn.close()
    assert texts == {f"said at table {n}" for n in range(4)}
    assert sorted(p.name for p in tmp_path.iterdir() if "Backup" in p.name) == [target.name]


def test_a_copy_that_cannot_be_written_says_why(
    qtbot, event_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    controller = EventController(EventStore.open(event_path))
    try:
        results: list[tuple[Path | None, str]] = []
        task = save_copy(
            controller,
            tmp_path / "no such folder" / "copy.facilitator",
            lambda path, error: results.append((path, error)),
        )
        qtbot.waitUntil(lambda: bool(results) and not task.running)
        assert results[0][0] is None and "does not exist" in results[0][1]
    finally:
        controller.close()


def test_the_copy_is_offered_beside_the_event(event_path: Path) -> None:
    assert suggested_copy_name(event_path) == event_path.with_name("event (copy).facilitator")
