"""The capture panel, typed into as a scribe does: save, tables, tags, kinds, the list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.projector_state import ProjectorState, WallSlide
from facilitator.store.db import EventStore
from facilitator.ui.capture import DRAFT_SLOT, CapturePanel, CaptureTab
from facilitator.ui.controller import EventController
from facilitator.ui.entries import PAGE, EntriesModel
from gui.capture_waits import landed, saved, written

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def controller(store: EventStore) -> EventController:
    return EventController(store)


def open_panel(qtbot: Any, controller: EventController) -> CapturePanel:
    panel = CapturePanel(controller)
    qtbot.addWidget(panel)
    panel.resize(1300, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.entry.setFocus()
    qtbot.waitUntil(lambda: panel.model.total is not None)
    return panel


@pytest.fixture
def panel(qtbot: Any, controller: EventController) -> Iterator[CapturePanel]:
    opened = open_panel(qtbot, controller)
    yield opened
    opened.shutdown()


def keys(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; QTest only knows ASCII, so other characters are sent as the
    key events a keyboard layout or input method would send."""
    for char in text:
        if ord(char) < 128:
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_entry(qtbot: Any, panel: CapturePanel, text: str, *, save: bool = True) -> None:
    keys(qtbot, panel.entry, text)
    if save:
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
        landed(qtbot, panel)


def test_return_saves_to_the_table_and_live_round_then_clears(
    qtbot: Any, panel: CapturePanel
) -> None:
    with qtbot.waitSignal(panel.controller.theme_saved):
        type_entry(qtbot, panel, "Trust takes time")
    (theme,) = saved(qtbot, panel)
    assert theme.text == "Trust takes time"
    assert theme.kind == "theme"
    assert panel.controller.table(theme.table_id).number == 1
    assert theme.round_id == panel.controller.live_round.id
    assert panel.entry.text() == ""
    assert "Saved for Table 1" in panel.message.text()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, EntriesModel.TEXT).data() == "Trust takes time"


def test_shift_return_starts_a_new_line(qtbot: Any, panel: CapturePanel) -> None:
    qtbot.keyClicks(panel.entry, "First line")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return, SHIFT)
    type_entry(qtbot, panel, "second line")
    assert saved(qtbot, panel)[0].text == "First line\nsecond line"


def test_nothing_typed_saves_nothing(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "   ")
    assert saved(qtbot, panel) == []
    assert "Nothing to save" in panel.message.text()


def test_tables_switch_by_keys_and_by_number(qtbot: Any, panel: CapturePanel) -> None:
    qtbot.keyClick(panel.entry, Qt.Key.Key_Down, CTRL)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Down, CTRL)
    assert panel.table_field.text() == "3"
    qtbot.keyClick(panel.entry, Qt.Key.Key_Up, CTRL)
    assert panel.table_field.text() == "2"
    qtbot.keyClick(panel.entry, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Up, CTRL)
    assert panel.table_field.text() == "12"  # wraps round
    panel.table_field.setFocus()
    panel.table_field.selectAll()
    qtbot.keyClicks(panel.table_field, "7")
    qtbot.keyClick(panel.table_field, Qt.Key.Key_Return)
    assert panel.entry.hasFocus()
    type_entry(qtbot, panel, "From table seven")
    assert panel.controller.table(saved(qtbot, panel)[0].table_id).number == 7


def test_a_table_that_does_not_exist_is_refused_in_words(qtbot: Any, panel: CapturePanel) -> None:
    panel.table_field.setFocus()
    panel.table_field.selectAll()
    qtbot.keyClicks(panel.table_field, "99")
    qtbot.keyClick(panel.table_field, Qt.Key.Key_Return)
    assert panel.table_field.text() == "1"
    assert "there is no table 99" in panel.message.text()


def test_tagging_a_card_through_the_autocomplete(qtbot: Any, panel: CapturePanel) -> None:
    qtbot.keyClicks(panel.entry, "Hold it lightly #mind")
    assert panel.entry.popup.isVisible()
    assert panel.entry.popup.item(0).text().startswith("Mindset")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)  # takes the card, does not save
    assert not panel.entry.popup.isVisible()
    assert panel.entry.text() == "Hold it lightly #mindset "
    chips = [w.text() for w in panel.chips.findChildren(QWidget) if hasattr(w, "text")]
    assert "Mindset" in chips
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    landed(qtbot, panel)
    (theme,) = saved(qtbot, panel)
    assert theme.cards == ("mindset",)
    assert theme.text == "Hold it lightly #mindset "


