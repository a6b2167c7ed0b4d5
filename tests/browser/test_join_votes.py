"""Delegates vote "Which card struck a chord?" on their phones: one ballot each, changed at
once, the room's tally moving live, hidden results kept hidden until the vote closes."""

from __future__ import annotations

from typing import Any

import pytest
from join_steps import DELIVERED_MS, card, close_vote, open_vote, wait_joined, wait_voted
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def counts(room: Any, vote: str) -> dict[str, int]:
    rows = room.rows("SELECT answer, count(*) FROM room_ballot WHERE vote_id = ? GROUP BY 1", vote)
    return dict(rows)


def test_delegates_vote_change_their_vote_and_the_tally_moves(room: Any, phones: Any) -> None:
    cards = room.store.deck(images=False).cards
    pages = [phones.open(room.join_url()) for _ in range(3)]
    for page in pages:
        wait_joined(page)
    vote = open_vote(room)
    for page in pages:
        expect(page.locator("#vote-title")).to_have_text("Which card struck a chord?")
        expect(page.locator("#options .choose")).to_have_count(len(cards))
    first, second = cards[0], cards[1]
    card(pages[0], first.title).click()
    card(pages[1], first.title).click()
    card(pages[2], second.title).click()
    for page, chosen in zip(pages, (first, first, second), strict=True):
        wait_voted(page, chosen.title)
    assert counts(room, vote) == {first.id: 2, second.id: 1}
    # everyone's page follows the tally
    expect(card(pages[2], first.title).locator(".option-count")).to_have_text("2 votes")
    # a change is one tap, and still one ballot
    card(pages[1], second.title).click()
    wait_voted(pages[1], second.title)
    assert counts(room, vote) == {first.id: 1, second.id: 2}
    expect(card(pages[0], second.title).locator(".option-count")).to_have_text("2 votes")
    expect(card(pages[1], second.title)).to_have_attribute("aria-pressed", "true")
    expect(card(pages[1], first.title)).to_have_attribute("aria-pressed", "false")


def test_read_shows_the_front_of_a_card(room: Any, phones: Any) -> None:
    first = room.store.deck(images=False).cards[0]
    page = phones.open(room.join_url())
    wait_joined(page)
    open_vote(room)
    read = page.get_by_role("button", name=f"Read {first.title}")
    read.click()
    expect(page.get_by_text(first.front)).to_be_visible()
    expect(page.get_by_role("button", name=f"Close {first.title}")).to_have_attribute(
        "aria-expanded", "true"
    )


def test_hidden_results_show_nothing_until_the_vote_closes(room: Any, phones: Any) -> None:
    cards = room.store.deck(images=False).cards
    voter, watcher = phones.open(room.join_url()), phones.open(room.join_url())
    wait_joined(voter)
    wait_joined(watcher)
    vote = open_vote(room, hidden=True)
    card(voter, cards[0].title).click()
    wait_voted(voter, cards[0].title)
    expect(watcher.locator("#vote-count")).to_have_text(
        "1 vote so far. The results show when the vote closes.", timeout=DELIVERED_MS
    )
    assert watcher.locator(".option-count").count() == 0
    assert voter.locator(".option-count").count() == 0
    close_vote(room, vote)
    expect(watcher.locator("#vote-status")).to_have_text("The vote is closed.")
    expect(card(watcher, cards[0].title).locator(".option-count")).to_have_text("1 vote")
    expect(watcher.locator("#options .choose").first).to_be_disabled()


def test_a_tap_after_the_vote_closed_says_so_and_counts_nothing(room: Any, phones: Any) -> None:
    cards = room.store.deck(images=False).cards
    page = phones.open(room.join_url())
    wait_joined(page)
    vote = open_vote(room)
    page.route("**/vote", lambda route: route.abort())  # the tap is held back ...
    card(page, cards[0].title).click()
    page.wait_for_function("() => document.body.classList.contains('is-offline')")
    close_vote(room, vote)  # ... and the vote closes meanwhile
    expect(page.locator("#vote-status")).to_have_text("The vote is closed.", timeout=DELIVERED_MS)
    page.unroute("**/vote")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#vote-problem")).to_have_text(
        "Not saved: The vote is closed.", timeout=DELIVERED_MS
    )
    assert counts(room, vote) == {}


def test_a_vote_tapped_offline_is_delivered_once_when_back(room: Any, phones: Any) -> None:
    cards = room.store.deck(images=False).cards
    page = phones.open(room.join_url())
    wait_joined(page)
    vote = open_vote(room)
    expect(card(page, cards[0].title)).to_be_visible()
    page.context.set_offline(True)
    card(page, cards[0].title).click()
    card(page, cards[3].title).click()  # changed while offline: the last tap counts
    expect(page.locator("#offline")).to_have_text(
        "Offline — what you gave will be sent when the network is back", timeout=DELIVERED_MS
    )
    page.context.set_offline(False)
    wait_voted(page, cards[3].title)
    assert counts(room, vote) == {cards[3].id: 1}


def test_ten_phones_vote_two_change_and_the_tally_and_the_harvest_agree(
    room: Any, phones: Any
) -> None:
    from facilitator.core.harvest import build_harvest
    from facilitator.core.session import room_tally
    from facilitator.export.json_writer import harvest_to_dict

    deck = room.store.deck(images=False)
    cards = deck.cards
    pages = [phones.open(room.join_url()) for _ in range(10)]
    for page in pages:
        wait_joined(page)
    vote = open_vote(room)
    chosen = [cards[i % 3] for i in range(10)]
    for page, pick in zip(pages, chosen, strict=True):
        card(page, pick.title).click()
    for page, pick in zip(pages, chosen, strict=True):
        wait_voted(page, pick.title)
    for i in (0, 1):  # two change their minds
        chosen[i] = cards[4]
        card(pages[i], cards[4].title).click()
        wait_voted(pages[i], cards[4].title)
    expected = {c.id: sum(1 for x in chosen if x.id == c.id) for c in set(chosen)}
    assert counts(room, vote) == expected
    # the projector's tally (what the console builds) and the harvest read the same
    stored = room.store.vote(vote)
    shown = room_tally(deck, stored, room.store.vote_counts(vote))
    harvest = build_harvest(room.store)
    (exported,) = harvest.votes
    assert [(b.label, b.count) for b in shown.bars] == [
        (b.card.title, b.picks) for b in exported.bars
    ]
    rows = harvest_to_dict(harvest)["votes"]
    assert len(rows) == 10 and {r["card"] for r in rows} == set(expected)
    # and every phone's page shows the same counts
    top = shown.bars[0]
    for page in pages:
        expect(card(page, top.label).locator(".option-count")).to_have_text(f"{top.count} votes")


def test_a_vote_with_choices_shows_its_choices_and_counts_a_tap(room: Any, phones: Any) -> None:
    from facilitator.core.changes import ROOM
    from facilitator.core.votes import CHOICE
    from facilitator.store import operations as ops

    page = phones.open(room.join_url())
    wait_joined(page)
    vote, changes = ops.open_vote(
        room.store, "Where next?", kind=CHOICE, choices=["Self", "<b>System</b>"], origin=ROOM
    )
    room.server.event_changed(changes)
    expect(page.locator("#vote-title")).to_have_text("Where next?", timeout=DELIVERED_MS)
    expect(page.locator("#options .choose")).to_have_count(2)
    assert page.locator("#options .read").count() == 0  # a choice has no front to read
    card(page, "<b>System</b>").click()
    wait_voted(page, "<b>System</b>")
    assert counts(room, vote.id) == {"<b>System</b>": 1}
