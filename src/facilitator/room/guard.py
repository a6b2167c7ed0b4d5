"""What the room server lets in: Host and source checks, limits, rate limits, the headers
every response carries.

Only the laptop's own addresses and names are accepted as Host (a page fetched through a
name another site controls could otherwise read the room: DNS rebinding), only private,
loopback and link-local sources, bodies of at most 4 KB, and 10 writes per 10 s per device.
"""

from __future__ import annotations

import ipaddress
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import cast

from aiohttp import web
from aiohttp.typedefs import Middleware

MAX_BODY = 4 * 1024
WRITES = 10  # writes a device may make ...
WINDOW = 10.0  # ... in this many seconds

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self' ws:; font-src 'self'; manifest-src 'self'; base-uri 'none';"
    " form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

CGNAT = ipaddress.ip_network("100.64.0.0/10")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def host_name(header: str) -> str:
    """The name in a Host header, without its port, lower case."""
    header = header.strip().lower()
    if header.startswith("["):  # [v6]:port
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def allowed_source(remote: str | None) -> bool:
    if not remote:
        return False
    try:
        ip = ipaddress.ip_address(remote.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip in CGNAT


def make_guard(hosts: Callable[[], Iterable[str]]) -> Middleware:
    """A middleware refusing a foreign Host (421) or a public source (403)."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if host_name(request.headers.get("Host", "")) not in set(hosts()):
            return web.Response(status=421, text="This address is not the room's.\n")
        if not allowed_source(request.remote):
            return web.Response(status=403, text="The room answers the local network only.\n")
        return await handler(request)

    return cast(Middleware, guard)


async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Every response (errors and the WebSocket handshake too) carries the policy."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith("/api/"):
        response.headers.setdefault("Cache-Control", "no-store")


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds for each key (a sliding window)."""

    def __init__(
        self,
        limit: int = WRITES,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}

    def check(self, key: str) -> float | None:
        """Count one event for ``key``: None when allowed, else the seconds to wait."""
        now = self.clock()
        times = self._seen.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) >= self.limit:
            return max(0.0, times[0] + self.window - now)
        times.append(now)
        if len(self._seen) > 10_000:  # forget idle devices
            self._seen = {k: v for k, v in self._seen.items() if v and v[-1] > now - self.window}
        return None
