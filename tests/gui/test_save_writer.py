"""The writer thread: saves run off the UI thread, in order, and a stalled disk is reported."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from facilitator.store.db import EventStore
from facilitator.ui.save_writer import Changes, SaveWriter


def test_operations_run_in_order_on_one_other_thread(qtbot: Any, store: EventStore) -> None:
    writer = SaveWriter(store.path)
    threads: list[str] = []
    results: list[tuple[str, Any]] = []
    changed: list[Changes] = []
    writer.changed.connect(changed.append)

    def add(text: str) -> Any:
        def op(s: EventStore) -> Changes:
            threads.append(threading.current_thread().name)
            return Changes(added=(s.add_theme(text, table_id=None, round_id=None),))

        return op

    for text in ("one", "two", "three"):
        writer.submit(add(text), lambda c, e: results.append((c.themes[0].text, e)))
    qtbot.waitUntil(lambda: len(results) == 3)
    assert results == [("one", None), ("two", None), ("three", None)]
    assert set(threads) == {"facilitator-writer"}
    assert [c.themes[0].text for c in changed] == ["one", "two", "three"]
    assert [t.text for t in store.themes()] == ["three", "two", "one"]
    assert writer.close()
    assert writer.store is None


def test_a_stalled_disk_is_reported_and_clears(qtbot: Any, store: EventStore) -> None:
    writer = SaveWriter(store.path)
    release = threading.Event()

    def stalled(s: EventStore) -> Changes:
        release.wait(10)
        return Changes(added=(s.add_theme("late", table_id=None, round_id=None),))

    with qtbot.waitSignal(writer.slow, check_params_cb=lambda n: n == 3, timeout=4000):
        for _ in range(3):
            writer.submit(stalled)
    assert writer.is_slow and writer.waiting() == 3
    with qtbot.waitSignal(writer.slow, check_params_cb=lambda n: n == 0, timeout=4000):
        release.set()
    assert not writer.is_slow
    writer.close()


def test_only_the_latest_draft_is_written(qtbot: Any, store: EventStore) -> None:
    writer = SaveWriter(store.path)
    release = threading.Event()
    written: list[str] = []
    writer.submit(lambda s: (release.wait(10), Changes())[1], entry=False)

    def draft(text: str) -> Any:
        def op(s: EventStore) -> Changes:
            written.append(text)
            s.save_draft("capture", text)
            return Changes(draft=True)

        return op

    for text in ("a", "ab", "abc"):
        writer.submit(draft(text), key="draft", entry=False)
    release.set()
    assert writer.close()
    assert written == ["abc"]
    assert store.draft("capture").text == "abc"


def test_a_failure_comes_back_as_the_error(qtbot: Any, tmp_path: Path) -> None:
    writer = SaveWriter(tmp_path / "gone.facilitator")
    errors: list[BaseException | None] = []
    writer.submit(lambda s: Changes(), lambda c, e: errors.append(e))
    qtbot.waitUntil(lambda: bool(errors))
    assert "gone" in str(errors[0])
    writer.close()


def test_a_writer_on_another_thread_reports_into_the_one_changed_signal(qtbot, store) -> None:
    """The room server (next issue) commits on its own thread and connection, then calls
    ``report``: every view hears it on the UI thread, like any other change."""
    from facilitator.core.changes import PHONE
    from facilitator.store import operations as ops
    from facilitator.ui.event_service import EventService

    service = EventService(store)
    heard: list[tuple[Changes, bool]] = []
    ui_thread = threading.get_ident()
    service.changed.connect(lambda c: heard.append((c, threading.get_ident() == ui_thread)))

    def phone() -> None:
        other = EventStore.open_writer(store.path)
        try:
            service.report(
                ops.add_theme(other, "From table 4", table_id=None, round_id=None, origin=PHONE)
            )
        finally:
            other.close()

    with qtbot.waitSignal(service.changed, timeout=5000):
        thread = threading.Thread(target=phone)
        thread.start()
    thread.join()
    [(changes, on_ui_thread)] = heard
    assert on_ui_thread and changes.origin == PHONE
    assert [t.text for t in changes.added] == ["From table 4"]
    service.close()


def test_a_save_that_lands_after_its_panel_closed_is_kept_quietly(
    qtbot: Any, store: EventStore
) -> None:
    import shiboken6
    from PySide6.QtWidgets import QLabel

    writer = SaveWriter(store.path)
    label = QLabel()
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))

    def answer(changes: Any, error: Any) -> None:
        label.setText("Saved")  # the panel is gone: Qt raises RuntimeError

    def op(s: EventStore) -> Changes:
        return Changes(added=(s.add_theme("after the close", table_id=None, round_id=None),))

    changed: list[Changes] = []
    writer.changed.connect(changed.append)
    writer.submit(op, answer)
    qtbot.waitUntil(lambda: bool(changed))
    assert [t.text for t in store.themes()] == ["after the close"]
    assert writer.close()
