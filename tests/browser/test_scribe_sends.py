"""A table's scribe types on a phone: every entry reaches the event file exactly once."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect
from scribe_steps import entry, send, wait_delivered, wait_ready, wait_sent, wait_shown

from facilitator.core.changes import CAPTURE, Changes

pytestmark = pytest.mark.browser


def test_a_scribe_sends_entries_and_each_is_in_the_event_file_once(room: Any, phones: Any) -> None:
    page = phones.open(room.url(4))
    wait_ready(page)
    typed = [
        ("Trust takes time to build", "Theme"),
        ("“We need to listen first” — Sam", "Quote"),
        ("How do we share power? <b>not bold</b> =1+1 مرحبا 🎉", "Question"),
        ("Meet again in March", "Action"),
    ]
    for text, kind in typed:
        send(page, text, kind)
    for text, _ in typed:
        wait_sent(page, text)
    rows = room.rows(
        "SELECT text, kind, origin, device FROM theme WHERE table_id = ? ORDER BY rowid",
        room.table_ids[4],
    )
    assert [(r[0], r[1]) for r in rows] == [(t, k.lower()) for t, k in typed]
    assert {r[2] for r in rows} == {"phone"}
    device = page.evaluate("localStorage.getItem('facilitator.device')")
    assert {r[3] for r in rows} == {device}
    # markup typed is shown as text, never read as markup
    assert entry(page, "not bold").locator("b").count() == 0
    # the device id is kept in a cookie too, readable over plain http (no Secure flag)
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["facilitator_device"]["value"] == device
    assert cookies["facilitator_device"]["secure"] is False
    # the outbox is empty once the server has answered
    assert (
        page.evaluate(
            "JSON.parse(localStorage.getItem(Object.keys(localStorage)"
            ".find(k => k.startsWith('facilitator.outbox.'))))"
        )
        == []
    )


def test_the_phone_edits_deletes_and_restores_its_own_entry(room: Any, phones: Any) -> None:
    page = phones.open(room.url(4))
    wait_ready(page)
    send(page, "First thought")
    wait_sent(page, "First thought")
    entry(page, "First thought").get_by_role("button", name="Edit").click()
    page.get_by_label("Edit entry").fill("Second thought")
    page.get_by_role("button", name="Save").click()
    page.wait_for_function("() => !document.querySelector('#entries .state.waiting')")
    wait_shown(page, ["Second thought"])
    assert room.phone_texts(4) == ["Second thought"]

    entry(page, "Second thought").get_by_role("button", name="Delete").click()
    expect(page.get_by_text("Entry deleted.")).to_be_visible()
    wait_delivered(page)
    deleted = "SELECT deleted_at IS NOT NULL FROM theme WHERE text = 'Second thought'"
    assert room.rows(deleted) == [(1,)]

    page.get_by_role("button", name="Undo").click()
    wait_shown(page, ["Second thought"])
    wait_delivered(page)
    assert room.rows(deleted) == [(0,)]


def test_typing_a_hash_suggests_cards_from_the_deck(room: Any, phones: Any) -> None:
    page = phones.open(room.url(4))
    wait_ready(page)
    first = room.store.deck(images=False).cards[0]
    box = page.get_by_label("What your table says")
    box.fill("This is about #" + first.title[:3])
    option = page.locator("#suggest").get_by_role("button", name=first.title)
    expect(option).to_be_visible()
    option.click()
    expect(page.locator("#suggest")).to_be_hidden()
    value = box.input_value()
    assert value.startswith("This is about #") and value.endswith(" ")
    page.get_by_role("button", name="Send").click()
    wait_sent(page, "This is about")
    (cards,) = room.rows("SELECT cards_json FROM theme WHERE origin = 'phone'")[0]
    assert first.id in cards


def test_three_phones_and_the_laptop_type_at_once_and_every_entry_lands_once(
    room: Any, phones: Any
) -> None:
    pages = [phones.open(room.url(4)) for _ in range(3)]
    for page in pages:
        wait_ready(page)
    expected = []
    for n in range(5):
        for i, page in enumerate(pages):
            text = f"phone {i} says {n}"
            send(page, text)
            expected.append(text)
        laptop = f"laptop says {n}"
        theme = room.store.add_theme(laptop, table_id=room.table_ids[4], round_id=None)
        room.server.event_changed(Changes(added=(theme,), origin=CAPTURE))
        expected.append(laptop)
    send(pages[0], "last word")
    expected.append("last word")
    for page in pages:
        wait_shown(page, expected)
    rows = room.rows("SELECT text FROM theme WHERE table_id = ?", room.table_ids[4])
    texts = [r[0] for r in rows]
    assert sorted(texts) == sorted(expected)


def test_an_entry_typed_on_the_laptop_appears_on_the_phone(room: Any, phones: Any) -> None:
    page = phones.open(room.url(4))
    wait_ready(page)
    theme = room.store.add_theme("Typed on the laptop", table_id=room.table_ids[4], round_id=None)
    # what the console's room control does with each change the event service reports
    room.server.event_changed(Changes(added=(theme,), origin=CAPTURE))
    wait_shown(page, ["Typed on the laptop"])


def test_an_open_scribe_page_says_so_when_its_link_is_renewed(room: Any, phones: Any) -> None:
    page = phones.open(room.url(4))
    wait_ready(page)
    room.store.renew_table_token(room.table_ids[4])
    room.server.tokens_changed()
    expect(page.locator("#offline")).to_have_text(
        "This link is no longer valid: ask the facilitator for the table's new card."
    )


def test_a_renewed_table_link_says_it_is_no_longer_valid(room: Any, phones: Any) -> None:
    old = room.url(4)
    room.store.renew_table_token(room.table_ids[4])
    room.server.tokens_changed()
    page = phones.open(old)
    expect(page.get_by_text("no longer valid")).to_be_visible()


def test_a_text_too_big_to_send_stays_in_the_box_with_how_much_to_shorten(
    room: Any, phones: Any
) -> None:
    """2,000 Cyrillic letters are 4,000 bytes: over the laptop's 4 KB request limit with the
    rest of the request. The page keeps the text and says how much to shorten; shortened,
    it is sent and stored exactly."""
    page = phones.open(room.url(4))
    wait_ready(page)
    long_text = "Щ" * 2_000
    page.fill("#text", long_text)
    page.click("#send")
    note = page.locator("#too-long")
    expect(note).to_be_visible()
    expect(note).to_contain_text("shorten it by about")
    assert page.input_value("#text") == long_text
    over = int(note.inner_text().split("about ")[1].split()[0])
    assert 0 < over < 200
    shorter = long_text[: 2_000 - over]
    page.fill("#text", shorter)
    page.click("#send")
    expect(note).to_be_hidden()
    wait_shown(page, [shorter])
    assert room.phone_texts(4).count(shorter) == 1
