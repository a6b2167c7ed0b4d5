"""Simulated phones for bench_room.py, in a process of their own (as real phones are not
inside the laptop's Python): each connects a WebSocket to its table's link, then, when the
benchmark writes ``go`` on stdin, every phone sends one entry at once.

Protocol on stdout, one JSON line each: ``{"ready": N}`` once every socket has its first
state; ``{"latencies_ms": [...], "all_acked_ms": X}`` after the burst.

Usage: python room_phones.py BASE_URL TOKEN [TOKEN ...]   (one token per phone)
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import uuid

import aiohttp


async def _drain(ws: aiohttp.ClientWebSocketResponse) -> None:
    async for _message in ws:
        pass


async def main(base: str, tokens: list[str]) -> None:
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        sockets = []
        for i, token in enumerate(tokens):
            ws = await session.ws_connect(f"{base}/api/t/{token}/ws?device=phone-{i}")
            await ws.receive_json()
            sockets.append(ws)
        readers = [asyncio.create_task(_drain(ws)) for ws in sockets]
        bodies = [
            json.dumps({"id": str(uuid.uuid4()), "kind": "theme", "text": f"entry {i}",
                        "device": f"phone-{i}"})
            for i in range(len(tokens))
        ]  # fmt: skip
        latencies: list[float] = []
        gate = asyncio.Event()

        async def phone(i: int, token: str) -> None:
            await gate.wait()
            start = time.perf_counter()
            async with session.post(f"{base}/api/t/{token}/entries", data=bodies[i]) as r:
                await r.read()
                if r.status != 200:
                    raise SystemExit(f"phone {i}: HTTP {r.status}")
            latencies.append((time.perf_counter() - start) * 1000)

        tasks = [asyncio.create_task(phone(i, t)) for i, t in enumerate(tokens)]
        print(json.dumps({"ready": len(sockets)}), flush=True)
        loop = asyncio.get_running_loop()
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if line.strip() != "go":
            raise SystemExit(f"expected 'go', got {line!r}")
        started = time.perf_counter()
        gate.set()
        await asyncio.gather(*tasks)
        acked = time.perf_counter()
        print(
            json.dumps({"latencies_ms": latencies, "all_acked_ms": (acked - started) * 1000}),
            flush=True,
        )
        for ws in sockets:
            await ws.close()
        for task in readers:
            task.cancel()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2:]))
