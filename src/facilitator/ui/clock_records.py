"""The clock's record of the event: each round's planned and actual times, the timeline,
and how late the event runs (and the plan that would end it on time)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace

from facilitator.core.changes import CLOCK
from facilitator.core.clock import Reading, RoundClock
from facilitator.core.plan import Plan
from facilitator.core.records import RoundInfo
from facilitator.core.resume import ROUND_LIVE, clock_snapshot
from facilitator.core.schedule import Lateness, projected_end, rebalance
from facilitator.store import operations as ops
from facilitator.ui.controller import EventController

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance


class ClockRecords:
    """What the clock driver writes to the event file and works out from the plan."""

    if TYPE_CHECKING:
        controller: EventController
        clock: RoundClock
        lateness: Lateness | None
        lateness_changed: SignalInstance
        _round_id: str | None
        _round_planned: float
        _planned_end: datetime | None

        def local_now(self) -> datetime: ...

        @property
        def minimum_round_minutes(self) -> float: ...

    def _read_planned_end(self) -> datetime | None:
        rounds = self.controller.rounds
        if not rounds or not rounds[-1].planned_end:
            return None
        return datetime.fromisoformat(rounds[-1].planned_end)

    # -- running late ----------------------------------------------------------------------

    def rounds_after(self) -> list[RoundInfo]:
        index = self.controller.live_round_index()
        return self.controller.rounds[index + 1 :] if index >= 0 else []

    def shortened_plan(self) -> Plan | None:
        """The plan with the rounds after this one shortened to end on time; None if the
        event is not late or nothing is left to shorten."""
        later = self.rounds_after()
        if self._planned_end is None or not later:
            return None
        reading = self.clock.reading()
        now = self.local_now()
        end_of_current = now + timedelta(seconds=max(0.0, reading.remaining))
        available = (self._planned_end - end_of_current).total_seconds() / 60.0
        minutes = [r.round.minutes for r in later]
        new = rebalance(minutes, max(0.0, available), self.minimum_round_minutes)
        if list(new) == minutes:
            return None
        first = len(self.controller.rounds) - len(later)
        rounds = list(self.controller.plan.rounds)
        for offset, value in enumerate(new):
            rounds[first + offset] = replace(rounds[first + offset], minutes=value)
        return Plan(self.controller.plan.title, tuple(rounds))

    def _update_lateness(self, reading: Reading) -> None:
        if self._planned_end is None:
            lateness = None
        else:
            later = [r.round.minutes for r in self.rounds_after()]
            remaining = 0.0 if self.clock.is_finished else reading.remaining
            projected = projected_end(self.local_now(), remaining, later)
            lateness = Lateness(projected, self._planned_end)
        before = self.lateness
        self.lateness = lateness
        if (before and before.text) != (lateness and lateness.text):
            self.lateness_changed.emit(lateness)

    # -- the timeline ------------------------------------------------------------------------

    def _end_round(self) -> None:
        """The live round is left: record its end if it ran."""
        if self._round_id is None or not self.clock.is_started:
            return
        reading = self.clock.reading()
        self.clock.finish()
        self._set_times(self._round_id, actual_end=self.local_now())
        self._record(
            "round_ended",
            {
                "elapsed_seconds": round(reading.elapsed, 3),
                "overtime_seconds": round(reading.overtime, 3),
            },
        )

    def _round_started(self) -> None:
        live = self.controller.live_round
        if live is None:
            return
        now = self.local_now()
        if self._planned_end is None:
            self._plan_times(now)
        stored = next((r for r in self.controller.rounds if r.id == live.id), live)
        if stored.actual_start is None:
            self._set_times(live.id, actual_start=now)
        self._record("round_started", {"planned_seconds": self._round_planned})

    def _plan_times(self, start_of_live: datetime) -> None:
        """The first start of the event fixes the planned times of every round."""
        index = max(0, self.controller.live_round_index())
        rounds = self.controller.rounds
        at = start_of_live - timedelta(minutes=sum(r.round.minutes for r in rounds[:index]))
        for r in rounds:
            end = at + timedelta(minutes=r.round.minutes)
            self._set_times(r.id, planned_start=at, planned_end=end)
            at = end
        self._planned_end = at

    # Every record is submitted to the writer thread (the UI never waits on the disk); the
    # one writer runs them in the order they were made, and a failure is said through the
    # service's ``failed`` (store_error).

    def _set_times(self, round_id: str, **times: datetime) -> None:
        values = {k: v.isoformat() for k, v in times.items()}
        self.controller.service.submit(
            lambda s: ops.set_round_times(s, round_id, origin=CLOCK, **values), entry=False
        )
        self.controller.rounds = [
            _with_times(r, values) if r.id == round_id else r for r in self.controller.rounds
        ]

    def _record(self, kind: str, detail: dict[str, Any] | None = None) -> None:
        """A timeline record; a clock's carries the clock as it stands (core/resume.py). It
        is stamped now, though the writer may save it later."""
        if kind != ROUND_LIVE:
            r = self.clock.reading()
            detail = {**(detail or {}), **clock_snapshot(r.elapsed, r.adjustment, r.running)}
        round_id = self._round_id
        at = self.controller.store.now()
        self.controller.service.submit(
            lambda s: ops.add_timeline(
                s, kind, round_id=round_id, detail=detail, at=at, origin=CLOCK
            ),
            entry=False,
        )

    def _save_setting(self, key: str, value: Any) -> None:
        self.controller.service.submit(
            lambda s: ops.set_setting(s, key, value, origin=CLOCK), entry=False
        )


def _with_times(info: RoundInfo, values: dict[str, str]) -> RoundInfo:
    return replace(info, **values)
