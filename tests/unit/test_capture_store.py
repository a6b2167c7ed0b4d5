"""The store queries the capture panel relies on: keyset pages and a table's texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.store.db import EventStore


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with EventStore.create(
        tmp_path / "e.facilitator",
        title="Capture",
        deck=load_deck_choice(None),
        plan=load_plan_choice(None),
        tables=3,
    ) as s:
        yield s


def test_pages_walk_every_entry_once_newest_first(store: EventStore) -> None:
    table = store.tables()[0].id
    made = [store.add_theme(f"entry {n}", table_id=table, round_id=None) for n in range(25)]
    seen = []
    after = None
    while True:
        page = store.themes(after=after, limit=7)
        if not page:
            break
        seen.extend(page)
        after = (page[-1].created_at, page[-1].id)
    assert [t.id for t in seen] == [t.id for t in reversed(made)]


def test_pages_apply_filters_and_skip_deleted(store: EventStore) -> None:
    t1, t2 = (t.id for t in store.tables()[:2])
    a = store.add_theme("Trust first", table_id=t1, round_id=None, kind="quote")
    store.add_theme("Trust second", table_id=t2, round_id=None)
    gone = store.add_theme("Trust gone", table_id=t1, round_id=None)
    store.delete_theme(gone.id)
    assert [t.id for t in store.themes(table_id=t1, text="trust")] == [a.id]
    assert [t.id for t in store.themes(kind="quote")] == [a.id]


def test_table_texts_skip_deleted_and_other_tables(store: EventStore) -> None:
    t1, t2 = (t.id for t in store.tables()[:2])
    a = store.add_theme("Same", table_id=t1, round_id=None)
    store.add_theme("Other", table_id=t2, round_id=None)
    gone = store.add_theme("Gone", table_id=t1, round_id=None)
    store.delete_theme(gone.id)
    nowhere = store.add_theme("Nowhere", table_id=None, round_id=None)
    assert store.table_texts(t1) == [(a.id, "Same")]
    assert store.table_texts(None) == [(nowhere.id, "Nowhere")]