def test_autocomplete_steps_with_arrows_and_escape_closes_it(
    qtbot: Any, panel: CapturePanel
) -> None:
    qtbot.keyClicks(panel.entry, "#c")
    assert panel.entry.popup.count() > 1
    second = panel.entry.popup.item(1).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Down)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Tab)
    assert panel.entry.text() == f"#{second} "
    qtbot.keyClicks(panel.entry, "#x")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Escape)
    assert not panel.entry.popup.isVisible()
    assert panel.entry.hasFocus()  # the first Escape only closes the list


def test_quotation_marks_make_a_quote_and_a_key_overrides(qtbot: Any, panel: CapturePanel) -> None:
    keys(qtbot, panel.entry, "“We lead by listening”")
    assert panel.mode == "quote"
    assert panel.kind_buttons["quote"].isChecked()
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.entry, '"Not a quote, says the scribe"')
    qtbot.keyClick(panel.entry, Qt.Key.Key_1, CTRL)
    assert panel.mode == "theme"
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.entry, "Commit to a follow-up")
    qtbot.keyClick(panel.entry, Qt.Key.Key_4, CTRL)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    landed(qtbot, panel)
    kinds = [t.kind for t in reversed(saved(qtbot, panel))]
    assert kinds == ["quote", "theme", "action"]
    assert panel.mode == "theme"  # the next entry starts plain again


def test_editing_in_place_with_undo_and_redo(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "Trust take time")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, EntriesModel.TEXT))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.view.focusWidget()
    assert editor is not panel.view
    editor.selectAll()
    qtbot.keyClicks(editor, "Trust takes time #curiosity")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    theme = saved(qtbot, panel)[0]
    assert theme.text == "Trust takes time #curiosity"
    assert theme.cards == ("curiosity",)
    assert panel.model.index(0, EntriesModel.TEXT).data() == "Trust takes time #curiosity"
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    assert saved(qtbot, panel)[0].text == "Trust take time"
    assert panel.model.index(0, EntriesModel.TEXT).data() == "Trust take time"
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert saved(qtbot, panel)[0].text == "Trust takes time #curiosity"


def test_changing_the_kind_in_the_list(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "Who decides?")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert saved(qtbot, panel)[0].kind == "question"
    panel.model.setData(panel.model.index(0, EntriesModel.KIND), "action")
    assert saved(qtbot, panel)[0].kind == "action"
    panel.undo_stack.undo()
    assert saved(qtbot, panel)[0].kind == "question"


def test_delete_hides_and_undo_brings_it_back(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "Keep me")
    type_entry(qtbot, panel, "Delete me")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    panel.view.setFocus()
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert [t.text for t in saved(qtbot, panel)] == ["Keep me"]
    assert panel.model.rowCount() == 1
    deleted = panel.controller.store.themes(include_deleted=True)
    assert {t.text for t in deleted} == {"Keep me", "Delete me"}  # nothing erased
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    assert [t.text for t in saved(qtbot, panel)] == ["Delete me", "Keep me"]
    assert panel.model.index(0, EntriesModel.TEXT).data() == "Delete me"
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [t.text for t in saved(qtbot, panel)] == ["Keep me"]


def test_ctrl_z_in_an_empty_entry_undoes_the_last_save(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "Saved to the wrong table")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Z, CTRL)
    assert saved(qtbot, panel) == []
    qtbot.keyClick(panel.entry, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [t.text for t in saved(qtbot, panel)] == ["Saved to the wrong table"]


def test_ctrl_z_while_typing_undoes_typing_only(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "Saved")
    qtbot.keyClicks(panel.entry, "typing")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Z, CTRL)
    assert [t.text for t in saved(qtbot, panel)] == ["Saved"]


