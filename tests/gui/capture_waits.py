"""Waiting for the capture panel's writes in GUI tests (on Qt's event loop, never a sleep)."""

from __future__ import annotations

from typing import Any

from facilitator.ui.capture import CapturePanel


def landed(qtbot: Any, panel: CapturePanel) -> None:
    """Wait until the save has landed: nothing waits to be saved, its message is up."""
    qtbot.waitUntil(lambda: not panel.pending() and not panel.controller.writer.busy())


def written(qtbot: Any, panel: CapturePanel) -> None:
    """Wait until every write submitted (edits, deletes, undo and redo) has landed."""
    qtbot.waitUntil(lambda: not panel.controller.writer.busy())


def saved(qtbot: Any, panel: CapturePanel) -> list[Any]:
    """The entries in the file, once every write submitted has landed."""
    written(qtbot, panel)
    return panel.controller.store.themes()
