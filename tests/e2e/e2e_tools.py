"""What the end-to-end tests share: waiting across processes, finding windows, reading files.

Across processes there is no signal to wait on: the checks poll the event file or the
X server until a deadline.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
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


def projector_window(display: str) -> str | None:
    """The X window id of the projector (titled "Facilitator — projector"), if shown."""
    out = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^Facilitator — projector$"],
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


class App:
    """The real app (``python -m facilitator EVENT``) on the test's X server, driven with
    xdotool; its stderr goes to ``stderr``, its log (in its own user data folder) to ``log()``."""

    def __init__(self, xserver: Any, event: Path, tmp: Path) -> None:
        self.laptop = f"{xserver.display}.0"
        self.projector = f"{xserver.display}.1"
        self.data = tmp / "data"
        self.env = xserver.env(XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(self.data))
        self.event = event
        self.stderr = tmp / "stderr.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with open(self.stderr, "ab") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "facilitator", str(self.event)],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        window = until("the console window", lambda: console_window(self.laptop))
        # the projector is placed just after the console's first paint: typing starts once
        # it is up, so no key reaches the app while the windows are still being placed
        until("the projector window", lambda: projector_window(self.projector))
        self.xdotool("windowfocus", "--sync", window)

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.laptop}, check=True)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "15", text)

    def log(self) -> str:
        path = self.data / "Facilitator" / "logs" / "facilitator.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def errors(self) -> str:
        return self.stderr.read_text(errors="replace")[-3000:] if self.stderr.exists() else ""

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            assert self.process is not None
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def demo_app(xserver: Any, tmp: Path, title: str) -> App:
    """A fresh demo event (the bundled deck and plan) and the app that will open it."""
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed")
    from facilitator.core.demo import load_deck_choice, load_plan_choice
    from facilitator.store.db import EventStore

    event = tmp / "event.facilitator"
    EventStore.create(
        event, title=title, deck=load_deck_choice(None), plan=load_plan_choice(None)
    ).close()
    return App(xserver, event, tmp)
