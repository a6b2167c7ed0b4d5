"""The windowed Facilitator.exe under Wine on a real X server (Xvfb): a double-click's worth.

It opens an event from a folder with spaces, draws its console (a screenshot, read back
with OCR: not blank, the event's title on it), offers the .facilitator file type once for
this user and writes it to HKCU when the user says yes, keeps the event in the recent
list and its log in %LOCALAPPDATA%, and quits cleanly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from wine_app import (
    GUI_EXE,
    require_build,
    run,
    user_data,
    windows_path,
    wine_environment,
    wineserver,
)

from e2e.e2e_tools import console_window, until

pytestmark = [pytest.mark.e2e, pytest.mark.windows]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "windows-screenshots"
COMMAND_KEY = r"HKCU\Software\Classes\Facilitator.Event\shell\open\command"


def wine_command(*args: str, display: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", 'wine "$@" 2>&1 | cat', "wine", *args],
        env={**wine_environment(), "DISPLAY": display},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=60,
        check=False,
    )


def windows_named(name: str, display: str) -> list[str]:
    return subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()


def xdotool(display: str, *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def read_text(png: Path) -> str:
    if shutil.which("tesseract") is None:
        pytest.fail("tesseract is not installed: run scripts/setup.sh --test")
    out = subprocess.run(
        ["tesseract", str(png), "-", "--psm", "11"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return " ".join(out.split())


def screenshot(display: str, window: str, out: Path) -> Path:
    """The window's pixels as the X server shows them (ImageMagick's import)."""
    subprocess.run(
        ["import", "-display", display, "-window", window, str(out)],
        check=True,
        timeout=60,
    )
    return out


def colours(png: Path) -> int:
    out = subprocess.run(
        ["identify", "-format", "%k", str(png)], capture_output=True, text=True, check=True
    ).stdout
    return int(out)


def test_the_windowed_exe_opens_an_event_and_offers_the_file_type(
    xserver: Any, tmp_path: Path
) -> None:
    require_build()
    folder = tmp_path / "USB stick" / "Leeds 2026"
    folder.mkdir(parents=True)
    event = folder / "Venue day.facilitator"
    display = f"{xserver.display}.0"
    shutil.rmtree(user_data(), ignore_errors=True)
    with wineserver(display):
        # a user who never ran it: no file type, no answer kept (QSettings: HKCU\Software)
        for key in (".facilitator", "Facilitator.Event"):
            wine_command("reg", "delete", f"HKCU\\Software\\Classes\\{key}", "/f", display=display)
        wine_command("reg", "delete", r"HKCU\Software\Facilitator", "/f", display=display)
        assert run("new", windows_path(event), "--title", "Venue day").returncode == 0

        process = subprocess.Popen(
            ["wine", str(GUI_EXE), windows_path(event)],
            env={**wine_environment(), "DISPLAY": display},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            console = until("the console window", lambda: console_window(display), timeout=90)
            assert "Venue day" in xdotool(display, "getwindowname", console)
            offer = until("the file type offer", lambda: windows_named("^Facilitator$", display))
            # no window manager on Xvfb: focus, not activate
            xdotool(display, "windowfocus", "--sync", offer[0])
            xdotool(display, "key", "--window", offer[0], "alt+y")
            until(
                "the file type in HKCU",
                lambda: (
                    str(GUI_EXE.name)
                    in wine_command("reg", "query", COMMAND_KEY, display=display).stdout
                ),
            )
            registered = wine_command("reg", "query", COMMAND_KEY, display=display).stdout
            assert f'"{windows_path(GUI_EXE)}" "%1"' in registered

            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            # the whole screen, as a user sees it: the projector's window (single-screen
            # mode) lies over a corner of the console
            shot = screenshot(display, "root", SCREENSHOTS / "console-under-wine.png")
            assert colours(shot) > 50, "the console drew nothing (a blank window)"
            text = read_text(shot)
            assert "Venue day" in text, text

            recent = (user_data() / "recent.json").read_text(encoding="utf-8")
            assert "Venue day.facilitator" in recent and "USB stick" in recent
            assert "starting" in (user_data() / "logs" / "facilitator.log").read_text("utf-8")

            xdotool(display, "windowfocus", "--sync", console)
            xdotool(display, "key", "--window", console, "ctrl+q")
            until("the app to quit", lambda: process.poll() is not None, timeout=60)
            assert process.returncode == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert not Path(f"{event}.lock").exists(), "the lock file outlived the app"
