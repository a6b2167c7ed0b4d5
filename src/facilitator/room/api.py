"""The room's routes: the scribe page, its static files, and a table's entries over JSON.

Every route is opened by a token; nothing here starts a round, opens a vote or changes the
event beyond a table's own entries: facilitator actions are never routes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from facilitator.core.changes import PHONE, Changes
from facilitator.core.errors import InputError
from facilitator.core.records import TableInfo
from facilitator.room.guard import MAX_BODY
from facilitator.room.snapshot import entry
from facilitator.room.state import ROOM, Room
from facilitator.store.base import StoreError
from facilitator.store.room import NotYours, PhoneEntry

GONE = "This link is no longer valid: ask the facilitator for the table's new card."
CLOSED = "The room is closed"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*")  # a file, never a path
TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
}


def gone_page(words: str = GONE, status: int = 404) -> web.Response:
    """The page an old or unknown link opens: 404, in words."""
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>Link not valid</title><main><h1>{words}</h1></main></html>"
    )
    return web.Response(status=status, text=page, content_type="text/html", charset="utf-8")


def error(status: int, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status)


def _room(request: web.Request) -> Room:
    return request.app[ROOM]


def _table(request: web.Request) -> TableInfo | None:
    return _room(request).table_for(request.match_info["token"])


def static_file(room: Room, name: str) -> web.StreamResponse:
    path = room.static_files.get(name)
    if path is None:
        raise web.HTTPNotFound(text="Not found.\n")
    kind = TYPES.get(path.suffix, "application/octet-stream")
    charset = "utf-8" if kind.startswith("text/") or kind.endswith(("json", "xml")) else None
    return web.Response(body=path.read_bytes(), content_type=kind, charset=charset)


async def scribe_page(request: web.Request) -> web.StreamResponse:
    if _table(request) is None:
        return gone_page()
    response = static_file(_room(request), "scribe.html")
    response.headers["Cache-Control"] = "no-store"
    return response


async def static(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    if not NAME.fullmatch(name):
        raise web.HTTPNotFound(text="Not found.\n")
    return static_file(_room(request), name)


async def state(request: web.Request) -> web.StreamResponse:
    table = _table(request)
    if table is None:
        return error(404, GONE)
    device = request.query.get("device") or None
    return web.json_response(_room(request).state(table, device))


async def body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object; raises a 400 or 413 answer."""
    if (request.content_length or 0) > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(
            max_size=MAX_BODY,
            actual_size=request.content_length or 0,
            text=json.dumps({"error": "The request is too big (at most 4 KB)."}),
            content_type="application/json",
        )
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise web.HTTPRequestEntityTooLarge(
            max_size=MAX_BODY,
            actual_size=MAX_BODY + 1,
            text=json.dumps({"error": "The request is too big (at most 4 KB)."}),
            content_type="application/json",
        ) from None
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise bad("The request is not valid JSON.") from None
    if not isinstance(body, dict):
        raise bad("The request must be a JSON object.")
    return body


def bad(message: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=json.dumps({"error": message}), content_type="application/json")


def string(body: dict[str, Any], key: str, default: str | None = None) -> str:
    value = body.get(key, default)
    if not isinstance(value, str):
        raise bad(f"The request needs a text {key!r}.")
    return value


def _cards(body: dict[str, Any]) -> list[str]:
    value = body.get("cards", [])
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise bad("The request's 'cards' must be a list of card ids.")
    return value


async def _writing(
    request: web.Request,
) -> tuple[Room, TableInfo, dict[str, Any]] | web.StreamResponse:
    """What every write from a phone starts with: the room open, the table's link valid,
    the body read; or the answer that refuses it."""
    room = _room(request)
    if room.closing:
        return error(409, CLOSED)
    table = _table(request)
    if table is None:
        return error(404, GONE)
    return room, table, await body(request)


