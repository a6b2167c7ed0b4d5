"""The facilitator's keys drive the projector; text fields keep their letters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from facilitator.core.projector_state import Blank, Look, MessageSlide, RoundSlide, WelcomeSlide
from facilitator.store.db import EventStore
from facilitator.ui.console import ConsoleWindow
from facilitator.ui.keys import KEY_MAP, Scope
from facilitator.ui.live_panel import LOOKS
from gui.writes import landed


@pytest.fixture
def console(show_console: Any, event_path: Path) -> ConsoleWindow:
    window: ConsoleWindow = show_console(event_path)
    window.setFocus()
    return window


def live(console: ConsoleWindow):  # type: ignore[no-untyped-def]
    return console.controller.projector_state


def press(qtbot, console: ConsoleWindow, key: Qt.Key, text: str = "", mods=None) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget() or console
    qtbot.keyClick(target, key, mods or Qt.KeyboardModifier.NoModifier)


def test_clicker_keys_step_the_projector_and_back(qtbot, console: ConsoleWindow) -> None:
    assert isinstance(live(console).slide, WelcomeSlide)
    press(qtbot, console, Qt.Key.Key_PageDown)
    slide = live(console).slide
    assert isinstance(slide, RoundSlide) and slide.number == 1
    press(qtbot, console, Qt.Key.Key_Right)
    assert live(console).slide.number == 2
    press(qtbot, console, Qt.Key.Key_Left)
    press(qtbot, console, Qt.Key.Key_PageUp)
    assert isinstance(live(console).slide, WelcomeSlide)
    # the room and the console's live thumbnail show the same thing
    assert console.projector.state == live(console) == console.live.live_view.state


def test_b_dot_and_w_blank_the_room_and_the_live_thumbnail(qtbot, console) -> None:
    press(qtbot, console, Qt.Key.Key_B)
    assert live(console).blank is Blank.BLACK
    assert console.live.live_view.state.blank is Blank.BLACK
    assert console.keys.actions["black"].isChecked()
    press(qtbot, console, Qt.Key.Key_Period)
    assert live(console).blank is Blank.NONE
    press(qtbot, console, Qt.Key.Key_W)
    assert live(console).blank is Blank.WHITE
    assert console.live.preview_view.state.blank is Blank.NONE
    press(qtbot, console, Qt.Key.Key_W)
    assert live(console).blank is Blank.NONE


def test_letters_and_arrows_type_in_a_text_field_but_the_clicker_still_works(
    qtbot, console
) -> None:
    entry = console.live.panel.message
    entry.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry)
    qtbot.keyClicks(entry, "b. w")
    qtbot.keyClick(entry, Qt.Key.Key_Left)
    qtbot.keyClick(entry, Qt.Key.Key_Right)
    qtbot.keyClick(entry, Qt.Key.Key_Plus)
    assert entry.text() == "b. w+"
    assert live(console).blank is Blank.NONE
    assert isinstance(live(console).slide, WelcomeSlide)
    qtbot.keyClick(entry, Qt.Key.Key_PageDown)
    assert isinstance(live(console).slide, RoundSlide)


def test_nothing_fires_from_the_event_details_fields(qtbot, console) -> None:
    panel = console.panel("details_panel")
    console.tabs.setCurrentWidget(panel.parentWidget())
    field = panel.venue  # type: ignore[attr-defined]
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.clear()
    qtbot.keyClicks(field, "Big hall. West wing")
    assert field.text() == "Big hall. West wing"
    assert live(console).blank is Blank.NONE
    assert isinstance(live(console).slide, WelcomeSlide)
    assert live(console).look is Look.DARK


def test_a_typed_message_goes_up_and_previous_returns(qtbot, console) -> None:
    press(qtbot, console, Qt.Key.Key_PageDown)
    press(qtbot, console, Qt.Key.Key_M)
    entry = console.live.panel.message
    assert QApplication.focusWidget() is entry
    qtbot.keyClicks(entry, "Five minutes left")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert live(console).slide == MessageSlide("Five minutes left")
    assert QApplication.focusWidget() is not entry  # the clicker keys work again
    press(qtbot, console, Qt.Key.Key_PageUp)
    assert isinstance(live(console).slide, RoundSlide)


def test_preview_shows_what_comes_next_and_take_live_puts_it_up(qtbot, console) -> None:
    preview = console.live.preview_view.state
    assert isinstance(preview.slide, RoundSlide) and preview.slide.number == 1
    panel = console.live.panel
    index = panel.run_list.findData("tally")
    panel.run_list.setCurrentIndex(index)
    panel.run_list.activated.emit(index)
    assert type(console.live.preview_view.state.slide).__name__ == "TallySlide"
    assert isinstance(live(console).slide, WelcomeSlide)
    qtbot.mouseClick(panel.buttons["take"], Qt.MouseButton.LeftButton)
    assert type(live(console).slide).__name__ == "TallySlide"
    assert panel.live_caption.text() == "Card tally"


def test_look_key_and_selector_change_the_look_and_it_is_kept(
    qtbot, console, event_path: Path
) -> None:
    press(qtbot, console, Qt.Key.Key_L)
    assert live(console).look is Look.LIGHT
    menu = next(a.menu() for a in console.menuBar().actions() if a.text() == "&Projector")
    looks = next(a.menu() for a in menu.actions() if a.text() == "L&ook")
    next(a for a in looks.actions() if a.text() == LOOKS[Look.CONTRAST]).trigger()
    assert live(console).look is Look.CONTRAST
    assert console.live.preview_view.state.look is Look.CONTRAST
    press(qtbot, console, Qt.Key.Key_PageDown)
    console.close()
    again = ConsoleWindow(EventStore.open(event_path))
    assert again.controller.projector_state.look is Look.CONTRAST
    assert isinstance(again.controller.projector_state.slide, RoundSlide)  # where it was
    again.close()


def test_every_change_of_what_is_live_is_in_the_timeline(qtbot, console) -> None:
    press(qtbot, console, Qt.Key.Key_PageDown)
    press(qtbot, console, Qt.Key.Key_B)
    press(qtbot, console, Qt.Key.Key_B)
    landed(qtbot, console.controller)
    entries = [e for e in console.controller.store.timeline() if e.kind == "projector"]
    assert [(e.detail["item"], e.detail["blank"]) for e in entries] == [
        ("round:0", "none"),
        ("round:0", "black"),
        ("round:0", "none"),
    ]
    assert entries[0].round_id == console.controller.rounds[0].id


def test_ctrl_right_moves_to_the_next_round_and_its_slide(qtbot, console) -> None:
    press(qtbot, console, Qt.Key.Key_Right, mods=Qt.KeyboardModifier.ControlModifier)
    assert console.controller.live_round_index() == 1
    slide = live(console).slide
    assert isinstance(slide, RoundSlide) and slide.number == 2


def test_clicking_onto_a_round_makes_it_the_live_round(qtbot, console) -> None:
    for _ in range(3):
        press(qtbot, console, Qt.Key.Key_PageDown)
    assert console.controller.live_round_index() == 2
    press(qtbot, console, Qt.Key.Key_PageUp)
    assert console.controller.live_round_index() == 2  # a glance back changes nothing


def test_f1_lists_every_key_of_the_key_map(qtbot, console) -> None:
    press(qtbot, console, Qt.Key.Key_F1)
    guide = console.guide
    assert guide.isVisible()
    text = "\n".join(guide.texts())
    for word in ("PgDown", "Space", "Ctrl+Right", "F5", "F11", "Start / pause the clock"):
        assert word in text
    press(qtbot, console, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_no_key_is_bound_twice(console) -> None:
    seen: dict[str, str] = {}
    for action in console.findChildren(QAction):
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in seen or seen[key] == action.text(), (
                f"{key} is bound to {seen.get(key)!r} and {action.text()!r}"
            )
            seen[key] = action.text()
    for binding in KEY_MAP:
        if binding.scope in (Scope.CAPTURE, Scope.GROUPING):
            continue  # the capture panel's and the grouping board's own keys (test_key_map)
        for key in binding.keys:
            assert QKeySequence(key).toString() in seen, f"{key} ({binding.name}) is not bound"


def test_every_live_action_is_in_a_menu_with_its_key(console) -> None:
    def walk(actions):  # type: ignore[no-untyped-def]
        for action in actions:
            if action.menu() is not None:
                yield from walk(action.menu().actions())
            elif action.shortcuts():
                yield action

    in_menus = set(walk(console.menuBar().actions()))
    for name, action in console.keys.actions.items():
        assert action in in_menus, name


def test_buttons_show_their_keys(console) -> None:
    buttons = console.live.panel.buttons
    assert buttons["next"].key_text == "PgDown"
    assert buttons["black"].key_text == "B"
    assert buttons["take"].key_text == "T"


def test_a_text_field_is_detected_for_every_kind(qtbot) -> None:
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QSpinBox, QTextEdit

    from facilitator.ui.keys import in_text_field

    editable = QComboBox()
    editable.setEditable(True)
    for widget in (QLineEdit(), QTextEdit(), QPlainTextEdit(), QSpinBox(), editable):
        assert in_text_field(widget)
    assert not in_text_field(QComboBox())