def test_the_same_text_twice_for_a_table_warns_but_saves(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "Time to think")
    type_entry(qtbot, panel, "time to  THINK")
    qtbot.waitUntil(lambda: "already has this same text" in panel.message.text())
    assert len(saved(qtbot, panel)) == 2
    qtbot.keyClick(panel.entry, Qt.Key.Key_Down, CTRL)
    type_entry(qtbot, panel, "Time to think")  # another table: no warning
    assert "Saved for Table 2" in panel.message.text()
    qtbot.waitUntil(lambda: not panel.reader.busy())  # the repeat check has answered
    assert "already" not in panel.message.text()


def test_a_card_pick_goes_to_the_tally(qtbot: Any, panel: CapturePanel) -> None:
    qtbot.keyClick(panel.entry, Qt.Key.Key_5, CTRL)
    assert panel.mode == "pick"
    with qtbot.waitSignal(panel.controller.picks_changed):
        qtbot.keyClicks(panel.entry, "3 #mind")
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)  # completes Mindset
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)  # records the pick
    store = panel.controller.store
    (pick,) = store.card_picks()
    assert pick.card_key == "mindset"
    assert panel.controller.table(pick.table_id).number == 3
    assert pick.round_id == panel.controller.live_round.id
    assert "Table 3 picked Mindset" in panel.message.text()
    assert panel.mode == "pick"  # stays on for the next table
    qtbot.keyClick(panel.entry, Qt.Key.Key_Down, CTRL)
    type_entry(qtbot, panel, "#listening")
    assert store.card_tally() == [("listening", 1), ("mindset", 1)]
    qtbot.keyClick(panel.entry, Qt.Key.Key_Z, CTRL)
    written(qtbot, panel)
    assert store.card_tally() == [("mindset", 1)]
    assert saved(qtbot, panel) == []  # picks are not themes


def test_a_pick_without_a_card_is_refused_in_words(qtbot: Any, panel: CapturePanel) -> None:
    qtbot.keyClick(panel.entry, Qt.Key.Key_5, CTRL)
    type_entry(qtbot, panel, "the one about trust")
    assert "type # and the card" in panel.message.text()
    assert panel.entry.text() == "the one about trust"
    assert panel.controller.store.card_picks() == []


def test_round_follows_the_live_round_unless_chosen(qtbot: Any, panel: CapturePanel) -> None:
    c = panel.controller
    c.go_to_round(2)
    assert panel.round_id == c.rounds[2].id
    panel.round_combo.setCurrentIndex(0)
    panel.round_combo.activated.emit(0)
    c.go_to_round(3)
    assert panel.round_id == c.rounds[0].id
    type_entry(qtbot, panel, "For the first round")
    assert saved(qtbot, panel)[0].round_id == c.rounds[0].id


