"""Where the session was, read back from the timeline alone (no Qt, no file)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from msgspec import Struct, field

from facilitator.core.resume import WhereItWas, clock_snapshot, where_it_was

T0 = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
ROUNDS = ["r1", "r2", "r3", "r4"]


class Mark(Struct, frozen=True):
    at: str
    kind: str
    round_id: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)


def mark(minute: float, kind: str, round_id: str | None, **detail: Any) -> Mark:
    return Mark((T0 + timedelta(minutes=minute)).isoformat(), kind, round_id, detail)


def test_nothing_recorded_puts_nothing_back() -> None:
    assert where_it_was([], ROUNDS) == WhereItWas()


def test_round_three_running_runs_on_since_its_last_record() -> None:
    marks = [
        mark(0, "round_started", "r1", **clock_snapshot(0, 0, True)),
        mark(5, "round_ended", "r1", elapsed_seconds=300.0),
        mark(5, "round_live", "r2"),
        mark(6, "round_live", "r3"),
        mark(7, "round_started", "r3", **clock_snapshot(0, 0, True)),
    ]
    where = where_it_was(marks, ROUNDS)
    assert (where.round_id, where.started, where.running) == ("r3", True, True)
    assert where.elapsed_at(T0 + timedelta(minutes=10)) == pytest.approx(180.0)


def test_a_paused_clock_stays_where_it_stopped_with_its_minutes() -> None:
    marks = [
        mark(0, "round_live", "r2"),
        mark(0, "clock_adjusted", "r2", seconds=60.0, **clock_snapshot(0, 60, False)),
        mark(1, "round_started", "r2", **clock_snapshot(0, 60, True)),
        mark(4, "clock_paused", "r2", **clock_snapshot(180, 60, False)),
    ]
    where = where_it_was(marks, ROUNDS)
    assert (where.round_id, where.started, where.running) == ("r2", True, False)
    assert where.adjustment == 60.0
    assert where.elapsed_at(T0 + timedelta(hours=3)) == 180.0


def test_the_snapshot_holds_when_the_wall_clock_jumped_between_records() -> None:
    marks = [
        mark(0, "round_started", "r1", **clock_snapshot(0, 0, True)),
        # the wall clock was set an hour back two minutes in: the clock had run 120 s
        mark(-58, "clock_paused", "r1", **clock_snapshot(120, 0, False)),
    ]
    assert where_it_was(marks, ROUNDS).elapsed_at(T0) == 120.0


def test_a_round_left_is_not_live_once_another_is() -> None:
    marks = [
        mark(0, "round_live", "r3"),
        mark(1, "round_started", "r3", **clock_snapshot(0, 0, True)),
        mark(2, "round_ended", "r3", elapsed_seconds=60.0),
        mark(2, "round_live", "r2"),
    ]
    where = where_it_was(marks, ROUNDS)
    assert (where.round_id, where.started, where.running) == ("r2", False, False)


def test_an_older_file_without_snapshots_is_replayed_from_its_times() -> None:
    marks = [
        mark(0, "projector", None, item="round:0"),
        mark(1, "round_started", "r2", planned_seconds=900.0),
        mark(3, "clock_paused", "r2"),
        mark(5, "clock_resumed", "r2"),
        mark(6, "clock_adjusted", "r2", seconds=-60.0),
    ]
    where = where_it_was(marks, ROUNDS)
    assert (where.round_id, where.running, where.adjustment) == ("r2", True, -60.0)
    assert where.elapsed_at(T0 + timedelta(minutes=8)) == pytest.approx(300.0)


def test_a_round_no_longer_in_the_plan_is_not_put_back() -> None:
    marks = [mark(0, "round_live", "gone")]
    assert where_it_was(marks, ROUNDS) == WhereItWas()


def test_time_never_runs_backwards_after_a_clock_set_back() -> None:
    marks = [mark(10, "round_started", "r1", **clock_snapshot(0, 0, True))]
    assert where_it_was(marks, ROUNDS).elapsed_at(T0) == 0.0
