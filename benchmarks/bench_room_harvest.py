"""The harvest so far on the phones, for a 50,000-entry event (100 tables).

A phone opens /j/TOKEN/harvest while the room is idle: the page is built on the harvest's
worker thread. Meanwhile another phone asks for the join page's state every 20 ms; its
latencies while the page is being built are compared with the same requests on the idle
room, in the same run (the baseline). Then the page again: kept, not built.

Run: python benchmarks/bench_room_harvest.py [ENTRIES]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from facilitator.core.changes import ROOM
from facilitator.core.settings import HARVEST_PUBLISHED
from facilitator.room.server import RoomServer
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from unit.harvest_sample import big_event

ENTRIES = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
POLL_S = 0.02
IDLE_S = 2.0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def poll(s: aiohttp.ClientSession, url: str, until: asyncio.Event) -> list[float]:
    times = []
    while not until.is_set():
        start = time.perf_counter()
        async with s.get(url) as r:
            await r.read()
        times.append((time.perf_counter() - start) * 1000)
        await asyncio.sleep(POLL_S)
    return times


async def phones(base: str, token: str) -> dict[str, object]:
    state = f"{base}/api/j/{token}/state?device=watcher"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as s:
        stop = asyncio.Event()
        idle = asyncio.create_task(poll(s, state, stop))
        await asyncio.sleep(IDLE_S)
        stop.set()
        idle_times = await idle
        stop = asyncio.Event()
        during = asyncio.create_task(poll(s, state, stop))
        start = time.perf_counter()
        async with s.get(f"{base}/j/{token}/harvest") as r:
            page = await r.read()
            assert r.status == 200, r.status
        built = time.perf_counter() - start
        stop.set()
        during_times = await during
        start = time.perf_counter()
        async with s.get(f"{base}/j/{token}/harvest") as r:
            await r.read()
        kept = (time.perf_counter() - start) * 1000
    return {
        "built_s": built,
        "kept_ms": kept,
        "idle": idle_times,
        "during": during_times,
        "kb": len(page) / 1024,
    }


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-harvest-") as tmp:
        path = big_event(Path(tmp), ENTRIES)
        with EventStore.open(path) as store:
            ops.set_setting(store, HARVEST_PUBLISHED.key, True, origin=ROOM)
            token = store.room_tokens().event
        server = RoomServer(path, host="127.0.0.1", port=0)
        server.start()
        try:
            got = asyncio.run(phones(f"http://127.0.0.1:{server.port}", token))
        finally:
            server.stop()
    print(f"the harvest of {ENTRIES:,} entries on the phones ({got['kb']:,.0f} KB page)")
    print(
        f"  first open (built on the worker): {got['built_s']:.2f} s;"
        f" again (kept): {got['kept_ms']:.1f} ms"
    )
    for name in ("idle", "during"):
        times = got[name]
        assert isinstance(times, list)
        print(
            f"  join state, {name:6} ({len(times):3} requests): p50"
            f" {statistics.median(times):6.1f} ms, p95 {pct(times, 95):6.1f} ms,"
            f" max {max(times):6.1f} ms"
        )


if __name__ == "__main__":
    main()
