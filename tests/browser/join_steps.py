"""What a delegate does on the join page, and what the tests wait for (no sleeps)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

DELIVERED_MS = 10_000
ROUND = {
    "number": 2,
    "title": "First conversation",
    "prompts": ["What does system leadership mean to you and your role?"],
}


def wait_joined(page: Any) -> None:
    """The first state has arrived and the socket is open."""
    expect(page.locator("#net-text")).to_have_text("Connected", timeout=DELIVERED_MS)
    expect(page.locator("h1")).not_to_have_text("Joining the room…", timeout=DELIVERED_MS)


def device(page: Any) -> str:
    return str(page.evaluate("localStorage.getItem('facilitator.device')"))
