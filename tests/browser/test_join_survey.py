"""The feedback survey on the delegates' phones: answered as it is given, offline too, and
delivered once."""

from __future__ import annotations

from typing import Any

import pytest
from join_steps import DELIVERED_MS, open_survey, wait_joined
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def stored(room: Any) -> list[tuple[str, str, str]]:
    return room.rows("SELECT question_id, device, answer FROM survey_answer ORDER BY question_id")


def question(page: Any, n: int) -> Any:
    return page.locator(".survey-question").nth(n)


def answer_all(page: Any, text: str) -> None:
    question(page, 0).get_by_role("button", name="4 out of 5").click()
    question(page, 1).get_by_role("button", name="5 out of 5").click()
    question(page, 2).get_by_role("button", name="Maybe").click()
    question(page, 3).locator("textarea").fill(text)
    question(page, 3).get_by_role("button", name="Send your answer").click()


def test_the_survey_answered_offline_is_delivered_once_when_back(room: Any, phones: Any) -> None:
    page = phones.open(room.join_url())
    wait_joined(page)
    ids = open_survey(room)
    expect(page.locator(".survey-question")).to_have_count(4, timeout=DELIVERED_MS)
    page.context.set_offline(True)
    answer_all(page, "More time at the <b>tables</b>")
    expect(page.locator("#offline")).to_have_text(
        "Offline — what you gave will be sent when the network is back", timeout=DELIVERED_MS
    )
    expect(question(page, 3).locator(".answer-state")).to_have_text("Sending…")
    assert stored(room) == []
    page.context.set_offline(False)
    for n in range(4):
        expect(question(page, n).locator(".answer-state")).to_have_text(
            "Saved", timeout=DELIVERED_MS
        )
    device = page.evaluate("localStorage.getItem('facilitator.device')")
    assert sorted(stored(room)) == sorted(
        [
            (ids[0], device, "4"),
            (ids[1], device, "5"),
            (ids[2], device, "Maybe"),
            (ids[3], device, "More time at the <b>tables</b>"),
        ]
    )
    # a change is the same answer, changed; and a reload shows what was given
    question(page, 0).get_by_role("button", name="2 out of 5").click()
    expect(question(page, 0).locator(".answer-state")).to_have_text("Saved")
    page.reload()
    wait_joined(page)
    expect(question(page, 0).get_by_role("button", name="2 out of 5")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(question(page, 3).locator("textarea")).to_have_value("More time at the <b>tables</b>")
    assert len(stored(room)) == 4


def test_three_phones_answer_and_each_answer_is_stored_once(room: Any, phones: Any) -> None:
    pages = [phones.open(room.join_url()) for _ in range(3)]
    for page in pages:
        wait_joined(page)
    open_survey(room)
    for n, page in enumerate(pages):
        expect(page.locator(".survey-question")).to_have_count(4, timeout=DELIVERED_MS)
        answer_all(page, f"Idea from phone {n}")
    for page in pages:
        expect(question(page, 3).locator(".answer-state")).to_have_text(
            "Saved", timeout=DELIVERED_MS
        )
    assert len(stored(room)) == 12


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_survey(
    room: Any, phones: Any, screenshot: Any, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = phones.open(room.join_url(), scheme=scheme, width=390)
    wait_joined(page)
    open_survey(room)
    expect(page.locator(".survey-question")).to_have_count(4, timeout=DELIVERED_MS)
    question(page, 0).get_by_role("button", name="4 out of 5").click()
    expect(question(page, 0).locator(".answer-state")).to_have_text("Saved")
    screenshot(page, f"join-survey-{scheme}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
