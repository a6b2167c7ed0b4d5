"""The vote burst: 300 delegates on 127.0.0.1 vote "Which card struck a chord?" at once.

Each delegate holds the join page's WebSocket (the server pushes the shared state to all of
them a few times a second while the burst lands); then each posts one ballot at the same
instant. Figures: p50/p95 from tap to acknowledged (committed), and the time from the last
acknowledgement to the projector's tally showing every vote (as the console does it: a
commit's Changes reach it, and it refreshes at most every 300 ms from its own connection);
in the same run, a bare aiohttp endpoint on its own thread that only answers, as the
baseline. Run: python benchmarks/bench_room_votes.py [phones]
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import aiohttp

from bench_room import bare_server, drain, pct, rss_mb
from facilitator.core.changes import Changes
from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.core.votes import CARD_QUESTION
from facilitator.room.server import RoomServer
from facilitator.store.db import EventStore

PHONES = int(sys.argv[1]) if len(sys.argv) > 1 else 300
ROUNDS = 3
REFRESH_S = 0.3  # ui/live_panel.py REFRESH_MS: the tally's throttle


class Projector:
    """The console's tally as it follows votes: Changes with votes start a refresh at most
    every REFRESH_S, which reads the counts; ``shown`` is when every vote was on it."""

    def __init__(self, path: Path, vote: str, expected: int) -> None:
        self.path, self.vote, self.expected = path, vote, expected
        self.shown = threading.Event()
        self.shown_at = 0.0
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_changes(self, changes: Changes) -> None:
        with self._lock:
            if changes.votes and (self._timer is None or not self._timer.is_alive()):
                self._timer = threading.Timer(REFRESH_S, self._refresh)
                self._timer.start()

    def _refresh(self) -> None:
        with EventStore.open(self.path, readonly=True) as store:
            total = sum(store.vote_counts(self.vote).values())
        if total >= self.expected and not self.shown.is_set():
            self.shown_at = time.perf_counter()
            self.shown.set()


async def burst(base: str, token: str, vote: str, cards: list[str]) -> dict[str, float]:
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        sockets = []
        for i in range(PHONES):
            ws = await session.ws_connect(f"{base}/api/j/{token}/ws?device=delegate-{i}")
            await ws.receive_json()
            sockets.append(ws)
        readers = [asyncio.create_task(drain(ws)) for ws in sockets]
        gate = asyncio.Event()
        latencies: list[float] = []

        async def delegate(i: int) -> None:
            body = json.dumps(
                {"vote": vote, "answer": cards[i % len(cards)], "device": f"delegate-{i}"}
            )
            await gate.wait()
            start = time.perf_counter()
            async with session.post(f"{base}/api/j/{token}/vote", data=body) as r:
                await r.read()
                assert r.status == 200, r.status
            latencies.append((time.perf_counter() - start) * 1000)

        tasks = [asyncio.create_task(delegate(i)) for i in range(PHONES)]
        await asyncio.sleep(0)
        started = time.perf_counter()
        gate.set()
        await asyncio.gather(*tasks)
        acked = time.perf_counter()
        for ws in sockets:
            await ws.close()
        for task in readers:
            task.cancel()
    return {
        "p50": statistics.median(latencies),
        "p95": pct(latencies, 95),
        "all_acked_ms": (acked - started) * 1000,
        "acked": acked,
    }


def room_run(folder: Path) -> dict[str, float]:
    path = folder / f"votes-{uuid.uuid4().hex[:8]}.facilitator"
    deck = load_deck_choice(None)
    EventStore.create(
        path, title="Bench", deck=deck, plan=load_plan_choice(None), tables=12
    ).close()
    with EventStore.open(path) as store:
        vote = store.open_vote(CARD_QUESTION).id
        token = store.room_tokens().event
    projector = Projector(path, vote, PHONES)
    before = rss_mb()
    server = RoomServer(path, host="127.0.0.1", port=0, on_changes=projector.on_changes)
    server.start()
    try:
        cards = [c.id for c in deck.cards]
        figures = asyncio.run(burst(f"http://127.0.0.1:{server.port}", token, vote, cards))
        projector.shown.wait(30)
        figures["tally_after_last_ms"] = (projector.shown_at - figures.pop("acked")) * 1000
        figures["rss_growth_mb"] = rss_mb() - before
    finally:
        server.stop()
    return figures


def bare_run() -> dict[str, float]:
    """The same burst against an aiohttp handler that only answers, on its own thread."""
    with bare_server("/api/j/{t}/vote", "/api/j/{t}/ws") as base:
        figures = asyncio.run(burst(base, "x", "v", ["c"]))
    figures.pop("acked")
    return figures


def main() -> None:
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "room vote": []}
    with tempfile.TemporaryDirectory(prefix="bench-votes-") as tmp:
        for _ in range(ROUNDS):
            runs["bare"].append(bare_run())
            runs["room vote"].append(room_run(Path(tmp)))
    print(f"{PHONES} delegates vote at once on 127.0.0.1, medians of {ROUNDS} runs")
    keys = ("p50", "p95", "all_acked_ms", "tally_after_last_ms", "rss_growth_mb")
    print(f"{'':12}" + "".join(f"{k:>21}" for k in keys))
    for name, results in runs.items():
        cells = []
        for key in keys:
            values = [r[key] for r in results if key in r]
            cells.append(f"{statistics.median(values):21.1f}" if values else f"{'-':>21}")
        print(f"{name:12}" + "".join(cells))
    print("bars: p95 acknowledgement < 250 ms; the tally shows the last vote within 1 s")


if __name__ == "__main__":
    main()
