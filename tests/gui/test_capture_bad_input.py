"""Bad input at the capture panel: odd pasted text is kept exactly and shown as plain text;
a full disk or a vanished event file keeps the text (apart, in the list of entries not saved
yet, so the next entry starts afresh) and says why in words."""

from __future__ import annotations

import html
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from facilitator.core.projector_state import WallSlide
from facilitator.store.db import EventStore
from facilitator.ui.capture import CapturePanel
from facilitator.ui.entries import EntriesModel

CTRL = Qt.KeyboardModifier.ControlModifier

PASTES = {
    "100 kB": ("Trust is built slowly, lost fast. " * 3000)[:100_000],
    "control characters": "a\x00b\x07c\x1bd\x7fe\x0cf\tg\u2028h",
    "emoji": "We felt 🙂 then 👩🏽‍💻 then 🇬🇧 #mindset",
    "right to left": "שלום עולם — مرحبا بالعالم — mixed עברית text",
    "html tags": "<b>x</b> <img src=x> <script>alert(1)</script> &amp; <a href='y'>z</a>",
    "lines": "first\nsecond\n\nfourth",
}


def paste(qtbot: Any, panel: CapturePanel, text: str) -> None:
    QApplication.clipboard().setText(text)
    qtbot.keyClick(panel.entry, Qt.Key.Key_V, CTRL)


def raw(qtbot: Any, panel: CapturePanel) -> Any:
    """The SQLite connection of the thread that saves, to make its disk 'full'."""
    from facilitator.ui.save_writer import Changes

    writer = panel.controller.writer
    writer.submit(lambda _store: Changes(), entry=False)  # it opens at its first job
    qtbot.waitUntil(lambda: writer.store is not None and not writer.busy())
    assert writer.store is not None
    return writer.store.conn


def landed(qtbot: Any, panel: CapturePanel) -> None:
    qtbot.waitUntil(lambda: not panel.pending() and not panel.controller.writer.busy())


@pytest.mark.parametrize("name", list(PASTES))
def test_pasted_text_is_stored_exactly_and_shown_as_plain_text(
    qtbot: Any, panel: CapturePanel, name: str
) -> None:
    text = PASTES[name]
    paste(qtbot, panel, text)
    assert panel.entry.text() == text
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    landed(qtbot, panel)
    (theme,) = panel.controller.store.themes()
    assert theme.text == text
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    shown = panel.model.index(0, EntriesModel.TEXT).data()
    assert shown.startswith(text[:50].replace("\n", " ⏎ ").replace("\t", " "))
    tip = panel.model.index(0, EntriesModel.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert html.escape(text[:20]) in tip  # a tooltip is rich text: what was typed is escaped
    for label in panel.findChildren(QLabel):
        assert label.textFormat() in (Qt.TextFormat.PlainText, Qt.TextFormat.AutoText)
        if label.textFormat() == Qt.TextFormat.AutoText:
            assert "<" not in label.text()  # only fixed captions are left to Qt to judge


def test_markup_is_never_rendered_anywhere_in_the_panel(qtbot: Any, panel: CapturePanel) -> None:
    paste(qtbot, panel, "<b>x</b> #mindset <img src=x>")
    chips = [label.text() for label in panel.chips.findChildren(QLabel)]
    assert "Mindset" in chips
    for label in (*panel.chips.findChildren(QLabel), panel.message, panel.kind_hint):
        assert label.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert panel.entry.document().toPlainText() == ""
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, EntriesModel.TEXT).data() == "<b>x</b> #mindset <img src=x>"


def test_pasted_rich_text_arrives_as_its_plain_text(qtbot: Any, panel: CapturePanel) -> None:
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setHtml("<b>bold</b> words")
    mime.setText("<b>bold</b> words")
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(panel.entry, Qt.Key.Key_V, CTRL)
    assert panel.entry.text() == "<b>bold</b> words"


def test_a_full_disk_keeps_the_text_says_so_and_return_retries(
    qtbot: Any, panel: CapturePanel
) -> None:
    store = panel.controller.store
    store.add_theme("saved before", table_id=None, round_id=None)
    connection = raw(qtbot, panel)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    text = "A long report from table one. " * 400  # needs new pages: the disk is 'full'
    paste(qtbot, panel, text)
    with qtbot.waitSignal(panel.controller.store_error):
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert [e.text for e in panel.pending()] == [text]  # nothing typed is lost
    assert panel.entry.text() == ""  # and what is typed next starts apart from it
    assert "NOT SAVED" in panel.message.text()
    assert "disk is full" in panel.message.text()
    assert panel.message.property("level") == "error"
    assert panel.message.isVisible()
    assert panel.pending_box.summary.text().startswith("1 entry not saved yet")
    assert [t.text for t in store.themes()] == ["saved before"]

    connection.execute("PRAGMA max_page_count = 1073741823")  # space again
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)  # Return tries it again
    landed(qtbot, panel)
    assert [t.text for t in store.themes()] == [text, "saved before"]  # once
    assert panel.message.text().startswith("Saved for")
    assert not panel.pending_box.summary.isVisible()


def test_the_event_file_removed_under_the_app(
    qtbot: Any, panel: CapturePanel, event_path: Any
) -> None:
    qtbot.keyClicks(panel.entry, "Said after the file vanished")
    event_path.unlink()
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "NOT SAVED" in panel.message.text())
    assert [e.text for e in panel.pending()] == ["Said after the file vanished"]
    assert "gone" in panel.message.text() or "cannot be reached" in panel.message.text()
    panel.show_message("")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)  # retrying says so again, no crash
    qtbot.waitUntil(lambda: "NOT SAVED" in panel.message.text())
    assert [e.text for e in panel.pending()] == ["Said after the file vanished"]


def test_a_failed_delete_is_reported_and_the_list_stays_true(
    qtbot: Any, panel: CapturePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.store.db import StoreError

    qtbot.keyClicks(panel.entry, "Stays")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    landed(qtbot, panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)

    def fail(*_a: object, **_k: object) -> None:
        raise StoreError("The disk is full: nothing was saved. Free some space, then try again.")

    # the writer thread deletes, through its own connection: the disk is full there
    monkeypatch.setattr(EventStore, "delete_theme", fail)
    panel.view.selectRow(0)
    panel.delete_selected()
    qtbot.waitUntil(lambda: not panel.controller.writer.busy())
    assert panel.model.rowCount() == 1
    assert "disk is full" in panel.message.text()
    assert panel.controller.store.themes()[0].text == "Stays"


def test_a_huge_entry_on_the_wall_is_cut_not_clipped(qtbot: Any, panel: CapturePanel) -> None:
    from PySide6.QtCore import QSize

    from facilitator.core.projector_state import ProjectorState
    from facilitator.ui.projector import render_image

    paste(qtbot, panel, PASTES["100 kB"])
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    landed(qtbot, panel)
    shown: list[WallSlide] = []
    panel.controller.show_requested.connect(lambda slide, _live: shown.append(slide))
    panel.wall_show.click()
    qtbot.waitUntil(lambda: bool(shown))
    (entry,) = shown[0].entries
    assert entry.text.endswith("…") and len(entry.text) < 300
    _image, report = render_image(ProjectorState(shown[0]), QSize(1280, 720))
    assert report.clipped == []
