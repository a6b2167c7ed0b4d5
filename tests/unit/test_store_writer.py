"""The writer's connection: a second connection of the open file, for the save thread."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.store.db import EventStore, StoreError


def test_a_writer_opens_beside_the_app_without_taking_the_lock(store, event_path: Path) -> None:
    writer = EventStore.open_writer(event_path)  # the app (``store``) holds the lock
    try:
        theme = writer.add_theme("Written by the writer", table_id=None, round_id=None)
        assert store.theme(theme.id).text == "Written by the writer"
    finally:
        writer.close()
    assert store.themes()[0].id == theme.id  # the app's own store is still open


def test_several_picks_are_one_transaction(store) -> None:
    table = store.tables()[0]
    picks = store.add_card_picks(["mindset", "courage"], table_id=table.id, round_id=None)
    assert sorted(p.card_key for p in store.card_picks()) == ["courage", "mindset"]
    assert all(p.table_id == table.id for p in picks)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError):
        store.add_card_picks(["x" * 3000] * 200, table_id=table.id, round_id=None)
    assert len(store.card_picks()) == 2  # all or nothing


def test_picks_keep_the_ids_given_so_a_retry_cannot_count_twice(store) -> None:
    first = store.add_card_picks(["mindset"], table_id=None, round_id=None, pick_ids=["p-1"])
    assert first[0].id == "p-1"
    with pytest.raises(StoreError):
        store.add_card_picks(["mindset"], table_id=None, round_id=None, pick_ids=["p-1"])
    assert len(store.card_picks()) == 1


def test_a_writer_of_a_missing_file_fails_in_words(tmp_path: Path) -> None:
    with pytest.raises((StoreError, sqlite3.Error)):
        EventStore.open_writer(tmp_path / "no-such.facilitator").add_theme(
            "x", table_id=None, round_id=None
        )
