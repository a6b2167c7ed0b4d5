"""The command line: exit 0 done, 1 bad input with one line on stderr, 2 wrong usage."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import __version__
from facilitator.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args], capture_output=True, text=True, timeout=120
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"facilitator {__version__}"


def test_new_then_info(tmp_path: Path) -> None:
    path = tmp_path / "event.facilitator"
    result = run("new", str(path), "--title", "Spring network day", "--tables", "7")
    assert result.returncode == 0, result.stderr
    assert path.is_file()
    info = run("info", str(path))
    assert info.returncode == 0, info.stderr
    assert "Title: Spring network day" in info.stdout
    assert "Tables: 7" in info.stdout
    assert "Entries: 0" in info.stdout
    assert "Schema: 0006" in info.stdout


def test_new_uses_the_demo_deck_and_plan_by_default(tmp_path: Path, capsys) -> None:
    path = tmp_path / "e.facilitator"
    assert main(["new", str(path)]) == 0
    out = capsys.readouterr().out
    assert "System leadership behaviours" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "{tmp}/missing/e.facilitator"], "does not exist"),
        (["new", "{tmp}/e.facilitator", "--tables", "0"], "number of tables"),
        (["new", "{tmp}/e.facilitator", "--plan", "no-such-template"], "no-such-template"),
        (["new", "{tmp}/e.facilitator", "--deck", "{tmp}/nowhere.toml"], "nowhere.toml"),
        (["info", "{tmp}/nothing.facilitator"], "no such file"),
        (["info", "{tmp}"], "is a folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    tmp_path: Path, capsys, args: list[str], message: str
) -> None:
    assert main([a.format(tmp=tmp_path) for a in args]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "e.facilitator").exists()


def test_new_onto_an_existing_file_changes_nothing(event_path: Path, capsys) -> None:
    before = hashlib.sha256(event_path.read_bytes()).hexdigest()
    assert main(["new", str(event_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert hashlib.sha256(event_path.read_bytes()).hexdigest() == before


def test_info_on_a_file_that_is_not_an_event(tmp_path: Path) -> None:
    path = tmp_path / "photo.facilitator"
    path.write_bytes(b"\x89PNG\r\n" + b"\0" * 200)
    result = run("info", str(path))
    assert result.returncode == 1
    expected = f"{path}: is not a Facilitator event file (not an SQLite database)"
    assert result.stderr.strip() == expected


def test_wrong_usage_exits_2() -> None:
    assert run("new").returncode == 2
    assert run("export", "x.facilitator", "--format", "docx").returncode == 2
    assert run("--no-such-option").returncode == 2
