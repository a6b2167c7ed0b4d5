"""A stalled stick (fsfreeze: every write waits) freezes nothing on screen and loses
nothing: the UI thread keeps its timers, the panel says the disk is slow, and every entry
is saved once the stick answers again (issue 19, defect 5)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

from drives import Drive
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from facilitator.store.db import EventStore
from facilitator.ui.capture import CapturePanel
from facilitator.ui.controller import EventController


def visible_text(panel: CapturePanel) -> str:
    return " | ".join(w.text() for w in panel.findChildren(QLabel) if w.isVisible())


def test_a_frozen_stick_stops_no_clock_and_loses_no_entry(
    qtbot: Any, stick: Drive, event_path: Path
) -> None:
    event = stick.path / "event.facilitator"
    shutil.copyfile(event_path, event)
    panel = CapturePanel(EventController(EventStore.open(event)))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.model.total is not None)
    ticks: list[float] = []
    clock = QTimer()
    clock.setInterval(20)  # stands in for the projector's clock, on the same thread
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start()
    try:
        stick.freeze()
        for n in range(3):
            qtbot.keyClicks(panel.entry, f"Said while the stick is frozen {n}")
            qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
            assert panel.entry.toPlainText() == ""
        qtbot.waitUntil(lambda: "The disk is slow" in visible_text(panel), timeout=5000)
        frozen_for = time.monotonic()
        qtbot.waitUntil(lambda: time.monotonic() - frozen_for > 1.0, timeout=3000)
        during = [t for t in ticks if t >= frozen_for]
        assert during and max(b - a for a, b in pairwise(during)) < 0.5
        stick.thaw()
        qtbot.waitUntil(lambda: "The disk is slow" not in visible_text(panel), timeout=15000)
        qtbot.waitUntil(lambda: panel.message.text().startswith("Saved for"), timeout=5000)
    finally:
        clock.stop()
        stick.thaw()
        panel.shutdown()
        panel.controller.close()
    conn = sqlite3.connect(event)
    texts = sorted(row[0] for row in conn.execute("SELECT text FROM theme"))
    conn.close()
    assert texts == [f"Said while the stick is frozen {n}" for n in range(3)]


def test_on_a_frozen_stick_space_an_edit_and_undo_stop_no_clock(
    qtbot: Any, stick: Drive, event_path: Path
) -> None:
    """The console on a frozen stick: the clicker, Space, an edit and its undo return at
    once, the projector's clock face goes on changing, and it all lands after the thaw."""
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.console import ConsoleWindow
    from facilitator.ui.entries import EntriesModel

    event = stick.path / "event.facilitator"
    shutil.copyfile(event_path, event)
    console = ConsoleWindow(EventStore.open(event))  # deletes itself when closed
    console.show()
    qtbot.waitExposed(console)
    controller, panel = console.controller, console.capture.panel
    qtbot.keyClicks(panel.entry, "Trust take time")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not controller.writer.busy())
    faces: list[float] = []
    controller.clock_face_changed.connect(lambda face: faces.append(time.monotonic()))
    held: list[float] = []

    def timed(step: Any) -> None:
        start = time.monotonic()
        step()
        held.append(time.monotonic() - start)

    # should a step write on the UI thread, it would wait for a thaw: one comes in 10 s
    watchdog = threading.Timer(10, stick.thaw)
    try:
        stick.freeze()
        watchdog.start()
        console.setFocus()
        target = QApplication.focusWidget() or console
        timed(lambda: qtbot.keyClick(target, Qt.Key.Key_PageDown))
        timed(lambda: qtbot.keyClick(target, Qt.Key.Key_Space))
        text = panel.model.index(0, EntriesModel.TEXT)
        timed(lambda: panel.model.setData(text, "Trust takes time"))
        timed(panel.undo_stack.undo)
        timed(panel.undo_stack.redo)
        assert max(held) < 0.5, held
        frozen_for = time.monotonic()
        qtbot.waitUntil(lambda: time.monotonic() - frozen_for > 2.2, timeout=4000)
        assert len([t for t in faces if t >= frozen_for]) >= 2  # the clock ran on
        assert controller.writer.busy()  # and nothing reached the stick meanwhile
        stick.thaw()
        qtbot.waitUntil(lambda: not controller.writer.busy(), timeout=15000)
    finally:
        watchdog.cancel()
        stick.thaw()
        console.close()
    conn = sqlite3.connect(event)
    texts = [row[0] for row in conn.execute("SELECT text FROM theme")]
    kinds = {row[0] for row in conn.execute("SELECT kind FROM timeline")}
    conn.close()
    assert texts == ["Trust takes time"]
    assert {"projector", "round_started"} <= kinds
