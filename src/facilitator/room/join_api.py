"""The delegates' routes, opened by the join link's event token: the join page, its state,
and its WebSocket.

Nothing here opens or closes a vote or changes the event beyond a device's own
contributions: facilitator actions are never routes.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from facilitator.core.changes import PHONE, Changes
from facilitator.core.errors import InputError
from facilitator.core.settings import HARVEST_PUBLISHED, SURVEY_OPEN
from facilitator.core.votes import VoteClosed, VoteLocked
from facilitator.room.api import (
    CLOSED,
    answer_pings,
    body,
    error,
    gone_page,
    problem,
    static_file,
    string,
)
from facilitator.room.guard import MAX_BODY
from facilitator.room.harvest_page import NOT_PUBLISHED, PAGE_CSP
from facilitator.room.state import ROOM, Room
from facilitator.store import operations as ops
from facilitator.store.base import StoreError
from facilitator.store.db import EventStore
from facilitator.store.room_questions import BANNED

JOIN_GONE = "This link is no longer valid: scan the QR code on the screen again."
SURVEY_CLOSED = "The survey is closed."
MAX_TOKEN = 100


class SurveyClosed(Exception):
    """An answer that reached the commit after the survey closed."""


def _room(request: web.Request) -> Room:
    return request.app[ROOM]


def valid(request: web.Request) -> bool:
    """Whether the request's token is the event's current join token."""
    token = request.match_info["token"]
    return len(token) <= MAX_TOKEN and _room(request).store.event_token_valid(token)


def device_of(request: web.Request) -> str | None:
    return request.query.get("device", "")[:64] or None


async def join_page(request: web.Request) -> web.StreamResponse:
    if not valid(request):
        return gone_page(JOIN_GONE)
    response = static_file(_room(request), "join.html")
    response.headers["Cache-Control"] = "no-store"
    return response


async def state(request: web.Request) -> web.StreamResponse:
    if not valid(request):
        return error(404, JOIN_GONE)
    return web.json_response(_room(request).delegate_state(device_of(request)))


async def websocket(request: web.Request) -> web.StreamResponse:
    room = _room(request)
    if not valid(request):
        return error(404, JOIN_GONE)
    if room.closing:
        return error(409, CLOSED)
    device = device_of(request)
    ws = web.WebSocketResponse(heartbeat=30.0, max_msg_size=MAX_BODY)
    await ws.prepare(request)
    delegate = room.delegates.join(ws, request.match_info["token"], device)
    try:
        await ws.send_json({"type": "state", **room.delegate_state(device)})
        await answer_pings(ws, lambda: None)
    finally:
        room.delegates.leave(delegate)
    return ws


async def writing(request: web.Request) -> tuple[Room, str, dict[str, Any]] | web.Response:
    """What every write from a delegate starts with: the room open, the join link valid,
    the body read, the device within its limit; or the answer that refuses it."""
    room = _room(request)
    if room.closing:
        return error(409, CLOSED)
    if not valid(request):
        return error(404, JOIN_GONE)
    data = await body(request)
    device = string(data, "device")
    if room.store.is_banned(device):
        return error(403, BANNED)
    wait = room.limiter.check(device)
    if wait is not None:
        return error(429, "Too many taps at once: wait a moment.", retry_after=wait)
    return room, device, data


async def cast(request: web.Request) -> web.StreamResponse:
    """A delegate's ballot, cast or changed at once: ``{vote, answer, device}``."""
    opened = await writing(request)
    if isinstance(opened, web.Response):
        return opened
    room, device, data = opened
    vote_id = string(data, "vote")
    answer = string(data, "answer")
    try:
        _ballot, changes = await room.commits.run(
            lambda store: ops.cast_ballot(store, vote_id, device, answer, origin=PHONE)
        )
    except InputError as exc:
        return error(400, problem(exc))
    except (VoteClosed, VoteLocked) as exc:
        return error(409, str(exc))
    except StoreError as exc:
        return error(503, str(exc))
    if changes.votes:
        room.committed(changes)
        room.delegates.schedule_push()
    return web.json_response({"vote": vote_id, "mine": answer, "saved": True})


async def answer(request: web.Request) -> web.StreamResponse:
    """A delegate's answer to one survey question: ``{question, answer, device}``."""
    opened = await writing(request)
    if isinstance(opened, web.Response):
        return opened
    room, device, data = opened
    question = string(data, "question")
    if "answer" not in data:
        return error(400, "The request needs an 'answer'.")
    given = data["answer"]

    def job(store: EventStore) -> Changes:
        if not SURVEY_OPEN.read(store):  # read in the commit: a close just before counts
            raise SurveyClosed(SURVEY_CLOSED)
        return ops.answer_survey(store, question, device, given, origin=PHONE)[1]

    try:
        changes = await room.commits.run(job)
    except SurveyClosed:
        return error(409, SURVEY_CLOSED)
    except InputError as exc:
        return error(400, problem(exc))
    except StoreError as exc:
        return error(409, str(exc))
    if changes.survey:
        room.committed(changes)
    return web.json_response({"question": question, "saved": True})


async def harvest(request: web.Request) -> web.StreamResponse:
    """The harvest so far (room/harvest_page.py), while the facilitator publishes it."""
    room = _room(request)
    if not valid(request):
        return gone_page(JOIN_GONE)
    if not HARVEST_PUBLISHED.read(room.store):
        return gone_page(NOT_PUBLISHED)
    try:
        page = await room.harvest.page()
    except (InputError, StoreError) as exc:
        return gone_page(f"The harvest could not be made just now: {exc}", status=503)
    if not HARVEST_PUBLISHED.read(room.store) or not valid(request):  # withdrawn meanwhile
        return gone_page(NOT_PUBLISHED)
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "").lower()
    response = web.Response(
        body=page.gzipped if gzipped else page.html, content_type="text/html", charset="utf-8"
    )
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Content-Security-Policy"] = PAGE_CSP
    response.headers["Cache-Control"] = "no-store"
    return response


def routes() -> list[web.RouteDef]:
    return [
        web.get("/j/{token}", join_page),
        web.get("/j/{token}/harvest", harvest),
        web.get("/api/j/{token}/state", state),
        web.get("/api/j/{token}/ws", websocket),
        web.post("/api/j/{token}/vote", cast),
        web.post("/api/j/{token}/survey", answer),
    ]
