"""The clock's panel in the console: the same time the room sees, the next round, how late
the event is running with an offer to shorten what is left, and a button for each clock key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.clock import Phase, Reading
from facilitator.core.schedule import Lateness
from facilitator.ui.clock_driver import ClockDriver
from facilitator.ui.keys import BINDINGS
from facilitator.ui.looks import MUTED_STYLE, ink

PHASE_INKS = {  # named inks of the console look (ui/looks.py), each checked for contrast
    Phase.AMBER: "amber",
    Phase.RED: "red",
    Phase.OVERTIME: "red",
    Phase.PAUSED: "muted",
    Phase.READY: "muted",
    Phase.FINISHED: "muted",
}


def _fmt_minutes(minutes: float) -> str:
    return f"{minutes:g} min"


class ClockPanel(QFrame):
    """The live round's clock for the facilitator, with buttons for every clock key."""

    def __init__(self, driver: ClockDriver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.driver = driver
        self.controller = driver.controller
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.digits = QLabel("0:00")
        self.digits.setTextFormat(Qt.TextFormat.PlainText)
        digits_font = QFont(self.digits.font())
        digits_font.setPointSizeF(max(40.0, digits_font.pointSizeF() * 5.0))  # read from a metre
        digits_font.setBold(True)
        self.digits.setFont(digits_font)
        self.digits.setAccessibleName("Round clock")
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.round_label = QLabel()
        self.round_label.setTextFormat(Qt.TextFormat.PlainText)
        self.round_label.setWordWrap(True)
        round_font = QFont(self.round_label.font())
        round_font.setPointSizeF(round_font.pointSizeF() * 1.15)
        round_font.setBold(True)
        self.round_label.setFont(round_font)
        self.next_label = QLabel()
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_label.setWordWrap(True)
        self.late_label = QLabel()
        self.late_label.setTextFormat(Qt.TextFormat.PlainText)
        self.shorten_button = QPushButton("Shorten remaining rounds…")
        self.shorten_button.setToolTip(
            "Shrink the rounds still to come in proportion, keeping a minimum per round, "
            "so the event ends on time"
        )
        self.shorten_button.clicked.connect(self.offer_shortening)
        self.sound_label = QLabel(driver.chime.message)
        self.sound_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sound_label.setWordWrap(True)
        self.sound_label.setStyleSheet(MUTED_STYLE)

        self.previous_button = QPushButton("◀ Round")
        self.previous_button.setToolTip(f"Previous round ({BINDINGS['previous_round'].key})")
        self.start_button = QPushButton("Start")
        self.start_button.setToolTip(f"Start or pause the clock ({BINDINGS['clock'].key})")
        self.take_button = QPushButton("− 1 min")
        self.take_button.setToolTip(f"Take a minute ({BINDINGS['take_minute'].key})")
        self.add_button = QPushButton("+ 1 min")
        self.add_button.setToolTip(f"Add a minute ({BINDINGS['add_minute'].key})")
        self.next_button = QPushButton("Round ▶")
        self.next_button.setToolTip(f"Next round ({BINDINGS['next_round'].key})")
        for button, slot in (
            (self.previous_button, driver.previous_round),
            (self.start_button, driver.toggle),
            (self.take_button, driver.take_minute),
            (self.add_button, driver.add_minute),
            (self.next_button, driver.next_round),
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the clock's key
            button.clicked.connect(slot)

        # at a glance: the time, large enough to read from a metre, beside the round it times
        about = QVBoxLayout()
        about.setSpacing(2)
        about.addStretch(1)
        about.addWidget(self.round_label)
        about.addWidget(self.state_label)
        about.addWidget(self.next_label)
        about.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(self.digits)
        top.addLayout(about, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (
            self.previous_button,
            self.start_button,
            self.take_button,
            self.add_button,
            self.next_button,
        ):
            buttons.addWidget(button, 2 if button is self.start_button else 1)
        self.start_button.setMinimumHeight(self.start_button.sizeHint().height() + 8)
        late_row = QGridLayout()
        late_row.addWidget(self.late_label, 0, 0)
        late_row.addWidget(self.shorten_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addLayout(late_row)
        layout.addWidget(self.sound_label)

        driver.reading_changed.connect(self.show_reading)
        driver.lateness_changed.connect(self.show_lateness)
        driver.sound_changed.connect(lambda _ok, message: self.sound_label.setText(message))
        self.controller.live_round_changed.connect(lambda _r: self.show_round())
        self.controller.plan_changed.connect(self.show_round)
        self.show_round()
        self.show_reading(driver.reading)
        self.show_lateness(driver.lateness)

    def show_reading(self, reading: Reading) -> None:
        self.digits.setText(reading.text)
        name = PHASE_INKS.get(reading.phase)
        self.digits.setStyleSheet(f"color: {ink(name)};" if name else "")
        words = {  # the phase in words too, not by the digits' colour alone
            Phase.READY: f"Ready — {BINDINGS['clock'].key} starts",
            Phase.RUNNING: "Running",
            Phase.AMBER: "Running — nearly time",
            Phase.RED: "Running — almost up",
            Phase.PAUSED: "Paused",
            Phase.OVERTIME: "Time is up",
            Phase.FINISHED: "Finished",
        }
        extra = ""
        if reading.adjustment:
            extra = f"  ({reading.adjustment / 60:+g} min)"
        self.state_label.setText(words.get(reading.phase, "") + extra)
        self.start_button.setText("Pause" if reading.running else "Start")
        self.take_button.setEnabled(reading.phase is not Phase.FINISHED)

    def show_round(self) -> None:
        live = self.controller.live_round
        index = self.controller.live_round_index()
        total = len(self.controller.rounds)
        if live is None:
            self.round_label.setText("No rounds in the plan")
            self.next_label.setText("")
        else:
            r = live.round
            self.round_label.setText(
                f"Round {index + 1} of {total}: {r.title} ({_fmt_minutes(r.minutes)})"
            )
            later = self.controller.rounds[index + 1 :]
            self.next_label.setText(
                f"Next: {later[0].title} ({_fmt_minutes(later[0].round.minutes)})"
                if later
                else "This is the last round"
            )
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < total - 1)

    def show_lateness(self, lateness: Lateness | None) -> None:
        if lateness is None:
            self.late_label.setText("Timing starts with the first round")
            self.late_label.setStyleSheet("")
            self.shorten_button.setVisible(False)
            return
        self.late_label.setText(
            f"{lateness.text} — ends {lateness.projected_end:%H:%M} "
            f"(planned {lateness.planned_end:%H:%M})"
        )
        self.late_label.setStyleSheet(
            f"color: {ink('red')}; font-weight: bold;" if lateness.is_late else ""
        )
        self.shorten_button.setVisible(lateness.is_late and bool(self.driver.rounds_after()))

    def offer_shortening(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        plan = self.driver.shortened_plan()
        if plan is None:
            self.late_label.setText("Nothing left to shorten")
            return
        first = len(plan.rounds) - len(self.driver.rounds_after())
        lines = [
            f"{old.title}: {_fmt_minutes(old.minutes)} → {_fmt_minutes(new.minutes)}"
            for old, new in zip(
                self.controller.plan.rounds[first:], plan.rounds[first:], strict=True
            )
            if old.minutes != new.minutes
        ]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Shorten remaining rounds",
            "Shorten the rounds still to come so the event ends on time?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n".join(lines))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.controller.replace_plan(plan)
