"""Entries keep the order they were saved in, whatever the wall clock does.

The wall clock is faked (the store's time stamp source), never changed: it jumps an hour
ahead and then an hour back while entries are saved, as a laptop's clock does when it
syncs or changes zone mid-event.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from facilitator.core.harvest import build_harvest
from facilitator.export.csv_writer import write_csv
from facilitator.store import db
from facilitator.store.db import EventStore


class JumpingWall:
    """A wall clock that ticks a second per reading, and jumps when told."""

    def __init__(self) -> None:
        self.at = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)

    def __call__(self) -> str:
        self.at += timedelta(seconds=1)
        return self.at.isoformat(timespec="microseconds")

    def jump(self, hours: float) -> None:
        self.at += timedelta(hours=hours)


@pytest.fixture
def wall(monkeypatch: pytest.MonkeyPatch) -> JumpingWall:
    fake = JumpingWall()
    monkeypatch.setattr(db, "now_iso", fake)
    return fake


@pytest.fixture
def saved(store: EventStore, wall: JumpingWall) -> Iterator[list[str]]:
    """Five entries in one round at one table, saved across a +1 h and a -1 h jump."""
    table = store.tables()[0].id
    round_id = store.rounds()[0].id
    texts = []
    for n, jump in enumerate((0, 0, +1, -1, -1)):
        wall.jump(jump)
        texts.append(f"entry {n}")
        store.add_theme(texts[-1], table_id=table, round_id=round_id)
    yield texts


def test_the_store_lists_entries_newest_saved_first(store: EventStore, saved: list[str]) -> None:
    assert [t.text for t in store.themes()] == list(reversed(saved))


def test_pages_follow_the_save_order(store: EventStore, saved: list[str]) -> None:
    seen = []
    after = None
    while page := store.themes(after=after, limit=2):
        seen.extend(t.text for t in page)
        after = page[-1].seq
    assert seen == list(reversed(saved))


def test_an_edit_keeps_the_entry_in_its_place(
    store: EventStore, saved: list[str], wall: JumpingWall
) -> None:
    first = store.themes()[-1]
    wall.jump(+2)
    edited = store.edit_theme(first.id, text="entry 0, edited")
    assert edited.seq == first.seq
    assert [t.text for t in store.themes()][-1] == "entry 0, edited"


def test_the_harvest_and_the_csv_keep_the_save_order(
    store: EventStore, saved: list[str], tmp_path: Path
) -> None:
    harvest = build_harvest(store, tz=UTC)
    assert [t.text for t in harvest.themes] == saved
    out = tmp_path / "out.csv"
    write_csv(harvest, out)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["text"] for r in rows] == saved
