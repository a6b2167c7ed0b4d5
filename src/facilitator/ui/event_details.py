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

from facilitator.core.changes import EDITOR, Changes
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
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
        """Save the details, then the number of tables (on the writer thread, in order);
        "Saved." once both are in the file."""
        details = {
            "title": self.title.text(),
            "date": self.date.date().toString(Qt.DateFormat.ISODate),
            "venue": self.venue.text().strip(),
            "facilitator": self.facilitator.text().strip(),
        }
        tables = self.tables.value()
        self.message.setText("Saving…")

        def op(store: EventStore) -> Changes:
            return ops.update_event(store, origin=EDITOR, **details)[1]

        def saved(changes: Changes | None, error: BaseException | None) -> None:
            if error is not None:
                self.message.setText(str(error))
            elif tables != len(self.controller.tables):
                self.controller.set_table_count(tables, tables_saved)
            else:
                self.message.setText("Saved.")

        def tables_saved(changes: Changes | None, error: BaseException | None) -> None:
            self.message.setText(str(error) if error is not None else "Saved.")

        self.controller.service.submit(op, saved, entry=False)
