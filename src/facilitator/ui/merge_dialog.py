"""File > Merge…: bring the files from the other scribes' laptops together in a new file.

This event and the chosen files are read, never changed. The merge runs on a thread of
its own; when it is done the merged file can be opened in place of this one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.store.event_file import SUFFIX
from facilitator.store.merge import MergeReport, merge_events
from facilitator.ui.controller import EventController
from facilitator.ui.export_dialog import BackgroundTask, Progress

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance

FILTER = f"Facilitator events (*{SUFFIX})"
ADD_HINT = "Add the files from the other laptops."
DIFFERENT = "These are files of different events: combine them anyway"


class MergeDialog(QDialog):
    merge_done = Signal(object, str)  # (MergeReport | None, error)

    def __init__(
        self,
        controller: EventController,
        open_event: Callable[[Path], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``open_event`` opens the merged file in place of this one (None: not offered)."""
        super().__init__(parent)
        self.controller = controller
        self.open_event = open_event
        self.setWindowTitle("Merge files from other laptops")
        self.setModal(False)
        self.setMinimumWidth(600)
        self.task: BackgroundTask | None = None
        self.report: MergeReport | None = None
        here = controller.store.path

        intro = QLabel(
            "Add the event files the other scribes saved (copies of this event). They are "
            "merged with this one into a new file: entries typed on several laptops appear "
            "once, the latest edit of each is kept, and nothing deleted comes back. This "
            "event and the other files are not changed."
        )
        intro.setWordWrap(True)

        self.inputs = QListWidget()
        self.inputs.setAccessibleName("Files to merge")
        self.inputs.setMaximumHeight(150)
        first = QListWidgetItem(f"{here.name}  (this event)")
        first.setData(Qt.ItemDataRole.UserRole, str(here))
        first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        first.setToolTip(str(here))
        self.inputs.addItem(first)
        add = QPushButton("&Add files…")
        add.clicked.connect(self._add_files)
        remove = QPushButton("&Remove")
        remove.clicked.connect(self._remove_selected)
        list_buttons = QVBoxLayout()
        list_buttons.addWidget(add)
        list_buttons.addWidget(remove)
        list_buttons.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.inputs, 1)
        list_row.addLayout(list_buttons)

        self.out = QLineEdit(str(_free_name(here.with_name(f"{here.stem}-merged{SUFFIX}"))))
        self.out.textChanged.connect(self._update)
        browse = QPushButton("C&hoose…")
        browse.clicked.connect(self._choose_out)
        out_row = QHBoxLayout()
        out_label = QLabel("&Save as:")
        out_label.setBuddy(self.out)
        out_row.addWidget(out_label)
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)

        self.different = QCheckBox(DIFFERENT.replace("different", "&different", 1))

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a merge takes seconds at most
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.merge_button = QPushButton("&Merge")
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.start_merge)
        self.open_button = QPushButton("&Open the merged event")
        self.open_button.clicked.connect(self._open_merged)
        self.open_button.hide()
        close = QPushButton("&Close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(list_row)
        layout.addLayout(out_row)
        layout.addWidget(self.different)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update()

    # -- choices ---------------------------------------------------------------------------

    def input_paths(self) -> list[Path]:
        return [
            Path(self.inputs.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.inputs.count())
        ]

    def add_inputs(self, paths: list[Path]) -> None:
        known = {p.resolve() for p in self.input_paths()}
        for path in paths:
            if path.resolve() in known:
                continue
            item = QListWidgetItem(f"{path.name}  ({path.parent})")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.inputs.addItem(item)
            known.add(path.resolve())
        self._update()

    def _add_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Files from the other laptops", str(self.controller.store.path.parent), FILTER
        )
        self.add_inputs([Path(n) for n in names])

    def _remove_selected(self) -> None:
        for item in self.inputs.selectedItems():
            if self.inputs.row(item) > 0:
                self.inputs.takeItem(self.inputs.row(item))
        self._update()

    def _choose_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the merged event as", self.out.text(), FILTER
        )
        if name:
            path = Path(name)
            self.out.setText(
                str(path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX))
            )

    def _update(self) -> None:
        running = self.task is not None and self.task.running
        self.merge_button.setEnabled(
            self.inputs.count() > 1 and bool(self.out.text().strip()) and not running
        )
        if self.inputs.count() < 2 and not self.status.text():
            self.status.setText(ADD_HINT)
        elif self.inputs.count() >= 2 and self.status.text() == ADD_HINT:
            self.status.clear()

    # -- merging ---------------------------------------------------------------------------

    def start_merge(self) -> None:
        if self.task is not None and self.task.running:
            return
        out = Path(self.out.text().strip()).expanduser()
        inputs = self.input_paths()
        force = self.different.isChecked()

        def work(_progress: Progress, _cancelled: Callable[[], bool]) -> MergeReport:
            return merge_events(out, inputs, force=force)

        self.open_button.hide()
        self.progress.show()
        self.status.setText("Merging…")
        task = BackgroundTask(work, self)
        task.finished.connect(self._finished)
        self.task = task
        task.start()
        self._update()

    @Slot(object, str)
    def _finished(self, result: object, error: str) -> None:
        self.progress.hide()
        self._update()
        if error:
            # the command line's option is the check box here
            self.status.setText(
                error.replace("merge with --different-events", f'tick "{DIFFERENT}"')
            )
            self.merge_done.emit(None, error)
            return
        assert isinstance(result, MergeReport)
        self.report = result
        self.status.setText(result.summary())
        self.open_button.setVisible(self.open_event is not None)
        self.merge_done.emit(result, "")

    def _open_merged(self) -> None:
        if self.report is not None and self.open_event is not None:
            self.open_event(self.report.out)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None and self.task.running:
            self.task.wait()
        super().closeEvent(event)


def _free_name(path: Path) -> Path:
    """``path``, or ``NAME-2.facilitator``... when it is taken."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def show_merge_dialog(
    controller: EventController,
    open_event: Callable[[Path], object] | None,
    parent: QWidget,
    parent_closed: SignalInstance | None = None,
) -> MergeDialog:
    """The merge dialog of ``parent``, made when first asked; it closes (and waits for a
    merge under way) when ``parent_closed`` fires."""
    existing = parent.findChild(MergeDialog)
    if isinstance(existing, MergeDialog):
        dialog = existing
    else:
        dialog = MergeDialog(controller, open_event, parent)
        if parent_closed is not None:
            parent_closed.connect(dialog.close)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
