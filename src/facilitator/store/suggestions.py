"""Suggested groups for an event's entries: those still to be grouped, read from the file.

The entries a suggestion may hold are the ones the board shows ungrouped: not deleted,
not hidden from the wall, in no group yet. ``facilitator suggest-groups`` prints them as
JSON, ``[{"label": ..., "entries": [entry ids], "tables": N}]``, reading the file only.
"""

from __future__ import annotations

import json
from pathlib import Path

from facilitator.core.errors import InputError
from facilitator.core.suggest import Said, Suggestion, suggest
from facilitator.store.db import EventStore


def suggestions(store: EventStore, round_id: str | None) -> list[Suggestion]:
    """Suggested groups among a round's ungrouped entries (``round_id`` None: the event's)."""
    grouped = store.group_of()
    return suggest(
        Said(t.id, t.text, t.table_id)
        for t in reversed(store.themes(round_id=round_id))  # in the order they were saved
        if not t.hidden and t.id not in grouped
    )


def round_id_of(store: EventStore, number: int | None, where: str) -> str | None:
    """The id of round ``number`` (1 = the plan's first), None for the whole event."""
    if number is None:
        return None
    rounds = store.rounds()
    if not 1 <= number <= len(rounds):
        raise InputError(where, f"there is no round {number}; the plan has {len(rounds)} rounds")
    return rounds[number - 1].id


def suggest_cli(event: Path, round_number: int | None) -> int:
    """``facilitator suggest-groups EVENT [--round N]``: the suggestions as JSON on stdout."""
    with EventStore.open(event, readonly=True) as store:  # reads only
        found = suggestions(store, round_id_of(store, round_number, str(event)))
    print(
        json.dumps(
            [{"label": s.label, "entries": list(s.entry_ids), "tables": s.tables} for s in found],
            ensure_ascii=False,
            indent=1,
        )
    )
    return 0
