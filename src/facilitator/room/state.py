"""The room server's state, on its loop: the phones connected, the live round, the pushes;
and the notifier that tells the GUI of each commit."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from aiohttp import web
from msgspec import Struct

from facilitator.core.changes import Changes
from facilitator.core.records import TableInfo
from facilitator.room import guard, snapshot
from facilitator.room.batch import CommitGroup, EntryBatcher
from facilitator.room.delegates import Delegate, Delegates, delegate_view
from facilitator.room.harvest_page import HarvestPage
from facilitator.store.base import now_iso
from facilitator.store.db import EventStore

log = logging.getLogger(__name__)

PUSH_DELAY = 0.02  # changes this close together reach the phones as one push


class Phone(Struct, frozen=True):
    device: str
    table_number: int
    last_seen_iso: str


class Socket:
    """One phone's WebSocket."""

    def __init__(
        self, ws: web.WebSocketResponse, token: str, table: TableInfo, device: str | None
    ) -> None:
        self.ws = ws
        self.token = token
        self.table = table
        self.device = device
        self.last_seen = now_iso()


class Notifier:
    """Calls ``callback`` with each commit's Changes, in order, on a thread of its own."""

    def __init__(self, callback: Callable[[Changes], None]) -> None:
        self._callback = callback
        self._queue: queue.SimpleQueue[Changes | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="room-notifier", daemon=True)
        self._thread.start()

    def put(self, changes: Changes) -> None:
        self._queue.put(changes)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            stop = False
            with contextlib.suppress(queue.Empty):
                while True:  # what came meanwhile goes with it, as one Changes
                    more = self._queue.get_nowait()
                    if more is None:
                        stop = True
                        break
                    item = item.merged(more)
            try:
                self._callback(item)
            except Exception:
                log.exception("the room's on_changes callback failed")
            if stop:
                return

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=10)


