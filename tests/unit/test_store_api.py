"""The event file's API: what the UI relies on, each call committed before it returns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.core.plan import Plan, Round
from facilitator.store.db import EventStore


def test_a_new_event_holds_its_deck_plan_and_tables(store, demo_deck, demo_plan) -> None:
    assert store.event().title == "Test event"
    assert store.event().venue == "Hall"
    assert store.deck() == demo_deck
    assert store.plan() == demo_plan
    assert [t.label for t in store.tables()][:3] == ["Table 1", "Table 2", "Table 3"]
    assert len(store.tables()) == 12


def test_a_saved_theme_is_in_the_file_before_the_call_returns(store, event_path: Path) -> None:
    table = store.tables()[2]
    round_ = store.rounds()[0]
    theme = store.add_theme(
        "Trust takes time", table_id=table.id, round_id=round_.id, cards=["mindset"]
    )
    # another connection, as a crash-recovering app would see the file
    other = sqlite3.connect(event_path)
    row = other.execute(
        "SELECT text, table_id, round_id, cards_json FROM theme WHERE id=?", (theme.id,)
    ).fetchone()
    other.close()
    assert row == ("Trust takes time", table.id, round_.id, '["mindset"]')


def test_themes_are_listed_newest_first_and_filter_by_round_table_card_and_kind(store) -> None:
    t1, t2 = store.tables()[:2]
    r1, r2 = store.rounds()[:2]
    a = store.add_theme("first", table_id=t1.id, round_id=r1.id, cards=["mindset"])
    b = store.add_theme("second", table_id=t2.id, round_id=r1.id, kind="quote")
    c = store.add_theme("third", table_id=t1.id, round_id=r2.id, cards=["mindset", "resilience"])
    assert [t.id for t in store.themes()] == [c.id, b.id, a.id]
    assert [t.id for t in store.themes(round_id=r1.id)] == [b.id, a.id]
    assert [t.id for t in store.themes(table_id=t1.id)] == [c.id, a.id]
    assert [t.id for t in store.themes(card="mindset")] == [c.id, a.id]
    assert [t.id for t in store.themes(card="resilience")] == [c.id]
    assert [t.id for t in store.themes(kind="quote")] == [b.id]
    assert [t.id for t in store.themes(text="SEC")] == [b.id]
    assert store.count_themes(table_id=t1.id) == 2
    (newest,) = store.themes(limit=1)
    after = (newest.created_at, newest.id)
    assert [t.id for t in store.themes(after=after, limit=1)] == [b.id]


def test_text_filter_treats_percent_and_underscore_literally(store) -> None:
    store.add_theme("100% agreed", table_id=None, round_id=None)
    store.add_theme("1000 agreed", table_id=None, round_id=None)
    assert [t.text for t in store.themes(text="0%")] == ["100% agreed"]


def test_edit_delete_and_restore_keep_the_text(store) -> None:
    theme = store.add_theme("draft wording", table_id=None, round_id=None)
    edited = store.edit_theme(theme.id, text="better wording", kind="question")
    assert (edited.text, edited.kind) == ("better wording", "question")
    assert edited.updated_at >= theme.updated_at
    store.delete_theme(theme.id)
    assert store.themes() == []
    assert store.themes(include_deleted=True)[0].text == "better wording"
    store.restore_theme(theme.id)
    assert [t.text for t in store.themes()] == ["better wording"]


def test_hiding_from_the_wall_keeps_the_theme(store) -> None:
    theme = store.add_theme("keep me", table_id=None, round_id=None)
    assert store.set_theme_hidden(theme.id, True).hidden
    assert store.themes()[0].hidden


def test_unknown_kind_and_empty_text_are_refused(store) -> None:
    from facilitator.core.errors import InputError

    with pytest.raises(InputError, match="unknown kind"):
        store.add_theme("x", table_id=None, round_id=None, kind="rant")
    with pytest.raises(InputError, match="needs some text"):
        store.add_theme("   ", table_id=None, round_id=None)
    assert store.count_themes() == 0


def test_odd_text_is_stored_exactly(store) -> None:
    texts = [
        "x" * 100_000,
        "bell\x07 nul-less control\x1b[31m chars\ttab\r\n",
        "emoji 🧭🌍👩🏽‍🏫 and RTL שלום عليكم",
        "<b>bold?</b> <img src=x onerror=alert(1)> &amp;",
        "=HYPERLINK(\"http://x\")",
    ]
    for text in texts:
        store.add_theme(text, table_id=None, round_id=None)
    assert sorted(t.text for t in store.themes()) == sorted(texts)


def test_card_picks_and_their_tally(store) -> None:
    t1, t2, t3 = store.tables()[:3]
    store.add_card_pick("mindset", table_id=t1.id, round_id=None)
    store.add_card_pick("mindset", table_id=t2.id, round_id=None)
    pick = store.add_card_pick("resilience", table_id=t3.id, round_id=None)
    assert store.card_tally() == [("mindset", 2), ("resilience", 1)]
    store.delete_card_pick(pick.id)
    assert store.card_tally() == [("mindset", 2)]
    store.restore_card_pick(pick.id)
    assert len(store.card_picks()) == 3


def test_timeline_keeps_order_and_detail(store) -> None:
    round_id = store.rounds()[0].id
    store.add_timeline("round_started", round_id=round_id, detail={"planned_minutes": 15})
    store.add_timeline("projector", detail={"slide": "welcome"})
    kinds = [(e.kind, e.round_id, dict(e.detail)) for e in store.timeline()]
    assert kinds == [
        ("round_started", round_id, {"planned_minutes": 15}),
        ("projector", None, {"slide": "welcome"}),
    ]


def test_round_times_are_recorded(store) -> None:
    round_id = store.rounds()[1].id
    store.set_round_times(round_id, actual_start="2026-11-27T10:00:00+00:00")
    store.set_round_times(round_id, actual_end="2026-11-27T10:16:30+00:00")
    info = store.rounds()[1]
    assert (info.actual_start, info.actual_end) == (
        "2026-11-27T10:00:00+00:00",
        "2026-11-27T10:16:30+00:00",
    )


def test_drafts_survive_reopening_and_clear_when_empty(event_path: Path) -> None:
    with EventStore.open(event_path) as store:
        store.save_draft("capture", "half a thou", {"table": 3})
    with EventStore.open(event_path) as store:
        draft = store.draft("capture")
        assert draft is not None
        assert (draft.text, dict(draft.detail)) == ("half a thou", {"table": 3})
        store.save_draft("capture", "")
        assert store.draft("capture") is None


def test_settings_round_trip(store) -> None:
    assert store.setting("projector.screen", "none") == "none"
    store.set_setting("projector.screen", "HDMI-1")
    assert store.setting("projector.screen") == "HDMI-1"


def test_editing_the_plan_keeps_themes_attached_to_their_rounds(store) -> None:
    first = store.rounds()[0]
    theme = store.add_theme("attached", table_id=None, round_id=first.id)
    plan = store.plan()
    shorter = Plan(plan.title, (Round(first.title + " (short)", 5),))
    rounds = store.replace_plan(shorter)
    assert rounds[0].id == first.id and rounds[0].round.minutes == 5
    assert store.theme(theme.id).round_id == first.id


def test_adding_tables_never_removes_any(store) -> None:
    from facilitator.core.errors import InputError

    assert [t.number for t in store.set_table_count(14)][-2:] == [13, 14]
    with pytest.raises(InputError):
        store.set_table_count(0)
    assert len(store.tables()) == 14


def test_moving_rounds_keeps_each_theme_with_its_round(store) -> None:
    first, second = store.rounds()[:2]
    theme = store.add_theme("said in round two", table_id=None, round_id=second.id)
    plan = store.plan()
    swapped = Plan(plan.title, (plan.rounds[1], plan.rounds[0], *plan.rounds[2:]))
    ids = [second.id, first.id, *(r.id for r in store.rounds()[2:])]
    rounds = store.replace_plan(swapped, ids)
    assert rounds[0].id == second.id and rounds[0].title == second.title
    assert store.theme(theme.id).round_id == rounds[0].id


def test_a_deleted_round_with_themes_is_retired_not_erased(store) -> None:
    rounds = store.rounds()
    kept = store.add_theme("keep me", table_id=None, round_id=rounds[1].id)
    plan = store.plan()
    without = Plan(plan.title, (plan.rounds[0], *plan.rounds[2:]))
    after = store.replace_plan(without, [rounds[0].id, *(r.id for r in rounds[2:])])
    assert rounds[1].id not in [r.id for r in after]
    assert len(store.plan().rounds) == len(plan.rounds) - 1
    retired = store.rounds(include_retired=True)
    assert retired[-1].id == rounds[1].id
    assert store.theme(kept.id).round_id == rounds[1].id


def test_reading_an_event_leaves_its_folder_as_it_was(event_path: Path) -> None:
    with EventStore.open(event_path, readonly=True) as reader:
        assert reader.event().title == "Test event"
    assert sorted(p.name for p in event_path.parent.iterdir()) == [event_path.name]


def test_a_reader_beside_the_running_app_leaves_the_app_its_files(event_path: Path) -> None:
    with EventStore.open(event_path) as writer:
        with EventStore.open(event_path, readonly=True) as reader:
            assert reader.count_themes() == 0
        assert Path(f"{event_path}-wal").exists()
        writer.add_theme("still saving", table_id=None, round_id=None)
    with EventStore.open(event_path, readonly=True) as reader:
        assert [t.text for t in reader.themes()] == ["still saving"]
