"""Run the Windows build (dist/windows/Facilitator, made by packaging/windows/build.sh) under Wine.

Not a test module. The Wine settings come from packaging/windows/wine.sh, the one place
that says how this machine gets past Wine 8's gaps; none of it is in the built folder.
"""

from __future__ import annotations

import os
import pwd
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path, PureWindowsPath

import pytest

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "dist" / "windows" / "Facilitator"
GUI_EXE = APP / "Facilitator.exe"
CLI_EXE = APP / "facilitator-cli.exe"
WINE_SH = REPO / "packaging" / "windows" / "wine.sh"


def require_build() -> None:
    """CI builds the app (scripts/test.sh): there a missing build is a failure, not a skip."""
    if CLI_EXE.is_file() and GUI_EXE.is_file():
        return
    message = "no Windows build in dist/windows/Facilitator: run packaging/windows/build.sh"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@cache
def wine_environment() -> dict[str, str]:
    """os.environ as wine.sh sets it for Wine (prefix, DLL overrides, no host pip settings)."""
    script = f'source "{WINE_SH}" && exec "${{wine_env[@]}}" env -0'
    out = subprocess.run(
        ["bash", "-c", script], capture_output=True, check=True, env=dict(os.environ)
    ).stdout
    pairs = (item.split("=", 1) for item in out.decode().split("\0") if "=" in item)
    return dict(pairs)


def windows_path(path: Path) -> str:
    """The path as a Windows program sees it: the Unix root is drive Z:."""
    return str(PureWindowsPath("Z:/") / PureWindowsPath(*path.resolve().parts[1:]))


def _wine(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(
        ["bash", "-c", f'source "{WINE_SH}" && "$@"', "wine.sh", *args],
        env=env or wine_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=120,
    )


@contextmanager
def wineserver(display: str | None = None) -> Iterator[None]:
    """A persistent wineserver, started on ``display`` (Wine's windows go to the X server
    its first processes saw) or with none, and stopped afterwards."""
    env = dict(wine_environment())
    env.pop("DISPLAY", None)
    if display:
        env["DISPLAY"] = display
    _wine("wine_stop", env=env)
    _wine("wine_start", env=env)
    try:
        yield
    finally:
        _wine("wine_stop", env=env)


def offscreen_environment() -> dict[str, str]:
    """Wine's environment for a Windows program drawing offscreen, printing UTF-8.

    Wine passes QT_* to Windows programs only as WINEQT_*; offscreen Qt finds fonts only
    where it is told.
    """
    return dict(
        wine_environment(),
        PYTHONIOENCODING="utf-8",
        WINEQT_QPA_PLATFORM="offscreen",
        WINEQT_QPA_FONTDIR=windows_path(REPO / "resources" / "fonts"),
    )


def run(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """facilitator-cli.exe ARGS under Wine, its output through pipes (a Windows process
    whose stdout is a regular file dies in Wine 8 at start)."""
    return subprocess.run(
        ["wine", str(CLI_EXE), *args],
        env=offscreen_environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def prefix() -> Path:
    return Path(wine_environment()["WINEPREFIX"])


def system32() -> Path:
    return prefix() / "drive_c" / "windows" / "system32"


def user_data() -> Path:
    """%LOCALAPPDATA%\\Facilitator in the Wine prefix (Wine sets LOCALAPPDATA itself)."""
    user = pwd.getpwuid(os.getuid()).pw_name
    return prefix() / "drive_c" / "users" / user / "AppData" / "Local" / "Facilitator"
