"""The plan templates bundled with the app, and checking the cards a plan names against a deck."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

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


class Template(Struct, frozen=True):
    """A bundled plan as the new-event dialog offers it."""

    name: str  # the file name without ``.toml``: what ``--plan`` takes
    plan: Plan
    about: str  # the file's opening comment: what the format is for

    @property
    def shape(self) -> str:
        """Rounds, length and formats, e.g. ``5 rounds · 1 h 10 min · tables, plenary``."""
        rounds = len(self.plan.rounds)
        formats = list(dict.fromkeys(r.format for r in self.plan.rounds))
        count = f"{rounds} round{'s' if rounds != 1 else ''}"
        return " · ".join([count, duration(self.plan.total_minutes), ", ".join(formats)])


def duration(minutes: float) -> str:
    """``45 min``, ``1 h``, ``1 h 10 min``."""
    whole = round(minutes)
    hours, rest = divmod(whole, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def opening_comment(path: Path) -> str:
    """The comment lines a plan file opens with, joined as one paragraph."""
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(line for line in lines if line)


def templates() -> list[Template]:
    """The bundled plans, read and described; one that does not load is left out."""
    from facilitator.core.plan.toml_read import load_plan

    found: list[Template] = []
    for name, path in bundled_plans().items():
        try:
            found.append(Template(name, load_plan(path), opening_comment(path)))
        except (InputError, OSError):
            continue
    return found


def deck_for(plan: Plan, decks: dict[str, Deck], fallback: str) -> str:
    """The bundled deck that holds every card the plan names; ``fallback`` when none does
    or the plan names no cards."""
    if any(r.cards for r in plan.rounds):
        for name, deck in decks.items():
            if not check_plan_cards(plan, deck):
                return name
    return fallback
