"""Store operations: each one transaction, each returning what changed and its origin."""

from __future__ import annotations

import pytest

from facilitator.core.changes import CAPTURE, DECK, ENTRIES, Changes
from facilitator.core.errors import InputError
from facilitator.store import operations as ops
from facilitator.store.db import StoreError


def test_entry_operations_say_which_entries_changed_and_who_asked(store) -> None:
    table, round_ = store.tables()[0], store.rounds()[0]
    added = ops.add_theme(store, "Trust takes time", table_id=table.id, round_id=round_.id)
    (theme,) = added.added
    assert added.origin == CAPTURE and added.entries_changed and not added.picks_changed
    edited = ops.edit_theme(store, theme.id, text="Trust takes years", origin=ENTRIES)
    assert [t.text for t in edited.edited] == ["Trust takes years"]
    assert edited.origin == ENTRIES
    deleted = ops.delete_theme(store, theme.id, origin=ENTRIES)
    assert deleted.deleted[0].deleted_at
    restored = ops.restore_theme(store, theme.id, origin=ENTRIES)
    assert restored.restored[0].deleted_at is None
    hidden = ops.set_theme_hidden(store, theme.id, True, origin=ENTRIES)
    assert hidden.hidden[0].hidden and hidden.themes == hidden.hidden
    assert store.theme(theme.id).hidden


def test_a_pick_of_several_cards_is_one_transaction(store, demo_deck) -> None:
    table = store.tables()[1]
    keys = [c.id for c in demo_deck.cards[:2]]
    changes = ops.add_card_picks(store, keys, table_id=table.id, round_id=None, origin=DECK)
    assert [p.card_key for p in changes.picks] == keys and changes.picks_changed
    again = [changes.picks[1].id, "fresh-id"]  # one id already in the file: none is counted
    with pytest.raises(StoreError):
        ops.add_card_picks(store, keys, table_id=table.id, round_id=None, pick_ids=again)
    assert len(store.card_picks()) == 2
    withdrawn = ops.withdraw_card_pick(store, changes.picks[0].id, origin=DECK)
    assert withdrawn.withdrawn_picks == (changes.picks[0].id,)
    assert len(store.card_picks()) == 1
    ops.restore_card_pick(store, changes.picks[0].id, origin=DECK)
    assert len(store.card_picks()) == 2


def test_event_operations_report_their_records(store) -> None:
    rounds = store.rounds()
    assert ops.set_setting(store, "k", 1, origin="settings").settings == ("k",)
    assert ops.add_timeline(store, "start", round_id=rounds[0].id, origin="clock").timeline
    times = ops.set_round_times(
        store, rounds[0].id, actual_start="2024-01-01T10:00:00+00:00", origin="clock"
    )
    assert times.round_times == (rounds[0].id,)
    info, changes = ops.update_event(store, title="Renamed", origin="editor")
    assert info.title == "Renamed" and changes.event
    tables, changes = ops.set_table_count(store, 14, origin="editor")
    assert len(tables) == 14 and changes.tables
    with pytest.raises(InputError):
        ops.set_table_count(store, 0, origin="editor")
    assert ops.save_draft(store, "capture", "half typed").draft
    assert store.draft("capture").text == "half typed"


def test_changes_merge_and_list_every_entry_they_touch() -> None:
    a = Changes(timeline=True, settings=("a",), origin="clock")
    b = Changes(settings=("b",), draft=True, origin="live")
    both = a.merged(b)
    assert both.settings == ("a", "b") and both.timeline and both.draft
    assert both.origin == "clock" and not both.entries_changed


def test_a_projector_step_is_one_transaction_stamped_when_it_was_taken(store) -> None:
    round_id = store.rounds()[0].id
    taken = "2026-03-12T09:00:00.000000+00:00"
    changes = ops.add_timeline_with_settings(
        store,
        "projector",
        {"projector.item": "round:0", "projector.look": "light"},
        round_id=round_id,
        detail={"action": "next"},
        at=taken,
        origin="live",
    )
    assert changes.timeline and changes.settings == ("projector.item", "projector.look")
    (entry,) = store.timeline()
    assert (entry.at, entry.kind, entry.round_id) == (taken, "projector", round_id)
    assert store.setting("projector.look") == "light"
    with pytest.raises(TypeError):  # a setting that cannot be kept: the record goes too
        ops.add_timeline_with_settings(
            store, "projector", {"projector.item": object()}, origin="live"
        )
    assert len(store.timeline()) == 1 and store.setting("projector.item") == "round:0"


def test_a_new_round_keeps_the_id_given_up_front(store) -> None:
    from msgspec.structs import replace

    plan = store.plan()
    added = replace(plan.rounds[0], title="Added")
    ids = [r.id for r in store.rounds()] + ["chosen-before-the-save"]
    longer = replace(plan, rounds=(*plan.rounds, added))
    changes = ops.replace_plan(store, longer, ids, origin="editor")
    assert changes[1].plan
    assert store.rounds()[-1].id == "chosen-before-the-save"
    again = ops.replace_plan(store, longer, ids, origin="editor")[0]
    assert [r.id for r in again] == ids  # saved again: the same round, not another
