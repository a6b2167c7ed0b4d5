"""The start page as a launcher: recent events with their details, keyboard first, a clear
word for a file that moved, and new events from the bundled plans."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from facilitator.ui.new_event import NewEventDialog
from facilitator.ui.recent import RecentEvents
from facilitator.ui.start_page import StartPage


def _page(qtbot, recent: RecentEvents) -> StartPage:  # type: ignore[no-untyped-def]
    page = StartPage(recent)
    qtbot.addWidget(page)
    return page


def _spoken(page: StartPage, row: int) -> str:
    return page.recent_list.item(row).data(Qt.ItemDataRole.AccessibleTextRole)


def test_a_recent_event_shows_title_date_venue_and_file(qtbot, tmp_path: Path) -> None:
    event = tmp_path / "north.facilitator"
    event.write_bytes(b"")
    recent = RecentEvents(tmp_path / "recent.json")
    recent.add(event, "Network day", "2026-11-20", "The Lowry")
    page = _page(qtbot, recent)
    assert page.recent_list.item(0).text() == "Network day"
    assert _spoken(page, 0) == f"Network day, 20 November 2026 · The Lowry, {event.resolve()}"


def test_arrows_and_return_open_an_event(qtbot, tmp_path: Path) -> None:
    recent = RecentEvents(tmp_path / "recent.json")
    for name in ("a", "b"):
        (tmp_path / f"{name}.facilitator").write_bytes(b"")
        recent.add(tmp_path / f"{name}.facilitator", name.upper())
    page = _page(qtbot, recent)
    page.show()
    qtbot.waitExposed(page)
    assert page.focusWidget() is page.recent_list  # keyboard first: the list has the keys
    qtbot.keyClick(page.recent_list, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.open_path_requested) as opened:
        qtbot.keyClick(page.recent_list, Qt.Key.Key_Return)
    assert opened.args == [(tmp_path / "a.facilitator").resolve()]


def test_a_moved_event_says_so_and_delete_takes_it_off_the_list(qtbot, tmp_path: Path) -> None:
    recent = RecentEvents(tmp_path / "recent.json")
    gone = tmp_path / "gone.facilitator"
    recent.add(gone, "Spring forum")
    page = _page(qtbot, recent)
    assert "moved or deleted" in _spoken(page, 0)
    with qtbot.assertNotEmitted(page.open_path_requested):
        qtbot.keyClick(page.recent_list, Qt.Key.Key_Return)
    assert page.message.text().startswith(f"“Spring forum” is no longer at {gone.resolve()}")
    assert not page.message.isHidden()
    qtbot.keyClick(page.recent_list, Qt.Key.Key_Delete)
    assert page.recent_list.count() == 0 and recent.events() == []
    assert page.message.isHidden() and not page.empty.isHidden()


def test_a_broken_or_old_recent_list_loses_nothing_it_can_read(tmp_path: Path) -> None:
    path = tmp_path / "recent.json"
    known = tmp_path / "known.facilitator"
    known.write_bytes(b"")
    path.write_text(json.dumps([str(known), 7, {"path": ""}, {"path": str(known), "title": 3}]))
    events = RecentEvents(path).events()
    assert [(e.path, e.title) for e in events] == [(known, ""), (known, "")]
    path.write_text("{not json")
    assert RecentEvents(path).events() == []


def test_without_recent_events_the_demo_has_the_focus(qtbot, tmp_path: Path) -> None:
    page = _page(qtbot, RecentEvents(tmp_path / "recent.json"))
    page.show()
    qtbot.waitExposed(page)
    assert page.focusWidget() is page.demo_button
    assert page.recent_list.isHidden() and not page.empty.isHidden()
    with qtbot.waitSignal(page.demo_requested):
        qtbot.keyClick(page.demo_button, Qt.Key.Key_Return)  # Return presses it
    qtbot.keyClick(page, Qt.Key.Key_Tab)
    assert page.focusWidget() is page.new_button
    with qtbot.waitSignal(page.new_requested):
        qtbot.keyClick(page.new_button, Qt.Key.Key_Return)


def test_a_new_event_starts_from_a_bundled_plan_with_its_deck(qtbot) -> None:
    dialog = NewEventDialog()
    qtbot.addWidget(dialog)
    items = [dialog.template_list.item(i) for i in range(dialog.template_list.count())]
    rows = [item.data(Qt.ItemDataRole.AccessibleTextRole) for item in items]
    assert "World Café, 5 rounds · 1 h 25 min · plenary, tables" in rows
    assert dialog.template().name == "learning-event"  # the demo's plan is offered first
    assert dialog.deck.currentData() == "system-leadership"
    dialog.template_list.setCurrentRow(
        rows.index("World Café, 5 rounds · 1 h 25 min · plenary, tables")
    )
    assert "host stays" in dialog.about.text()
    dialog.title.setText("Café day")
    assert dialog.fields()["plan"] == "world-cafe"
    assert dialog.fields()["deck"] == dialog.deck.currentData()
