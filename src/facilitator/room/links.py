"""The room's links: the join link for delegates, a scribe link per table.

``http://ADDRESS:PORT/j/EVENTTOKEN`` and ``http://ADDRESS:PORT/t/TABLETOKEN``; the tokens
come from the event file, so the links can be printed (``facilitator links``, table cards)
before the room is open, and stay the same until a link is renewed.
"""

from __future__ import annotations

import ipaddress
import re

from facilitator.core.errors import InputError
from facilitator.store.db import EventStore
from facilitator.store.room import room_tokens

DEFAULT_PORT = 8765
_NAME = re.compile(
    r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
)


def base_url(address: str, port: int) -> str:
    """``http://address:port`` for an IPv4 or IPv6 address or a host name."""
    if not 1 <= port <= 65535:
        raise InputError("--port", f"{port} is not a port (1 to 65535)")
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        if not _NAME.fullmatch(address):
            raise InputError("--address", f"{address!r} is not an address or a host name") from None
        return f"http://{address}:{port}"
    host = f"[{ip}]" if ip.version == 6 else str(ip)
    return f"http://{host}:{port}"


def join_url(base: str, token: str) -> str:
    return f"{base}/j/{token}"


def table_url(base: str, token: str) -> str:
    return f"{base}/t/{token}"


def table_links(store: EventStore, base: str) -> list[tuple[int, str]]:
    """(table number, scribe link) of every table, in number order."""
    tokens = room_tokens(store).tables
    return [(t.number, table_url(base, tokens[t.id])) for t in store.tables() if t.id in tokens]


def link_lines(store: EventStore, base: str) -> list[str]:
    """``join: URL`` then ``table N: URL`` for each table."""
    lines = [f"join: {join_url(base, room_tokens(store).event)}"]
    lines += [f"table {number}: {url}" for number, url in table_links(store, base)]
    return lines
