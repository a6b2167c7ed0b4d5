"""The round clock: counts a round down against a monotonic time source.

Everything is computed from the time source (elapsed = running time between start/pause
marks), never by adding up ticks, so a late or missed tick cannot make the clock drift.
The caller asks ``reading()`` for what to show, ``poll()`` for events that became due
(warnings, zero, auto-advance; each reported once), and ``next_boundary_in()`` for when
the shown seconds change next, so a UI timer can fire exactly then instead of polling.

The shown number is ``ceil(remaining)``: a 15-minute round shows 15:00 at the start and
14:59 one second later, 0:00 from the moment time is up for one second, then +0:01, ...
Warnings and zero therefore land on a second boundary when their thresholds are whole
seconds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import StrEnum

from msgspec import Struct

TimeSource = Callable[[], float]

DEFAULT_AMBER = 120.0
DEFAULT_RED = 30.0
DEFAULT_ADVANCE_AFTER = 5.0  # overtime seconds before auto-advance, so the chime is heard


class Phase(StrEnum):
    READY = "ready"  # loaded, not started
    RUNNING = "running"
    PAUSED = "paused"
    AMBER = "amber"  # running, at or below the amber threshold
    RED = "red"  # running, at or below the red threshold
    OVERTIME = "overtime"  # running, time is up
    FINISHED = "finished"  # ended (finished or skipped)


class Zone(StrEnum):
    """The colour the clock is shown in, whatever the phase (a paused clock keeps it)."""

    NORMAL = "normal"
    AMBER = "amber"
    RED = "red"
    OVERTIME = "overtime"


class EventKind(StrEnum):
    AMBER = "amber"
    RED = "red"
    ZERO = "zero"  # time is up: chime and flash
    ADVANCE = "advance"  # auto-advance is on and the grace after zero has passed


class ClockEvent(Struct, frozen=True):
    kind: EventKind
    due_at: float  # time-source value when it became due (to measure how late it was acted on)


class Reading(Struct, frozen=True):
    remaining: float  # seconds; negative in overtime
    elapsed: float  # seconds the clock has run
    total: float  # seconds, the planned duration with adjustments
    planned: float  # seconds, as planned
    phase: Phase
    zone: Zone
    overtime: float  # seconds past zero, 0 before
    text: str  # "14:59", "0:00", "+0:12"
    shown_seconds: int  # the number the text shows: ceil(remaining)

    @property
    def fraction_left(self) -> float:
        """For a disc that empties: 1.0 at the start, 0.0 at zero and after."""
        if self.total <= 0:
            return 0.0
        return min(1.0, max(0.0, self.remaining / self.total))

    @property
    def running(self) -> bool:
        return self.phase in (Phase.RUNNING, Phase.AMBER, Phase.RED, Phase.OVERTIME)

    @property
    def adjustment(self) -> float:
        """Seconds added (positive) or taken (negative) by the facilitator."""
        return self.total - self.planned


def format_seconds(shown: int) -> str:
    """``900`` -> ``15:00``, ``0`` -> ``0:00``, ``-12`` -> ``+0:12``, ``3725`` -> ``1:02:05``."""
    sign = "+" if shown < 0 else ""
    s = abs(shown)
    hours, rest = divmod(s, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes}:{seconds:02d}"


# A moment this close before a boundary counts as past it, so a timer that fires a hair
# early (timers round to whole milliseconds) still sees the change it was set for.
EARLY = 0.001


def _shown(remaining: float) -> int:
    return math.ceil(remaining - EARLY)


class RoundClock:
    """One round's countdown. Reusable: ``load()`` the next round's duration."""

    def __init__(
        self,
        seconds: float,
        now: TimeSource = time.monotonic,
        *,
        amber_at: float = DEFAULT_AMBER,
        red_at: float = DEFAULT_RED,
        auto_advance: bool = False,
        advance_after: float = DEFAULT_ADVANCE_AFTER,
    ) -> None:
        self._now = now
        self.amber_at = amber_at
        self.red_at = red_at
        self.auto_advance = auto_advance
        self.advance_after = advance_after
        self.load(seconds)

    # ------------------------------------------------------------------ state

    def load(self, seconds: float) -> None:
        """Put a round on the clock, ready to start."""
        self._planned = max(0.0, float(seconds))
        self._total = self._planned
        self._banked = 0.0  # running time before the current run
        self._run_since: float | None = None  # time-source value of the last start/resume
        self._started = False
        self._finished = False
        self._changed_at = self._now()
        self._fired: set[EventKind] = set()

    def _elapsed(self, now: float) -> float:
        if self._run_since is None:
            return self._banked
        return self._banked + (now - self._run_since)

    @property
    def is_running(self) -> bool:
        return self._run_since is not None

    @property
    def is_started(self) -> bool:
        return self._started

    @property
    def is_finished(self) -> bool:
        return self._finished

    def start(self) -> None:
        """Start, or resume after a pause. No effect when running or finished."""
        if self._finished or self._run_since is not None:
            return
        now = self._now()
        self._run_since = now
        self._started = True
        self._changed_at = now

    resume = start

    def pause(self) -> None:
        if self._run_since is None:
            return
        now = self._now()
        self._banked += now - self._run_since
        self._run_since = None
        self._changed_at = now

    def toggle(self) -> None:
        """Space: start, pause or resume."""
        if self._run_since is None:
            self.start()
        else:
            self.pause()

    def adjust(self, seconds: float) -> None:
        """Add (positive) or take (negative) time.

        Taking time never pushes a running round past zero (it stops at zero, which chimes)
        and does nothing once it is over; before the start a round keeps at least a minute.
        """
        if self._finished:
            return
        now = self._now()
        elapsed = self._elapsed(now)
        if seconds >= 0:
            self._total += seconds
        elif not self._started:
            self._total = max(self._total + seconds, min(self._total, 60.0))
        elif self._total - elapsed > 0:
            self._total = max(self._total + seconds, elapsed)
        self._changed_at = now
        self._rearm(self._total - elapsed)

    def add_minute(self) -> None:
        self.adjust(60.0)

    def take_minute(self) -> None:
        self.adjust(-60.0)

    def reset(self) -> None:
        """Back to the planned time, ready to start again."""
        self.load(self._planned)

    def restart(self) -> None:
        """The round from the top, running."""
        self.reset()
        self.start()

    def finish(self) -> None:
        """End the round (finished or skipped); the reading freezes."""
        if self._finished:
            return
        self.pause()
        self._finished = True

    skip = finish

    def restore(self, elapsed: float, *, adjustment: float = 0.0, running: bool) -> None:
        """Put back a started round as it was (the app reopened mid-round): it has run
        ``elapsed`` seconds, with ``adjustment`` seconds added or taken, and runs on from
        now if it was running. Warnings and zero already passed are not given again."""
        now = self._now()
        self._total = max(0.0, self._planned + adjustment)
        self._banked = max(0.0, elapsed)
        self._run_since = now if running else None
        self._started = True
        self._finished = False
        self._changed_at = now
        remaining = self._total - self._banked
        self._fired = {k for k, at in self._thresholds() if remaining - EARLY <= at}
        if remaining - EARLY <= -self.advance_after:
            self._fired.add(EventKind.ADVANCE)

    def set_thresholds(self, amber_at: float, red_at: float) -> None:
        self.amber_at = amber_at
        self.red_at = red_at
        self._rearm(self._total - self._elapsed(self._now()))

    # ------------------------------------------------------------------ reading

    def _thresholds(self) -> list[tuple[EventKind, float]]:
        """Warnings that apply: one set at or above the round's length would be on from the
        start, which warns of nothing, so it is left out."""
        out = []
        if 0 < self.amber_at < self._total and self.amber_at > self.red_at:
            out.append((EventKind.AMBER, self.amber_at))
        if 0 < self.red_at < self._total:
            out.append((EventKind.RED, self.red_at))
        out.append((EventKind.ZERO, 0.0))
        return out

    def _zone(self, remaining: float) -> Zone:
        if remaining - EARLY <= 0 and self._started:
            return Zone.OVERTIME
        zone = Zone.NORMAL
        for kind, threshold in self._thresholds():
            if kind is not EventKind.ZERO and remaining - EARLY <= threshold:
                zone = Zone.RED if kind is EventKind.RED else Zone.AMBER
        return zone

    def _rearm(self, remaining: float) -> None:
        """Time added back above a threshold makes its warning fire again when crossed."""
        for kind, threshold in self._thresholds():
            if remaining > threshold:
                self._fired.discard(kind)
        if remaining > -self.advance_after:
            self._fired.discard(EventKind.ADVANCE)

    def reading(self, ahead: float = 0.0) -> Reading:
        """What to show now, or ``ahead`` seconds from now (a UI that repaints a few ms
        before a boundary, so the new second is on screen at the boundary)."""
        now = self._now() + (ahead if self._run_since is not None else 0.0)
        elapsed = self._elapsed(now)
        remaining = self._total - elapsed
        zone = self._zone(remaining)
        if self._finished:
            phase = Phase.FINISHED
        elif not self._started:
            phase = Phase.READY
        elif self._run_since is None:
            phase = Phase.PAUSED
        else:
            phase = {
                Zone.NORMAL: Phase.RUNNING,
                Zone.AMBER: Phase.AMBER,
                Zone.RED: Phase.RED,
                Zone.OVERTIME: Phase.OVERTIME,
            }[zone]
        shown = _shown(remaining)
        return Reading(
            remaining=remaining,
            elapsed=elapsed,
            total=self._total,
            planned=self._planned,
            phase=phase,
            zone=zone,
            overtime=max(0.0, -remaining),
            text=format_seconds(shown),
            shown_seconds=shown,
        )

    def poll(self, ahead: float = 0.0) -> tuple[ClockEvent, ...]:
        """Events that became due since the last poll (or will be ``ahead`` seconds from
        now), in order; each is reported once."""
        if self._run_since is None or self._finished:
            return ()
        now = self._now() + ahead
        remaining = self._total - self._elapsed(now)
        events: list[ClockEvent] = []
        for kind, threshold in self._thresholds():
            if kind not in self._fired and remaining - EARLY <= threshold:
                self._fired.add(kind)
                events.append(ClockEvent(kind, self._due(now, remaining, threshold)))
        if (
            self.auto_advance
            and EventKind.ADVANCE not in self._fired
            and remaining - EARLY <= -self.advance_after
        ):
            self._fired.add(EventKind.ADVANCE)
            due = self._due(now, remaining, -self.advance_after)
            events.append(ClockEvent(EventKind.ADVANCE, due))
        return tuple(events)

    def _due(self, now: float, remaining: float, threshold: float) -> float:
        """When the clock crossed ``threshold``: in the past by how far it is beyond it, but
        never before the last start or adjustment (which may have jumped across it)."""
        return max(now - (threshold - remaining), self._changed_at)

    def next_boundary_in(self, after: float = 0.0) -> float | None:
        """Seconds from now until the shown seconds (or an event) next change, counting
        only changes later than ``after`` seconds from now; None when stopped."""
        if self._run_since is None or self._finished:
            return None
        remaining = self._total - self._elapsed(self._now() + after)
        wait = remaining - _shown(remaining) + 1.0
        if self.auto_advance and EventKind.ADVANCE not in self._fired:
            until_advance = remaining + self.advance_after
            if 0 < until_advance < wait:
                wait = until_advance
        return after + wait
