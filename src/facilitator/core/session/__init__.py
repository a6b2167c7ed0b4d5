"""The live session: what the room sees now, and what comes next.

A pure state machine (no Qt). The event is laid out as a run of show items — the welcome
slide; for each round its slide and then its cards (front, then questions); the theme wall;
the card tally; a holding slide — that the clicker steps through. On top of the run: a
blank (black or white), a preview the facilitator can stage and take live, a typed message,
any slide a panel asks for, the look, and the round clock's latest face.

Its output is two immutable :class:`ProjectorState` values, :meth:`LiveSession.live_state`
and :meth:`LiveSession.preview_state`. Every change of what is live (never a clock tick or
a refresh of the same item's content) is reported once to ``on_change`` with a small dict
for the event's timeline.
"""

from facilitator.core.session.live import END_OF_RUN, MAX_LOGGED_TEXT, LiveSession
from facilitator.core.session.run import (
    HOLDING,
    TALLY,
    WALL,
    WELCOME,
    ShowItem,
    build_run,
    card_items,
    card_key,
    choice_tally,
    human_date,
    ready_face,
    room_tally,
    round_key,
    slide_kind,
    tally_slide,
)

__all__ = [
    "END_OF_RUN",
    "HOLDING",
    "MAX_LOGGED_TEXT",
    "TALLY",
    "WALL",
    "WELCOME",
    "LiveSession",
    "ShowItem",
    "build_run",
    "card_items",
    "card_key",
    "choice_tally",
    "human_date",
    "ready_face",
    "room_tally",
    "round_key",
    "slide_kind",
    "tally_slide",
]
