"""The room network in the event file: tokens from the start, renewal, entries from phones
stored once and exactly, changed only by the phone that sent them, and their origin."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.core.errors import InputError
from facilitator.store import migrate, room
from facilitator.store.db import EventStore
from unit.test_store_migrations import make_first_schema_file


def test_a_new_event_has_an_event_token_and_one_per_table(store: EventStore) -> None:
    tokens = room.room_tokens(store)
    assert len(tokens.event) >= 22 and len(tokens.tables) == 12
    assert len({tokens.event, *tokens.tables.values()}) == 13  # all different
    for table in store.tables():
        assert room.table_for_token(store, tokens.tables[table.id]) == table
    assert room.table_for_token(store, tokens.event) is None
    assert room.table_for_token(store, "nonsense") is None


def test_two_new_events_share_no_token(tmp_path: Path, demo_deck, demo_plan) -> None:  # type: ignore[no-untyped-def]
    made = []
    for name in ("a", "b"):
        with EventStore.create(
            tmp_path / f"{name}.facilitator", title=name, deck=demo_deck, plan=demo_plan, tables=2
        ) as s:
            made.append(room.room_tokens(s))
    assert made[0].event != made[1].event
    assert not set(made[0].tables.values()) & set(made[1].tables.values())


def test_added_tables_get_tokens(store: EventStore) -> None:
    store.set_table_count(14)
    assert len(room.room_tokens(store).tables) == 14


def test_renewing_a_table_link_cuts_off_the_old_one(store: EventStore) -> None:
    table = store.tables()[0]
    old = room.room_tokens(store).tables[table.id]
    new = room.renew_table_token(store, table.id)
    assert new != old
    assert room.table_for_token(store, old) is None
    assert room.table_for_token(store, new) == table
    assert room.room_tokens(store).tables[table.id] == new
    event = room.room_tokens(store).event
    assert room.renew_event_token(store) != event
    assert not store.event_token_valid(event)


def test_a_phone_entry_is_stored_once_and_exactly(store: EventStore) -> None:
    table = store.tables()[2]
    text = '<b>hi</b> =SUM(A1) \u202eRTL\u202c 🙂 "q"\ttab\nline'
    theme, created = room.add_phone_entry(
        store, "id-1", table.id, None, "quote", text, ["mindset"], "dev-a"
    )
    assert created and theme.text == text and theme.origin == "phone" and theme.device == "dev-a"
    again, created = room.add_phone_entry(
        store, "id-1", table.id, None, "quote", "other", [], "dev-a"
    )
    assert not created and again == theme
    assert store.count_themes() == 1
    assert store.theme("id-1").cards == ("mindset",)


def test_control_characters_are_removed_by_the_apps_rule(store: EventStore) -> None:
    table = store.tables()[0]
    theme, _ = room.add_phone_entry(
        store, "id-c", table.id, None, "theme", "a\x00b\x07c\r\nd\x9fe", [], "dev"
    )
    assert theme.text == "abc\nde"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("x" * 2001, "theme"), ("  \n", "theme"), ("\x00\x01", "theme"), ("x", "vote")],
)
def test_bad_phone_entries_are_refused(store: EventStore, text: str, kind: str) -> None:
    with pytest.raises(InputError):
        room.add_phone_entry(store, "id-x", store.tables()[0].id, None, kind, text, [], "d")
    assert store.count_themes(include_deleted=True) == 0


def test_only_the_sending_phone_changes_its_entry(store: EventStore) -> None:
    table = store.tables()[0]
    room.add_phone_entry(store, "id-1", table.id, None, "theme", "first", [], "dev-a")
    laptop = store.add_theme("typed", table_id=table.id, round_id=None)
    for entry_id, device in (("id-1", "dev-b"), (laptop.id, "dev-a")):
        with pytest.raises(room.NotYours):
            room.edit_phone_entry(store, entry_id, device, text="x", kind="theme")
        with pytest.raises(room.NotYours):
            room.delete_phone_entry(store, entry_id, device)
    edited = room.edit_phone_entry(store, "id-1", "dev-a", text="second", kind="action")
    assert (edited.text, edited.kind) == ("second", "action")
    assert room.delete_phone_entry(store, "id-1", "dev-a").deleted_at is not None
    assert room.restore_phone_entry(store, "id-1", "dev-a").deleted_at is None
    assert laptop.origin == "laptop" and store.theme(laptop.id).origin == "laptop"


def test_an_older_file_gets_tokens_and_origins_when_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.facilitator"
    make_first_schema_file(path)
    with EventStore.open(path) as store:
        assert store.migrated_from == "0001" and store.schema_revision() == migrate.HEAD
        tokens = room.room_tokens(store)
        assert tokens.event and list(tokens.tables) == ["t-1"]
        (theme,) = store.themes()
        assert (theme.origin, theme.device) == ("laptop", None)
    backup = next(tmp_path.glob("old.facilitator.backup-schema0001-*"))
    old = sqlite3.connect(backup)
    assert "room_token" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    old.close()


def test_merge_and_exports_carry_the_origin(event_path: Path, tmp_path: Path) -> None:
    import csv
    import json
    import shutil

    from facilitator.core.harvest import build_harvest
    from facilitator.export.csv_writer import write_csv
    from facilitator.export.json_writer import write_json
    from facilitator.store.merge import merge_events

    other = tmp_path / "other.facilitator"
    shutil.copy(event_path, other)
    with EventStore.open(event_path) as store:
        table = store.tables()[0]
        store.add_theme("typed here", table_id=table.id, round_id=None)
    with EventStore.open(other) as store:
        store.add_theme("typed there", table_id=table.id, round_id=None)
        room.add_phone_entry(store, "p-1", table.id, None, "theme", "from a phone", [], "dev")
        store.set_table_count(13)
    out = tmp_path / "merged.facilitator"
    merge_events(out, [event_path, other])
    with EventStore.open(out, readonly=True) as store:
        origins = {t.text: (t.origin, t.device) for t in store.themes()}
        assert len(room.room_tokens(store).tables) == 13
        harvest = build_harvest(store)
    assert origins == {
        "typed here": ("laptop", None),
        "typed there": ("merge", None),
        "from a phone": ("phone", "dev"),
    }
    write_json(harvest, tmp_path / "h.json")
    themes = json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))["themes"]
    assert {t["text"]: t["origin"] for t in themes}["from a phone"] == "phone"
    write_csv(harvest, tmp_path / "h.csv")
    with open(tmp_path / "h.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-1] == "origin"
    assert {r[5]: r[-1] for r in rows[1:]}["typed there"] == "merge"
