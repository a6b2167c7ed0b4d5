"""Groups of entries in the event file: made, named, moved, split, put back, and locked by
the dot vote; each bad input refused with one line and nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.core.errors import InputError
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.store.merge import merge_events


def _entries(store: EventStore, texts: list[str], round_no: int = 0) -> list[str]:
    tables, rounds = store.tables(), store.rounds()
    return [
        store.add_theme(text, table_id=tables[n % len(tables)].id, round_id=rounds[round_no].id).id
        for n, text in enumerate(texts)
    ]


def test_a_group_holds_entries_and_an_entry_is_in_one_group(store: EventStore) -> None:
    a, b, c = _entries(store, ["Trust first", "trust first!", "Time to think"])
    rnd = store.rounds()[0].id
    first = store.create_group([a, b], round_id=rnd, name="Trust")
    second = store.create_group([b, c], round_id=rnd)
    assert second.name == "trust first!"  # unnamed: its first entry
    assert [(g.name, g.entry_ids) for g in store.groups(rnd)] == [
        ("Trust", (a,)),
        ("trust first!", (b, c)),
    ]
    assert store.group_of() == {a: first.id, b: second.id, c: second.id}


def test_move_rename_split_and_dissolve(store: EventStore) -> None:
    a, b, c = _entries(store, ["One", "Two", "Three"])
    rnd = store.rounds()[0].id
    g = store.create_group([a, b, c], round_id=rnd, name="All")
    split = store.create_group([c], round_id=rnd, name="Apart")  # split: some into a new one
    store.rename_group(g.id, "  The   first ")
    assert [(x.name, x.entry_ids) for x in store.groups(rnd)] == [
        ("The first", (a, b)),
        ("Apart", (c,)),
    ]
    store.move_entries([b], split.id)
    store.move_entries([a], None)  # out of any group: its group, now empty, goes
    assert [(x.name, x.entry_ids) for x in store.groups(rnd)] == [("Apart", (c, b))]
    store.dissolve_group(split.id)
    assert store.groups(rnd) == [] and store.group_of() == {}


def test_a_snapshot_puts_every_group_back(store: EventStore) -> None:
    a, b = _entries(store, ["One", "Two"])
    rnd = store.rounds()[0].id
    store.create_group([a, b], round_id=rnd, name="Both")
    before = store.group_snapshot()
    store.move_entries([a, b], None)
    assert store.groups(rnd) == []
    store.restore_group_snapshot(before)
    assert [(g.name, g.entry_ids) for g in store.groups(rnd)] == [("Both", (a, b))]


def test_an_entry_of_another_event_is_refused(store: EventStore) -> None:
    (a,) = _entries(store, ["Here"])
    with pytest.raises(InputError, match="not in this event file"):
        store.create_group([a, "an-id-from-another-file"], round_id=None, name="Mixed")
    assert store.groups(None) == [] and store.group_of() == {}


def test_an_entry_of_another_round_or_deleted_is_refused(store: EventStore) -> None:
    (a,) = _entries(store, ["Round one"])
    (b,) = _entries(store, ["Round two"], round_no=1)
    (c,) = _entries(store, ["Gone"])
    store.delete_theme(c)
    rnd = store.rounds()[0].id
    with pytest.raises(InputError, match="“Round two” was said in another round"):
        store.create_group([a, b], round_id=rnd)
    with pytest.raises(InputError, match="“Gone” has been deleted"):
        store.create_group([a, c], round_id=rnd)
    with pytest.raises(InputError, match="at least one entry"):
        store.create_group([], round_id=rnd)
    with pytest.raises(InputError, match="at most 200"):
        store.create_group([a], round_id=rnd, name="x" * 201)
    assert store.group_of() == {}
    # the event's own groups take entries of any round
    assert store.create_group([a, b], round_id=None).entry_ids == (a, b)


def test_an_entry_hidden_or_deleted_after_grouping_stays_and_is_left_out(
    store: EventStore,
) -> None:
    a, b = _entries(store, ["Kept", "Deleted later"])
    rnd = store.rounds()[0].id
    g = store.create_group([a, b], round_id=rnd, name="G")
    store.set_theme_hidden(a, True)
    store.delete_theme(b)
    assert store.groups(rnd)[0].entry_ids == (a,)  # hidden: still in (the wall skips it)
    store.restore_theme(b)
    assert store.groups(rnd)[0].entry_ids == (a, b)
    store.delete_theme(a)
    store.delete_theme(b)
    assert store.groups(rnd) == []  # every entry deleted: the group is not shown
    assert store.group(g.id).entry_ids == (a, b)  # nor forgotten


def test_a_group_emptied_is_deleted_and_undo_brings_it_back(store: EventStore) -> None:
    (a,) = _entries(store, ["Alone"])
    rnd = store.rounds()[0].id
    g = store.create_group([a], round_id=rnd, name="Lonely")
    before = store.group_snapshot()
    store.move_entries([a], None)
    assert store.groups(rnd) == []
    with pytest.raises(Exception, match="no longer in the event file"):
        store.rename_group(g.id, "Renamed")
    store.restore_group_snapshot(before)
    assert [x.name for x in store.groups(rnd)] == ["Lonely"]


def _two_groups(store: EventStore) -> tuple[str, list[str], list[str]]:
    ids = _entries(store, ["A1", "A2", "B1", "C1"])
    rnd = store.rounds()[0].id
    groups = [
        store.create_group(ids[:2], round_id=rnd, name="A").id,
        store.create_group(ids[2:3], round_id=rnd, name="B").id,
    ]
    return rnd, ids, groups


def test_groups_lock_once_the_dot_vote_opens(store: EventStore) -> None:
    rnd, ids, groups = _two_groups(store)
    store.open_dot_vote(rnd, budget=5, per_group=3)
    before = store.group_snapshot()
    for change in (
        lambda: store.create_group([ids[3]], round_id=rnd),
        lambda: store.rename_group(groups[0], "Renamed"),
        lambda: store.move_entries([ids[0]], groups[1]),
        lambda: store.move_entries([ids[0]], None),
        lambda: store.dissolve_group(groups[1]),
        lambda: store.restore_group_snapshot(before.__class__(groups=(), members=())),
    ):
        with pytest.raises(InputError, match="locked: a dot vote has been opened"):
            change()
    assert store.group_snapshot() == before
    # another round's groups are not locked
    (other,) = _entries(store, ["Elsewhere"], round_no=1)
    store.create_group([other], round_id=store.rounds()[1].id)


def test_dots_within_the_budget_replace_the_ballot(store: EventStore) -> None:
    rnd, _ids, (a, b) = _two_groups(store)
    vote = store.open_dot_vote(rnd, budget=5, per_group=3)
    assert store.cast_dots(vote.id, "phone-1", {a: 3, b: 2}, 1)
    assert store.cast_dots(vote.id, "phone-2", {b: 1}, 1)
    assert store.dot_tally(vote.id) == ({a: 3, b: 3}, 2)
    assert store.cast_dots(vote.id, "phone-1", {a: 2, b: 0}, 2)  # a dot taken back
    assert not store.cast_dots(vote.id, "phone-1", {a: 3, b: 2}, 1)  # an old ballot replayed
    assert store.dot_tally(vote.id) == ({a: 2, b: 1}, 2)
    assert store.dot_ballot(vote.id, "phone-1") == (2, {a: 2})


@pytest.mark.parametrize(
    ("dots", "message"),
    [
        ({"A": 3, "B": 3}, "you have 5 dots to place, no more"),
        ({"A": 4}, "at most 3 dots may go on one group"),
        ({"A": -1}, "whole number"),
        ({"A": 1.5}, "whole number"),
        ({"A": True}, "whole number"),
        ({"elsewhere": 1}, "not in this vote"),
        (["A"], "per group"),
    ],
)
def test_a_ballot_over_the_rules_is_refused(store: EventStore, dots: object, message: str) -> None:
    rnd, _ids, (a, b) = _two_groups(store)
    vote = store.open_dot_vote(rnd, budget=5, per_group=3)
    store.cast_dots(vote.id, "phone-1", {a: 1}, 1)
    named = (
        {{"A": a, "B": b}.get(k, k): v for k, v in dots.items()} if isinstance(dots, dict) else dots
    )
    with pytest.raises(InputError, match=message):
        store.cast_dots(vote.id, "phone-1", named, 2)  # type: ignore[arg-type]
    assert store.dot_tally(vote.id) == ({a: 1}, 1)


def test_a_device_voting_after_close_is_refused(store: EventStore) -> None:
    rnd, _ids, (a, _b) = _two_groups(store)
    vote = store.open_dot_vote(rnd, budget=5, per_group=3)
    store.cast_dots(vote.id, "phone-1", {a: 1}, 1)
    store.close_dot_vote(vote.id)
    with pytest.raises(InputError, match="the dot vote has closed"):
        store.cast_dots(vote.id, "phone-1", {a: 2}, 2)
    with pytest.raises(InputError, match="the dot vote has closed"):
        store.cast_dots(vote.id, "phone-9", {a: 1}, 1)
    assert store.dot_tally(vote.id) == ({a: 1}, 1)


def test_a_dot_vote_needs_groups_and_sane_settings(store: EventStore) -> None:
    rnd = store.rounds()[0].id
    with pytest.raises(InputError, match="at least two groups"):
        store.open_dot_vote(rnd, budget=5, per_group=3)
    rnd, _ids, _groups = _two_groups(store)
    with pytest.raises(InputError, match="1 to 50"):
        store.open_dot_vote(rnd, budget=0, per_group=1)
    with pytest.raises(InputError, match="one group must be 1 to 5"):
        store.open_dot_vote(rnd, budget=5, per_group=6)
    vote = store.open_dot_vote(rnd, budget=5, per_group=3)
    with pytest.raises(InputError, match="already open"):
        store.open_dot_vote(store.rounds()[1].id, budget=5, per_group=3)
    store.close_dot_vote(vote.id)
    with pytest.raises(InputError, match="had their dot vote already"):
        store.open_dot_vote(rnd, budget=5, per_group=3)


def test_the_operations_say_what_changed(store: EventStore) -> None:
    (a,) = _entries(store, ["One"])
    changes = ops.create_group(store, [a], round_id=None, name="G", origin="grouping")
    assert changes.groups and not changes.entries_changed


def test_groups_of_different_events_merge_and_an_entry_stays_in_one_group(
    tmp_path: Path, demo_deck: object, demo_plan: object
) -> None:
    paths = []
    shared_id = "entry-on-both-laptops"
    for n, name in enumerate(("Morning", "Afternoon")):
        path = tmp_path / f"{name}.facilitator"
        with EventStore.create(path, title=name, deck=demo_deck, plan=demo_plan, tables=3) as s:  # type: ignore[arg-type]
            rnd = s.rounds()[0].id
            own = _entries(s, [f"{name} 1", f"{name} 2"])
            s.add_theme("Said at both", table_id=s.tables()[0].id, round_id=rnd, theme_id=shared_id)
            s.create_group([*own, shared_id], round_id=None, name=f"{name} group")
            if n == 0:
                s.create_group([own[0]], round_id=None, name="Split off")
        paths.append(path)
    out = tmp_path / "both.facilitator"
    merge_events(out, paths, force=True)
    with EventStore.open(out, readonly=True) as merged:
        groups = {g.name: len(g.entry_ids) for g in merged.groups(None)}
        owners = merged.group_of()
        morning = next(g for g in merged.groups(None) if g.name == "Morning group")
    assert groups == {"Morning group": 2, "Split off": 1, "Afternoon group": 2}
    assert owners[shared_id] == morning.id  # the first file's group keeps a shared entry
    assert len(owners) == 5 and len(set(owners)) == 5
    assert json.loads(json.dumps(groups))  # plain values


def test_a_dot_vote_and_its_ballots_come_along_in_a_merge(event_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "laptop-b.facilitator"
    with EventStore.open(event_path) as store:
        rnd, _ids, (a, b) = _two_groups(store)
        vote = store.open_dot_vote(rnd, budget=5, per_group=3)
        store.cast_dots(vote.id, "phone-1", {a: 2, b: 1}, 1)
        store.close_dot_vote(vote.id)
        deck, plan = store.deck(), store.plan()
    with EventStore.create(other, title="Other", deck=deck, plan=plan, tables=2):
        pass
    out = tmp_path / "merged.facilitator"
    merge_events(out, [other, event_path], force=True)
    with EventStore.open(out) as merged:
        (kept,) = merged.dot_votes()
        assert merged.dot_tally(kept.id) == ({a: 2, b: 1}, 1)
        assert [g.name for g in merged.vote_groups(kept)] == ["A", "B"]
        with pytest.raises(InputError, match="locked"):  # still locked in the merged file
            merged.rename_group(a, "Renamed")
