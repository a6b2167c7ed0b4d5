"""Take the harvest home: shared by the facilitator, the join page offers "The harvest so
far"; it opens on a phone, passes axe-core, shows what the laptop typed and never a hidden
entry; withdrawn, the link goes and the page answers 404 in words."""

from __future__ import annotations

from typing import Any

import pytest
from join_steps import DELIVERED_MS, wait_joined
from playwright.sync_api import expect

from facilitator.core.changes import ROOM
from facilitator.core.settings import HARVEST_PUBLISHED
from facilitator.store import operations as ops

pytestmark = pytest.mark.browser

TYPED = "Leadership is noticing what the system needs"
HIDDEN = "A remark the facilitator hid from the wall"


def type_on_the_laptop(room: Any) -> None:
    table, round_ = room.store.tables()[0].id, room.store.rounds()[0].id
    room.server.event_changed(
        ops.add_theme(room.store, TYPED, table_id=table, round_id=round_, origin=ROOM)
    )
    hidden = room.store.add_theme(HIDDEN, table_id=table, round_id=round_)
    room.server.event_changed(ops.set_theme_hidden(room.store, hidden.id, True, origin=ROOM))


def share(room: Any, value: bool) -> None:
    changes = ops.set_setting(room.store, HARVEST_PUBLISHED.key, value, origin=ROOM)
    room.server.event_changed(changes)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_shared_harvest_goes_home_on_the_phone_and_a_withdrawn_one_does_not(
    room: Any, phones: Any, screenshot: Any, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    type_on_the_laptop(room)
    page = phones.open(room.join_url(), scheme=scheme, width=390)
    wait_joined(page)
    link = page.get_by_role("link", name="The harvest so far")
    expect(link).to_be_hidden()
    share(room, True)
    expect(link).to_be_visible(timeout=DELIVERED_MS)
    screenshot(page, f"join-harvest-link-{scheme}")
    assert Axe().run(page).violations_count == 0
    link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Test event")
    expect(page.get_by_text(TYPED)).to_be_visible()
    assert page.get_by_text(HIDDEN).count() == 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"join-harvest-page-{scheme}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    harvest_url = page.url
    page.go_back()
    wait_joined(page)
    share(room, False)
    expect(link).to_be_hidden(timeout=DELIVERED_MS)
    answer = page.goto(harvest_url)
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("heading", level=1)).to_contain_text("not shared")
