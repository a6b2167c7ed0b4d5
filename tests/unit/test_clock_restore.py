"""A round put back on the clock as it was, when the app reopens mid-round."""

from __future__ import annotations

from facilitator.core.clock import EventKind, Phase, RoundClock
from unit.fake_time import FakeTime


def test_a_running_round_runs_on_from_where_it_was() -> None:
    t = FakeTime(42.0)
    clock = RoundClock(900, t)
    clock.restore(150, running=True)
    assert (clock.reading().text, clock.reading().phase) == ("12:30", Phase.RUNNING)
    t.now += 10
    assert clock.reading().text == "12:20"
    assert clock.next_boundary_in() == 1.0


def test_a_paused_round_stays_paused_with_its_minutes() -> None:
    t = FakeTime(42.0)
    clock = RoundClock(900, t)
    clock.restore(100, adjustment=60, running=False)
    t.now += 100
    reading = clock.reading()
    assert (reading.text, reading.phase, reading.adjustment) == ("14:20", Phase.PAUSED, 60)
    clock.toggle()
    t.now += 20
    assert clock.reading().text == "14:00"


def test_warnings_already_passed_are_not_given_again() -> None:
    t = FakeTime(42.0)
    clock = RoundClock(300, t, amber_at=120, red_at=30)
    clock.restore(200, running=True)  # amber passed before the app closed
    assert clock.poll() == ()
    t.now += 75
    assert [e.kind for e in clock.poll()] == [EventKind.RED]
    t.now += 25
    assert [e.kind for e in clock.poll()] == [EventKind.ZERO]
