"""Live control's column in the console: what the room sees, what comes next, and big
labelled buttons for every key, each with its key written small underneath."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui.deferred import clear_button_after_first_paint
from facilitator.ui.live_panel import LiveControl
from facilitator.ui.looks import MUTED_STYLE
from facilitator.ui.projector import Thumbnail

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionButton

MAX_MESSAGE = 200  # characters: a message is read from the back of the room at a glance


class KeyButton(QPushButton):
    """A big labelled button with its key written small underneath."""

    def __init__(self, action: QAction, label: str, *, big: bool = False) -> None:
        super().__init__(label)
        self.action_ = action
        binding_keys = [s.toString() for s in action.shortcuts()]
        self.key_text = binding_keys[0] if binding_keys else ""
        self.big = big
        self.setToolTip(action.toolTip() or action.text().replace("&", ""))
        self.setCheckable(action.isCheckable())
        self.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(self._sync)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the clicker keys stay with the console
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._sync()

    def _sync(self) -> None:
        self.setEnabled(self.action_.isEnabled())
        if self.isCheckable():
            self.setChecked(self.action_.isChecked())

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self._label_font())
        small = QFontMetrics(self._key_font())
        width = max(fm.horizontalAdvance(self.text()), small.horizontalAdvance(self.key_text))
        return QSize(width + 24, fm.height() + small.height() + 14)

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), 64), hint.height())

    def _label_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * (1.25 if self.big else 1.05))
        f.setBold(self.big)
        return f

    def _key_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 0.8)
        return f

    def initStyleOption(self, option: QStyleOptionButton) -> None:
        super().initStyleOption(option)
        option.text = ""  # the button's own paint draws the bevel only; the words are ours

    def paintEvent(self, event: QPaintEvent) -> None:
        # Qt's own paint for the bevel, not QStyle from Python: touching QStyle makes all of
        # its Python enums (~5 ms of the start)
        super().paintEvent(event)
        painter = QPainter(self)
        rect = QRectF(self.rect().adjusted(4, 4, -4, -4))
        small = QFontMetrics(self._key_font())
        key_h = small.height() if self.key_text else 0
        role = QPalette.ColorRole.ButtonText
        group = QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
        if self.isChecked():  # on (the projector blacked out): filled, not a shade of grey
            painter.fillRect(
                rect.adjusted(-1, -1, 1, 1), self.palette().color(QPalette.ColorRole.Highlight)
            )
            role = QPalette.ColorRole.HighlightedText
        painter.setPen(self.palette().color(group, role))
        painter.setFont(self._label_font())
        label_rect = rect.adjusted(0, 0, 0, -key_h)
        text = QFontMetrics(self._label_font()).elidedText(
            self.text(), Qt.TextElideMode.ElideRight, int(label_rect.width())
        )
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, text)
        if self.key_text:
            painter.setFont(self._key_font())
            painter.setPen(
                self.palette().color(role)
                if self.isChecked()
                else self.palette().color(QPalette.ColorGroup.Disabled, role)
            )
            painter.drawText(
                QRectF(rect.left(), rect.bottom() - key_h, rect.width(), key_h),
                Qt.AlignmentFlag.AlignCenter,
                self.key_text,
            )
        painter.end()


class Caption(QLabel):
    """A plain-text caption: a badge word ("LIVE") and what it is showing."""

    def __init__(self, badge: str, colour: str) -> None:
        super().__init__()
        self.badge = QLabel(badge)
        self.badge.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; font-weight: bold;"
            " padding: 1px 6px; border-radius: 3px; }"
        )
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def row(self) -> QHBoxLayout:
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self, 1)
        return layout


class LivePanel(QWidget):
    """What the room sees, what comes next, and the buttons that drive it."""

    def __init__(
        self,
        live: LiveControl,
        actions: dict[str, QAction],
        live_view: Thumbnail,
        preview_view: Thumbnail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = live
        self.live_view = live_view
        self.preview_view = preview_view
        self.live_caption = Caption("LIVE", "#c0271d")
        self.preview_caption = Caption("NEXT", "#4a5568")
        self.buttons: dict[str, KeyButton] = {}

        def button(name: str, label: str, *, big: bool = False) -> KeyButton:
            b = KeyButton(actions[name], label, big=big)
            b.setObjectName(f"live-{name}")
            self.buttons[name] = b
            return b

        steps = QGridLayout()
        steps.setSpacing(6)
        steps.addWidget(button("previous", "◀  Previous", big=True), 0, 0)
        steps.addWidget(button("next", "Next  ▶", big=True), 0, 1)
        steps.addWidget(button("black", "Black"), 1, 0)
        steps.addWidget(button("white", "White"), 1, 1)

        preview_side = QVBoxLayout()
        preview_side.setSpacing(6)
        preview_side.addWidget(button("take", "Take live", big=True))
        jumps = QGridLayout()
        jumps.setSpacing(6)
        jumps.addWidget(button("welcome", "Welcome"), 0, 0)
        jumps.addWidget(button("holding", "Holding"), 0, 1)
        jumps.addWidget(button("wall", "Wall"), 1, 0)
        jumps.addWidget(button("tally", "Tally"), 1, 1)
        preview_side.addLayout(jumps)
        preview_side.addStretch(1)

        preview_row = QHBoxLayout()
        preview_row.addWidget(preview_view, 3)
        preview_row.addLayout(preview_side, 2)

        self.run_list = QComboBox()
        self.run_list.setToolTip("Put any item of the run in the preview; Take live shows it")
        self.run_list.activated.connect(self._stage_from_list)
        self.run_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.message = QLineEdit()
        self.message.setObjectName("live-message")
        self.message.setAccessibleName("Message for the room")
        self.message.setPlaceholderText("Message for the room, e.g. Five minutes left")
        clear_button_after_first_paint(self.message)
        self.message.setMaxLength(MAX_MESSAGE)
        self.message.returnPressed.connect(self._show_message)
        show_message = QPushButton("Show")
        show_message.setToolTip("Show the message on the projector now (Return)")
        show_message.clicked.connect(self._show_message)
        stage_message = QPushButton("To preview")
        stage_message.setToolTip("Put the message in the preview, to take live later")
        stage_message.clicked.connect(lambda: self._show_message(live=False))
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(show_message)
        message_row.addWidget(stage_message)

        # whether the room can see it, beside what it sees; the room's look is in the
        # Projector menu (and L): a rare change, not a control to glance past
        self.screen_status = QLabel()
        self.screen_status.setTextFormat(Qt.TextFormat.PlainText)
        self.screen_status.setStyleSheet(MUTED_STYLE)
        live_row = self.live_caption.row()
        live_row.addWidget(self.screen_status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(live_row)
        layout.addWidget(live_view)
        layout.addLayout(steps)
        layout.addSpacing(4)
        layout.addLayout(self.preview_caption.row())
        layout.addLayout(preview_row)
        go_row = QHBoxLayout()
        go_label = QLabel("&Go to:")
        go_label.setBuddy(self.run_list)
        go_row.addWidget(go_label)
        go_row.addWidget(self.run_list, 1)
        layout.addLayout(go_row)
        layout.addLayout(message_row)

        live.changed.connect(self.refresh)
        self._run_keys: tuple[str, ...] = ()
        self.refresh()

    def refresh(self) -> None:
        session = self.live.session
        summary = session.summary()
        self.live_caption.setText(summary["live"])
        self.live_caption.setToolTip(summary["live"])
        self.preview_caption.setText(summary["preview"])
        self.preview_caption.setToolTip(summary["preview"])
        keys = tuple(it.key for it in session.items)
        labels = [it.label for it in session.items]
        if (
            keys != self._run_keys
            or [self.run_list.itemText(i) for i in range(self.run_list.count())] != labels
        ):
            self._run_keys = keys
            self.run_list.clear()
            for item in session.items:
                self.run_list.addItem(item.label, item.key)
        self.run_list.setCurrentIndex(session.position)

    def _stage_from_list(self, index: int) -> None:
        key = self.run_list.itemData(index)
        if isinstance(key, str):
            self.live.stage(key)

    def _show_message(self, *, live: bool = True) -> None:
        text = self.message.text().strip()
        if text:
            self.live.show_message(text, live=live)
            self.message.clearFocus()

    def focus_message(self) -> None:
        self.message.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.message.selectAll()
