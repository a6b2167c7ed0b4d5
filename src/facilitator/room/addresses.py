"""The laptop's IPv4 addresses, in the order a phone should try them.

Listing them reads the machine's own interfaces (no packet is sent anywhere); the GUI may
pass its own list (from QNetworkInterface) instead. :func:`ordered` is pure: known
hotspot ranges first, then other private addresses, then link-local, VPN and virtual
adapters; loopback is never offered to a phone.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from collections.abc import Iterable

# the ranges a laptop's or phone's hotspot hands out
HOTSPOTS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "192.168.137.0/24",  # Windows mobile hotspot
        "172.20.10.0/28",  # iPhone personal hotspot
        "192.168.43.0/24",  # Android hotspot
        "10.42.0.0/24",  # Linux (NetworkManager) hotspot
    )
)
# interface names of virtual machines, containers and VPNs
VIRTUAL = (
    "docker", "veth", "br-", "virbr", "tun", "tap", "wg", "vbox", "vmnet", "vethernet",
    "utun", "zt", "tailscale", "hyper-v", "virtual", "vpn", "lxc", "lxd", "podman", "cni",
)  # fmt: skip

CGNAT = ipaddress.ip_network("100.64.0.0/10")  # carrier and VPN (Tailscale) addresses

SIOCGIFADDR = 0x8915  # Linux ioctl: an interface's IPv4 address


def rank(name: str, address: str) -> int:
    """0 a hotspot, 1 another private address, 2 link-local, 3 VPN or virtual, 9 not for
    phones (loopback, public, malformed)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return 9
    if ip.version != 4 or ip.is_loopback or ip.is_unspecified or ip.is_multicast:
        return 9
    lowered = name.lower()
    if any(lowered.startswith(v) or v in lowered for v in VIRTUAL) or ip in CGNAT:
        return 3
    if any(ip in net for net in HOTSPOTS):
        return 0
    if ip.is_link_local:
        return 2
    if ip.is_private:
        return 1
    return 9


def ordered(interfaces: Iterable[tuple[str, str]]) -> list[str]:
    """The addresses a phone could use, best first: ``interfaces`` is (name, address)."""
    seen: dict[str, tuple[int, int]] = {}
    for position, (name, address) in enumerate(interfaces):
        r = rank(name, address)
        if r < 9 and (address not in seen or seen[address][0] > r):
            seen[address] = (r, position)
    return sorted(seen, key=lambda a: seen[a])


def machine_interfaces() -> list[tuple[str, str]]:
    """(interface name, IPv4 address) of each interface that has one, read locally."""
    found: list[tuple[str, str]] = []
    if sys.platform.startswith("linux"):
        import fcntl

        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # never sends
        try:
            for _index, name in socket.if_nameindex():
                request = struct.pack("256s", name.encode()[:15])
                try:
                    answer = fcntl.ioctl(probe.fileno(), SIOCGIFADDR, request)
                except OSError:
                    continue  # no IPv4 address on it
                found.append((name, socket.inet_ntoa(answer[20:24])))
        finally:
            probe.close()
        return found
    try:  # elsewhere the GUI passes QNetworkInterface's list; this is a fallback
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return found
    return [("", str(info[4][0])) for info in infos]


def phone_addresses() -> list[str]:
    return ordered(machine_interfaces())
