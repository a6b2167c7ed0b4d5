"""What a scribe does on the page, and what the tests wait for (page conditions, no sleeps)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

# the page notices a dead connection within 15 s (a ping every 5 s, silence for 10 s)
OFFLINE_NOTICED_MS = 16_000
DELIVERED_MS = 10_000


def send(page: Any, text: str, kind: str = "Theme") -> None:
    page.get_by_label(kind, exact=True).check()
    page.get_by_label("What your table says").fill(text)
    page.get_by_role("button", name="Send").click()


def entry(page: Any, text: str) -> Any:
    return page.locator("#entries > li").filter(has_text=text)


def wait_sent(page: Any, text: str) -> None:
    expect(entry(page, text).locator(".state")).to_have_text("Sent", timeout=DELIVERED_MS)


def wait_shown(page: Any, texts: list[str], timeout: int = DELIVERED_MS) -> None:
    """Every text is on the page, each exactly once."""
    page.wait_for_function(
        """texts => {
            const shown = [...document.querySelectorAll('#entries .entry-text')]
                .map(p => p.textContent);
            return texts.every(t => shown.filter(s => s === t).length === 1);
        }""",
        arg=texts,
        timeout=timeout,
    )


def wait_ready(page: Any) -> None:
    """The first state push has arrived and the socket is open."""
    expect(page.locator("#net-text")).to_have_text("Connected", timeout=DELIVERED_MS)
    expect(page.locator("h1")).to_have_text("Table 4")


def wait_delivered(page: Any) -> None:
    """The page's outbox is empty: every change it made has been acknowledged (committed)."""
    page.wait_for_function(
        """() => Object.keys(localStorage)
            .filter(k => k.startsWith('facilitator.outbox.'))
            .every(k => JSON.parse(localStorage.getItem(k) || '[]').length === 0)""",
        timeout=DELIVERED_MS,
    )
