"""The recent-events list: the start page and the console's File menu offer it.

Each event is remembered with its title, date and venue as they were when it was last
opened, so the start page can show them without opening a single event file.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from msgspec import Struct

from facilitator.core import atomic
from facilitator.paths import user_data_dir

log = logging.getLogger(__name__)
MAX_RECENT = 10


class RecentEvent(Struct, frozen=True):
    path: Path
    title: str = ""
    date: str = ""
    venue: str = ""

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    def as_json(self) -> dict[str, str]:
        return {"path": str(self.path), "title": self.title, "date": self.date, "venue": self.venue}


def _read_item(item: object) -> RecentEvent | None:
    """One remembered event: a path (the list's first form) or a dict with its details."""
    if isinstance(item, str) and item:
        return RecentEvent(Path(item))
    if isinstance(item, dict) and isinstance(item.get("path"), str) and item["path"]:
        text = {k: item.get(k) for k in ("title", "date", "venue")}
        return RecentEvent(
            Path(item["path"]), **{k: v for k, v in text.items() if isinstance(v, str)}
        )
    return None


class RecentEvents:
    """The recent-events list, kept as a small JSON file in the user data folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_data_dir() / "recent.json"

    def events(self) -> list[RecentEvent]:
        """Every remembered event, newest first, those moved or deleted since included."""
        try:
            items = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(items, list):
            return []
        found = (_read_item(item) for item in items)
        return [event for event in found if event is not None][:MAX_RECENT]

    def load(self) -> list[Path]:
        """The paths of the remembered events that are still there."""
        return [event.path for event in self.events() if event.exists]

    def add(self, event: Path, title: str = "", date: str = "", venue: str = "") -> None:
        event = event.resolve()
        item = RecentEvent(event, title, date, venue)
        known = self.events()
        if known[:1] == [item]:
            return  # already first, as it is (an event reopened): nothing to write
        self._write([item, *(e for e in known if e.path.resolve() != event)])

    def forget(self, event: Path) -> None:
        self._write([e for e in self.events() if e.path != event])

    def _write(self, events: list[RecentEvent]) -> None:
        try:
            # whole or not at all: a crash mid-write never leaves a broken list
            text = json.dumps([e.as_json() for e in events[:MAX_RECENT]], ensure_ascii=False)
            atomic.write_text(self.path, text)
        except OSError as exc:
            log.warning("cannot write the recent list: %s", exc)
