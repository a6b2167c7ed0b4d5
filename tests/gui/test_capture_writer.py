"""Saves off the UI thread: a stalled disk freezes nothing, a failed save stays apart.

Issue 19: a stalled USB stick froze the whole app (saves ran on the UI thread), and after
a failed save the next entries ran together with the one that failed.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt

from facilitator.store.db import EventStore, StoreError
from facilitator.ui.capture import CapturePanel

FULL = "The disk is full: nothing was saved. Free some space, then try again."


def enter(qtbot: Any, panel: CapturePanel, text: str) -> float:
    """Type ``text`` and press Return; how long the Return kept the UI thread."""
    qtbot.keyClicks(panel.entry, text)
    start = time.monotonic()
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    return time.monotonic() - start


def visible_text(panel: CapturePanel) -> str:
    from PySide6.QtWidgets import QLabel

    return " | ".join(w.text() for w in panel.findChildren(QLabel) if w.isVisible())


def test_saves_picks_and_drafts_never_write_on_the_ui_thread(
    qtbot: Any, panel: CapturePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    write = EventStore._write

    def recorded(self: EventStore) -> Any:
        threads.append(threading.current_thread().name)
        return write(self)

    monkeypatch.setattr(EventStore, "_write", recorded)
    qtbot.keyClicks(panel.entry, "A draft first")
    qtbot.waitUntil(lambda: panel.store.draft("capture") is not None)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.message.text().startswith("Saved for"))
    panel.set_mode("pick", by_key=True)
    enter(qtbot, panel, "#mindset #courage")
    qtbot.waitUntil(lambda: "picked" in panel.message.text())
    assert len(panel.store.card_picks()) == 2
    assert [t.text for t in panel.store.themes()] == ["A draft first"]
    assert threads and threading.main_thread().name not in threads


def test_a_stalled_disk_freezes_nothing_and_says_so(
    qtbot: Any, panel: CapturePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    add = EventStore.add_theme

    def stalled(self: EventStore, *args: Any, **kwargs: Any) -> Any:
        release.wait(3)  # a USB stick that takes its time
        return add(self, *args, **kwargs)

    monkeypatch.setattr(EventStore, "add_theme", stalled)
    held = [enter(qtbot, panel, f"Said while the stick stalls {n}") for n in range(3)]
    assert max(held) < 0.5  # the UI thread did not wait for the disk
    assert panel.entry.text() == ""  # the scribe can go on typing
    assert "Saved" not in panel.message.text()  # not before the commit
    qtbot.waitUntil(
        lambda: "The disk is slow: 3 entries waiting" in visible_text(panel), timeout=2500
    )
    release.set()
    qtbot.waitUntil(lambda: "The disk is slow" not in visible_text(panel), timeout=5000)
    assert panel.message.text().startswith("Saved for")
    texts = sorted(t.text for t in panel.store.themes())
    assert texts == [f"Said while the stick stalls {n}" for n in range(3)]


def test_a_failed_save_is_kept_apart_and_the_next_entry_starts_afresh(
    qtbot: Any, panel: CapturePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = threading.Event()
    full.set()
    add = EventStore.add_theme

    def maybe_full(self: EventStore, *args: Any, **kwargs: Any) -> Any:
        if full.is_set():
            raise StoreError(FULL)
        return add(self, *args, **kwargs)

    monkeypatch.setattr(EventStore, "add_theme", maybe_full)
    enter(qtbot, panel, "during full 1")
    qtbot.waitUntil(lambda: "NOT SAVED" in panel.message.text())
    assert "disk is full" in panel.message.text()
    assert panel.entry.text() == ""  # kept apart: not in the way of the next entry
    assert "1 entry not saved yet" in visible_text(panel)
    enter(qtbot, panel, "during full 2")
    qtbot.waitUntil(lambda: "2 entries not saved yet" in visible_text(panel))
    assert panel.store.themes() == []
    full.clear()  # space again: the retry (every few seconds) saves them, apart
    qtbot.waitUntil(lambda: "not saved yet" not in visible_text(panel), timeout=10_000)
    texts = sorted(t.text for t in panel.store.themes())
    assert texts == ["during full 1", "during full 2"]


def test_a_retry_after_an_unclear_failure_does_not_save_twice(
    qtbot: Any, panel: CapturePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    add = EventStore.add_theme
    calls: list[str] = []

    def committed_then_failed(self: EventStore, *args: Any, **kwargs: Any) -> Any:
        theme = add(self, *args, **kwargs)
        calls.append(theme.id)
        if len(calls) == 1:
            raise StoreError("The event file could not be written (disk I/O error).")
        return theme

    monkeypatch.setattr(EventStore, "add_theme", committed_then_failed)
    enter(qtbot, panel, "Saved, though the disk said no")
    qtbot.waitUntil(lambda: "1 entry not saved yet" in visible_text(panel))
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)  # Return tries again at once
    qtbot.waitUntil(lambda: "not saved yet" not in visible_text(panel), timeout=5000)
    assert [t.text for t in panel.store.themes()] == ["Saved, though the disk said no"]


def test_a_failed_multi_card_pick_counts_nothing_and_is_kept(
    qtbot: Any, panel: CapturePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    insert = EventStore.add_card_picks if hasattr(EventStore, "add_card_picks") else None
    full = threading.Event()
    full.set()

    def maybe_full(self: EventStore, *args: Any, **kwargs: Any) -> Any:
        if full.is_set():
            raise StoreError(FULL)
        assert insert is not None
        return insert(self, *args, **kwargs)

    monkeypatch.setattr(EventStore, "add_card_picks", maybe_full, raising=False)
    monkeypatch.setattr(
        EventStore, "add_card_pick", lambda *a, **k: (_ for _ in ()).throw(StoreError(FULL))
    )
    panel.set_mode("pick", by_key=True)
    enter(qtbot, panel, "#mindset #courage")
    qtbot.waitUntil(lambda: "NOT RECORDED" in panel.message.text())
    assert panel.store.card_picks() == []
    assert "1 entry not saved yet" in visible_text(panel)
    full.clear()
    qtbot.waitUntil(lambda: "not saved yet" not in visible_text(panel), timeout=10_000)
    assert sorted(p.card_key for p in panel.store.card_picks()) == ["courage", "mindset"]


def test_a_draft_of_an_entry_saved_at_last_does_not_come_back(
    qtbot: Any, panel: CapturePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = threading.Event()
    add = EventStore.add_theme

    def maybe_full(self: EventStore, *args: Any, **kwargs: Any) -> Any:
        if full.is_set():
            raise StoreError(FULL)
        return add(self, *args, **kwargs)

    monkeypatch.setattr(EventStore, "add_theme", maybe_full)
    qtbot.keyClicks(panel.entry, "kept as a draft, then saved")
    qtbot.waitUntil(lambda: panel.store.draft("capture") is not None)
    full.set()
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "1 entry not saved yet" in visible_text(panel))
    full.clear()
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not saved yet" not in visible_text(panel), timeout=5000)
    qtbot.waitUntil(lambda: not panel.controller.writer.busy())
    assert panel.store.draft("capture") is None  # it would come back at the next start
