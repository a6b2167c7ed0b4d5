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
