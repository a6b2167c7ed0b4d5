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
        self,
        kind: str,
        *,
        round_id: str | None = None,
        detail: dict[str, Any] | None = None,
        at: str | None = None,
    ) -> TimelineEntry:
        """``at``: when it happened (ISO 8601), if not now: a step taken on the UI thread
        is stamped when it was taken, though the writer saves it later."""
        values = timeline_values(kind, round_id, detail, at or self._now())
        with self._write() as conn:
            insert_row(conn, "timeline", values)
        return timeline_record(values)

    def timeline(self, *, saved_order: bool = False) -> list[TimelineEntry]:
        """By time, or (``saved_order``) in the order this file saved them, which a jump
        of the wall clock does not disturb."""
        order = "rowid" if saved_order else "at, id"
        rows = self._read(f"SELECT * FROM timeline ORDER BY {order}")
        return [timeline_record(r) for r in rows]


def timeline_values(
    kind: str, round_id: str | None, detail: dict[str, Any] | None, at: str
) -> dict[str, Any]:
    """The row of one timeline record."""
    return {
        "id": new_id(),
        "at": at,
        "kind": kind,
        "round_id": round_id,
        "detail_json": json.dumps(detail or {}, ensure_ascii=False),
    }
