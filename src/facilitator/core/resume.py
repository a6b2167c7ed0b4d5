"""Where the session was: the live round and its clock, read back from the event's timeline.

After a crash (or any reopen) the event carries on where it was. Nothing but the timeline
is needed: the clock driver records every change of the live round (``round_live``) and
every action on its clock, each with the clock as it stood (``elapsed_seconds``,
``adjusted_seconds``, ``running``). Replaying those records, in the order they were saved,
gives the live round, whether its clock had started, was running or paused, how long it
had run, and the minutes added or taken. A clock that was running has run on since the
last record, by the wall clock (the only clock that outlives the app).

Older files, whose records carry no clock snapshot, are replayed from the records' times.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from msgspec import Struct
from msgspec.structs import replace

ROUND_LIVE = "round_live"  # the live round changed (its clock is loaded, ready)
ROUND_STARTED = "round_started"
ROUND_ENDED = "round_ended"
CLOCK_PAUSED = "clock_paused"
CLOCK_RESUMED = "clock_resumed"
CLOCK_ADJUSTED = "clock_adjusted"
CLOCK_RESTARTED = "clock_restarted"
TIME_UP = "time_up"
CLOCK_KINDS = frozenset(
    {
        ROUND_STARTED,
        ROUND_ENDED,
        CLOCK_PAUSED,
        CLOCK_RESUMED,
        CLOCK_ADJUSTED,
        CLOCK_RESTARTED,
        TIME_UP,
    }
)


class Mark(Protocol):
    """A timeline record as the store hands it out (``TimelineEntry``)."""

    @property
    def at(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def round_id(self) -> str | None: ...

    @property
    def detail(self) -> Mapping[str, Any]: ...


class WhereItWas(Struct, frozen=True):
    """The live round and its clock as of the last record (``at``)."""

    round_id: str | None = None  # None: nothing recorded (the first round is live)
    started: bool = False
    running: bool = False
    elapsed: float = 0.0  # seconds the clock had run at ``at``
    adjustment: float = 0.0  # seconds added (positive) or taken (negative)
    at: datetime | None = None

    def elapsed_at(self, now: datetime) -> float:
        """Seconds run by ``now``: a running clock ran on since the last record (never
        backwards, should the wall clock have been set back meanwhile)."""
        if not self.running or self.at is None:
            return self.elapsed
        return self.elapsed + max(0.0, (now - self.at).total_seconds())


def clock_snapshot(elapsed: float, adjustment: float, running: bool) -> dict[str, Any]:
    """What each clock record carries, so the clock can be put back as it was."""
    return {
        "elapsed_seconds": round(elapsed, 3),
        "adjusted_seconds": round(adjustment, 3),
        "running": running,
    }


def where_it_was(marks: Iterable[Mark], round_ids: Sequence[str]) -> WhereItWas:
    """Replay ``marks`` (in the order they were saved) for the rounds of the plan
    (``round_ids``); a round no longer in the plan is not put back."""
    state = WhereItWas()
    for mark in marks:
        if mark.kind == ROUND_LIVE:
            state = WhereItWas(mark.round_id, at=_time(mark.at))
        elif mark.kind in CLOCK_KINDS and mark.round_id is not None:
            if mark.round_id != state.round_id:
                state = WhereItWas(mark.round_id)
            state = _step(state, mark)
    if state.round_id not in round_ids:
        return WhereItWas()
    return state


def _step(state: WhereItWas, mark: Mark) -> WhereItWas:
    at = _time(mark.at)
    ran = state.elapsed_at(at)
    kind = mark.kind
    if kind in (ROUND_STARTED, CLOCK_RESTARTED):
        adjustment = 0.0 if kind == CLOCK_RESTARTED or state.started else state.adjustment
        state = WhereItWas(state.round_id, True, True, 0.0, adjustment, at)
    elif kind == CLOCK_PAUSED:
        state = replace(state, running=False, elapsed=ran, at=at)
    elif kind == CLOCK_RESUMED:
        state = replace(state, started=True, running=True, elapsed=ran, at=at)
    elif kind == CLOCK_ADJUSTED:
        seconds = mark.detail.get("seconds", 0.0)
        state = replace(state, adjustment=state.adjustment + _number(seconds), elapsed=ran, at=at)
    elif kind == ROUND_ENDED:
        # the round was left (a newer file says where to with round_live): it is put back
        # ready, not as a finished clock that would count on from where it stopped
        return WhereItWas(state.round_id, at=at)
    else:
        state = replace(state, elapsed=ran, at=at)
    return _snapshot(state, mark.detail)


def _snapshot(state: WhereItWas, detail: Mapping[str, Any]) -> WhereItWas:
    """The clock as the record says it stood: measured on the monotonic clock, so it holds
    however the wall clock jumped between the records."""
    if "elapsed_seconds" not in detail or "running" not in detail:
        return state
    return replace(
        state,
        elapsed=_number(detail["elapsed_seconds"]),
        adjustment=_number(detail.get("adjusted_seconds", state.adjustment)),
        running=bool(detail["running"]),
    )


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _time(iso: str) -> datetime:
    moment = datetime.fromisoformat(iso)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
