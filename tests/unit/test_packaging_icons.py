"""The icon files each platform shows: right sizes, well-formed containers, every SVG valid.

Read with the standard library only (PNG headers, ICO and ICNS directories), so a broken
file is caught here rather than as a blank icon on someone's Windows taskbar or Dock.
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
APP = ICONS / "app"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}svg"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_linux_png_icons_have_the_size_in_their_name(size: int) -> None:
    assert png_size((APP / f"facilitator-{size}.png").read_bytes()) == (size, size)


def test_windows_ico_holds_every_size_explorer_asks_for() -> None:
    data = (APP / "facilitator.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _colours, _res, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        image = data[offset : offset + length]
        side = width or 256
        assert (width, planes, bits) == (height, 1, 32)
        assert png_size(image) == (side, side)
        sizes.append(side)
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icns_is_well_formed_with_retina_sizes() -> None:
    data = (APP / "facilitator.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    at = 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        found[kind] = png_size(data[at + 8 : at + length])[0]
        at += length
    assert at == len(data)
    assert found[b"ic10"] == 1024  # 512 pt at 2x: the Finder's largest
    assert found[b"ic07"] == 128
    assert found[b"ic11"] == 32  # 16 pt at 2x


def test_every_svg_icon_parses_and_is_square() -> None:
    svgs = [ICONS / "facilitator.svg", *sorted((ICONS / "actions").glob("*.svg"))]
    assert len(svgs) > 20
    for path in svgs:
        root = ET.parse(path).getroot()
        assert root.tag == SVG, path.name
        _x, _y, width, height = (float(v) for v in root.attrib["viewBox"].split())
        assert width == height, path.name


@pytest.mark.parametrize(
    "name",
    ["play", "pause", "next", "previous", "blackout", "projector", "theme", "export", "undo"],
)
def test_the_main_console_actions_have_an_icon(name: str) -> None:
    assert (ICONS / "actions" / f"{name}.svg").is_file()
