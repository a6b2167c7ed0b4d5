"""The open event as the UI sees it: the store, the deck and plan, and change signals.

Widgets read the event here. Every change goes through ``controller.service`` (the event
service, ui/event_service.py), whose one ``changed(Changes)`` signal every view listens
to; the controller listens first, keeps its deck, plan, rounds and tables up to date, and
passes the change on as the finer signals below (``themes_changed``…), which views may use
instead. It holds no widgets, so panels can be tested against it alone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache

from msgspec.structs import replace
from PySide6.QtCore import QObject, Signal

from facilitator.core.changes import EDITOR, Changes
from facilitator.core.deck import Deck
from facilitator.core.plan import Plan
from facilitator.core.projector_state import ClockFace, ProjectorState, Slide
from facilitator.core.records import RoundInfo, TableInfo
from facilitator.core.resume import where_it_was
from facilitator.store import operations as ops
from facilitator.store.db import EventStore, StoreError
from facilitator.ui.event_service import EventService
from facilitator.ui.save_writer import Callback, SaveWriter
from facilitator.ui.views import card_images
from facilitator.ui.wall_source import Wall

log = logging.getLogger(__name__)
KEPT_IMAGES = 8  # card images kept in memory for repaints


class EventController(QObject):
    themes_changed = Signal()  # any entry added, edited, deleted, restored or hidden
    theme_saved = Signal(object)  # Theme, after it is committed
    picks_changed = Signal()
    deck_changed = Signal()
    plan_changed = Signal()
    event_changed = Signal()
    live_round_changed = Signal(object)  # RoundInfo | None
    projector_changed = Signal(object)  # ProjectorState, what the room sees now
    preview_changed = Signal(object)  # ProjectorState, what is staged to go live next
    store_error = Signal(str)  # a human sentence: a save failed, nothing was lost
    show_requested = Signal(object, bool)  # (Slide, live): a panel asks to put a slide up
    clock_face_changed = Signal(object)  # ClockFace of the live round, at each shown second
    closing = Signal()  # the event is about to close: stop background readers of the file

    def __init__(self, store: EventStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        # without image bytes: painters read an image when a slide shows it (card_images)
        self.deck: Deck = store.deck(images=False)
        # the last few kept for repaints (a spread shows several cards at once)
        self._stored_image = lru_cache(maxsize=KEPT_IMAGES)(store.card_image)
        card_images.use_source(self.card_image)
        self.plan: Plan = store.plan()
        self.rounds: list[RoundInfo] = store.rounds()
        self.tables: list[TableInfo] = store.tables()
        # the event reopens where it was: the live round (and its clock: see ClockDriver)
        self.resumed = where_it_was(store.timeline(saved_order=True), [r.id for r in self.rounds])
        self.live_round: RoundInfo | None = self.round(self.resumed.round_id) or (
            self.rounds[0] if self.rounds else None
        )
        self.projector_state: ProjectorState | None = None
        self.clock_face: ClockFace | None = None
        # every write runs through the service; its commits come back as changed(Changes)
        self.service = EventService(store, self)
        self.service.changed.connect(self._committed)  # first: the lookups follow, then views
        self.service.failed.connect(self.store_error)
        self.changed = self.service.changed
        # the theme wall's one owner: built off the UI thread, fresh while it is shown
        self.wall = Wall(self)

    @property
    def writer(self) -> SaveWriter:
        """The service's writer thread (saves of the live session run there)."""
        return self.service.writer

    # -- lookups ---------------------------------------------------------------------------

    def card_image(self, card_id: str) -> bytes | None:
        """A card's image from the event file; the last few are kept for repaints."""
        try:
            return self._stored_image(card_id)
        except StoreError:
            return None  # the file went away: the card is drawn without its picture

    def table(self, table_id: str | None) -> TableInfo | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def round(self, round_id: str | None) -> RoundInfo | None:
        return next((r for r in self.rounds if r.id == round_id), None)

    # -- changes ---------------------------------------------------------------------------

    def set_live_round(self, round_info: RoundInfo | None) -> None:
        self.live_round = round_info
        self.live_round_changed.emit(round_info)

    def go_to_round(self, index: int) -> None:
        """Make round ``index`` (clamped to the plan) the live round."""
        if self.rounds:
            self.set_live_round(self.rounds[max(0, min(index, len(self.rounds) - 1))])

    def live_round_index(self) -> int:
        live_id = self.live_round.id if self.live_round else None
        return next((i for i, r in enumerate(self.rounds) if r.id == live_id), -1)

    def show(self, slide: Slide, *, live: bool = True) -> None:
        """Ask for a slide on the projector (live) or staged in the preview (live=False)."""
        self.show_requested.emit(slide, live)

    def set_clock_face(self, face: ClockFace) -> None:
        self.clock_face = face
        self.clock_face_changed.emit(face)

    def set_projector_state(self, state: ProjectorState) -> None:
        if state != self.projector_state:
            self.projector_state = state
            self.projector_changed.emit(state)

    def _committed(self, changes: Changes) -> None:
        """A commit, from this app's service or another writer: the lookups follow it, then
        the finer signals tell the views that listen to them."""
        if changes.deck:
            self.deck = self.store.deck(images=False)
            self._stored_image.cache_clear()
        if changes.plan:
            self.plan = self.store.plan()
            # times the clock set a moment ago may still be on their way to the file
            kept = {r.id: r for r in self.rounds}
            self.rounds = [_with_kept_times(r, kept.get(r.id)) for r in self.store.rounds()]
            if self.live_round is not None:
                self.live_round = next(
                    (r for r in self.rounds if r.id == self.live_round.id),
                    self.rounds[0] if self.rounds else None,
                )
        if changes.tables:
            self.tables = self.store.tables()
        for theme in changes.added:
            self.theme_saved.emit(theme)
        if changes.entries_changed:
            self.themes_changed.emit()
        if changes.picks_changed:
            self.picks_changed.emit()
        if changes.deck:
            self.deck_changed.emit()
        if changes.plan:
            self.plan_changed.emit()
        if changes.event or changes.tables:
            self.event_changed.emit()

    def replace_deck(self, deck: Deck, done: Callback | None = None) -> None:
        """Save ``deck`` into the event (on the writer thread; ``done`` follows)."""
        self.service.submit(lambda s: ops.replace_deck(s, deck, origin=EDITOR), done, entry=False)

    def replace_plan(
        self,
        plan: Plan,
        round_ids: Sequence[str | None] | None = None,
        done: Callback | None = None,
    ) -> None:
        """Save an edited plan; ``round_ids`` (see EventStore.replace_plan) keeps moved
        rounds with their themes. The rounds follow once it is saved (``plan_changed``)."""

        def op(store: EventStore) -> Changes:
            return ops.replace_plan(store, plan, round_ids, origin=EDITOR)[1]

        self.service.submit(op, done, entry=False)

    def set_table_count(self, count: int, done: Callback | None = None) -> None:
        def op(store: EventStore) -> Changes:
            return ops.set_table_count(store, count, origin=EDITOR)[1]

        self.service.submit(op, done, entry=False)

    def close(self) -> None:
        self.closing.emit()
        self.service.close()  # its connection closes before the app's (and its lock)
        card_images.drop_source(self.card_image)
        self.store.close()


def _with_kept_times(stored: RoundInfo, known: RoundInfo | None) -> RoundInfo:
    """``stored``, with the times this app knows of and the file does not have yet (the
    clock's round times are saved by the writer thread, after the plan that was read)."""
    if known is None:
        return stored
    times = {
        name: getattr(known, name)
        for name in ("planned_start", "planned_end", "actual_start", "actual_end")
        if getattr(stored, name) is None and getattr(known, name) is not None
    }
    return replace(stored, **times) if times else stored
