"""The harvest read model: what every export shows, built once from the event file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.store.db import EventStore
from unit.harvest_sample import DELETED_TEXT, ENTRIES, HIDDEN_TEXT, PICKS, live_texts, rich_event


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    path = rich_event(tmp_path_factory.mktemp("harvest"))
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


def test_deleted_entries_are_left_out_and_hidden_ones_kept(harvest: Harvest) -> None:
    texts = [t.text for t in harvest.themes]
    assert DELETED_TEXT not in texts
    assert HIDDEN_TEXT in texts
    assert sorted(texts) == sorted(live_texts())
    assert next(t for t in harvest.themes if t.text == HIDDEN_TEXT).hidden


def test_entries_come_in_round_then_table_order(harvest: Harvest) -> None:
    keys = [
        (t.round.number if t.round else 99, t.table.number if t.table else 99)
        for t in harvest.themes
    ]
    assert keys == sorted(keys)


def test_every_round_of_the_plan_has_a_section_and_loose_entries_come_last(
    harvest: Harvest,
) -> None:
    titles = [s.title for s in harvest.sections]
    assert titles[: len(harvest.rounds)] == [r.label for r in harvest.rounds]
    assert titles[-1] == "Not tied to a round"
    first_conversation = harvest.sections[1]
    assert [g.label for g in first_conversation.groups] == [
        "Table 1",
        "Table 2",
        "Table 3",
        "Table 4",
        "Table 5",
        "Table 8",
    ]
    assert len(first_conversation.of_kind("quote")) == 1


def test_counts_by_kind(harvest: Harvest) -> None:
    expected = {k: sum(1 for e in ENTRIES if e[2] == k) for k in ("quote", "question", "action")}
    assert harvest.kind_counts == {"theme": len(live_texts()) - sum(expected.values()), **expected}


def test_card_tally_counts_live_picks_in_suit_colours(harvest: Harvest) -> None:
    tally = {b.card.key: b.picks for b in harvest.tally}
    assert tally == {k: PICKS.count(k) for k in set(PICKS)}
    assert harvest.tally[0].card.key == "mindset"
    suits = {s.id: s.colour for s in harvest.deck.suits}
    for bar in harvest.tally:
        assert bar.card.colour == suits[bar.card.suit_id]
    assert harvest.tally[0].tables == ("Table 1", "Table 2", "Table 5")


def test_most_tagged_cards_carry_their_entries(harvest: Harvest) -> None:
    top = {t.card.key: [e.text for e in t.themes] for t in harvest.most_tagged}
    assert len(top["mindset"]) == 3
    assert "Map the local system with clients, not for them" in top["systems-thinking"]


def test_rounds_carry_planned_and_actual_times_with_offsets(harvest: Harvest) -> None:
    first = harvest.rounds[0]
    assert first.planned_start == "2025-03-14T09:30:00+00:00"
    assert first.actual_start and datetime.fromisoformat(first.actual_start).utcoffset() is not None
    assert first.actual_minutes == pytest.approx(6.0)
    assert harvest.rounds[4].actual_start is None
    assert harvest.clock(first.planned_start) == "09:30"


def test_times_are_shown_in_the_chosen_zone(tmp_path: Path) -> None:
    from datetime import timedelta, timezone

    path = rich_event(tmp_path)
    with EventStore.open(path, readonly=True) as store:
        paris = build_harvest(store, tz=timezone(timedelta(hours=1)))
    assert paris.clock(paris.rounds[0].planned_start) == "10:30"
    assert paris.exported_at.endswith("+01:00")


def test_a_tag_the_deck_no_longer_has_keeps_its_key(tmp_path: Path) -> None:
    path = rich_event(tmp_path)
    with EventStore.open(path) as store:
        store.add_theme("Old card", table_id=None, round_id=None, cards=["retired-card"])
    with EventStore.open(path, readonly=True) as store:
        harvest = build_harvest(store)
    theme = next(t for t in harvest.themes if t.text == "Old card")
    assert theme.cards[0].title == "retired-card" and not theme.cards[0].known


def test_an_empty_event_has_a_harvest(tmp_path: Path) -> None:
    from facilitator.core.demo import load_deck_choice, load_plan_choice

    path = tmp_path / "empty.facilitator"
    EventStore.create(
        path, title="Empty", deck=load_deck_choice(None), plan=load_plan_choice(None)
    ).close()
    with EventStore.open(path, readonly=True) as store:
        harvest = build_harvest(store)
    assert harvest.themes == () and harvest.tally == () and harvest.most_tagged == ()
    assert all(s.count == 0 for s in harvest.sections)
