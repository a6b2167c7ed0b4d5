"""Fixtures the offscreen widget tests share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from facilitator.store.db import EventStore
from facilitator.ui.capture import CapturePanel
from facilitator.ui.controller import EventController


@pytest.fixture
def panel(qtbot: Any, store: EventStore) -> Iterator[CapturePanel]:
    """The capture panel on the demo event, shown, its entry focused and its list loaded."""
    opened = CapturePanel(EventController(store))
    qtbot.addWidget(opened)
    opened.resize(1300, 700)
    opened.show()
    qtbot.waitExposed(opened)
    opened.entry.setFocus()
    qtbot.waitUntil(lambda: opened.model.total is not None)
    yield opened
    opened.shutdown()


# what five tables said, for the grouping board's tests
SAID = [
    ("Trust takes time", 0),
    ("trust takes time!", 1),
    ("Listening before fixing", 2),
    ("Time to reflect", 3),
    ("Courage to challenge", 4),
]


@pytest.fixture
def board(qtbot: Any, store: EventStore) -> Iterator[Any]:
    """The grouping board on the demo event with SAID in its first round; what it asks to
    put on the projector goes there, as the live panel would."""
    tables = store.tables()
    for text, table in SAID:
        store.add_theme(text, table_id=tables[table].id, round_id=store.rounds()[0].id)
    from facilitator.core.projector_state import ProjectorState
    from facilitator.ui.grouping.board import GroupingBoard

    controller = EventController(store)
    controller.show_requested.connect(
        lambda slide, live: controller.set_projector_state(ProjectorState(slide)) if live else None
    )
    shown = GroupingBoard(controller)
    qtbot.addWidget(shown)
    shown.resize(1300, 700)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: shown.data is not None)
    yield shown
    controller.close()
