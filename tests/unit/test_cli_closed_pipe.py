"""A command whose reader goes away (``facilitator info EV | head -1``) stops quietly.

Standard output here is a pipe whose reading end is already closed, so the first write
fails as it does once ``head`` has its line: every command ends with nothing on stderr, no
traceback, and status 141 (as a Unix command cut off by SIGPIPE; argparse's own --help and
--version drop what cannot be written and say 0); what it was asked to do is done.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import EXIT_PIPE_CLOSED

DECK = Path(__file__).resolve().parents[2] / "resources" / "cards" / "system-leadership"


def _into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    reading, writing = os.pipe()
    os.close(reading)
    try:
        return subprocess.run(
            [sys.executable, "-m", "facilitator", *args],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(writing)


@pytest.fixture(scope="module")
def event(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "event.facilitator"
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "new", str(path), "--tables", "3"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("info", "{event}"),
        ("links", "{event}"),
        ("deck", "check", str(DECK)),
        ("export", "{event}", "--format", "csv", "-o", "{folder}/harvest.csv"),
        ("new", "{folder}/another.facilitator"),
        ("--version",),
        ("--help",),
        ("export", "--help"),
    ],
    ids=lambda args: " ".join(a for a in args if "{" not in a and "/" not in a),
)
def test_a_command_into_a_closed_pipe_ends_without_a_traceback(
    args: tuple[str, ...], event: Path, tmp_path: Path
) -> None:
    filled = [a.format(event=event, folder=tmp_path) for a in args]
    done = _into_closed_pipe(*filled)
    assert done.stderr == ""
    asks_argparse = "--help" in args or "--version" in args
    assert done.returncode == (0 if asks_argparse else EXIT_PIPE_CLOSED)
    if args[0] == "export" and not asks_argparse:
        assert (tmp_path / "harvest.csv").is_file(), "the work was done before the output"
    if args[0] == "new":
        assert (tmp_path / "another.facilitator").is_file()


def test_with_a_reader_the_same_command_says_everything(event: Path) -> None:
    reading, writing = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "info", str(event)],
        stdout=writing,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(writing)
    with os.fdopen(reading, encoding="utf-8") as out:
        first = out.readline()
    _, err = process.communicate(timeout=120)
    assert first.startswith("Title: ")
    assert err == "" and process.returncode in (0, EXIT_PIPE_CLOSED)
