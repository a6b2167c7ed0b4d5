"""What the room server refuses, each with a clear answer, and what it stores exactly.

Everything talks to 127.0.0.1; another site's name is only ever a Host header."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from yarl import URL

from facilitator.room import api, guard
from facilitator.store import room
from facilitator.store.db import EventStore
from unit.room_helpers import run, running, tokens
from unit.test_room_server import base, entry_body, first_token, post


@pytest.fixture
def served(event_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with running(event_path, tmp_path / "static") as (server, heard):
        yield server, heard, first_token(tokens(event_path), event_path)


def count(event_path: Path) -> int:
    with EventStore.open(event_path, readonly=True) as store:
        return store.count_themes(include_deleted=True)


def test_an_unknown_token_is_404_in_words(served) -> None:  # type: ignore[no-untyped-def]
    server, _heard, _token = served

    async def job(s: aiohttp.ClientSession) -> None:
        async with s.get(f"{base(server)}/t/not-a-token") as page:
            assert page.status == 404 and "no longer valid" in await page.text()
            assert page.headers["Content-Security-Policy"] == guard.CSP
        status, answer = await post(s, f"{base(server)}/api/t/nope/entries", entry_body())
        assert status == 404 and "no longer valid" in answer["error"]
        async with s.get(f"{base(server)}/api/t/nope/state") as r:
            assert r.status == 404

    run(job)


def test_a_renewed_table_link_cuts_off_the_old_one(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, old = served

    async def job(s: aiohttp.ClientSession) -> None:
        ws = await s.ws_connect(f"{base(server)}/api/t/{old}/ws?device=a")
        await ws.receive_json(timeout=5)
        with EventStore.open(event_path) as store:  # the GUI's connection
            table = store.table_for_token(old)
            assert table is not None
            new = room.renew_table_token(store, table.id)
        server.tokens_changed()
        closed = await ws.receive(timeout=5)
        assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        status, _ = await post(s, f"{base(server)}/api/t/{old}/entries", entry_body())
        assert status == 404
        async with s.get(f"{base(server)}/t/{old}") as page:
            assert page.status == 404
        status, _ = await post(s, f"{base(server)}/api/t/{new}/entries", entry_body())
        assert status == 200

    run(job)
    assert count(event_path) == 1


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"x" * (4 * 1024 + 1), 413),
        (json.dumps(entry_body("y" * 1800, pad="z" * 2400)), 413),
        (json.dumps(entry_body("x" * 2001)), 400),
        (b'{"id": "a", "kind": "theme", "text": ', 400),
        (b"\xff\xfe not utf-8", 400),
        (b"[1, 2]", 400),
        (json.dumps(entry_body(kind="vote")), 400),
        (json.dumps(entry_body("   ")), 400),
        (json.dumps({"id": "a", "kind": "theme", "text": 5, "device": "d"}), 400),
        (json.dumps(entry_body(device="")), 400),
    ],
)
def test_bad_bodies_are_refused_and_nothing_changes(  # type: ignore[no-untyped-def]
    served, event_path: Path, body: Any, status: int
) -> None:
    server, _heard, token = served

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        return await post(s, f"{base(server)}/api/t/{token}/entries", body)

    got, answer = run(job)
    assert got == status and answer["error"]
    assert count(event_path) == 0


def test_2000_characters_are_fine(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served
    # 2,000 letters of a Latin script fit a 4 KB body; in Greek, Arabic or Hebrew (two bytes
    # a letter) they would not: the two limits of DESIGN.md meet at about 2,000 bytes
    text = "e" * 1990 + "é" * 10

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        body = json.dumps(entry_body(text), ensure_ascii=False).encode()
        return await post(s, f"{base(server)}/api/t/{token}/entries", body)

    assert run(job)[0] == 200


def test_a_flood_from_one_device_is_limited_and_others_are_not(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served

    async def job(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        url = f"{base(server)}/api/t/{token}/entries"
        flood = [await post(s, url, entry_body(f"n{i}", device="flood")) for i in range(100)]
        flood.append(await post(s, url, entry_body("calm", device="calm")))
        return flood

    answers = run(job)
    assert [a[0] for a in answers[:10]] == [200] * 10
    assert {a[0] for a in answers[10:100]} == {429}
    assert 0 < answers[50][1]["retry_after"] <= guard.WINDOW
    assert answers[100][0] == 200
    assert count(event_path) == 11


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/pyproject.toml",
        "/static/..%2fscribe.html",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/static/%2fetc%2fpasswd",
        "/static/.hidden",
        "/static/",
        "/static/scribe.html%00.js",
        "/t/../static/scribe.js/..",
        "/resources/room/scribe.html",
        "/api/t/x/../../static/scribe.js",
    ],
)
def test_nothing_outside_the_static_files_is_served(served, tmp_path: Path, path: str) -> None:  # type: ignore[no-untyped-def]
    server, _heard, _token = served
    (tmp_path / ".hidden").write_text("secret")
    (tmp_path / "static" / ".hidden").write_text("secret")

    async def job(s: aiohttp.ClientSession) -> tuple[int, str]:
        async with s.get(URL(f"{base(server)}{path}", encoded=True)) as r:
            assert r.headers["Content-Security-Policy"] == guard.CSP
            return r.status, await r.text()

    status, text = run(job)
    assert status == 404 and "secret" not in text and "[tool" not in text


def test_the_static_files_are_served(served) -> None:  # type: ignore[no-untyped-def]
    server, _heard, _token = served

    async def job(s: aiohttp.ClientSession) -> None:
        async with s.get(f"{base(server)}/static/scribe.js") as r:
            assert r.status == 200 and r.content_type == "text/javascript"
            assert r.headers["X-Content-Type-Options"] == "nosniff"

    run(job)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example", ""])
def test_a_host_header_of_another_site_is_refused(served, host: str) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served

    async def job(s: aiohttp.ClientSession) -> tuple[int, int]:
        headers = {"Host": host}
        async with s.get(f"{base(server)}/t/{token}", headers=headers) as page:
            first = page.status
        status, _ = await post(
            s, f"{base(server)}/api/t/{token}/entries", entry_body(), headers=headers
        )
        return first, status

    assert run(job) == (421, 421)


def test_the_test_name_and_localhost_are_accepted(served) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served

    async def job(s: aiohttp.ClientSession) -> list[int]:
        statuses = []
        for host in ("facilitator.test", f"facilitator.test:{server.port}", "localhost"):
            async with s.get(f"{base(server)}/t/{token}", headers={"Host": host}) as page:
                statuses.append(page.status)
        return statuses

    assert run(job) == [200, 200, 200]


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("<script>alert(1)</script><img src=x onerror=alert(2)>", None),
        ('=HYPERLINK("http://x")', None),
        ("+1+2 -3 @SUM(A1)", None),
        ("\u202eשלום עולם\u202c مرحبا", None),
        ("👩🏽‍🚀🎉 ZWJ", None),
        ("tab\there\nnew line", None),
        (
            "bell\x07 nul\x00 esc\x1b[31m del\x7f c1\x85 cr\r\nend",
            "bell nul esc[31m del c1 cr\nend",
        ),
    ],
)
def test_what_a_phone_types_is_stored_exactly(  # type: ignore[no-untyped-def]
    served, event_path: Path, sent: str, stored: str | None
) -> None:
    server, _heard, token = served
    body = entry_body(sent)

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        return await post(s, f"{base(server)}/api/t/{token}/entries", body)

    status, answer = run(job)
    assert status == 200 and answer["entry"]["text"] == (stored or sent)
    with EventStore.open(event_path, readonly=True) as store:
        assert store.theme(body["id"]).text == (stored or sent)


def test_only_the_sending_phone_edits_deletes_and_restores(served) -> None:  # type: ignore[no-untyped-def]
    server, heard, token = served
    body = entry_body(device="mine")
    url = f"{base(server)}/api/t/{token}/entries"

    async def job(s: aiohttp.ClientSession) -> None:
        await post(s, url, body)
        entry = f"{url}/{body['id']}"
        assert (await post(s, f"{entry}/edit", {"text": "x", "kind": "theme", "device": "other"}))[
            0
        ] == 403
        assert (await post(s, f"{entry}/delete", {"device": "other"}))[0] == 403
        status, answer = await post(
            s, f"{entry}/edit", {"text": "new", "kind": "quote", "device": "mine"}
        )
        assert status == 200 and answer["entry"]["text"] == "new"
        status, answer = await post(s, f"{entry}/delete", {"device": "mine"})
        assert status == 200 and answer["entry"]["deleted"]
        status, answer = await post(s, f"{entry}/restore", {"device": "mine"})
        assert status == 200 and not answer["entry"]["deleted"]
        assert (await post(s, f"{url}/nope/delete", {"device": "mine"}))[0] == 404

    run(job)
    heard.wait_for(1)


def test_a_phone_sending_after_the_room_closed_is_refused(event_path: Path, tmp_path: Path) -> None:
    with running(event_path, tmp_path / "static") as (server, _heard):
        url = f"{base(server)}/api/t/{first_token(tokens(event_path), event_path)}/entries"
    assert not server.connected()

    async def job(s: aiohttp.ClientSession) -> None:
        with pytest.raises(aiohttp.ClientConnectionError):
            await post(s, url, entry_body())

    run(job)
    assert count(event_path) == 0


def test_error_pages_carry_the_policy_too(served) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token = served

    async def job(s: aiohttp.ClientSession) -> None:
        for url in ("/nothing", f"/api/t/{token}/entries"):
            async with s.get(f"{base(server)}{url}") as r:
                assert r.status in (404, 405)
                assert r.headers["Content-Security-Policy"] == guard.CSP
        assert api.GONE in api.gone_page().text

    run(job)
