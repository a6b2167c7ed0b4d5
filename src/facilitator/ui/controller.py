"""The open event as the UI sees it: the store, the deck and plan, and change signals.

Widgets call the controller; the controller calls the store and emits what changed. It
holds no widgets, so panels can be tested against it alone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QObject, Signal

from facilitator.core.deck import Deck
from facilitator.core.plan import Plan
from facilitator.core.projector_state import ClockFace, ProjectorState, Slide
from facilitator.core.records import RoundInfo, TableInfo, Theme
from facilitator.core.resume import where_it_was
from facilitator.store.db import EventStore, StoreError
from facilitator.ui.save_writer import Changes, SaveWriter
from facilitator.ui.views import card_images

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
        # the capture panel's saves run on this thread; it reports each commit (changed)
        self.writer = SaveWriter(store.path, self)
        self.writer.changed.connect(self._committed)

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

    def add_theme(
        self,
        text: str,
        *,
        table_id: str | None,
        round_id: str | None,
        kind: str = "theme",
        cards: Sequence[str] = (),
    ) -> Theme:
        """Commit a theme; raises StoreError (after emitting store_error) when it failed."""
        try:
            theme = self.store.add_theme(
                text, table_id=table_id, round_id=round_id, kind=kind, cards=cards
            )
        except StoreError as exc:
            log.warning("save failed: %s", exc)
            self.store_error.emit(str(exc))
            raise
        self.theme_saved.emit(theme)
        self.themes_changed.emit()
        return theme

    def _committed(self, changes: Changes) -> None:
        """A commit of the writer's thread, told to every view."""
        for theme in changes.themes:
            self.theme_saved.emit(theme)
        if changes.themes:
            self.themes_changed.emit()
        if changes.picks:
            self.picks_changed.emit()

    def replace_deck(self, deck: Deck) -> None:
        self.store.replace_deck(deck)
        self.deck = deck
        self._stored_image.cache_clear()
        self.deck_changed.emit()

    def replace_plan(self, plan: Plan, round_ids: Sequence[str | None] | None = None) -> None:
        """Save an edited plan; ``round_ids`` (see EventStore.replace_plan) keeps moved
        rounds with their themes."""
        self.rounds = self.store.replace_plan(plan, round_ids)
        self.plan = plan
        if self.live_round is not None:
            self.live_round = next(
                (r for r in self.rounds if r.id == self.live_round.id),
                self.rounds[0] if self.rounds else None,
            )
        self.plan_changed.emit()

    def set_table_count(self, count: int) -> None:
        self.tables = self.store.set_table_count(count)
        self.event_changed.emit()

    def close(self) -> None:
        self.closing.emit()
        self.writer.close()  # its connection closes before the app's (and its lock)
        card_images.drop_source(self.card_image)
        self.store.close()
