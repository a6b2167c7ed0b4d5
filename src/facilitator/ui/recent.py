"""The recent-events list: the start page and the console's File menu offer it."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from facilitator.core import atomic
from facilitator.paths import user_data_dir

log = logging.getLogger(__name__)
MAX_RECENT = 10


class RecentEvents:
    """The recent-events list, kept as a small JSON file in the user data folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_data_dir() / "recent.json"

    def load(self) -> list[Path]:
        try:
            items = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(items, list):
            return []
        return [Path(p) for p in items if isinstance(p, str) and Path(p).is_file()][:MAX_RECENT]

    def add(self, event: Path) -> None:
        event = event.resolve()
        items = [event, *(p for p in self.load() if p.resolve() != event)][:MAX_RECENT]
        try:
            # whole or not at all: a crash mid-write never leaves a broken list
            atomic.write_text(self.path, json.dumps([str(p) for p in items]))
        except OSError as exc:
            log.warning("cannot write the recent list: %s", exc)
