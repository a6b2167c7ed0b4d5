"""The Join slide: the QR code of the join link, readable by a phone, and the link in large
type, in every look at 1280x720 and at 4K; the code is the link's, module for module."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from facilitator.core.projector_state import JoinSlide, Look, ProjectorState
from facilitator.ui.projector import render_image
from facilitator.ui.room.qr import modules, qr_image
from facilitator.ui.views.base import PALETTES
from facilitator.ui.views.join import BREAK, JOIN, shown_url

URL = "http://192.168.137.1:8765/j/Jq3x9VbT2kLmNpQrStUvWx"
SIZES = [QSize(1280, 720), QSize(3840, 2160)]
WHITE = QColor("#ffffff").rgb()


def white_square(image: QImage) -> tuple[int, int, int]:
    """(left, top, side) of the pure white square in the left half: the QR code's paper."""
    xs, ys = [], []
    step = max(1, image.height() // 360)
    for y in range(0, image.height(), step):
        for x in range(0, image.width() // 2, step):
            if image.pixel(x, y) == WHITE:
                xs.append(x)
                ys.append(y)
    assert xs, "no QR code painted"
    left, top = min(xs), min(ys)
    return left, top, max(max(xs) - left, max(ys) - top) + step


def read_code(image: QImage, left: int, top: int, side: int, n: int) -> list[list[bool]]:
    """The dark modules, sampled at each module's centre."""
    unit = side / n
    return [
        [
            QColor(image.pixel(int(left + (x + 0.5) * unit), int(top + (y + 0.5) * unit))).value()
            < 128
            for x in range(n)
        ]
        for y in range(n)
    ]


def colour_rows(image: QImage, colour: QColor) -> tuple[int, int]:
    """The first and last rows of the right half that hold ``colour`` (the link's)."""
    rows = [
        y
        for y in range(0, image.height(), 2)
        if any(
            image.pixel(x, y) == colour.rgb() for x in range(image.width() // 2, image.width(), 2)
        )
    ]
    assert rows, "the link is not painted"
    return rows[0], rows[-1]


@pytest.mark.parametrize("look", list(Look))
@pytest.mark.parametrize("size", SIZES, ids=["720p", "4k"])
def test_the_join_slide_paints_the_code_and_the_link(qapp, look: Look, size: QSize) -> None:
    image, report = render_image(ProjectorState(JoinSlide(URL), look=look), size)
    assert report.clipped == []
    # the title is hero text: at least 4% of the screen in cap height
    assert report.smallest_cap_height / size.height() >= 0.04
    expected = [list(row) for row in modules(URL)]
    left, top, side = white_square(image)
    assert side >= size.height() * 0.6  # large: most of the screen's height
    assert read_code(image, left, top, side, len(expected)) == expected
    # the link in large type: two lines in the accent colour, a tenth of the screen tall
    first, last = colour_rows(image, PALETTES[look].accent)
    assert last - first >= size.height() * 0.08


def test_a_long_link_wraps_inside_the_screen(qapp) -> None:
    long = "http://facilitator-laptop.the-assembly-rooms.example:65535/j/" + "Xq" * 22
    slide = JoinSlide(long, title="Join the conversation on your phone", wifi="Guest 5GHz")
    for size in SIZES:
        _image, report = render_image(ProjectorState(slide), size)
        assert report.clipped == []


def test_the_link_breaks_between_address_and_path_only() -> None:
    assert shown_url(URL) == f"http://192.168.137.1:8765/\nj/{JOIN}Jq3x9VbT2kLmNpQrStUvWx"
    wrapped = shown_url(URL, wrap=True)
    assert wrapped.replace(BREAK, "") == "http://192.168.137.1:8765/\nj/Jq3x9VbT2kLmNpQrStUvWx"


def test_a_closed_room_says_so(qapp) -> None:
    image, report = render_image(ProjectorState(JoinSlide("")), SIZES[0])
    assert report.clipped == [] and report.smallest_cap_height > 0
    assert all(image.pixel(x, 360) != WHITE for x in range(0, 640, 4))  # no code


def test_the_panel_image_is_the_same_code(qapp) -> None:
    image = qr_image(URL, 300)
    n = len(modules(URL))
    unit = 300 // n
    offset = (300 - unit * n) // 2
    assert read_code(image, offset, offset, unit * n, n) == [list(r) for r in modules(URL)]


@pytest.mark.parametrize("size", SIZES, ids=["720p", "4k"])
@pytest.mark.parametrize("wifi", ["Café Room 5G", "NHS-Conference-Centre-Guest-Wifi-2.4GHz-Hall-B"])
def test_the_wifi_to_join_first_fits_with_the_code_whole(qapp, size: QSize, wifi: str) -> None:
    image, report = render_image(ProjectorState(JoinSlide(URL, wifi=wifi)), size)
    assert report.clipped == []
    expected = [list(row) for row in modules(URL)]
    left, top, side = white_square(image)
    assert read_code(image, left, top, side, len(expected)) == expected
