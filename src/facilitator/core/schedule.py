"""The run of show: when each round was planned to start and end, when it really did,
how late the event is running, and how to shorten what is left so it ends on time."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from msgspec import Struct
from msgspec.structs import replace

from facilitator.core.plan import Plan

DEFAULT_MINIMUM = 5.0  # minutes a shortened round keeps at least
# Within this of the planned end counts as on time: nobody needs "running 4 s late".
ON_TIME_SECONDS = 30.0


class RoundTimes(Struct, frozen=True):
    index: int
    title: str
    minutes: float
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None = None
    actual_end: datetime | None = None


class Lateness(Struct, frozen=True):
    """How the event's projected end compares with its planned end."""

    projected_end: datetime
    planned_end: datetime

    @property
    def seconds(self) -> float:
        """Positive when late, negative when ahead."""
        return (self.projected_end - self.planned_end).total_seconds()

    @property
    def is_late(self) -> bool:
        return self.seconds > ON_TIME_SECONDS

    @property
    def text(self) -> str:
        late = self.seconds
        if abs(late) <= ON_TIME_SECONDS:
            return "On time"
        minutes = max(1, round(abs(late) / 60))
        unit = "min"
        return f"Running {minutes} {unit} late" if late > 0 else f"{minutes} {unit} ahead"


class RunOfShow(Struct, frozen=True):
    """Planned times from the event's start, with the actual times as they happen."""

    rounds: tuple[RoundTimes, ...]

    @classmethod
    def from_plan(cls, plan: Plan, start: datetime) -> RunOfShow:
        return cls.from_minutes([(r.title, r.minutes) for r in plan.rounds], start)

    @classmethod
    def from_minutes(cls, rounds: Sequence[tuple[str, float]], start: datetime) -> RunOfShow:
        out = []
        at = start
        for index, (title, minutes) in enumerate(rounds):
            end = at + timedelta(minutes=minutes)
            out.append(RoundTimes(index, title, minutes, at, end))
            at = end
        return cls(tuple(out))

    @property
    def planned_start(self) -> datetime | None:
        return self.rounds[0].planned_start if self.rounds else None

    @property
    def planned_end(self) -> datetime | None:
        return self.rounds[-1].planned_end if self.rounds else None

    def started(self, index: int, at: datetime) -> RunOfShow:
        return self._with(index, actual_start=at, actual_end=None)

    def ended(self, index: int, at: datetime) -> RunOfShow:
        return self._with(index, actual_end=at)

    def with_minutes(self, minutes: Sequence[float], first: int) -> RunOfShow:
        """Rounds from ``first`` on take new lengths (after a rebalance). Planned times stay:
        they are what was promised; the projection uses the new lengths."""
        rounds = list(self.rounds)
        for offset, value in enumerate(minutes):
            rounds[first + offset] = replace(rounds[first + offset], minutes=value)
        return RunOfShow(tuple(rounds))

    def _with(self, index: int, **changes: datetime | None) -> RunOfShow:
        rounds = list(self.rounds)
        rounds[index] = replace(rounds[index], **changes)
        return RunOfShow(tuple(rounds))

    def lateness(self, now: datetime, current: int, remaining_seconds: float) -> Lateness:
        """Where the event will end if the current round runs its remaining time (nothing
        if it is already over) and every later round runs its length."""
        planned_end = self.planned_end or now
        later = [r.minutes for r in self.rounds[current + 1 :]]
        return Lateness(projected_end(now, remaining_seconds, later), planned_end)

    def minutes_available(self, now: datetime, current: int, remaining_seconds: float) -> float:
        """Minutes left for the rounds after ``current`` if the event is to end on time."""
        end_of_current = now + timedelta(seconds=max(0.0, remaining_seconds))
        planned_end = self.planned_end or end_of_current
        return max(0.0, (planned_end - end_of_current).total_seconds() / 60.0)

    def shorten_remaining(
        self,
        now: datetime,
        current: int,
        remaining_seconds: float,
        minimum: float = DEFAULT_MINIMUM,
        step: float = 1.0,
    ) -> tuple[float, ...]:
        """New lengths for the rounds after ``current`` so the event ends on time."""
        later = [r.minutes for r in self.rounds[current + 1 :]]
        available = self.minutes_available(now, current, remaining_seconds)
        return rebalance(later, available, minimum, step)


def projected_end(now: datetime, remaining_seconds: float, later: Sequence[float]) -> datetime:
    return now + timedelta(seconds=max(0.0, remaining_seconds) + 60.0 * sum(later))


def rebalance(
    minutes: Sequence[float],
    available: float,
    minimum: float = DEFAULT_MINIMUM,
    step: float = 1.0,
) -> tuple[float, ...]:
    """Shrink rounds in proportion so they fit in ``available`` minutes.

    Rounds never grow; none goes below ``minimum`` (a round already shorter keeps its
    length); the results are whole multiples of ``step`` minutes where the minimum allows,
    and a longer round never ends up shorter than a shorter one. When even the minimums do
    not fit, every round gets its minimum: the event ends as early as it can.
    """
    lengths = [float(m) for m in minutes]
    if sum(lengths) <= available + 1e-9:
        return tuple(lengths)
    floors = [min(m, minimum) for m in lengths]
    if sum(floors) >= available:
        return tuple(floors)

    # Water-filling: rounds whose share would fall under their floor sit on it; the others
    # share what is left in proportion to their planned length.
    pinned = [False] * len(lengths)
    while True:
        free = sum(m for m, p in zip(lengths, pinned, strict=True) if not p)
        budget = available - sum(f for f, p in zip(floors, pinned, strict=True) if p)
        scale = budget / free if free > 0 else 0.0
        newly = [i for i, m in enumerate(lengths) if not pinned[i] and m * scale < floors[i]]
        if not newly:
            break
        for i in newly:
            pinned[i] = True
    exact = [floors[i] if pinned[i] else lengths[i] * scale for i in range(len(lengths))]
    if step <= 0:
        return tuple(exact)

    # Whole steps: round down (never past the floor), then hand the spare steps to the
    # rounds that lost most to the rounding, longest first, while the total still fits.
    result = [max(floors[i], math.floor(x / step + 1e-9) * step) for i, x in enumerate(exact)]
    spare = available - sum(result)
    order = sorted(range(len(lengths)), key=lambda i: (-(exact[i] - result[i]), -lengths[i], i))
    for i in order:
        if spare + 1e-9 < step:
            break
        if exact[i] - result[i] > 1e-9 and result[i] + step <= lengths[i] + 1e-9:
            result[i] += step
            spare -= step
    return tuple(result)
