"""Accessibility of the laptop's windows: every control a keyboard or a mouse can use has
a name a screen reader can say, and Tab goes through the controls in the order they are
laid out, reaching each of them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from facilitator.ui.recent import RecentEvents
from facilitator.ui.start_page import NewEventDialog, StartPage
from gui.accessibility import controls, tab_chain, unnamed


def _every_tab_built(console) -> None:  # type: ignore[no-untyped-def]
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
    console.tabs.setCurrentIndex(0)


def test_every_console_control_has_a_name(qtbot, show_console, event_path: Path) -> None:
    console = show_console(event_path)
    _every_tab_built(console)
    checked = controls(console)
    assert len(checked) > 60  # the console's controls, every tab's
    assert unnamed(console) == []


def test_the_start_page_and_the_new_event_dialog_name_every_control(qtbot, tmp_path: Path) -> None:
    recent = RecentEvents(tmp_path / "recent.json")
    (tmp_path / "a.facilitator").write_bytes(b"")
    recent.add(tmp_path / "a.facilitator", "A")
    page = StartPage(recent)
    dialog = NewEventDialog()
    for window in (page, dialog):
        qtbot.addWidget(window)
        assert controls(window)
        assert unnamed(window) == []


def test_the_console_s_dialogs_name_every_control(qtbot, show_console, event_path) -> None:
    from facilitator.ui.clock_settings import ClockSettings
    from facilitator.ui.export_dialog import ExportDialog
    from facilitator.ui.merge_dialog import MergeDialog
    from facilitator.ui.screens import ScreenPicker

    console = show_console(event_path)
    dialogs: list[QWidget] = [
        ClockSettings(console.clock.driver, console),
        ExportDialog(console.controller, console),
        MergeDialog(console.controller, None, console),
        ScreenPicker(console.live.screens, console),
    ]
    for dialog in dialogs:
        assert controls(dialog), type(dialog).__name__
        assert unnamed(dialog) == [], type(dialog).__name__


def test_tab_reaches_every_capture_control_in_reading_order(
    qtbot, show_console, event_path: Path
) -> None:
    console = show_console(event_path)
    panel = console.capture.panel
    chain = tab_chain(console)
    reachable = [w for w in controls(panel) if w.isVisibleTo(console) and w.isEnabled()]
    missing = [type(w).__name__ for w in reachable if w.focusPolicy() and w not in chain]
    assert missing == []
    # the entry's row comes before the list: table, round, entry, then the list's filters
    order = [chain.index(w) for w in (panel.table_field, panel.round_combo, panel.entry)]
    assert order == sorted(order)
    assert chain.index(panel.entry) < chain.index(panel.filter_round) < chain.index(panel.view)


def test_start_page_tab_order_follows_the_page(qtbot, tmp_path: Path) -> None:
    recent = RecentEvents(tmp_path / "recent.json")
    (tmp_path / "a.facilitator").write_bytes(b"")
    recent.add(tmp_path / "a.facilitator", "A")
    page = StartPage(recent)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    chain = tab_chain(page)
    start = chain.index(page.recent_list)  # where the keyboard starts: the recent events
    chain = chain[start:] + chain[:start]
    assert chain == [page.recent_list, page.demo_button, page.new_button, page.open_button]


def _menu_texts(console) -> set[str]:  # type: ignore[no-untyped-def]
    texts: set[str] = set()
    menus = [a.menu() for a in console.menuBar().actions() if a.menu() is not None]
    while menus:
        menu = menus.pop()
        menu.aboutToShow.emit()  # menus filled when opened
        for action in menu.actions():
            if action.menu() is not None:
                menus.append(action.menu())
            texts.add(action.text().replace("&", "").split("\t")[0].rstrip("…").lower())
    return texts


def test_a_button_tab_skips_is_a_key_or_in_a_menu(qtbot, show_console, event_path) -> None:
    """The live column's buttons leave the keyboard with the console (the clicker keys must
    work); what each does is a key of the key map or a menu item, so the keyboard reaches it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton

    from facilitator.ui.live_column import KeyButton

    console = show_console(event_path)
    _every_tab_built(console)
    menus = _menu_texts(console)
    skipped = [
        b
        for b in console.findChildren(QAbstractButton)
        if b.window() is console and not b.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert len(skipped) > 15
    unreachable = []
    for button in skipped:
        if isinstance(button, KeyButton):
            if not button.action_.shortcuts():
                unreachable.append(button.text())
            continue
        tip = button.toolTip()
        if tip.endswith(")") and "(" in tip:  # "Start or pause the clock (Space)"
            continue
        words = button.accessibleName() or button.text()
        if words.replace("&", "").lower() not in " ".join(menus):
            unreachable.append(words)
    assert unreachable == []
