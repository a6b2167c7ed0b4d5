"""The harvest so far, for delegates to take home: ``/j/EVENTTOKEN/harvest``.

Offered only while the facilitator has published it (``HARVEST_PUBLISHED``, the console's
key and Room menu); otherwise, and for an old join link, a 404 in words. It is the html
export itself (export/html.py), built from what may be published (core/harvest_public.py:
no hidden entry, only approved questions).

The export is one self-contained file with its own ``<style>`` and a few ``style``
attributes (a card's colour, a bar's width), so that a delegate who saves it keeps a page
that still looks right. The room's pages allow no inline style, so this page carries a
policy of its own: inline style allowed, no script at all, nothing loaded from anywhere.

A big event's report takes seconds to build: it is built on a worker thread of its own
(with its own read-only connection), never on the server's loop, one build at a time, and
kept until the event changes.
"""

from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from msgspec import Struct

from facilitator.core.changes import Changes
from facilitator.core.harvest import build_harvest
from facilitator.core.harvest_public import PublicSource
from facilitator.store.db import EventStore

NOT_PUBLISHED = "The harvest is not shared at the moment: ask the facilitator."
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
    " form-action 'none'; frame-ancestors 'none'"
)


class Page(Struct, frozen=True):
    """The page as sent: encoded, and gzipped for the phones that take it (a 50,000-entry
    report is ~10 MB of html, ~1 MB gzipped: seconds less on a busy wifi)."""

    html: bytes
    gzipped: bytes


def render(event_path: Path) -> Page:
    """The public harvest of the event as a web page (on a worker thread)."""
    from facilitator.export.html import render_html  # with the first harvest, not at start

    with EventStore.open(event_path, readonly=True) as store:
        harvest = build_harvest(PublicSource(store))
    html = render_html(harvest).encode("utf-8")
    return Page(html, gzip.compress(html, compresslevel=6, mtime=0))


class HarvestPage:
    """Lives on the server's loop: the page, built off it and kept until the event changes."""

    def __init__(self, event_path: Path) -> None:
        self._path = event_path
        self._generation = 0  # counts the changes that reach the harvest
        self._page: tuple[int, Page] | None = None  # (generation it was built at, page)
        self._building: asyncio.Future[tuple[int, Page]] | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-harvest")
        self.builds = 0  # how many were built (the tests read it)

    def changed(self, changes: Changes) -> None:
        """A commit: if it touches what the harvest shows, the page is built again."""
        if (
            changes.entries_changed
            or changes.picks_changed
            or changes.round_times
            or any((changes.deck, changes.plan, changes.event, changes.tables, changes.groups))
            or any((changes.dots, changes.votes, changes.survey, changes.questions))
        ):
            self._generation += 1

    async def page(self) -> Page:
        """The page as of now: a build that started after this call, or the one kept."""
        asked = self._generation
        while self._page is None or self._page[0] < asked:
            if self._building is None:
                self._building = asyncio.ensure_future(self._build())
            building = self._building
            try:
                await asyncio.shield(building)
            finally:
                if self._building is building and building.done():
                    self._building = None
        return self._page[1]

    async def _build(self) -> tuple[int, Page]:
        generation = self._generation
        loop = asyncio.get_running_loop()
        page = await loop.run_in_executor(self._worker, render, self._path)
        self.builds += 1
        if self._page is None or self._page[0] <= generation:
            self._page = (generation, page)
        return generation, page

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)
