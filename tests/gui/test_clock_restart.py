"""The event reopens where it was, and a jump of the wall clock changes no timing.

The monotonic and the wall clock are both faked: a reopen is a new controller and driver
on the same file (a new process: its monotonic clock starts elsewhere), and the wall clock
jumps (an hour ahead, an hour back) without the monotonic clock moving.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.core.clock import Phase
from facilitator.core.projector_state import RoundSlide
from facilitator.store import db
from facilitator.store.db import EventStore
from facilitator.ui.capture import CapturePanel
from facilitator.ui.clock_driver import ClockDriver
from facilitator.ui.clock_panel import ClockPanel
from facilitator.ui.controller import EventController
from facilitator.ui.live_panel import LiveControl
from gui.writes import landed
from unit.fake_time import FakeTime


class Opened:
    """One run of the app on the event: controller, clock driver, live control."""

    def __init__(self, path: Path, t: FakeTime) -> None:
        self.controller = EventController(EventStore.open(path))
        self.driver = ClockDriver(self.controller, now=t, wall=t.wall_now)
        self.live = LiveControl(self.controller)


@pytest.fixture
def t(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    """The fake clocks; the store stamps its records with the same fake wall clock."""
    fake = FakeTime()
    monkeypatch.setattr(db, "now_iso", lambda: fake.wall.isoformat())
    return fake


@pytest.fixture
def opened(event_path: Path, qtbot: QtBot) -> Iterator[list[Opened]]:
    runs: list[Opened] = []
    yield runs
    for run in runs:
        if run.controller.store.path.exists():
            run.controller.close()


def open_event(runs: list[Opened], path: Path, t: FakeTime) -> Opened:
    run = Opened(path, t)
    runs.append(run)
    return run


def crash(run: Opened, qtbot: QtBot) -> None:
    """As after a kill -9: nothing more is written; the file is let go. (What the app
    recorded before had landed: the writer thread saves each record in moments.)"""
    landed(qtbot, run.controller)
    run.driver._timer.stop()
    run.controller.store.close()


def round_three_running(runs: list[Opened], path: Path, t: FakeTime) -> Opened:
    first = open_event(runs, path, t)
    first.driver.next_round()
    first.driver.next_round()
    first.driver.toggle()
    t.advance(100)
    first.driver.refresh()
    return first


def test_a_reopen_mid_round_carries_on_in_that_round(
    opened: list[Opened], event_path: Path, t: FakeTime, qtbot: QtBot
) -> None:
    crash(round_three_running(opened, event_path, t), qtbot)
    t.advance(50)
    t.now = 20.0  # a new process: its monotonic clock counts from elsewhere
    again = open_event(opened, event_path, t)
    controller, driver = again.controller, again.driver
    assert controller.live_round_index() == 2
    assert driver.reading.phase is Phase.RUNNING
    assert driver.reading.remaining == pytest.approx(15 * 60 - 150)
    assert driver.lateness is not None and driver.lateness.text == "On time"
    slide = again.live.session.live_state().slide
    assert isinstance(slide, RoundSlide) and slide.number == 3
    assert slide.clock is not None and slide.clock.text == driver.reading.text == "12:30"
    panel = CapturePanel(controller)  # the scribe's entry files under the live round
    qtbot.addWidget(panel)
    try:
        qtbot.keyClicks(panel.entry, "After the crash")
        with qtbot.waitSignal(controller.theme_saved) as saved:
            qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
        assert saved.args[0].round_id == controller.rounds[2].id
    finally:
        panel.shutdown()
    t.advance(10)
    driver.refresh()
    assert driver.reading.text == "12:20"


def test_a_paused_round_reopens_paused_with_its_minutes(
    opened: list[Opened], event_path: Path, t: FakeTime, qtbot: QtBot
) -> None:
    first = round_three_running(opened, event_path, t)
    first.driver.toggle()  # paused at 13:20
    first.driver.add_minute()
    crash(first, qtbot)
    t.advance(3600)
    again = open_event(opened, event_path, t)
    assert again.controller.live_round_index() == 2
    assert again.driver.reading.phase is Phase.PAUSED
    assert again.driver.reading.text == "14:20"
    again.driver.toggle()
    t.advance(20)
    again.driver.refresh()
    assert again.driver.reading.text == "14:00"


def test_a_wall_clock_jump_mid_round_changes_no_timing(
    opened: list[Opened], event_path: Path, t: FakeTime, qtbot: QtBot
) -> None:
    run = open_event(opened, event_path, t)
    panel = ClockPanel(run.driver)
    qtbot.addWidget(panel)
    panel.show()
    run.driver.toggle()
    t.advance(60)
    run.driver.refresh()
    for jump in (+1, -2):  # an hour ahead, then an hour behind where it was
        t.wall += timedelta(hours=jump)
        t.advance(1)
        run.driver.refresh()
        assert run.driver.reading.text == ("3:59" if jump > 0 else "3:58")
        assert run.driver.lateness is not None and run.driver.lateness.text == "On time"
        assert run.driver.shortened_plan() is None
        assert not panel.shorten_button.isVisible()
        assert panel.late_label.text().startswith("On time — ends ")
    t.advance(300)  # the round runs a minute over
    run.driver.refresh()
    assert run.driver.lateness is not None and run.driver.lateness.text == "Running 1 min late"
