"""The harvest so far on the delegates' phones (``/j/TOKEN/harvest``): only while the
facilitator shares it, only what may be published, with its own strict policy, built off
the server's loop and kept until the event changes."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import aiohttp
import msgspec
import pytest

from facilitator.core.changes import ROOM
from facilitator.core.harvest import build_harvest
from facilitator.core.harvest_public import PublicSource
from facilitator.core.plan import bundled_plans, load_plan
from facilitator.core.room_questions import APPROVED, HIDDEN
from facilitator.core.settings import HARVEST_PUBLISHED
from facilitator.core.votes import CARD_QUESTION
from facilitator.room import harvest_page
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from unit.room_helpers import run, running, tokens
from unit.test_room_server import base

SHOWN = "Trust grows when we listen"
HIDDEN_TEXT = "Name of a difficult colleague"
APPROVED_Q = "How do we keep going?"
WAITING_Q = "Unmoderated question"
HIDDEN_Q = "A question the facilitator hid"
FEEDBACK = "Private feedback for the organisers"


def fill(event_path: Path) -> None:
    """An event with what may be published and what may not."""
    with EventStore.open_writer(event_path) as store:
        table = store.tables()[0].id
        round_ = store.rounds()[0].id
        store.add_theme(SHOWN, table_id=table, round_id=round_)
        hidden = store.add_theme(HIDDEN_TEXT, table_id=table, round_id=round_)
        store.set_theme_hidden(hidden.id, True)
        for qid, text in (("q1", APPROVED_Q), ("q2", WAITING_Q), ("q3", HIDDEN_Q)):
            store.ask_room(qid, "phone-a", text)
        store.moderate("q1", APPROVED)
        store.moderate("q3", HIDDEN)
        survey = load_plan(bundled_plans()["learning-event"]).survey
        store.replace_plan(msgspec.structs.replace(store.plan(), survey=survey))
        for asked in store.survey_questions():
            if asked.question.kind == "text":
                store.answer_survey(asked.id, "phone-a", FEEDBACK, origin="phone")
        secret = store.open_vote("Which colleague?", kind="choice", choices=("Ann", "Bo"))
        store.close_vote(secret.id)
        store.open_vote(CARD_QUESTION, hidden=True)
        card = store.deck(images=False).cards[0].id
        store.cast_ballot(store.latest_vote().id, "phone-a", card)  # type: ignore[union-attr]


def share(event_path: Path, server: Any, value: bool = True) -> None:
    with EventStore.open_writer(event_path) as store:
        changes = ops.set_setting(store, HARVEST_PUBLISHED.key, value, origin=ROOM)
    server.event_changed(changes)


async def fetch(s: aiohttp.ClientSession, url: str) -> tuple[int, str, dict[str, str]]:
    async with s.get(url) as r:
        return r.status, await r.text(), dict(r.headers)


def test_the_public_harvest_leaves_out_what_the_room_was_not_shown(event_path: Path) -> None:
    fill(event_path)
    with EventStore.open(event_path, readonly=True) as store:
        full = build_harvest(store)
        public = build_harvest(PublicSource(store))
    assert HIDDEN_TEXT in [t.text for t in full.themes]
    assert [t.text for t in public.themes] == [SHOWN]
    assert [q.text for q in public.room_questions] == [APPROVED_Q]
    assert all(q.asked.question.kind != "text" for q in public.survey)
    assert [v.vote.question for v in public.votes] == ["Which colleague?"]  # the hidden one out


def test_the_harvest_is_offered_only_while_shared(event_path: Path, tmp_path: Path) -> None:
    fill(event_path)
    with running(event_path, tmp_path / "static") as (server, _heard):
        token = tokens(event_path).event
        url = f"{base(server)}/j/{token}/harvest"
        state = f"{base(server)}/api/j/{token}/state"

        async def look(s: aiohttp.ClientSession) -> tuple[Any, ...]:
            async with s.get(state) as r:
                offered = (await r.json())["harvest"]
            return (offered, *await fetch(s, url))

        offered, status, text, _headers = run(look)
        assert (offered, status) == (False, 404) and "not shared" in text
        share(event_path, server)
        offered, status, page, headers = run(look)
        assert (offered, status) == (True, 200)
        assert headers["Content-Security-Policy"] == harvest_page.PAGE_CSP
        assert "script-src" not in headers["Content-Security-Policy"]  # default-src 'none'
        assert headers["Content-Encoding"] == "gzip"  # the phones' browsers take it
        assert SHOWN in page and APPROVED_Q in page
        for never in (HIDDEN_TEXT, WAITING_Q, HIDDEN_Q, FEEDBACK):
            assert never not in page
        assert "<script" not in page
        share(event_path, server, False)
        offered, status, text, _headers = run(look)
        assert (offered, status) == (False, 404) and "not shared" in text


def test_an_old_join_link_opens_no_harvest(event_path: Path, tmp_path: Path) -> None:
    fill(event_path)
    with running(event_path, tmp_path / "static") as (server, _heard):
        old = tokens(event_path).event
        share(event_path, server)
        with EventStore.open_writer(event_path) as store:
            store.renew_event_token()
        new = tokens(event_path).event

        async def both(s: aiohttp.ClientSession) -> list[tuple[int, str, dict[str, str]]]:
            return [await fetch(s, f"{base(server)}/j/{t}/harvest") for t in (old, new)]

        (old_status, old_text, _h), (new_status, _t, _h2) = run(both)
    assert old_status == 404 and "no longer valid" in old_text
    assert new_status == 200


def test_the_page_is_kept_until_the_event_changes(event_path: Path, tmp_path: Path) -> None:
    fill(event_path)
    with running(event_path, tmp_path / "static") as (server, _heard):
        token = tokens(event_path).event
        url = f"{base(server)}/j/{token}/harvest"
        share(event_path, server)
        pages = run(lambda s: fetch(s, url)), run(lambda s: fetch(s, url))
        assert pages[0][1] == pages[1][1]
        page_of = server._room.harvest  # how many builds: the test's view
        assert page_of.builds == 1
        server.event_changed(_typed(event_path))
        _status, page, _h = run(lambda s: fetch(s, url))
        assert "Typed on the laptop just now" in page and page_of.builds == 2


def _typed(event_path: Path) -> Any:
    with EventStore.open_writer(event_path) as store:
        table, round_ = store.tables()[0].id, store.rounds()[0].id
        return ops.add_theme(store, "Typed on the laptop just now", table_id=table, round_id=round_)


def test_a_slow_build_does_not_hold_up_the_phones(
    event_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page is made on a worker thread: while it is being made, the room answers."""
    fill(event_path)
    release = threading.Event()
    started = threading.Event()
    real = harvest_page.render

    def slow(path: Path) -> harvest_page.Page:
        started.set()
        release.wait(30)
        return real(path)

    monkeypatch.setattr(harvest_page, "render", slow)
    with running(event_path, tmp_path / "static") as (server, _heard):
        token = tokens(event_path).event
        share(event_path, server)

        async def job(s: aiohttp.ClientSession) -> tuple[int, int]:
            import asyncio

            page = asyncio.create_task(fetch(s, f"{base(server)}/j/{token}/harvest"))
            await asyncio.get_running_loop().run_in_executor(None, started.wait, 30)
            async with s.get(f"{base(server)}/api/j/{token}/state") as r:
                answered = r.status  # while the harvest is still being made
            release.set()
            return answered, (await page)[0]

        assert run(job) == (200, 200)
