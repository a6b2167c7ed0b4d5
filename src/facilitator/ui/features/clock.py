"""The round clock as a feature: its driver, its panel at the top of the live column, its
keys (Space, + and -, Ctrl+arrows) and the Clock menu."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMenu

from facilitator.ui.clock_driver import ClockDriver
from facilitator.ui.clock_panel import ClockPanel
from facilitator.ui.features.window import Window

# after the console is up and painted: loading the sound system (~25 ms) must not slow the
# start, and a zero-delay timer would still run before the first paint
SOUND_PROBE_DELAY_MS = 300


class ClockFeature(QObject):
    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.driver = driver = ClockDriver(window.controller, parent=self)
        self.panel = ClockPanel(driver)
        window.add_panel(self.panel)
        keys = window.bind_key
        actions = (
            keys("clock", driver.toggle),
            keys("add_minute", driver.add_minute),
            keys("take_minute", driver.take_minute),
        )
        steps = (
            keys("next_round", driver.next_round),
            keys("previous_round", driver.previous_round),
        )
        menu = QMenu("&Clock", window.as_widget())
        menu.addActions(list(actions))
        menu.addAction("&Restart this round", driver.restart)
        menu.addActions(list(steps))
        menu.addSeparator()
        menu.addAction("S&horten remaining rounds…", self.panel.offer_shortening)
        menu.addAction("Clock &settings…", self.open_settings)
        window.add_menu(menu)
        # The room's clock is painted as soon as its new face is out, ahead of the console's
        # own repaint, so that it lands on the second boundary.
        projector = window.projector
        driver.face_published.connect(
            lambda: projector.repaint() if projector.isVisible() else None
        )
        QTimer.singleShot(SOUND_PROBE_DELAY_MS, driver.probe_sound)

    def open_settings(self) -> None:
        from facilitator.ui.clock_settings import ClockSettings  # loaded when first opened

        ClockSettings(self.driver, self.window.as_widget()).exec()
