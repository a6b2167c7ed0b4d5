"""A path is data, never syntax; a name too long gets a clear message and leaves nothing.

Issue 19, defects 3 and 10: a ``#`` in the title made the file unusable, ``?`` and ``%25``
failed ``new`` with a wrong message and stray files, long names ended in tracebacks.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

NAMES = [
    "Leadership Lab #4",
    "What next?",
    "100%25 and %41",
    "Quote's \"double\" here",
    "Łódź & Kraków — 東京 🙂",
    "  spaces  around ",
]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.mark.parametrize("name", NAMES)
def test_a_name_with_url_syntax_works_everywhere(tmp_path: Path, name: str) -> None:
    event = tmp_path / f"{name}.facilitator"
    created = cli("new", str(event), "--tables", "3", "--title", name)
    assert created.returncode == 0, created.stderr
    from facilitator.store.db import EventStore

    with EventStore.open(event) as store:
        store.add_theme("trust comes first", table_id=store.tables()[0].id, round_id=None)
    info = cli("info", str(event))
    assert info.returncode == 0, info.stderr
    assert "Entries: 1" in info.stdout
    exported = cli("export", str(event), "--format", "csv", "-o", str(tmp_path / "out.csv"))
    assert exported.returncode == 0, exported.stderr
    assert "trust comes first" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    merged = cli("merge", str(tmp_path / f"merged {name}.facilitator"), str(event))
    assert merged.returncode == 0, merged.stderr
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([event.name, "out.csv", f"merged {name}.facilitator"])


def name_max(folder: Path) -> int:
    return os.pathconf(folder, "PC_NAME_MAX")


def test_new_with_a_name_too_long_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    stem = "n" * (name_max(tmp_path) - len(".facilitator") - 3)
    event = tmp_path / f"{stem}.facilitator"
    result = cli("new", str(event))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "too long" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_long_event_name_exports_every_format(tmp_path: Path) -> None:
    # the longest name the app accepts: its exports must fit too
    stem = "e" * (name_max(tmp_path) - len(".facilitator") - len("-journal"))
    event = tmp_path / f"{stem}.facilitator"
    assert cli("new", str(event), "--tables", "2").returncode == 0
    for fmt in ("xlsx", "csv"):
        out = tmp_path / f"{'x' * (name_max(tmp_path) - 5)}.{fmt}"
        result = cli("export", str(event), "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_an_export_left_half_done_by_a_killed_export_is_tidied(event_path: Path) -> None:
    folder = event_path.parent
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = folder / f".facilitator-export-{dead.pid}-0123abcd.part"
    stale.write_bytes(b"half a spreadsheet")
    result = cli("export", str(event_path), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert not stale.exists()


def test_an_export_into_a_folder_that_cannot_be_written_is_one_line(
    event_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    for fmt in ("xlsx", "csv", "pdf"):
        command = [
            sys.executable, "-m", "facilitator", "export", str(event_path),
            "--format", fmt, "-o", str(folder / f"harvest.{fmt}"),
        ]
        folder.chmod(0o555)
        tmp_path.chmod(0o755)
        event_path.parent.chmod(0o755)
        event_path.chmod(0o644)
        if os.geteuid() == 0:  # root writes anywhere: run as an ordinary user
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
            for parent in event_path.parents:
                if parent == Path("/tmp"):
                    break
                parent.chmod(parent.stat().st_mode | 0o055)
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert "cannot be written" in result.stderr
        assert result.stderr.count("\n") == 1
