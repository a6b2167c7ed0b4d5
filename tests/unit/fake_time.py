"""A monotonic clock (and a wall clock beside it) that moves only when a test says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeTime:
    def __init__(self, start: float = 500.0) -> None:
        self.now = start
        self.wall = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)

    def __call__(self) -> float:
        return self.now

    def wall_now(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.wall += timedelta(seconds=seconds)
