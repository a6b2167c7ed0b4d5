"""What delegates send together is committed together (room/batch.py CommitGroup): one
durable commit for a burst, each ballot, answer, question or up-vote checked alone, a bad
one refused with its reason and the others stored."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from facilitator.core.errors import InputError
from facilitator.core.votes import CARD_QUESTION, VoteClosed
from facilitator.room.batch import CommitGroup
from facilitator.store.base import StoreError
from facilitator.store.db import EventStore
from unit.room_helpers import run, running, tokens
from unit.test_room_server import base, post
from unit.test_room_vote_api import ballot, counts, open_vote


def commits_of(store: EventStore) -> list[str]:
    """Every COMMIT the store's connection sends from now on."""
    seen: list[str] = []
    store.conn.set_trace_callback(lambda sql: seen.append(sql) if sql == "COMMIT" else None)
    return seen


def test_a_burst_of_ballots_is_one_commit_and_a_bad_one_is_refused_alone(
    event_path: Path,
) -> None:
    with EventStore.open_writer(event_path) as store:
        vote = store.open_vote(CARD_QUESTION)
        cards = [c.id for c in store.deck(images=False).cards]
        commits = commits_of(store)
        group = CommitGroup(store)

        async def burst() -> list[Any]:
            jobs = [
                group.run(lambda s, i=i: s.cast_ballot(vote.id, f"phone-{i}", cards[i % 3]))
                for i in range(20)
            ]
            jobs.insert(5, group.run(lambda s: s.cast_ballot(vote.id, "phone-x", "no-card")))
            jobs.insert(9, group.run(lambda s: s.cast_ballot("gone", "phone-y", cards[0])))
            return list(await asyncio.gather(*jobs, return_exceptions=True))

        results = asyncio.run(burst())
        assert commits == ["COMMIT"]  # one fsync for the 22
        assert isinstance(results[5], InputError) and "answers" in str(results[5])
        assert isinstance(results[9], VoteClosed)
        good = [r for i, r in enumerate(results) if i not in (5, 9)]
        assert all(changed for _ballot, changed in good)
        assert sum(store.vote_counts(vote.id).values()) == 20
        assert store.ballot(vote.id, "phone-x") is None


def test_a_write_refused_in_a_group_undoes_only_itself(event_path: Path) -> None:
    with EventStore.open_writer(event_path) as store:
        vote = store.open_vote(CARD_QUESTION)
        card = store.deck(images=False).cards[0].id
        with store.grouped():
            store.cast_ballot(vote.id, "phone-a", card)
            with pytest.raises(InputError):
                store.cast_ballot(vote.id, "phone-b", "no-card")
            store.ask_room("q-1", "phone-b", "Where next?")
        assert store.vote_counts(vote.id) == {card: 1}
        assert [q.text for q in store.room_questions()] == ["Where next?"]


def test_a_failed_commit_stores_nothing_and_tells_every_phone(event_path: Path) -> None:
    with EventStore.open_writer(event_path) as store:
        vote = store.open_vote(CARD_QUESTION)
        card = store.deck(images=False).cards[0].id
    with EventStore.open(event_path, readonly=True) as reader:
        group = CommitGroup(reader)  # every write refused: a drive gone read-only

        async def burst() -> list[Any]:
            jobs = [
                group.run(lambda s, i=i: s.cast_ballot(vote.id, f"p{i}", card)) for i in range(3)
            ]
            return list(await asyncio.gather(*jobs, return_exceptions=True))

        results = asyncio.run(burst())
    assert all(isinstance(r, StoreError) and "read-only" in str(r) for r in results)
    assert counts(event_path, vote.id) == {}


def test_phones_voting_at_once_are_answered_each_by_its_own_ballot(
    event_path: Path, tmp_path: Path
) -> None:
    with running(event_path, tmp_path / "static") as (server, _heard):
        token = tokens(event_path).event
        vote, cards = open_vote(event_path, server)
        url = f"{base(server)}/api/j/{token}"

        async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
            taps = [post(s, f"{url}/vote", ballot(vote, cards[i % 4], f"d{i}")) for i in range(30)]
            taps.append(post(s, f"{url}/vote", ballot(vote, "no-such-card", "d-bad")))
            taps.append(
                post(s, f"{url}/questions", {"id": "q1", "text": "x" * 2001, "device": "d1"})
            )
            taps.append(post(s, f"{url}/questions", {"id": "q2", "text": "Why?", "device": "d2"}))
            return list(await asyncio.gather(*taps))

        answers = run(job)
    assert all(status == 200 for status, _ in answers[:30])
    assert [a["mine"] for _s, a in answers[:30]] == [cards[i % 4] for i in range(30)]
    assert answers[30][0] == 400 and "not one of this vote's answers" in answers[30][1]["error"]
    assert answers[31][0] == 400 and "2,000" in answers[31][1]["error"]
    assert answers[32][0] == 200 and answers[32][1]["status"] == "waiting"
    assert sum(counts(event_path, vote).values()) == 30
