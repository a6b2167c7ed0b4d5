"""Questions to the room, for real on 127.0.0.1: asked once per id, held until the
facilitator approves, up-voted once per device, and a banned device refused everywhere."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from facilitator.core.changes import ROOM
from facilitator.core.room_questions import APPROVED, HIDDEN, WAITING
from facilitator.core.votes import CARD_QUESTION
from facilitator.room import guard
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from unit.room_helpers import run, running, tokens
from unit.test_room_server import base, post


@pytest.fixture
def served(event_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with running(event_path, tmp_path / "static") as (server, heard):
        yield server, heard, tokens(event_path).event


def ask_body(text: str = "How do we start?", device: str = "a", **more: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "text": text, "device": device, **more}


def moderate(event_path: Path, server: Any, question: str, status: str) -> None:
    with EventStore.open_writer(event_path) as store:
        _q, changes = ops.moderate_question(store, question, status, origin=ROOM)
    server.event_changed(changes)


def stored(event_path: Path) -> list[tuple[str, str, int]]:
    with EventStore.open(event_path, readonly=True) as store:
        return [(q.text, q.status, q.upvotes) for q in store.room_questions()]


def test_a_question_waits_then_reaches_every_phone_once_approved(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, heard, token = served
    url = f"{base(server)}/api/j/{token}"
    body = ask_body("<b>Who</b> decides? =1+1")

    async def job(s: aiohttp.ClientSession) -> None:
        watcher = await s.ws_connect(f"{url}/ws?device=w")
        assert (await watcher.receive_json(timeout=5))["questions"]["approved"] == []
        status, answer = await post(s, f"{url}/questions", body)
        assert (status, answer["status"]) == (200, WAITING)
        assert (await post(s, f"{url}/questions", body))[0] == 200  # a replay: stored once
        async with s.get(f"{url}/state?device=a") as r:
            mine = (await r.json())["questions"]
        assert mine["approved"] == [] and mine["mine"][0]["status"] == WAITING
        moderate(event_path, server, body["id"], APPROVED)
        while True:
            pushed = await watcher.receive_json(timeout=5)
            if pushed["questions"]["approved"]:
                break
        assert pushed["questions"]["approved"] == [
            {"id": body["id"], "text": "<b>Who</b> decides? =1+1", "upvotes": 0}
        ]
        assert "mine" not in pushed["questions"]

    run(job)
    assert stored(event_path) == [("<b>Who</b> decides? =1+1", APPROVED, 0)]
    with heard._cond:
        heard._cond.wait_for(lambda: any(c.questions for c in heard.changes), 5)


def test_500_upvotes_from_one_device_count_once(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served
    url = f"{base(server)}/api/j/{token}"
    body = ask_body()

    async def job(s: aiohttp.ClientSession) -> list[int]:
        await post(s, f"{url}/questions", body)
        moderate(event_path, server, body["id"], APPROVED)
        up = f"{url}/questions/{body['id']}/upvote"
        statuses = [(await post(s, up, {"device": "keen"}))[0] for _ in range(500)]
        statuses.append((await post(s, up, {"device": "other"}))[0])
        return statuses

    statuses = run(job)
    assert statuses[: guard.WRITES - 1] == [200] * (guard.WRITES - 1)  # one went on asking
    assert set(statuses[guard.WRITES : 500]) == {429} and statuses[500] == 200
    assert stored(event_path) == [("How do we start?", APPROVED, 2)]


def test_a_waiting_or_hidden_question_cannot_be_upvoted(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served
    url = f"{base(server)}/api/j/{token}"
    body = ask_body()

    async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        await post(s, f"{url}/questions", body)
        up = f"{url}/questions/{body['id']}/upvote"
        waiting = await post(s, up, {"device": "b"})
        moderate(event_path, server, body["id"], HIDDEN)
        hidden = await post(s, up, {"device": "b"})
        gone = await post(s, f"{url}/questions/nope/upvote", {"device": "b"})
        return [waiting, hidden, gone]

    for status, answer in run(job):
        assert status == 409 and "not up for votes" in answer["error"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (ask_body("x" * 2001), 400, "at most 2,000 characters"),
        (ask_body("   \u0007 "), 400, "needs some text"),
        (ask_body(device=""), 400, "device"),
        ({"text": "No id", "device": "a"}, 400, "'id'"),
        (ask_body(pad="y" * 4100), 413, "too big"),
    ],
)
def test_bad_questions_are_refused_in_words(  # type: ignore[no-untyped-def]
    served, event_path: Path, body: dict[str, Any], status: int, words: str
) -> None:
    server, _heard, token = served

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        return await post(s, f"{base(server)}/api/j/{token}/questions", json.dumps(body))

    got, answer = run(job)
    assert got == status and words in answer["error"]
    assert stored(event_path) == []


def test_2000_characters_are_a_question(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served

    async def job(s: aiohttp.ClientSession) -> int:
        return (await post(s, f"{base(server)}/api/j/{token}/questions", ask_body("q" * 2000)))[0]

    assert run(job) == 200


def test_a_banned_device_is_refused_everywhere_and_its_questions_hidden(  # type: ignore[no-untyped-def]
    served, event_path: Path
) -> None:
    server, _heard, token = served
    url = f"{base(server)}/api/j/{token}"
    first = ask_body("Spam", device="troll")
    with EventStore.open_writer(event_path) as store:
        vote = store.open_vote(CARD_QUESTION)
        card = store.deck(images=False).cards[0].id

    async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        await post(s, f"{url}/questions", first)
        with EventStore.open_writer(event_path) as store:
            server.event_changed(ops.ban_device(store, "troll", origin=ROOM))
        return [
            await post(s, f"{url}/questions", ask_body("More spam", device="troll")),
            await post(s, f"{url}/vote", {"vote": vote.id, "answer": card, "device": "troll"}),
            await post(s, f"{url}/survey", {"question": "q", "answer": 3, "device": "troll"}),
            await post(s, f"{url}/questions/{first['id']}/upvote", {"device": "troll"}),
        ]

    for status, answer in run(job):
        assert status == 403 and answer["error"] == "This phone can no longer send to the room."
    assert stored(event_path) == [("Spam", HIDDEN, 0)]
