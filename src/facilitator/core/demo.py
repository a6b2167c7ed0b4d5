"""The deck and plan a new event gets: a user's file, a bundled name, or the demo's."""

from __future__ import annotations

from pathlib import Path

from facilitator.core import deck as deck_module
from facilitator.core import plan as plan_module
from facilitator.core.deck import Deck
from facilitator.core.errors import InputError
from facilitator.core.plan import Plan

DEMO_DECK = "system-leadership"
DEMO_PLAN = "learning-event"


def load_deck_choice(choice: str | None) -> Deck:
    """A deck from a path, or by the name of a bundled deck; the demo deck when None."""
    bundled: dict[str, Path] = deck_module.bundled_decks()
    name = choice or DEMO_DECK
    if name in bundled:
        return deck_module.load_deck(bundled[name])
    path = Path(name)
    if not path.exists():
        raise InputError(
            name, f"no such deck file or folder; bundled decks: {', '.join(sorted(bundled))}"
        )
    return deck_module.load_deck(path)


def load_plan_choice(choice: str | None) -> Plan:
    """A plan from a path, or by the name of a bundled template; the demo plan when None."""
    path = plan_module.resolve_plan(choice or DEMO_PLAN)
    return plan_module.load_plan(path)
