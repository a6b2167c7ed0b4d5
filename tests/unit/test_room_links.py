"""`facilitator links`, the links' shape, and the laptop's addresses in a phone's order."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import cli
from facilitator.room import addresses
from facilitator.room.links import base_url
from facilitator.room.server import RoomServer
from facilitator.store import room
from facilitator.store.db import EventStore
from unit.room_helpers import static_dir


def test_links_prints_the_join_link_and_one_per_table_while_the_event_is_open(
    event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with EventStore.open(event_path) as store:  # the app has it open
        tokens = room.room_tokens(store)
        assert cli.main(["links", str(event_path), "--address", "10.42.0.1", "--port", "9000"]) == 0
        first = store.tables()[0]
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"join: http://10.42.0.1:9000/j/{tokens.event}"
    assert lines[1] == f"table 1: http://10.42.0.1:9000/t/{tokens.tables[first.id]}"
    assert len(lines) == 13 and lines[12].startswith("table 12: http://10.42.0.1:9000/t/")


@pytest.mark.parametrize(
    "argv", [["--port", "0"], ["--port", "70000"], ["--address", "http://x/"], ["--address", "a b"]]
)
def test_links_refuses_bad_input(event_path: Path, argv: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["links", str(event_path), *argv]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_base_urls() -> None:
    assert base_url("192.168.1.2", 8765) == "http://192.168.1.2:8765"
    assert base_url("fe80::1", 80) == "http://[fe80::1]:80"
    assert base_url("laptop.local", 8765) == "http://laptop.local:8765"


def test_addresses_come_in_a_phones_order() -> None:
    given = [
        ("lo", "127.0.0.1"),
        ("docker0", "172.17.0.1"),
        ("eth0", "192.168.1.20"),
        ("wg0", "10.8.0.2"),
        ("eth1", "169.254.3.4"),
        ("wlan0", "10.42.0.1"),
        ("en0", "172.20.10.3"),
        ("ap0", "192.168.137.1"),
        ("wlan1", "192.168.43.5"),
        ("tailscale0", "100.101.1.2"),
        ("vEthernet (WSL)", "172.29.0.1"),
        ("eth2", "8.8.8.8"),
        ("vmnet8", "192.168.56.1"),
        ("odd", "not an address"),
    ]
    assert addresses.ordered(given) == [
        "10.42.0.1",
        "172.20.10.3",
        "192.168.137.1",
        "192.168.43.5",
        "192.168.1.20",
        "169.254.3.4",
        "172.17.0.1",
        "10.8.0.2",
        "100.101.1.2",
        "172.29.0.1",
        "192.168.56.1",
    ]


def test_the_machines_own_interfaces_are_read_locally() -> None:
    found = addresses.machine_interfaces()
    assert ("lo", "127.0.0.1") in found or any(a == "127.0.0.1" for _n, a in found)


def test_a_taken_port_moves_the_room_to_the_next(event_path: Path, tmp_path: Path) -> None:
    folder = static_dir(tmp_path / "static")
    first = RoomServer(event_path, host="127.0.0.1", port=0, static_dir=folder)
    first.start()
    try:
        second = RoomServer(event_path, host="127.0.0.1", port=first.port, static_dir=folder)
        urls = second.start()
        try:
            assert second.port != first.port and second.port > 0
            assert urls == [f"http://127.0.0.1:{second.port}/"]
        finally:
            second.stop()
    finally:
        first.stop()
