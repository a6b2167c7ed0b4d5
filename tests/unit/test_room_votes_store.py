"""The room's votes in the event file: one ballot per device per vote, held by the file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from facilitator.core.errors import InputError
from facilitator.core.votes import CARD_QUESTION, CHOICE, VoteClosed, VoteLocked
from facilitator.store import migrate
from facilitator.store import operations as ops
from facilitator.store.db import EventStore


def cards(store: EventStore) -> list[str]:
    return [c.id for c in store.deck(images=False).cards]


def test_a_device_votes_changes_its_vote_and_counts_once(store: EventStore) -> None:
    vote, changes = ops.open_vote(store, CARD_QUESTION, origin="room")
    assert changes.votes == (vote.id,) and vote.is_open and vote.results_shown
    first, second = cards(store)[:2]
    _ballot, cast = ops.cast_ballot(store, vote.id, "phone-a", first)
    assert cast.votes == (vote.id,) and cast.origin == "phone"
    ops.cast_ballot(store, vote.id, "phone-b", first)
    ops.cast_ballot(store, vote.id, "phone-a", second)
    assert store.vote_counts(vote.id) == {first: 1, second: 1}
    _ballot, again = ops.cast_ballot(store, vote.id, "phone-a", second)
    assert again.votes == ()  # a repeat changes nothing
    assert [b.device for b in store.ballots(vote.id)] == ["phone-b", "phone-a"]


def test_a_card_that_is_not_in_the_deck_is_refused(store: EventStore) -> None:
    vote = store.open_vote(CARD_QUESTION)
    with pytest.raises(InputError, match="not one of this vote's answers"):
        store.cast_ballot(vote.id, "phone-a", "no-such-card")
    assert store.ballots() == []


def test_a_vote_after_the_vote_closed_is_refused(store: EventStore) -> None:
    vote = store.open_vote(CARD_QUESTION)
    store.cast_ballot(vote.id, "phone-a", cards(store)[0])
    closed, changes = ops.close_vote(store, vote.id, origin="room")
    assert not closed.is_open and changes.votes == (vote.id,)
    with pytest.raises(VoteClosed):
        store.cast_ballot(vote.id, "phone-a", cards(store)[1])
    with pytest.raises(VoteClosed):
        store.cast_ballot("no-such-vote", "phone-a", cards(store)[1])
    assert store.vote_counts(vote.id) == {cards(store)[0]: 1}


def test_a_vote_that_allows_no_change_keeps_the_first_ballot(store: EventStore) -> None:
    vote = store.open_vote(CARD_QUESTION, changeable=False)
    first, second = cards(store)[:2]
    store.cast_ballot(vote.id, "phone-a", first)
    assert store.cast_ballot(vote.id, "phone-a", first)[1] is False  # a replay is fine
    with pytest.raises(VoteLocked):
        store.cast_ballot(vote.id, "phone-a", second)
    assert store.vote_counts(vote.id) == {first: 1}


def test_hidden_results_are_shown_once_the_vote_closes(store: EventStore) -> None:
    vote = store.open_vote(CARD_QUESTION, hidden=True)
    assert not vote.results_shown
    assert store.close_vote(vote.id).results_shown


def test_opening_a_vote_closes_the_one_before(store: EventStore) -> None:
    first = store.open_vote(CARD_QUESTION)
    second = store.open_vote("Lunch?", kind=CHOICE, choices=["Yes", "No", "Yes", " "])
    assert second.choices == ("Yes", "No")
    old = store.vote(first.id)
    assert old is not None and not old.is_open
    assert store.latest_vote() == second
    with pytest.raises(InputError, match="not one of"):
        store.cast_ballot(second.id, "p", "Maybe")
    store.close_vote(second.id)
    assert store.latest_vote() == store.vote(second.id)  # the last one stays in view


@pytest.mark.parametrize(
    ("question", "kind", "choices"),
    [("", "card", ()), ("x" * 301, "card", ()), ("Q?", "poll", ()), ("Q?", "choice", ["One"])],
)
def test_a_vote_that_cannot_be_asked_is_refused(
    store: EventStore, question: str, kind: str, choices: list[str]
) -> None:
    with pytest.raises(InputError):
        store.open_vote(question, kind=kind, choices=choices)
    assert store.votes() == []


def test_two_ballots_from_one_device_at_the_same_instant_count_once(event_path: Path) -> None:
    with EventStore.open(event_path) as store:
        vote = store.open_vote(CARD_QUESTION)
        keys = cards(store)
    writers = [EventStore.open_writer(event_path) for _ in range(4)]
    start = threading.Barrier(len(writers))
    errors: list[BaseException] = []

    def cast(writer: EventStore, answer: str) -> None:
        start.wait()
        try:
            writer.cast_ballot(vote.id, "same-phone", answer)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=cast, args=(w, keys[i % 2])) for i, w in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for w in writers:
        w.close()
    assert errors == []
    with EventStore.open(event_path, readonly=True) as store:
        assert len(store.ballots(vote.id)) == 1


def test_the_file_itself_refuses_a_second_ballot_of_a_device(event_path: Path) -> None:
    with EventStore.open(event_path) as store:
        vote = store.open_vote(CARD_QUESTION)
        store.cast_ballot(vote.id, "phone-a", cards(store)[0])
    conn = sqlite3.connect(event_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO room_ballot VALUES ('b2', ?, 'phone-a', 'x', '2026-01-01')",
                (vote.id,),
            )
    finally:
        conn.close()


def test_a_file_of_schema_0004_opens_with_a_backup_and_takes_votes(tmp_path: Path) -> None:
    path = tmp_path / "room.facilitator"
    migrate.upgrade_file(path, "0004")
    db = sqlite3.connect(path)
    db.executescript(
        """
        INSERT INTO event VALUES ('ev-1', 'Room', '', '', '', '2026-03-01T09:00:00+00:00', '');
        INSERT INTO deck VALUES ('d-1', 'Deck', 'Theme', '[]', '', '2026-03-01');
        INSERT INTO suit VALUES ('s-1', 'd-1', 'being', 'Being', '#1b6ca8', 0);
        INSERT INTO card VALUES ('c-1', 'd-1', 'mindset', 'being', 'Mindset', 'Front', '[]',
                                 '', 0);
        INSERT INTO plan VALUES ('p-1', 'Plan');
        """
    )
    db.commit()
    db.close()
    with EventStore.open(path) as store:
        assert store.migrated_from == "0004" and store.backup_path is not None
        assert "schema0004" in store.backup_path.name
        vote = store.open_vote(CARD_QUESTION)
        store.cast_ballot(vote.id, "phone-a", "mindset")
        assert store.vote_counts(vote.id) == {"mindset": 1}
