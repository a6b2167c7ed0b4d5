"""The Event tab: the event's title, date, venue, facilitator, organiser, the organiser's
logo on the reports, and the number of tables."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from facilitator.core.changes import EDITOR, Changes
from facilitator.core.errors import InputError
from facilitator.core.settings import EVENT_LOGO, EVENT_ORGANISER
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.logo_file import logo_png_base64

REPORT_LOGO_MAX = QSize(1200, 480)  # sharp at 60 x 24 mm on the PDF's cover, and small
PREVIEW = QSize(180, 60)


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
        self.organiser = QLineEdit(str(EVENT_ORGANISER.read(controller.store) or ""))
        self.organiser.setPlaceholderText("e.g. North West Leadership Academy")
        self.organiser.setToolTip("Shown on the cover of the report and the web page.")
        self.logo = QLabel()
        self.logo.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton("Choose a &logo…")
        choose.clicked.connect(self.choose_logo)
        self.no_logo = QPushButton("No logo")
        self.no_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(choose)
        logo_row.addWidget(self.no_logo)
        logo_row.addStretch(1)
        self._show_logo()
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
        form.addRow("&Organiser:", self.organiser)
        form.addRow("Logo on the reports:", logo_row)
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
            "organiser": self.organiser.text().strip(),
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

    # -- the organiser's logo ----------------------------------------------------------------

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Logo for the reports",
            "",
            "Images (*.png *.jpg *.jpeg *.svg *.bmp *.gif);;All files (*)",
        )
        if name:
            self.set_logo(Path(name))

    def set_logo(self, path: Path | None) -> None:
        """Keep the image at ``path`` as the reports' logo (None: no logo), in the event
        file; a file that is not an image is said here and nothing changes."""
        try:
            data = logo_png_base64(path, REPORT_LOGO_MAX, on_white=True) if path else ""
        except InputError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("Saving…")

        def saved(changes: Changes | None, error: BaseException | None) -> None:
            self._show_logo()
            self.message.setText(str(error) if error is not None else "Saved.")

        self.controller.service.submit(
            lambda s: ops.set_setting(s, EVENT_LOGO.key, data, origin=EDITOR), saved, entry=False
        )

    def _show_logo(self) -> None:
        value = EVENT_LOGO.read(self.controller.store)
        pixmap = QPixmap()
        if isinstance(value, str) and value:
            pixmap.loadFromData(base64.b64decode(value))
        if pixmap.isNull():
            self.logo.setPixmap(QPixmap())
            self.logo.setText("None")
        else:
            self.logo.setPixmap(
                pixmap.scaled(
                    PREVIEW,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.no_logo.setEnabled(not pixmap.isNull())
