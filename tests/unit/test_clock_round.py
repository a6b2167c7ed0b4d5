"""The round clock against a fake time source: what the room would see, second by second."""

from __future__ import annotations

import pytest

from facilitator.core.clock import (
    ClockEvent,
    EventKind,
    Phase,
    RoundClock,
    Zone,
    format_seconds,
)
from unit.fake_time import FakeTime


@pytest.fixture
def t() -> FakeTime:
    return FakeTime(1000.0)


def kinds(events: tuple[ClockEvent, ...]) -> list[EventKind]:
    return [e.kind for e in events]


def test_a_fresh_round_shows_its_full_time_and_waits(t: FakeTime) -> None:
    clock = RoundClock(15 * 60, t)
    t.advance(30)
    r = clock.reading()
    assert (r.text, r.phase, r.zone, r.fraction_left) == ("15:00", Phase.READY, Zone.NORMAL, 1.0)
    assert clock.next_boundary_in() is None


def test_it_counts_down_from_the_time_source_not_from_ticks(t: FakeTime) -> None:
    clock = RoundClock(15 * 60, t)
    clock.start()
    assert clock.reading().text == "15:00"
    t.advance(0.5)
    assert clock.reading().text == "15:00"
    t.advance(0.5)
    assert clock.reading().text == "14:59"
    t.advance(600)  # nobody looked for ten minutes: no drift, no catching up
    r = clock.reading()
    assert (r.text, r.phase, r.elapsed, r.remaining) == ("4:59", Phase.RUNNING, 601, 299)


def test_pause_freezes_the_clock_and_resume_carries_on(t: FakeTime) -> None:
    clock = RoundClock(600, t)
    clock.toggle()
    t.advance(100)
    clock.toggle()
    t.advance(1000)
    r = clock.reading()
    assert (r.text, r.phase, r.elapsed) == ("8:20", Phase.PAUSED, 100)
    assert clock.next_boundary_in() is None
    clock.resume()
    t.advance(20)
    assert clock.reading().text == "8:00"


def test_adding_and_taking_a_minute(t: FakeTime) -> None:
    clock = RoundClock(600, t)
    clock.start()
    t.advance(60)
    clock.add_minute()
    r = clock.reading()
    assert (r.text, r.total, r.adjustment) == ("10:00", 660, 60)
    clock.take_minute()
    clock.take_minute()
    assert clock.reading().text == "8:00"


def test_taking_a_minute_stops_at_zero_and_chimes(t: FakeTime) -> None:
    clock = RoundClock(60, t)
    clock.start()
    t.advance(40)
    clock.take_minute()
    r = clock.reading()
    assert (r.text, r.phase) == ("0:00", Phase.OVERTIME)
    assert kinds(clock.poll()) == [EventKind.RED, EventKind.ZERO]
    clock.take_minute()  # already over: nothing more to take
    assert clock.reading().remaining == 0


def test_a_round_not_yet_started_keeps_at_least_a_minute(t: FakeTime) -> None:
    clock = RoundClock(90, t)
    clock.take_minute()
    assert clock.reading().text == "1:00"
    clock.take_minute()
    assert clock.reading().text == "1:00"


def test_warnings_fire_once_each_at_the_right_moment(t: FakeTime) -> None:
    clock = RoundClock(300, t)
    clock.start()
    t.advance(179)
    assert clock.poll() == ()
    assert clock.reading().zone is Zone.NORMAL
    t.advance(1)  # 2:00 left
    assert clock.poll() == (ClockEvent(EventKind.AMBER, 1180.0),)
    r = clock.reading()
    assert (r.text, r.phase, r.zone) == ("2:00", Phase.AMBER, Zone.AMBER)
    t.advance(1)
    assert clock.poll() == ()  # not again
    t.advance(89)  # 0:30 left
    assert kinds(clock.poll()) == [EventKind.RED]
    assert clock.reading().phase is Phase.RED
    t.advance(30)
    assert clock.poll() == (ClockEvent(EventKind.ZERO, 1300.0),)
    assert clock.poll() == ()


def test_an_event_reports_when_it_was_due_even_if_polled_late(t: FakeTime) -> None:
    clock = RoundClock(60, t)
    clock.start()
    t.advance(60.012)
    (red, zero) = clock.poll()
    assert zero.kind is EventKind.ZERO
    assert zero.due_at == pytest.approx(1060.0)
    assert t.now - zero.due_at == pytest.approx(0.012)
    assert red.due_at == pytest.approx(1030.0)


def test_overtime_counts_up_in_red(t: FakeTime) -> None:
    clock = RoundClock(60, t)
    clock.start()
    t.advance(60.5)
    r = clock.reading()
    assert (r.text, r.phase, r.zone, r.overtime, r.fraction_left) == (
        "0:00",
        Phase.OVERTIME,
        Zone.OVERTIME,
        0.5,
        0.0,
    )
    t.advance(12)
    assert clock.reading().text == "+0:12"
    t.advance(3600)
    assert clock.reading().text == "+1:00:12"


def test_a_paused_clock_keeps_its_colour(t: FakeTime) -> None:
    clock = RoundClock(300, t)
    clock.start()
    t.advance(250)
    clock.pause()
    r = clock.reading()
    assert (r.phase, r.zone) == (Phase.PAUSED, Zone.AMBER)


