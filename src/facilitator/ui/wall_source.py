"""The theme wall, built in one place for every panel that shows it.

``wall_job`` takes what the wall needs from the open event now (deck, table and round
labels) and returns a job ``job(store) -> WallSlide`` that reads the entries and builds the
slide: the capture panel runs it on its reader thread, the live control when the run's wall
comes on screen. Both show the same labels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from facilitator.core.projector_state import WallSlide
from facilitator.core.wall import Labelled, build_wall
from facilitator.store.db import EventStore

if TYPE_CHECKING:
    from facilitator.ui.controller import EventController

DEFAULT_TITLE = "What the tables said"


def wall_job(
    controller: EventController,
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
