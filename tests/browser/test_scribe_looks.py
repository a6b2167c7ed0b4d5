"""The scribe page passes axe-core in both schemes, fits one thumb, and is photographed."""

from __future__ import annotations

from typing import Any

import pytest
from scribe_steps import send, wait_ready, wait_sent

pytestmark = pytest.mark.browser

ROUND = {
    "number": 2,
    "title": "First conversation",
    "prompts": ["What does system leadership mean to you and your role?"],
}


def _fill(room: Any, page: Any) -> None:
    room.store.add_theme("Typed on the laptop", table_id=room.table_ids[4], round_id=None)
    for text, kind in [
        ("Trust takes time to build", "Theme"),
        ("“We need to listen before we lead” — Sam", "Quote"),
        ("Who is not in the room?", "Question"),
    ]:
        send(page, text, kind)
    wait_sent(page, "Who is not in the room?")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(room: Any, phones: Any, screenshot: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    room.server.set_live({"round": ROUND})
    page = phones.open(room.url(4), scheme=scheme, width=390)
    wait_ready(page)
    _fill(room, page)
    page.get_by_label("What your table says").fill("Leaders need #")
    page.locator("#suggest button").first.wait_for()
    screenshot(page, f"scribe-{scheme}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_label("What your table says").fill("")
    page.context.set_offline(True)
    send(page, "Waiting for the wifi")
    page.locator("#offline").wait_for()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.context.set_offline(False)
    wait_sent(page, "Waiting for the wifi")


def test_every_control_is_big_enough_for_a_thumb_and_send_is_near_the_bottom(
    room: Any, phones: Any
) -> None:
    page = phones.open(room.url(4))
    wait_ready(page)
    _fill(room, page)
    small = page.evaluate(
        """() => [...document.querySelectorAll('button, textarea, .kind')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.textContent.trim() || e.id, e.getBoundingClientRect()])
            .filter(([, r]) => r.height < 44 || r.width < 44)
            .map(([name, r]) => `${name}: ${r.width}x${r.height}`)"""
    )
    assert small == []
    send_box = page.get_by_role("button", name="Send").bounding_box()
    height = page.viewport_size["height"]
    assert send_box["y"] + send_box["height"] > height * 0.8
    assert page.evaluate("document.documentElement.lang") == "en"
