"""What the store hands out: frozen values, never live ORM objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from facilitator.core.plan import Round

KINDS = ("theme", "quote", "question", "action")


@dataclass(frozen=True)
class EventInfo:
    id: str
    title: str
    date: str
    venue: str
    facilitator: str
    created_at: str
    app_version: str


@dataclass(frozen=True)
class TableInfo:
    id: str
    number: int
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"Table {self.number}"


@dataclass(frozen=True)
class RoundInfo:
    id: str
    position: int
    round: Round
    planned_start: str | None = None
    planned_end: str | None = None
    actual_start: str | None = None
    actual_end: str | None = None

    @property
    def title(self) -> str:
        return self.round.title


@dataclass(frozen=True)
class Theme:
    id: str
    text: str
    kind: str
    table_id: str | None
    round_id: str | None
    cards: tuple[str, ...]
    created_at: str
    updated_at: str
    hidden: bool = False
    deleted_at: str | None = None


@dataclass(frozen=True)
class CardPick:
    id: str
    table_id: str | None
    round_id: str | None
    card_key: str
    created_at: str
    deleted_at: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    at: str
    kind: str
    round_id: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Draft:
    slot: str
    text: str
    detail: Mapping[str, Any]
    updated_at: str
