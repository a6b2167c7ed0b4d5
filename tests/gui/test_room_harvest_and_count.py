"""From the console: Ctrl+Shift+E shares the harvest so far on the phones and withdraws it;
the questions waiting show on the Questions tab's label and the room strip as they come,
without the tab being built."""

from __future__ import annotations

import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from facilitator.core.settings import HARVEST_PUBLISHED
from facilitator.ui.console import ConsoleWindow
from gui.test_questions_tab import send
from gui.test_room_panel import open_console


def harvest_status(port: int, token: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/j/{token}/harvest", timeout=10):
            return 200
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def questions_tab(console: ConsoleWindow) -> str:
    tabs = console.tabs
    return next(
        tabs.tabText(i) for i in range(tabs.count()) if tabs.tabText(i).startswith("&Questions")
    )


def test_ctrl_shift_e_shares_and_withdraws_the_harvest(
    qtbot, show_console: Any, event_path: Path
) -> None:
    console = open_console(show_console, event_path)
    store = console.controller.store
    console.room.open()
    port, token = console.room.control.port, store.room_tokens().event
    assert harvest_status(port, token) == 404
    qtbot.keyClick(
        console,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: HARVEST_PUBLISHED.read(store) is True)
    qtbot.waitUntil(lambda: "offers the harvest so far" in console.statusBar().currentMessage())
    assert console.room.harvest_action.isChecked()
    assert harvest_status(port, token) == 200
    console.room.harvest_action.trigger()  # the Room menu's item
    qtbot.waitUntil(lambda: HARVEST_PUBLISHED.read(store) is False)
    assert not console.room.harvest_action.isChecked()
    assert harvest_status(port, token) == 404


def test_waiting_questions_are_counted_on_the_tab_and_the_strip_unbuilt(
    qtbot, show_console: Any, event_path: Path
) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    port, token = console.room.control.port, console.controller.store.room_tokens().event
    assert questions_tab(console) == "&Questions"
    for n, device in enumerate(("phone-1", "phone-2", "phone-3"), start=1):
        body = {"id": str(uuid.uuid4()), "text": f"Question {n}?", "device": device}
        assert send(port, token, "questions", body) == 200
    qtbot.waitUntil(lambda: questions_tab(console) == "&Questions (3)")
    assert "3 questions waiting" in console.room.strip.label.text()
    assert console.room.QUESTIONS not in console._panels  # the tab is still not built
    panel = console.room.questions  # built now: approving one counts down
    panel.waiting.setCurrentRow(0)
    panel.approve_button.click()
    qtbot.waitUntil(lambda: questions_tab(console) == "&Questions (2)")
    assert "2 questions waiting" in console.room.strip.label.text()
