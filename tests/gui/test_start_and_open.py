"""The start page and opening events: what a facilitator sees before the event starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.store.db import EventStore
from facilitator.ui.console import ConsoleWindow
from facilitator.ui.start_page import NewEventDialog, StartPage
from facilitator.ui.windows import WindowManager


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []

    def fake_warning(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    return shown


@pytest.fixture
def manager(qtbot) -> WindowManager:
    manager = WindowManager()
    yield manager
    if manager.console is not None:
        manager.console.close()
    if manager.start_window is not None:
        manager.start_window.close()


def test_opening_an_event_shows_its_console(qtbot, manager, event_path: Path) -> None:
    assert manager.open_event(event_path)
    console = manager.console
    assert isinstance(console, ConsoleWindow)
    qtbot.waitExposed(console)
    assert console.windowTitle().startswith("Test event")
    assert console.controller.projector_state.slide.title == "Test event"
    # remembered just after the console's first paint (the write is no part of the start)
    qtbot.waitUntil(lambda: manager.recent.load()[:1] == [event_path.resolve()])
    assert manager.recent.load()[0] == event_path.resolve()


def test_closing_the_event_returns_to_the_start_page_listing_it(
    qtbot, manager, event_path: Path
) -> None:
    manager.open_event(event_path)
    with qtbot.waitSignal(manager.console.closed):
        manager.console.close()
    page = manager.start_window
    assert isinstance(page, StartPage)
    first = page.recent_list.item(0)
    assert first.text() == "Test event"  # its title, then its date, venue and file
    spoken = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Test event, ") and spoken.endswith(str(event_path.resolve()))
    assert "Hall" in spoken


def test_a_bad_file_gets_a_dialog_and_the_start_page(
    qtbot, manager, tmp_path: Path, warnings
) -> None:
    bad = tmp_path / "bad.facilitator"
    bad.write_text("not an event")
    assert not manager.open_event(bad)
    assert warnings == [f"{bad}: is not a Facilitator event file (not an SQLite database)"]
    assert manager.console is None
    assert isinstance(manager.start_window, StartPage)


def test_a_file_already_open_gets_a_dialog(qtbot, manager, store, event_path, warnings) -> None:
    assert not manager.open_event(event_path)
    assert "already open in another Facilitator" in warnings[0]


def test_the_demo_opens_a_fresh_event_every_time(qtbot, manager) -> None:
    assert manager.open_demo()
    first = manager.console.controller.store.path
    assert manager.open_demo()
    second = manager.console.controller.store.path
    assert first != second and first.exists() and second.exists()
    assert len(manager.console.controller.deck.cards) == 13


def test_new_event_dialog_asks_for_a_title(qtbot) -> None:
    dialog = NewEventDialog()
    qtbot.addWidget(dialog)
    dialog._accept()
    assert dialog.result() == 0 and "needs a title" in dialog.error.text()
    dialog.title.setText("  Network day ")
    dialog.tables.setValue(9)
    dialog._accept()
    assert dialog.fields()["title"] == "Network day"
    assert dialog.fields()["tables"] == 9


def test_created_event_opens_in_the_console(qtbot, manager, tmp_path: Path) -> None:
    path = tmp_path / "new.facilitator"
    assert manager.create_event(path, title="Made here", tables=5, venue="Library")
    assert manager.console.controller.store.event().venue == "Library"
    assert len(manager.console.controller.tables) == 5


def test_the_projector_ignores_a_stray_close(qtbot, manager, event_path: Path) -> None:
    manager.open_event(event_path)
    projector = manager.console.projector
    qtbot.waitUntil(projector.isVisible)  # placed just after the console's first paint
    projector.close()
    assert projector.isVisible()
    QApplication.processEvents()


def test_a_console_not_yet_painted_still_gets_its_projector(qtbot, event_path: Path) -> None:
    console = ConsoleWindow(EventStore.open(event_path))  # never shown: started minimised
    try:
        qtbot.waitUntil(console.projector.isVisible)
    finally:
        console.close()


SCAN_PROBE = """
import inspect
from facilitator.app import make_application
app = make_application()
scanned = []
read_source = inspect.getsource  # what PySide's hook reads a module's source with
inspect.getsource = lambda module: scanned.append(module.__name__) or read_source(module)
import csv, facilitator.ui.deck_browser, facilitator.export.csv_writer
print(sorted(name for name in scanned if name.split(".")[0] in ("csv", "facilitator")))
"""


def test_pyside_does_not_read_our_source_at_start() -> None:
    """PySide's import hook reads each later module's source (~8 ms of every start); the app
    tells it that no module selects a PySide feature, so it reads none."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", SCAN_PROBE], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
