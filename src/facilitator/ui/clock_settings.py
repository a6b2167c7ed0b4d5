"""Clock settings: warnings, moving on by itself, the shortest shortened round, the chime."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from facilitator.core.errors import InputError
from facilitator.ui.clock_driver import ClockDriver


class ClockSettings(QDialog):
    """Warnings, moving on by itself, the shortest a shortened round may be, and the chime.

    Every change applies at once and is kept in the event file.
    """

    def __init__(self, driver: ClockDriver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.driver = driver
        self.setWindowTitle("Clock settings")
        clock = driver.clock
        self.amber = QSpinBox()
        self.amber.setRange(0, 3600)
        self.amber.setSuffix(" s left")
        self.amber.setValue(round(clock.amber_at))
        self.red = QSpinBox()
        self.red.setRange(0, 3600)
        self.red.setSuffix(" s left")
        self.red.setValue(round(clock.red_at))
        self.amber.valueChanged.connect(self._thresholds)
        self.red.valueChanged.connect(self._thresholds)
        self.auto = QCheckBox("Move on to the next round by itself, a few seconds after zero")
        self.auto.setChecked(clock.auto_advance)
        self.auto.toggled.connect(driver.set_auto_advance)
        self.minimum = QDoubleSpinBox()
        self.minimum.setRange(0.5, 60)
        self.minimum.setDecimals(1)
        self.minimum.setSuffix(" min")
        self.minimum.setValue(driver.minimum_round_minutes)
        self.minimum.valueChanged.connect(driver.set_minimum_round_minutes)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(driver.chime.volume * 100))
        self.volume.valueChanged.connect(lambda v: driver.set_volume(v / 100))
        self.sound = QLabel(driver.chime.message)
        self.sound.setTextFormat(Qt.TextFormat.PlainText)
        self.sound.setWordWrap(True)
        self.chime_file = QLabel(driver.chime.path.name)
        self.chime_file.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton("Choose a WAV…")
        choose.clicked.connect(self._choose)
        bundled = QPushButton("Bundled chime")
        bundled.clicked.connect(lambda: self._use(None))
        test = QPushButton("Test")
        test.clicked.connect(self._test)
        files = QHBoxLayout()
        files.addWidget(self.chime_file, 1)
        files.addWidget(choose)
        files.addWidget(bundled)
        files.addWidget(test)
        form = QFormLayout(self)
        form.addRow("Amber from:", self.amber)
        form.addRow("Red from:", self.red)
        form.addRow("", self.auto)
        form.addRow("Shortest shortened round:", self.minimum)
        form.addRow("Chime volume:", self.volume)
        form.addRow("Chime:", files)
        form.addRow("", self.sound)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form.addRow(close)
        driver.sound_changed.connect(lambda _ok, message: self.sound.setText(message))

    def _thresholds(self) -> None:
        self.driver.set_thresholds(float(self.amber.value()), float(self.red.value()))

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a chime", "", "WAV sound (*.wav)")
        if name:
            self._use(Path(name))

    def _use(self, path: Path | None) -> None:
        try:
            self.driver.set_chime_file(path)
        except InputError as exc:
            self.sound.setText(str(exc))
            return
        self.chime_file.setText(self.driver.chime.path.name)

    def _test(self) -> None:
        if not self.driver.test_chime():
            self.sound.setText(self.driver.chime.message)
