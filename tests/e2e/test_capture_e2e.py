"""A scribe types into the real app on an X server; the app is killed mid-sentence.

Starts ``python -m facilitator EVENT`` on Xvfb, types themes with xdotool (Return saves),
types half a theme, waits until the draft is in the event file, kills the app with
SIGKILL, starts it again: every saved theme is in the file, and the half-typed text is
back in the entry (Return saves it, exactly as typed). Across processes there is no
signal to wait on, so the checks poll the file or the X server until a deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_tools import App, demo_app, query, themes, until

pytestmark = pytest.mark.e2e

SAVED = ["Trust takes time", '"We lead by listening" #mindset', "Who owns the system?"]
HALF = "Half a thought about power"


def draft(path: Path) -> str | None:
    rows = query(path, "SELECT text FROM draft WHERE slot = 'capture'")
    return rows[0][0] if rows else None


@pytest.fixture
def app(xserver: Any, tmp_path: Path) -> Iterator[App]:
    running = demo_app(xserver, tmp_path, "Kill test")
    yield running
    running.stop()


def start_typing(app: App) -> None:
    app.start()
    app.xdotool("key", "ctrl+t")  # the cursor goes to the theme entry


def test_a_kill_loses_no_saved_theme_and_the_half_typed_text_comes_back(app: App) -> None:
    start_typing(app)
    for text in SAVED:
        app.type(text)
        app.xdotool("key", "Return")
    until("every theme in the file", lambda: themes(app.event) == SAVED)
    app.type(HALF)
    until("the draft in the file", lambda: draft(app.event) == HALF)
    assert app.alive(), app.errors()

    app.kill()
    assert themes(app.event) == SAVED
    assert draft(app.event) == HALF

    start_typing(app)
    app.xdotool("key", "Return")  # the text is back in the entry: Return saves it
    until("the half-typed text saved", lambda: themes(app.event) == [*SAVED, HALF])
    until("the draft cleared", lambda: draft(app.event) is None)
    cards = query(app.event, "SELECT cards_json FROM theme WHERE text LIKE '%listening%'")
    assert cards == [('["mindset"]',)]
    kinds = query(app.event, "SELECT kind FROM theme ORDER BY created_at")
    assert [k[0] for k in kinds] == ["theme", "quote", "question", "theme"]
    assert app.alive(), app.errors()
