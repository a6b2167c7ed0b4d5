"""The live clock in the UI: the driver against a fake time source, and the real timer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from msgspec.structs import replace
from pytestqt.qtbot import QtBot

from facilitator.core.clock import EventKind, Phase
from facilitator.core.plan import Plan
from facilitator.core.projector_state import ClockPhase
from facilitator.store.db import EventStore
from facilitator.ui.clock_driver import ClockDriver
from facilitator.ui.controller import EventController
from gui.writes import landed
from unit.fake_time import FakeTime


@pytest.fixture
def t() -> FakeTime:
    return FakeTime()


@pytest.fixture
def controller(event_path: Path, qtbot: QtBot) -> Iterator[EventController]:
    store = EventStore.open(event_path)
    ctl = EventController(store)
    yield ctl
    ctl.close()


@pytest.fixture
def driver(controller: EventController, t: FakeTime) -> ClockDriver:
    return ClockDriver(controller, now=t, wall=t.wall_now)


def kinds(controller: EventController) -> list[str]:
    return [e.kind for e in controller.store.timeline()]


def test_the_live_round_is_on_the_clock_ready_to_start(
    driver: ClockDriver, controller: EventController
) -> None:
    assert controller.live_round is not None
    minutes = controller.live_round.round.minutes
    assert driver.reading.phase is Phase.READY
    assert driver.reading.total == minutes * 60
    assert controller.clock_face is not None
    assert controller.clock_face.phase is ClockPhase.READY


def test_starting_records_planned_and_actual_times(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot
) -> None:
    driver.toggle()
    landed(qtbot, controller)
    rounds = controller.store.rounds()
    assert rounds[0].actual_start == t.wall.isoformat()
    assert rounds[0].planned_start == t.wall.isoformat()
    total = sum(r.round.minutes for r in rounds)
    assert rounds[-1].planned_end == (t.wall + timedelta(minutes=total)).isoformat()
    assert kinds(controller) == ["round_started"]
    assert driver.lateness is not None and driver.lateness.text == "On time"


def test_the_face_follows_the_time_source_at_each_second(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot
) -> None:
    driver.toggle()
    with qtbot.waitSignal(controller.clock_face_changed) as seen:
        t.advance(1.0)
        driver.refresh()
    assert seen.args[0].text == "4:59"
    t.advance(0.4)
    with qtbot.assertNotEmitted(controller.clock_face_changed):
        driver.refresh()  # same shown second: nothing to repaint


def test_zero_flashes_and_reports_a_silent_chime_when_there_is_no_audio(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot
) -> None:
    driver.probe_sound()
    assert not driver.chime.available
    assert "flashes" in driver.chime.message
    driver.toggle()
    t.advance(300)
    with qtbot.waitSignal(driver.chimed) as chimed:
        driver.refresh()
    assert chimed.args == [0.0, False]  # on time, and silent: no audio output here
    face = controller.clock_face
    assert face is not None
    assert (face.text, face.phase, face.flash) == ("0:00", ClockPhase.OVERTIME, True)
    t.advance(1)
    driver.refresh()
    assert controller.clock_face is not None and not controller.clock_face.flash
    landed(qtbot, controller)
    assert "time_up" in kinds(controller)


def test_pause_and_minutes_are_recorded(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot
) -> None:
    driver.toggle()
    t.advance(10)
    driver.toggle()
    driver.add_minute()
    driver.take_minute()
    driver.take_minute()
    driver.toggle()
    assert driver.reading.text == "3:50"
    landed(qtbot, controller)
    timeline = controller.store.timeline()
    assert [e.kind for e in timeline] == [
        "round_started",
        "clock_paused",
        "clock_adjusted",
        "clock_adjusted",
        "clock_adjusted",
        "clock_resumed",
    ]
    assert [e.detail.get("seconds") for e in timeline[2:5]] == [60.0, -60.0, -60.0]


def test_next_round_ends_this_one_and_loads_the_next(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot
) -> None:
    driver.toggle()
    t.advance(330)
    driver.next_round()
    assert controller.live_round_index() == 1
    assert driver.reading.phase is Phase.READY
    assert driver.reading.total == controller.rounds[1].round.minutes * 60
    landed(qtbot, controller)
    first = controller.store.rounds()[0]
    assert first.actual_end == t.wall.isoformat()
    ended = [e for e in controller.store.timeline() if e.kind == "round_ended"]
    assert ended[0].detail["overtime_seconds"] == 30.0
    driver.previous_round()
    assert controller.live_round_index() == 0


def test_auto_advance_moves_on_and_starts_the_next_round(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot
) -> None:
    driver.set_auto_advance(True)
    driver.toggle()
    t.advance(300)
    driver.refresh()
    assert controller.live_round_index() == 0
    t.advance(5)
    with qtbot.waitSignal(controller.live_round_changed):
        driver.refresh()
    assert controller.live_round_index() == 1
    assert driver.reading.phase is Phase.RUNNING
    landed(qtbot, controller)
    assert controller.store.setting("clock.auto_advance") is True


def test_an_overrun_shows_lateness_and_shortening_ends_on_time(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot
) -> None:
    driver.toggle()
    t.advance(300 + 240)  # the 5-minute welcome ran 4 minutes over
    driver.refresh()
    assert driver.lateness is not None
    assert driver.lateness.text == "Running 4 min late"
    shorter = driver.shortened_plan()
    assert shorter is not None
    old = [r.minutes for r in controller.plan.rounds[1:]]
    new = [r.minutes for r in shorter.rounds[1:]]
    assert sum(new) <= sum(old) - 4
    assert all(n >= min(o, driver.minimum_round_minutes) for n, o in zip(new, old, strict=True))
    controller.replace_plan(shorter)
    landed(qtbot, controller)
    driver.refresh()
    assert driver.lateness is not None and driver.lateness.text == "On time"
    assert driver.reading.phase is Phase.OVERTIME  # the running round was left alone


def test_thresholds_are_kept_in_the_event(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot
) -> None:
    driver.set_thresholds(60, 10)
    driver.toggle()
    t.advance(240)
    driver.refresh()
    assert driver.reading.phase is Phase.AMBER
    landed(qtbot, controller)
    again = ClockDriver(controller, now=t, wall=t.wall_now)
    assert (again.clock.amber_at, again.clock.red_at) == (60, 10)


def test_a_wav_that_is_not_one_is_refused_with_a_sentence(
    driver: ClockDriver, tmp_path: Path
) -> None:
    from facilitator.core.errors import InputError

    bad = tmp_path / "bell.wav"
    bad.write_bytes(b"not a wav at all")
    with pytest.raises(InputError, match=r"^bell.wav: not a WAV file"):
        driver.set_chime_file(bad)
    driver.set_chime_file(None)
    assert driver.chime.path.name == "chime.wav"


def test_the_real_timer_lands_on_second_boundaries(
    controller: EventController, qtbot: QtBot
) -> None:
    """A 2-second round on the monotonic clock: the shown seconds go 0:02, 0:01, 0:00."""
    plan = controller.plan
    controller.replace_plan(
        Plan(plan.title, (replace(plan.rounds[0], minutes=2 / 60), *plan.rounds[1:]))
    )
    landed(qtbot, controller)
    driver = ClockDriver(controller)
    shown: list[str] = []
    controller.clock_face_changed.connect(lambda face: shown.append(face.text))
    driver.toggle()
    with qtbot.waitSignal(
        driver.clock_event, timeout=4000, check_params_cb=lambda e: e.kind is EventKind.ZERO
    ):
        pass
    assert shown[-3:] == ["0:02", "0:01", "0:00"][-len(shown[-3:]) :]
    assert shown[-1] == "0:00"


def test_the_panel_offers_to_shorten_the_rest_when_running_late(
    driver: ClockDriver, controller: EventController, t: FakeTime, qtbot: QtBot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from facilitator.ui.clock_panel import ClockPanel

    panel = ClockPanel(driver)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.late_label.text() == "Timing starts with the first round"
    assert not panel.shorten_button.isVisible()
    driver.toggle()
    t.advance(300 + 240)
    driver.refresh()
    assert panel.late_label.text().startswith("Running 4 min late — ends 10:14 (planned 10:10)")
    assert panel.shorten_button.isVisible()
    asked: list[str] = []

    def answer_yes(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.informativeText())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer_yes)
    panel.shorten_button.click()
    landed(qtbot, controller)
    assert "First conversation: 15 min →" in asked[0]
    assert panel.late_label.text().startswith("On time")
    assert not panel.shorten_button.isVisible()


def test_clock_settings_apply_at_once_and_are_kept(
    driver: ClockDriver, controller: EventController, qtbot: QtBot
) -> None:
    from facilitator.ui.clock_settings import ClockSettings

    dialog = ClockSettings(driver)
    qtbot.addWidget(dialog)
    dialog.amber.setValue(90)
    dialog.red.setValue(15)
    dialog.auto.setChecked(True)
    dialog.volume.setValue(40)
    dialog.minimum.setValue(3)
    store = controller.store
    landed(qtbot, controller)
    assert (driver.clock.amber_at, driver.clock.red_at, driver.clock.auto_advance) == (90, 15, True)
    assert store.setting("clock.chime_volume") == 0.4
    assert driver.minimum_round_minutes == 3


def test_a_machine_without_an_audio_library_gets_the_flash_not_an_error(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    from PySide6.QtCore import QObject

    from facilitator.ui.clock_driver import Chime

    real_import = builtins.__import__

    def no_multimedia(name: str, *args: object, **kwargs: object) -> object:
        if name == "PySide6.QtMultimedia":
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_multimedia)
    chime = Chime(QObject())
    chime.probe()
    assert not chime.available
    assert "flashes at zero" in chime.message
