"""Group commit: the entries that phones send together are stored in one durable commit.

A durable commit costs an fsync (milliseconds on a laptop's disk); 300 phones sending at
once would queue 300 of them. Instead each entry waits for the batch in progress to close:
everything that arrived on the loop meanwhile is committed together, then every phone of
the batch is answered. Under no load a batch is one entry and costs what it did before.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from facilitator.core.changes import PHONE, Changes
from facilitator.core.errors import InputError
from facilitator.core.records import Theme
from facilitator.store.base import StoreError
from facilitator.store.room import PhoneEntry

if TYPE_CHECKING:
    from facilitator.room.state import Room


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
            for _, future in batch:
                if not future.done():
                    future.set_exception(StoreError(str(exc)))
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
