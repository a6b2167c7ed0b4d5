"""The real app, killed mid-round, reopens where it was (issue 19, defect 4).

Starts ``python -m facilitator EVENT`` on Xvfb, goes to round 3 and starts its clock with
the console's keys (Ctrl+Right twice, Space), kills the app with SIGKILL once the start is
in the event file, and starts it again: it says (in its log) that it reopened in round 3
with the clock running on from where it was, and the next entry typed is saved under
round 3. Across processes there is no signal to wait on: the checks poll the event file
and the log until a deadline.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_tools import App, demo_app, query, until

pytestmark = pytest.mark.e2e

ROUND_MINUTES = 15  # round 3 of the demo plan, "Second conversation"
TOLERANCE = 5.0  # seconds: the app's start-up and the polls between the two clocks
REOPENED = re.compile(r"reopened in round (\d+): \S+ left \((-?[\d.]+) s\), (\w+)")


@pytest.fixture
def app(xserver: Any, tmp_path: Path) -> Iterator[App]:
    running = demo_app(xserver, tmp_path, "Restart test")
    yield running
    running.stop()


def round_ids(event: Path) -> list[str]:
    return [r[0] for r in query(event, "SELECT id FROM round ORDER BY position")]


def started(event: Path, round_id: str) -> bool:
    rows = query(
        event, f"SELECT 1 FROM timeline WHERE kind = 'round_started' AND round_id = '{round_id}'"
    )
    return bool(rows)


def test_a_kill_mid_round_reopens_in_that_round_with_its_clock_running_on(app: App) -> None:
    third = round_ids(app.event)[2]
    app.start()
    app.xdotool("key", "Escape")  # the clicker's keys, whatever has the cursor
    app.xdotool("key", "ctrl+Right", "ctrl+Right", "space")
    until("round 3 started in the file", lambda: started(app.event, third))
    began = time.monotonic()
    app.kill()

    app.start()
    found = until("the reopened round in the log", lambda: REOPENED.search(app.log()))
    ran = time.monotonic() - began
    number, remaining, state = int(found[1]), float(found[2]), found[3]
    assert (number, state) == (3, "running"), app.errors()
    # it ran on while the app was down: at most what passed since the start was seen
    assert ROUND_MINUTES * 60 - ran - TOLERANCE <= remaining <= ROUND_MINUTES * 60 - ran + 1.0

    app.xdotool("key", "ctrl+t")
    app.xdotool("type", "--delay", "15", "After the crash")
    app.xdotool("key", "Return")
    saved = until(
        "the new entry in the file",
        lambda: query(app.event, "SELECT round_id FROM theme WHERE text = 'After the crash'"),
    )
    assert saved == [(third,)]
