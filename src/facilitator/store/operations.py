"""The named operations that change an event, each one transaction, each saying what changed.

Every write to an event goes through one of these (in the GUI, through the event service
only: ui/event_service.py). Each calls one public method of ``EventStore``, which commits
before it returns, and returns the ``Changes`` it made with the origin it was given. The
room server (its own thread, its own connection) calls the same operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.core.changes import CAPTURE, Changes
from facilitator.core.deck import Deck
from facilitator.core.plan import Plan
from facilitator.core.records import EventInfo, RoundInfo, TableInfo
from facilitator.core.settings import EVENT_ORGANISER
from facilitator.store.db import EventStore

# -- entries ---------------------------------------------------------------------------------


def add_theme(
    store: EventStore,
    text: str,
    *,
    table_id: str | None,
    round_id: str | None,
    kind: str = "theme",
    cards: Sequence[str] = (),
    theme_id: str | None = None,
    origin: str = CAPTURE,
) -> Changes:
    theme = store.add_theme(
        text, table_id=table_id, round_id=round_id, kind=kind, cards=cards, theme_id=theme_id
    )
    return Changes(added=(theme,), origin=origin)


def edit_theme(store: EventStore, theme_id: str, *, origin: str, **values: Any) -> Changes:
    return Changes(edited=(store.edit_theme(theme_id, **values),), origin=origin)


def delete_theme(store: EventStore, theme_id: str, *, origin: str) -> Changes:
    return Changes(deleted=(store.delete_theme(theme_id),), origin=origin)


def restore_theme(store: EventStore, theme_id: str, *, origin: str) -> Changes:
    return Changes(restored=(store.restore_theme(theme_id),), origin=origin)


def set_theme_hidden(store: EventStore, theme_id: str, hidden: bool, *, origin: str) -> Changes:
    return Changes(hidden=(store.set_theme_hidden(theme_id, hidden),), origin=origin)


# -- card picks ------------------------------------------------------------------------------


def add_card_picks(
    store: EventStore,
    card_keys: Sequence[str],
    *,
    table_id: str | None,
    round_id: str | None,
    pick_ids: Sequence[str] | None = None,
    origin: str = CAPTURE,
) -> Changes:
    """Several picks of one table in one transaction: all are counted, or none."""
    picks = store.add_card_picks(card_keys, table_id=table_id, round_id=round_id, pick_ids=pick_ids)
    return Changes(picks=tuple(picks), origin=origin)


def withdraw_card_pick(store: EventStore, pick_id: str, *, origin: str) -> Changes:
    store.delete_card_pick(pick_id)
    return Changes(withdrawn_picks=(pick_id,), origin=origin)


def restore_card_pick(store: EventStore, pick_id: str, *, origin: str) -> Changes:
    store.restore_card_pick(pick_id)
    return Changes(restored_picks=(pick_id,), origin=origin)


# -- the clock and the projector -------------------------------------------------------------


def add_timeline(
    store: EventStore,
    kind: str,
    *,
    round_id: str | None = None,
    detail: dict[str, Any] | None = None,
    at: str | None = None,
    origin: str,
) -> Changes:
    """``at``: when the step was taken (``store.now()`` then), if it is saved later."""
    store.add_timeline(kind, round_id=round_id, detail=detail, at=at)
    return Changes(timeline=True, origin=origin)


def add_timeline_with_settings(
    store: EventStore,
    kind: str,
    settings: dict[str, Any],
    *,
    round_id: str | None = None,
    detail: dict[str, Any] | None = None,
    at: str | None = None,
    origin: str,
) -> Changes:
    """A step of the projector: its timeline record and settings in one transaction."""
    store.add_timeline_with_settings(kind, settings, round_id=round_id, detail=detail, at=at)
    return Changes(timeline=True, settings=tuple(settings), origin=origin)


def set_round_times(store: EventStore, round_id: str, *, origin: str, **times: Any) -> Changes:
    store.set_round_times(round_id, **times)
    return Changes(round_times=(round_id,), origin=origin)


def set_setting(store: EventStore, key: str, value: Any, *, origin: str) -> Changes:
    store.set_setting(key, value)
    return Changes(settings=(key,), origin=origin)


# -- the draft -------------------------------------------------------------------------------


def save_draft(
    store: EventStore,
    slot: str,
    text: str,
    detail: dict[str, Any] | None = None,
    *,
    origin: str = CAPTURE,
) -> Changes:
    store.save_draft(slot, text, detail)
    return Changes(draft=True, origin=origin)


# -- the event, its deck and plan ------------------------------------------------------------


def replace_deck(store: EventStore, deck: Deck, *, origin: str) -> Changes:
    store.replace_deck(deck)
    return Changes(deck=True, origin=origin)


def replace_plan(
    store: EventStore,
    plan: Plan,
    round_ids: Sequence[str | None] | None = None,
    *,
    origin: str,
) -> tuple[list[RoundInfo], Changes]:
    """Save an edited plan; ``round_ids`` keeps moved rounds with their entries."""
    return store.replace_plan(plan, round_ids), Changes(plan=True, origin=origin)


def update_event(
    store: EventStore,
    *,
    origin: str,
    title: str | None = None,
    date: str | None = None,
    venue: str | None = None,
    facilitator: str | None = None,
    organiser: str | None = None,
) -> tuple[EventInfo, Changes]:
    info = store.update_event(
        title=title, date=date, venue=venue, facilitator=facilitator, organiser=organiser
    )
    settings = (EVENT_ORGANISER.key,) if organiser is not None else ()
    return info, Changes(event=True, settings=settings, origin=origin)


def set_table_count(
    store: EventStore, count: int, *, origin: str
) -> tuple[list[TableInfo], Changes]:
    """Add tables up to ``count`` (tables are never removed: entries may point at them)."""
    return store.set_table_count(count), Changes(tables=True, event=True, origin=origin)


def renew_room_link(store: EventStore, *, table_id: str | None, origin: str) -> Changes:
    """A new join link (``table_id`` None) or table link; the old one stops working."""
    if table_id is None:
        store.renew_event_token()
    else:
        store.renew_table_token(table_id)
    return Changes(links=True, origin=origin)
