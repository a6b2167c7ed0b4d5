"""The Event tab: the event's title, date, venue, facilitator and number of tables."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from facilitator.core.changes import EDITOR
from facilitator.core.errors import InputError
from facilitator.store import operations as ops
from facilitator.store.db import StoreError
from facilitator.ui.controller import EventController


class EventDetailsPanel(QWidget):
    """Title, date, venue, facilitator and the number of tables, saved as they are edited."""

    def __init__(self, controller: EventController) -> None:
        super().__init__()
        self.controller = controller
        event = controller.store.event()
        self.title = QLineEdit(event.title)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        if event.date:
            self.date.setDate(QDate.fromString(event.date, Qt.DateFormat.ISODate))
        self.venue = QLineEdit(event.venue)
        self.facilitator = QLineEdit(event.facilitator)
        self.tables = QSpinBox()
        self.tables.setRange(len(controller.tables), 500)
        self.tables.setValue(len(controller.tables))
        self.tables.setToolTip("Tables can be added; a table is never removed once it exists.")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        save = QPushButton("&Save details")
        save.clicked.connect(self.save)
        form = QFormLayout(self)
        form.addRow("&Title:", self.title)
        form.addRow("&Date:", self.date)
        form.addRow("&Venue:", self.venue)
        form.addRow("&Facilitator:", self.facilitator)
        form.addRow("Number of &tables:", self.tables)
        form.addRow("", save)
        form.addRow("", self.message)
        form.addRow("File:", QLabel(str(controller.store.path)))

    def save(self) -> None:
        try:
            details = {
                "title": self.title.text(),
                "date": self.date.date().toString(Qt.DateFormat.ISODate),
                "venue": self.venue.text().strip(),
                "facilitator": self.facilitator.text().strip(),
            }
            self.controller.service.run_for(lambda s: ops.update_event(s, origin=EDITOR, **details))
            if self.tables.value() != len(self.controller.tables):
                self.controller.set_table_count(self.tables.value())
        except (InputError, StoreError) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("Saved.")
