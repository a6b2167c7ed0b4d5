"""The console and the start page ask for what they cannot do (open, new, demo, quit) with
signals; the window manager answers them, and neither knows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitator.ui.console import ConsoleWindow
from facilitator.ui.keys import BINDINGS
from facilitator.ui.recent import RecentEvents
from facilitator.ui.start_page import StartPage


def test_quit_is_a_request_when_someone_answers(qtbot, show_console: Any, event_path) -> None:
    console: ConsoleWindow = show_console(event_path)
    asked: list[bool] = []
    console.quit_requested.connect(lambda: asked.append(True))
    console.keys.actions["quit"].trigger()
    assert asked == [True]
    assert console.isVisible()  # the manager decides


def test_the_file_menu_requests_new_open_and_demo(qtbot, show_console: Any, event_path) -> None:
    console: ConsoleWindow = show_console(event_path)
    with qtbot.waitSignal(console.new_requested):
        console.keys.actions["new"].trigger()
    with qtbot.waitSignal(console.open_requested):
        console.keys.actions["open"].trigger()
    assert console.keys.actions["new"].shortcut().toString() == BINDINGS["new"].key


def test_the_start_page_requests_what_its_buttons_say(qtbot, tmp_path: Path) -> None:
    known = tmp_path / "known.facilitator"
    known.write_bytes(b"")
    recent = RecentEvents(tmp_path / "recent.json")
    recent.add(known)
    page = StartPage(recent)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.demo_requested):
        page.demo_button.click()
    with qtbot.waitSignal(page.new_requested):
        page.new_button.click()
    with qtbot.waitSignal(page.open_path_requested) as opened:
        page.recent_list.itemActivated.emit(page.recent_list.item(0))
    assert opened.args == [known.resolve()]
