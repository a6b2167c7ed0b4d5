"""The room network with 300 phones on this machine, all on 127.0.0.1.

300 aiohttp clients connect a WebSocket each (25 tables of 12); then a burst: each sends one
entry at once. Figures: p50/p95 from send to acknowledged (the server committed), the time
until ``on_changes`` has every entry, the server's resident memory growth; the same burst
while the "GUI thread" is blocked for 2 s (a thread sleeping inside a lock the
``on_changes`` callback needs); and, in the same run, a bare aiohttp endpoint on its own
thread that only answers, as the baseline; then the delegates' vote burst
(bench_room_votes.py). Run: python benchmarks/bench_room.py [phones]
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from facilitator.core.changes import Changes
from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.room.server import RoomServer
from facilitator.store.db import EventStore
from facilitator.store.room import room_tokens

PHONES = int(sys.argv[1]) if len(sys.argv) > 1 else 300
TABLES = 25
ROUNDS = 3


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Gui:
    """Stands in for the GUI thread: on_changes needs its lock, as a queued signal would
    need the event loop; ``block`` holds it for a while."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.done = threading.Event()
        self.expected = 0

    def on_changes(self, changes: Changes) -> None:
        with self.lock:
            self.count += len(changes.added)
            if self.count >= self.expected:
                self.done.set()

    def block(self, seconds: float, held: threading.Event) -> threading.Thread:
        def hold() -> None:
            with self.lock:
                held.set()
                time.sleep(seconds)

        thread = threading.Thread(target=hold)
        thread.start()
        return thread


async def burst(base: str, links: list[str], blocked: Gui | None) -> dict[str, float]:
    """Connect every phone, then each sends one entry at once."""
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        sockets = []
        for i, token in enumerate(links):
            ws = await session.ws_connect(f"{base}/api/t/{token}/ws?device=phone-{i}")
            await ws.receive_json()
            sockets.append(ws)
        readers = [asyncio.create_task(drain(ws)) for ws in sockets]
        gate = asyncio.Event()
        latencies: list[float] = []

        async def phone(i: int, token: str) -> None:
            body = json.dumps(
                {"id": str(uuid.uuid4()), "kind": "theme", "text": f"entry {i}",
                 "device": f"phone-{i}"}
            )  # fmt: skip
            await gate.wait()
            start = time.perf_counter()
            async with session.post(f"{base}/api/t/{token}/entries", data=body) as r:
                await r.read()
                assert r.status == 200, r.status
            latencies.append((time.perf_counter() - start) * 1000)

        tasks = [asyncio.create_task(phone(i, t)) for i, t in enumerate(links)]
        await asyncio.sleep(0)
        started = time.perf_counter()
        if blocked is not None:
            held = threading.Event()
            holder = blocked.block(2.0, held)
            await asyncio.get_running_loop().run_in_executor(None, held.wait)
            started = time.perf_counter()
        gate.set()
        await asyncio.gather(*tasks)
        acked = time.perf_counter()
        for ws in sockets:
            await ws.close()
        for task in readers:
            task.cancel()
        if blocked is not None:
            await asyncio.get_running_loop().run_in_executor(None, holder.join)
    return {
        "p50": statistics.median(latencies),
        "p95": pct(latencies, 95),
        "all_acked_ms": (acked - started) * 1000,
        "started": started,
    }


async def drain(ws: aiohttp.ClientWebSocketResponse) -> None:
    async for _message in ws:
        pass


def room_run(folder: Path, blocked: bool) -> dict[str, float]:
    path = folder / f"room-{blocked}-{uuid.uuid4().hex[:8]}.facilitator"
    EventStore.create(
        path, title="Bench", deck=load_deck_choice(None), plan=load_plan_choice(None),
        tables=TABLES,
    ).close()  # fmt: skip
    with EventStore.open(path, readonly=True) as store:
        tokens = room_tokens(store).tables
        order = [tokens[t.id] for t in store.tables()]
    links = [order[i % TABLES] for i in range(PHONES)]
    gui = Gui()
    gui.expected = PHONES
    before = rss_mb()
    server = RoomServer(path, host="127.0.0.1", port=0, on_changes=gui.on_changes)
    server.start()
    try:
        figures = asyncio.run(
            burst(f"http://127.0.0.1:{server.port}", links, gui if blocked else None)
        )
        gui.done.wait(30)
        figures["on_changes_all_ms"] = (time.perf_counter() - figures.pop("started")) * 1000
        figures["rss_growth_mb"] = rss_mb() - before
    finally:
        server.stop()
    return figures


@contextmanager
def bare_server(post: str, socket: str) -> Iterator[str]:
    """An aiohttp server on its own thread that only answers (``post``) and sends one
    state (``socket``): the baseline. Yields its base URL."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    state: dict[str, Any] = {}

    async def answer(request: web.Request) -> web.StreamResponse:
        await request.read()
        return web.json_response({"saved": True})

    async def ws(request: web.Request) -> web.StreamResponse:
        sock = web.WebSocketResponse()
        await sock.prepare(request)
        await sock.send_json({"type": "state"})
        async for _m in sock:
            pass
        return sock

    async def serve() -> None:
        app = web.Application()
        app.add_routes([web.post(post, answer), web.get(socket, ws)])
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        state["port"] = runner.addresses[0][1]
        state["stop"] = asyncio.Event()
        ready.set()
        await state["stop"].wait()
        await runner.cleanup()

    thread = threading.Thread(target=lambda: loop.run_until_complete(serve()))
    thread.start()
    ready.wait()
    try:
        yield f"http://127.0.0.1:{state['port']}"
    finally:
        loop.call_soon_threadsafe(state["stop"].set)
        thread.join()
        loop.close()


def bare_run() -> dict[str, float]:
    """The same burst against an aiohttp handler that only answers, on its own thread."""
    with bare_server("/api/t/{t}/entries", "/api/t/{t}/ws") as base:
        figures = asyncio.run(burst(base, ["x"] * PHONES, None))
    figures.pop("started")
    return figures


def main() -> None:
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "room": [], "room, GUI blocked 2 s": []}
    with tempfile.TemporaryDirectory(prefix="bench-room-") as tmp:
        for _ in range(ROUNDS):
            runs["bare"].append(bare_run())
            runs["room"].append(room_run(Path(tmp), blocked=False))
            runs["room, GUI blocked 2 s"].append(room_run(Path(tmp), blocked=True))
    print(f"{PHONES} phones on 127.0.0.1, {TABLES} tables, medians of {ROUNDS} runs")
    keys = ("p50", "p95", "all_acked_ms", "on_changes_all_ms", "rss_growth_mb")
    print(f"{'':24}" + "".join(f"{k:>19}" for k in keys))
    for name, results in runs.items():
        cells = []
        for key in keys:
            values = [r[key] for r in results if key in r]
            cells.append(f"{statistics.median(values):19.1f}" if values else f"{'-':>19}")
        print(f"{name:24}" + "".join(cells))
    print("bars: p95 acknowledgement < 250 ms (blocked GUI too), server memory < 150 MB")
    print()
    from bench_room_votes import main as vote_burst  # the delegates' vote burst, next

    vote_burst()


if __name__ == "__main__":
    main()
