"""The new-event dialog: a bundled plan to start from (its shape, length and deck shown),
the event's details, then where to save it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.demo import DEMO_DECK, DEMO_PLAN
from facilitator.core.plan.templates import Template, deck_for, templates
from facilitator.store.event_file import SUFFIX
from facilitator.ui.list_items import LinesDelegate, lines_item
from facilitator.ui.looks import ERROR_STYLE


class NewEventDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New event")
        self.setAccessibleName("New event")
        from facilitator.core.deck import bundled_decks, load_deck

        self._decks = {name: load_deck(path) for name, path in bundled_decks().items()}
        self.templates: list[Template] = templates()

        self.template_list = QListWidget()
        self.template_list.setAccessibleName("Plan to start from")
        self.template_list.setMinimumWidth(380)
        self.template_list.setItemDelegate(LinesDelegate(2, self.template_list))
        for template in self.templates:
            item = lines_item((template.plan.title, template.shape))
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(template.about)
            self.template_list.addItem(item)
        self.about = QLabel()
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        self.about.setObjectName("template-about")

        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Coaching and mentoring for system leadership")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.venue = QLineEdit()
        self.tables = QSpinBox()
        self.tables.setRange(1, 500)
        self.tables.setValue(12)
        self.deck = QComboBox()
        for name, deck in self._decks.items():
            self.deck.addItem(f"{deck.name} ({len(deck.cards)} cards)", name)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Date:", self.date)
        form.addRow("&Venue:", self.venue)
        form.addRow("Number of &tables:", self.tables)
        form.addRow("Card d&eck:", self.deck)
        for field, name in (
            (self.title, "Title"),
            (self.date, "Date"),
            (self.venue, "Venue"),
            (self.tables, "Number of tables"),
            (self.deck, "Card deck"),
        ):
            field.setAccessibleName(name)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create…")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)

        plans_label = QLabel("Start from a &plan:")
        plans_label.setBuddy(self.template_list)
        left = QVBoxLayout()
        left.addWidget(plans_label)
        left.addWidget(self.template_list, 1)
        left.addWidget(self.about)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(12)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setTabOrder(self.template_list, self.title)

        self.template_list.currentRowChanged.connect(self._template_chosen)
        names = [t.name for t in self.templates]
        self.template_list.setCurrentRow(names.index(DEMO_PLAN) if DEMO_PLAN in names else 0)
        self.template_list.setFocus()
        self.resize(860, 460)

    def _template_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.templates):
            return
        template = self.templates[row]
        self.about.setText(template.about)
        self.title.setPlaceholderText(f"e.g. {template.plan.title}")
        deck = deck_for(template.plan, self._decks, DEMO_DECK)
        index = self.deck.findData(deck)
        if index >= 0:
            self.deck.setCurrentIndex(index)

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText("The event needs a title.")
            self.title.setFocus()
            return
        self.accept()

    def template(self) -> Template | None:
        row = self.template_list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def fields(self) -> dict[str, object]:
        template = self.template()
        fields: dict[str, object] = {
            "title": self.title.text().strip(),
            "date": self.date.date().toString(Qt.DateFormat.ISODate),
            "venue": self.venue.text().strip(),
            "tables": self.tables.value(),
        }
        if template is not None:
            fields["plan"] = template.name
        if self.deck.currentData() is not None:
            fields["deck"] = self.deck.currentData()
        return fields


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
