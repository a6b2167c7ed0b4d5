"""Drafts (what was being typed, kept through a crash) and the event's settings."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from facilitator.core.records import Draft
from facilitator.store.base import StoreBase
from facilitator.store.rows import insert_row


class DraftSettingOps(StoreBase):
    """Drafts by slot, and settings by key (values stored as JSON)."""

    def save_draft(self, slot: str, text: str, detail: dict[str, Any] | None = None) -> None:
        """Keep what is being typed; an empty text clears the draft."""
        with self._write() as conn:
            conn.execute("DELETE FROM draft WHERE slot = ?", (slot,))
            if text:
                insert_row(
                    conn,
                    "draft",
                    {
                        "slot": slot,
                        "text": text,
                        "detail_json": json.dumps(detail or {}, ensure_ascii=False),
                        "updated_at": self._now(),
                    },
                )

    def draft(self, slot: str) -> Draft | None:
        rows = self._read("SELECT * FROM draft WHERE slot = ?", (slot,))
        if not rows:
            return None
        r = rows[0]
        return Draft(
            slot=r["slot"],
            text=r["text"],
            detail=json.loads(r["detail_json"]),
            updated_at=r["updated_at"],
        )

    def setting(self, key: str, default: Any = None) -> Any:
        rows = self._read("SELECT value_json FROM setting WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._write() as conn:
            put_setting(conn, key, value)


def put_setting(conn: sqlite3.Connection, key: str, value: Any) -> None:
    """Set one setting inside a transaction that is open on ``conn``."""
    conn.execute(
        "INSERT OR REPLACE INTO setting (key, value_json) VALUES (?, ?)",
        (key, json.dumps(value)),
    )