def test_time_added_back_rearms_the_warnings(t: FakeTime) -> None:
    clock = RoundClock(180, t)
    clock.start()
    t.advance(60)
    assert kinds(clock.poll()) == [EventKind.AMBER]
    clock.add_minute()
    assert clock.reading().zone is Zone.NORMAL
    assert clock.poll() == ()
    t.advance(60)
    assert kinds(clock.poll()) == [EventKind.AMBER]


def test_warnings_longer_than_the_round_are_left_out(t: FakeTime) -> None:
    clock = RoundClock(60, t)
    clock.start()
    assert clock.reading().zone is Zone.NORMAL
    t.advance(30)
    assert kinds(clock.poll()) == [EventKind.RED]


def test_the_facilitator_sets_the_thresholds(t: FakeTime) -> None:
    clock = RoundClock(600, t, amber_at=300, red_at=60)
    clock.start()
    t.advance(300)
    assert kinds(clock.poll()) == [EventKind.AMBER]
    clock.set_thresholds(200, 10)
    assert clock.reading().zone is Zone.NORMAL
    t.advance(100)
    assert kinds(clock.poll()) == [EventKind.AMBER]


def test_auto_advance_fires_once_after_the_grace(t: FakeTime) -> None:
    clock = RoundClock(60, t, auto_advance=True, advance_after=5)
    clock.start()
    t.advance(60)
    assert kinds(clock.poll()) == [EventKind.RED, EventKind.ZERO]
    t.advance(4.5)
    assert clock.next_boundary_in() == pytest.approx(0.5)
    assert clock.poll() == ()
    t.advance(0.5)
    assert kinds(clock.poll()) == [EventKind.ADVANCE]
    t.advance(10)
    assert clock.poll() == ()


def test_no_auto_advance_unless_asked(t: FakeTime) -> None:
    clock = RoundClock(60, t)
    clock.start()
    t.advance(3600)
    assert EventKind.ADVANCE not in kinds(clock.poll())


def test_next_boundary_is_when_the_shown_second_changes(t: FakeTime) -> None:
    clock = RoundClock(90, t)
    clock.start()
    assert clock.next_boundary_in() == pytest.approx(1.0)
    t.advance(0.25)
    assert clock.next_boundary_in() == pytest.approx(0.75)
    shown = clock.reading().text
    t.advance(0.75)
    assert clock.reading().text != shown
    t.advance(89.6)  # overtime: still every whole second
    assert clock.next_boundary_in() == pytest.approx(0.4)


def test_a_reading_a_hair_before_the_boundary_already_shows_the_new_second(t: FakeTime) -> None:
    clock = RoundClock(90, t)
    clock.start()
    t.advance(0.9995)  # a timer that fired half a millisecond early
    assert clock.reading().text == "1:29"


def test_a_fractional_round_has_boundaries_where_its_seconds_change(t: FakeTime) -> None:
    clock = RoundClock(30.5, t)
    clock.start()
    assert clock.reading().text == "0:31"
    assert clock.next_boundary_in() == pytest.approx(0.5)


def test_restart_reset_and_finish(t: FakeTime) -> None:
    clock = RoundClock(300, t)
    clock.start()
    t.advance(200)
    clock.add_minute()
    clock.restart()
    r = clock.reading()
    assert (r.text, r.phase, r.total) == ("5:00", Phase.RUNNING, 300)
    t.advance(10)
    clock.reset()
    assert clock.reading().phase is Phase.READY
    clock.start()
    t.advance(10)
    clock.finish()
    t.advance(100)
    r = clock.reading()
    assert (r.text, r.phase) == ("4:50", Phase.FINISHED)
    clock.start()
    assert clock.reading().phase is Phase.FINISHED
    assert clock.poll() == ()


def test_load_puts_the_next_round_on_the_clock(t: FakeTime) -> None:
    clock = RoundClock(60, t, amber_at=20, red_at=10)
    clock.start()
    t.advance(70)
    clock.poll()
    clock.load(900)
    r = clock.reading()
    assert (r.text, r.phase, r.zone) == ("15:00", Phase.READY, Zone.NORMAL)
    assert clock.amber_at == 20


@pytest.mark.parametrize(
    ("shown", "text"),
    [(900, "15:00"), (59, "0:59"), (0, "0:00"), (-12, "+0:12"), (3725, "1:02:05")],
)
def test_format_seconds(shown: int, text: str) -> None:
    assert format_seconds(shown) == text


def test_a_ui_can_compute_the_coming_second_a_few_ms_ahead(t: FakeTime) -> None:
    clock = RoundClock(60, t)
    clock.start()
    t.advance(29.996)
    assert clock.reading().text == "0:31"
    ahead = clock.reading(ahead=0.004)
    assert (ahead.text, ahead.phase) == ("0:30", Phase.RED)
    (red,) = clock.poll(ahead=0.004)
    assert red.kind is EventKind.RED and red.due_at == pytest.approx(1030.0)
    # the next change after the one already shown is a whole second after it
    assert clock.next_boundary_in(after=0.004) == pytest.approx(1.004)


def test_reading_ahead_means_nothing_while_paused(t: FakeTime) -> None:
    clock = RoundClock(60, t)
    assert clock.reading(ahead=5).text == "1:00"
