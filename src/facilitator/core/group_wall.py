"""The theme wall by group: each group the room made, named, with the tables that said it,
then what is not grouped yet. Pure; ``core.wall.build_wall`` calls it for ``"groups"``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from facilitator.core.groups import Group

UNGROUPED = "Not grouped yet"


class _Said(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def table_id(self) -> str | None: ...


class _Place(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...


T = TypeVar("T", bound=_Said)


def tables_said(table_ids: Sequence[str | None], tables: Sequence[_Place]) -> str:
    """``3 tables: 1, 4, 7`` (tables in the event's order; a named table by its name)."""
    said = set(table_ids)
    names = []
    for table in tables:
        if table.id in said:
            number = table.label.removeprefix("Table ")
            names.append(number if number.isdigit() else table.label)
    count = len(said)
    if not names:
        return f"{count} table" if count == 1 else f"{count} tables"
    return f"{count} {'table' if count == 1 else 'tables'}: {', '.join(names)}"


def by_group(
    oldest_first: Sequence[T], groups: Sequence[Group], tables: Sequence[_Place]
) -> list[tuple[str, T]]:
    """(heading, entry) in wall order: the groups in their order, each with its entries in
    the order they were put in, then the entries in no group, oldest first. Only the
    entries given (those the wall may show) appear; a group with none of them is left out."""
    shown = {t.id: t for t in oldest_first}
    out: list[tuple[str, T]] = []
    placed: set[str] = set()
    for group in groups:
        members = [shown[i] for i in group.entry_ids if i in shown]
        if not members:
            continue
        heading = f"{group.name} · {tables_said([m.table_id for m in members], tables)}"
        out.extend((heading, m) for m in members)
        placed.update(m.id for m in members)
    out.extend((UNGROUPED, t) for t in oldest_first if t.id not in placed)
    return out
