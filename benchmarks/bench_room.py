"""The room network with 300 phones on this machine, all on 127.0.0.1.

The laptop's side is the real console (offscreen), its room opened as F9 opens it; the
phones are another process (room_phones.py: aiohttp clients, 25 tables of 12), as real
phones are not inside the laptop's Python. Each phone connects a WebSocket, then in a burst
each sends one entry at once. Figures:

  p50/p95        from send to acknowledged (the server committed), on the phone's side
  all acked      until the last phone had its answer
  console has all  until the console's event service announced every entry (UI thread)
  UI worst stall the longest gap of a 5 ms QTimer heartbeat on the UI thread during the
                 burst, minus the interval
  RSS growth     the whole process's resident memory, from before the room opened to after
                 the burst (the server shares the process with the console)

Then the same burst while the UI thread is blocked for 2 s (it sleeps just as the phones
are told to go). Baseline in the same run, interleaved: a bare aiohttp endpoint on its own
thread that only answers (its UI stall: the heartbeat on an idle UI thread meanwhile, what
the machine's load alone costs). Bars (DESIGN.md): p95 < 250 ms, blocked too; server memory
< 150 MB; UI stall < 50 ms.

Then the delegates' vote burst (bench_room_votes.py).

Run: python benchmarks/bench_room.py [PHONES] [ROUNDS]
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_DATA = tempfile.mkdtemp(prefix="bench-room-data-")
os.environ["XDG_DATA_HOME"] = _DATA  # the app's log and recent list: not the user's
os.environ["XDG_CONFIG_HOME"] = _DATA

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.core.changes import Changes  # noqa: E402
from facilitator.core.demo import load_deck_choice, load_plan_choice  # noqa: E402
from facilitator.store.db import EventStore  # noqa: E402

PHONES = int(sys.argv[1]) if len(sys.argv) > 1 else 300
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
TABLES = 25
PHONES_SCRIPT = Path(__file__).with_name("room_phones.py")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def wait_for(done: Callable[[], bool], timeout_s: float = 60) -> None:
    """Run the UI thread's events until ``done()``."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() else None)
    timer.start(2)
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the burst did not finish in time")
        loop.exec()
    timer.stop()


class Heartbeat:
    """A 5 ms timer on the UI thread; the worst gap between beats, minus the interval."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.last = 0
        self.worst = 0

    def start(self) -> None:
        self.clock.start()
        self.last, self.worst = 0, 0
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last - 5)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return float(self.worst)


class Phones:
    """The phones' process: connect, then burst on ``go``."""

    def __init__(self, base: str, tokens: list[str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(PHONES_SCRIPT), base, *tokens],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.lines: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(json.loads(line))

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def finish(self) -> dict[str, float]:
        """The phones' figures, once they printed them (the process exits on its own:
        ``reap`` waits for it, after the UI thread's heartbeat stopped)."""
        _exiting.append(self.proc)
        result = self.lines[-1]
        latencies = result["latencies_ms"]
        return {
            "p50": statistics.median(latencies),
            "p95": pct(latencies, 95),
            "all_acked_ms": result["all_acked_ms"],
        }


_exiting: list[subprocess.Popen[str]] = []


def reap() -> None:
    """Wait for the phones' processes to exit (it blocks: not while the heartbeat runs)."""
    while _exiting:
        _exiting.pop().wait(60)


def burst(base: str, tokens: list[str], block_ui_s: float = 0) -> tuple[dict[str, float], float]:
    """Connect the phones, then burst; returns their figures and when ``go`` was said."""
    phones = Phones(base, tokens)
    wait_for(lambda: bool(phones.lines) or phones.proc.poll() is not None)
    if not phones.lines:
        raise SystemExit("the phones' process failed before it was ready")
    started = time.perf_counter()
    phones.go()
    if block_ui_s:
        time.sleep(block_ui_s)  # the UI thread busy, as a long repaint or a dialog would be
    wait_for(lambda: len(phones.lines) > 1 or phones.proc.poll() is not None)
    return phones.finish(), started


def console_run(app: QApplication, folder: Path, name: str, block_ui_s: float) -> dict[str, float]:
    from facilitator.ui.console import ConsoleWindow

    path = folder / f"{name}.facilitator"
    EventStore.create(
        path, title="Bench", deck=load_deck_choice(None), plan=load_plan_choice(None),
        tables=TABLES,
    ).close()  # fmt: skip
    console = ConsoleWindow(EventStore.open(path))
    console.show()
    wait_for(lambda: console.live.screens.placed_once)
    arrived: list[float] = []

    def count(changes: Changes) -> None:
        arrived.extend(time.perf_counter() for _ in changes.added)

    console.controller.service.changed.connect(count)
    control = console.room.control
    control.host, control.port = "127.0.0.1", 0
    before = rss_mb()
    console.room.open()
    tokens = control.controller.store.room_tokens().tables
    order = [tokens[t.id] for t in console.controller.tables]
    links = [order[i % TABLES] for i in range(PHONES)]
    heartbeat = Heartbeat()
    heartbeat.start()
    figures, started = burst(f"http://127.0.0.1:{control.port}", links, block_ui_s)
    wait_for(lambda: len(arrived) >= PHONES)
    figures["ui_stall_ms"] = heartbeat.stop()
    reap()
    figures["console_has_all_ms"] = (max(arrived) - started) * 1000
    figures["rss_growth_mb"] = rss_mb() - before
    console.close()
    console.deleteLater()  # a laptop runs one console: the next run must not carry this one
    app.processEvents()
    gc.collect()
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


async def drain(ws: aiohttp.ClientWebSocketResponse) -> None:
    async for _message in ws:
        pass


def bare_run() -> dict[str, float]:
    """The same burst against an aiohttp handler that only answers, on its own thread."""
    heartbeat = Heartbeat()  # the UI thread idle: what this machine's load alone costs
    heartbeat.start()
    with bare_server("/api/t/{t}/entries", "/api/t/{t}/ws") as base:
        figures, _ = burst(base, ["x"] * PHONES)
        figures["ui_stall_ms"] = heartbeat.stop()
        reap()
    return figures


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    from facilitator.ui.main_thread_gc import keep_collection_on_this_thread

    keep_collection_on_this_thread(app)  # as the app does: garbage collected on the UI thread
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "room": [], "room, UI blocked 2 s": []}
    with tempfile.TemporaryDirectory(prefix="bench-room-") as tmp:
        for i in range(ROUNDS):
            runs["bare"].append(bare_run())
            runs["room"].append(console_run(app, Path(tmp), f"open-{i}", 0))
            runs["room, UI blocked 2 s"].append(console_run(app, Path(tmp), f"blocked-{i}", 2))
    print(f"{PHONES} phones (another process) on 127.0.0.1, {TABLES} tables, medians of {ROUNDS}")
    keys = ("p50", "p95", "all_acked_ms", "console_has_all_ms", "ui_stall_ms", "rss_growth_mb")
    print(f"{'':22}" + "".join(f"{k:>19}" for k in keys))
    for name, results in runs.items():
        cells = []
        for key in keys:
            values = [r[key] for r in results if key in r]
            cells.append(f"{statistics.median(values):19.1f}" if values else f"{'-':>19}")
        print(f"{name:22}" + "".join(cells))
    print(f"process RSS at the end: {rss_mb():.0f} MB")
    print("bars: p95 < 250 ms (UI blocked too), server memory < 150 MB, UI stall < 50 ms")
    print("(the UI stall of the blocked run includes the 2 s block itself)")
    print()
    from bench_room_votes import main as vote_burst  # the delegates' vote burst, next

    vote_burst()


if __name__ == "__main__":
    main()
