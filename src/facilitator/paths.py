"""Where bundled resources and the user's data live, from source, installed or frozen."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "Facilitator"
APP_ORG = "Facilitator"


@cache
def resources_root() -> Path:
    """The folder holding decks, plans, icons and sounds.

    Frozen (PyInstaller) it sits in the bundle; installed it ships inside the package;
    from a source checkout it is the repository's ``resources/``.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "facilitator" / "resources"
    here = Path(__file__).resolve().parent
    packaged = here / "resources"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def user_data_dir() -> Path:
    """Logs, settings and the recent-events list: never beside the executable.

    The platform's per-user data folder: %LOCALAPPDATA% on Windows, Application Support on
    macOS, $XDG_DATA_HOME (else ~/.local/share) elsewhere. Three rules do not need a
    library whose import costs ~10 ms of every start.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    path = base / APP_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_dir() -> Path:
    path = user_data_dir() / "demo"
    path.mkdir(parents=True, exist_ok=True)
    return path
