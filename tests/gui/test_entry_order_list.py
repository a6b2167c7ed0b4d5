"""The entries list keeps the save order when the wall clock jumps (faked, never changed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from facilitator.store import db
from facilitator.store.db import EventStore
from facilitator.ui.capture import CapturePanel
from facilitator.ui.controller import EventController
from facilitator.ui.entries import model as entries
from gui.writes import add_theme


class JumpingWall:
    def __init__(self) -> None:
        self.at = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)

    def __call__(self) -> str:
        self.at += timedelta(seconds=1)
        return self.at.isoformat(timespec="microseconds")


def test_the_list_pages_and_places_new_entries_in_save_order(
    qtbot: Any, store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    wall = JumpingWall()
    monkeypatch.setattr(db, "now_iso", wall)
    monkeypatch.setattr(entries, "PAGE", 2)  # several pages from a few entries
    controller = EventController(store)
    table, round_id = controller.tables[0].id, controller.rounds[0].id
    for n, jump in enumerate((0, +1, -1, -1)):
        wall.at += timedelta(hours=jump)
        add_theme(qtbot, controller, f"entry {n}", table_id=table, round_id=round_id)
    panel = CapturePanel(controller)
    qtbot.addWidget(panel)
    panel.resize(1300, 700)
    panel.show()
    try:

        def all_loaded() -> bool:
            panel.model.fetchMore()  # the next page, unless one is on its way or none is left
            return not panel.model.canFetchMore() and not panel.model.is_loading()

        qtbot.waitUntil(all_loaded)
        texts = [t.text for t in panel.model.loaded()]
        assert texts == ["entry 3", "entry 2", "entry 1", "entry 0"]
        wall.at -= timedelta(hours=1)  # saved "before" every other entry by the wall clock
        with qtbot.waitSignal(controller.theme_saved):
            add_theme(qtbot, controller, "entry 4", table_id=table, round_id=round_id)
        assert [t.text for t in panel.model.loaded()][:2] == ["entry 4", "entry 3"]
    finally:
        panel.shutdown()
