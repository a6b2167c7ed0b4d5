"""What the store hands out: frozen values, never live ORM objects."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msgspec import Struct, field

from facilitator.core.plan import Round

# The kinds of entry, in the order of their keys (Ctrl+1..4): the one list of them.
KINDS: tuple[str, ...] = ("theme", "quote", "question", "action")
# where an entry came from: typed on this laptop, sent from a phone, imported, merged in
ORIGINS: tuple[str, ...] = ("laptop", "phone", "import", "merge")
KIND_LABELS: dict[str, str] = {
    "theme": "Theme",
    "quote": "Quote",
    "question": "Question",
    "action": "Action",
}
KIND_PLURALS: dict[str, str] = {k: f"{label}s" for k, label in KIND_LABELS.items()}


class EventInfo(Struct, frozen=True):
    id: str
    title: str
    date: str
    venue: str
    facilitator: str
    created_at: str
    app_version: str


class TableInfo(Struct, frozen=True):
    id: str
    number: int
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"Table {self.number}"


class RoundInfo(Struct, frozen=True):
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


class Theme(Struct, frozen=True):
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
    seq: int = 0  # its place in the order entries were saved in this file (rises)
    origin: str = "laptop"  # laptop | phone | import | merge (ORIGINS)
    device: str | None = None  # the phone's device id, for an entry from a phone


class CardPick(Struct, frozen=True):
    id: str
    table_id: str | None
    round_id: str | None
    card_key: str
    created_at: str
    deleted_at: str | None = None


class TimelineEntry(Struct, frozen=True):
    id: str
    at: str
    kind: str
    round_id: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)


class Draft(Struct, frozen=True):
    slot: str
    text: str
    detail: Mapping[str, Any]
    updated_at: str
