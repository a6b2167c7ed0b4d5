"""Groups of entries and the dot vote on them: the values the store hands out (no Qt).

A group is named and belongs to a round (``round_id``) or, with none, to the whole event.
An entry is in at most one group. A dot vote is opened on the groups of one scope and
locks them: from then on they no longer change, so the dots stay on what was voted on.
"""

from __future__ import annotations

from msgspec import Struct

MAX_GROUP_NAME = 200  # characters in a group's name
DEFAULT_BUDGET = 5  # dots each delegate may place
DEFAULT_PER_GROUP = 3  # at most this many on one group
MAX_BUDGET = 50


class Group(Struct, frozen=True):
    id: str
    name: str
    round_id: str | None
    position: int
    entry_ids: tuple[str, ...]  # in the order they were put in


class GroupSnapshot(Struct, frozen=True):
    """Every group and membership of an event as it was: what an undo puts back.

    ``groups``: (id, round_id, name, position, created_at, updated_at, deleted_at);
    ``members``: (theme_id, group_id, position)."""

    groups: tuple[tuple[str, str | None, str, int, str, str, str | None], ...]
    members: tuple[tuple[str, str, int], ...]


class DotVote(Struct, frozen=True):
    id: str
    round_id: str | None
    budget: int
    per_group: int
    hidden: bool  # the dots are hidden on the projector until the vote closes
    group_ids: tuple[str, ...]  # the locked groups it was opened on
    opened_at: str
    closed_at: str | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class GroupDots(Struct, frozen=True):
    """A group of a dot vote with its dots, for the ranking."""

    group_id: str
    name: str
    dots: int
    voters: int  # devices that put at least one dot on it


def ranked(tally: dict[str, int], groups: list[Group]) -> list[tuple[Group, int]]:
    """The groups, most dots first; a tie keeps the groups' own order."""
    order = sorted(range(len(groups)), key=lambda i: (-tally.get(groups[i].id, 0), i))
    return [(groups[i], tally.get(groups[i].id, 0)) for i in order]


def short_label(text: str, limit: int = 60) -> str:
    """An entry's text on one line, cut at ``limit``: a group's name until it has one."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
