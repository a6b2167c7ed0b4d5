"""A logout or a shutdown ends the app with SIGTERM (Ctrl+C in a terminal: SIGINT): what
was typed in the last moments is kept as the draft, and the event file is closed cleanly
(issue 19, 9).

The app runs as a subprocess on the offscreen platform; FACILITATOR_TEST_TYPE types into
the capture entry and prints "typed", and the signal follows at once, well inside the
draft's 300 ms debounce.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from e2e_tools import query

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
TEXT = "Said a second before the laptop was shut down"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_keeps_the_draft_and_closes_the_file(
    event_path: Path, tmp_path: Path, signum: int
) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        FACILITATOR_TEST_TYPE=TEXT,
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")]),
    )
    log = tmp_path / "stderr.txt"
    with (
        open(log, "wb") as errors,
        subprocess.Popen(
            [sys.executable, "-m", "facilitator", str(event_path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        ) as app,
    ):
        try:
            assert app.stdout is not None
            for line in app.stdout:  # blocks until the app has typed (or ended)
                if line.strip() == "typed":
                    break
            else:
                pytest.fail(f"the app did not start: {log.read_text(errors='replace')}")
            app.send_signal(signum)
            app.communicate(timeout=30)
        finally:
            if app.poll() is None:
                app.kill()
    assert app.returncode == 0, log.read_text(errors="replace")
    assert not Path(f"{event_path}-wal").exists()  # closed cleanly: nothing left beside it
    assert query(event_path, "SELECT text FROM draft WHERE slot = 'capture'") == [(TEXT,)]
