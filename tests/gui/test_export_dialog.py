"""The Export dialog (Ctrl+E) and File > Merge: work off the UI thread, the console stays live."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.export import FORMATS
from facilitator.export.formats import in_dialog_order
from facilitator.store.db import EventStore
from facilitator.ui.console import ConsoleWindow
from facilitator.ui.export_dialog import ExportDialog
from facilitator.ui.merge_dialog import MergeDialog, show_merge_dialog
from unit.harvest_sample import big_event, rich_event


@pytest.fixture
def console(show_console: Any, tmp_path: Path) -> ConsoleWindow:
    window: ConsoleWindow = show_console(rich_event(tmp_path))
    return window


def export_dialog(qtbot: QtBot, console: ConsoleWindow, *, keys: bool = True) -> ExportDialog:
    if keys:
        target = QApplication.focusWidget() or console
        qtbot.keyClick(target, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    else:
        console.export_action.trigger()
    dialog = console.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_ctrl_e_offers_every_format_for_the_event_folder(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    dialog = export_dialog(qtbot, console)
    assert not dialog.isModal(), "the console stays usable while the dialog is open"
    assert dialog.formats() == ["pdf", "html", "md", "xlsx", "csv", "json"]
    assert Path(dialog.folder.text()) == console.controller.store.path.parent
    assert "rich-harvest.pdf" in dialog.names.text()
    for check in dialog.checks.values():
        check.setChecked(False)
    assert not dialog.export_button.isEnabled()
    assert dialog.names.text() == "Choose at least one format."


def test_the_dialog_lists_the_export_registrys_formats(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    dialog = export_dialog(qtbot, console)
    choices = in_dialog_order()
    assert list(dialog.checks) == [f.key for f in choices]
    assert [c.text() for c in dialog.checks.values()] == [f.name for f in choices]


def test_exporting_writes_every_format_into_the_folder(
    qtbot: QtBot, console: ConsoleWindow, tmp_path: Path
) -> None:
    dialog = export_dialog(qtbot, console)
    folder = tmp_path / "harvest"
    folder.mkdir()
    dialog.folder.setText(str(folder))
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in done.args[0]) == sorted(f"rich-harvest.{f}" for f in FORMATS)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"rich-harvest.{f}" for f in FORMATS)
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.status.text().startswith("Written: ")
    assert dialog.open_button.isVisible()
    assert console.controller.store.setting("export.folder") == str(folder)


def test_the_console_keeps_working_while_a_big_export_runs(
    qtbot: QtBot, show_console: Any, tmp_path: Path
) -> None:
    path = big_event(tmp_path, 4000, tables=40)
    console: ConsoleWindow = show_console(path)
    dialog = export_dialog(qtbot, console, keys=False)
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None and dialog.task.running
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(dialog.task is not None and dialog.task.running))
    qtbot.waitUntil(lambda: bool(ticked), timeout=10_000)
    assert ticked == [True], "the UI thread ran a timer while the export was running"
    store = console.controller.store
    saved = store.add_theme("Typed during the export", table_id=None, round_id=None)
    assert store.theme(saved.id).text == "Typed during the export"
    with qtbot.waitSignal(dialog.finished_export, timeout=120_000):
        pass
    assert len(list(out.iterdir())) == len(FORMATS)


def test_a_folder_that_does_not_exist_is_said_in_words(
    qtbot: QtBot, console: ConsoleWindow, tmp_path: Path
) -> None:
    dialog = export_dialog(qtbot, console)
    dialog.folder.setText(str(tmp_path / "nowhere"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.status.text() == f"The folder {tmp_path / 'nowhere'} does not exist: choose another."
    )
    assert dialog.task is None


def test_cancel_stops_after_the_file_being_written(
    qtbot: QtBot, console: ConsoleWindow, tmp_path: Path
) -> None:
    dialog = export_dialog(qtbot, console)
    dialog.folder.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # now "Cancel"
    assert len(done.args[0]) < len(FORMATS)
    assert dialog.status.text().startswith("Stopped: ")
    assert dialog.isVisible(), "cancelling does not close the dialog"


def test_merge_brings_another_laptop_in_and_refuses_another_event(
    qtbot: QtBot, console: ConsoleWindow, tmp_path: Path
) -> None:
    here = console.controller.store.path
    laptop = tmp_path / "laptop-b.facilitator"
    shutil.copyfile(here, laptop)
    with EventStore.open(laptop) as other:
        other.add_theme("Typed on laptop B", table_id=None, round_id=None)
    (tmp_path / "elsewhere").mkdir()
    stranger = rich_event(tmp_path / "elsewhere")  # made anew: another event id

    dialog = show_merge_dialog(console.controller, None, console)
    assert isinstance(dialog, MergeDialog) and not dialog.merge_button.isEnabled()
    dialog.add_inputs([laptop, stranger])
    out = tmp_path / "merged.facilitator"
    dialog.out.setText(str(out))
    with qtbot.waitSignal(dialog.merge_done, timeout=60_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith(str(stranger))
    assert "These are files of different events" in dialog.status.text()
    assert not out.exists()

    dialog.inputs.takeItem(2)
    with qtbot.waitSignal(dialog.merge_done, timeout=60_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith(f"Merged 2 files into {out}")
    with EventStore.open(out, readonly=True) as merged:
        assert "Typed on laptop B" in [t.text for t in merged.themes()]


def test_ctrl_e_works_while_the_scribe_is_typing(qtbot: QtBot, console: ConsoleWindow) -> None:
    entry = console.capture.panel.entry  # type: ignore[attr-defined]
    entry.setFocus()
    qtbot.waitUntil(entry.hasFocus)
    qtbot.keyClicks(entry, "half a thought")
    qtbot.keyClick(entry, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = console.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    assert "half a thought" in entry.toPlainText(), "the typing is kept"