class Room:
    """The server's state; lives on the server's loop (only ``phones`` is read elsewhere)."""

    def __init__(self, store: EventStore, static_dir: Path, notifier: Notifier) -> None:
        self.store = store
        self.notifier = notifier
        self.limiter = guard.RateLimiter()
        self.closing = False
        self.live: dict[str, Any] | None = None  # None: not given, follow the event file
        self.sockets: dict[str, set[Socket]] = {}  # table id -> sockets
        self.phones: dict[int, Phone] = {}  # id(socket) -> what connected() shows
        self.phones_lock = threading.Lock()
        self._pending: set[str] = set()
        self.entries = EntryBatcher(self)
        self.commits = CommitGroup(store)  # the delegates' ballots, answers, questions
        self.harvest = HarvestPage(store.path)
        self.delegates = Delegates(store, self.delegate_state)
        self._cache: tuple[float, str, list[dict[str, str]]] | None = None
        self.static_files = {
            p.name: p for p in sorted(static_dir.glob("*")) if p.is_file() and p.name[0] != "."
        }

    # -- reading --------------------------------------------------------------------------

    def table_for(self, token: str) -> TableInfo | None:
        if len(token) > 100:
            return None
        return self.store.table_for_token(token)

    def _title_and_cards(self) -> tuple[str, list[dict[str, str]]]:
        now = time.monotonic()
        if self._cache is None or now - self._cache[0] > 1.0:
            self._cache = (now, self.store.event().title, snapshot.cards(self.store))
        return self._cache[1], self._cache[2]

    def round(self) -> dict[str, Any] | None:
        if self.live is not None:
            value = self.live.get("round")
            return value if isinstance(value, dict) else None
        return snapshot.round_value(snapshot.running_round(self.store))

    def round_id(self) -> str | None:
        value = self.round()
        if value is None:
            return None
        if isinstance(value.get("id"), str):
            return str(value["id"])
        running = snapshot.running_round(self.store)
        return running.id if running is not None else None

    def known_cards(self, cards: Sequence[str]) -> list[str]:
        known = {c["id"] for c in self._title_and_cards()[1]}
        return [c for c in dict.fromkeys(cards) if c in known]

    def state(
        self, table: TableInfo, device: str | None, themes: list[Any] | None = None
    ) -> dict[str, Any]:
        title, cards = self._title_and_cards()
        if themes is None:
            themes = snapshot.table_entries(self.store, table.id)
        return snapshot.snapshot(
            title=title,
            table=table,
            round_=self.round(),
            deck_cards=cards,
            themes=themes,
            device=device,
        )

    def delegate_state(self, device: str | None) -> dict[str, Any]:
        """What a delegate's page shows (the join link); ``device``: with what is its own."""
        title, cards = self._title_and_cards()
        return delegate_view(self.store, title, cards, self.round(), device)

    # -- phones ---------------------------------------------------------------------------

    def join(
        self, ws: web.WebSocketResponse, token: str, table: TableInfo, device: str | None
    ) -> Socket:
        socket = Socket(ws, token, table, device)
        self.sockets.setdefault(table.id, set()).add(socket)
        self.seen(device, socket)
        return socket

    def leave(self, socket: Socket) -> None:
        self.sockets.get(socket.table.id, set()).discard(socket)
        with self.phones_lock:
            self.phones.pop(id(socket), None)

    def seen(self, device: str | None, socket: Socket | None = None) -> None:
        stamp = now_iso()
        sockets = [socket] if socket is not None else self._sockets_of(device)
        with self.phones_lock:
            for s in sockets:
                s.last_seen = stamp
                self.phones[id(s)] = Phone(s.device or "", s.table.number, stamp)

    def _sockets_of(self, device: str | None) -> list[Socket]:
        if not device:
            return []
        return [s for group in self.sockets.values() for s in group if s.device == device]

    # -- changes --------------------------------------------------------------------------

    def committed(self, changes: Changes) -> None:
        """A phone's commit: the GUI is told, the harvest page built again if it shows it."""
        self.harvest.changed(changes)
        self.notifier.put(changes)

    def changed(self, changes: Changes, table_id: str) -> None:
        self.committed(changes)
        self.schedule_push([table_id])

    def changed_many(self, changes: Changes) -> None:
        """A commit of entries from several tables: the GUI told once, each table pushed."""
        self.committed(changes)
        self.schedule_push({t.table_id for t in changes.themes if t.table_id})

    def schedule_push(self, table_ids: Iterable[str]) -> None:
        fresh = set(table_ids) - self._pending
        if not fresh:
            return
        self._pending |= fresh
        loop = asyncio.get_running_loop()
        loop.call_later(PUSH_DELAY, lambda: loop.create_task(self.push(fresh)))

    def push_all(self) -> None:
        self.schedule_push(list(self.sockets))
        self.delegates.schedule_push()

    async def push(self, table_ids: set[str]) -> None:
        self._pending -= table_ids
        for table_id in table_ids:
            sockets = list(self.sockets.get(table_id, ()))
            if not sockets:
                continue
            valid = set(self.store.room_tokens().tables.values())
            sockets = [s for s in sockets if s.token in valid]  # a renewed link hears nothing
            themes = snapshot.table_entries(self.store, table_id)
            by_device: dict[str | None, str] = {}
            for s in sockets:
                if s.device not in by_device:
                    value = {"type": "state", **self.state(s.table, s.device, themes)}
                    by_device[s.device] = json.dumps(value, ensure_ascii=False)
                if not s.ws.closed:
                    with contextlib.suppress(ConnectionError, RuntimeError):
                        await s.ws.send_str(by_device[s.device])

    async def close_sockets(
        self, *, code: int = 1001, only: Iterable[Socket | Delegate] | None = None
    ) -> None:
        targets: list[Socket | Delegate] = (
            list(only)
            if only is not None
            else [*(s for g in self.sockets.values() for s in g), *self.delegates.sockets]
        )
        for s in targets:
            with contextlib.suppress(Exception):
                await s.ws.close(code=code, message=b"room closed" if code == 1001 else b"")

    async def revoked(self) -> None:
        """Close the sockets whose link was renewed (their token is no longer valid)."""
        valid = set(self.store.room_tokens().tables.values())
        stale: list[Socket | Delegate] = [
            s for g in self.sockets.values() for s in g if s.token not in valid
        ]
        await self.close_sockets(code=4404, only=[*stale, *self.delegates.stale()])


ROOM: web.AppKey[Room] = web.AppKey("room", Room)
