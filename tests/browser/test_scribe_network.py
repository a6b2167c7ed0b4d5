"""The network comes and goes: nothing lost, nothing twice, and the page says so."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from scribe_steps import OFFLINE_NOTICED_MS, entry, send, wait_ready, wait_sent, wait_shown

pytestmark = pytest.mark.browser

PAGE_FILES = Path(__file__).resolve().parents[2] / "resources" / "room"
BUDGET = 150 * 1024
OUTBOX_EMPTY = """() => Object.keys(localStorage)
    .filter(k => k.startsWith('facilitator.outbox.'))
    .every(k => JSON.parse(localStorage.getItem(k)).length === 0)"""


def test_offline_two_entries_wait_and_are_delivered_once_when_back(
    room: Any, phones: Any, screenshot: Any
) -> None:
    page = phones.open(room.url(4), width=390)
    wait_ready(page)
    page.context.set_offline(True)
    send(page, "Written in the lift")
    send(page, "Written in the car park", "Action")
    banner = page.locator("#offline")
    expect(banner).to_have_text(
        "Offline — 2 entries waiting, they will be sent when the network is back",
        timeout=OFFLINE_NOTICED_MS,
    )
    expect(page.locator("#net-text")).to_have_text("Offline")
    for text in ("Written in the lift", "Written in the car park"):
        expect(entry(page, text).locator(".state")).to_have_text("Sending…")
    assert room.phone_texts(4) == []
    screenshot(page, "scribe-offline")

    page.context.set_offline(False)
    wait_sent(page, "Written in the lift")
    wait_sent(page, "Written in the car park")
    expect(banner).to_be_hidden()
    expect(page.locator("#net-text")).to_have_text("Connected")
    assert room.phone_texts(4) == ["Written in the lift", "Written in the car park"]


def test_an_entry_waiting_in_the_outbox_survives_a_reload(room: Any, phones: Any) -> None:
    page = phones.open(room.url(4))
    wait_ready(page)
    page.route("**/entries", lambda route: route.abort())  # the answer never comes
    send(page, "Typed before the battery died")
    expect(entry(page, "Typed before the battery died").locator(".state")).to_have_text("Sending…")
    page.wait_for_function("() => document.body.classList.contains('is-offline')")
    page.unroute("**/entries")
    page.reload()
    wait_shown(page, ["Typed before the battery died"])
    page.wait_for_function(OUTBOX_EMPTY)
    assert room.phone_texts(4) == ["Typed before the battery died"]


def test_dropped_sockets_reconnect_and_catch_up(room: Any, phones: Any) -> None:
    page = phones.open(room.url(4))
    wait_ready(page)
    send(page, "Before the drop")
    wait_sent(page, "Before the drop")
    opened = []
    page.on("websocket", lambda socket: opened.append(socket.url))
    room.server.drop_connections()
    away = "Added while the phone was away"
    room.store.add_theme(away, table_id=room.table_ids[4], round_id=None)
    wait_shown(page, ["Before the drop", away])
    expect(page.locator("#net-text")).to_have_text("Connected")
    assert opened, "the page did not open a new WebSocket"
    send(page, "After the drop")
    wait_sent(page, "After the drop")
    assert room.phone_texts(4) == ["Before the drop", "After the drop"]


def test_a_silent_connection_is_shown_offline_within_15_seconds(room: Any, phones: Any) -> None:
    # the socket stays open but no answer comes back: as on a wifi the phone walked out of
    context = phones.context()
    context.route_web_socket("**/ws*", _swallow_pings)
    page = phones.open(room.url(4), context=context)
    wait_ready(page)
    page.evaluate(
        """() => {
            window.noticed = null;
            const start = performance.now();
            new MutationObserver(() => {
                if (document.body.classList.contains('is-offline') && window.noticed === null)
                    window.noticed = performance.now() - start;
            }).observe(document.body, {attributes: true});
        }"""
    )
    page.wait_for_function("() => window.noticed !== null", timeout=OFFLINE_NOTICED_MS)
    assert page.evaluate("window.noticed") <= 15_000


def _swallow_pings(socket: Any) -> None:
    socket.connect_to_server()
    socket.on_message(lambda message: None)


def test_no_request_leaves_the_laptop(room: Any, phones: Any) -> None:
    seen: list[str] = []
    context = phones.context()
    context.on("request", lambda request: seen.append(request.url))
    page = phones.open(room.url(4), context=context)
    wait_ready(page)
    send(page, "Local only")
    wait_sent(page, "Local only")
    assert seen and {urlsplit(url).hostname for url in seen} == {"facilitator.test"}
    assert phones.outside == []


def test_the_page_files_are_under_150_kb_compressed() -> None:
    files = [p for p in PAGE_FILES.iterdir() if p.is_file()]
    assert {"scribe.html", "scribe.js", "room.css"} <= {p.name for p in files}
    total = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
    assert total < BUDGET, f"{total} bytes compressed"
