"""The dot vote's routes: the delegates' page at ``/j/EVENTTOKEN/dots`` and its JSON.

A phone reads the vote (``GET /api/j/TOKEN/dots?device=D``: the groups, its own dots, the
ranking once closed) and sends its whole ballot (``POST``: ``{"vote", "device", "seq",
"dots": {group id: dots}}``), numbered so that a replay or an older ballot changes nothing.
Nothing here opens, closes or changes a vote or a group: those are the facilitator's.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from facilitator.core.changes import PHONE, Changes
from facilitator.core.errors import InputError
from facilitator.core.group_wall import tables_said
from facilitator.core.groups import ranked
from facilitator.room.api import CLOSED, _room, body, error, gone_page, problem, static_file
from facilitator.room.join_api import JOIN_GONE, device_of, valid
from facilitator.store.base import StoreError
from facilitator.store.db import EventStore
from facilitator.store.dots import CLOSED as VOTE_CLOSED
from facilitator.store.room_questions import BANNED

SHOWN_ENTRIES = 3  # entries of a group shown under its name on the phone
ENTRY_CHARS = 160


def dots_state(store: EventStore, device: str | None) -> dict[str, Any]:
    """What a phone shows: the vote, its groups, this device's dots, the ranking if closed."""
    vote = store.latest_dot_vote()
    if vote is None:
        return {"title": store.event().title, "vote": None, "groups": [], "mine": None}
    groups = store.vote_groups(vote)
    texts = {t.id: t for t in store.themes(round_id=vote.round_id)}
    tables = store.tables()
    shown = []
    for group in groups:
        said = [texts[i] for i in group.entry_ids if i in texts]
        shown.append(
            {
                "id": group.id,
                "name": group.name,
                "tables": tables_said([t.table_id for t in said], tables),
                "entries": [t.text[:ENTRY_CHARS] for t in said[:SHOWN_ENTRIES]],
                "more": max(0, len(said) - SHOWN_ENTRIES),
            }
        )
    seq, dots = store.dot_ballot(vote.id, device) if device else (0, {})
    state: dict[str, Any] = {
        "title": store.event().title,
        "vote": {
            "id": vote.id,
            "budget": vote.budget,
            "per_group": vote.per_group,
            "open": vote.is_open,
        },
        "groups": shown,
        "mine": {"seq": seq, "dots": dots},
    }
    if not vote.is_open:
        tally, voters = store.dot_tally(vote.id)
        state["ranking"] = [
            {"id": g.id, "name": g.name, "dots": n} for g, n in ranked(tally, groups)
        ]
        state["voters"] = voters
    return state


async def dots_page(request: web.Request) -> web.StreamResponse:
    if not valid(request):
        return gone_page(JOIN_GONE)
    response = static_file(_room(request), "dots.html")
    response.headers["Cache-Control"] = "no-store"
    return response


async def read_dots(request: web.Request) -> web.StreamResponse:
    if not valid(request):
        return error(404, JOIN_GONE)
    device = device_of(request)
    try:
        return web.json_response(dots_state(_room(request).store, device))
    except StoreError as exc:
        return error(503, str(exc))


async def cast_dots(request: web.Request) -> web.StreamResponse:
    room = _room(request)
    if room.closing:
        return error(409, CLOSED)
    if not valid(request):
        return error(404, JOIN_GONE)
    sent = await body(request)
    vote, device, seq, dots = (sent.get(k) for k in ("vote", "device", "seq", "dots"))
    if not isinstance(vote, str) or not isinstance(device, str):
        return error(400, "The request needs the vote and the device.")
    if room.store.is_banned(device):
        return error(403, BANNED)
    wait = room.limiter.check(device)
    if wait is not None:
        return error(429, "Too many changes at once: wait a moment.", retry_after=wait)
    try:
        stored = await room.commits.run(
            lambda store: store.cast_dots(vote, device, dots, seq)  # type: ignore[arg-type]
        )
    except InputError as exc:
        closed = any(p.message == VOTE_CLOSED for p in exc.problems)
        return error(409 if closed else 400, problem(exc))
    except StoreError as exc:
        return error(503, str(exc))
    if stored:
        room.committed(Changes(dots=True, origin=PHONE))
    seq_now, mine = room.store.dot_ballot(vote, device)
    return web.json_response({"saved": True, "mine": {"seq": seq_now, "dots": mine}})


def dot_routes() -> list[web.RouteDef]:
    return [
        web.get("/j/{token}/dots", dots_page),
        web.get("/api/j/{token}/dots", read_dots),
        web.post("/api/j/{token}/dots", cast_dots),
    ]
