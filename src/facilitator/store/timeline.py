"""The timeline: what happened when (a round started, paused, ended), in saved order."""

from __future__ import annotations

import json
from typing import Any

from facilitator.core.records import TimelineEntry
from facilitator.store.base import StoreBase, new_id
from facilitator.store.rows import insert_row, timeline_record


class TimelineOps(StoreBase):
    """The event's timeline."""

    def add_timeline(
        self, kind: str, *, round_id: str | None = None, detail: dict[str, Any] | None = None
    ) -> TimelineEntry:
        values = {
            "id": new_id(),
            "at": self._now(),
            "kind": kind,
            "round_id": round_id,
            "detail_json": json.dumps(detail or {}, ensure_ascii=False),
        }
        with self._write() as conn:
            insert_row(conn, "timeline", values)
        return timeline_record(values)

    def timeline(self, *, saved_order: bool = False) -> list[TimelineEntry]:
        """By time, or (``saved_order``) in the order this file saved them, which a jump
        of the wall clock does not disturb."""
        order = "rowid" if saved_order else "at, id"
        rows = self._read(f"SELECT * FROM timeline ORDER BY {order}")
        return [timeline_record(r) for r in rows]
