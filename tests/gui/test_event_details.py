"""The event details panel saves on the writer thread: details, then tables, in order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.event_details import EventDetailsPanel


@pytest.fixture
def controller(event_path: Path) -> Iterator[EventController]:
    ctl = EventController(EventStore.open(event_path))
    yield ctl
    ctl.close()


def test_details_and_tables_are_saved_and_said_once_they_landed(
    qtbot: QtBot, controller: EventController
) -> None:
    panel = EventDetailsPanel(controller)
    qtbot.addWidget(panel)
    panel.title.setText("Leadership Lab #4")
    panel.tables.setValue(len(controller.tables) + 2)
    with qtbot.waitSignal(controller.event_changed):
        panel.save()
    qtbot.waitUntil(lambda: panel.message.text() == "Saved.")
    assert controller.store.event().title == "Leadership Lab #4"
    assert len(controller.tables) == panel.tables.value()


def test_a_title_that_cannot_be_saved_says_why(qtbot: QtBot, controller: EventController) -> None:
    panel = EventDetailsPanel(controller)
    qtbot.addWidget(panel)
    before = controller.store.event().title
    panel.title.setText("   ")
    panel.save()
    qtbot.waitUntil(lambda: panel.message.text() not in ("", "Saving…"))
    assert "title" in panel.message.text()
    assert controller.store.event().title == before
