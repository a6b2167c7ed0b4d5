"""Waiting for the writer thread in GUI tests: every write of the GUI is submitted to it
(ui/event_service.py), so a test that reads the file waits for the writes to land first.
It waits on Qt's event loop (the writer's queued results), never with a sleep."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.core.changes import Changes
from facilitator.core.records import Theme
from facilitator.store import operations as ops
from facilitator.ui.controller import EventController

WAIT_MS = 5000


def landed(qtbot: Any, controller: EventController, timeout: int = WAIT_MS) -> None:
    """Wait until every write submitted so far has committed (or failed) and its
    ``changed`` and callback have run on the UI thread."""
    qtbot.waitUntil(lambda: not controller.writer.busy(), timeout=timeout)


def add_theme(
    qtbot: Any,
    controller: EventController,
    text: str,
    *,
    table_id: str | None,
    round_id: str | None,
    kind: str = "theme",
    cards: Sequence[str] = (),
) -> Theme:
    """Save an entry through the event service, as a panel does, and wait for it."""
    saved: list[Theme] = []

    def done(changes: Changes | None, error: BaseException | None) -> None:
        assert error is None, error
        assert changes is not None
        saved.extend(changes.added)

    controller.service.submit(
        lambda s: ops.add_theme(
            s, text, table_id=table_id, round_id=round_id, kind=kind, cards=cards
        ),
        done,
    )
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
    return saved[0]
