"""Questions to the room from the delegates' phones, opened by the join link: asking one
(it waits for the facilitator) and up-voting an approved one. Moderation is never a
route: it is the console's."""

from __future__ import annotations

from aiohttp import web

from facilitator.core.changes import PHONE
from facilitator.core.errors import InputError
from facilitator.core.room_questions import Banned
from facilitator.room.api import error, problem, string
from facilitator.room.join_api import writing
from facilitator.store import operations as ops
from facilitator.store.base import StoreError


async def ask(request: web.Request) -> web.StreamResponse:
    """``{id, text, device}``: stored once per id; the answer says it waits."""
    opened = await writing(request)
    if isinstance(opened, web.Response):
        return opened
    room, device, data = opened
    try:
        question_id, text = string(data, "id"), string(data, "text")
        question, changes = await room.commits.run(
            lambda store: ops.ask_room(store, question_id, device, text, origin=PHONE)
        )
    except InputError as exc:
        return error(400, problem(exc))
    except Banned as exc:
        return error(403, str(exc))
    except StoreError as exc:
        return error(503, str(exc))
    if changes.questions:
        room.committed(changes)
    return web.json_response(
        {"id": question.id, "text": question.text, "status": question.status, "saved": True}
    )


async def upvote(request: web.Request) -> web.StreamResponse:
    """``{device}``: one up-vote per device per approved question, however often sent."""
    opened = await writing(request)
    if isinstance(opened, web.Response):
        return opened
    room, device, _data = opened
    question_id = request.match_info["id"]
    try:
        count, changes = await room.commits.run(
            lambda store: ops.upvote_question(store, question_id, device, origin=PHONE)
        )
    except InputError as exc:
        return error(400, problem(exc))
    except Banned as exc:
        return error(403, str(exc))
    except StoreError as exc:
        return error(409, str(exc))
    if changes.questions:
        room.committed(changes)
        room.delegates.schedule_push()
    return web.json_response({"id": question_id, "upvotes": count, "saved": True})


def routes() -> list[web.RouteDef]:
    return [
        web.post("/api/j/{token}/questions", ask),
        web.post("/api/j/{token}/questions/{id}/upvote", upvote),
    ]
