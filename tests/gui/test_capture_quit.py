"""Closing the event with entries that could not be saved asks first (issue 19, 7).

The choices: save them to another file (a CSV that ``facilitator import-themes`` takes
back), quit anyway (each one is logged), or cancel (the console stays open).
"""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt

from facilitator.store.db import EventStore, StoreError
from facilitator.store.import_themes import import_themes
from facilitator.ui import pending

FULL = "The disk is full: nothing was saved. Free some space, then try again."


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    full = threading.Event()
    full.set()
    add = EventStore.add_theme

    def maybe_full(self: EventStore, *args: Any, **kwargs: Any) -> Any:
        if full.is_set():
            raise StoreError(FULL)
        return add(self, *args, **kwargs)

    monkeypatch.setattr(EventStore, "add_theme", maybe_full)
    return full


def not_saved(qtbot: Any, console: Any, *texts: str) -> None:
    panel = console.capture.panel
    panel.set_table(3)
    for text in texts:
        qtbot.keyClicks(panel.entry, text)
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: panel.pending_box.summary.text().startswith(f"{len(texts)} entries not saved")
    )


def answer(monkeypatch: pytest.MonkeyPatch, *choices: str, csv: Path | None = None) -> list[str]:
    asked: list[str] = []
    replies = list(choices)

    def ask(_parent: Any, entries: list[Any]) -> str:
        asked.append(pending.describe(entries))
        return replies.pop(0)

    monkeypatch.setattr(pending, "ask_what_to_do", ask)
    monkeypatch.setattr(pending, "choose_csv", lambda _parent, _event: csv)
    return asked


def test_cancel_keeps_the_event_open_and_the_entries(
    qtbot: Any, show_console: Any, event_path: Path, full_disk: Any, monkeypatch: Any
) -> None:
    console = show_console(event_path)
    not_saved(qtbot, console, "kept one", "kept two")
    asked = answer(monkeypatch, pending.CANCEL)
    assert not console.close()
    assert asked == ["2 entries"]
    assert shiboken6.isValid(console) and console.isVisible()
    assert len(console.capture.panel.pending()) == 2
    answer(monkeypatch, pending.QUIT)
    assert console.close()


def test_saved_to_another_file_they_import_back(
    qtbot: Any,
    show_console: Any,
    event_path: Path,
    full_disk: Any,
    monkeypatch: Any,
    tmp_path: Path,
) -> None:
    console = show_console(event_path)
    not_saved(qtbot, console, "kept one", '"kept two" #mindset')
    target = tmp_path / "kept.csv"
    answer(monkeypatch, pending.SAVE, csv=target)
    assert console.close()
    copy = tmp_path / "copy.facilitator"
    shutil.copy(event_path, copy)
    result = import_themes(copy, target)
    assert result.imported == 2 and not result.bad
    with EventStore.open(copy) as store:
        themes = {t.text: t for t in store.themes()}
        tables = {t.id: t.number for t in store.tables()}
    assert set(themes) == {"kept one", '"kept two" #mindset'}
    assert themes['"kept two" #mindset'].kind == "quote"
    assert themes['"kept two" #mindset'].cards == ("mindset",)
    assert {tables[t.table_id] for t in themes.values()} == {3}


def test_quit_anyway_logs_each_entry_given_up(
    qtbot: Any,
    show_console: Any,
    event_path: Path,
    full_disk: Any,
    monkeypatch: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    console = show_console(event_path)
    not_saved(qtbot, console, "lost one", "lost two")
    answer(monkeypatch, pending.QUIT)
    with caplog.at_level(logging.WARNING):
        assert console.close()
    given_up = [r.getMessage() for r in caplog.records if "given up" in r.getMessage()]
    assert len(given_up) == 2 and "lost one" in given_up[0]


def test_the_event_file_gone_asks_too(
    qtbot: Any, show_console: Any, event_path: Path, monkeypatch: Any, tmp_path: Path
) -> None:
    console = show_console(event_path)
    event_path.unlink()
    panel = console.capture.panel
    qtbot.keyClicks(panel.entry, "said after the stick was pulled")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.pending_box.summary.text().startswith("1 entry not saved"))
    target = tmp_path / "rescued.csv"
    asked = answer(monkeypatch, pending.SAVE, csv=target)
    assert console.close()
    assert asked == ["1 entry"]
    assert "said after the stick was pulled" in target.read_text(encoding="utf-8")
