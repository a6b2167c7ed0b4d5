"""What the entries list is narrowed to: a round, a table, a kind, a card, some text."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from facilitator.core.records import Theme


class Filters(Struct, frozen=True):
    round_id: str | None = None
    table_id: str | None = None
    kind: str | None = None
    card: str | None = None
    text: str = ""

    def matches(self, theme: Theme) -> bool:
        if theme.deleted_at is not None:
            return False
        if self.round_id is not None and theme.round_id != self.round_id:
            return False
        if self.table_id is not None and theme.table_id != self.table_id:
            return False
        if self.kind is not None and theme.kind != self.kind:
            return False
        if self.card is not None and self.card not in theme.cards:
            return False
        return not self.text or self.text.casefold() in theme.text.casefold()

    def query(self) -> dict[str, Any]:
        return {
            "round_id": self.round_id,
            "table_id": self.table_id,
            "kind": self.kind,
            "card": self.card,
            "text": self.text or None,
        }


# An entry as the list keeps it: a plain tuple in Theme's field order. Tuples of strings
