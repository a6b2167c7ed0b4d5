"""The room network as the console drives it: opening and closing the server, its links,
the live round pushed to phones, renewals, and the self-test.

The server (facilitator.room.server.RoomServer) runs on a thread of its own; this object
lives on the UI thread and only makes its thread-safe calls. Phones' commits reach every
view through ``controller.service.report`` (queued to the UI thread). The room closes with
the event (``controller.closing``).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from msgspec import Struct
from PySide6.QtCore import QObject, Qt, Signal

from facilitator.core.changes import ROOM, Changes
from facilitator.core.records import RoundInfo, TableInfo
from facilitator.room import links
from facilitator.room.links import DEFAULT_PORT
from facilitator.store import operations as ops
from facilitator.ui.controller import EventController

if TYPE_CHECKING:
    # aiohttp loads when the room opens, not with every console (~0.3 s of the start)
    from facilitator.room.server import Phone, RoomServer

log = logging.getLogger(__name__)

SELF_TEST_TIMEOUT_S = 5
# what each rank of room/addresses.py means, for the Room panel
RANKS = {
    0: "hotspot",
    1: "local network",
    2: "link-local (no DHCP): phones may not reach it",
    3: "VPN or virtual adapter: phones will not reach it",
}


class Address(Struct, frozen=True):
    """An address phones could use: its base URL, the join link, and what it is."""

    address: str
    interface: str
    kind: str
    base: str  # http://ADDRESS:PORT (room/links.py)
    join: str  # http://ADDRESS:PORT/j/EVENTTOKEN


def qt_interfaces() -> list[tuple[str, str]]:
    """(interface name, IPv4 address) of each interface that is up, from Qt."""
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface  # when the room opens

    found: list[tuple[str, str]] = []
    flags = QNetworkInterface.InterfaceFlag
    for iface in QNetworkInterface.allInterfaces():
        if not (iface.flags() & flags.IsUp and iface.flags() & flags.IsRunning):
            continue
        name = iface.humanReadableName() or iface.name()
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.append((name, ip.toString()))
    return found


def self_test_words(answered: bool, addresses_: list[str], detail: str = "") -> str:
    """The self-test's answer in words."""
    if not answered:
        return (
            "The room server does not answer, even on this laptop"
            + (f" ({detail})" if detail else "")
            + ": close the room and open it again."
        )
    if not addresses_:
        return (
            "The room server answers on this laptop, but the laptop is on no network: "
            "join the room's wifi or start a hotspot, then close and open the room."
        )
    return (
        f"The room server answers. Phones on the same wifi as this laptop can reach it at "
        f"{addresses_[0]}. If a phone cannot: allow Facilitator through the firewall (a "
        "private network, not a public one), and check the wifi does not keep its devices "
        "apart (client isolation)."
    )


