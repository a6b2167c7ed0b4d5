"""Runs the live round's clock: exact second boundaries, the chime, the timeline.

The driver owns the core :class:`RoundClock` of the live round. Instead of polling, it sets
one single-shot precise timer to the moment the shown seconds change next, so each change
lands on the true second boundary however long the round; a late or early wake-up never
accumulates, because every reading is computed from the monotonic clock.

At zero it chimes (ui/chime.py) and flashes the projector's clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QTimer,
    Signal,
)

from facilitator.core.clock import EARLY, ClockEvent, EventKind, Phase, Reading, RoundClock
from facilitator.core.projector_state import ClockFace, ClockPhase
from facilitator.core.records import RoundInfo
from facilitator.core.resume import ROUND_LIVE
from facilitator.core.schedule import Lateness
from facilitator.core.settings import (
    CLOCK_AMBER,
    CLOCK_AUTO_ADVANCE,
    CLOCK_CHIME_FILE,
    CLOCK_CHIME_VOLUME,
    CLOCK_MINIMUM_MINUTES,
    CLOCK_RED,
)
from facilitator.ui.chime import Chime, bundled_chime
from facilitator.ui.clock_records import ClockRecords
from facilitator.ui.controller import EventController

log = logging.getLogger(__name__)

# Settings kept in the event file, with their defaults.

# The new second is computed and painted a little before its boundary, by about what
# publishing and repainting take (learnt as it runs, within these bounds), so that it
# reaches the screen on the boundary.
MIN_LEAD, START_LEAD, MAX_LEAD = 0.002, 0.004, 0.030
# The timer wakes this long before the repaint is due, and the driver then naps 1 ms at a
# time: a long sleep on a loaded 2-core machine ends up to ~16 ms late (whole 4 ms
# scheduler ticks), short naps do not. Costs well under 1% of a core.
SPIN = 0.020

# The zero flash is on for the first and third shown second of overtime: it blinks on the
# second boundaries the clock repaints at anyway, with no timer of its own.
FLASH_SECONDS = (0, -2)

_PHASES = {
    Phase.READY: ClockPhase.READY,
    Phase.RUNNING: ClockPhase.RUNNING,
    Phase.PAUSED: ClockPhase.PAUSED,
    Phase.AMBER: ClockPhase.AMBER,
    Phase.RED: ClockPhase.RED,
    Phase.OVERTIME: ClockPhase.OVERTIME,
    Phase.FINISHED: ClockPhase.PAUSED,
}


def wall_now() -> datetime:
    return datetime.now().astimezone()


def face_of(reading: Reading) -> ClockFace:
    return ClockFace(
        text=reading.text,
        fraction_left=reading.fraction_left,
        phase=_PHASES[reading.phase],
        flash=reading.running and reading.shown_seconds in FLASH_SECONDS,
    )


class ClockDriver(ClockRecords, QObject):
    reading_changed = Signal(object)  # Reading: at each change of the shown seconds or action
    face_published = Signal()  # the controller has the new clock face (time to repaint)
    clock_event = Signal(object)  # ClockEvent: amber, red, zero, advance
    chimed = Signal(float, bool)  # (seconds from zero to the chime's start, whether it played)
    sound_changed = Signal(bool, str)  # (available, sentence for the console)
    lateness_changed = Signal(object)  # Lateness | None (None before the event starts)

    def __init__(
        self,
        controller: EventController,
        *,
        now: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = wall_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or controller)
        self.controller = controller
        self._now = now
        self._wall = wall
        # Times shown (and planned, late or ahead) are local clock times derived from the
        # monotonic clock, anchored to the wall clock once: a jump of the wall clock (the
        # laptop syncs or changes zone) moves no round and makes no event late.
        self._anchor = (wall(), now())
        store = controller.store
        self.clock = RoundClock(
            self._round_seconds(controller.live_round),
            now,
            amber_at=CLOCK_AMBER.read(store),
            red_at=CLOCK_RED.read(store),
            auto_advance=CLOCK_AUTO_ADVANCE.read(store),
        )
        self._round_id = controller.live_round.id if controller.live_round else None
        self._round_planned = self._round_seconds(controller.live_round)
        resumed = getattr(controller, "resumed", None)
        if resumed is not None and resumed.started and resumed.round_id == self._round_id:
            # reopened mid-round: the clock as it was, run on since its last record
            self.clock.restore(
                resumed.elapsed_at(self._anchor[0]),
                adjustment=resumed.adjustment,
                running=resumed.running,
            )
            reading = self.clock.reading()
            log.info(
                "reopened in round %d: %s left (%.1f s), %s",
                controller.live_round_index() + 1,
                reading.text,
                reading.remaining,
                "running" if reading.running else "paused",
            )
        self._last_shown: tuple[int, Phase] | None = None
        self._planned_end = self._read_planned_end()
        self.lateness: Lateness | None = None
        self.reading: Reading = self.clock.reading()

        self._lead = START_LEAD
        self._in_tick = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)

        self.chime = Chime(self)
        self.chime.volume = CLOCK_CHIME_VOLUME.read(store)
        self._minimum_minutes: float = CLOCK_MINIMUM_MINUTES.read(store)
        chosen = CLOCK_CHIME_FILE.read(store)
        if isinstance(chosen, str) and Path(chosen).is_file():
            self.chime.path = Path(chosen)
        self.chime.on_change = lambda: self.sound_changed.emit(
            self.chime.available, self.chime.message
        )

        controller.live_round_changed.connect(self._live_round_changed)
        controller.plan_changed.connect(self._plan_changed)
        self._after_action()  # shows the clock, and keeps a reopened running one going

    # -- set-up ----------------------------------------------------------------------------

    def probe_sound(self) -> None:
        """Look for an audio output and preload the chime (call once the UI is up)."""
        self.chime.probe()

    @staticmethod
    def _round_seconds(round_info: RoundInfo | None) -> float:
        return round_info.round.minutes * 60.0 if round_info else 0.0

    def local_now(self) -> datetime:
        """The local clock time now, on the monotonic clock (see ``_anchor``)."""
        wall, mono = self._anchor
        return wall + timedelta(seconds=self._now() - mono)

    # -- actions (keys and buttons) ---------------------------------------------------------

    def toggle(self) -> None:
        """Space: start, pause or resume the live round's clock."""
        if self.controller.live_round is None:
            return
        was_started = self.clock.is_started
        was_running = self.clock.is_running
        if self.clock.is_finished:
            self.clock.reset()
            was_started = False
        self.clock.toggle()
        if not was_started:
            self._round_started()
        else:
            self._record("clock_paused" if was_running else "clock_resumed")
        self._after_action()

    def start(self) -> None:
        if not self.clock.is_running:
            self.toggle()

    def pause(self) -> None:
        if self.clock.is_running:
            self.toggle()

    def add_minute(self) -> None:
        self._adjust(60.0)

    def take_minute(self) -> None:
        self._adjust(-60.0)

    def _adjust(self, seconds: float) -> None:
        if self.controller.live_round is None:
            return
        before = self.clock.reading().total
        self.clock.adjust(seconds)
        change = self.clock.reading().total - before
        if change:
            self._record("clock_adjusted", {"seconds": change})
        self._after_action()

    def restart(self) -> None:
        if self.controller.live_round is None:
            return
        self.clock.restart()
        self._record("clock_restarted")
        self._after_action()

    def next_round(self) -> None:
        """Ctrl+Right: finish this round and put the next one on the clock."""
        self._step(+1, start=False)

    def previous_round(self) -> None:
        self._step(-1, start=False)

    def _step(self, delta: int, *, start: bool) -> None:
        index = self.controller.live_round_index()
        target = index + delta
        if not 0 <= target < len(self.controller.rounds):
            return
        self.controller.go_to_round(target)  # -> _live_round_changed
        if start:
            self.start()

    def set_thresholds(self, amber: float, red: float) -> None:
        self.clock.set_thresholds(amber, red)
        self._save_setting(CLOCK_AMBER.key, amber)
        self._save_setting(CLOCK_RED.key, red)
        self._after_action()

    def set_auto_advance(self, on: bool) -> None:
        self.clock.auto_advance = on
        self._save_setting(CLOCK_AUTO_ADVANCE.key, on)
        self._after_action()

    def set_volume(self, volume: float) -> None:
        self.chime.set_volume(volume)
        self._save_setting(CLOCK_CHIME_VOLUME.key, self.chime.volume)

    def set_chime_file(self, path: Path | None) -> None:
        """Another WAV for the chime (None: the bundled one); raises InputError if unusable."""
        self.chime.set_file(path or bundled_chime())
        self._save_setting(CLOCK_CHIME_FILE.key, str(path) if path else None)
        self.sound_changed.emit(self.chime.available, self.chime.message)

    def test_chime(self) -> bool:
        return self.chime.play()

    @property
    def minimum_round_minutes(self) -> float:
        return self._minimum_minutes  # as set: the writer may not have saved it yet

    def set_minimum_round_minutes(self, minutes: float) -> None:
        self._minimum_minutes = minutes
        self._save_setting(CLOCK_MINIMUM_MINUTES.key, minutes)

    # -- the timer -------------------------------------------------------------------------

    def _after_action(self) -> None:
        self._publish(self.clock.reading(), force=True)
        events = self.clock.poll()
        for event in events:
            if event.kind is EventKind.ZERO:
                self._chime(event)
        self._handle(events)
        self._schedule()

    def _schedule(self, after: float = 0.0) -> None:
        wait = self.clock.next_boundary_in(after)
        if wait is None:
            self._timer.stop()
            return
        self._timer.start(max(0, int((wait - self._lead - SPIN) * 1000)))

    def refresh(self) -> None:
        """Show the clock as it is now and act on what fell due (the timer calls this)."""
        if self._in_tick:
            return
        self._in_tick = True
        try:
            self._tick()
        finally:
            self._in_tick = False

    def _tick(self) -> None:
        wait = self.clock.next_boundary_in()
        if wait is None:
            return
        if self._lead + EARLY < wait <= self._lead + SPIN + EARLY * 5:
            self._wait_out(wait - self._lead)
            wait = self.clock.next_boundary_in()
            if wait is None:
                return
        # Within the lead of the boundary: show the coming second now, so that it is on
        # the screen when the boundary comes.
        ahead = wait if wait <= self._lead + EARLY else 0.0
        reading = self.clock.reading(ahead)
        events = self.clock.poll(ahead)
        if events and any(e.kind is EventKind.ZERO for e in events):
            self._chime(next(e for e in events if e.kind is EventKind.ZERO))
        if self._last_shown != (reading.shown_seconds, reading.phase):
            started = time.perf_counter()
            self._publish(reading)
            self._learn_lead(time.perf_counter() - started)
        self._handle(events)
        self._schedule(after=ahead)  # woke up too early: this sleeps the rest

    def _wait_out(self, seconds: float) -> None:
        """The last ms before a repaint is due: wake up every millisecond (handling events)
        instead of one long sleep, which a loaded machine ends up to ~16 ms late."""
        target = self._now() + seconds
        give_up = time.monotonic() + SPIN + 0.01  # a fake time source never gets there
        while self._now() < target and time.monotonic() < give_up:
            if target - self._now() > 0.004:  # room for events: the UI stays responsive
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
            # Short sleeps, not a busy loop: a busy thread on a loaded machine gets
            # preempted for whole scheduler ticks; one that keeps waking up briefly does not.
            time.sleep(min(0.001, max(0.0, target - self._now())))

    def _learn_lead(self, took: float) -> None:
        """How long publishing (and the projector's repaint) takes: the new second is
        computed that long before its boundary, so it reaches the screen on time."""
        self._lead = min(MAX_LEAD, max(MIN_LEAD, 0.7 * self._lead + 0.3 * took))

    def _publish(self, reading: Reading, *, force: bool = False) -> None:
        self.reading = reading
        key = (reading.shown_seconds, reading.phase)
        changed = key != self._last_shown
        self._last_shown = key
        if changed or force:
            self.controller.set_clock_face(face_of(reading))
            self.face_published.emit()
            self.reading_changed.emit(reading)
            self._update_lateness(reading)

    def _chime(self, event: ClockEvent) -> None:
        played = self.chime.play()
        self.chimed.emit(self._now() - event.due_at, played)

    def _handle(self, events: tuple[ClockEvent, ...]) -> None:
        for event in events:
            if event.kind is EventKind.ZERO:
                self._record("time_up")
            self.clock_event.emit(event)
            if event.kind is EventKind.ADVANCE:
                self._step(+1, start=True)
                return

    # -- rounds and the timeline -----------------------------------------------------------

    def _live_round_changed(self, round_info: RoundInfo | None) -> None:
        new_id = round_info.id if round_info else None
        if new_id == self._round_id:
            return
        self._end_round()
        self._round_id = new_id
        self._round_planned = self._round_seconds(round_info)
        self.clock.load(self._round_planned)
        self._record(ROUND_LIVE)
        self._last_shown = None
        self._after_action()

    def _plan_changed(self) -> None:
        live = self.controller.live_round
        if live is None:
            self._round_id = None
            self.clock.load(0)
        elif live.id != self._round_id or not self.clock.is_started:
            if live.id != self._round_id:
                self._round_id = live.id
                self._record(ROUND_LIVE)
            self._round_planned = self._round_seconds(live)
            self.clock.load(self._round_planned)
        self._planned_end = self._read_planned_end() or self._planned_end
        self._last_shown = None
        self._after_action()
