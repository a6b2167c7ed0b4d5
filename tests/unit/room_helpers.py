"""A real room server on 127.0.0.1 for the room tests, and a client that talks to it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

from facilitator.core.changes import Changes
from facilitator.room.server import RoomServer
from facilitator.store import room
from facilitator.store.db import EventStore

T = TypeVar("T")

PAGE = "<!doctype html><title>Scribe</title><script src=/static/scribe.js></script>"
JOIN_PAGE = "<!doctype html><title>Join</title><script src=/static/join.js></script>"


def static_dir(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "scribe.html").write_text(PAGE, encoding="utf-8")
    (folder / "join.html").write_text(JOIN_PAGE, encoding="utf-8")
    (folder / "scribe.js").write_text("'use strict';", encoding="utf-8")
    (folder / "room.css").write_text("body{}", encoding="utf-8")
    return folder


class Heard:
    """What on_changes was told, with a way to wait for it."""

    def __init__(self) -> None:
        self.changes: list[Changes] = []
        self._cond = threading.Condition()

    def __call__(self, changes: Changes) -> None:
        with self._cond:
            self.changes.append(changes)
            self._cond.notify_all()

    def added(self) -> list[str]:
        with self._cond:
            return [t.id for c in self.changes for t in c.added]

    def wait_until(self, heard: Callable[[list[Changes]], bool], timeout: float = 10) -> bool:
        """Wait until ``heard(changes so far)`` holds."""
        with self._cond:
            return self._cond.wait_for(lambda: heard(self.changes), timeout)

    def wait_for(self, count: int, timeout: float = 10) -> list[str]:
        with self._cond:
            self._cond.wait_for(lambda: sum(len(c.added) for c in self.changes) >= count, timeout)
        return self.added()


@contextmanager
def running(event_path: Path, folder: Path, **options: Any) -> Iterator[tuple[RoomServer, Heard]]:
    heard = Heard()
    server = RoomServer(
        event_path,
        host="127.0.0.1",
        port=options.pop("port", 0),
        on_changes=options.pop("on_changes", heard),
        static_dir=static_dir(folder),
        **options,
    )
    server.start()
    try:
        yield server, heard
    finally:
        server.stop()


def tokens(event_path: Path) -> room.RoomTokens:
    with EventStore.open(event_path, readonly=True) as store:
        return room.room_tokens(store)


def run(job: Callable[[aiohttp.ClientSession], Awaitable[T]]) -> T:
    async def main() -> T:
        async with aiohttp.ClientSession() as session:
            return await job(session)

    return asyncio.run(main())
