"""A delegate opens the join link: the event and the live round, live, with no name asked."""

from __future__ import annotations

from typing import Any

import pytest
from join_steps import DELIVERED_MS, ROUND, card, device, open_vote, wait_joined, wait_voted
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_join_page_shows_the_event_and_follows_the_live_round(room: Any, phones: Any) -> None:
    page = phones.open(room.join_url())
    wait_joined(page)
    expect(page.locator("h1")).to_have_text(room.store.event().title)
    expect(page.locator("#round-title")).to_have_text("Waiting for the next round")
    # no name asked: the one text field is the question to the room
    fields = page.locator("input[type=text], input:not([type]), textarea")
    assert fields.count() == 1 and fields.get_attribute("id") == "ask-text"
    room.server.set_live({"round": ROUND})
    expect(page.locator("#round-title")).to_have_text("Round 2 · First conversation")
    expect(page.locator("#prompts li")).to_have_text([ROUND["prompts"][0]])
    # the device id is kept in storage and in a cookie that plain http can read back
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["facilitator_device"]["value"] == device(page)
    assert cookies["facilitator_device"]["secure"] is False


def test_a_dropped_socket_reconnects_and_gets_the_whole_state(room: Any, phones: Any) -> None:
    page = phones.open(room.join_url())
    wait_joined(page)
    opened: list[str] = []
    page.on("websocket", lambda socket: opened.append(socket.url))
    room.server.drop_connections()
    room.server.set_live({"round": {**ROUND, "title": "Changed while away"}})
    expect(page.locator("#round-title")).to_have_text(
        "Round 2 · Changed while away", timeout=DELIVERED_MS
    )
    expect(page.locator("#net-text")).to_have_text("Connected")
    assert opened, "the page did not open a new WebSocket"


def test_the_scribe_page_and_the_join_page_share_one_device_id(room: Any, phones: Any) -> None:
    context = phones.context()
    join = phones.open(room.join_url(), context=context)
    wait_joined(join)
    scribe = phones.open(room.url(4), context=context)
    expect(scribe.locator("#net-text")).to_have_text("Connected", timeout=DELIVERED_MS)
    assert device(join) == device(scribe)


def test_an_open_page_says_so_when_its_link_is_renewed(room: Any, phones: Any) -> None:
    page = phones.open(room.join_url())
    wait_joined(page)
    room.store.renew_event_token()
    room.server.tokens_changed()
    expect(page.locator("#offline")).to_have_text(
        "This link is no longer valid: scan the QR code on the screen again.",
        timeout=DELIVERED_MS,
    )
    expect(page.locator("#net-text")).to_have_text("Link renewed")


def test_a_renewed_join_link_says_it_is_no_longer_valid(room: Any, phones: Any) -> None:
    old = room.join_url()
    room.store.renew_event_token()
    room.server.tokens_changed()
    page = phones.open(old)
    expect(page.get_by_text("no longer valid")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_join_page(
    room: Any, phones: Any, screenshot: Any, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    room.server.set_live({"round": ROUND})
    page = phones.open(room.join_url(), scheme=scheme, width=390)
    wait_joined(page)
    expect(page.locator("#round-title")).to_have_text("Round 2 · First conversation")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    open_vote(room)
    cards = room.store.deck(images=False).cards
    card(page, cards[1].title).click()
    wait_voted(page, cards[1].title)
    page.get_by_role("button", name=f"Read {cards[0].title}").click()
    screenshot(page, f"join-vote-{scheme}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_every_control_of_the_vote_is_big_enough_for_a_thumb(room: Any, phones: Any) -> None:
    page = phones.open(room.join_url())
    wait_joined(page)
    open_vote(room)
    page.locator("#options .choose").first.wait_for()
    small = page.evaluate(
        """() => [...document.querySelectorAll('button')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.textContent.trim(), e.getBoundingClientRect()])
            .filter(([, r]) => r.height < 44 || r.width < 44)
            .map(([name, r]) => `${name}: ${r.width}x${r.height}`)"""
    )
    assert small == []
