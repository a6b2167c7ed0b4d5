"""Phone pages in a real browser: Debian's chromium driven by Playwright, offline.

Pages are opened through the name facilitator.test, mapped to 127.0.0.1 inside the
browser: 127.0.0.1 itself counts as a secure context and would hide what plain http on a
real network takes away (crypto.randomUUID, Secure cookies). Every request to any other
host is aborted and fails the test.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
HOST = "facilitator.test"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    f"--host-resolver-rules=MAP {HOST} 127.0.0.1",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots" / "room"


# per module, not per session: Playwright's sync API keeps an asyncio loop running on
# this thread while it is open, and later tests that start their own loop must not see it
@pytest.fixture(scope="module")
def playwright_session() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh --test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright_session: Any) -> Iterator[Any]:
    browser = playwright_session.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
    yield browser
    browser.close()


@dataclass
class Room:
    """An event file open as the app holds it, with the real room server on 127.0.0.1."""

    path: Path
    store: Any
    server: Any
    tokens: dict[int, str]  # table number -> scribe token
    table_ids: dict[int, str]

    def url(self, table: int) -> str:
        return f"http://{HOST}:{self.server.port}/t/{self.tokens[table]}"

    def join_url(self) -> str:
        return f"http://{HOST}:{self.server.port}/j/{self.store.room_tokens().event}"

    def rows(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        """Read the event file as an outside reader (sqlite3) sees it."""
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            return conn.execute(sql, args).fetchall()
        finally:
            conn.close()

    def phone_texts(self, table: int) -> list[str]:
        rows = self.rows(
            "SELECT text FROM theme WHERE origin = 'phone' AND table_id = ? ORDER BY rowid",
            self.table_ids[table],
        )
        return [r[0] for r in rows]


@pytest.fixture
def room(event_path: Path) -> Iterator[Room]:
    from facilitator.room.server import RoomServer
    from facilitator.store.db import EventStore

    store = EventStore.open(event_path)
    tables = {t.id: t.number for t in store.tables()}
    tokens = store.room_tokens()
    server = RoomServer(event_path, port=0, host="127.0.0.1", extra_hosts=(HOST,))
    server.start()
    try:
        yield Room(
            path=event_path,
            store=store,
            server=server,
            tokens={tables[tid]: tok for tid, tok in tokens.tables.items()},
            table_ids={n: tid for tid, n in tables.items()},
        )
    finally:
        server.stop()
        store.close()


@dataclass
class Phones:
    """Browser contexts shaped like a Pixel 7; each records what it tried to reach outside."""

    playwright: Any
    browser: Any
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    contexts: list[Any] = field(default_factory=list)

    def context(self, *, scheme: str = "light", width: int | None = None) -> Any:
        device = dict(self.playwright.devices["Pixel 7"])
        device.pop("default_browser_type", None)
        if width is not None:  # screenshots: a common narrow phone, 390 px wide
            device["viewport"] = {"width": width, "height": 844}
        context = self.browser.new_context(**device, color_scheme=scheme)
        context.route("**/*", self._only_the_laptop)
        self.contexts.append(context)
        return context

    def open(
        self, url: str, *, scheme: str = "light", context: Any = None, width: int | None = None
    ) -> Any:
        page = (context or self.context(scheme=scheme, width=width)).new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("websocket", self._check_socket)
        page.goto(url)
        return page

    def _only_the_laptop(self, route: Any) -> None:
        host = urlsplit(route.request.url).hostname
        if host == HOST:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _check_socket(self, socket: Any) -> None:
        if urlsplit(socket.url).hostname != HOST:
            self.outside.append(socket.url)


@pytest.fixture
def phones(playwright_session: Any, browser: Any) -> Iterator[Phones]:
    made = Phones(playwright_session, browser)
    yield made
    for context in made.contexts:
        context.close()
    assert made.outside == [], f"requests left the laptop: {made.outside}"
    assert made.errors == [], f"errors in the page: {made.errors}"


@pytest.fixture
def screenshot() -> Callable[[Any, str], Path]:
    def take(page: Any, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return take
