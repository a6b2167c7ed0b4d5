"""Where bundled resources and the user's data live, from source, installed or frozen."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from platformdirs import user_data_path

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
    """Logs, settings and the recent-events list: never beside the executable."""
    path = user_data_path(APP_NAME, appauthor=False)
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
