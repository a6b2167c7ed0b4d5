"""The start page: recent events, a new event, open a file, or the demo."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.paths import APP_NAME
from facilitator.store.event_file import SUFFIX
from facilitator.ui.keys import BINDINGS

if TYPE_CHECKING:
    from facilitator.ui.recent import RecentEvents


class NewEventDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New event")
        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Coaching and mentoring for system leadership")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.venue = QLineEdit()
        self.tables = QSpinBox()
        self.tables.setRange(1, 500)
        self.tables.setValue(12)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Date:", self.date)
        form.addRow("&Venue:", self.venue)
        form.addRow("Number of &tables:", self.tables)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create…")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText("The event needs a title.")
            self.title.setFocus()
            return
        self.accept()

    def fields(self) -> dict[str, object]:
        return {
            "title": self.title.text().strip(),
            "date": self.date.date().toString(Qt.DateFormat.ISODate),
            "venue": self.venue.text().strip(),
            "tables": self.tables.value(),
        }


def ask_new_event(parent: QWidget | None) -> tuple[Path, dict[str, object]] | None:
    """Ask for a new event's details and where to save it: (path, fields), or None."""
    dialog = NewEventDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    fields = dialog.fields()
    suggested = f"{date.today().isoformat()} {fields['title']}{SUFFIX}"
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Save the new event as",
        str(Path.home() / suggested),
        f"Facilitator events (*{SUFFIX})",
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    return path, fields


class StartPage(QWidget):
    """Its buttons are requests (signals): the window manager answers them."""

    new_requested = Signal()
    open_requested = Signal()  # choose a file, then open it
    open_path_requested = Signal(Path)
    demo_requested = Signal()

    def __init__(self, recent_events: RecentEvents) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("start_page")
        self.setWindowTitle(APP_NAME)
        self.resize(720, 480)

        heading = QLabel(APP_NAME)
        heading.setStyleSheet("font-size: 26pt; font-weight: 600")
        tagline = QLabel(
            "Run a room of table conversations: cards, prompts, the clock, the harvest."
        )
        tagline.setWordWrap(True)

        self.new_button = QPushButton("&New event…")
        self.open_button = QPushButton("&Open event…")
        self.demo_button = QPushButton("Open the &demo")
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(48)
        self.new_button.setShortcut(QKeySequence(BINDINGS["new"].key))
        self.open_button.setShortcut(QKeySequence(BINDINGS["open"].key))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        self.recent_list = QListWidget()
        self.recent_list.itemActivated.connect(self._open_item)
        for path in recent_events.load():
            item = QListWidgetItem(f"{path.stem}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)
        recent_label = QLabel("&Recent events")
        recent_label.setBuddy(self.recent_list)
        empty = QLabel("No recent events yet: start a new one, or open the demo to look around.")
        empty.setWordWrap(True)
        empty.setVisible(self.recent_list.count() == 0)
        self.recent_list.setVisible(self.recent_list.count() > 0)

        buttons = QVBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        recent = QVBoxLayout()
        recent.addWidget(recent_label)
        recent.addWidget(self.recent_list, 1)
        recent.addWidget(empty)
        body = QHBoxLayout()
        body.addLayout(buttons, 1)
        body.addLayout(recent, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(tagline)
        layout.addSpacing(12)
        layout.addLayout(body, 1)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_path_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