async def add_entry(request: web.Request) -> web.StreamResponse:
    opened = await _writing(request)
    if isinstance(opened, web.StreamResponse):
        return opened
    room, table, body = opened
    entry_id = string(body, "id")
    device = string(body, "device")
    kind = string(body, "kind")
    text = string(body, "text")
    cards = _cards(body)
    stored = room.store.find_theme(entry_id) if entry_id else None
    if stored is None:  # a replay of a stored entry does not count as a write
        wait = room.limiter.check(device)
        if wait is not None:
            return error(429, "Too many entries at once: wait a moment.", retry_after=wait)
    phone_entry = PhoneEntry(
        entry_id, table.id, room.round_id(), kind, text, tuple(room.known_cards(cards)), device
    )
    try:
        theme, _created = await room.entries.add(phone_entry)  # committed with its batch
    except InputError as exc:
        return error(400, problem(exc))
    except StoreError as exc:
        return error(503, str(exc))
    room.seen(device)
    return web.json_response({"id": theme.id, "saved": True, "entry": entry(theme, device)})


async def change_entry(request: web.Request) -> web.StreamResponse:
    opened = await _writing(request)
    if isinstance(opened, web.StreamResponse):
        return opened
    room, table, body = opened
    device = string(body, "device")
    entry_id = request.match_info["id"]
    action = request.match_info["action"]
    wait = room.limiter.check(device)
    if wait is not None:
        return error(429, "Too many changes at once: wait a moment.", retry_after=wait)
    store = room.store
    try:
        if action == "edit":
            cards = room.known_cards(_cards(body)) if "cards" in body else None
            theme = store.edit_phone_entry(
                entry_id,
                device,
                text=string(body, "text"),
                kind=string(body, "kind"),
                cards=cards,
                table_id=table.id,
            )
            changes = Changes(edited=(theme,), origin=PHONE)
        elif action == "delete":
            theme = store.delete_phone_entry(entry_id, device, table.id)
            changes = Changes(deleted=(theme,), origin=PHONE)
        else:
            theme = store.restore_phone_entry(entry_id, device, table.id)
            changes = Changes(restored=(theme,), origin=PHONE)
    except InputError as exc:
        return error(400, problem(exc))
    except NotYours as exc:
        return error(403, str(exc))
    except StoreError as exc:
        return error(404, str(exc))
    room.changed(changes, table.id)
    room.seen(device)
    return web.json_response({"entry": entry(theme, device)})


async def websocket(request: web.Request) -> web.StreamResponse:
    room = _room(request)
    table = _table(request)
    if table is None:
        return error(404, GONE)
    if room.closing:
        return error(409, CLOSED)
    device = request.query.get("device", "")[:64] or None
    ws = web.WebSocketResponse(heartbeat=30.0, max_msg_size=MAX_BODY)
    await ws.prepare(request)
    socket = room.join(ws, request.match_info["token"], table, device)
    try:
        await ws.send_json({"type": "state", **room.state(table, device)})
        await answer_pings(ws, lambda: room.seen(device, socket))
    finally:
        room.leave(socket)
    return ws


async def answer_pings(ws: web.WebSocketResponse, heard: Callable[[], None]) -> None:
    """Until the socket closes: each message from the phone is a sign of life (``heard``),
    and a ping gets a pong (the page's watchdog listens for it)."""
    async for message in ws:
        if message.type != WSMsgType.TEXT:
            continue
        heard()
        try:
            data = json.loads(message.data)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("type") == "ping":
            await ws.send_json({"type": "pong"})


def routes() -> list[web.RouteDef]:
    entry_action = r"/api/t/{token}/entries/{id}/{action:edit|delete|restore}"
    return [
        web.get("/t/{token}", scribe_page),
        web.get("/static/{name}", static),
        web.get("/api/t/{token}/state", state),
        web.post("/api/t/{token}/entries", add_entry),
        web.post(entry_action, change_entry),
        web.get("/api/t/{token}/ws", websocket),
    ]


def problem(exc: InputError) -> str:
    """The refusal in words for the phone, without where it was found."""
    text = "; ".join(p.message for p in exc.problems)
    return text[:1].upper() + text[1:] + "."
