"""The dot vote on the projector: built off the UI thread, kept fresh while it is shown.

Dots arrive from phones through the room server's commits (``changed`` with ``dots``);
while the dot vote's slide is on the projector each burst of them redraws it once, within
a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.core.changes import Changes
from facilitator.core.dot_slide import build_dots_slide
from facilitator.core.projector_state import DotsSlide
from facilitator.store.db import EventStore

if TYPE_CHECKING:
    from facilitator.ui.controller import EventController
    from facilitator.ui.entries.reader import BackgroundReader

REFRESH_MS = 150


def dots_job(store: EventStore, url: str = "") -> DotsSlide | None:
    """The slide of the open dot vote (else the last one), or None before the first;
    ``url``: the page phones vote on, said under the groups while the vote is open."""
    vote = store.latest_dot_vote()
    if vote is None:
        return None
    tally, voters = store.dot_tally(vote.id)
    return build_dots_slide(
        vote,
        store.vote_groups(vote),
        tally,
        voters,
        store.themes(round_id=vote.round_id),
        store.tables(),
        url,
    )


class DotsScreen(QObject):
    shown = Signal(object)  # DotsSlide, just put on the projector
    failed = Signal(str)

    def __init__(self, controller: EventController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        # the dot vote's page for phones ("" while the room is closed); the console sets it
        self.link: Callable[[], str] = lambda: ""
        self._reader: BackgroundReader | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(lambda: self.show(if_shown=True))
        controller.changed.connect(self._committed)
        controller.closing.connect(self.stop)

    def is_live(self) -> bool:
        state = self.controller.projector_state
        return state is not None and isinstance(state.slide, DotsSlide)

    def show(self, *, if_shown: bool = False) -> None:
        """Put the dot vote on the projector (``if_shown``: only if it is still there)."""
        if self._reader is None:
            from facilitator.ui.entries.reader import BackgroundReader

            self._reader = BackgroundReader(self.controller.store.path, self)
        if self._reader.stopped:
            return

        def arrived(slide: Any, error: str | None) -> None:
            if error is not None:
                self.failed.emit(f"The dot vote cannot be read: {error}")
            elif slide is None:
                self.failed.emit("No dot vote yet: lock the groups and open one first.")
            elif not if_shown or self.is_live():
                self.controller.show(slide, live=True)
                self.shown.emit(slide)

        url = self.link()
        self._reader.submit(lambda store: dots_job(store, url), arrived, key="dots")

    def _committed(self, changes: Changes) -> None:
        if (changes.dots or changes.groups or changes.entries_changed) and self.is_live():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._reader is not None:
            self._reader.stop()
