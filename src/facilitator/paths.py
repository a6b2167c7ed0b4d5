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
    return _folder(base / APP_NAME)


def _folder(path: Path) -> Path:
    """``path``, made if need be; on a read-only or full home, a folder in the temporary
    folder instead, so the app still opens (it says where its log went)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        import tempfile

        user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
        fallback = Path(tempfile.gettempdir()) / f"{APP_NAME}-{user}" / path.name
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


def log_dir() -> Path:
    return _folder(user_data_dir() / "logs")


def demo_dir() -> Path:
    return _folder(user_data_dir() / "demo")
