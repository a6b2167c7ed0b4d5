"""An event held open by another process, as the app holds it, driven line by line.

The process opens the event for writing and answers commands on stdin, one line each:
``add TEXT`` saves an entry and prints its id; ``peek`` opens and closes the event
read-only in the same process, as the entries list and the export dialog do; ``settle``
waits until the file alone is up to date; ``quit`` closes the event.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys, pathlib
from facilitator.store.db import EventStore
store = EventStore.open(pathlib.Path(sys.argv[1]))
print("ready", flush=True)
for line in sys.stdin:
    command, _, text = line.rstrip("\\n").partition(" ")
    if command == "add":
        print(store.add_theme(text, table_id=None, round_id=None).id, flush=True)
    elif command == "peek":
        EventStore.open(pathlib.Path(sys.argv[1]), readonly=True).close()
        print("peeked", flush=True)
    elif command == "settle":
        print("settled" if store.checkpointer.wait_idle(30) else "stuck", flush=True)
    elif command == "quit":
        store.close()
        print("closed", flush=True)
        break
"""


class AppProcess:
    def __init__(self, event: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(event)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.read() == "ready"

    def read(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ask(self, line: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.read()

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def quit(self) -> None:
        assert self.ask("quit") == "closed"
        self.process.wait()
        self.kill()
