"""A scribe types into the real app on an X server; the app is killed mid-sentence.

Starts ``python -m facilitator EVENT`` on Xvfb, types themes with xdotool (Return saves),
types half a theme, waits until the draft is in the event file, kills the app with
SIGKILL, starts it again: every saved theme is in the file, and the half-typed text is
back in the entry (Return saves it, exactly as typed). Across processes there is no
signal to wait on, so the checks poll the file or the X server until a deadline.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_tools import console_window, query, themes, until

pytestmark = pytest.mark.e2e

SAVED = ["Trust takes time", '"We lead by listening" #mindset', "Who owns the system?"]
HALF = "Half a thought about power"


def draft(path: Path) -> str | None:
    rows = query(path, "SELECT text FROM draft WHERE slot = 'capture'")
    return rows[0][0] if rows else None


class App:
    def __init__(self, xserver: Any, event: Path, tmp: Path) -> None:
        self.laptop = f"{xserver.display}.0"
        self.env = xserver.env(XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"))
        self.event = event
        self.log = tmp / "app.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "facilitator", str(self.event)],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        window = until("the console window", lambda: console_window(self.laptop))
        self.xdotool("windowfocus", "--sync", window)
        self.xdotool("key", "ctrl+t")  # the cursor goes to the theme entry

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.laptop}, check=True)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "15", text)

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


@pytest.fixture
def app(xserver: Any, tmp_path: Path) -> Iterator[App]:
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed")
    from facilitator.core.demo import load_deck_choice, load_plan_choice
    from facilitator.store.db import EventStore

    event = tmp_path / "event.facilitator"
    EventStore.create(
        event, title="Kill test", deck=load_deck_choice(None), plan=load_plan_choice(None)
    ).close()
    running = App(xserver, event, tmp_path)
    yield running
    running.stop()


def test_a_kill_loses_no_saved_theme_and_the_half_typed_text_comes_back(app: App) -> None:
    app.start()
    for text in SAVED:
        app.type(text)
        app.xdotool("key", "Return")
    until("every theme in the file", lambda: themes(app.event) == SAVED)
    app.type(HALF)
    until("the draft in the file", lambda: draft(app.event) == HALF)
    assert app.alive(), app.log.read_text(errors="replace")[-3000:]

    app.kill()
    assert themes(app.event) == SAVED
    assert draft(app.event) == HALF

    app.start()
    app.xdotool("key", "Return")  # the text is back in the entry: Return saves it
    until("the half-typed text saved", lambda: themes(app.event) == [*SAVED, HALF])
    until("the draft cleared", lambda: draft(app.event) is None)
    cards = query(app.event, "SELECT cards_json FROM theme WHERE text LIKE '%listening%'")
    assert cards == [('["mindset"]',)]
    kinds = query(app.event, "SELECT kind FROM theme ORDER BY created_at")
    assert [k[0] for k in kinds] == ["theme", "quote", "question", "theme"]
    assert app.alive(), app.log.read_text(errors="replace")[-3000:]
