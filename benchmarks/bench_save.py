"""Saving a theme: EventStore.add_theme against a raw sqlite3 insert-and-commit.

Both write to event files in the same folder with the same pragmas (WAL,
synchronous=FULL), interleaved so machine noise hits both alike.
Usage: python benchmarks/bench_save.py [saves]
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.store.db import EventStore


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    saves = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    folder = Path(tempfile.mkdtemp(prefix="bench-save-"))
    store = EventStore.create(
        folder / "event.facilitator",
        title="Bench",
        deck=load_deck_choice(None),
        plan=load_plan_choice(None),
        tables=100,
    )
    table_ids = [t.id for t in store.tables()]
    round_id = store.rounds()[0].id

    raw = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE theme (id TEXT PRIMARY KEY, table_id TEXT, text TEXT, at TEXT)")

    ours: list[float] = []
    bare: list[float] = []
    text = "Trust grows when leaders show their working, not just their answers"
    for n in range(saves):
        start = time.perf_counter()
        store.add_theme(text, table_id=table_ids[n % 100], round_id=round_id, cards=["mindset"])
        ours.append(time.perf_counter() - start)

        start = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO theme VALUES (?, ?, ?, ?)",
            (str(uuid.uuid4()), table_ids[n % 100], text, time.time()),
        )
        raw.execute("COMMIT")
        bare.append(time.perf_counter() - start)
    store.close()

    def line(name: str, values: list[float]) -> str:
        ms = [v * 1000 for v in values]
        return (
            f"{name:<32} p50 {statistics.median(ms):.3f} ms  p95 {percentile(ms, 95):.3f} ms"
            f"  max {max(ms):.3f} ms"
        )

    print(f"{saves} saves each, interleaved, in {folder}")
    print(line("raw sqlite3 insert+commit", bare))
    print(line("EventStore.add_theme", ours))
    print("bar: add_theme p95 under 2 ms")


if __name__ == "__main__":
    main()
