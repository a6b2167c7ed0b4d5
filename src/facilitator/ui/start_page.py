"""The start page: a launcher. The demo to try first, a new event from a plan, open a file,
and the recent events with their title, date, venue and file (arrow keys and Return)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QApplication,
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.session.run import human_date
from facilitator.paths import APP_NAME
from facilitator.ui.deferred import after_first_paint
from facilitator.ui.keys import BINDINGS
from facilitator.ui.list_items import LinesDelegate, lines_item
from facilitator.ui.looks import ERROR_STYLE, MUTED_STYLE, looks
from facilitator.ui.new_event import NewEventDialog, ask_new_event
from facilitator.ui.recent import RecentEvent, RecentEvents

__all__ = ["NewEventDialog", "StartPage", "ask_new_event"]

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
MOVED = "moved or deleted"


def describe(event: RecentEvent) -> tuple[str, str, str]:
    """The three lines of a recent event: its title, its date and venue, its file."""
    title = event.title or event.path.stem
    when_where = " · ".join(part for part in (human_date(event.date), event.venue) if part)
    where = str(event.path) if event.exists else f"{event.path} ({MOVED})"
    return title, when_where, where


class RecentList(QListWidget):
    """Arrow keys move, Return opens, Delete takes an event off the list (not off disk)."""

    forget_requested = Signal(Path)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if item is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.itemActivated.emit(item)
            return
        if item is not None and event.key() == Qt.Key.Key_Delete:
            self.forget_requested.emit(item.data(EVENT_ROLE).path)
            return
        super().keyPressEvent(event)


class StartPage(QWidget):
    """Its buttons are requests (signals): the window manager answers them."""

    new_requested = Signal()
    open_requested = Signal()  # choose a file, then open it
    open_path_requested = Signal(Path)
    demo_requested = Signal()

    def __init__(self, recent_events: RecentEvents) -> None:
        looks()  # the console look, before any widget
        super().__init__()
        self.recent = recent_events
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("start_page")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(f"{APP_NAME}: start")
        self.resize(980, 600)

        heading = QLabel(APP_NAME)
        heading.setStyleSheet("font-size: 24pt; font-weight: 600")
        tagline = QLabel(
            "Run a room of table conversations from this laptop: the cards and prompts on "
            "the projector, the round clock, and what every table says, harvested into a "
            "report before people leave. No internet needed."
        )
        tagline.setWordWrap(True)
        tagline.setStyleSheet(MUTED_STYLE)

        self.demo_button = QCommandLinkButton(
            "Try the &demo",
            "A ready-made learning event: 12 tables, six rounds, a deck of 13 cards. "
            "A fresh copy each time, so nothing you try is kept.",
        )
        self.new_button = QCommandLinkButton(
            "&New event…",
            "Start from a plan (World Café, 1-2-4-All, coaching triads, an action-learning "
            "set, a learning event) and choose its card deck.",
        )
        self.open_button = QCommandLinkButton(
            "&Open event…", "An event file from this laptop, a USB stick or an email."
        )
        self.new_button.setShortcut(QKeySequence(BINDINGS["new"].key))
        self.open_button.setShortcut(QKeySequence(BINDINGS["open"].key))
        self.launch_buttons = (self.demo_button, self.new_button, self.open_button)
        for button in self.launch_buttons:
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.setAccessibleDescription(button.description())
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.15)
            button.setFont(font)
        self._paint_arrows()
        looks().changed.connect(self._paint_arrows)
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)

        self.recent_list = RecentList()
        self.recent_list.setObjectName("recent-events")
        self.recent_list.setAccessibleName("Recent events")
        self.recent_list.setAccessibleDescription(
            "Arrow keys choose an event, Return opens it, Delete takes it off this list."
        )
        self.recent_list.setItemDelegate(LinesDelegate(3, self.recent_list))
        self.recent_list.setUniformItemSizes(True)
        self.recent_list.itemActivated.connect(self._open_item)
        self.recent_list.forget_requested.connect(self._forget)
        recent_label = QLabel("&Recent events")
        recent_label.setBuddy(self.recent_list)
        recent_label.setStyleSheet("font-size: 13pt; font-weight: 600")
        self.empty = QLabel(
            "No recent events yet. Try the demo to look around: it is a whole event, "
            "ready to run, with the projector on your second screen."
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setObjectName("recent-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        begin = QVBoxLayout()
        begin.setSpacing(6)
        begin_label = QLabel("Begin")
        begin_label.setStyleSheet("font-size: 13pt; font-weight: 600")
        begin.addWidget(begin_label)
        for button in (self.demo_button, self.new_button, self.open_button):
            begin.addWidget(button)
        begin.addStretch(1)
        recent = QVBoxLayout()
        recent.setSpacing(6)
        for label in (begin_label, recent_label):  # headings keep their height: no gaps
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        recent.addWidget(recent_label)
        recent.addWidget(self.recent_list, 1)
        recent.addWidget(self.empty, 1)
        recent.addWidget(self.message)
        body = QHBoxLayout()
        body.setSpacing(32)
        body.addLayout(begin, 2)
        body.addLayout(recent, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading)
        layout.addWidget(tagline)
        layout.addSpacing(16)
        layout.addLayout(body, 1)
        self._fill()
        # keyboard first: the recent events when there are some, else the demo
        first = self.recent_list if self.recent_list.count() else self.demo_button
        self.setTabOrder(self.recent_list, self.demo_button)
        self.setTabOrder(self.demo_button, self.new_button)
        self.setTabOrder(self.new_button, self.open_button)
        first.setFocus()
        after_first_paint(self, looks().follow_system)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return on a launch button presses it, as Space does: keyboard first."""
        focused = self.focusWidget()
        if focused in self.launch_buttons and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            assert isinstance(focused, QCommandLinkButton)
            focused.click()
            return
        super().keyPressEvent(event)

    def _paint_arrows(self) -> None:
        """The launch buttons' arrows in the look's accent: the style's own are black."""
        size = 24
        arrow = QPixmap(size, size)
        arrow.fill(Qt.GlobalColor.transparent)
        painter = QPainter(arrow)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QApplication.palette().color(QPalette.ColorRole.Highlight))
        painter.drawPolygon(QPolygonF([QPointF(6, 4), QPointF(20, 12), QPointF(6, 20)]))
        painter.end()
        for button in self.launch_buttons:
            button.setIcon(QIcon(arrow))
            button.setIconSize(QSize(size, size))

    def _fill(self) -> None:
        self.recent_list.clear()
        for event in self.recent.events():
            lines = describe(event)
            item = lines_item(lines)
            item.setData(EVENT_ROLE, event)
            item.setData(Qt.ItemDataRole.UserRole, str(event.path))
            item.setToolTip(lines[2])
            self.recent_list.addItem(item)
        has_items = self.recent_list.count() > 0
        self.recent_list.setVisible(has_items)
        self.empty.setVisible(not has_items)
        if has_items:
            self.recent_list.setCurrentRow(0)

    def _open_item(self, item: QListWidgetItem) -> None:
        event: RecentEvent = item.data(EVENT_ROLE)
        if not event.exists:
            self.message.setText(
                f"“{describe(event)[0]}” is no longer at {event.path}: it was moved, renamed "
                "or deleted. Open it from where it is now with Open event…, or press Delete "
                "to take it off this list."
            )
            self.message.show()
            return
        self.message.hide()
        self.open_path_requested.emit(event.path)

    def _forget(self, path: Path) -> None:
        row = self.recent_list.currentRow()
        self.recent.forget(path)
        self.message.hide()
        self._fill()
        if self.recent_list.count():
            self.recent_list.setCurrentRow(min(row, self.recent_list.count() - 1))
            self.recent_list.setFocus()
        else:
            self.demo_button.setFocus()
