"""A question to the room from a phone: it waits for the facilitator, and once approved
every phone sees it and may up-vote it once."""

from __future__ import annotations

from typing import Any

import pytest
from join_steps import DELIVERED_MS, wait_joined
from playwright.sync_api import expect

from facilitator.core.changes import ROOM
from facilitator.core.room_questions import APPROVED
from facilitator.store import operations as ops

pytestmark = pytest.mark.browser

ASKED = "How do we keep this going after today? <b>not bold</b>"


def ask(page: Any, text: str) -> None:
    page.get_by_role("textbox", name="Your question").fill(text)
    page.locator("#ask").get_by_role("button", name="Send").click()


def approve(room: Any, text: str) -> str:
    (question,) = [q for q in room.store.room_questions() if q.text == text]
    _q, changes = ops.moderate_question(room.store, question.id, APPROVED, origin=ROOM)
    room.server.event_changed(changes)
    return str(question.id)


def test_a_question_goes_through_the_facilitator_to_every_phone(room: Any, phones: Any) -> None:
    asker, other = phones.open(room.join_url()), phones.open(room.join_url())
    wait_joined(asker)
    wait_joined(other)
    ask(asker, ASKED)
    mine = asker.locator("#my-list li")
    expect(mine.locator(".answer-state")).to_have_text(
        "Sent: the facilitator will see it", timeout=DELIVERED_MS
    )
    expect(other.locator("#room-questions")).to_be_hidden()  # nothing before approval
    question = approve(room, ASKED)
    shown = other.locator("#approved-list li").filter(has_text="How do we keep this going")
    expect(shown).to_have_count(1, timeout=DELIVERED_MS)
    assert shown.locator("b").count() == 0  # typed markup stays text
    expect(mine.locator(".answer-state")).to_have_text("On the screen", timeout=DELIVERED_MS)
    up = shown.get_by_role("button")
    up.click()
    expect(up).to_have_attribute("aria-pressed", "true")
    expect(up).to_have_text("▲ 1", timeout=DELIVERED_MS)
    up.click()  # a second tap changes nothing
    expect(asker.locator("#approved-list .upvote")).to_have_text("▲ 1", timeout=DELIVERED_MS)
    rows = room.rows("SELECT count(*) FROM room_upvote WHERE question_id = ?", question)
    assert rows == [(1,)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_questions(
    room: Any, phones: Any, screenshot: Any, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = phones.open(room.join_url(), scheme=scheme, width=390)
    wait_joined(page)
    ask(page, ASKED)
    expect(page.locator("#my-list .answer-state")).to_have_text(
        "Sent: the facilitator will see it", timeout=DELIVERED_MS
    )
    approve(room, ASKED)
    expect(page.locator("#approved-list li")).to_have_count(1, timeout=DELIVERED_MS)
    screenshot(page, f"join-questions-{scheme}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
