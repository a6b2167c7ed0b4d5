"""The table being typed for: its field, and stepping and typing to another table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from facilitator.core.capture import parse_table, step_table
from facilitator.core.records import TableInfo
from facilitator.ui.controller import EventController
from facilitator.ui.looks import ERROR_STYLE


class TableField(QLineEdit):
    """The table, in large type; type its number to switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(10)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName("Table number")


class TableStepping:
    """The capture panel's table: Ctrl+Up/Down steps, typing its number switches."""

    if TYPE_CHECKING:
        controller: EventController
        table_number: int
        table_field: TableField
        table_name: QLabel

        def _schedule_draft(self) -> None: ...
        def show_message(self, text: str, level: str = "ok") -> None: ...

    def table(self) -> TableInfo | None:
        return next((t for t in self.controller.tables if t.number == self.table_number), None)

    def set_table(self, number: int) -> None:
        self.table_number = number
        self._show_table()
        self._schedule_draft()

    def step_table(self, step: int) -> None:
        numbers = [t.number for t in self.controller.tables]
        self.set_table(step_table(self.table_number, step, numbers))

    def _show_table(self) -> None:
        self.table_field.setText(str(self.table_number))
        table = self.table()
        self.table_name.setText(
            table.name if table and table.name else f"of {len(self.controller.tables)}"
        )

    def _table_typed(self, text: str) -> None:
        try:
            parse_table(text, [t.number for t in self.controller.tables])
        except ValueError:
            self.table_field.setStyleSheet(ERROR_STYLE)
            return
        self.table_field.setStyleSheet("")

    def _table_done(self) -> None:
        text = self.table_field.text()
        self.table_field.setStyleSheet("")
        try:
            number = parse_table(text, [t.number for t in self.controller.tables])
        except ValueError as exc:
            if text.strip():
                self.show_message(f"Table: {exc}; still on table {self.table_number}.", "warn")
            self._show_table()
            return
        self.set_table(number)
