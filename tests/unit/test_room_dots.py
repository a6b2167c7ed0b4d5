"""The dot vote over the room network: the page, the vote's state, ballots within the
rules, replays harmless, and everything refused once the vote has closed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from facilitator.room.server import RoomServer
from facilitator.store.db import EventStore
from unit.room_helpers import Heard, run, running, tokens
from unit.test_room_server import post


@pytest.fixture
def voting(
    event_path: Path, tmp_path: Path
) -> Iterator[tuple[RoomServer, Heard, str, dict[str, Any]]]:
    with EventStore.open(event_path) as store:
        tables, first = store.tables(), store.rounds()[0].id
        said = [
            store.add_theme(text, table_id=tables[n].id, round_id=first).id
            for n, text in enumerate(["Trust first", "trust first!", "Time to think", "Less admin"])
        ]
        groups = {
            "trust": store.create_group(said[:2], round_id=first, name="Trust").id,
            "time": store.create_group(said[2:3], round_id=first, name="Time").id,
            "admin": store.create_group(said[3:], round_id=first, name="Admin").id,
        }
        with running(event_path, tmp_path / "static") as (server, heard):
            groups["round"] = first
            yield server, heard, tokens(event_path).event, groups


def url(server: RoomServer, token: str) -> str:
    return f"http://127.0.0.1:{server.port}/api/j/{token}/dots"


async def state(s: aiohttp.ClientSession, address: str, device: str = "phone-a") -> Any:
    async with s.get(f"{address}?device={device}") as r:
        return await r.json()


def open_vote(event_path: Path, round_id: str, **settings: Any) -> str:
    with EventStore.open_writer(event_path) as writer:
        return writer.open_dot_vote(round_id, budget=5, per_group=3, **settings).id


def test_a_phone_reads_the_vote_and_places_its_dots(voting, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, heard, token, groups = voting
    address = url(server, token)

    async def before(s: aiohttp.ClientSession) -> Any:
        return await state(s, address)

    assert run(before)["vote"] is None
    vote = open_vote(event_path, groups["round"])

    async def job(s: aiohttp.ClientSession) -> Any:
        shown = await state(s, address)
        status, answer = await post(
            s,
            address,
            {
                "vote": vote,
                "device": "phone-a",
                "seq": 1,
                "dots": {groups["trust"]: 3, groups["time"]: 2},
            },
        )
        assert status == 200 and answer["mine"] == {
            "seq": 1,
            "dots": {groups["trust"]: 3, groups["time"]: 2},
        }
        # a dot taken back, then the older ballot arriving late: the newer one stands
        await post(
            s, address, {"vote": vote, "device": "phone-a", "seq": 2, "dots": {groups["trust"]: 3}}
        )
        status, answer = await post(
            s, address, {"vote": vote, "device": "phone-a", "seq": 1, "dots": {groups["time"]: 5}}
        )
        assert status == 400  # over the per-group limit: refused before its number counts
        status, answer = await post(
            s, address, {"vote": vote, "device": "phone-a", "seq": 1, "dots": {groups["time"]: 2}}
        )
        assert status == 200 and answer["mine"] == {"seq": 2, "dots": {groups["trust"]: 3}}
        return shown

    shown = run(job)
    assert shown["vote"]["budget"] == 5 and shown["vote"]["open"]
    assert [(g["name"], g["tables"]) for g in shown["groups"]] == [
        ("Trust", "2 tables: 1, 2"),
        ("Time", "1 table: 3"),
        ("Admin", "1 table: 4"),
    ]
    assert shown["groups"][0]["entries"] == ["Trust first", "trust first!"]
    assert heard.wait_until(lambda seen: sum(c.dots for c in seen) >= 1)
    assert all(c.origin == "phone" for c in heard.changes)


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"seq": 1, "dots": {"trust": 3, "time": 3}}, 400, "You have 5 dots to place, no more."),
        ({"seq": 1, "dots": {"trust": 4}}, 400, "At most 3 dots may go on one group."),
        (
            {"seq": 1, "dots": {"elsewhere": 1}},
            400,
            "A dot is on a group that is not in this vote.",
        ),
        ({"seq": "1", "dots": {"trust": 1}}, 400, "The ballot's number is not valid."),
        ({"seq": 1, "dots": [1]}, 400, "The dots must be given per group."),
        (
            {"seq": 1, "dots": {"trust": 1}, "device": ""},
            400,
            "The device is missing or not valid.",
        ),
        (
            {"seq": 1, "dots": {"trust": 1}, "vote": None},
            400,
            "The request needs the vote and the device.",
        ),
    ],
)
def test_ballots_over_the_rules_are_refused(
    voting, event_path: Path, body: dict[str, Any], status: int, message: str
) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token, groups = voting
    vote = open_vote(event_path, groups["round"])
    named = (
        {groups.get(k, k): v for k, v in body["dots"].items()}
        if isinstance(body["dots"], dict)
        else body["dots"]
    )

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any, Any]:
        sent = {"vote": vote, "device": "phone-b", **body, "dots": named}
        answer = await post(s, url(server, token), sent)
        return (*answer, await state(s, url(server, token), "phone-b"))

    got, answer, after = run(job)
    assert (got, answer["error"]) == (status, message)
    assert after["mine"] == {"seq": 0, "dots": {}}


def test_after_close_no_dot_is_taken_and_the_ranking_shows(voting, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token, groups = voting
    vote = open_vote(event_path, groups["round"])
    address = url(server, token)

    async def cast(s: aiohttp.ClientSession) -> None:
        await post(
            s,
            address,
            {
                "vote": vote,
                "device": "p1",
                "seq": 1,
                "dots": {groups["time"]: 3, groups["admin"]: 1},
            },
        )
        await post(
            s,
            address,
            {
                "vote": vote,
                "device": "p2",
                "seq": 1,
                "dots": {groups["time"]: 1, groups["trust"]: 2},
            },
        )

    run(cast)
    with EventStore.open_writer(event_path) as writer:
        writer.close_dot_vote(vote)

    async def late(s: aiohttp.ClientSession) -> tuple[Any, Any]:
        refused = await post(
            s, address, {"vote": vote, "device": "p3", "seq": 1, "dots": {groups["trust"]: 1}}
        )
        return refused, await state(s, address, "p1")

    (status, answer), shown = run(late)
    assert (
        status == 409 and answer["error"] == "The dot vote has closed; no more dots can be placed."
    )
    assert not shown["vote"]["open"] and shown["voters"] == 2
    assert [(r["name"], r["dots"]) for r in shown["ranking"]] == [
        ("Time", 4),
        ("Trust", 2),
        ("Admin", 1),
    ]
    assert shown["mine"]["dots"] == {groups["time"]: 3, groups["admin"]: 1}


def test_a_bad_link_and_floods_are_refused(voting, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token, groups = voting
    vote = open_vote(event_path, groups["round"])

    async def job(s: aiohttp.ClientSession) -> list[int]:
        codes = []
        async with s.get(url(server, "not-a-token")) as r:
            codes.append(r.status)
        codes.append(
            (
                await post(
                    s,
                    url(server, "not-a-token"),
                    {"vote": vote, "device": "x", "seq": 1, "dots": {}},
                )
            )[0]
        )
        codes.append((await post(s, url(server, token), b"{not json"))[0])
        for n in range(1, 12):
            codes.append(
                (
                    await post(
                        s,
                        url(server, token),
                        {"vote": vote, "device": "flood", "seq": n, "dots": {}},
                    )
                )[0]
            )
        return codes

    codes = run(job)
    assert codes[:3] == [404, 404, 400]
    assert codes[3:13] == [200] * 10 and codes[13] == 429


def test_a_banned_phone_places_no_dot(voting, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token, groups = voting
    vote = open_vote(event_path, groups["round"])
    with EventStore.open_writer(event_path) as writer:
        writer.ban_device("banned-phone")

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        ballot = {"vote": vote, "device": "banned-phone", "seq": 1, "dots": {groups["time"]: 2}}
        return await post(s, url(server, token), ballot)

    status, answer = run(job)
    assert status == 403 and "can no longer send" in answer["error"]
    with EventStore.open(event_path, readonly=True) as store:
        assert store.dot_tally(vote) == ({}, 0)


def test_the_page_is_served_for_the_join_link_only(event_path: Path) -> None:
    """The page shipped with the app (resources/room/dots.html)."""
    server = RoomServer(event_path, host="127.0.0.1", port=0)
    server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        token = tokens(event_path).event

        async def job(s: aiohttp.ClientSession) -> list[tuple[int, str]]:
            out = []
            for path in (f"/j/{token}/dots", "/j/wrong/dots"):
                async with s.get(base + path) as r:
                    out.append((r.status, await r.text()))
            return out

        (ok, page), (gone, _) = run(job)
    finally:
        server.stop()
    assert ok == 200 and "/static/dots.js" in page
    assert gone == 404
