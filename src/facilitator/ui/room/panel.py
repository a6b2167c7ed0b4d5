"""The Room panel: each address phones could use with its QR code and join link, each
table's scribe link with the phones connected there and their last contact, and a
self-test that says in words whether phones can reach the laptop."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui.room.control import Address, RoomControl
from facilitator.ui.room.qr import qr_pixmap

if TYPE_CHECKING:
    from facilitator.room.server import Phone

QR_PX = 168
REFRESH_MS = 2000  # the connected phones, while the room is open


def plain(text: str = "", *, select: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if select:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def last_contact(iso: str, now: datetime | None = None) -> str:
    """``2026-03-12T10:04:05+00:00`` -> ``12 s ago`` (or the time, when long ago)."""
    try:
        seen = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    now = now or datetime.now(seen.tzinfo)
    seconds = max(0, int((now - seen).total_seconds()))
    if seconds < 60:
        return f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    return seen.astimezone().strftime("%H:%M")


class RoomPanel(QWidget):
    def __init__(self, control: RoomControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.control = control
        self.status = plain()
        self.toggle_button = QPushButton()
        self.join_button = QPushButton("Show the &join slide")
        self.cards_button = QPushButton("Print table &cards…")
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.toggle_button)
        top.addWidget(self.join_button)
        top.addWidget(self.cards_button)

        # the room's wifi, for the Join slide and the table cards: phones must join it first
        self.wifi = QLineEdit()
        self.wifi.setMaxLength(64)
        self.wifi.setPlaceholderText("e.g. EventRoom (as the phones list it)")
        self.wifi.setAccessibleName("The wifi phones join")
        wifi_label = QLabel("&Wifi phones join:")
        wifi_label.setBuddy(self.wifi)
        wifi_row = QHBoxLayout()
        wifi_row.addWidget(wifi_label)
        wifi_row.addWidget(self.wifi, 1)
        wifi_row.addWidget(plain("Shown on the Join slide and the table cards."), 1)

        self.address_box = QGroupBox("Addresses phones can use (best first)")
        self.address_grid = QGridLayout(self.address_box)
        self.qr_labels: list[QLabel] = []

        self.test_button = QPushButton("&Test: can phones reach this laptop?")
        self.test_button.clicked.connect(self._self_test)
        self.test_result = plain()
        test_row = QVBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        test_row.addWidget(self.test_result)

        self.tables = QTableWidget(0, 4)
        self.tables.setHorizontalHeaderLabels(["Table", "Scribe link", "Phones", "Last contact"])
        self.tables.setAccessibleName("Tables and their phones")
        self.tables.horizontalHeader().setStretchLastSection(False)
        self.tables.horizontalHeader().setSectionResizeMode(
            1, self.tables.horizontalHeader().ResizeMode.Stretch
        )
        self.tables.verticalHeader().hide()
        self.tables.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tables.setMinimumHeight(200)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(wifi_row)
        layout.addWidget(self.address_box)
        layout.addLayout(test_row)
        layout.addWidget(QLabel("Tables"))
        layout.addWidget(self.tables, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("The room network")
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh_phones)
        control.opened.connect(self.refresh)
        control.closed.connect(self.refresh)
        control.links_changed.connect(self.refresh)
        control.self_tested.connect(self.test_result.setText)
        control.controller.event_changed.connect(self.refresh)  # tables added or renamed
        self.refresh()

    def refresh(self) -> None:
        control = self.control
        is_open = control.is_open
        self.toggle_button.setText("&Close the room" if is_open else "&Open the room")
        self.join_button.setEnabled(is_open)
        self.test_button.setEnabled(is_open)
        found = control.addresses()
        if not is_open:
            self.status.setText("The room network is closed: phones cannot reach this laptop.")
            self.test_result.clear()
        elif found:
            self.status.setText(f"The room network is open on port {control.port}.")
        else:
            self.status.setText(
                f"The room network is open on port {control.port}, but this laptop is on no "
                "network: join the room's wifi or start a hotspot, then close and open the room."
            )
        self._show_addresses(found)
        self._fill_tables()
        if is_open:
            self.timer.start()
        else:
            self.timer.stop()

    def _show_addresses(self, found: list[Address]) -> None:
        while self.address_grid.count():
            item = self.address_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: it is deleted later
                widget.deleteLater()
        self.qr_labels = []
        self.address_box.setVisible(bool(found))
        for row, address in enumerate(found):
            code = QLabel()
            code.setPixmap(qr_pixmap(address.join, QR_PX))
            code.setToolTip(f"The join link at {address.address}")
            self.qr_labels.append(code)
            words = QVBoxLayout()
            holder = QWidget()
            holder.setLayout(words)
            what = address.kind + (f" ({address.interface})" if address.interface else "")
            title = plain(f"{address.address} — {what}")
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            words.addWidget(title)
            words.addWidget(plain(f"Join link: {address.join}", select=True))
            words.addStretch(1)
            self.address_grid.addWidget(code, row, 0)
            self.address_grid.addWidget(holder, row, 1)
        self.address_grid.setColumnStretch(1, 1)

    def _fill_tables(self) -> None:
        links = self.control.table_links() if self.control.is_open else []
        tables = self.control.controller.tables
        self.tables.setRowCount(len(tables))
        by_id = {t.id: link for t, link in links}
        for row, table in enumerate(tables):
            self.tables.setItem(row, 0, QTableWidgetItem(table.label))
            link = by_id.get(table.id, "")
            item = QTableWidgetItem(link or "(the room is closed)")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsSelectable)
            self.tables.setItem(row, 1, item)
        self.tables.resizeColumnToContents(0)
        self.refresh_phones()

    def refresh_phones(self) -> None:
        phones: dict[int, list[Phone]] = {}
        for phone in self.control.connected():
            phones.setdefault(phone.table_number, []).append(phone)
        for row, table in enumerate(self.control.controller.tables):
            here = phones.get(table.number, [])
            count = QTableWidgetItem(str(len(here)) if here else "")
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tables.setItem(row, 2, count)
            latest = max((p.last_seen_iso for p in here), default="")
            self.tables.setItem(row, 3, QTableWidgetItem(last_contact(latest) if latest else ""))

    def phones_at(self, row: int) -> str:
        item = self.tables.item(row, 2)
        return item.text() if item is not None else ""

    def _self_test(self) -> None:
        self.test_result.setText("Testing…")
        self.control.self_test()
