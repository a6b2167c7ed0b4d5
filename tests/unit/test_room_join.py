"""The join link for real on 127.0.0.1: the delegates' page, its state and its live pushes,
and what an old or unknown join link gets."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from facilitator.room import guard
from facilitator.store import room
from facilitator.store.db import EventStore
from unit.room_helpers import run, running, tokens
from unit.test_room_server import base

ROUND = {"id": "r-1", "number": 2, "title": "First conversation", "prompts": ["What?"]}


@pytest.fixture
def served(event_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with running(event_path, tmp_path / "static") as (server, heard):
        yield server, heard, tokens(event_path).event


def test_the_join_page_and_its_state_open_with_the_event_token(served) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served
    server.set_live({"round": ROUND})

    async def job(s: aiohttp.ClientSession) -> None:
        async with s.get(f"{base(server)}/j/{token}") as page:
            assert page.status == 200 and "Join" in await page.text()
            assert page.headers["Content-Security-Policy"] == guard.CSP
            assert page.headers["Cache-Control"] == "no-store"
        async with s.get(f"{base(server)}/api/j/{token}/state?device=d") as r:
            state = await r.json()
        assert state["event"]["title"]
        # the round's id stays on the laptop
        assert state["round"] == {"number": 2, "title": "First conversation", "prompts": ["What?"]}

    run(job)


@pytest.mark.parametrize("token", ["nope", "x" * 101, "%3Cb%3E"])
def test_an_unknown_join_token_is_404_in_words(served, token: str) -> None:  # type: ignore[no-untyped-def]
    server, _heard, _token = served

    async def job(s: aiohttp.ClientSession) -> None:
        async with s.get(f"{base(server)}/j/{token}") as page:
            assert page.status == 404 and "no longer valid" in await page.text()
        async with s.get(f"{base(server)}/api/j/{token}/state") as r:
            assert r.status == 404 and "no longer valid" in (await r.json())["error"]
        async with s.get(f"{base(server)}/api/j/{token}/ws") as r:
            assert r.status == 404

    run(job)


def test_a_table_token_does_not_open_the_join_page_nor_the_other_way(  # type: ignore[no-untyped-def]
    served, event_path: Path
) -> None:
    server, _heard, event_token = served
    table_token = next(iter(tokens(event_path).tables.values()))

    async def job(s: aiohttp.ClientSession) -> None:
        async with s.get(f"{base(server)}/j/{table_token}") as page:
            assert page.status == 404
        async with s.get(f"{base(server)}/t/{event_token}") as page:
            assert page.status == 404

    run(job)


def test_the_live_round_reaches_every_delegate_and_a_renewed_link_cuts_them_off(  # type: ignore[no-untyped-def]
    served, event_path: Path
) -> None:
    server, _heard, token = served

    async def job(s: aiohttp.ClientSession) -> None:
        sockets = [
            await s.ws_connect(f"{base(server)}/api/j/{token}/ws?device=d{i}") for i in range(3)
        ]
        for ws in sockets:
            first = await ws.receive_json(timeout=5)
            assert first["type"] == "state" and first["round"] is None
        server.set_live({"round": ROUND})
        for ws in sockets:
            pushed = await ws.receive_json(timeout=5)
            assert pushed["round"]["title"] == "First conversation"
        with EventStore.open(event_path) as store:
            room.renew_event_token(store)
        server.tokens_changed()
        for ws in sockets:
            closed = await ws.receive(timeout=5)
            assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        async with s.get(f"{base(server)}/j/{token}") as page:
            assert page.status == 404

    run(job)
