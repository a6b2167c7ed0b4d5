"""kill -9 at any moment loses no saved theme and leaves a sound file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

WRITER = """
import sys, pathlib, random
from facilitator.store.db import EventStore
store = EventStore.open(pathlib.Path(sys.argv[1]))
tables = store.tables()
rnd = random.Random(int(sys.argv[2]))
print("ready", flush=True)
n = 0
while True:
    n += 1
    text = f"theme {n} " + "é" * rnd.randrange(0, 5000)
    theme = store.add_theme(text, table_id=rnd.choice(tables).id, round_id=None)
    if n % 7 == 0:
        store.delete_theme(theme.id)
        store.restore_theme(theme.id)
    store.save_draft("capture", f"draft after {n}")
    print("saved", theme.id, flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(20))
def test_a_killed_writer_loses_no_saved_theme(event_path: Path, trial: int) -> None:
    rnd = random.Random(trial)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(event_path), str(trial)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    saved: list[str] = []
    kill_after = rnd.randrange(1, 80)
    for line in writer.stdout:
        saved.append(line.split()[1])
        if len(saved) >= kill_after:
            break
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    # every line the writer printed was printed after its save returned
    conn = sqlite3.connect(event_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        in_file = {row[0] for row in conn.execute("SELECT id FROM theme WHERE deleted_at IS NULL")}
        draft = conn.execute("SELECT text FROM draft WHERE slot='capture'").fetchone()
    finally:
        conn.close()
    assert set(saved) <= in_file
    assert draft is not None and draft[0].startswith("draft after")