def test_filters_narrow_the_list(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "Alpha one")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Down, CTRL)
    type_entry(qtbot, panel, '"Beta quote"')
    type_entry(qtbot, panel, "Gamma #courage")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    qtbot.keyClicks(panel.filter_text, "beta")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.theme_at(0).text == '"Beta quote"'
    qtbot.waitUntil(lambda: panel.count_label.text() == "1 of 3 entries")
    panel.filter_text.clear()
    panel.filter_table.setCurrentIndex(panel.filter_table.findText("Table 2"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    panel.filter_kind.setCurrentIndex(panel.filter_kind.findData("quote"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.filter_kind.setCurrentIndex(0)
    panel.filter_card.setCurrentIndex(panel.filter_card.findData("courage"))
    qtbot.waitUntil(lambda: [t.text for t in panel.model.loaded()] == ["Gamma #courage"])
    type_entry(qtbot, panel, "Delta #courage")  # a new entry that matches shows at once
    assert [t.text for t in panel.model.loaded()] == ["Delta #courage", "Gamma #courage"]
    type_entry(qtbot, panel, "Epsilon")  # one that does not match stays out
    assert len(panel.model.loaded()) == 2


def test_the_list_fetches_lazily(qtbot: Any, controller: EventController) -> None:
    store = controller.store
    table = controller.tables[0].id
    for n in range(PAGE * 2 + 10):
        store.add_theme(f"entry {n}", table_id=table, round_id=None)
    panel = open_panel(qtbot, controller)
    try:
        qtbot.waitUntil(lambda: panel.model.rowCount() == PAGE)
        assert panel.count_label.text() == f"{PAGE * 2 + 10} entries"
        for expected in (PAGE * 2, PAGE * 2 + 10):
            panel.view.scrollToBottom()
            qtbot.waitUntil(lambda e=expected: panel.model.rowCount() == e)
        texts = [t.text for t in panel.model.loaded()]
        assert texts[0] == f"entry {PAGE * 2 + 9}" and texts[-1] == "entry 0"
        assert len(set(texts)) == len(texts)
    finally:
        panel.shutdown()


def test_escape_gives_the_keyboard_back_and_ctrl_t_takes_it(
    qtbot: Any, controller: EventController
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    tab = CaptureTab(controller, host)
    tab.setParent(host)
    host.resize(1200, 700)
    host.show()
    qtbot.waitExposed(host)
    try:
        tab.focus_entry()
        qtbot.waitUntil(tab.panel.entry.hasFocus)
        qtbot.keyClicks(tab.panel.entry, "half")
        qtbot.keyClick(tab.panel.entry, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not tab.panel.entry.hasFocus())
        assert tab.panel.entry.text() == "half"  # leaving keeps the text
        qtbot.keyClick(host, Qt.Key.Key_T, CTRL)
        qtbot.waitUntil(tab.panel.entry.hasFocus)
    finally:
        tab.panel.shutdown()


def test_the_panel_moves_to_its_own_window_and_back(
    qtbot: Any, controller: EventController
) -> None:
    tab = CaptureTab(controller)
    qtbot.addWidget(tab)
    tab.show()
    try:
        tab.panel.detach_button.click()
        assert tab.window_ is not None and tab.panel.window() is tab.window_
        qtbot.waitExposed(tab.window_)
        type_entry(qtbot, tab.panel, "From the other screen")
        assert controller.store.themes()[0].text == "From the other screen"
        tab.window_.close()
        assert tab.window_ is None and tab.panel.window() is tab
    finally:
        tab.panel.shutdown()


# -- the wall --------------------------------------------------------------------------------


def act_as_projector(controller: EventController) -> list[tuple[Any, bool]]:
    """What the projector helper does with show requests: the slide goes live."""
    shown: list[tuple[Any, bool]] = []

    def show(slide: Any, live: bool) -> None:
        shown.append((slide, live))
        if live:
            controller.set_projector_state(ProjectorState(slide))
        else:
            controller.preview_changed.emit(ProjectorState(slide))

    controller.show_requested.connect(show)
    return shown


def live_wall(controller: EventController) -> WallSlide:
    state = controller.projector_state
    assert state is not None and isinstance(state.slide, WallSlide)
    return state.slide


def test_the_wall_goes_live_and_follows_new_entries(qtbot: Any, panel: CapturePanel) -> None:
    c = panel.controller
    act_as_projector(c)
    type_entry(qtbot, panel, "Before the wall")
    with qtbot.waitSignal(c.projector_changed):
        panel.wall_show.click()
    assert [e.text for e in live_wall(c).entries] == ["Before the wall"]
    assert live_wall(c).title == c.live_round.title
    with qtbot.waitSignal(c.projector_changed, timeout=3000):
        type_entry(qtbot, panel, "Arrives live #mindset")
    assert [e.text for e in live_wall(c).entries] == ["Before the wall", "Arrives live"]
    assert live_wall(c).entries[1].colour == c.deck.suit("being").colour


def test_hide_from_wall_and_spotlight(qtbot: Any, panel: CapturePanel) -> None:
    c = panel.controller
    act_as_projector(c)
    type_entry(qtbot, panel, "Shown")
    type_entry(qtbot, panel, "Not for the room")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    with qtbot.waitSignal(c.projector_changed):
        panel.wall_show.click()
    panel.view.selectRow(0)
    with qtbot.waitSignal(c.projector_changed, timeout=3000):
        panel.hide_button.click()
    assert [e.text for e in live_wall(c).entries] == ["Shown"]
    assert saved(qtbot, panel)[0].hidden  # still saved, still in the harvest
    assert "hidden" in panel.model.index(0, EntriesModel.WALL).data()
    panel.view.selectRow(1)
    with qtbot.waitSignal(c.projector_changed, timeout=3000):
        panel.spot_button.click()
    assert live_wall(c).spotlight is not None
    assert live_wall(c).spotlight.text == "Shown"
    with qtbot.waitSignal(c.projector_changed, timeout=3000):
        panel.wall_clear_spot.click()
    assert live_wall(c).spotlight is None


def test_wall_grouping_and_pages(qtbot: Any, panel: CapturePanel) -> None:
    c = panel.controller
    store = c.store
    for n in range(70):
        store.add_theme(f"entry {n}", table_id=c.tables[n % 5].id, round_id=c.live_round.id)
    act_as_projector(c)
    panel.wall_grouping_combo.setCurrentIndex(panel.wall_grouping_combo.findData("latest"))
    with qtbot.waitSignal(c.projector_changed):
        panel.wall_show.click()
    assert live_wall(c).grouping == "latest"
    panel.wall_grouping_combo.setCurrentIndex(panel.wall_grouping_combo.findData("table"))
    qtbot.waitUntil(lambda: live_wall(c).grouping == "table", timeout=3000)
    assert live_wall(c).pages > 1
    with qtbot.waitSignal(c.projector_changed):
        panel.wall_next.click()
    assert live_wall(c).page == 1
    assert panel.wall_page_label.text() == f"page 2 of {live_wall(c).pages}"


# -- drafts ----------------------------------------------------------------------------------


def test_typing_is_kept_as_a_draft_and_comes_back(qtbot: Any, controller: EventController) -> None:
    panel = open_panel(qtbot, controller)
    store = controller.store
    try:
        qtbot.keyClick(panel.entry, Qt.Key.Key_Down, CTRL)
        keys(qtbot, panel.entry, "“Half a thought")
        qtbot.waitUntil(lambda: (store.draft(DRAFT_SLOT) or None) is not None, timeout=3000)
        qtbot.waitUntil(lambda: store.draft(DRAFT_SLOT).text == "“Half a thought", timeout=3000)
        assert store.draft(DRAFT_SLOT).detail["table"] == 2
    finally:
        panel.shutdown()
        panel.close()
    again = open_panel(qtbot, controller)
    try:
        assert again.entry.text() == "“Half a thought"
        assert again.table_field.text() == "2"
        assert "back from the draft" in again.message.text()
        keys(qtbot, again.entry, "”")
        qtbot.keyClick(again.entry, Qt.Key.Key_Return)
        landed(qtbot, again)
        assert store.themes()[0].text == "“Half a thought”"
        assert store.themes()[0].kind == "quote"
        assert store.draft(DRAFT_SLOT) is None  # cleared once saved
    finally:
        again.shutdown()


def test_closing_the_event_keeps_a_pending_draft(qtbot: Any, controller: EventController) -> None:
    panel = open_panel(qtbot, controller)
    qtbot.keyClicks(panel.entry, "typed just before closing")
    store = controller.store
    controller.closing.emit()  # what controller.close() does before the file closes
    assert store.draft(DRAFT_SLOT).text == "typed just before closing"
    assert panel.reader.stopped
    QApplication.processEvents()


def test_the_list_paints_its_rows_text_and_selection(qtbot: Any, panel: CapturePanel) -> None:
    type_entry(qtbot, panel, "Listening is a gift " * 30)  # longer than the column
    type_entry(qtbot, panel, "Courage")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    view = panel.view
    view.clearSelection()

    def inked(row: int, column: int) -> set[int]:
        image = view.viewport().grab().toImage()
        rect = view.visualRect(panel.model.index(row, column))
        return {
            image.pixel(x, y)
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
        }

    base = view.palette().color(QPalette.ColorRole.Base).rgb()
    assert len(inked(0, EntriesModel.TEXT)) > 2  # text drawn, not just background
    assert len(inked(1, EntriesModel.TEXT)) > 2
    assert inked(0, EntriesModel.WALL) <= {
        base,
        view.palette().color(QPalette.ColorRole.AlternateBase).rgb(),
    }
    view.selectRow(1)
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    highlight = {view.palette().color(g, QPalette.ColorRole.Highlight).rgb() for g in groups}
    assert highlight & inked(1, EntriesModel.WALL)
    assert not highlight & inked(0, EntriesModel.WALL)
