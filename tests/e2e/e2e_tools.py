"""What the end-to-end tests share: waiting across processes, finding windows, reading files.

Across processes there is no signal to wait on: the checks poll the event file or the
X server until a deadline.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DEADLINE = 30.0


def until(what: str, check: Callable[[], Any], timeout: float = DEADLINE) -> Any:
    """Poll ``check`` until it gives something true; fail the test, saying what, at the deadline."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def console_window(display: str) -> str | None:
    """The X window id of the app's console (its title ends "— Facilitator"), if shown."""
    out = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "— Facilitator$"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return out[0] if out else None


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Read the event file as another program would: read-only, never blocking the app."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def themes(path: Path) -> list[str]:
    """The texts of the event's themes that are not deleted, oldest first."""
    rows = query(path, "SELECT text FROM theme WHERE deleted_at IS NULL ORDER BY created_at")
    return [r[0] for r in rows]
