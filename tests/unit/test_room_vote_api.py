"""Delegates vote through the join link, for real on 127.0.0.1: what is counted, what the
phones and the GUI are told, and everything the vote route refuses."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from facilitator.core.changes import ROOM, Changes
from facilitator.core.votes import CARD_QUESTION
from facilitator.room import guard
from facilitator.store.db import EventStore
from unit.room_helpers import run, running, tokens
from unit.test_room_server import base, post


@pytest.fixture
def served(event_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with running(event_path, tmp_path / "static") as (server, heard):
        yield server, heard, tokens(event_path).event


def open_vote(event_path: Path, server: Any, **options: Any) -> tuple[str, list[str]]:
    """Open a card vote as the GUI does (its own connection, then tell the server)."""
    with EventStore.open_writer(event_path) as store:
        vote = store.open_vote(CARD_QUESTION, **options)
        cards = [c.id for c in store.deck(images=False).cards]
    server.event_changed(Changes(votes=(vote.id,), origin=ROOM))
    return vote.id, cards


def close_vote(event_path: Path, server: Any, vote_id: str) -> None:
    with EventStore.open_writer(event_path) as store:
        store.close_vote(vote_id)
    server.event_changed(Changes(votes=(vote_id,), origin=ROOM))


def counts(event_path: Path, vote_id: str) -> dict[str, int]:
    with EventStore.open(event_path, readonly=True) as store:
        return store.vote_counts(vote_id)


def ballot(vote: str, answer: str, device: str = "phone-a", **more: Any) -> dict[str, Any]:
    return {"vote": vote, "answer": answer, "device": device, **more}


def test_a_delegate_votes_changes_and_the_gui_and_the_phones_hear(  # type: ignore[no-untyped-def]
    served, event_path: Path
) -> None:
    server, heard, token = served
    vote, cards = open_vote(event_path, server)
    url = f"{base(server)}/api/j/{token}"

    async def job(s: aiohttp.ClientSession) -> dict[str, Any]:
        watcher = await s.ws_connect(f"{url}/ws?device=watcher")
        first = await watcher.receive_json(timeout=5)
        assert first["vote"]["id"] == vote and first["vote"]["mine"] is None
        assert [o["id"] for o in first["vote"]["options"]] == cards
        assert first["vote"]["options"][0]["front"]
        status, answer = await post(s, f"{url}/vote", ballot(vote, cards[0]))
        assert (status, answer) == (200, {"vote": vote, "mine": cards[0], "saved": True})
        status, _ = await post(s, f"{url}/vote", ballot(vote, cards[1]))
        assert status == 200
        while True:  # pushes are throttled: the last one says where things stand
            pushed = await watcher.receive_json(timeout=5)
            if pushed["vote"]["results"] == {cards[1]: 1}:
                break
        assert "mine" not in pushed["vote"]  # a push to everyone says nothing of anyone
        async with s.get(f"{url}/state?device=phone-a") as r:
            return dict(await r.json())

    state = run(job)
    assert state["vote"]["mine"] == cards[1] and state["vote"]["total"] == 1
    assert counts(event_path, vote) == {cards[1]: 1}
    with heard._cond:
        heard._cond.wait_for(lambda: sum(len(c.votes) for c in heard.changes) >= 1, 5)
    assert all(c.origin == "phone" for c in heard.changes)
    assert {v for c in heard.changes for v in c.votes} == {vote}


def test_hidden_results_reach_no_phone_until_the_vote_closes(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served
    vote, cards = open_vote(event_path, server, hidden=True)
    url = f"{base(server)}/api/j/{token}"

    async def job(s: aiohttp.ClientSession) -> None:
        await post(s, f"{url}/vote", ballot(vote, cards[0]))
        async with s.get(f"{url}/state?device=phone-a") as r:
            state = await r.json()
        assert state["vote"]["results"] is None and state["vote"]["total"] == 1
        assert state["vote"]["mine"] == cards[0]
        watcher = await s.ws_connect(f"{url}/ws?device=watcher")
        assert (await watcher.receive_json(timeout=5))["vote"]["results"] is None
        close_vote(event_path, server, vote)
        pushed = await watcher.receive_json(timeout=5)
        assert pushed["vote"]["open"] is False and pushed["vote"]["results"] == {cards[0]: 1}

    run(job)


def test_a_vote_after_the_vote_closed_is_refused(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served
    vote, cards = open_vote(event_path, server)
    close_vote(event_path, server, vote)

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        return await post(s, f"{base(server)}/api/j/{token}/vote", ballot(vote, cards[0]))

    status, answer = run(job)
    assert status == 409 and answer["error"] == "The vote is closed."
    assert counts(event_path, vote) == {}


def test_a_changed_ballot_in_a_vote_that_allows_no_change_is_refused(  # type: ignore[no-untyped-def]
    served, event_path: Path
) -> None:
    server, _heard, token = served
    vote, cards = open_vote(event_path, server, changeable=False)
    url = f"{base(server)}/api/j/{token}/vote"

    async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        return [await post(s, url, ballot(vote, c)) for c in (cards[0], cards[0], cards[1])]

    answers = run(job)
    assert [a[0] for a in answers] == [200, 200, 409]
    assert "does not allow changes" in answers[2][1]["error"]
    assert counts(event_path, vote) == {cards[0]: 1}


def test_two_ballots_of_one_device_at_the_same_instant_count_once(  # type: ignore[no-untyped-def]
    served, event_path: Path
) -> None:
    server, _heard, token = served
    vote, cards = open_vote(event_path, server)
    url = f"{base(server)}/api/j/{token}/vote"

    async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        taps = [post(s, url, ballot(vote, cards[i % 3])) for i in range(6)]
        return list(await asyncio.gather(*taps))

    assert {a[0] for a in run(job)} == {200}
    assert sum(counts(event_path, vote).values()) == 1


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (ballot("VOTE", "no-such-card"), 400, "not one of this vote's answers"),
        (ballot("no-such-vote", "CARD"), 409, "closed"),
        (ballot("VOTE", "CARD", device=""), 400, "device"),
        (ballot("VOTE", "CARD", device="d" * 65), 400, "device"),
        ({"vote": "VOTE", "device": "phone-a"}, 400, "answer"),
        ({"vote": "VOTE", "answer": 3, "device": "phone-a"}, 400, "answer"),
        (b"[1]", 400, "JSON object"),
        (b"{", 400, "not valid JSON"),
        (json.dumps(ballot("VOTE", "CARD", pad="x" * 4100)), 413, "too big"),
    ],
)
def test_bad_ballots_are_refused_in_words_and_nothing_is_counted(  # type: ignore[no-untyped-def]
    served, event_path: Path, body: Any, status: int, words: str
) -> None:
    server, _heard, token = served
    vote, cards = open_vote(event_path, server)
    if isinstance(body, dict):
        body = {k: {"VOTE": vote, "CARD": cards[0]}.get(v, v) for k, v in body.items()}

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        return await post(s, f"{base(server)}/api/j/{token}/vote", body)

    got, answer = run(job)
    assert got == status and words in answer["error"]
    assert counts(event_path, vote) == {}


def test_an_old_join_token_cannot_vote(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served
    vote, cards = open_vote(event_path, server)
    with EventStore.open_writer(event_path) as store:
        store.renew_event_token()

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        return await post(s, f"{base(server)}/api/j/{token}/vote", ballot(vote, cards[0]))

    status, answer = run(job)
    assert status == 404 and "no longer valid" in answer["error"]
    assert counts(event_path, vote) == {}


def test_a_flood_of_taps_from_one_device_is_limited_and_others_are_not(  # type: ignore[no-untyped-def]
    served, event_path: Path
) -> None:
    server, _heard, token = served
    vote, cards = open_vote(event_path, server)
    url = f"{base(server)}/api/j/{token}/vote"

    async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        flood = [await post(s, url, ballot(vote, cards[i % 2], "flood")) for i in range(30)]
        flood.append(await post(s, url, ballot(vote, cards[2], "calm")))
        return flood

    answers = run(job)
    assert [a[0] for a in answers[: guard.WRITES]] == [200] * guard.WRITES
    assert {a[0] for a in answers[guard.WRITES : 30]} == {429}
    assert answers[30][0] == 200
    assert sum(counts(event_path, vote).values()) == 2
