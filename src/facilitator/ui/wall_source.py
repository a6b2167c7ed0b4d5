"""The theme wall, built in one place and owned by one object for every panel that shows it.

``wall_job`` takes what the wall needs from the open event now (deck, table and round
labels) and returns a job ``job(store) -> WallSlide`` that reads the entries and builds the
slide.

:class:`Wall` (held by the controller as ``controller.wall``) is the wall's one owner: it
keeps the view chosen (grouping, this round only, spotlight, page), builds the slide off the
UI thread (a reader of its own), puts it up (``controller.show``), and keeps it fresh while
it is on the projector or in the preview, from the event service's ``changed``. The capture
panel's wall controls and the live control both ask it, so no panel needs to know which
one put the wall up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.core.changes import Changes
from facilitator.core.deck import Deck
from facilitator.core.projector_state import ProjectorState, Slide, WallSlide
from facilitator.core.records import RoundInfo, TableInfo
from facilitator.core.wall import Labelled, build_wall
from facilitator.store.db import EventStore

if TYPE_CHECKING:
    from facilitator.ui.entries.reader import BackgroundReader

DEFAULT_TITLE = "What the tables said"


class OpenEvent(Protocol):
    """What the wall needs of the open event (the controller, ui/controller.py)."""

    deck: Deck
    tables: list[TableInfo]
    rounds: list[RoundInfo]
    live_round: RoundInfo | None
    projector_state: ProjectorState | None
    store: EventStore
    changed: Any  # the signals it listens to
    live_round_changed: Any
    preview_changed: Any
    closing: Any

    def show(self, slide: Slide, *, live: bool = True) -> None: ...


REFRESH_MS = 150  # entries arriving in a burst refresh the wall once


def wall_job(
    controller: OpenEvent,
    *,
    round_id: str | None,
    title: str = DEFAULT_TITLE,
    grouping: str = "table",
    spotlight_id: str | None = None,
    page: int = 0,
) -> Callable[[EventStore], WallSlide]:
    """A job that builds the wall of ``round_id``'s entries (None: every round's)."""
    deck = controller.deck
    tables = [Labelled(t.id, t.label) for t in controller.tables]
    rounds = [Labelled(r.id, f"{r.position + 1}. {r.title}") for r in controller.rounds]

    def job(store: EventStore) -> WallSlide:
        return build_wall(
            store.themes(round_id=round_id),  # None: every round
            # the groups of this round (None: the whole event's), as the grouping board has
            groups=store.groups(round_id) if grouping == "groups" else (),
            round_id=round_id,
            deck=deck,
            tables=tables,
            rounds=rounds,
            grouping=grouping,
            title=title,
            spotlight_id=spotlight_id,
            page=page,
        )

    return job


class Wall(QObject):
    """The theme wall's one owner; see the module's text."""

    shown = Signal(object)  # WallSlide, just put up (live or in the preview)
    failed = Signal(str)  # a human sentence: the wall could not be read

    def __init__(self, controller: OpenEvent, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.grouping = "table"
        self.round_only = True  # the live round's entries: what the room is talking about
        self.spotlight_id: str | None = None
        self.page = 0
        self._reader: BackgroundReader | None = None
        self._preview_is_wall = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        controller.changed.connect(self._committed)
        controller.live_round_changed.connect(self._round_changed)
        controller.preview_changed.connect(self._preview_changed)
        controller.closing.connect(self.stop)

    # -- what the wall shows ---------------------------------------------------------------

    def choose(self, **view: Any) -> None:
        """A panel's choice of view (``grouping``, ``round_only``, ``spotlight_id``,
        ``page``); a wall on screen follows it shortly (``refresh`` for at once)."""
        for name, value in view.items():
            if not hasattr(self, name) or name.startswith("_"):
                raise TypeError(f"the wall has no view setting {name!r}")
            setattr(self, name, value)
        self.schedule()

    def job(self) -> Callable[[EventStore], WallSlide]:
        """A job that builds the wall as chosen now (for a reader thread)."""
        live = self.controller.live_round
        round_id = live.id if (self.round_only and live is not None) else None
        return wall_job(
            self.controller,
            round_id=round_id,
            title=live.title if round_id is not None and live is not None else DEFAULT_TITLE,
            grouping=self.grouping,
            spotlight_id=self.spotlight_id,
            page=self.page,
        )

    # -- putting it up, keeping it fresh ---------------------------------------------------

    def show(self, *, live: bool, if_shown: bool = False) -> None:
        """Build the wall off the UI thread, then put it live or in the preview
        (``if_shown``: a refresh, dropped if the wall left the screen meanwhile)."""
        reader = self._reader_now()
        if reader is None:
            return

        def arrived(slide: Any, error: str | None) -> None:
            if error is not None:
                self.failed.emit(f"The wall cannot be read: {error}")
                return
            assert isinstance(slide, WallSlide)
            if if_shown and not (self.is_live() if live else self._preview_is_wall):
                return  # the room moved on while it was being built
            self.page = slide.page
            self.controller.show(slide, live=live)
            self.shown.emit(slide)

        reader.submit(self.job(), arrived, key=f"wall-{live}")

    def is_live(self) -> bool:
        state = self.controller.projector_state
        return state is not None and isinstance(state.slide, WallSlide)

    def in_preview(self) -> bool:
        return self._preview_is_wall

    def refresh(self) -> None:
        """Build afresh the wall that is on the projector or in the preview, if it is."""
        self._timer.stop()
        if self.is_live():
            self.show(live=True, if_shown=True)
        if self._preview_is_wall:
            self.show(live=False, if_shown=True)

    def schedule(self, *, now: bool = False) -> None:
        if self.is_live() or self._preview_is_wall:
            if now:
                self.refresh()
            else:
                self._timer.start()

    def stop(self) -> None:
        """The event closes: no more reads of its file."""
        self._timer.stop()
        if self._reader is not None:
            self._reader.stop()

    def _reader_now(self) -> BackgroundReader | None:
        if self._reader is None:
            from facilitator.ui.entries.reader import BackgroundReader

            self._reader = BackgroundReader(self.controller.store.path, self)
        return None if self._reader.stopped else self._reader

    def _committed(self, changes: Changes) -> None:
        if (
            changes.entries_changed
            or changes.groups
            or changes.deck
            or changes.plan
            or changes.event
        ):
            self.schedule()

    def _round_changed(self, _round: object) -> None:
        if self.round_only:
            self.page = 0
            self.schedule()

    def _preview_changed(self, state: Any) -> None:
        self._preview_is_wall = isinstance(getattr(state, "slide", None), WallSlide)
