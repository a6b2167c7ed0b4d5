"""The delegates' phones (the join link): their WebSockets and what they are shown.

Every delegate sees the same thing (the event, the live round and its prompts), so one
state is built and sent to all of them, at most every ``PUSH_EVERY`` seconds however many
changes come: a burst of three hundred votes costs a few pushes, not three hundred. What is
a phone's own (the card it voted for) comes in its first state and in the answers to its
own requests, never in a push to everyone.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from typing import Any, Literal

from aiohttp import web

from facilitator.core.room_questions import APPROVED
from facilitator.core.settings import HARVEST_PUBLISHED, SURVEY_OPEN
from facilitator.room import snapshot
from facilitator.store.db import EventStore

PUSH_EVERY = 0.25  # seconds: the delegates' pages follow the room a few times a second


class Delegate:
    """One delegate's WebSocket."""

    def __init__(self, ws: web.WebSocketResponse, token: str, device: str | None) -> None:
        self.ws = ws
        self.token = token
        self.device = device


class Delegates:
    """The delegates' sockets, and one throttled push of their shared state."""

    def __init__(self, store: EventStore, state: Callable[[str | None], dict[str, Any]]) -> None:
        self.store = store
        self.state = state  # the delegates' state; for a device: with what is its own
        self.sockets: set[Delegate] = set()
        self._scheduled = False

    def join(self, ws: web.WebSocketResponse, token: str, device: str | None) -> Delegate:
        delegate = Delegate(ws, token, device)
        self.sockets.add(delegate)
        return delegate

    def leave(self, delegate: Delegate) -> None:
        self.sockets.discard(delegate)

    def schedule_push(self) -> None:
        """Push the state to every delegate soon (changes meanwhile go with it)."""
        if self._scheduled or not self.sockets:
            return
        self._scheduled = True
        loop = asyncio.get_running_loop()
        loop.call_later(PUSH_EVERY, lambda: loop.create_task(self.push()))

    async def push(self) -> None:
        self._scheduled = False
        token = self.store.room_tokens().event
        targets = [d for d in self.sockets if d.token == token and not d.ws.closed]
        if not targets:
            return
        text = json.dumps({"type": "state", **self.state(None)}, ensure_ascii=False)
        for delegate in targets:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await delegate.ws.send_str(text)

    def stale(self) -> list[Delegate]:
        """The sockets a renewed join link cut off."""
        token = self.store.room_tokens().event
        return [d for d in self.sockets if d.token != token]


def delegate_view(
    store: EventStore,
    title: str,
    cards: list[dict[str, str]],
    round_: dict[str, Any] | None,
    device: str | None,
) -> dict[str, Any]:
    """The delegates' state: the event, the live round, the vote (the open one, or the
    last), the survey when open, the approved questions; for ``device``, what is its own."""
    vote = store.latest_vote()
    view = None
    if vote is not None:
        ballot: str | Literal[False] | None = False
        if device:
            given = store.ballot(vote.id, device)
            ballot = given.answer if given is not None else None
        view = snapshot.vote_view(vote, cards, store.vote_counts(vote.id), ballot)
    answers = None
    mine = upvoted = None
    if device:
        answers = {a.question_id: a.answer for a in store.survey_answers(device)}
        mine = [q for q in store.room_questions() if q.device == device]
        upvoted = store.upvoted_by(device)
    survey = snapshot.survey_view(store.survey_questions(), bool(SURVEY_OPEN.read(store)), answers)
    return snapshot.delegate_snapshot(
        title=title,
        round_=round_,
        vote=view,
        survey=survey,
        questions=snapshot.questions_view(store.room_questions(APPROVED), mine, upvoted),
        harvest=bool(HARVEST_PUBLISHED.read(store)),
    )
