"""Group commit: what phones send together is stored in one durable commit.

A durable commit costs an fsync (milliseconds on a laptop's disk); 300 phones sending at
once would queue 300 of them. Instead each entry waits for the batch in progress to close:
everything that arrived on the loop meanwhile is committed together, then every phone of
the batch is answered. Under no load a batch is one entry and costs what it did before.

Entries go through :class:`EntryBatcher`; the delegates' ballots, dots, survey answers,
questions and up-votes through :class:`CommitGroup`: each is one store operation, run in
its own savepoint of the batch's transaction, so a refused one (its reason kept for its
phone) undoes only itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from facilitator.core.changes import PHONE, Changes
from facilitator.core.errors import InputError
from facilitator.core.records import Theme
from facilitator.store.base import StoreError
from facilitator.store.room import PhoneEntry

if TYPE_CHECKING:
    from facilitator.room.state import Room
    from facilitator.store.db import EventStore

T = TypeVar("T")


def _fail_all(futures: list[asyncio.Future[Any]], exc: StoreError) -> None:
    """The batch's commit failed: nothing of it is stored, and every phone is told."""
    for future in futures:
        if not future.done():
            future.set_exception(StoreError(str(exc)))


class EntryBatcher:
    """Lives on the server's loop; ``add`` answers once the entry's batch is committed."""

    def __init__(self, room: Room) -> None:
        self._room = room
        self._waiting: list[tuple[PhoneEntry, asyncio.Future[tuple[Theme, bool]]]] = []

    async def add(self, entry: PhoneEntry) -> tuple[Theme, bool]:
        """The stored entry and whether it is new; raises InputError or StoreError."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[tuple[Theme, bool]] = loop.create_future()
        if not self._waiting:  # the first of a batch: commit after what is ready now
            loop.call_soon(self._commit)
        self._waiting.append((entry, future))
        return await future

    def _commit(self) -> None:
        batch, self._waiting = self._waiting, []
        try:
            results = self._room.store.add_phone_entries([entry for entry, _ in batch])
        except StoreError as exc:
            _fail_all([future for _, future in batch], exc)
            return
        added: list[Theme] = []
        for (_, future), result in zip(batch, results, strict=True):
            if isinstance(result, InputError):
                if not future.done():
                    future.set_exception(result)
                continue
            if result[1]:
                added.append(result[0])
            if not future.done():  # a phone that hung up meanwhile: stored all the same
                future.set_result(result)
        if added:
            self._room.changed_many(Changes(added=tuple(added), origin=PHONE))


class CommitGroup:
    """Lives on the server's loop; ``run(job)`` runs ``job(store)`` with whatever else
    arrived meanwhile and answers (its result, or the exception it raised) once the
    batch is committed."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._waiting: list[tuple[Callable[[EventStore], Any], asyncio.Future[Any]]] = []

    async def run(self, job: Callable[[EventStore], T]) -> T:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        if not self._waiting:  # the first of a batch: commit after what is ready now
            loop.call_soon(self._commit)
        self._waiting.append((job, future))
        return await future

    def _commit(self) -> None:
        batch, self._waiting = self._waiting, []
        outcomes: list[tuple[bool, Any]] = []
        try:
            with self._store.grouped():
                for job, _ in batch:
                    try:
                        outcomes.append((True, job(self._store)))
                    except Exception as exc:  # this one's savepoint was undone; go on
                        outcomes.append((False, exc))
        except StoreError as exc:
            _fail_all([future for _, future in batch], exc)
            return
        for (_, future), (ok, value) in zip(batch, outcomes, strict=True):
            if future.done():  # a phone that hung up meanwhile: stored all the same
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
