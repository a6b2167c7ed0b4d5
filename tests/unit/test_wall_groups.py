"""The theme wall by the room's groups: each group's name, its entries and which tables
said it, then what is not grouped yet; hidden and deleted entries never show."""

from __future__ import annotations

from facilitator.core.group_wall import UNGROUPED, tables_said
from facilitator.core.groups import Group
from facilitator.core.wall import Labelled, build_wall
from unit.test_wall_build import DECK, ROUNDS, TABLES, theme

NAMED = [*TABLES, Labelled("t9", "Window table")]


def test_groups_head_their_entries_with_the_tables_that_said_them() -> None:
    themes = [
        theme(1, "Trust first", table="t1"),
        theme(2, "trust first!", table="t3"),
        theme(3, "Time to think", table="t2"),
        theme(4, "Not grouped", table="t2"),
        theme(5, "Hidden one", table="t2", hidden=True),
        theme(6, "Deleted one", table="t1", deleted=True),
    ]
    groups = [
        Group("g1", "Trust", "r1", 0, ("id00002", "id00001", "id00005")),
        Group("g2", "Gone", "r1", 1, ("id00006",)),  # all its entries deleted: not shown
        Group("g3", "Time", "r1", 2, ("id00003",)),
    ]
    slide = build_wall(
        themes, deck=DECK, tables=TABLES, rounds=ROUNDS, grouping="groups", groups=groups
    )
    assert [(e.group, e.text) for e in slide.entries] == [
        ("Trust · 2 tables: 1, 3", "trust first!"),
        ("Trust · 2 tables: 1, 3", "Trust first"),
        ("Time · 1 table: 2", "Time to think"),
        (UNGROUPED, "Not grouped"),
    ]


def test_a_wall_without_groups_is_every_entry_not_grouped_yet() -> None:
    slide = build_wall(
        [theme(1), theme(2)], deck=DECK, tables=TABLES, rounds=ROUNDS, grouping="groups"
    )
    assert {e.group for e in slide.entries} == {UNGROUPED} and slide.total == 2


def test_tables_are_named_by_number_or_by_name() -> None:
    assert tables_said(["t2", "t9", "t2"], NAMED) == "2 tables: 2, Window table"
    assert tables_said([None], NAMED) == "1 table"
