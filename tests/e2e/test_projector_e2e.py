"""The app on a real X server with two screens: the room's view is on the second screen.

Starts ``python -m facilitator --demo`` as a user would, on Xvfb with a laptop screen
(:N.0, 1920x1080) and a projector screen (:N.1, 1280x720), then looks at the X windows with
xwininfo and xdotool. There is no signal to wait on across processes, so the checks poll
the X server until a deadline.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_tools import until

pytestmark = pytest.mark.e2e

PROJECTOR_TITLE = "Facilitator — projector"
BLACK = ("gray(0)", "srgb(0,0,0)", "black")  # how ImageMagick names a black pixel


def top_windows(display: str) -> list[tuple[str, str, int, int, int, int]]:
    """(id, name, width, height, x, y) of the top-level windows of one X screen."""
    out = subprocess.run(
        ["xwininfo", "-display", display, "-root", "-children"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    rows = []
    for line in out.splitlines():
        m = re.match(r'\s+(0x[0-9a-f]+) "(.*)": .*?\s(\d+)x(\d+)\+(-?\d+)\+(-?\d+)', line)
        if m:
            wid, name, w, h, x, y = m.groups()
            rows.append((wid, name, int(w), int(h), int(x), int(y)))
    return rows


def viewable(display: str, wid: str) -> bool:
    out = subprocess.run(
        ["xwininfo", "-display", display, "-id", wid], capture_output=True, text=True, check=False
    ).stdout
    return "IsViewable" in out


def centre_pixel(display: str, tmp: Path, width: int, height: int) -> str:
    shot = tmp / "projector.png"
    subprocess.run(["import", "-display", display, "-window", "root", str(shot)], check=True)
    return subprocess.run(
        ["convert", str(shot), "-format", f"%[pixel:p{{{width // 2},{height // 2}}}]", "info:"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture
def app(xserver, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    for tool in ("xwininfo", "xdotool", "import", "convert"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed (x11-utils, xdotool, imagemagick)")
    env = xserver.env(
        XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data")
    )
    with open(tmp_path / "app.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "--demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    yield process
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_the_projector_window_is_fullscreen_on_the_second_x_screen(
    app, xserver, tmp_path: Path
) -> None:
    laptop, projector = f"{xserver.display}.0", f"{xserver.display}.1"

    def projector_window() -> tuple[str, str, int, int, int, int] | None:
        return next(
            (
                w
                for w in top_windows(projector)
                if w[1] == PROJECTOR_TITLE and viewable(projector, w[0])
            ),
            None,
        )

    window = until("the projector window on screen 1", projector_window)
    assert isinstance(window, tuple)
    _wid, _name, width, height, x, y = window
    assert (width, height, x, y) == (1280, 720, 0, 0)
    assert not any(w[1] == PROJECTOR_TITLE for w in top_windows(laptop))

    console = until(
        "the console on screen 0",
        lambda: next(
            (
                w
                for w in top_windows(laptop)
                if w[1].endswith("— Facilitator") and viewable(laptop, w[0])
            ),
            None,
        ),
    )
    assert isinstance(console, tuple)
    # the room's view answers the console's keys: B blacks out the second screen
    until(
        "the welcome slide painted",
        lambda: centre_pixel(projector, tmp_path, width, height) not in BLACK,
    )
    on_laptop = {**os.environ, "DISPLAY": laptop}
    subprocess.run(["xdotool", "windowfocus", "--sync", console[0]], env=on_laptop, check=False)
    subprocess.run(["xdotool", "key", "b"], env=on_laptop, check=True)
    until(
        "black on the projector",
        lambda: centre_pixel(projector, tmp_path, width, height) in BLACK,
    )
    assert app.poll() is None, (tmp_path / "app.log").read_text(errors="replace")[-3000:]


def test_the_projector_coming_back_leaves_the_keyboard_with_the_console(
    app, xserver, tmp_path: Path
) -> None:
    """A scribe typing in the console keeps the keyboard when the projector comes (back) up:
    at start, after F5 off and on, or when its screen is plugged back in."""
    laptop, projector = f"{xserver.display}.0", f"{xserver.display}.1"
    on_laptop = {**os.environ, "DISPLAY": laptop}

    def shown(display: str, title: str) -> str | None:
        return next(
            (w[0] for w in top_windows(display) if w[1] == title and viewable(display, w[0])),
            None,
        )

    def console() -> str | None:
        return next(
            (
                w[0]
                for w in top_windows(laptop)
                if w[1].endswith("— Facilitator") and viewable(laptop, w[0])
            ),
            None,
        )

    def focused() -> int:
        out = subprocess.run(
            ["xdotool", "getwindowfocus"], env=on_laptop, capture_output=True, text=True
        )
        return int(out.stdout.strip() or 0)

    window = until("the console on screen 0", console)
    until("the projector on screen 1", lambda: shown(projector, PROJECTOR_TITLE))
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=on_laptop, check=True)
    subprocess.run(["xdotool", "key", "F5"], env=on_laptop, check=True)  # projector off
    until("the projector off", lambda: shown(projector, PROJECTOR_TITLE) is None)
    subprocess.run(["xdotool", "key", "F5"], env=on_laptop, check=True)  # and on again
    until("the projector back on screen 1", lambda: shown(projector, PROJECTOR_TITLE))
    until("the console with the keyboard", lambda: focused() == int(window, 16))
    # what is typed next still reaches the console: B blacks out the room's screen
    subprocess.run(["xdotool", "key", "b"], env=on_laptop, check=True)
    until(
        "black on the projector",
        lambda: centre_pixel(projector, tmp_path, 1280, 720) in BLACK,
    )
    assert app.poll() is None, (tmp_path / "app.log").read_text(errors="replace")[-3000:]
