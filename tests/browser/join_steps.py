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


def open_vote(room: Any, **options: Any) -> str:
    """Open the card vote as the console does: a store operation, then the server told."""
    from facilitator.core.changes import ROOM
    from facilitator.core.votes import CARD_QUESTION
    from facilitator.store import operations as ops

    vote, changes = ops.open_vote(room.store, CARD_QUESTION, origin=ROOM, **options)
    room.server.event_changed(changes)
    return str(vote.id)


def close_vote(room: Any, vote: str) -> None:
    from facilitator.core.changes import ROOM
    from facilitator.store import operations as ops

    _vote, changes = ops.close_vote(room.store, vote, origin=ROOM)
    room.server.event_changed(changes)


def card(page: Any, title: str) -> Any:
    return page.locator("#options .choose").filter(has_text=title)


def wait_voted(page: Any, title: str) -> None:
    """The laptop has the phone's vote for ``title``."""
    expect(page.locator("#vote-status")).to_have_text(
        f"Your vote: {title}. Tap another to change it.", timeout=DELIVERED_MS
    )


def open_survey(room: Any) -> list[str]:
    """Give the event the learning event's survey and open it, as the console does."""
    import msgspec

    from facilitator.core.changes import ROOM
    from facilitator.core.plan import bundled_plans, load_plan
    from facilitator.core.settings import SURVEY_OPEN
    from facilitator.store import operations as ops

    survey = load_plan(bundled_plans()["learning-event"]).survey
    plan = msgspec.structs.replace(room.store.plan(), survey=survey)
    room.server.event_changed(ops.replace_plan(room.store, plan, origin=ROOM)[1])
    room.server.event_changed(ops.set_setting(room.store, SURVEY_OPEN.key, True, origin=ROOM))
    return [q.id for q in room.store.survey_questions()]
