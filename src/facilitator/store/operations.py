"""The named operations that change an event, each one transaction, each saying what changed.

Every write to an event goes through one of these (in the GUI, through the event service
only: ui/event_service.py). Each calls one public method of ``EventStore``, which commits
before it returns, and returns the ``Changes`` it made with the origin it was given. The
room server (its own thread, its own connection) calls the same operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.core.changes import CAPTURE, PHONE, Changes
from facilitator.core.deck import Deck
from facilitator.core.groups import DEFAULT_BUDGET, DEFAULT_PER_GROUP, GroupSnapshot
from facilitator.core.plan import Plan
from facilitator.core.plan.survey import SurveyAnswer
from facilitator.core.records import EventInfo, RoundInfo, TableInfo
from facilitator.core.room_questions import RoomQuestion
from facilitator.core.settings import EVENT_ORGANISER
from facilitator.core.votes import CARD, Ballot, Vote
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


# -- groups of entries and the dot vote ------------------------------------------------------


def create_group(
    store: EventStore,
    entry_ids: Sequence[str],
    *,
    round_id: str | None,
    name: str = "",
    group_id: str | None = None,
    origin: str,
) -> Changes:
    store.create_group(entry_ids, round_id=round_id, name=name, group_id=group_id)
    return Changes(groups=True, origin=origin)


def rename_group(store: EventStore, group_id: str, name: str, *, origin: str) -> Changes:
    store.rename_group(group_id, name)
    return Changes(groups=True, origin=origin)


def move_entries(
    store: EventStore, entry_ids: Sequence[str], group_id: str | None, *, origin: str
) -> Changes:
    """Into ``group_id``, or out of any group (None)."""
    store.move_entries(entry_ids, group_id)
    return Changes(groups=True, origin=origin)


def dissolve_group(store: EventStore, group_id: str, *, origin: str) -> Changes:
    store.dissolve_group(group_id)
    return Changes(groups=True, origin=origin)


def restore_group_snapshot(store: EventStore, snapshot: GroupSnapshot, *, origin: str) -> Changes:
    store.restore_group_snapshot(snapshot)
    return Changes(groups=True, origin=origin)


def open_dot_vote(
    store: EventStore,
    round_id: str | None,
    *,
    budget: int = DEFAULT_BUDGET,
    per_group: int = DEFAULT_PER_GROUP,
    hidden: bool = False,
    vote_id: str | None = None,
    origin: str,
) -> Changes:
    """Lock the groups of ``round_id`` (None: the event's) and open the dot vote on them."""
    store.open_dot_vote(
        round_id, budget=budget, per_group=per_group, hidden=hidden, vote_id=vote_id
    )
    return Changes(dots=True, groups=True, origin=origin)


def close_dot_vote(store: EventStore, vote_id: str, *, origin: str) -> Changes:
    store.close_dot_vote(vote_id)
    return Changes(dots=True, origin=origin)


def set_dots_hidden(store: EventStore, vote_id: str, hidden: bool, *, origin: str) -> Changes:
    store.set_dots_hidden(vote_id, hidden)
    return Changes(dots=True, origin=origin)


def cast_dots(
    store: EventStore,
    vote_id: str,
    device: str,
    dots: dict[str, int],
    seq: int,
    *,
    origin: str = PHONE,
) -> tuple[bool, Changes]:
    """A device's whole ballot; False (and no change) for a replay or an older ballot."""
    stored = store.cast_dots(vote_id, device, dots, seq)
    return stored, Changes(dots=stored, origin=origin)


# -- the room's votes ------------------------------------------------------------------------


def open_vote(
    store: EventStore,
    question: str,
    *,
    kind: str = CARD,
    choices: Sequence[str] = (),
    round_id: str | None = None,
    hidden: bool = False,
    changeable: bool = True,
    origin: str,
) -> tuple[Vote, Changes]:
    """Put a question to the delegates' phones (the vote open before closes)."""
    vote = store.open_vote(
        question,
        kind=kind,
        choices=choices,
        round_id=round_id,
        hidden=hidden,
        changeable=changeable,
    )
    return vote, Changes(votes=(vote.id,), origin=origin)


def close_vote(store: EventStore, vote_id: str, *, origin: str) -> tuple[Vote, Changes]:
    vote = store.close_vote(vote_id)
    return vote, Changes(votes=(vote.id,), origin=origin)


def answer_survey(
    store: EventStore, question_id: str, device: str, answer: object, *, origin: str
) -> tuple[SurveyAnswer, Changes]:
    """A survey answer from a phone (``PHONE``) or typed from paper on the laptop."""
    stored, changed = store.answer_survey(
        question_id, device, answer, origin="phone" if origin == PHONE else "laptop"
    )
    return stored, Changes(survey=changed, origin=origin)


def cast_ballot(
    store: EventStore, vote_id: str, device: str, answer: str, *, origin: str = PHONE
) -> tuple[Ballot, Changes]:
    """A device's answer, cast or changed (a repeat changes nothing: no vote in Changes)."""
    ballot, changed = store.cast_ballot(vote_id, device, answer)
    return ballot, Changes(votes=(vote_id,) if changed else (), origin=origin)


# -- questions to the room -------------------------------------------------------------------


def ask_room(
    store: EventStore, question_id: str, device: str, text: str, *, origin: str = PHONE
) -> tuple[RoomQuestion, Changes]:
    """A delegate's question, stored once per id; it waits for the facilitator."""
    question, created = store.ask_room(question_id, device, text)
    return question, Changes(questions=(question.id,) if created else (), origin=origin)


def moderate_question(
    store: EventStore, question_id: str, status: str, *, origin: str
) -> tuple[RoomQuestion, Changes]:
    """Approve (on the projector and the phones), hide, or send back to waiting."""
    question = store.moderate(question_id, status)
    return question, Changes(questions=(question_id,), origin=origin)


def ban_device(store: EventStore, device: str, *, origin: str) -> Changes:
    """Nothing more from this device reaches the room; its waiting questions are hidden."""
    return Changes(questions=tuple(store.ban_device(device)), origin=origin)


def upvote_question(
    store: EventStore, question_id: str, device: str, *, origin: str = PHONE
) -> tuple[int, Changes]:
    count, new = store.upvote(question_id, device)
    return count, Changes(questions=(question_id,) if new else (), origin=origin)
