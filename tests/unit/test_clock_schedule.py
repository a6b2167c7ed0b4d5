"""Run of show: planned and actual times, running late, and shortening what is left."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.plan import Plan, Round
from facilitator.core.schedule import Lateness, RunOfShow, rebalance

NINE = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
PLAN = Plan(
    "Event",
    (
        Round("Welcome", 5),
        Round("First", 15),
        Round("Second", 15),
        Round("Cards", 20),
        Round("Chord", 10),
    ),
)


def at(minutes: float) -> datetime:
    return NINE + timedelta(minutes=minutes)


def test_planned_times_follow_from_the_event_start() -> None:
    show = RunOfShow.from_plan(PLAN, NINE)
    assert [(r.planned_start, r.planned_end) for r in show.rounds] == [
        (at(0), at(5)),
        (at(5), at(20)),
        (at(20), at(35)),
        (at(35), at(55)),
        (at(55), at(65)),
    ]
    assert show.planned_end == at(65)


def test_actual_times_are_recorded_beside_the_planned_ones() -> None:
    show = RunOfShow.from_plan(PLAN, NINE).started(0, at(2)).ended(0, at(8)).started(1, at(8))
    assert (show.rounds[0].actual_start, show.rounds[0].actual_end) == (at(2), at(8))
    assert show.rounds[1].actual_start == at(8)
    assert show.rounds[1].planned_start == at(5)


def test_an_overrunning_round_makes_the_event_run_late() -> None:
    show = RunOfShow.from_plan(PLAN, NINE)
    # Round 2 ("First") should have ended at 9:20; it is 9:24 and it is still going.
    late = show.lateness(at(24), current=1, remaining_seconds=-240)
    assert late.seconds == 240
    assert late.is_late
    assert late.text == "Running 4 min late"


def test_on_time_and_ahead() -> None:
    show = RunOfShow.from_plan(PLAN, NINE)
    assert show.lateness(at(10), 1, 600).text == "On time"
    assert show.lateness(at(10), 1, 480).text == "2 min ahead"
    assert not Lateness(at(65.4), at(65)).is_late


def test_shortening_the_remaining_rounds_ends_the_event_on_time() -> None:
    show = RunOfShow.from_plan(PLAN, NINE)
    new = show.shorten_remaining(at(26), current=1, remaining_seconds=0)
    assert new == (13.0, 17.0, 9.0)
    assert sum(new) == 65 - 26
    later = show.with_minutes(new, first=2)
    assert later.lateness(at(26), 1, 0).text == "On time"
    assert later.rounds[2].planned_start == at(20)  # the promise stays as it was


def test_rebalance_keeps_a_minimum_per_round() -> None:
    assert rebalance([20, 20, 4], 30, minimum=5) == (13.0, 13.0, 4.0)
    assert rebalance([20, 10], 8, minimum=5) == (5.0, 5.0)  # cannot fit: as early as it can


def test_rebalance_leaves_a_plan_that_fits_alone() -> None:
    assert rebalance([15, 10], 40) == (15.0, 10.0)


minutes_lists = st.lists(
    st.floats(min_value=0.5, max_value=120, allow_nan=False).map(lambda m: round(m * 2) / 2),
    min_size=1,
    max_size=12,
)


@given(
    minutes_lists,
    st.floats(min_value=0, max_value=600),
    st.sampled_from([1.0, 2.0, 5.0]),
    st.sampled_from([1.0, 0.5, 0.0]),
)
def test_rebalance_properties(
    minutes: list[float], available: float, minimum: float, step: float
) -> None:
    result = rebalance(minutes, available, minimum, step)
    floors = [min(m, minimum) for m in minutes]
    assert len(result) == len(minutes)
    for new, old, floor in zip(result, minutes, floors, strict=True):
        assert floor - 1e-9 <= new <= old + 1e-9  # never below the minimum, never longer
    if sum(floors) <= available:
        assert sum(result) <= available + 1e-6  # ends on time whenever that is possible
    else:
        assert list(result) == floors  # otherwise as early as it can
    for i in range(len(minutes)):  # order kept: a longer round is never made shorter
        for j in range(len(minutes)):
            if minutes[i] < minutes[j]:
                assert result[i] <= result[j] + 1e-9


@given(minutes_lists, st.floats(min_value=0.1, max_value=0.99))
def test_rebalance_is_proportional_when_no_minimum_binds(
    minutes: list[float], share: float
) -> None:
    available = share * sum(minutes)
    result = rebalance(minutes, available, minimum=0.0, step=0.0)
    assert sum(result) == pytest.approx(available)
    for new, old in zip(result, minutes, strict=True):
        assert new / old == pytest.approx(share)


@given(minutes_lists, st.floats(min_value=0, max_value=600))
def test_rebalance_does_not_waste_time_it_could_give(
    minutes: list[float], available: float
) -> None:
    result = rebalance(minutes, available, minimum=1.0, step=1.0)
    if sum(result) < sum(minutes):
        slack = available - sum(result)
        # Whole-minute rounding loses less than a minute, unless every round is at its cap.
        room = [m - r for m, r in zip(minutes, result, strict=True)]
        assert slack < 1.0 + 1e-6 or all(r < 1.0 for r in room)