class RoomControl(QObject):
    opened = Signal()
    closed = Signal()
    links_changed = Signal()  # a link was renewed
    self_tested = Signal(str)  # the self-test's answer in words, on the UI thread
    _answered = Signal(str)  # from the self-test's thread, queued to this one

    def __init__(self, controller: EventController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.server: RoomServer | None = None
        self.host = "0.0.0.0"  # tests bind 127.0.0.1
        self.port = DEFAULT_PORT
        self.interfaces: Callable[[], list[tuple[str, str]]] = qt_interfaces
        self._names: dict[str, str] = {}
        controller.live_round_changed.connect(self._push_live)
        controller.plan_changed.connect(self._push_live)
        controller.closing.connect(self.close)
        # what the laptop (or an import) changes reaches the phones of those tables
        controller.service.changed.connect(self._entries_changed)
        self._answered.connect(self.self_tested, Qt.ConnectionType.QueuedConnection)

    @property
    def is_open(self) -> bool:
        return self.server is not None

    # -- opening and closing ----------------------------------------------------------------

    def open(self, port: int | None = None) -> list[str]:
        """Open the room; returns the base URL of each address phones could use."""
        if self.server is not None:
            return self.server.urls()
        from facilitator.room.server import RoomServer

        interfaces = self.interfaces()
        self._names = {address: name for name, address in interfaces}
        server = RoomServer(
            self.controller.store.path,
            port=self.port if port is None else port,
            host=self.host,
            on_changes=self.controller.service.report,
            interfaces=interfaces,
        )
        urls = server.start()
        self.server = server
        self.port = server.port
        self._push_live()
        self.opened.emit()
        return urls

    def close(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            server.stop()
            self.closed.emit()

    def _entries_changed(self, changes: Changes) -> None:
        if self.server is not None:
            self.server.event_changed(changes)

    def toggle(self) -> None:
        if self.is_open:
            self.close()
        else:
            self.open()

    # -- links ------------------------------------------------------------------------------

    def addresses(self) -> list[Address]:
        if self.server is None:
            return []
        from facilitator.room.addresses import rank  # with the room, not at start

        event_token = self.controller.store.room_tokens().event
        out = []
        for address in self.server.addresses:
            name = self._names.get(address, "")
            base = links.base_url(address, self.server.port)
            out.append(
                Address(
                    address,
                    name,
                    RANKS.get(rank(name, address), "this laptop only"),
                    base,
                    links.join_url(base, event_token),
                )
            )
        return out

    def join_link(self) -> str:
        found = self.addresses()
        return found[0].join if found else ""

    def table_links(self, base: str | None = None) -> list[tuple[TableInfo, str]]:
        """Each table and its scribe link at ``base`` (default: the best address)."""
        if base is None:
            found = self.addresses()
            if not found:
                return []
            base = found[0].base
        tokens = self.controller.store.room_tokens().tables
        return [
            (table, links.table_url(base, tokens[table.id]))
            for table in self.controller.tables
            if table.id in tokens
        ]

    def renew_table(self, table_id: str) -> None:
        self._renew(table_id)

    def renew_join(self) -> None:
        self._renew(None)

    def _renew(self, table_id: str | None) -> None:
        """On the writer thread, like every write; the links change once it committed."""
        operation = partial(ops.renew_room_link, table_id=table_id, origin=ROOM)
        self.controller.service.submit(operation, self._renewed, entry=False)

    def _renewed(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            self.controller.service.say_failure(changes, error)
            return
        if self.server is not None:
            self.server.tokens_changed()
        self.links_changed.emit()

    def connected(self) -> list[Phone]:
        return self.server.connected() if self.server is not None else []

    # -- the live round ---------------------------------------------------------------------

    def live_state(self) -> dict[str, Any]:
        info: RoundInfo | None = self.controller.live_round
        if info is None:
            return {"round": None}
        index = self.controller.live_round_index()
        return {
            "round": {
                "id": info.id,
                "number": index + 1,
                "title": info.title,
                "prompts": list(info.round.prompts),
            }
        }

    def _push_live(self, *_args: object) -> None:
        if self.server is not None:
            self.server.set_live(self.live_state())

    # -- the self-test ----------------------------------------------------------------------

    def self_test(self) -> None:
        """Fetch the server's own state URL through 127.0.0.1 on a worker thread; the answer
        comes as ``self_tested(words)``."""
        if self.server is None:
            self.self_tested.emit("The room is closed: open it first (F9).")
            return
        tokens = self.controller.store.room_tokens().tables
        token = next(iter(tokens.values()), "")
        url = f"http://127.0.0.1:{self.server.port}/api/t/{token}/state"
        found = [a.address for a in self.addresses() if a.address != "127.0.0.1"]
        worker = threading.Thread(
            target=self._fetch, args=(url, found), name="room-self-test", daemon=True
        )
        worker.start()

    def _fetch(self, url: str, found: list[str]) -> None:
        import urllib.request  # on the self-test's thread: not part of every start

        try:
            with urllib.request.urlopen(url, timeout=SELF_TEST_TIMEOUT_S) as answer:
                json.loads(answer.read())
            words = self_test_words(True, found)
        except (OSError, ValueError) as exc:
            log.info("room self-test failed: %s", exc)
            words = self_test_words(False, found, str(getattr(exc, "reason", exc)))
        self._answered.emit(words)
