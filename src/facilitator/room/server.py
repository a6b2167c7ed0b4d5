"""The room server: aiohttp on a thread of its own, with its own asyncio loop and its own
connection to the event file (``EventStore.open_writer``).

A phone's entry is committed and acknowledged on this thread whatever the GUI is doing; the
GUI hears of each commit through ``on_changes``, called on the server's notifier thread in
commit order (commits that come faster than the callback returns are merged into one
``Changes``), so a busy GUI thread, or a callback waiting for it, never holds up an
acknowledgement. Everything the GUI asks of the server is a thread-safe call.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from aiohttp import web

from facilitator.core.changes import PHONE, Changes
from facilitator.core.settings import HARVEST_PUBLISHED, SURVEY_OPEN
from facilitator.paths import resource_path
from facilitator.room import addresses, guard, join_api, questions_api
from facilitator.room.api import routes
from facilitator.room.dots_api import dot_routes
from facilitator.room.links import DEFAULT_PORT
from facilitator.room.state import ROOM, Notifier, Phone, Room
from facilitator.store.db import EventStore

__all__ = ["DEFAULT_PORT", "Phone", "RoomServer"]

TRIES = 10  # ports tried from the one asked for, up, before any free port the system gives
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


def _ignore(changes: Changes) -> None:
    pass


class RoomServer:
    """The room network for one open event. ``start()`` it, ``stop()`` it; every other
    method may be called from any thread."""

    def __init__(
        self,
        event_path: Path,
        *,
        port: int = DEFAULT_PORT,
        host: str = "0.0.0.0",
        on_changes: Callable[[Changes], None] = _ignore,
        extra_hosts: Sequence[str] = ("facilitator.test",),
        interfaces: Sequence[tuple[str, str]] | None = None,
        static_dir: Path | None = None,
    ) -> None:
        self.event_path = Path(event_path)
        self.host = host
        self.port = port
        self._asked_port = port
        self._on_changes = on_changes
        self._extra_hosts = tuple(h.lower() for h in extra_hosts)
        self._interfaces = list(interfaces) if interfaces is not None else None
        self._static_dir = static_dir or resource_path("room")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._room: Room | None = None
        self._runner: web.AppRunner | None = None
        self._stopped: asyncio.Event | None = None
        self._hosts: frozenset[str] = frozenset()
        self.addresses: list[str] = []

    # -- starting and stopping ------------------------------------------------------------

    def start(self) -> list[str]:
        """Open the room; return a base URL per address a phone could use, best first."""
        if self._thread is not None:
            raise RuntimeError("the room is already open")
        interfaces = (
            self._interfaces if self._interfaces is not None else addresses.machine_interfaces()
        )
        self.addresses = (
            [self.host] if self.host not in ("0.0.0.0", "") else addresses.ordered(interfaces)
        )
        self._hosts = frozenset(
            [*LOCAL_NAMES, *self._extra_hosts, *(a for _n, a in interfaces), *self.addresses]
        )
        started: Future[int] = Future()
        self._thread = threading.Thread(
            target=self._run, args=(started,), name="room-server", daemon=True
        )
        self._thread.start()
        try:
            self.port = started.result(timeout=30)
        except BaseException:
            self._thread.join(timeout=5)
            self._thread = None
            raise
        return self.urls()

    def urls(self) -> list[str]:
        return [f"http://{a}:{self.port}/" for a in self.addresses]

    def _run(self, started: Future[int]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        notifier = Notifier(self._on_changes)
        store: EventStore | None = None
        try:
            store = EventStore.open_writer(self.event_path)
            self._room = Room(store, self._static_dir, notifier)
            self._stopped = asyncio.Event()
            loop.run_until_complete(self._serve(started))
        except BaseException as exc:
            if not started.done():
                started.set_exception(exc)
            else:
                raise
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            notifier.stop()  # every commit told before stop() returns
            if self._room is not None:
                self._room.harvest.close()
            if store is not None:
                store.close()

    async def _serve(self, started: Future[int]) -> None:
        assert self._room is not None and self._stopped is not None
        app = web.Application(
            client_max_size=guard.MAX_BODY,
            middlewares=[guard.make_guard(lambda: self._hosts)],
        )
        app[ROOM] = self._room
        app.on_response_prepare.append(guard.add_headers)
        app.add_routes([*routes(), *join_api.routes(), *questions_api.routes(), *dot_routes()])
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        self._runner = runner
        try:
            port = await self._bind(runner)
        except BaseException:
            await runner.cleanup()
            raise
        started.set_result(port)
        await self._stopped.wait()
        self._room.closing = True
        await self._room.close_sockets()
        await runner.cleanup()

    async def _bind(self, runner: web.AppRunner) -> int:
        """Listen on the port asked for, or the next free one, or any free one."""
        asked = self._asked_port
        candidates = [asked + i for i in range(TRIES) if asked + i <= 65535] if asked else []
        for port in [*candidates, 0]:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: no port sharing
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
                sock.bind((self.host, port))
            except OSError:
                sock.close()
                continue
            site = web.SockSite(runner, sock)
            await site.start()
            return int(sock.getsockname()[1])
        raise OSError("no free port for the room")

    def stop(self) -> None:
        """Close every connection, the server, its loop, thread and connection. Commits
        already made have reached ``on_changes`` when this returns."""
        thread, loop, stopped = self._thread, self._loop, self._stopped
        if thread is None or loop is None or stopped is None:
            return
        if self._room is not None:
            self._room.closing = True
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(stopped.set)
        thread.join(timeout=15)
        self._thread = None

    # -- thread-safe calls ----------------------------------------------------------------

    def _call(self, job: Callable[[Room], Any], *, wait: bool = True) -> Any:
        loop, room = self._loop, self._room
        if loop is None or room is None or self._thread is None or loop.is_closed():
            return None

        async def run() -> Any:
            result = job(room)
            if asyncio.iscoroutine(result):
                result = await result
            return result

        future = asyncio.run_coroutine_threadsafe(run(), loop)
        return future.result(timeout=10) if wait else None

    def set_live(self, state: dict[str, Any]) -> None:
        """The live round for phones: ``{"round": {"number", "title", "prompts"} | None}``
        (a round may carry its ``id``: phone entries are saved in it)."""
        live = dict(state)

        def apply(room: Room) -> None:
            room.live = live
            room.push_all()

        self._call(apply, wait=False)

    def event_changed(self, changes: Changes) -> None:
        """Thread-safe: entries changed elsewhere (the laptop, an import, a merge) reach
        the phones of their tables; a bulk change reaches every phone; a vote opened or
        closed on the laptop reaches every delegate."""
        if changes.origin == PHONE:
            return  # a phone's own commit was pushed when it was made
        self._call(lambda room: room.harvest.changed(changes), wait=False)
        shown = {SURVEY_OPEN.key, HARVEST_PUBLISHED.key} & set(changes.settings) or changes.plan
        if changes.votes or changes.deck or changes.event or shown or changes.questions:
            self._call(lambda room: room.delegates.schedule_push(), wait=False)
        if not changes.entries_changed:
            return
        tables = {t.table_id for t in changes.themes if t.table_id is not None}

        def apply(room: Room) -> None:
            if changes.entries or not tables:
                room.push_all()
            else:
                room.schedule_push(tables)

        self._call(apply, wait=False)

    def connected(self) -> list[Phone]:
        room = self._room
        if room is None or self._thread is None:
            return []
        with room.phones_lock:
            return sorted(room.phones.values(), key=lambda p: (p.table_number, p.device))

    def drop_connections(self) -> None:
        """Close every WebSocket (a test hook: the phones reconnect and catch up)."""
        self._call(lambda room: room.close_sockets(code=1012))

    def tokens_changed(self) -> None:
        """After a link was renewed: close the connections its old token opened."""
        self._call(lambda room: room.revoked())

    def __enter__(self) -> RoomServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
