"""Export the harvest (Ctrl+E): every format into one folder, at any moment of the event.

The dialog is not modal and the work runs on a thread of its own, with its own read-only
view of the event file, so the clock keeps ticking and the scribes keep typing while a
big report is written. Files are named after the event (``EVENT-harvest.pdf``...) and
replace the previous export in that folder, so exporting again gives the latest harvest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.changes import SETTINGS, Changes
from facilitator.core.errors import InputError
from facilitator.core.harvest import build_harvest
from facilitator.core.settings import EXPORT_FOLDER, EXPORT_FORMATS
from facilitator.export import default_name, write
from facilitator.export.formats import in_dialog_order
from facilitator.store import operations as ops
from facilitator.store.db import EventStore, StoreError
from facilitator.ui.controller import EventController
from facilitator.ui.looks import MUTED_STYLE
from facilitator.ui.save_writer import Callback

log = logging.getLogger(__name__)


Progress = Callable[[int, str], None]
Work = Callable[[Progress, Callable[[], bool]], Any]


class _Job(QObject):
    progress = Signal(int, str)
    finished = Signal(object, str)  # (result, error: "" when it went well)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.progress.emit, lambda: self.cancelled)
        except (InputError, StoreError) as exc:
            self.finished.emit(None, str(exc))
        except OSError as exc:
            self.finished.emit(None, f"A file could not be written ({exc.strerror or exc}).")
        except Exception as exc:  # reported in words; the app keeps running
            log.exception("background task failed")
            self.finished.emit(None, f"Something went wrong: {exc}")
        else:
            self.finished.emit(result, "")


class BackgroundTask(QObject):
    """Runs ``work(progress, cancelled)`` once on a thread of its own.

    ``progress(step, message)`` may be called from the work; ``finished(result, error)``
    arrives on the UI thread when it is over. :meth:`cancel` asks the work to stop at its
    next check of ``cancelled()``.
    """

    progress = Signal(int, str)
    finished = Signal(object, str)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("facilitator-harvest")
        self._job = _Job(work)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progress.connect(self.progress)
        self._job.finished.connect(self._done)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self._job.cancelled = True

    def wait(self) -> None:
        """Cancel and wait for the work to end (closing the window mid-export)."""
        self.cancel()
        self._thread.quit()
        self._thread.wait()
        self.running = False

    @Slot(object, str)
    def _done(self, result: object, error: str) -> None:
        self._thread.quit()
        self._thread.wait()
        self.running = False
        self.finished.emit(result, error)


def export_work(event_path: Path, formats: list[str], folder: Path) -> Work:
    """Read the event (read-only, on the worker's own connection) and write each format."""

    def work(progress: Progress, cancelled: Callable[[], bool]) -> list[Path]:
        progress(0, "Reading the event…")
        with EventStore.open(event_path, readonly=True) as store:
            harvest = build_harvest(store)
        written: list[Path] = []
        for n, fmt in enumerate(formats, start=1):
            if cancelled():
                break
            target = folder / default_name(event_path, fmt).name
            progress(n, f"Writing {target.name}…")
            written.append(write(harvest, fmt, target))
        progress(len(formats) + 1, "Done")
        return written

    return work


class ExportDialog(QDialog):
    """Choose formats and a folder, export, watch the progress; the console stays usable."""

    finished_export = Signal(list)  # paths written

    def __init__(self, controller: EventController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Export the harvest")
        self.setModal(False)
        self.setMinimumWidth(560)
        self.task: BackgroundTask | None = None
        self.written: list[Path] = []

        intro = QLabel(
            "Write what the room said so far. You can export at any moment: the clock and "
            "the capture keep going, and exporting again replaces these files with the latest."
        )
        intro.setWordWrap(True)

        choices = in_dialog_order()
        saved_formats = EXPORT_FORMATS.read(controller.store)
        chosen = set([c.key for c in choices] if saved_formats is None else saved_formats)
        self.checks: dict[str, QCheckBox] = {}
        formats = QGroupBox("Formats")
        grid = QGridLayout(formats)
        for row, choice in enumerate(choices):
            check = QCheckBox(choice.name)
            check.setChecked(choice.key in chosen)
            check.toggled.connect(self._update)
            note = QLabel(choice.purpose)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setStyleSheet(MUTED_STYLE)
            grid.addWidget(check, row, 0)
            grid.addWidget(note, row, 1)
            self.checks[choice.key] = check
        grid.setColumnStretch(1, 1)

        event_path = controller.store.path
        saved = EXPORT_FOLDER.read(controller.store)
        start = Path(saved) if saved and Path(saved).is_dir() else event_path.parent
        self.folder = QLineEdit(str(start))
        self.folder.textChanged.connect(self._update)
        choose = QPushButton("C&hoose…")
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_label = QLabel("&Folder:")
        folder_label.setBuddy(self.folder)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.names = QLabel()
        self.names.setTextFormat(Qt.TextFormat.PlainText)
        self.names.setWordWrap(True)
        self.names.setStyleSheet(MUTED_STYLE)

        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.export_button = QPushButton("&Export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_button = QPushButton("&Open the folder")
        self.open_button.clicked.connect(self._open_folder)
        self.open_button.hide()
        self.close_button = QPushButton("&Close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(formats)
        layout.addLayout(folder_row)
        layout.addWidget(self.names)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update()

    # -- choices ---------------------------------------------------------------------------

    def formats(self) -> list[str]:
        return [fmt for fmt, check in self.checks.items() if check.isChecked()]

    def _update(self) -> None:
        formats = self.formats()
        running = self.task is not None and self.task.running
        self.export_button.setEnabled(bool(formats) and not running)
        if formats:
            event = self.controller.store.path
            files = ", ".join(default_name(event, fmt).name for fmt in formats)
            self.names.setText(f"Writes {files}")
        else:
            self.names.setText("Choose at least one format.")

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Export into this folder", self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    # -- exporting -------------------------------------------------------------------------

    def start_export(self) -> None:
        if self.task is not None and self.task.running:
            return
        folder = Path(self.folder.text().strip()).expanduser()
        if not folder.is_dir():
            self.status.setText(f"The folder {folder} does not exist: choose another.")
            return
        formats = self.formats()
        if not formats:
            return
        self.written = []
        self.open_button.hide()
        self.progress.setRange(0, len(formats) + 1)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText("Reading the event…")
        self.close_button.setText("&Cancel")
        task = BackgroundTask(export_work(self.controller.store.path, formats, folder), self)
        task.progress.connect(self._progress)
        task.finished.connect(self._finished)
        self.task = task
        task.running = True  # (waiting for the writer: it starts when the writes before it land)
        self._update()

        def remembered(changes: Changes | None, error: BaseException | None) -> None:
            # after every write submitted before it: the export reads them all
            if error is not None:  # not worth stopping an export for
                log.warning("export choices not saved: %s", error)
            if self.task is task and task.running:  # (not closed meanwhile)
                task.start()

        self._remember(folder, formats, remembered)

    def _remember(self, folder: Path, formats: list[str], done: Callback) -> None:
        """Keep the choices in the event (on the writer thread, after what it has to do)."""

        def op(store: EventStore) -> Changes:
            return ops.set_setting(store, EXPORT_FOLDER.key, str(folder), origin=SETTINGS).merged(
                ops.set_setting(store, EXPORT_FORMATS.key, formats, origin=SETTINGS)
            )

        self.controller.service.submit(op, done, entry=False)

    @Slot(int, str)
    def _progress(self, step: int, message: str) -> None:
        self.progress.setValue(step)
        self.status.setText(message)

    @Slot(object, str)
    def _finished(self, result: object, error: str) -> None:
        self.close_button.setText("&Close")
        self._update()
        if error:
            self.progress.hide()
            self.status.setText(error)
            return
        self.written = list(result) if isinstance(result, list) else []
        self.progress.setValue(self.progress.maximum())
        if len(self.written) < len(self.formats()):
            self.status.setText(f"Stopped: {len(self.written)} of {len(self.formats())} written.")
        else:
            names = ", ".join(p.name for p in self.written)
            self.status.setText(f"Written: {names}")
        self.open_button.setVisible(bool(self.written))
        self.finished_export.emit(self.written)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel a running export (it stops after the file being written), else close."""
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.status.setText("Stopping after the file being written…")
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None and self.task.running:
            self.task.wait()
        super().closeEvent(event)


def show_export_dialog(controller: EventController, parent: QWidget) -> ExportDialog:
    """Open the dialog, or bring back the one already open."""
    existing = parent.findChild(ExportDialog)
    if isinstance(existing, ExportDialog):
        dialog = existing
    else:
        dialog = ExportDialog(controller, parent)
        closed = getattr(parent, "closed", None)
        if closed is not None:  # the console closing waits for a running export to stop
            closed.connect(dialog.close)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
