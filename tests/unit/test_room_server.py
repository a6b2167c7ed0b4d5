"""The room server, for real on 127.0.0.1: pages, entries, pushes, and everything it refuses."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from facilitator.room import guard
from facilitator.room.server import RoomServer
from facilitator.store import room
from facilitator.store.db import EventStore
from unit.room_helpers import run, running, tokens


@pytest.fixture
def served(event_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with running(event_path, tmp_path / "static") as (server, heard):
        yield server, heard, tokens(event_path)


def base(server: RoomServer) -> str:
    return f"http://127.0.0.1:{server.port}"


def first_token(tok: room.RoomTokens, event_path: Path, number: int = 1) -> str:
    with EventStore.open(event_path, readonly=True) as store:
        table = next(t for t in store.tables() if t.number == number)
    return tok.tables[table.id]


def entry_body(
    text: str = "Trust is earned", device: str = "phone-a", **more: Any
) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "kind": "theme", "text": text, "device": device, **more}


async def post(session: aiohttp.ClientSession, url: str, body: Any, **kw: Any) -> tuple[int, Any]:
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    async with session.post(url, data=data, **kw) as response:
        text = await response.text()
        try:
            return response.status, json.loads(text)
        except ValueError:
            return response.status, text


def test_a_scribe_sends_an_entry_and_the_gui_hears_it(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, heard, tok = served
    token = first_token(tok, event_path)
    body = entry_body()

    async def job(s: aiohttp.ClientSession) -> None:
        async with s.get(f"{base(server)}/t/{token}") as page:
            assert page.status == 200 and "Scribe" in await page.text()
            assert page.headers["Content-Security-Policy"] == guard.CSP
            assert page.headers["X-Content-Type-Options"] == "nosniff"
        status, answer = await post(s, f"{base(server)}/api/t/{token}/entries", body)
        assert status == 200 and answer["saved"] and answer["id"] == body["id"]
        assert answer["entry"]["mine"] and answer["entry"]["text"] == body["text"]
        async with s.get(f"{base(server)}/api/t/{token}/state?device=phone-a") as r:
            state = await r.json()
        assert state["table"]["number"] == 1 and state["kinds"][0] == "theme"
        assert [e["id"] for e in state["entries"]] == [body["id"]]
        assert state["entries"][0]["mine"] and "device" not in state["entries"][0]
        assert state["cards"] and {"id", "title", "suit", "colour"} <= set(state["cards"][0])

    run(job)
    assert heard.wait_for(1) == [body["id"]]
    assert heard.changes[0].origin == "phone"
    with EventStore.open(event_path, readonly=True) as store:
        stored = store.theme(body["id"])
    assert (stored.origin, stored.device, stored.table_id) == ("phone", "phone-a", stored.table_id)


def test_the_websocket_sends_state_at_once_and_after_each_change(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, tok = served
    token = first_token(tok, event_path)
    other = first_token(tok, event_path, 2)

    async def job(s: aiohttp.ClientSession) -> None:
        ws = await s.ws_connect(f"{base(server)}/api/t/{token}/ws?device=phone-a")
        first = await ws.receive_json(timeout=5)
        assert first["type"] == "state" and first["entries"] == []
        await ws.send_json({"type": "ping"})
        assert (await ws.receive_json(timeout=5)) == {"type": "pong"}
        assert [p.table_number for p in server.connected()] == [1]
        body = entry_body(device="phone-b")
        await post(s, f"{base(server)}/api/t/{other}/entries", entry_body(device="x"))
        await post(s, f"{base(server)}/api/t/{token}/entries", body)
        pushed = await ws.receive_json(timeout=5)
        assert [e["id"] for e in pushed["entries"]] == [body["id"]]  # only its own table's
        assert pushed["entries"][0]["mine"] is False
        server.set_live({"round": {"number": 2, "title": "Second", "prompts": ["Why?"]}})
        live = await ws.receive_json(timeout=5)
        assert live["round"] == {"number": 2, "title": "Second", "prompts": ["Why?"]}
        server.drop_connections()
        closed = await ws.receive(timeout=5)
        assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        again = await s.ws_connect(f"{base(server)}/api/t/{token}/ws?device=phone-a")
        caught_up = await again.receive_json(timeout=5)
        assert len(caught_up["entries"]) == 1 and caught_up["round"]["title"] == "Second"
        await again.close()

    run(job)


def test_the_same_id_twice_is_stored_once(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, heard, tok = served
    token = first_token(tok, event_path)
    body = entry_body()

    async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        url = f"{base(server)}/api/t/{token}/entries"
        return [await post(s, url, body), await post(s, url, body)]

    (s1, a1), (s2, a2) = run(job)
    assert s1 == s2 == 200 and a1 == a2
    assert heard.wait_for(1) == [body["id"]]
    with EventStore.open(event_path, readonly=True) as store:
        assert store.count_themes() == 1


def test_a_burst_commits_together_and_a_bad_one_is_refused_alone(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    """40 phones at once (the server groups what arrives together into one commit): each
    good entry is stored once and answered "saved"; an entry over the limit, sent in the
    same burst, is refused with its reason; the same id sent twice at once is stored once."""
    server, heard, tok = served
    token = first_token(tok, event_path)
    good = [entry_body(f"Entry {i}", device=f"phone-{i}") for i in range(40)]
    too_long = entry_body("x" * 2_001, device="phone-long")
    twice = entry_body("Sent twice at once", device="phone-twice")

    async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        url = f"{base(server)}/api/t/{token}/entries"
        bodies = [*good, too_long, twice, twice]
        return list(await asyncio.gather(*(post(s, url, b) for b in bodies)))

    answers = run(job)
    assert all(status == 200 and answer["saved"] for status, answer in answers[:40])
    assert answers[40][0] == 400 and "2,000 characters" in answers[40][1]["error"]
    assert answers[41] == answers[42] and answers[41][0] == 200
    expected = {b["id"] for b in good} | {twice["id"]}
    assert set(heard.wait_for(41)) == expected
    with EventStore.open(event_path, readonly=True) as store:
        assert store.count_themes() == 41
        assert store.theme(good[7]["id"]).text == "Entry 7"
