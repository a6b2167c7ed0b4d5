"""The plan templates bundled with the app, and checking the cards a plan names against a deck."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.errors import InputError, Problem
from facilitator.core.plan.model import Plan

if TYPE_CHECKING:
    from facilitator.core.deck import Deck


def bundled_plans() -> dict[str, Path]:
    """Bundled plan templates by name (the file name without ``.toml``), sorted."""
    from facilitator.paths import resource_path

    folder = resource_path("plans")
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.toml"))}


def resolve_plan(name_or_path: str) -> Path:
    """A plan file path, or the name of a bundled template (``world-cafe``)."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    templates = bundled_plans()
    key = name_or_path.strip().lower().removesuffix(".toml")
    if key in templates:
        return templates[key]
    names = ", ".join(templates) or "none installed"
    if path.suffix or os.sep in name_or_path or "/" in name_or_path:
        raise InputError(name_or_path, f"no such plan file (bundled templates: {names})")
    raise InputError(name_or_path, f"no such plan file or bundled template (templates: {names})")


def check_plan_cards(plan: Plan, deck: Deck) -> list[Problem]:
    """Card ids in the plan that the deck does not have."""
    known = {c.id for c in deck.cards}
    problems: list[Problem] = []
    for index, r in enumerate(plan.rounds):
        for card_id in r.cards:
            if card_id not in known:
                problems.append(
                    Problem(
                        f'round {index + 1} "{r.title}"',
                        f'card "{card_id}" is not in the deck "{deck.name}"',
                    )
                )
    return problems
