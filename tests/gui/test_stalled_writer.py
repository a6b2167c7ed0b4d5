"""A stalled disk stalls no key: every write of the console runs on the writer thread.

Issue 19 (5): with a USB stick frozen, the clicker, Space (start the round clock), an
edit, a delete and an undo each wrote on the UI thread and froze the console and the
projector's clock. Here every write waits on a stalled disk (``EventStore._write``
blocks until released): each of those steps returns at once, the clock keeps ticking on
the projector, and the writes land, in order, once the disk is back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.core.clock import Phase
from facilitator.store.db import EventStore
from facilitator.ui.capture import CapturePanel
from facilitator.ui.clock_driver import ClockDriver
from facilitator.ui.console import ConsoleWindow
from facilitator.ui.entries import EntriesModel
from gui.writes import add_theme, landed

AT_ONCE_S = 0.5  # far below the stall, far above a frame on a busy test machine


def held(step: Callable[[], object]) -> float:
    """How long ``step`` kept the UI thread."""
    start = time.monotonic()
    step()
    return time.monotonic() - start


def test_space_an_edit_a_delete_and_undo_return_at_once_while_the_disk_stalls(
    qtbot: Any, show_console: Any, event_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console: ConsoleWindow = show_console(event_path)
    controller = console.controller
    panel = console.capture.panel
    assert isinstance(panel, CapturePanel)
    driver = console.clock.driver
    assert isinstance(driver, ClockDriver)
    live = controller.live_round
    assert live is not None
    theme = add_theme(qtbot, controller, "Trust take time", table_id=None, round_id=live.id)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)

    release = threading.Event()
    writers: list[str] = []
    write = EventStore._write

    def stalled(self: EventStore) -> Any:
        writers.append(threading.current_thread().name)
        release.wait(10)  # a USB stick that takes its time
        return write(self)

    monkeypatch.setattr(EventStore, "_write", stalled)
    try:
        console.activateWindow()
        console.setFocus()
        target = QApplication.focusWidget() or console
        times = {
            "clicker": held(lambda: qtbot.keyClick(target, Qt.Key.Key_PageDown)),
            "space": held(lambda: qtbot.keyClick(target, Qt.Key.Key_Space)),
            "edit": held(
                lambda: panel.model.setData(
                    panel.model.index(0, EntriesModel.TEXT), "Trust takes time"
                )
            ),
        }
        panel.view.selectRow(0)
        times["delete"] = held(panel.delete_selected)
        times["undo"] = held(panel.undo_stack.undo)
        assert max(times.values()) < AT_ONCE_S, times
        assert driver.reading.phase is Phase.RUNNING  # the clock started at the key
        # the projector's clock goes on ticking while the disk is stalled
        with qtbot.waitSignal(controller.clock_face_changed, timeout=2500):
            pass
        assert controller.writer.busy()  # nothing has landed yet
        assert "round_started" not in [e.kind for e in controller.store.timeline()]
        assert controller.store.theme(theme.id).text == "Trust take time"
    finally:
        release.set()
    landed(qtbot, controller)
    assert writers and threading.main_thread().name not in writers
    kinds = [e.kind for e in controller.store.timeline(saved_order=True)]
    assert "round_started" in kinds and "projector" in kinds
    assert controller.store.rounds()[0].actual_start is not None
    saved = controller.store.theme(theme.id)  # edited, deleted, then brought back
    assert (saved.text, saved.deleted_at) == ("Trust takes time", None)
    qtbot.waitUntil(lambda: panel.model.index(0, EntriesModel.TEXT).data() == "Trust takes time")
