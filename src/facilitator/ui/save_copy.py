"""File > Save a copy…: a whole copy of the open event, made while it stays open.

The copy comes from SQLite's backup API on a worker thread, so a slow USB stick never
stops the clock; copying the ``.facilitator`` file by hand while the event is open may
miss the last few seconds of saves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.core.errors import InputError
from facilitator.store.event_file import SUFFIX
from facilitator.ui.controller import EventController
from facilitator.ui.export_dialog import BackgroundTask, Progress


def suggested_copy_name(event_path: Path) -> Path:
    return event_path.with_name(f"{event_path.stem} (copy){SUFFIX}")


def save_copy(
    controller: EventController, target: Path, done: Callable[[Path | None, str], None]
) -> BackgroundTask:
    """Start the copy; ``done(path, error)`` arrives on the UI thread."""
    store = controller.store

    def work(_progress: Progress, _cancelled: Callable[[], bool]) -> Path:
        return store.save_copy(target)

    task = BackgroundTask(work, controller)

    def finished(result: object, error: str) -> None:
        done(result if isinstance(result, Path) else None, error)

    task.finished.connect(finished)
    task.start()
    return task


def ask_and_save_copy(controller: EventController, parent: QWidget) -> None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        "Save a copy of the event",
        str(suggested_copy_name(controller.store.path)),
        f"Facilitator events (*{SUFFIX})",
    )
    if not chosen:
        return
    target = Path(chosen)
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)

    def done(path: Path | None, error: str) -> None:
        if path is None:
            QMessageBox.warning(parent, "Save a copy", f"No copy was made: {error}")
        else:
            window = parent.window()
            status = getattr(window, "statusBar", None)
            if callable(status):
                status().showMessage(f"Saved a copy: {path}", 10000)

    try:
        save_copy(controller, target, done)
    except InputError as exc:
        QMessageBox.warning(parent, "Save a copy", f"No copy was made: {exc}")
